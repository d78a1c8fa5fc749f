"""FastAPI's stack: every route the service answers but the direct ones of `web/app.py`.

GraphQL (for cross-origin requests, which need CORS), the first version's REST URLs and their API
docs, the demo app at /, the vendored assets, the EDA report, the health check, CORS and nosniff.
"""

from typing import Any

from fastapi import FastAPI

from graphql_api.data.model import ReadModel
from graphql_api.settings import Settings
from graphql_api.web import demo_app, static
from graphql_api.web.api_docs import OPENAPI_URL, add_docs_pages
from graphql_api.web.cors import CORS
from graphql_api.web.eda_report import EdaReport
from graphql_api.web.graphql_http import GraphQLEndpoint
from graphql_api.web.rest.routes import add_rest_routes
from graphql_api.web.routing_refusals import add_routing_refusals
from graphql_api.web.security import SecurityHeaders


def build_stack(model: ReadModel, settings: Settings, endpoint: GraphQLEndpoint, health: dict[str, Any]) -> FastAPI:
    app = FastAPI(
        title="Movies GraphQL API",
        description="GraphQL over The Movies Dataset. Open /graphql in a browser for GraphiQL. The first "
        "version's REST endpoints are kept, computed by the same code as the GraphQL answers.",
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL,
    )
    app.add_route("/graphql", endpoint)  # every method: the endpoint refuses those it does not answer
    app.add_route(static.ROUTE, static.vendored_assets().handle, methods=["GET", "HEAD"])
    demo = demo_app.demo_app()
    app.add_route("/", demo.index, methods=["GET", "HEAD"])
    app.add_route(demo_app.ROUTE, demo.asset, methods=["GET", "HEAD"])
    app.add_route("/eda", EdaReport(settings.data_dir, settings.eda_dir).handle, methods=["GET", "HEAD"])
    add_rest_routes(app, model, settings.limits)
    add_docs_pages(app)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return health

    app.add_api_route("/healthz", healthz, methods=["HEAD"], include_in_schema=False)  # uptime monitors use HEAD

    add_routing_refusals(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        CORS,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Accept"],
        max_age=86400,
    )
    return app
