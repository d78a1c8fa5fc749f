"""Turning a valid document's operation into a plan (`plan.Plan`).

The fields of each selection set are collected and merged as the spec's CollectFields does, and each
is bound to its resolver or attribute, its arguments and its serializer, once per document. A
document the plan does not cover (introspection, @skip or @include on a variable, a mutation, a
field without a binding) gets None: graphql-core's executor answers it.
"""

from contextlib import suppress
from typing import Any

from graphql import (
    ArgumentNode,
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLError,
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
    VariableNode,
)
from graphql.execution.values import coerce_argument
from graphql.pyutils import Undefined

from graphql_api.engine.declarations import BINDING, Binding
from graphql_api.engine.plan import Plan
from graphql_api.engine.planned import PlannedField, fast_serializer


class _Unsupported(Exception):  # noqa: N818
    """This document cannot be planned."""


def _argument_plan(
    definition: GraphQLField, node: FieldNode
) -> tuple[dict[str, Any], tuple[tuple[str, str, bool, Any], ...]] | None:
    """What `_Run._arguments` needs for a field, or None when an argument is not a literal or a variable."""
    given = {argument.name.value: argument.value for argument in node.arguments or ()}
    constants: dict[str, Any] = {}
    from_variables = []
    for name, argument in definition.args.items():
        value_node = given.get(name)
        if isinstance(value_node, VariableNode):
            defaults: dict[str, Any] = {}
            required = isinstance(argument.type, GraphQLNonNull)
            with suppress(GraphQLError):  # required without a default: graphql-core reports it
                coerce_argument(defaults, node, name, argument, None, None, None)  # the default, if any
            from_variables.append((name, value_node.name.value, required, defaults.get(name, Undefined)))
            continue
        try:
            coerce_argument(constants, node, name, argument, _argument_node(node, name), None, None)
        except GraphQLError:
            return None  # a literal holding a variable, or anything graphql-core should report
    return constants, tuple(from_variables)


def _argument_node(node: FieldNode, name: str) -> ArgumentNode | None:
    return next((argument for argument in node.arguments or () if argument.name.value == name), None)


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
) -> tuple[PlannedField, ...]:
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
) -> PlannedField:
    name = nodes[0].name.value
    if name == "__typename":
        return PlannedField(key, None, None, typename=parent.name)
    if name.startswith("__"):
        raise _Unsupported  # introspection
    definition = parent.fields[name]
    field = PlannedField(key, definition, nodes[0], parent.name)
    binding = definition.extensions.get(BINDING)
    if not isinstance(binding, Binding):
        raise _Unsupported
    if binding.function is not None:
        field.resolver = binding.function
        field.info_parameter = binding.info_parameter
        field.python_names = binding.arguments
        field.bare_call = not binding.arguments and binding.info_parameter is None
        field.arguments = _argument_plan(definition, nodes[0]) if binding.arguments else None
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
        field.serialize = fast_serializer(output)
        field.leaf_type = output
        field.scalar = not field.is_list
    elif isinstance(output, GraphQLObjectType):
        selection_sets = [node.selection_set for node in nodes if node.selection_set is not None]
        field.children = _plan_fields(output, selection_sets, fragments)
    else:
        raise _Unsupported
    return field
