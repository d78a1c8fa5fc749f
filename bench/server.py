"""The service as `python -m graphql_api` runs it, plus the bare ceiling routes: `python -m bench.server`."""

import argparse
import os
from pathlib import Path

from bench.bare import add_bare_routes
from graphql_api.data.loader import load
from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.serve import serve


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    settings = Settings.from_env(os.environ, data_dir=args.data_dir, port=args.port, workers=args.workers)
    model = load(settings.data_dir)
    app = create_app(model, settings)
    add_bare_routes(app, model)
    serve(app, settings)


if __name__ == "__main__":
    main()
