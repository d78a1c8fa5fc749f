"""Queries that differ only in their string arguments share one parsed and validated document.

Front ends often write arguments into the query text (`titleScore(title: "Toy Story")`) rather
than sending variables, so every request is a new text that would be parsed and validated again,
which costs ten times more than executing it. Here the string literals are cut out of the text
(split on its quotes; with a regular expression when the text has escapes, a quote left unpaired
or a line break inside a literal); the remaining "shape" is looked up; its template is the
document with each literal replaced by a variable of the type expected at that position. The
request then runs as the template with the literals as variable values.

Only plain cases are hoisted (one operation, literals only where a String or ID is expected, no
\\u escapes, block strings or comments); anything else takes the ordinary path. Validity of a String
or ID argument never depends on its value, so a shape valid once is valid for every literal.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLNonNull,
    GraphQLSchema,
    NamedTypeNode,
    NameNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    Source,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    get_named_type,
    visit,
)
from graphql.language import DocumentNode

from graphql_api.engine.lru import LRU

_STRING = re.compile(r'"((?:[^"\\\n\r]|\\["\\/bfnrt])*)"')  # a string literal (simple escapes), its inside captured
_ESCAPED = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_BACKSLASH_PAIR = re.compile(r"\\(.?)", re.DOTALL)
_HOISTABLE_TYPES = frozenset({"String", "ID"})
_PREFIX = "_lit"
TEMPLATE_CACHE_BYTES = 16 << 20
TEMPLATE_CACHE_ENTRIES = 256


@dataclass(frozen=True)
class Template:
    prepared: Any  # the engine's Prepared for the document with variables in place of literals
    variable_names: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # (start, end) of each literal in the text the template was made from

    def relocate(self, error: GraphQLError, query: str) -> GraphQLError:
        """`error`, located in the client's `query` rather than in the text the template was made from.

        Texts of one shape differ only inside their string literals, so an offset moves by how much
        longer or shorter the literals before it are.
        """
        if not error.positions:
            return error
        spans = [match.span() for match in _STRING.finditer(query)]
        positions = []
        for offset in error.positions:
            shift = sum(
                (end - start) - (old_end - old_start)
                for (old_start, old_end), (start, end) in zip(self.spans, spans, strict=True)
                if old_end <= offset
            )
            positions.append(offset + shift)
        return GraphQLError(
            error.message,
            source=Source(query),
            positions=positions,
            path=error.path,
            original_error=error.original_error,
            extensions=error.extensions,
        )


class Hoister:
    def __init__(
        self, schema: GraphQLSchema, cache_size: int = TEMPLATE_CACHE_ENTRIES, max_bytes: int = TEMPLATE_CACHE_BYTES
    ) -> None:
        self._schema = schema
        self._templates: LRU[str, Template | None] = LRU(
            cache_size, max_bytes, weight=lambda template: template.prepared.weight if template else 0
        )

    def split(self, query: str) -> tuple[str, list[str]] | None:
        """(shape, literal values) of a query, or None when it is not a plain case."""
        if '"""' in query:
            return None  # a block string: the ordinary path
        if "\\" in query:
            if not _simple_escapes(query):
                return None  # a \\u or an invalid escape: the ordinary path
            parts = _STRING.split(query)  # text, literal, text, ..., text: one pass
        else:
            parts = query.split('"')  # without escapes, quotes open and close literals in turn: no pattern
            if len(parts) % 2 == 0 or (("\n" in query or "\r" in query) and _line_break_in(parts[1::2])):
                parts = _STRING.split(query)  # a quote left open, or a line break inside: as the pattern reads it
        if len(parts) == 1:
            return None
        shape = '""'.join(parts[::2])
        if "#" in shape or "\\" in shape or '"' in shape.replace('""', ""):
            return None  # a comment, a backslash outside a string, or a quote the pattern did not pair
        values = parts[1::2]
        return shape, [_unescaped(value) for value in values] if "\\" in query else values

    def knows(self, shape: str) -> bool:
        return shape in self._templates

    def template(self, shape: str) -> Template | None:
        """The template of a known shape; None when that shape cannot be hoisted."""
        return self._templates.get(shape)

    def learn(
        self, shape: str, document: DocumentNode, literal_count: int, prepare: Callable[[DocumentNode], Any]
    ) -> None:
        """Make (and remember) the template of a shape from a valid document of that shape."""
        template = None
        made = _make_template(self._schema, document, literal_count)
        if made is not None and document.loc is not None:
            replaced, names = made
            prepared = prepare(replaced)
            spans = tuple(match.span() for match in _STRING.finditer(document.loc.source.body))
            template = Template(prepared, names, spans) if prepared.document is not None else None
        self._templates.put(shape, template)


def _line_break_in(literals: list[str]) -> bool:
    return any("\n" in literal or "\r" in literal for literal in literals)


def _simple_escapes(query: str) -> bool:
    """Whether every backslash, read left to right in pairs, starts an escape `_ESCAPED` knows."""
    return all(pair.group(1) in _ESCAPED for pair in _BACKSLASH_PAIR.finditer(query))


def _unescaped(literal: str) -> str:
    """The value of a string literal's text, as GraphQL's lexer reads it (simple escapes only)."""
    return _BACKSLASH_PAIR.sub(lambda pair: _ESCAPED[pair.group(1)], literal) if "\\" in literal else literal


def _make_template(
    schema: GraphQLSchema, document: DocumentNode, literal_count: int
) -> tuple[DocumentNode, tuple[str, ...]] | None:
    operations = [node for node in document.definitions if isinstance(node, OperationDefinitionNode)]
    if len(operations) != 1:
        return None
    used_names = {definition.variable.name.value for definition in operations[0].variable_definitions or ()}
    positions: list[tuple[int, str, bool]] = []  # (offset, type name, non-null) of each literal
    type_info = TypeInfo(schema)
    hoistable = True

    class Finder(Visitor):
        def enter_variable_definition(self, *_: object) -> str:
            return self.SKIP  # a literal in a default value stays a literal: not a plain case

        def enter_string_value(self, node: StringValueNode, *_: object) -> None:
            nonlocal hoistable
            expected = type_info.get_input_type()
            named = get_named_type(expected) if expected is not None else None
            if named is None or named.name not in _HOISTABLE_TYPES or node.loc is None:
                hoistable = False
                return
            positions.append((node.loc.start, named.name, isinstance(expected, GraphQLNonNull)))

    visit(document, TypeInfoVisitor(type_info, Finder()))
    if not hoistable or len(positions) != literal_count:
        return None
    names = tuple(f"{_PREFIX}{index}" for index in range(literal_count))
    if used_names & set(names):
        return None
    order = {offset: index for index, (offset, _, _) in enumerate(sorted(positions))}
    types = {order[offset]: (type_name, non_null) for offset, type_name, non_null in positions}

    class Replacer(Visitor):
        def enter_variable_definition(self, *_: object) -> str:
            return self.SKIP

        def enter_string_value(self, node: StringValueNode, *_: object) -> VariableNode:
            return VariableNode(name=NameNode(value=names[order[node.loc.start]]))  # type: ignore[union-attr]

    added = []
    for index, name in enumerate(names):
        type_name, non_null = types[index]
        type_node: NamedTypeNode | NonNullTypeNode = NamedTypeNode(name=NameNode(value=type_name))
        if non_null:
            type_node = NonNullTypeNode(type=type_node)
        added.append(VariableDefinitionNode(variable=VariableNode(name=NameNode(value=name)), type=type_node))
    replaced: DocumentNode = visit(document, Replacer())
    replaced = replace(
        replaced,
        definitions=tuple(
            replace(node, variable_definitions=(*(node.variable_definitions or ()), *added))
            if isinstance(node, OperationDefinitionNode)
            else node
            for node in replaced.definitions
        ),
    )
    return replaced, names
