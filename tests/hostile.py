"""A corpus of hostile or malformed HTTP requests to /graphql, each with what it must get."""

import json
from dataclasses import dataclass, field
from urllib.parse import quote

ERROR = "error"  # a 4xx status, or a GraphQL error in the body
ANSWER = "answer"  # a normal answer (a valid request that is only large or odd)
HEADERS_ONLY = "headers-only"  # a 200 with no body to read (HEAD)


@dataclass(frozen=True)
class Hostile:
    name: str
    method: str = "POST"
    path: str = "/graphql"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    expect: str = ERROR


def _post(name: str, payload: object, expect: str = ERROR) -> Hostile:
    return Hostile(name, body=json.dumps(payload).encode(), expect=expect)


def _query(name: str, query: str, variables: dict | None = None, expect: str = ERROR) -> Hostile:
    payload: dict = {"query": query}
    if variables is not None:
        payload["variables"] = variables
    return _post(name, payload, expect)


def _get(name: str, query: str, extra: str = "", expect: str = ERROR) -> Hostile:
    return Hostile(
        name, "GET", f"/graphql?query={quote(query)}{extra}", headers={"Accept": "application/json"}, expect=expect
    )


def _raw(name: str, body: bytes, content_type: str = "application/json") -> Hostile:
    return Hostile(name, body=body, headers={"Content-Type": content_type})


def _nest(levels: int) -> str:
    return (
        "{ movie(id: 862) "
        + "{ cast(first: 1) { nodes { person { castCredits(first: 1) { nodes { movie " * levels
        + ("{ id }" + " } } } } } }" * levels)
        + " }"
    )


def _fragment_bomb(levels: int) -> str:
    fragments = [f"fragment F{i} on Movie {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    fragments.append(f"fragment F{levels} on Movie {{ id title }}")
    return "{ movie(id: 862) { ...F0 } } " + " ".join(fragments)


def corpus() -> list[Hostile]:
    items: list[Hostile] = []
    # Malformed JSON and wrong shapes.
    for index, body in enumerate(
        [
            b"{",
            b"[",
            b"nul",
            b'{"query": }',
            b'{"query": "{ __typename }"} trailing',
            b"{'query': '{ __typename }'}",
            b"{}",
            b'{"query": 5}',
            b'{"query": null}',
            b'{"query": ["{ __typename }"]}',
            b'"just a string"',
            b"123",
            b"true",
            b'{"query": "{ __typename }", "variables": [1]}',
            b'{"query": "{ __typename }", "variables": "{}"}',
            b'{"query": "{ __typename }", "operationName": 7}',
            b"\x00\x00\x00",
            b'{"query": "{ __typename }", "query": 1}',
        ]
    ):
        items.append(_raw(f"malformed-json-{index}", body))
    # Wrong or missing content types.
    typename = b'{"query": "{ __typename }"}'
    for index, content_type in enumerate(
        [
            "text/plain",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "image/png",
            "application/jsonx",
        ]
    ):
        items.append(_raw(f"content-type-{index}", typename, content_type))
    # Empty bodies.
    items += [
        _raw("empty-json", b""),
        _raw("blank-json", b"   \n  "),
        _raw("empty-graphql", b"", "application/graphql"),
    ]
    # Invalid UTF-8 and NUL bytes.
    items += [
        _raw("invalid-utf8-body", b"\xff\xfe\xfd"),
        _raw("invalid-utf8-in-string", b'{"query": "{ titleScore(title: \\"\xff\xfe\\") { message } }"}'),
        _raw("invalid-utf8-graphql", b'{ titleScore(title: "\xff") { message } }', "application/graphql"),
        _get("invalid-utf8-get", "{ __typename }", "&variables=%FF%FE"),
        _query("nul-in-query", '{ titleScore(title: "a\u0000b") { message } }'),
        _query("nul-outside-string", "{ __typename \u0000 }"),
        _query("nul-in-variable", "query($t: String!) { titleScore(title: $t) { message } }", {"t": "a\u0000b"}),
        _get("nul-in-get", '{ titleScore(title: "\u0000") { message } }'),
        _raw("raw-nul-in-json", b'{"query": "{ __typename }\x00"}'),
    ]
    # Huge strings and bodies.
    items += [
        _query("huge-title", '{ titleScore(title: "' + "x" * 50_000 + '") { message } }'),
        _query("huge-variable", "query($t: String!) { actor(name: $t) { message } }", {"t": "y" * 60_000}),
        _query("too-long-query", "{ __typename " + " " * 30_000 + "}"),
        _raw("body-over-limit", b'{"query": "' + b"a" * 200_000 + b'"}'),
        _query("many-comments", "{ __typename }\n" + "#\n" * 5000),
        _query("long-name", "{ " + "a" * 10_000 + " }"),
        _query("huge-month", '{ releasesInMonth(month: "' + "enero" * 5000 + '") { count } }'),
    ]
    # Deep nesting.
    items += [
        _query("deep-braces", "{" * 1000 + "}" * 1000),
        _query("deep-valid-path", _nest(4)),
        _query("deep-selection-unknown", "{ a " + "{ a " * 300 + "}" * 301),
        _query("deep-list-literal", "{ movie(id: " + "[" * 500 + "1" + "]" * 500 + ") { id } }"),
        _query(
            "deep-variable",
            "query($t: String!) { titleScore(title: $t) { message } }",
            {"t": json.loads("[" * 900 + "]" * 900)},
        ),
        _raw("deep-json", b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}"),
    ]
    # Alias and fragment bombs, circular fragments, __typename floods.
    items += [
        _query(
            "alias-bomb",
            "{ " + " ".join(f'a{i}: titleScore(title: "Toy Story") {{ message }}' for i in range(200)) + " }",
        ),
        _query(
            "alias-bomb-in-fragment",
            "{ ...Q ...Q } fragment Q on Query { " + " ".join(f"a{i}: __typename" for i in range(40)) + " }",
        ),
        _query("fragment-bomb", _fragment_bomb(30)),
        _query(
            "fragment-bomb-wide",
            "{ movie(id: 862) { " + "...F " * 500 + "} } fragment F on Movie { id }",
            expect=ANSWER,
        ),
        _query(
            "fragment-cycle", "{ movie(id: 862) { ...A } } fragment A on Movie { ...B } fragment B on Movie { ...A }"
        ),
        _query("fragment-self", "{ movie(id: 862) { ...A } } fragment A on Movie { id ...A }"),
        _query(
            "fragment-three-cycle",
            "{ movie(id: 862) { ...A } } fragment A on Movie { ...B } "
            "fragment B on Movie { ...C } fragment C on Movie { ...A }",
        ),
        _query("unused-fragment", "{ __typename } fragment A on Movie { id }"),
        _query("typename-flood", "{ " + "__typename " * 1500 + "}"),
        _query("typename-aliases", "{ " + " ".join(f"t{i}: __typename" for i in range(600)) + " }"),
        _query("typename-nested", "{ movie(id: 862) { " + "__typename " * 1000 + "} }"),
        _query("same-field-flood", "{ " + 'titleScore(title: "Toy Story") { message } ' * 300 + "}"),
        _query("conflicting-fields", '{ a: titleScore(title: "x") { message } a: actor(name: "y") { message } }'),
    ]
    # Directives.
    items += [
        _query("duplicated-skip", "{ __typename " + "@skip(if: false) " * 50 + "}"),
        _query("duplicated-include", "{ movie(id: 862) { id " + "@include(if: true) " * 20 + "} }"),
        _query("many-directives", "{ " + " ".join(f"t{i}: __typename @skip(if: false)" for i in range(25)) + " }"),
        _query("unknown-directive", "{ __typename @evil }"),
        _query("directive-bad-arg", '{ __typename @skip(if: "yes") }'),
        _query("deprecated-on-query", "{ __typename @deprecated }"),
    ]
    # Batches.
    items += [
        _post("batch-of-two", [{"query": "{ __typename }"}, {"query": "{ __typename }"}]),
        _post("batch-of-thousand", [{"query": "{ __typename }"}] * 1000),
        _post("empty-batch", []),
        _post("batch-of-junk", [1, "x", None]),
    ]
    # Unknown fields and arguments, wrong argument types.
    items += [
        _query("unknown-root-field", "{ users { password } }"),
        _query("unknown-nested-field", "{ movie(id: 862) { secret } }"),
        _query("unknown-argument", '{ movie(id: 862, as: "admin") { id } }'),
        _query("typo-field", "{ movie(id: 862) { titel } }"),
        _query("month-as-int", "{ releasesInMonth(month: 5) { count } }"),
        _query("id-as-string", '{ movie(id: "abc") { id } }'),
        _query("first-as-string", '{ movie(id: 862) { cast(first: "ten") { totalCount } } }'),
        _query("first-as-float", "{ movie(id: 862) { cast(first: 1e100) { totalCount } } }"),
        _query("id-overflow", "{ movie(id: 99999999999) { id } }"),
        _query("null-for-required", "{ titleScore(title: null) { message } }"),
        _query("missing-required", "{ titleScore { message } }"),
        _query("variable-type-mismatch", "query($t: Int!) { titleScore(title: $t) { message } }", {"t": 1}),
        _query("variable-missing", "query($t: String!) { titleScore(title: $t) { message } }", {}),
        _query(
            "variable-wrong-value", "query($n: Int) { movie(id: 862) { cast(first: $n) { totalCount } } }", {"n": "x"}
        ),
        _query("variable-undefined", "{ titleScore(title: $t) { message } }"),
        _query("leaf-with-selection", "{ movie(id: 862) { title { length } } }"),
        _query("object-without-selection", "{ movie(id: 862) }"),
        _query("bad-month", '{ releasesInMonth(month: "brumaire") { count } }'),
        _query("bad-cursor", '{ movie(id: 862) { cast(after: "not-a-cursor") { totalCount } } }'),
        _query("empty-title", '{ titleScore(title: "") { message } }'),
    ]
    # Operations: GET mutations, subscriptions, names.
    items += [
        _get("get-mutation", "mutation { __typename }"),
        _get("get-subscription", "subscription { __typename }"),
        _query("post-mutation", "mutation { __typename }"),
        _get("get-mutation-by-name", "query A { __typename } mutation B { __typename }", "&operationName=B"),
        _post("operation-name-missing", {"query": "query A { __typename } query B { __typename }"}),
        _post("operation-name-unknown", {"query": "query A { __typename }", "operationName": "Z"}),
        _query("anonymous-and-named", "{ __typename } query B { __typename }"),
        _query("duplicate-operation-names", "query A { __typename } query A { __typename }"),
        _query("only-comments", "# nothing here"),
        _query("empty-document", ""),
        _query("empty-selection", "{}"),
        _query("syntax-error", "{ movie(id: 862) { id }"),
        _query("schema-definition", "type Evil { x: Int }"),
    ]
    # Very large page sizes and fan-out.
    items += [
        _query("page-of-a-million", "{ movie(id: 862) { cast(first: 1000000) { totalCount } } }"),
        _query("negative-page", "{ movie(id: 862) { cast(first: -1) { totalCount } } }"),
        _query("page-over-cap", "{ movie(id: 862) { crew(first: 101) { totalCount } } }"),
        _query(
            "page-via-variable", "query($n: Int) { movie(id: 862) { cast(first: $n) { totalCount } } }", {"n": 5000}
        ),
        _query(
            "fan-out",
            "{ movie(id: 862) { cast(first: 100) { nodes { person { castCredits(first: 100) { nodes "
            "{ movie { cast(first: 100) { nodes { character } } } } } } } } } }",
        ),
        _query(
            "default-page-sizes", "{ movie(id: 862) { cast { totalCount } crew { nodes { job } } } }", expect=ANSWER
        ),
        _query("page-at-cap", "{ movie(id: 862) { cast(first: 100) { totalCount } } }", expect=ANSWER),
    ]
    # Other HTTP methods and odd requests.
    items += [
        Hostile("put", "PUT", body=typename),
        Hostile("delete", "DELETE"),
        Hostile("head", "HEAD", "/graphql?query=%7B__typename%7D", headers={}, expect=HEADERS_ONLY),
        Hostile("patch", "PATCH", body=typename),
        Hostile("get-without-query", "GET", headers={"Accept": "application/json"}),
        Hostile(
            "get-variables-not-json",
            "GET",
            "/graphql?query=%7B__typename%7D&variables=%7Bnope",
            headers={"Accept": "application/json"},
        ),
        Hostile(
            "get-variables-array",
            "GET",
            "/graphql?query=%7B__typename%7D&variables=%5B1%5D",
            headers={"Accept": "application/json"},
        ),
        Hostile("get-huge-url", "GET", "/graphql?query=" + "%7B" * 20_000, headers={"Accept": "application/json"}),
        Hostile("get-empty-query", "GET", "/graphql?query=", headers={"Accept": "application/json"}),
        Hostile("unknown-path", "GET", "/graphql/../../etc/passwd", headers={}),
        Hostile("graphql-content-type-json-body", body=typename, headers={"Content-Type": "application/graphql"}),
        _query(
            "introspection",
            "{ __schema { types { name fields { name type { name ofType { name } } } } } }",
            expect=ANSWER,
        ),
        _query(
            "introspection-deep-oftype",
            "{ __schema { types { fields { type { ofType { ofType { ofType { "
            "ofType { ofType { ofType { ofType { name } } } } } } } } } } }",
        ),
        _query("contract-valid", '{ mes: releasesInMonth(month: "enero") { count message } }', expect=ANSWER),
    ]
    return items
