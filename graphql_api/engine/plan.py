"""A fast executor for the plain queries most requests are; anything else goes to graphql-core.

graphql-core's executor spends several microseconds per field on generality this service does not
need (abstract types, async resolvers, deferred delivery). A prepared document is compiled once
into a plan: the fields of each selection set collected and merged as the spec's CollectFields
does, with each field's resolver or attribute and its serializer looked up in advance. Executing
the plan is then a walk over Python objects building the response dict.

The plan covers queries without introspection and with @skip/@include on literals only. When
anything unusual happens while executing (a resolver raises, a non-null field is null, the time
budget runs out), `Fallback` is raised and the engine runs the request through graphql-core,
which produces the exact errors and partial data the spec asks for. So the plan never changes an
answer; tests compare the two executors on many queries.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

from graphql_api.engine.declarations import BINDING, Binding


class Fallback(Exception):  # noqa: N818 - not an error: a signal to take the general path
    """This request needs graphql-core's executor."""


class _Unsupported(Exception):  # noqa: N818
    """This document cannot be planned."""


@dataclass(frozen=True)
class _Info:
    """What our resolvers read from `info`: the read model is the root value."""

    root_value: Any


@dataclass
class _Field:
    key: str
    definition: GraphQLField | None
    node: FieldNode | None
    attribute: str | None = None
    resolver: Callable[..., Any] | None = None
    info_parameter: str | None = None
    python_names: dict[str, str] | None = None
    serialize: Callable[[Any], Any] | None = None
    non_null: bool = False
    is_list: bool = False
    item_non_null: bool = False
    children: "tuple[_Field, ...] | None" = None
    typename: str | None = None


class Plan:
    def __init__(
        self, schema: GraphQLSchema, operation: OperationDefinitionNode, fields: tuple[_Field, ...], root_value: Any
    ) -> None:
        self._schema = schema
        self._variable_definitions = operation.variable_definitions or ()
        self._fields = fields
        self._root_value = root_value
        self._info = _Info(root_value)

    def execute(self, variables: dict[str, Any] | None, deadline: Any) -> dict[str, Any]:
        """The response data. Raises Fallback."""
        coerced = get_variable_values(self._schema, self._variable_definitions, variables or {})
        if not isinstance(coerced, VariableValues):
            raise Fallback  # invalid variables: graphql-core reports them
        try:
            return self._object(self._fields, self._root_value, coerced, deadline)
        except Fallback:
            raise
        except Exception as error:  # let graphql-core report it, located and formatted
            raise Fallback from error

    def _object(self, fields: Iterable[_Field], source: Any, variables: VariableValues, deadline: Any) -> dict:
        result = {}
        for field in fields:
            if field.typename is not None:
                result[field.key] = field.typename
                continue
            if field.resolver is not None:
                arguments = {}
                if field.python_names:
                    given = get_argument_values(field.definition, field.node, variables)  # type: ignore[arg-type]
                    arguments = {field.python_names[name]: value for name, value in given.items()}
                if field.info_parameter is not None:
                    arguments[field.info_parameter] = self._info
                value = field.resolver(source, **arguments)
            else:
                value = getattr(source, field.attribute)  # type: ignore[arg-type]
            result[field.key] = self._complete(field, value, variables, deadline)
        return result

    def _complete(self, field: _Field, value: Any, variables: VariableValues, deadline: Any) -> Any:
        if value is None:
            if field.non_null:
                raise Fallback
            return None
        if field.is_list:
            if deadline.aborted:
                raise Fallback
            items = []
            for item in value:
                if item is None:
                    if field.item_non_null:
                        raise Fallback
                    items.append(None)
                elif field.children is not None:
                    items.append(self._object(field.children, item, variables, deadline))
                else:
                    items.append(field.serialize(item))  # type: ignore[misc]
            return items
        if field.children is not None:
            return self._object(field.children, value, variables, deadline)
        return field.serialize(value)  # type: ignore[misc]


def compile_plan(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None, root_value: Any
) -> Plan | None:
    """The plan of a valid document's operation, or None when the general executor is needed."""
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [node for node in operations if node.name and node.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY or operations[0].directives:
        return None
    fragments = {node.name.value: node for node in document.definitions if isinstance(node, FragmentDefinitionNode)}
    try:
        fields = _plan_fields(schema.query_type, [operations[0].selection_set], fragments)  # type: ignore[arg-type]
    except _Unsupported:
        return None
    return Plan(schema, operations[0], fields, root_value)


def _plan_fields(
    parent: GraphQLObjectType, selection_sets: list[SelectionSetNode], fragments: dict[str, FragmentDefinitionNode]
) -> tuple[_Field, ...]:
    grouped: dict[str, list[FieldNode]] = {}
    visited: set[str] = set()
    for selection_set in selection_sets:
        _collect(parent, selection_set, fragments, grouped, visited)
    return tuple(_plan_field(parent, key, nodes, fragments) for key, nodes in grouped.items())


def _collect(
    parent: GraphQLObjectType,
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    grouped: dict[str, list[FieldNode]],
    visited: set[str],
) -> None:
    """The spec's CollectFields, for a schema without interfaces or unions."""
    for selection in selection_set.selections:
        if not _included(selection):
            continue
        if isinstance(selection, FieldNode):
            key = selection.alias.value if selection.alias else selection.name.value
            grouped.setdefault(key, []).append(selection)
        elif isinstance(selection, InlineFragmentNode):
            if selection.type_condition is None or selection.type_condition.name.value == parent.name:
                _collect(parent, selection.selection_set, fragments, grouped, visited)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if name in visited or fragment is None:
                continue
            visited.add(name)
            if fragment.type_condition.name.value == parent.name:
                _collect(parent, fragment.selection_set, fragments, grouped, visited)


def _included(selection: FieldNode | InlineFragmentNode | FragmentSpreadNode) -> bool:
    for directive in selection.directives or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            raise _Unsupported
        condition = next(
            (argument.value for argument in directive.arguments or () if argument.name.value == "if"), None
        )
        if not isinstance(condition, BooleanValueNode):
            raise _Unsupported  # a variable: decided per request, left to graphql-core
        if condition.value == (name == "skip"):
            return False
    return True


def _plan_field(
    parent: GraphQLObjectType, key: str, nodes: list[FieldNode], fragments: dict[str, FragmentDefinitionNode]
) -> _Field:
    name = nodes[0].name.value
    if name == "__typename":
        return _Field(key, None, None, typename=parent.name)
    if name.startswith("__"):
        raise _Unsupported  # introspection
    definition = parent.fields[name]
    field = _Field(key, definition, nodes[0])
    binding = definition.extensions.get(BINDING)
    if not isinstance(binding, Binding):
        raise _Unsupported
    if binding.function is not None:
        field.resolver = binding.function
        field.info_parameter = binding.info_parameter
        field.python_names = binding.arguments
    elif binding.attribute is not None:
        field.attribute = binding.attribute
    else:
        raise _Unsupported
    if any(argument.name.value not in binding.arguments for argument in nodes[0].arguments or ()):
        raise _Unsupported
    output = definition.type
    field.non_null = isinstance(output, GraphQLNonNull)
    if field.non_null:
        output = output.of_type  # type: ignore[union-attr]
    if isinstance(output, GraphQLList):
        field.is_list = True
        output = output.of_type
        field.item_non_null = isinstance(output, GraphQLNonNull)
        if field.item_non_null:
            output = output.of_type  # type: ignore[union-attr]
        if isinstance(output, GraphQLList):
            raise _Unsupported
    if isinstance(output, GraphQLScalarType | GraphQLEnumType):
        field.serialize = output.serialize
    elif isinstance(output, GraphQLObjectType):
        selection_sets = [node.selection_set for node in nodes if node.selection_set is not None]
        field.children = _plan_fields(output, selection_sets, fragments)
    else:
        raise _Unsupported
    return field
