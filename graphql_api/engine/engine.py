"""Preparing (parse, validate, check limits: cached per query text) and executing GraphQL requests."""

import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    NoSchemaIntrospectionCustomRule,
    OperationDefinitionNode,
    OperationType,
    execute,
    parse,
    specified_rules,
    validate,
)
from graphql.execution.execute import assume_not_awaitable

from graphql_api.engine.checks import check_measure, precheck
from graphql_api.engine.hoisting import TEMPLATE_CACHE_BYTES, TEMPLATE_CACHE_ENTRIES, Hoister, Template
from graphql_api.engine.limits import Limits
from graphql_api.engine.lru import LRU, entries_share
from graphql_api.engine.plan import Aborted, Fallback, Plan
from graphql_api.engine.planning import compile_plan

log = logging.getLogger("graphql_api")

INTERNAL_ERROR = "Internal server error"

# Codes of the errors that keep a request from running, as clients (Apollo's among them) know them.
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"


BYTES_PER_QUERY_CHARACTER = 512  # a parsed, validated, planned and compiled document, per character of its text
DOCUMENT_CACHE_BYTES = 48 << 20


class ErrorsOnly(ExecutionResult):
    """A result with errors and no `data` entry: nothing was executed (a GraphQL request error: the
    text did not parse or validate, the operation or its variables were wrong), or execution was
    stopped before it could answer (the time budget)."""

    __slots__ = ()

    def __init__(self, errors: list[GraphQLError]) -> None:
        super().__init__(None, errors)

    @property
    def formatted(self) -> dict[str, Any]:  # type: ignore[override]
        return {"errors": [error.formatted for error in self.errors or ()]}


@dataclass(frozen=True)
class Prepared:
    """A query text made ready to execute, or the errors that keep it from running.

    `operations` are known whenever the text parsed, even when it did not validate. `cost` is the
    estimated objects (and objects' worth of work) the query may produce; `weight` what keeping it
    in a cache costs, in bytes.
    """

    document: DocumentNode | None
    errors: tuple[GraphQLError, ...]
    operations: dict[str | None, OperationType]
    plans: dict[str | None, Plan | None] = field(default_factory=dict)  # by operation name, made on demand
    cost: int = 0
    weight: int = 0
    observed: dict[str, int] = field(default_factory=dict)  # what running it has shown (how slow, say)

    def operation_type(self, name: str | None) -> OperationType | None:
        if name is None and len(self.operations) == 1:
            return next(iter(self.operations.values()))
        return self.operations.get(name)


_NO_LITERALS: Mapping[str, str] = MappingProxyType({})


class PreparedText(NamedTuple):  # made for every request: half what a frozen dataclass costs to make
    """A query text made ready: its own prepared document, or a shared template and its literals."""

    prepared: Prepared
    literals: Mapping[str, str] = _NO_LITERALS
    template: Template | None = None


class Deadline:
    """An abort signal for graphql-core's executor, which polls `aborted` between fields."""

    __slots__ = ("_at", "reason")

    def __init__(self, seconds: float) -> None:
        self._at = time.perf_counter() + seconds
        self.reason: GraphQLError | None = None

    def postpone(self, seconds: float) -> None:
        """Moves the deadline `seconds` later (time spent waiting for a turn, not working)."""
        self._at += seconds

    @property
    def aborted(self) -> bool:
        if time.perf_counter() < self._at:
            return False
        self.reason = GraphQLError(
            "Query stopped: it ran past the time budget of this service.", extensions={"code": "TIMEOUT"}
        )
        return True


class Engine:
    def __init__(
        self,
        schema: GraphQLSchema,
        root_value: Any,
        limits: Limits,
        cache_size: int = 512,
        hoist: bool = True,
        plans: bool = True,
        cache_share: float = 1.0,
    ) -> None:
        """`cache_share`: the part of the caches' budgets (entries and bytes) this engine has (1 / workers, so that
        forked workers together keep what one would)."""
        self.schema = schema
        self.limits = limits
        self._root_value = root_value
        self._rules = list(specified_rules)
        if not limits.introspection:
            self._rules.append(NoSchemaIntrospectionCustomRule)
        budget = int(DOCUMENT_CACHE_BYTES * cache_share)
        entries = entries_share(cache_size, cache_share)
        self._cache: LRU[str, Prepared] = LRU(entries, budget, weight=lambda prepared: prepared.weight)
        self._hoister = (
            Hoister(
                schema,
                cache_size=entries_share(TEMPLATE_CACHE_ENTRIES, cache_share),
                max_bytes=int(TEMPLATE_CACHE_BYTES * cache_share),
            )
            if hoist
            else None
        )
        self._plans = plans

    def known_text(self, query: str) -> "PreparedText | None":
        """What `prepare_text(query)` gives, when that needs no parsing or validating; None for a new text."""
        prepared = self._cache.get(query)
        if prepared is not None:
            return PreparedText(prepared)
        if self._hoister is None:
            return None
        try:
            split = self._hoister.split(query)
        except Exception:  # an optimization must never cost an answer: the text is prepared on its own
            log.exception("sharing a template failed; running the query on its own")
            return None
        if split is None:
            return None
        shape, values = split
        return self._with_literals(self._hoister.template(shape), values)

    def prepare(self, query: str) -> Prepared:
        prepared = self._cache.get(query)
        if prepared is None:
            prepared = self._prepare(query)
            self._cache.put(query, prepared)
        return prepared

    def execute(
        self,
        prepared: Prepared,
        variables: dict[str, Any] | None = None,
        operation_name: str | None = None,
        deadline: "Deadline | None" = None,
    ) -> ExecutionResult:
        if prepared.document is None:
            return ErrorsOnly(list(prepared.errors))
        problem = self._check_variables(variables)
        if problem is not None:
            return ErrorsOnly([problem])
        deadline = deadline or Deadline(self.limits.time_budget_seconds)
        if self._plans and operation_name not in prepared.plans and prepared.operation_type(operation_name):
            prepared.plans[operation_name] = self._plan(prepared.document, operation_name)
        plan = prepared.plans.get(operation_name)
        if plan is not None:
            try:
                result = plan.execute(variables, deadline)
            except Aborted:
                return ErrorsOnly([deadline.reason])  # type: ignore[list-item]
            except Fallback:
                pass  # variables that do not coerce: graphql-core says why (nothing has run yet)
            else:
                if result.errors:
                    result.errors = [_mask(error) for error in result.errors]
                return result
        try:
            result = execute(
                self.schema,
                prepared.document,
                root_value=self._root_value,
                variable_values=variables,
                operation_name=operation_name,
                hide_suggestions=not self.limits.introspection,
                abort_signal=deadline,  # type: ignore[arg-type]
                is_awaitable=assume_not_awaitable,  # no resolver of ours is async
            )
        except GraphQLError as error:
            return ErrorsOnly([error])
        if result.errors and result.data is None and all(error.path is None for error in result.errors):
            # raised before execution began: the operation could not be chosen or its variables not coerced
            code = BAD_USER_INPUT if prepared.operation_type(operation_name) else OPERATION_RESOLUTION_FAILURE
            return ErrorsOnly([_with_code(error, code) for error in result.errors])
        if result.errors:
            result.errors = [_mask(error) for error in result.errors]
        return result  # type: ignore[return-value]

    def run(
        self, query: str, variables: dict[str, Any] | None = None, operation_name: str | None = None
    ) -> ExecutionResult:
        """Execute a query text, sharing the work of texts that differ only in string arguments."""
        return self.run_prepared(query, self.prepare_text(query), variables, operation_name)

    def run_prepared(
        self,
        query: str,
        text: "PreparedText",
        variables: dict[str, Any] | None,
        operation_name: str | None,
        deadline: Deadline | None = None,
    ) -> ExecutionResult:
        """Execute what `prepare_text(query)` gave, once."""
        if text.template is None:
            return self.execute(text.prepared, variables, operation_name, deadline)
        result = self.execute(text.prepared, {**(variables or {}), **text.literals}, operation_name, deadline)
        if result.errors:  # errors point into the template's text: move them into the client's own
            result.errors = [text.template.relocate(error, query) for error in result.errors]
        return result

    def prepare_text(self, query: str) -> "PreparedText":
        """What to execute for a query text: its own prepared document, or a shared template and
        the values of the string literals cut out of the text."""
        if query in self._cache or self._hoister is None:
            return PreparedText(self.prepare(query))
        try:
            shared = self._shared_template(query, self._hoister)
        except Exception:  # an optimization must never cost an answer: log it, take the ordinary path
            log.exception("sharing a template failed; running the query on its own")
            shared = None
        return shared or PreparedText(self.prepare(query))

    def _shared_template(self, query: str, hoister: Hoister) -> "PreparedText | None":
        split = hoister.split(query)
        if split is None:
            return None
        shape, values = split
        if not hoister.knows(shape):  # a new shape: prepare this text, and learn the shape from it
            prepared = self.prepare(query)
            if prepared.document is not None:
                hoister.learn(shape, prepared.document, len(values), self._prepare_document)
            return PreparedText(prepared)
        return self._with_literals(hoister.template(shape), values)

    def _with_literals(self, template: Template | None, values: list[str]) -> "PreparedText | None":
        """A shape's template run with a text's literals as its variables; None when the shape has no
        template, or a literal is longer than the limit (the text is then prepared on its own, and refused)."""
        if template is None or max(map(len, values)) > self.limits.max_string_length:
            return None
        return PreparedText(template.prepared, dict(zip(template.variable_names, values, strict=True)), template)

    def _plan(self, document: DocumentNode, operation_name: str | None) -> Plan | None:
        try:
            return compile_plan(self.schema, document, operation_name, self._root_value)
        except Exception:  # the general executor serves what cannot be planned
            log.exception("planning a query failed; graphql-core will execute it")
            return None

    def _prepare(self, query: str) -> Prepared:
        limits = self.limits
        if len(query) > limits.max_query_length:
            return _refused(f"Query refused: it is longer than {limits.max_query_length} characters.")
        try:
            document = parse(
                query,
                max_lexical_tokens=limits.max_tokens,
                max_comments=limits.max_tokens,
                allow_empty_selection_sets=False,
            )
        except GraphQLError as error:
            return _invalid(query, [error], PARSE_FAILED)
        except RecursionError:
            return _refused("Query refused: it is nested too deeply.")
        prepared = self._prepare_document(document)
        if prepared.document is None:
            return _invalid(query, prepared.errors, VALIDATION_FAILED, _operations(document))
        return prepared

    def _prepare_document(self, document: DocumentNode) -> Prepared:
        limits = self.limits
        try:
            errors = precheck(document, limits) or validate(
                self.schema,
                document,
                self._rules,
                max_errors=20,
                hide_suggestions=not limits.introspection,
                allow_empty_selection_sets=False,
            )
            cost = 0
            if not errors:
                measure, errors = check_measure(self.schema, document, limits)
                cost = measure.nodes
        except RecursionError:
            return _refused("Query refused: it is nested too deeply.")
        except Exception:  # a check of ours failed: refuse rather than run an unchecked query
            log.exception("checking a query failed")
            return _refused("Query refused: it could not be checked against this service's limits.")
        if errors:
            return Prepared(None, tuple(errors), {})
        size = document.loc.end if document.loc is not None else 0
        return Prepared(document, (), _operations(document), cost=cost, weight=size * BYTES_PER_QUERY_CHARACTER)

    def _check_variables(self, variables: dict[str, Any] | None) -> GraphQLError | None:
        if variables is None:
            return None
        if not isinstance(variables, dict):
            return GraphQLError("Variables must be a JSON object.", extensions={"code": "BAD_REQUEST"})
        limit = self.limits.max_string_length
        stack: list[Any] = [variables]
        while stack:
            value = stack.pop()
            if isinstance(value, str) and len(value) > limit:
                return GraphQLError(
                    f"Query refused: a string variable is longer than {limit} characters.",
                    extensions={"code": "BAD_USER_INPUT"},
                )
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
        return None


def _operations(document: DocumentNode) -> dict[str | None, OperationType]:
    return {
        (definition.name.value if definition.name else None): definition.operation
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    }


def _invalid(
    query: str,
    errors: Iterable[GraphQLError],
    code: str,
    operations: dict[str | None, OperationType] | None = None,
) -> Prepared:
    """A refusal worth keeping: the errors (with `code` unless they have one) without the parsed
    document they point into, and the operations the text holds."""
    light = tuple(
        GraphQLError(
            error.message,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions=_coded(error.extensions, code),
        )
        for error in errors
    )
    return Prepared(None, light, operations or {}, weight=len(query) + 512 * len(light))


def _with_code(error: GraphQLError, code: str) -> GraphQLError:
    error.extensions = _coded(error.extensions, code)
    return error


def _coded(extensions: dict[str, Any] | None, code: str) -> dict[str, Any]:
    """`extensions` with `code`, unless they have a code already."""
    if extensions and "code" in extensions:
        return extensions
    return {**(extensions or {}), "code": code}


def _refused(message: str) -> Prepared:
    return Prepared(None, (GraphQLError(message, extensions={"code": "QUERY_TOO_COMPLEX"}),), {})


def _mask(error: GraphQLError) -> GraphQLError:
    """Errors raised on purpose (GraphQL errors, or exceptions carrying an `extensions` code) pass;
    anything else is logged and replaced by a generic message."""
    original = error.original_error
    if (
        original is None
        or isinstance(original, GraphQLError)
        or "code" in (getattr(original, "extensions", None) or {})
    ):
        return error
    log.error("unexpected error at %s", error.path, exc_info=original)
    return GraphQLError(INTERNAL_ERROR, error.nodes, path=error.path, extensions={"code": "INTERNAL_SERVER_ERROR"})
