"""The HTTP application: GraphQL (with GraphiQL) on Starlette, a health check, CORS.

Plain Starlette rather than FastAPI: no request here uses FastAPI's validation or documentation,
and importing FastAPI (with pydantic) cost about a quarter of the service's start-up CPU.
"""

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graphql_api.data.model import ReadModel
from graphql_api.engine.engine import Engine
from graphql_api.schema import graphql_schema
from graphql_api.settings import Settings
from graphql_api.web.graphql_http import GraphQLEndpoint


def create_app(model: ReadModel, settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    engine = Engine(graphql_schema, model, settings.limits)

    async def health(_request: Request) -> JSONResponse:
        inputs = model.manifest["inputs"]
        return JSONResponse(
            {
                "status": "ok",
                "schema_version": model.manifest["schema_version"],
                "inputs": inputs,
                "tables": {name: entry["rows"] for name, entry in model.manifest["tables"].items()},
            }
        )

    return Starlette(
        routes=[
            Route("/graphql", GraphQLEndpoint(engine, graphiql=settings.graphiql).handle, methods=["GET", "POST"]),
            Route("/healthz", health, methods=["GET"]),
        ],
        middleware=[
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["Content-Type", "Accept"],
                max_age=86400,
            )
        ],
        exception_handlers={HTTPException: _http_error},
    )


async def _http_error(_request: Request, error: HTTPException) -> Response:
    """Routing errors (unknown path, method not allowed) as JSON: {"detail": "Not Found"}."""
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
