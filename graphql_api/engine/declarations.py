"""What the engine needs to know about a schema's fields, declared by the schema itself.

A schema given to the engine carries these in each `GraphQLField.extensions` under the keys below;
the engine knows nothing else about the schema. A list field without a `ListSize` cannot be
measured, so the schema's own tests require one on every list field.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LIST_SIZE = "list_size"
COST = "cost"
BINDING = "binding"


@dataclass(frozen=True)
class ListSize:
    """How many items a list field holds, or, for a connection field, how many its page holds.

    `default` is the size when `slicing_argument` is absent (or, without one, the size assumed);
    `maximum` the largest size ever returned. A field whose argument sizes lists below it (a
    connection's page: its `edges` and `nodes`) names them in `sized_fields` (dotted paths for lists
    deeper down); they declare
    `sized_by_parent`. The estimate counts such a field's whole selection once per item (an upper
    bound), and its sized lists once.
    """

    default: int
    maximum: int | None  # None: no argument bounds it; the data decides
    slicing_argument: str | None = None
    sized_fields: tuple[str, ...] = ()
    sized_by_parent: bool = False


@dataclass(frozen=True)
class Cost:
    """Work a field does beyond building one object, in objects' worth (for example a fuzzy search)."""

    weight: int


@dataclass(frozen=True)
class Binding:
    """How to get a field's value from its parent object without graphql-core's executor.

    Either an `attribute` of the parent, or `function(parent, **arguments)` where `arguments` maps
    each GraphQL argument name to the Python parameter receiving it, and `info_parameter` (when
    set) receives an object whose `root_value` is the engine's root value.
    """

    attribute: str | None = None
    function: Callable[..., Any] | None = None
    info_parameter: str | None = None
    arguments: dict[str, str] = field(default_factory=dict)
