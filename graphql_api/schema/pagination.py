"""Relay-style cursor pagination with a hard cap on page size."""

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry

from graphql_api.data.columns import Groups
from graphql_api.domain.arguments import InvalidArgumentError, count_between
from graphql_api.schema.sizes import page_items

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20

Node = TypeVar("Node")
_CURSOR_PREFIX = "offset:"


@strawberry.type(description="Where a page stands in its list (Relay cursor connections).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow this page.")
    has_previous_page: bool = strawberry.field(description="True when items come before this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item; null on an empty page.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item; pass it as `after` to get the next page. Null on an empty page."
    )


@strawberry.type(description="An item of a page, with the cursor that points at it.")
class Edge(Generic[Node]):
    cursor: str = strawberry.field(description="Opaque position of this item in the list.")
    node: Node = strawberry.field(description="The item.")


@strawberry.type(description=f"A page of a longer list. Pages hold at most {MAX_PAGE_SIZE} items.")
class Connection(Generic[Node]):
    total_count: int = strawberry.field(description="Number of items in the whole list, on every page.")
    page_info: PageInfo = strawberry.field(description="How to get the neighbouring pages.")
    edges: list[Edge[Node]] = strawberry.field(
        description="The items of this page, with their cursors.", metadata=page_items(MAX_PAGE_SIZE)
    )
    nodes: list[Node] = strawberry.field(
        description="The items of this page, without cursors.", metadata=page_items(MAX_PAGE_SIZE)
    )


def encode_cursor(offset: int) -> str:
    return base64.b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.b64decode(cursor.encode("ascii"), validate=True).decode("ascii")
    except (UnicodeError, binascii.Error, ValueError):
        text = ""
    if not text.startswith(_CURSOR_PREFIX) or not text[len(_CURSOR_PREFIX) :].isdigit():
        raise InvalidArgumentError("after", "`after` is not a cursor returned by this API")
    return int(text[len(_CURSOR_PREFIX) :])


def page_start(first: int, after: str | None) -> int:
    """Where the page asked for starts. Raises BAD_USER_INPUT past the caps or for a bad cursor."""
    count_between("first", first, MAX_PAGE_SIZE)
    return decode_cursor(after) + 1 if after is not None else 0


def page_bounds(first: int, after: str | None, total: int) -> tuple[int, int]:
    """The [start, stop) offsets of the page asked for. Raises BAD_USER_INPUT past the caps."""
    start = min(page_start(first, after), total)
    return start, min(start + first, total)


def group_connection(
    groups: Groups, key: int, first: int, after: str | None, node: Callable[[int], Node]
) -> Connection[Node]:
    """A page of one group's rows, each made into a node by `node(position)`."""
    return connection(
        first, after, groups.count(key), lambda start, stop: [node(p) for p in groups.slice(key, start, stop)]
    )


def connection(
    first: int,
    after: str | None,
    total: int,
    fetch: Callable[[int, int], Sequence[Node]],
    kind: Callable[..., Connection[Node]] = Connection,
    **extra: Any,
) -> Connection[Node]:
    """A page of a list of `total` items; `fetch(start, stop)` gives the items in that range. The page
    is made with `kind` (a subclass of Connection), given `extra` besides."""
    start, stop = page_bounds(first, after, total)
    items = fetch(start, stop) if stop > start else []
    edges = [Edge(cursor=encode_cursor(start + index), node=item) for index, item in enumerate(items)]
    return kind(
        total_count=total,
        page_info=PageInfo(
            has_next_page=stop < total,
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        edges=edges,
        nodes=list(items),
        **extra,
    )
