"""The Collection type: a franchise or series of films."""

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.schema.movie import Movie, movie


@strawberry.type(description="A collection of related films, such as a franchise and its sequels.")
class Collection:
    id: int = strawberry.field(description="TMDB collection id.")
    name: str | None = strawberry.field(description="Collection name.")
    _model: strawberry.Private[ReadModel]

    @strawberry.field(description="The films of the collection in the data set, oldest first.")
    def movies(self) -> list[Movie]:
        return [movie(self._model, row) for row in self._model.collection_movies.get(self.id, [])]


def collection(model: ReadModel, collection_id: int) -> Collection | None:
    if collection_id < 0:
        return None
    return Collection(id=collection_id, name=model.collection_names.get(collection_id), _model=model)
