"""The ceiling of the Python stack: the six answers as bare FastAPI JSON endpoints over the same read model.

Same lookups and the same figures as the GraphQL resolvers, without GraphQL: what the HTTP benchmark
compares our endpoint with.
"""

from typing import Any

from fastapi import FastAPI

from graphql_api import messages
from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES, month_number, weekday_number
from graphql_api.data.model import ReadModel
from graphql_api.data.text import normalize


def add_bare_routes(app: FastAPI, model: ReadModel) -> None:
    def film(row: int) -> dict[str, Any]:
        return {
            "title": model.titles[row],
            "releaseYear": int(model.release_years[row]),
            "movie": {"id": int(model.movie_ids[row])},
        }

    @app.get("/bare/releasesInMonth")
    async def releases_in_month(month: str) -> dict[str, Any]:
        number = month_number(month) or 1
        count = int(model.releases_per_month[number])
        return {
            "count": count,
            "message": messages.releases_in_month(count, number),
            "monthName": MONTHS_ES[number - 1],
        }

    @app.get("/bare/releasesOnWeekday")
    async def releases_on_weekday(day: str) -> dict[str, Any]:
        number = weekday_number(day) or 0
        count = int(model.releases_per_weekday[number])
        return {"count": count, "message": messages.releases_on_weekday(count, number), "dayName": WEEKDAYS_ES[number]}

    @app.get("/bare/titleScore")
    async def title_score(title: str) -> dict[str, Any]:
        matches = []
        for row in model.titles_by_key.get(normalize(title)):
            score = float(model.popularity[row])
            found = film(row)
            matches.append(
                {**found, "score": score, "message": messages.title_score(found["title"], found["releaseYear"], score)}
            )
        return {
            "message": matches[0]["message"] if matches else messages.no_title(title),
            "suggestions": [],
            "matches": matches,
        }

    @app.get("/bare/titleVotes")
    async def title_votes(title: str) -> dict[str, Any]:
        matches = []
        for row in model.titles_by_key.get(normalize(title)):
            votes, average = int(model.vote_counts[row]), float(model.vote_averages[row])
            found = film(row)
            meets = votes >= messages.VOTES_THRESHOLD
            message = (
                messages.title_votes(found["title"], found["releaseYear"], votes, average)
                if meets
                else messages.title_votes_below_threshold(found["title"], found["releaseYear"])
            )
            matches.append({**found, "voteCount": votes if meets else None, "voteAverage": average if meets else None,
                            "meetsThreshold": meets, "message": message})  # fmt: skip
        return {
            "message": matches[0]["message"] if matches else messages.no_title(title),
            "suggestions": [],
            "matches": matches,
        }

    @app.get("/bare/actor")
    async def actor(name: str) -> dict[str, Any]:
        matches = []
        for row in model.actors_by_key.get(normalize(name)):
            films, total = int(model.acting.film_count[row]), float(model.acting.total_return[row])
            person = {"id": int(model.person_ids[row]), "name": model.person_names[row]}
            message = messages.actor(person["name"], films, total, total / films)
            matches.append({"filmCount": films, "totalReturn": total, "averageReturn": total / films,
                            "message": message, "person": person})  # fmt: skip
        return {
            "message": matches[0]["message"] if matches else messages.no_actor(name),
            "suggestions": [],
            "matches": matches,
        }

    @app.get("/bare/director")
    async def director(name: str) -> dict[str, Any]:
        matches = []
        for row in model.directors_by_key.get(normalize(name)):
            films, total = int(model.directing.film_count[row]), float(model.directing.total_return[row])
            person = {"id": int(model.person_ids[row]), "name": model.person_names[row]}
            directed = [
                {"title": model.titles[film_row], "releaseDate": model.release_dates[film_row],
                 "return": float(model.returns[film_row]), "budget": float(model.budgets[film_row]),
                 "revenue": float(model.revenues[film_row]), "movie": {"id": int(model.movie_ids[film_row])}}
                for film_row in model.directing.films.slice(row)
            ]  # fmt: skip
            matches.append({"filmCount": films, "totalReturn": total, "averageReturn": total / films,
                            "message": messages.director(person["name"], films, total, total / films),
                            "person": person, "films": directed})  # fmt: skip
        return {
            "message": matches[0]["message"] if matches else messages.no_director(name),
            "suggestions": [],
            "matches": matches,
        }

    @app.get("/bare/recommendations")
    async def recommendations(title: str) -> dict[str, Any]:
        matches = []
        for row in model.titles_by_key.get(normalize(title)):
            similar = [
                {"score": score, "movie": {"id": int(model.movie_ids[other]), "title": model.titles[other]}}
                for other, score in model.similar(row, 5)
            ]
            found = film(row)
            message = messages.recommendations(
                found["title"], found["releaseYear"], [s["movie"]["title"] for s in similar]
            )
            matches.append({"movie": {"id": found["movie"]["id"], "title": found["title"]}, "similar": similar,
                            "message": message})  # fmt: skip
        return {
            "message": matches[0]["message"] if matches else messages.no_title(title),
            "suggestions": [],
            "matches": matches,
        }
