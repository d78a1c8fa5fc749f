"""The ceiling of the Python stack: the six answers as bare FastAPI JSON endpoints over the same read model.

The answers are computed by the same functions as the GraphQL resolvers (graphql_api.domain.answers)
and shaped like the benchmark's GraphQL selections, without GraphQL: what the HTTP benchmark
compares our endpoint with.
"""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.routing import Mount

from graphql_api.data.model import ReadModel
from graphql_api.domain import answers
from graphql_api.domain.answers import Lookup, PersonReturn, ReleaseCount
from graphql_api.domain.arguments import InvalidArgumentError


def add_bare_routes(app: Starlette, model: ReadModel) -> None:
    """The bare endpoints, a FastAPI application mounted at /bare in the service's application."""
    bare = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    def film(row: int) -> dict[str, Any]:
        return {"id": int(model.movie_ids[row]), "title": model.titles[row]}

    def lookup(found: Lookup[Any], match: Any) -> dict[str, Any]:
        return {
            "message": found.message,
            "suggestions": list(found.suggestions),
            "matches": [match(answer) for answer in found.matches],
        }

    def success(answer: PersonReturn) -> dict[str, Any]:
        return {
            "filmCount": answer.film_count,
            "totalReturn": answer.total_return,
            "averageReturn": answer.average_return,
            "message": answer.message,
            "person": {"id": int(model.person_ids[answer.person_row]), "name": answer.name},
        }

    def release_count(count: Callable[[ReadModel, str], ReleaseCount], value: str, name_key: str) -> dict[str, Any]:
        try:
            answer = count(model, value)
        except InvalidArgumentError as error:
            return {"errors": [{"message": str(error), "extensions": error.extensions}]}
        return {"count": answer.count, "message": answer.message, name_key: answer.name}

    @bare.get("/releasesInMonth")
    async def releases_in_month(month: str) -> dict[str, Any]:
        return release_count(answers.releases_in_month, month, "monthName")

    @bare.get("/releasesOnWeekday")
    async def releases_on_weekday(day: str) -> dict[str, Any]:
        return release_count(answers.releases_on_weekday, day, "dayName")

    @bare.get("/titleScore")
    async def title_score(title: str) -> dict[str, Any]:
        return lookup(
            answers.title_score(model, title),
            lambda answer: {"title": answer.title, "releaseYear": answer.release_year, "score": answer.score,
                            "message": answer.message, "movie": {"id": film(answer.movie_row)["id"]}},
        )  # fmt: skip

    @bare.get("/titleVotes")
    async def title_votes(title: str) -> dict[str, Any]:
        return lookup(
            answers.title_votes(model, title),
            lambda answer: {"title": answer.title, "releaseYear": answer.release_year,
                            "voteCount": answer.vote_count, "voteAverage": answer.vote_average,
                            "meetsThreshold": answer.meets_threshold, "message": answer.message,
                            "movie": {"id": film(answer.movie_row)["id"]}},
        )  # fmt: skip

    @bare.get("/actor")
    async def actor(name: str) -> dict[str, Any]:
        return lookup(answers.actor(model, name), success)

    @bare.get("/director")
    async def director(name: str) -> dict[str, Any]:
        def with_films(answer: PersonReturn) -> dict[str, Any]:
            films = [
                {"title": directed.title, "releaseDate": directed.release_date, "return": directed.return_,
                 "budget": directed.budget, "revenue": directed.revenue,
                 "movie": {"id": film(directed.movie_row)["id"]}}
                for directed in (answers.directed_film(model, row) for row in answer.film_rows)
            ]  # fmt: skip
            return {**success(answer), "films": films}

        return lookup(answers.director(model, name), with_films)

    @bare.get("/recommendations")
    async def recommendations(title: str) -> dict[str, Any]:
        return lookup(
            answers.films_like(model, title, 5),
            lambda answer: {"movie": film(answer.movie_row), "message": answer.message,
                            "similar": [{"score": entry.score, "movie": film(entry.movie_row)}
                                        for entry in answer.similar]},
        )  # fmt: skip

    app.app.router.routes.append(Mount("/bare", app=bare))
