"""The Collection type: a franchise or series of films."""

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.schema import movie
from graphql_api.schema.sizes import assumed

if TYPE_CHECKING:
    from graphql_api.schema.movie import Movie

MovieType = Annotated["Movie", strawberry.lazy("graphql_api.schema.movie")]

ASSUMED_FILMS = 10  # films of one collection


@strawberry.type(description="A collection of related films, such as a franchise and its sequels.")
class Collection:
    id: int = strawberry.field(description="TMDB collection id.")
    name: str | None = strawberry.field(description="Collection name.")
    _model: strawberry.Private[ReadModel]

    @classmethod
    def of(cls, model: ReadModel, collection_id: int) -> Self | None:
        if collection_id < 0:
            return None
        return cls(id=collection_id, name=model.collection_names.get(collection_id), _model=model)

    @strawberry.field(
        description="The films of the collection in the data set, oldest first.", metadata=assumed(ASSUMED_FILMS)
    )
    def movies(self) -> list[MovieType]:
        return [movie.Movie.of(self._model, row) for row in self._model.collection_movies.get(self.id, [])]
