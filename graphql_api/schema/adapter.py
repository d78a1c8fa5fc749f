"""The one place that reads Strawberry's internals: the graphql-core schema the engine runs, with declarations.

Strawberry builds a graphql-core schema and keeps, in each field's extensions, the Strawberry field
it came from. Here each field is given what the engine reads (`graphql_api.engine.declarations`):
the list size and cost declared in the field's `metadata`, and how to get its value directly. A
Strawberry upgrade that changes these internals fails the schema tests, which check every field.

What Strawberry does when it runs a resolver is done here for the direct path too: arguments of an
input type are made into their Python classes. And an enum a client sends an unknown value of is
refused as BAD_USER_INPUT naming the argument and every accepted value (graphql-core's validation
error names the enum and suggests one value).
"""

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    print_ast,
)
from strawberry.types.arguments import convert_argument

from graphql_api.engine.declarations import BINDING, COST, LIST_SIZE, Binding

_STRAWBERRY_FIELD = "strawberry-definition"
BAD_USER_INPUT = "BAD_USER_INPUT"


class RefusingUnknownValues(GraphQLEnumType):
    """An enum whose unknown values are the client's to fix: BAD_USER_INPUT, naming every accepted value.

    Mixed into the class Strawberry made the enum with (which turns values into Python enum members).
    """

    argument = ""  # the arguments (or input fields) of this type, as a client writes them

    def coerce_input_value(self, input_value: Any, hide_suggestions: bool = False) -> Any:
        try:
            return super().coerce_input_value(input_value, hide_suggestions)
        except GraphQLError:
            raise self._refusal(repr(input_value), None) from None

    def coerce_input_literal(self, value_node: Any, hide_suggestions: bool = False) -> Any:
        try:
            return super().coerce_input_literal(value_node, hide_suggestions)
        except GraphQLError:
            raise self._refusal(print_ast(value_node), value_node) from None

    def _refusal(self, shown: str, node: Any) -> GraphQLError:
        return GraphQLError(
            f"`{self.argument}` ({self.name}) has no value {shown}; accepted values: {', '.join(self.values)}",
            node,
            extensions={"code": BAD_USER_INPUT, "argument": self.argument},
        )


def engine_schema(schema: strawberry.Schema) -> GraphQLSchema:
    """The graphql-core schema behind `schema`, every field carrying the engine's declarations."""
    core: GraphQLSchema = schema._schema
    names = schema.config.name_converter
    for graphql_type in core.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for field in graphql_type.fields.values():
            source = field.extensions.get(_STRAWBERRY_FIELD)
            if source is None:
                continue
            declared = {key: value for key, value in source.metadata.items() if key in (LIST_SIZE, COST)}
            converted = {
                name
                for name, argument in field.args.items()
                if isinstance(get_named_type(argument.type), GraphQLInputObjectType)
            }
            field.extensions = {**field.extensions, **declared, BINDING: _binding(source, names, schema, converted)}
    _refuse_unknown_enum_values(core)
    return core


def _binding(source: Any, names: Any, schema: strawberry.Schema, converted: set[str]) -> Binding:
    resolver = source.base_resolver
    if resolver is None:
        return Binding(attribute=source.python_name)
    info = resolver.info_parameter
    function = resolver.wrapped_func
    arguments = {names.from_argument(argument): argument for argument in source.arguments}
    if converted:
        function = _converting(function, [arguments[name] for name in converted], schema)
    return Binding(
        function=function,
        info_parameter=info.name if info is not None else None,
        arguments={name: argument.python_name for name, argument in arguments.items()},
    )


def _converting(function: Callable[..., Any], arguments: list[Any], schema: strawberry.Schema) -> Callable[..., Any]:
    """`function`, its input object arguments first made into their Python classes, as Strawberry does."""
    registry = schema.schema_converter.scalar_registry
    config = schema.config

    def call(parent: Any, /, **given: Any) -> Any:
        for argument in arguments:
            if argument.python_name in given:
                given[argument.python_name] = convert_argument(
                    given[argument.python_name], argument.type, registry, config
                )
        return function(parent, **given)

    return call


def _refuse_unknown_enum_values(core: GraphQLSchema) -> None:
    """Every enum a client can send refuses unknown values, naming the arguments and input fields of its type."""
    users: dict[str, list[str]] = {}
    for graphql_type in core.type_map.values():
        if graphql_type.name.startswith("__"):
            continue
        if isinstance(graphql_type, GraphQLObjectType):
            for field in graphql_type.fields.values():
                for name, argument in field.args.items():
                    users.setdefault(get_named_type(argument.type).name, []).append(name)
        elif isinstance(graphql_type, GraphQLInputObjectType):
            for name, input_field in graphql_type.fields.items():
                users.setdefault(get_named_type(input_field.type).name, []).append(f"{graphql_type.name}.{name}")
    for name, arguments in users.items():
        graphql_type = core.type_map[name]
        if isinstance(graphql_type, GraphQLEnumType) and not name.startswith("__"):
            graphql_type.__class__ = type(name, (RefusingUnknownValues, type(graphql_type)), {})
            graphql_type.argument = ", ".join(dict.fromkeys(arguments))  # type: ignore[attr-defined]
