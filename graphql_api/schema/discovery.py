"""The root fields of discovery: search and browse films, complete titles, search people, recommend for a taste."""

from typing import Annotated

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.domain import autocomplete, movie_filter, movie_search, people_search, taste
from graphql_api.domain.rules import MAX_COMPLETIONS, MAX_SEARCH_LENGTH, MAX_TASTE_FILMS, MAX_TASTE_RECOMMENDATIONS
from graphql_api.schema.entities import Genre
from graphql_api.schema.movie import Movie
from graphql_api.schema.movie_search import ASSUMED_GENRES, MovieConnection, MovieFilter, MovieOrder, OrderDirection
from graphql_api.schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Connection, connection, page_start
from graphql_api.schema.people_search import PersonRole
from graphql_api.schema.person import Person
from graphql_api.schema.sizes import COMPLETION_COST, SEARCH_COST, TASTE_COST, assumed, costly, page, top
from graphql_api.schema.taste import Recommendation

DEFAULT_COMPLETIONS = 10
DEFAULT_RECOMMENDATIONS = 10
ASSUMED_LANGUAGES = 100
_SEARCH_TEXT = (
    f"Words of a title, in any order, any case, accents optional, typos tolerated (at most {MAX_SEARCH_LENGTH} "
    "characters). Leave it out to browse every film."
)


PageSize = Annotated[int, strawberry.argument(description=f"Items per page (0 to {MAX_PAGE_SIZE}).")]
After = Annotated[str | None, strawberry.argument(description="The cursor of the item before the page.")]


def _model(info: strawberry.Info) -> ReadModel:
    return info.root_value


@strawberry.type(description="Discovery: search, browse, completion, people, recommendations for a taste.")
class DiscoveryQuery:
    @strawberry.field(
        description="Films matching words of their title and a filter, a page at a time, in the order asked for. "
        "Without a query, every film meeting the filter (browsing).",
        metadata=costly(SEARCH_COST, **page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
    )
    def search_movies(
        self,
        info: strawberry.Info,
        query: Annotated[str | None, strawberry.argument(description=_SEARCH_TEXT)] = None,
        conditions: Annotated[
            MovieFilter | None, strawberry.argument(name="filter", description="Conditions every film must meet.")
        ] = None,
        order_by: Annotated[
            MovieOrder | None,
            strawberry.argument(description="The order; RELEVANCE with a query, POPULARITY without, by default."),
        ] = None,
        order_direction: Annotated[
            OrderDirection | None,
            strawberry.argument(description="The order's direction; each order has its natural one by default."),
        ] = None,
        first: PageSize = DEFAULT_PAGE_SIZE,
        after: After = None,
    ) -> MovieConnection:
        model = _model(info)
        results = movie_search.search_movies(
            model,
            query,
            conditions.conditions() if conditions is not None else None,
            order_by.value if order_by is not None else None,
            order_direction.value if order_direction is not None else None,
            page_start(first, after),
            first,
        )
        nodes = [Movie.of(model, row) for row in results.rows]
        return connection(  # type: ignore[return-value]
            first,
            after,
            results.total,
            lambda _start, _stop: nodes,
            MovieConnection,
            _model=model,
            _matched=results.matched,
        )

    @strawberry.field(
        description="Films completing what a user is typing, most relevant first: the last word is the start of a "
        "title word, the words before it whole words of the title. From four letters on, a typo is tolerated "
        "when too few titles complete it exactly.",
        metadata=costly(COMPLETION_COST, **top(DEFAULT_COMPLETIONS, MAX_COMPLETIONS)),
    )
    def autocomplete(
        self,
        info: strawberry.Info,
        prefix: Annotated[str, strawberry.argument(description="What the user has typed so far.")],
        first: Annotated[
            int, strawberry.argument(description=f"How many films (0 to {MAX_COMPLETIONS}).")
        ] = DEFAULT_COMPLETIONS,
    ) -> list[Movie]:
        model = _model(info)
        return [Movie.of(model, row) for row in autocomplete.autocomplete(model, prefix, first)]

    @strawberry.field(
        description="People whose name matches every word of the query (any order, typos tolerated), a page at a "
        "time: best matches first, then those with most films in the role.",
        metadata=costly(SEARCH_COST, **page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)),
    )
    def search_people(
        self,
        info: strawberry.Info,
        query: Annotated[str, strawberry.argument(description="Words of a name.")],
        role: Annotated[PersonRole, strawberry.argument(description="The role to search in.")] = PersonRole.ANY,
        first: PageSize = DEFAULT_PAGE_SIZE,
        after: After = None,
    ) -> Connection[Person]:
        model = _model(info)
        results = people_search.search_people(model, query, role.value, page_start(first, after), first)
        nodes = [Person.of(model, row) for row in results.rows]
        return connection(first, after, results.total, lambda _start, _stop: nodes)

    @strawberry.field(
        description="Films for a person's taste: near the films they liked, away from those they disliked, never "
        "one of those nor an excluded one; best first, each with the liked films it comes from and why.",
        metadata=costly(TASTE_COST, **top(DEFAULT_RECOMMENDATIONS, MAX_TASTE_RECOMMENDATIONS)),
    )
    def recommendations_for(
        self,
        info: strawberry.Info,
        liked: Annotated[
            list[int], strawberry.argument(description=f"TMDB ids of films liked (1 to {MAX_TASTE_FILMS}).")
        ],
        disliked: Annotated[
            list[int] | None,
            strawberry.argument(description=f"TMDB ids of films disliked (at most {MAX_TASTE_FILMS})."),
        ] = [],  # noqa: B006 - the schema shows the default; it is never changed
        exclude: Annotated[
            list[int] | None,
            strawberry.argument(
                description=f"TMDB ids of films not to recommend, seen say (at most {MAX_TASTE_FILMS})."
            ),
        ] = [],  # noqa: B006
        first: Annotated[
            int, strawberry.argument(description=f"How many films (0 to {MAX_TASTE_RECOMMENDATIONS}).")
        ] = DEFAULT_RECOMMENDATIONS,
    ) -> list[Recommendation]:
        model = _model(info)
        found = taste.recommendations_for(model, liked, disliked or [], exclude or [], first)
        return [Recommendation.of(model, answer) for answer in found]

    @strawberry.field(description="Every genre of the data set, by name.", metadata=assumed(ASSUMED_GENRES))
    def genres(self, info: strawberry.Info) -> list[Genre]:
        model = _model(info)
        names = model.genre_names
        by_name = sorted(range(len(names)), key=lambda row: names.name(row) or "")
        return [Genre(id=int(names.key(row)), name=names.name(row)) for row in by_name]

    @strawberry.field(
        description="Every original language of the data set's films, as ISO 639-1 codes (`filter.originalLanguage`).",
        metadata=assumed(ASSUMED_LANGUAGES),
    )
    def original_languages(self, info: strawberry.Info) -> list[str]:
        return movie_filter.original_languages(_model(info))
