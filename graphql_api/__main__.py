"""`python -m graphql_api`: serve the processed tables over GraphQL."""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

import uvicorn

from etl.contract import PROCESSED_DIR, ContractError, verify
from graphql_api.data.loader import load
from graphql_api.settings import ENV_PREFIX
from graphql_api.web.app import create_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphql_api", description="Serve the movie tables over GraphQL.")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get(ENV_PREFIX + "DATA_DIR", PROCESSED_DIR)),
        help="directory written by `python -m etl` (default: %(default)s)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default: %(default)s)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    started = time.perf_counter()
    os.environ[ENV_PREFIX + "DATA_DIR"] = str(args.data_dir)
    try:
        # One worker serves the model loaded here; several each load their own from the same files.
        app = create_app(load(args.data_dir)) if args.workers == 1 else None
        if app is None:
            verify(args.data_dir)
    except ContractError as error:
        print(f"error: cannot serve the data: {error}", file=sys.stderr)
        return 2
    print(
        f"serving {args.data_dir} on http://{args.host}:{args.port}/graphql "
        f"(ready in {time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )
    uvicorn.run(
        app or "graphql_api.web.app:create_app_from_settings",
        factory=app is None,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        access_log=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
