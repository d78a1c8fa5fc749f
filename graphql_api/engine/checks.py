"""Checks on a parsed document beyond the GraphQL spec's: size, nesting and estimated cost.

`precheck` runs before validation on the raw document and is linear in its size. `measure` runs
after validation (which rules out fragment cycles) and expands fragments once each (memoized), so a
document whose fragments spread each other exponentially is still measured in linear time.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    get_named_type,
)

from graphql_api.engine.declarations import COST, LIST_SIZE, Cost, ListSize
from graphql_api.engine.limits import Limits

MAX_INT_DIGITS = 20  # more than any 64-bit integer; longer literals are refused before they are parsed


def precheck(document: DocumentNode, limits: Limits) -> list[GraphQLError]:
    """Checks cheap enough to run before validation, which they keep cheap too."""
    directives = 0
    for node in _walk(document):
        if isinstance(node, DirectiveNode):
            directives += 1
        elif isinstance(node, StringValueNode) and len(node.value) > limits.max_string_length:
            return [_limit_error(f"a string argument is longer than {limits.max_string_length} characters", node)]
        elif isinstance(node, IntValueNode) and len(node.value.lstrip("-")) > MAX_INT_DIGITS:
            return [_limit_error(f"an Int literal has more than {MAX_INT_DIGITS} digits", node)]
    if directives > limits.max_directives:
        return [_limit_error(f"the query uses {directives} directives; at most {limits.max_directives} are allowed")]
    return _repeated_fields(document, limits.max_repeated_fields)


def _repeated_fields(document: DocumentNode, limit: int) -> list[GraphQLError]:
    """Refuse a field asked for more than `limit` times at one level: validation compares every pair."""
    fragments = {
        definition.name.value: definition.selection_set
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    memo: dict[str, Counter[str]] = {}

    def keys(selection_set: SelectionSetNode, seen: frozenset[str]) -> Counter[str]:
        """Response keys of a selection set; a fragment spread again adds nothing (validation merges it once)."""
        counts: Counter[str] = Counter()
        spread: set[str] = set()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                counts[(selection.alias or selection.name).value] += 1
            elif isinstance(selection, InlineFragmentNode):
                counts.update(keys(selection.selection_set, seen))
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in seen or name in spread or name not in fragments:
                    continue  # a cycle or an unknown fragment (validation reports it), or spread already
                spread.add(name)
                if name not in memo:
                    memo[name] = keys(fragments[name], seen | {name})
                counts.update(memo[name])
        return counts

    for node in _walk(document):
        if isinstance(node, SelectionSetNode):
            repeated = [(key, count) for key, count in keys(node, frozenset()).items() if count > limit]
            if repeated:
                key, count = repeated[0]
                return [_limit_error(f"`{key}` is asked for {count} times at one level; at most {limit} are allowed")]
    return []


@dataclass(frozen=True)
class Measure:
    depth: int
    aliases: int
    nodes: int

    def beside(self, other: "Measure") -> "Measure":
        """The measure of two selections side by side."""
        return Measure(max(self.depth, other.depth), self.aliases + other.aliases, self.nodes + other.nodes)


def check_measure(schema: GraphQLSchema, document: DocumentNode, limits: Limits) -> tuple[Measure, list[GraphQLError]]:
    """The document's measure, and the errors of the limits it exceeds."""
    measure = measure_document(schema, document)
    if measure.depth > limits.max_depth:
        return measure, [
            _limit_error(f"the query is {measure.depth} levels deep; at most {limits.max_depth} are allowed")
        ]
    if measure.aliases > limits.max_aliases:
        return measure, [
            _limit_error(f"the query uses {measure.aliases} aliases; at most {limits.max_aliases} are allowed")
        ]
    if measure.nodes > limits.max_nodes:
        return measure, [
            _limit_error(
                f"the query could return about {measure.nodes:,} objects; at most {limits.max_nodes:,} are "
                "allowed (ask for smaller pages or fewer nested lists)"
            )
        ]
    return measure, []


def measure_document(schema: GraphQLSchema, document: DocumentNode) -> Measure:
    """Depth, aliases and the objects a response could hold, from the fields' declared list sizes and costs."""
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    memo: dict[str, Measure] = {}

    def selections(selection_set: SelectionSetNode, parent: GraphQLObjectType | None) -> Measure:
        total = Measure(0, 0, 0)
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total = total.beside(_field(selection, parent))
            elif isinstance(selection, FragmentSpreadNode):
                total = total.beside(fragment(selection.name.value))
            else:
                total = total.beside(inline(selection, parent))  # type: ignore[arg-type]
        return total

    def _field(node: FieldNode, parent: GraphQLObjectType | None) -> Measure:
        alias = 1 if node.alias else 0
        definition = parent.fields.get(node.name.value) if parent is not None else None
        if definition is None:
            return Measure(1, alias, 1)
        size = definition.extensions.get(LIST_SIZE)
        cost = definition.extensions.get(COST)
        weight = cost.weight if isinstance(cost, Cost) else 1
        copies = _copies(node, size)
        if node.selection_set is None:
            return Measure(1, alias, copies * weight)
        child = get_named_type(definition.type)
        inner = selections(node.selection_set, child if isinstance(child, GraphQLObjectType) else None)
        return Measure(1 + inner.depth, alias + inner.aliases, copies * (weight + inner.nodes))

    def inline(node: InlineFragmentNode, parent: GraphQLObjectType | None) -> Measure:
        condition = schema.get_type(node.type_condition.name.value) if node.type_condition else parent
        return selections(node.selection_set, condition if isinstance(condition, GraphQLObjectType) else None)

    def fragment(name: str) -> Measure:
        key = name
        if key not in memo:
            definition = fragments.get(name)
            memo[key] = Measure(0, 0, 0)  # guards a cycle, though validation has ruled them out
            if definition is not None:
                condition = schema.get_type(definition.type_condition.name.value)
                memo[key] = selections(
                    definition.selection_set, condition if isinstance(condition, GraphQLObjectType) else None
                )
        return memo[key]

    total = Measure(0, 0, 0)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            total = total.beside(selections(definition.selection_set, schema.get_root_type(definition.operation)))
    return total


def _copies(node: FieldNode, size: Any) -> int:
    """How many objects a field yields under its ListSize: a field sizing lists below it (a connection)
    counts its whole selection once per item, so those lists (`sized_by_parent`) count once."""
    if not isinstance(size, ListSize) or size.sized_by_parent:
        return 1
    return _slice(node, size)


def _slice(node: FieldNode, size: ListSize) -> int:
    """The size a field's slicing argument asks for: a literal (capped), the maximum for a variable."""
    if size.slicing_argument is not None:
        for argument in node.arguments or ():
            if argument.name.value == size.slicing_argument:
                ceiling = size.maximum if size.maximum is not None else size.default
                if isinstance(argument.value, IntValueNode):
                    return max(0, min(int(argument.value.value), ceiling))
                return ceiling
    return size.default


def _walk(node: Node) -> Iterator[Node]:
    """Every node of a document, iteratively (a deeply nested document must not exhaust the stack)."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        yield current
        for key in current.keys:
            value = getattr(current, key, None)
            if isinstance(value, Node):
                stack.append(value)
            elif isinstance(value, tuple | list):
                stack.extend(item for item in value if isinstance(item, Node))


def _limit_error(message: str, node: Node | None = None) -> GraphQLError:
    return GraphQLError(f"Query refused: {message}.", node, extensions={"code": "QUERY_TOO_COMPLEX"})
