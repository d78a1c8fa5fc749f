"""A field of a plan: what executing it needs, worked out once when the plan is made."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import FieldNode, GraphQLEnumType, GraphQLField, GraphQLScalarType

# The values each built-in scalar's serializer returns unchanged, as a test of a value `v` in Python
# source: a plan calls the serializer only for a value that fails it. Compiled plans write the test
# inline (`compiled`), walked plans call `fast_serializer`'s function; both read it from here.
SERIALIZED_UNCHANGED = {
    "String": "type(v) is str",
    "ID": "type(v) is str",
    "Boolean": "type(v) is bool",
    "Int": "type(v) is int and -2147483648 <= v < 2147483648",
    "Float": "type(v) is float and -_INFINITY < v < _INFINITY",
}
TEST_NAMES = {"_INFINITY": float("inf")}  # what the tests refer to besides `v`
_SKIPPING = {  # made once: a scalar's serializer -> that serializer skipped for values it keeps as they are
    name: eval(f"lambda serialize: lambda v: v if {test} else serialize(v)", dict(TEST_NAMES))
    for name, test in SERIALIZED_UNCHANGED.items()
}


def fast_serializer(output: GraphQLScalarType | GraphQLEnumType) -> Callable[[Any], Any]:
    """The type's serializer, skipped for the values it returns unchanged (a finite float for Float...)."""
    skipping = _SKIPPING.get(output.name)
    return output.serialize if skipping is None else skipping(output.serialize)


@dataclass
class PlannedField:
    key: str
    definition: GraphQLField | None
    node: FieldNode | None
    parent_name: str = ""
    attribute: str | None = None
    resolver: Callable[..., Any] | None = None
    info_parameter: str | None = None
    python_names: dict[str, str] | None = None
    serialize: Callable[[Any], Any] | None = None
    leaf_type: GraphQLScalarType | GraphQLEnumType | None = None  # the scalar or enum a leaf field gives
    non_null: bool = False
    is_list: bool = False
    item_non_null: bool = False
    children: "tuple[PlannedField, ...] | None" = None
    typename: str | None = None
    bare_call: bool = False  # a resolver taking the parent alone
    # Worked out once: the arguments given as literals or absent (their values), and those given as
    # variables (name, variable, required, default); None where graphql-core must work them out.
    arguments: "tuple[dict[str, Any], tuple[tuple[str, str, bool, Any], ...]] | None" = None
    scalar: bool = False  # a single scalar or enum value (not a list, not an object)


class Aborted(Exception):  # noqa: N818 - not an error of ours: the time budget ran out
    """Execution stopped at the deadline; nothing is answered but the deadline's reason."""


class NullSignal(Exception):  # noqa: N818 - a signal: this position is null, its error already recorded
    """Raised up to the nearest nullable position, as the spec propagates a null for a non-null field."""

    def __init__(self, path: list[str | int]) -> None:
        self.path = path  # from the failing field up, filled in while the signal rises


def null_error(field: PlannedField) -> TypeError:
    return TypeError(f"Cannot return null for non-nullable field {field.parent_name}.{field.node.name.value}.")  # type: ignore[union-attr]
