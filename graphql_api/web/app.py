"""The HTTP application: GraphQL (with GraphiQL) on FastAPI, the first version's REST URLs, API docs, the demo
app at /, a health check, CORS."""

from typing import Any

from fastapi import FastAPI
from starlette.types import Receive, Scope, Send

from graphql_api.data.model import ReadModel
from graphql_api.engine.engine import Engine
from graphql_api.schema import graphql_schema
from graphql_api.settings import Settings
from graphql_api.web import demo_app, static
from graphql_api.web.api_docs import OPENAPI_URL, add_docs_pages
from graphql_api.web.cors import CORS
from graphql_api.web.dataset import dataset_name
from graphql_api.web.eda_report import EdaReport
from graphql_api.web.graphql_http import GraphQLEndpoint
from graphql_api.web.rest.routes import add_rest_routes
from graphql_api.web.security import SecurityHeaders


def create_app(model: ReadModel, settings: Settings | None = None) -> "Service":
    settings = settings or Settings()
    app = FastAPI(
        title="Movies GraphQL API",
        description="GraphQL over The Movies Dataset. Open /graphql in a browser for GraphiQL. The first "
        "version's REST endpoints are kept, computed by the same code as the GraphQL answers.",
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL,
    )
    engine = Engine(graphql_schema, model, settings.limits)
    endpoint = GraphQLEndpoint(
        engine,
        model.manifest,
        graphiql=settings.graphiql,
        max_response_bytes=settings.max_response_bytes,
        body_seconds=settings.request_body_seconds,
        cache_control=settings.cache_control,
    )
    app.add_route("/graphql", endpoint, methods=["GET", "POST"])
    app.add_route(static.ROUTE, static.vendored_assets().handle, methods=["GET", "HEAD"])
    demo = demo_app.demo_app()
    app.add_route("/", demo.index, methods=["GET", "HEAD"])
    app.add_route(demo_app.ROUTE, demo.asset, methods=["GET", "HEAD"])
    app.add_route("/eda", EdaReport(settings.data_dir, settings.eda_dir).handle, methods=["GET", "HEAD"])
    add_rest_routes(app, model, settings.limits)
    add_docs_pages(app)

    dataset = dataset_name(model.manifest["inputs"])

    @app.get("/healthz")
    def health() -> dict[str, Any]:
        inputs = model.manifest["inputs"]
        return {
            "status": "ok",
            "dataset": dataset,
            "schema_version": model.manifest["schema_version"],
            "inputs": inputs,
            "tables": {name: entry["rows"] for name, entry in model.manifest["tables"].items()},
        }

    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        CORS,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Accept"],
        max_age=86400,
    )
    return Service(app, endpoint)


class Service:
    """The application as uvicorn runs it: most GraphQL requests go straight to the endpoint.

    A request to /graphql without an Origin header (no browser's cross-origin request: CORS adds
    nothing to it) is answered by the endpoint, which sets its own headers; anything else goes
    through FastAPI's stack: routing, CORS, the other routes. Skipping the stack's layers for the
    service's main request saves about as much as the request itself costs.
    """

    def __init__(self, app: FastAPI, graphql: GraphQLEndpoint) -> None:
        self.app = app
        self._graphql = graphql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["path"] == "/graphql"
            and scope["method"] in _DIRECT_METHODS
            and not any(name == b"origin" for name, _ in scope["headers"])
        ):
            await self._graphql(scope, receive, send)
            return
        await self.app(scope, receive, send)


_DIRECT_METHODS = frozenset({"GET", "HEAD", "POST"})
