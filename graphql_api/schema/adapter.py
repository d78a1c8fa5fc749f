"""The one place that reads Strawberry's internals: the graphql-core schema the engine runs, with declarations.

Strawberry builds a graphql-core schema and keeps, in each field's extensions, the Strawberry field
it came from. Here each field is given what the engine reads (`graphql_api.engine.declarations`):
the list size and cost declared in the field's `metadata`, and how to get its value directly. A
Strawberry upgrade that changes these internals fails the schema tests, which check every field.
"""

from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLSchema

from graphql_api.engine.declarations import BINDING, COST, LIST_SIZE, Binding

_STRAWBERRY_FIELD = "strawberry-definition"


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
            field.extensions = {**field.extensions, **declared, BINDING: _binding(source, names)}
    return core


def _binding(source: Any, names: Any) -> Binding:
    resolver = source.base_resolver
    if resolver is None:
        return Binding(attribute=source.python_name)
    info = resolver.info_parameter
    return Binding(
        function=resolver.wrapped_func,
        info_parameter=info.name if info is not None else None,
        arguments={names.from_argument(argument): argument.python_name for argument in source.arguments},
    )
