"""The service's settings: declared once, read from MOVIES_API_* variables strictly, overridden by flags.

Every setting is a field of `Settings` (or of the engine's `Limits`) with its meaning in the field's
metadata. `Settings.from_env` converts each variable once, and refuses a value it cannot read with
an error naming the variable and the accepted values; nothing is written back to the environment.
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.contract import PROCESSED_DIR
from graphql_api.engine.limits import Limits

ENV_PREFIX = "MOVIES_API_"
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


class SettingsError(ValueError):
    """A setting that cannot be read; the message names the variable and the accepted values."""


def _setting(default: Any, meaning: str, minimum: float | None = None) -> Any:
    metadata = {"help": meaning, "minimum": minimum}
    if isinstance(default, tuple):
        return field(default_factory=lambda: default, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    data_dir: Path = _setting(PROCESSED_DIR, "folder of the processed tables to serve (also `--data-dir`)")
    host: str = _setting("127.0.0.1", "interface to listen on (also `--host`); `0.0.0.0` for every interface")
    port: int = _setting(8000, "TCP port to listen on (also `--port`)", minimum=0)
    workers: int = _setting(1, "worker processes sharing the port (also `--workers`)", minimum=1)
    cors_origins: tuple[str, ...] = _setting(
        ("*",), "comma-separated origins allowed to call the API from a browser; `*` for any"
    )
    graphiql: bool = _setting(True, "serve the GraphiQL page to browsers at /graphql")
    cache_control: str = _setting(
        "public, max-age=3600",
        "`Cache-Control` of successful GET answers of /graphql (empty: none); errors get `no-store`",
    )
    eda_dir: Path = _setting(Path("reports/eda"), "folder of the EDA report served at /eda (built there when missing)")
    max_connections: int = _setting(100, "open connections per worker; beyond, a new one is answered 503", minimum=1)
    max_response_bytes: int = _setting(
        1_000_000, "bytes of one answer; a larger one is refused (bounds what a client that never reads costs)", 1024
    )
    request_head_seconds: float = _setting(
        10.0, "seconds a connection may take to send a request's line and headers (idle ones are closed)", 0.1
    )
    request_body_seconds: float = _setting(10.0, "seconds a client may take to send a request's body", 0.1)
    keep_alive_seconds: float = _setting(
        5.0, "seconds a connection may stay idle after an answer (checked every second, or quarter of it)", 0.1
    )
    max_header_bytes: int = _setting(16_384, "bytes of a request's line and headers (431 above)", 1024)
    max_headers: int = _setting(100, "headers of one request (431 above)", 1)
    shutdown_seconds: float = _setting(10.0, "seconds requests in flight get to finish on SIGTERM", 0)
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: Any) -> "Settings":
        """Settings from MOVIES_API_* variables, then `overrides` (command-line flags) on top."""
        own = _read(cls, environ, exclude={"limits"})
        limits = Limits(**_read(Limits, environ))
        given = {name: value for name, value in overrides.items() if value is not None}
        return cls(**{**own, "limits": limits, **given})


def variables() -> dict[str, str]:
    """Every variable the service reads, with its meaning."""
    return {
        ENV_PREFIX + spec.name.upper(): spec.metadata["help"]
        for owner in (Settings, Limits)
        for spec in dataclasses.fields(owner)
        if "help" in spec.metadata
    }


def _read(owner: type, environ: Mapping[str, str], exclude: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    values = {}
    for spec in dataclasses.fields(owner):
        name = ENV_PREFIX + spec.name.upper()
        if spec.name in exclude or name not in environ:
            continue
        values[spec.name] = _convert(name, environ[name], spec)
    return values


def _convert(name: str, text: str, spec: dataclasses.Field) -> Any:
    kind = spec.type if isinstance(spec.type, str) else spec.type.__name__
    value = text.strip()
    if kind == "bool":
        if value.lower() in _TRUE:
            return True
        if value.lower() in _FALSE:
            return False
        raise SettingsError(f"{name}={text!r} is not a boolean; use one of {', '.join(_TRUE + _FALSE)}")
    if kind in ("int", "float"):
        number = _number(name, text, int if kind == "int" else float)
        minimum = spec.metadata.get("minimum")
        if minimum is not None and number < minimum:
            raise SettingsError(f"{name}={text!r} is too small; the smallest accepted value is {minimum}")
        return number
    if kind == "Path":
        if not value:
            raise SettingsError(f"{name} is empty; give a folder")
        return Path(value)
    if kind.startswith("tuple"):
        items = tuple(item.strip() for item in value.split(",") if item.strip())
        if not items:
            raise SettingsError(f"{name} is empty; give a comma-separated list")
        return items
    return value


def _number(name: str, text: str, kind: type) -> Any:
    try:
        return kind(text.strip().replace("_", ""))
    except ValueError:
        expected = "a whole number" if kind is int else "a number"
        raise SettingsError(f"{name}={text!r} is not {expected}") from None
