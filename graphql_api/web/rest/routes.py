"""The first version's URLs on FastAPI: one GET route per endpoint, documented in /openapi.json.

The path parameter is read from the path as it is, not declared to FastAPI: every value reaches the
domain, which refuses what it cannot read with a 400 naming the accepted values (FastAPI would answer
a 422 of its own); the parameter is described in the OpenAPI document by hand instead.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from graphql import parse, print_ast
from starlette.responses import Response

from graphql_api.data.model import ReadModel
from graphql_api.engine.limits import Limits
from graphql_api.web.rest.endpoints import ENDPOINTS, Endpoint
from graphql_api.web.rest.models import NotFound, Refused
from graphql_api.web.rest.responses import CACHE_CONTROL, Answering

TAG = "REST: the first version's endpoints"

Handler = Callable[[Request], Awaitable[Response]]


def add_rest_routes(app: FastAPI, model: ReadModel, limits: Limits) -> None:
    answering = Answering(model, limits)
    handlers = [(endpoint, _handler(answering, endpoint)) for endpoint in ENDPOINTS]
    # Served by plain Starlette routes, matched first: FastAPI's per-request machinery (dependencies,
    # validation) has nothing to do here and added a quarter to a cached answer's time (measured). The
    # FastAPI routes after them, with the same handlers, are what put the endpoints in /openapi.json.
    for endpoint, handle in handlers:
        app.add_route(endpoint.route, handle, methods=["GET"])
    for endpoint, handle in handlers:
        app.add_api_route(endpoint.route, handle, methods=["GET"], **_documented(endpoint, limits))


def _handler(answering: Answering, endpoint: Endpoint) -> Handler:
    async def handle(request: Request) -> Response:
        value = request.path_params[endpoint.argument]
        return await answering.respond(endpoint, value, request.headers.get("if-none-match"))

    return handle


def _documented(endpoint: Endpoint, limits: Limits) -> dict[str, Any]:
    """What /openapi.json says of an endpoint."""
    refusal = (
        f"an invalid month or day (with the accepted values), a value longer than {limits.max_string_length} "
        "characters, or one holding control characters"
    )
    responses: dict[int | str, dict[str, Any]] = {
        400: {"model": Refused, "description": f"Refused: {refusal}."},
        503: {"model": Refused, "description": f"Not answered within {limits.time_budget_seconds:g} s."},
    }
    if endpoint.looks_up:
        responses[404] = {"model": NotFound, "description": "Nothing matched: the closest titles or names."}
    description = (
        f"Answers are cached for an hour (`Cache-Control: {CACHE_CONTROL}`) and carry an `ETag`; errors are not "
        "cached. The same figures from GraphQL (`GET /graphql?query=...&variables=...`):\n\n"
        f"```graphql\n{print_ast(parse(endpoint.graphql))}\n```"
    )
    parameter = {
        "name": endpoint.argument,
        "in": "path",
        "required": True,
        "description": endpoint.argument_help + " URL-encoded: a space is %20, a slash may stay a slash.",
        "schema": {"type": "string", "maxLength": limits.max_string_length},
        "examples": {shows: {"summary": shows, "value": value} for shows, value in endpoint.examples.items()},
    }
    return {
        "response_model": endpoint.answer,
        "responses": responses,
        "summary": endpoint.summary,
        "description": description,
        "operation_id": endpoint.name,
        "tags": [TAG],
        "openapi_extra": {"parameters": [parameter]},
    }
