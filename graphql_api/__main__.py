"""`python -m graphql_api`: serve the processed tables over GraphQL."""

import gc

if __name__ == "__main__":
    # Starting makes some hundred thousand objects that live as long as the process, and next to
    # no garbage: the cyclic collector would only scan them again and again (some 15 % of the
    # imports' CPU). It is switched back on once the data is loaded and all of it frozen.
    gc.disable()

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from etl.contract import ContractError
from graphql_api.data.loader import load
from graphql_api.settings import Settings, SettingsError
from graphql_api.web.app import create_app
from graphql_api.web.serve import serve

EXIT_CANNOT_SERVE = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m graphql_api",
        description="Serve the movie tables over GraphQL. Flags override the MOVIES_API_* variables.",
    )
    parser.add_argument("--data-dir", type=Path, help="directory written by `python -m etl` (default: data/processed)")
    parser.add_argument("--host", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default: 8000)")
    parser.add_argument("--workers", type=int, help="worker processes (default: 1)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    started = time.perf_counter()
    try:
        settings = Settings.from_env(
            os.environ, data_dir=args.data_dir, host=args.host, port=args.port, workers=args.workers
        )
        app = create_app(load(settings.data_dir), settings)
        gc.enable()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_CANNOT_SERVE
    except ContractError as error:
        print(f"error: cannot serve the data: {error}", file=sys.stderr)
        return EXIT_CANNOT_SERVE
    print(
        f"serving {settings.data_dir} on http://{settings.host}:{settings.port}/graphql "
        f"(ready in {time.perf_counter() - started:.1f} s)",
        file=sys.stderr,
    )
    serve(app, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
