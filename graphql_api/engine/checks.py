"""Checks on a parsed document beyond the GraphQL spec's: size, nesting and estimated cost.

`precheck` runs before validation on the raw document and is linear in its size. `measure` runs
after validation (which rules out fragment cycles) and expands fragments once each (memoized), so a
document whose fragments spread each other exponentially is still measured in linear time.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from graphql import (
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    get_named_type,
    get_nullable_type,
)

from graphql_api.engine.limits import Limits
from graphql_api.schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

ASSUMED_LIST_LENGTH = 10  # for lists that are not pages: genres, matches, a director's films...


def precheck(document: DocumentNode, limits: Limits) -> list[GraphQLError]:
    directives = 0
    for node in _walk(document):
        if isinstance(node, DirectiveNode):
            directives += 1
        elif isinstance(node, StringValueNode) and len(node.value) > limits.max_string_length:
            return [_limit_error(f"a string argument is longer than {limits.max_string_length} characters", node)]
    if directives > limits.max_directives:
        return [_limit_error(f"the query uses {directives} directives; at most {limits.max_directives} are allowed")]
    return []


@dataclass(frozen=True)
class Measure:
    depth: int
    aliases: int
    nodes: int

    def beside(self, other: "Measure") -> "Measure":
        """The measure of two selections side by side."""
        return Measure(max(self.depth, other.depth), self.aliases + other.aliases, self.nodes + other.nodes)


def check_measure(schema: GraphQLSchema, document: DocumentNode, limits: Limits) -> list[GraphQLError]:
    measure = measure_document(schema, document)
    if measure.depth > limits.max_depth:
        return [_limit_error(f"the query is {measure.depth} levels deep; at most {limits.max_depth} are allowed")]
    if measure.aliases > limits.max_aliases:
        return [_limit_error(f"the query uses {measure.aliases} aliases; at most {limits.max_aliases} are allowed")]
    if measure.nodes > limits.max_nodes:
        return [
            _limit_error(
                f"the query could return about {measure.nodes:,} objects; at most {limits.max_nodes:,} are "
                "allowed (ask for smaller pages or fewer nested lists)"
            )
        ]
    return []


def measure_document(schema: GraphQLSchema, document: DocumentNode) -> Measure:
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
                total = total.beside(inline(selection))  # type: ignore[arg-type]
        return total

    def _field(node: FieldNode, parent: GraphQLObjectType | None) -> Measure:
        alias = 1 if node.alias else 0
        definition = parent.fields.get(node.name.value) if parent is not None else None
        if node.selection_set is None or definition is None:
            return Measure(1, alias, 1)
        child = get_named_type(definition.type)
        inner = selections(node.selection_set, child if isinstance(child, GraphQLObjectType) else None)
        copies = _copies(node, definition, parent)
        return Measure(1 + inner.depth, alias + inner.aliases, copies * (1 + inner.nodes))

    def inline(node: InlineFragmentNode) -> Measure:
        condition = schema.get_type(node.type_condition.name.value) if node.type_condition else None
        return selections(node.selection_set, condition if isinstance(condition, GraphQLObjectType) else None)

    def fragment(name: str) -> Measure:
        if name not in memo:
            definition = fragments.get(name)
            memo[name] = Measure(0, 0, 0)  # guards a cycle, though validation has ruled them out
            if definition is not None:
                condition = schema.get_type(definition.type_condition.name.value)
                memo[name] = selections(
                    definition.selection_set, condition if isinstance(condition, GraphQLObjectType) else None
                )
        return memo[name]

    total = Measure(0, 0, 0)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            total = total.beside(selections(definition.selection_set, schema.get_root_type(definition.operation)))
    return total


def _copies(node: FieldNode, definition: GraphQLField, parent: GraphQLObjectType | None) -> int:
    """How many objects a field may yield: its page size for a page, a guess for other lists."""
    if "first" in definition.args:
        for argument in node.arguments or ():
            if argument.name.value == "first":
                if isinstance(argument.value, IntValueNode):
                    return max(0, min(int(argument.value.value), MAX_PAGE_SIZE))
                return MAX_PAGE_SIZE  # a variable: assume the largest page
        return DEFAULT_PAGE_SIZE
    if not isinstance(get_nullable_type(definition.type), GraphQLList):
        return 1
    if parent is not None and parent.name.endswith("Connection"):
        return 1  # the page's edges or nodes: already counted by the connection's page size
    return ASSUMED_LIST_LENGTH


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
