"""A fast executor for the plain queries most requests are; anything else goes to graphql-core.

graphql-core's executor spends several microseconds per field on generality this service does not
need (abstract types, async resolvers, deferred delivery). A prepared document is compiled once
into a plan (`planning.py`): the fields of each selection set collected and merged as the spec's
CollectFields does, with each field's resolver or attribute and its serializer looked up in advance. Executing
the plan is then a walk over Python objects building the response dict.

A plan of up to 64 fields is compiled into Python functions (`compiled.py`) that do the same
without deciding anything per field; a larger one is walked field by field here (`_Run`).

The plan covers queries without introspection and with @skip/@include on literals only. Field
errors are handled as the spec says, and as graphql-core does: the error is located (field node,
path) and the null propagates to the nearest nullable position. Only variables that do not coerce
(`Fallback`: nothing has run) go to graphql-core, which says why. Tests compare the executors on
many queries, errors included.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    VariableDefinitionNode,
    get_nullable_type,
    located_error,
)
from graphql.execution.get_variable_signature import GraphQLVariableSignature, get_variable_signature
from graphql.execution.values import (
    VariableValues,
    VariableValueSource,
    get_argument_values,
    get_variable_values,
)
from graphql.pyutils import Undefined

from graphql_api.engine.compiled import compile_fields
from graphql_api.engine.planned import Aborted, NullSignal, PlannedField, null_error


class Fallback(Exception):  # noqa: N818 - not an error: a signal to take the general path
    """This request needs graphql-core's executor (its variables do not coerce: graphql-core reports why)."""


@dataclass(frozen=True)
class _Info:
    """What our resolvers read from `info`: the read model is the root value."""

    root_value: Any


class Plan:
    def __init__(
        self,
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        fields: tuple[PlannedField, ...],
        root_value: Any,
    ) -> None:
        self._schema = schema
        self._variable_definitions = operation.variable_definitions or ()
        self._fields = fields
        self._root_value = root_value
        self._info = _Info(root_value)
        self._plain = _plain_signatures(schema, self._variable_definitions)
        self._compiled = compile_fields(fields, self._info)

    @property
    def fields(self) -> tuple[PlannedField, ...]:
        return self._fields

    @property
    def compiled(self) -> bool:
        """Whether the plan runs as compiled functions (else it is walked field by field)."""
        return self._compiled is not None

    def _plain_variables(self, given: dict[str, Any]) -> dict[str, Any] | None:
        """The variables coerced as graphql-core would, when every one is a plain scalar given plainly;
        None sends them to graphql-core (defaults, input objects, enums, anything to report)."""
        if self._plain is None:
            return None
        coerced: dict[str, Any] = {}
        for name, _, kinds, non_null in self._plain:
            value = given.get(name, Undefined)
            if value is Undefined:
                if non_null:
                    return None
                continue
            if value is None:
                if non_null:
                    return None
            elif type(value) not in kinds or (type(value) is int and not -(2**31) <= value < 2**31):
                return None
            coerced[name] = value
        return coerced

    def variable_values(self, coerced: dict[str, Any]) -> VariableValues:
        """Plain variables (`_plain_variables`) as graphql-core's get_argument_values takes them."""
        sources = {
            name: VariableValueSource(signature, coerced[name]) if name in coerced else VariableValueSource(signature)
            for name, signature, _, _ in self._plain or ()
        }
        return VariableValues(sources, coerced)

    def execute(self, variables: dict[str, Any] | None, deadline: Any) -> ExecutionResult:
        """The response, errors located as graphql-core locates them. Raises Fallback and Aborted."""
        coerced = self._plain_variables(variables or {})
        values = None  # graphql-core's form, made when a field needs it
        if coerced is None:
            values = get_variable_values(self._schema, self._variable_definitions, variables or {})
            if not isinstance(values, VariableValues):
                raise Fallback  # invalid variables: graphql-core reports them
            coerced = values.coerced
        run = _Run(self, coerced, values, deadline)
        try:
            if self._compiled is not None:
                data = self._compiled(self._root_value, run, coerced, deadline)
            else:
                data = run.object(self._fields, self._root_value)
        except NullSignal:
            data = None
        return ExecutionResult(data, run.errors() or None)


# Plain scalars: the Python types graphql-core passes through unchanged (an Int must also fit 32 bits).
_PLAIN_SCALARS: dict[str, frozenset[type]] = {
    "String": frozenset({str}),
    "ID": frozenset({str}),
    "Int": frozenset({int}),
    "Boolean": frozenset({bool}),
}


def _plain_signatures(
    schema: GraphQLSchema, definitions: Iterable[VariableDefinitionNode]
) -> tuple[tuple[str, GraphQLVariableSignature, frozenset[type], bool], ...] | None:
    plain = []
    for definition in definitions:
        signature = get_variable_signature(schema, definition)
        if isinstance(signature, GraphQLError) or definition.default_value is not None:
            return None
        nullable = get_nullable_type(signature.type)
        if not isinstance(nullable, GraphQLScalarType) or nullable.name not in _PLAIN_SCALARS:
            return None
        plain.append((signature.name, signature, _PLAIN_SCALARS[nullable.name], nullable is not signature.type))
    return tuple(plain)


class _Run:
    """One execution of a plan: the values, and the errors met on the way."""

    __slots__ = ("_coerced", "_deadline", "_failures", "_info", "_plan", "_values")

    def __init__(self, plan: Plan, coerced: dict[str, Any], values: VariableValues | None, deadline: Any) -> None:
        self._plan = plan
        self._info = plan._info
        self._coerced = coerced
        self._values = values
        self._deadline = deadline
        self._failures: list[tuple[Exception, FieldNode | None, list[str | int]]] = []

    def errors(self) -> list[GraphQLError]:
        return [
            located_error(error, [node] if node is not None else None, path[::-1])
            for error, node, path in self._failures
        ]

    def object(self, fields: Iterable[PlannedField], source: Any) -> dict:
        result = {}
        for field in fields:
            if field.typename is not None:
                result[field.key] = field.typename
                continue
            try:
                try:
                    if field.resolver is None:
                        value = getattr(source, field.attribute)  # type: ignore[arg-type]
                    elif field.bare_call:
                        value = field.resolver(source)
                    else:
                        value = self.resolve(field, source)
                    if field.scalar and value is not None:
                        result[field.key] = field.serialize(value)  # type: ignore[misc]
                        continue
                except Exception as error:  # a field error: recorded, the field is null
                    raise self.fail(error, field) from None
                result[field.key] = self._complete(field, value)
            except NullSignal as null:
                null.path.append(field.key)
                if field.non_null:
                    raise
                result[field.key] = None
        return result

    def resolve(self, field: PlannedField, source: Any) -> Any:
        if field.resolver is None:
            return getattr(source, field.attribute)  # type: ignore[arg-type]
        arguments = {}
        if field.python_names:
            given = self._arguments(field) if field.arguments is not None else None
            if given is None:
                if self._values is None:
                    self._values = self._plan.variable_values(self._coerced)
                given = get_argument_values(field.definition, field.node, self._values)  # type: ignore[arg-type]
            arguments = {field.python_names[name]: value for name, value in given.items()}
        if field.info_parameter is not None:
            arguments[field.info_parameter] = self._info
        return field.resolver(source, **arguments)

    def _arguments(self, field: PlannedField) -> dict[str, Any] | None:
        """The field's arguments as graphql-core's get_argument_values gives them, from what the plan
        worked out in advance; None when a variable needs graphql-core (a null where one is required)."""
        constants, from_variables = field.arguments  # type: ignore[misc]
        given = dict(constants)
        coerced = self._coerced
        for name, variable, required, default in from_variables:
            if variable in coerced:
                value = coerced[variable]
                if value is None and required:
                    return None
                given[name] = value
            elif default is not Undefined:
                given[name] = default
            elif required:
                return None
        return given

    def _complete(self, field: PlannedField, value: Any) -> Any:
        if value is None:
            if field.non_null:
                raise self.fail(null_error(field), field)
            return None
        if field.is_list:
            if self._deadline.aborted:
                raise Aborted
            items = []
            for index, item in enumerate(value):
                try:
                    items.append(self._item(field, item))
                except NullSignal as null:
                    null.path.append(index)
                    if field.item_non_null:
                        raise
                    items.append(None)
            return items
        if field.children is not None:
            return self.object(field.children, value)
        return self._leaf(field, value)

    def _item(self, field: PlannedField, item: Any) -> Any:
        if item is None:
            if field.item_non_null:
                raise self.fail(null_error(field), field)
            return None
        if field.children is not None:
            return self.object(field.children, item)
        return self._leaf(field, item)

    def _leaf(self, field: PlannedField, value: Any) -> Any:
        try:
            return field.serialize(value)  # type: ignore[misc]
        except Exception as error:
            raise self.fail(error, field) from None

    def fail(self, error: Exception, field: PlannedField) -> NullSignal:
        """Records the field's error; the signal to raise, its path to be filled in as it rises."""
        null = NullSignal([])
        self._failures.append((error, field.node, null.path))
        return null

    def failed_leaf(self, error: Exception, field: PlannedField) -> NullSignal:
        """`fail` for a field with no selection set: its own key already in the path."""
        null = self.fail(error, field)
        null.path.append(field.key)
        return null
