"""Which films a listing keeps: genres, years, votes, language, people and collection, all combined."""

from dataclasses import dataclass

import numpy as np

from graphql_api.data.model import ReadModel
from graphql_api.domain import arguments
from graphql_api.domain.arguments import InvalidArgumentError
from graphql_api.domain.rules import MAX_FILTER_PEOPLE

MAX_VOTE_AVERAGE = 10.0
LAST_YEAR = 9999  # dates are written YYYY-MM-DD


@dataclass(frozen=True)
class MovieFilter:
    """Conditions a film must all meet; what is left out (None or empty) keeps every film."""

    genres: tuple[str, ...] = ()  # every one of them, by name
    year_from: int | None = None
    year_to: int | None = None
    min_vote_count: int | None = None
    min_vote_average: float | None = None
    original_language: str | None = None  # ISO 639-1 code
    person_ids: tuple[int, ...] = ()  # every one of them, in the cast or the crew
    collection_id: int | None = None


def genre_names(model: ReadModel) -> list[str]:
    """Every genre name of the data set, sorted."""
    return sorted(name for name in (model.genre_names.name(row) for row in range(len(model.genre_names))) if name)


def original_languages(model: ReadModel) -> list[str]:
    """Every original language code of the data set's films, sorted."""
    return sorted(code for code in model.original_languages.values if code)


def kept(model: ReadModel, conditions: MovieFilter | None) -> np.ndarray | None:
    """A mask of the films meeting every condition (by film row); None when there is none to meet."""
    if conditions is None:
        return None
    masks = [
        *(_genre(model, name) for name in conditions.genres),
        *_years(model, conditions.year_from, conditions.year_to),
        *_votes(model, conditions.min_vote_count, conditions.min_vote_average),
        *([_language(model, conditions.original_language)] if conditions.original_language is not None else []),
        *_people(model, conditions.person_ids),
        *([_collection(model, conditions.collection_id)] if conditions.collection_id is not None else []),
    ]
    if not masks:
        return None
    combined = masks[0].copy()
    for mask in masks[1:]:
        combined &= mask
    return combined


def _genre(model: ReadModel, name: str) -> np.ndarray:
    found = arguments.choice("filter.genres", name, genre_names(model))
    row = next(row for row in range(len(model.genre_names)) if model.genre_names.name(row) == found)
    offsets = model.genre_movie_offsets
    return _mask(model, model.genre_movie_rows[offsets[row] : offsets[row + 1]])


def _years(model: ReadModel, first: int | None, last: int | None) -> list[np.ndarray]:
    for argument, year in (("filter.yearFrom", first), ("filter.yearTo", last)):
        if year is not None and not 0 <= year <= LAST_YEAR:
            raise InvalidArgumentError(argument, f"`{argument}` must be a year between 0 and {LAST_YEAR}, got {year}")
    if first is not None and last is not None and first > last:
        raise InvalidArgumentError("filter.yearFrom", f"`filter.yearFrom` ({first}) is after `filter.yearTo` ({last})")
    years = model.release_years
    return [
        mask
        for mask in (years >= first if first is not None else None, years <= last if last is not None else None)
        if mask is not None
    ]


def _votes(model: ReadModel, count: int | None, average: float | None) -> list[np.ndarray]:
    masks = []
    if count is not None:
        if count < 0:
            raise InvalidArgumentError("filter.minVoteCount", f"`filter.minVoteCount` must be 0 or more, got {count}")
        masks.append(model.vote_counts >= count)
    if average is not None:
        if not 0 <= average <= MAX_VOTE_AVERAGE:
            raise InvalidArgumentError(
                "filter.minVoteAverage", f"`filter.minVoteAverage` must be between 0 and 10, got {average}"
            )
        masks.append(model.vote_averages >= average)  # an unknown average (NaN) is never enough
    return masks


def _language(model: ReadModel, code: str) -> np.ndarray:
    found = arguments.choice("filter.originalLanguage", code, original_languages(model))
    return model.original_language_codes == model.original_languages.values.index(found)


def _people(model: ReadModel, person_ids: tuple[int, ...]) -> list[np.ndarray]:
    rows = arguments.rows_of("filter.personIds", person_ids, model.person_row, MAX_FILTER_PEOPLE)
    masks = []
    for row in rows:
        cast = model.cast_movie_rows[model.cast_by_person.slice(row)]
        crew = model.crew_movie_rows[model.crew_by_person.slice(row)]
        masks.append(_mask(model, np.concatenate([cast, crew])))
    return masks


def _collection(model: ReadModel, collection_id: int) -> np.ndarray:
    if model.collection_names.row_of(collection_id) is None:
        raise InvalidArgumentError(
            "filter.collectionId", f"`filter.collectionId` {collection_id} is not a collection of this data set"
        )
    return model.collection_ids == collection_id


def _mask(model: ReadModel, rows: np.ndarray) -> np.ndarray:
    mask = np.zeros(model.movie_count, dtype=bool)
    mask[rows] = True
    return mask
