"""The HTTP application: GraphQL (with GraphiQL) on FastAPI, the first version's REST URLs, API docs, the demo
app at /, a health check, CORS."""

from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from graphql_api.data.model import ReadModel
from graphql_api.engine.engine import Engine
from graphql_api.schema import graphql_schema
from graphql_api.settings import Settings
from graphql_api.web import demo_app, static
from graphql_api.web.api_docs import OPENAPI_URL, add_docs_pages
from graphql_api.web.dataset import dataset_name
from graphql_api.web.eda_report import EdaReport
from graphql_api.web.graphql_http import GraphQLEndpoint
from graphql_api.web.rest.routes import add_rest_routes
from graphql_api.web.security import SecurityHeaders


def create_app(model: ReadModel, settings: Settings | None = None) -> FastAPI:
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
    app.add_route("/graphql", endpoint.handle, methods=["GET", "POST"])
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
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Accept"],
        max_age=86400,
    )
    return app
