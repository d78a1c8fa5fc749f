"""Reading a GraphQL-over-HTTP request's parameters: `query`, `variables`, `operationName`, `extensions`.

A request whose parameters have the wrong types is not a well-formed GraphQL-over-HTTP request: it
is refused with 400 before anything else. `null` is the same as leaving a parameter out.
"""

from dataclasses import dataclass
from typing import Any

import orjson
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException


@dataclass(frozen=True)
class Operation:
    query: str | None  # None when only a persisted query's hash was sent
    variables: dict[str, Any] | None = None
    operation_name: str | None = None
    extensions: dict[str, Any] | None = None


def from_payload(payload: Any) -> Operation:
    """The parameters of one JSON request object (a POST body, or an item of a batch)."""
    if not isinstance(payload, dict):
        raise HTTPException(400, "The request body must be a JSON object with a `query`.")
    query = payload.get("query")
    if query is not None and not isinstance(query, str):
        raise HTTPException(400, "`query` must be a string.")
    operation_name = payload.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise HTTPException(400, "`operationName` must be a string.")
    variables = _object(payload.get("variables"), "variables")
    return Operation(query, variables, operation_name, _object(payload.get("extensions"), "extensions"))


def from_query_params(params: QueryParams) -> Operation:
    """The parameters of a GET request's URL; each of `variables` and `extensions` is a JSON text."""
    return Operation(
        params.get("query"),
        _object(_json(params.get("variables"), "variables"), "variables"),
        params.get("operationName") or None,
        _object(_json(params.get("extensions"), "extensions"), "extensions"),
    )


def decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "The request body is not valid UTF-8.") from None


def parse_json(body: bytes) -> Any:
    if not body.strip():
        raise HTTPException(400, "The request body is empty; expected a JSON object with a `query`.")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise HTTPException(400, f"The request body is not valid JSON ({error.msg}).") from None


def _json(text: str | None, name: str) -> Any:
    if text is None or text == "":
        return None
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        raise HTTPException(400, f"`{name}` is not valid JSON.") from None


def _object(value: Any, name: str) -> dict[str, Any] | None:
    if value is not None and not isinstance(value, dict):
        raise HTTPException(400, f"`{name}` must be a JSON object.")
    return value
