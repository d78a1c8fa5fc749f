"""The service as `python -m graphql_api` runs it, plus the bare ceiling routes: `python -m bench.server`."""

import argparse
import os
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from bench.bare import add_bare_routes
from graphql_api.data.loader import load
from graphql_api.web.app import create_app

_DATA_DIR = "BENCH_DATA_DIR"


def create_bench_app() -> FastAPI:
    model = load(Path(os.environ[_DATA_DIR]))
    app = create_app(model)
    add_bare_routes(app, model)
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ[_DATA_DIR] = str(args.data_dir)
    os.environ["MOVIES_API_GRAPHIQL"] = "1"
    uvicorn.run("bench.server:create_bench_app", factory=True, host="127.0.0.1", port=args.port,
                workers=args.workers, log_level="warning", access_log=False)  # fmt: skip


if __name__ == "__main__":
    main()
