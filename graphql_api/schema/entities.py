"""Small entities a film links to: genres, companies, countries, languages."""

import strawberry


@strawberry.type(description="A film genre, as TMDB names it.")
class Genre:
    id: int = strawberry.field(description="TMDB genre id.")
    name: str | None = strawberry.field(description="Genre name, in English (for example Animation).")


@strawberry.type(description="A production company.")
class Company:
    id: int = strawberry.field(description="TMDB company id.")
    name: str | None = strawberry.field(description="Company name.")


@strawberry.type(description="A country where a film was produced.")
class Country:
    code: str = strawberry.field(description="ISO 3166-1 alpha-2 code, for example US.")
    name: str | None = strawberry.field(description="Country name, in English.")


@strawberry.type(description="A language spoken in a film.")
class Language:
    code: str = strawberry.field(description="ISO 639-1 code, for example en.")
    name: str | None = strawberry.field(description="Language name, in that language (for example Français).")
