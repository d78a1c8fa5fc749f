"""Declarations of how long each list field can be, read by the engine's cost estimate.

Every list field declares one (a test walks the schema): a page (`first`/`after` connection), a
top list sliced by `first`, a list of a size the data decides (an assumed size), or a connection's
item list (sized by its parent's page).
"""

from typing import Any

from graphql_api.engine.declarations import COST, LIST_SIZE, Cost, ListSize

CONNECTION_ITEMS = ("edges", "nodes")
LOOKUP_COST = 150  # a title or name that matches nothing is looked for among every known one (did you mean?)
# Discovery, in objects' worth of work like LOOKUP_COST. The engine counts a sliced field's cost once per
# item its page may hold, so these are per item: a page of 20 films found is worth 300 objects (the
# work of a search, a millisecond or two at full scale), the most a request runs inline before it goes
# to the worker thread.
SEARCH_COST = 15
COMPLETION_COST = 5
TASTE_COST = 10
REASON_COST = 1
FACETS_COST = 100


def page(default: int, maximum: int) -> dict[str, Any]:
    """A connection field whose page holds `first` items."""
    return sizing(default, maximum, *CONNECTION_ITEMS)


def top(default: int, maximum: int) -> dict[str, Any]:
    """A list of the `first` best items."""
    return {LIST_SIZE: ListSize(default, maximum, "first")}


def assumed(size: int) -> dict[str, Any]:
    """A list as long as the data makes it (genres of a film, films sharing a title)."""
    return {LIST_SIZE: ListSize(size, None)}


def page_items(maximum: int) -> dict[str, Any]:
    """`edges` and `nodes` of a connection: as many as its page holds."""
    return sized_by_parent(maximum)


def sized_by_parent(maximum: int) -> dict[str, Any]:
    """A list holding as many items as an ancestor's slicing argument asked for."""
    return {LIST_SIZE: ListSize(maximum, maximum, sized_by_parent=True)}


def sizing(default: int, maximum: int, *sized_fields: str) -> dict[str, Any]:
    """A field whose `first` sets how many items the lists named below it hold."""
    return {LIST_SIZE: ListSize(default, maximum, "first", sized_fields)}


def costly(weight: int, **declared: Any) -> dict[str, Any]:
    """A field doing `weight` objects' worth of work per call (a fuzzy search, say)."""
    return {**declared, COST: Cost(weight)}


def lookup() -> dict[str, Any]:
    """A lookup by title or name: a miss costs a fuzzy search for suggestions."""
    return costly(LOOKUP_COST)
