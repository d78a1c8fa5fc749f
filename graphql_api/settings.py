"""Service settings, from the command line or MOVIES_API_* environment variables."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from etl.contract import PROCESSED_DIR
from graphql_api.engine.limits import ENV_PREFIX, Limits


def _env(name: str, default: str) -> str:
    return os.environ.get(ENV_PREFIX + name, default)


def _origins(text: str) -> tuple[str, ...]:
    return tuple(origin.strip() for origin in text.split(",") if origin.strip())


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: Path(_env("DATA_DIR", str(PROCESSED_DIR))))
    # Origins allowed to call the API from a browser; "*" lets any front end read this public data.
    cors_origins: tuple[str, ...] = field(default_factory=lambda: _origins(_env("CORS_ORIGINS", "*")))
    graphiql: bool = field(default_factory=lambda: _env("GRAPHIQL", "1") != "0")
    limits: Limits = field(default_factory=Limits.from_env)
