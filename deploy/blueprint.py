"""Reading render.yaml: the web service Render builds and starts, checked against what the free tier needs.

Every problem is a BlueprintError whose message names the file.
"""

import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from etl.contract import PROCESSED_DIR
from graphql_api.settings import ENV_PREFIX, Settings, SettingsError, variables

BLUEPRINT_FILE = "render.yaml"
HEALTH_CHECK_PATH = "/healthz"
EVERY_INTERFACE = "0.0.0.0"
REQUIRED = ("type", "name", "runtime", "plan", "buildCommand", "startCommand", "healthCheckPath")
_FULL_VERSION = re.compile(r"\d+\.\d+\.\d+")


class BlueprintError(Exception):
    """A render.yaml Render would not run as this service needs; the message names the file."""


@dataclass(frozen=True)
class WebService:
    name: str
    runtime: str
    plan: str
    build_command: str
    start_command: str
    health_check_path: str
    env: dict[str, str]  # the envVars, in order

    @property
    def python_version(self) -> str:
        return self.env["PYTHON_VERSION"]

    @property
    def build_steps(self) -> list[str]:
        """The build command's commands joined by `&&`, which a shell runs in turn until one fails."""
        return [step.strip() for step in self.build_command.split("&&")]


def read(path: Path) -> WebService:
    """The Blueprint's web service, once it is checked. Raises BlueprintError naming `path`."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BlueprintError(f"{path}: cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise BlueprintError(f"{path}: not valid YAML ({error})") from None
    services = content.get("services") if isinstance(content, dict) else None
    web = [entry for entry in services or [] if isinstance(entry, dict) and entry.get("type") == "web"]
    if len(web) != 1:
        raise BlueprintError(f"{path}: needs exactly one service of `type: web` under `services`, found {len(web)}")
    service = _service(path, web[0])
    check(path, service)
    return service


def _service(path: Path, entry: dict[str, Any]) -> WebService:
    missing = [key for key in REQUIRED if not isinstance(entry.get(key), str) or not entry[key].strip()]
    if missing:
        raise BlueprintError(f"{path}: the web service lacks {', '.join(missing)}")
    return WebService(
        name=entry["name"],
        runtime=entry["runtime"],
        plan=entry["plan"],
        build_command=entry["buildCommand"],
        start_command=entry["startCommand"],
        health_check_path=entry["healthCheckPath"],
        env=_env_vars(path, entry.get("envVars", [])),
    )


def _env_vars(path: Path, entries: Any) -> dict[str, str]:
    if not isinstance(entries, list):
        raise BlueprintError(f"{path}: `envVars` must be a list of `key`/`value` pairs")
    env = {}
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("key"), str) and isinstance(entry.get("value"), str)):
            raise BlueprintError(f"{path}: envVars entry {entry!r} needs a `key` and a quoted string `value`")
        env[entry["key"]] = entry["value"]
    return env


def check(path: Path, service: WebService) -> None:
    """What this service needs on Render's free tier, beyond the Blueprint's own format."""
    if service.runtime != "python":
        raise BlueprintError(f"{path}: `runtime` is {service.runtime!r}; this service is built with `python`")
    if service.plan != "free":
        raise BlueprintError(f"{path}: `plan` is {service.plan!r}; this Blueprint is for the free instance (`free`)")
    if service.health_check_path != HEALTH_CHECK_PATH:
        raise BlueprintError(f"{path}: `healthCheckPath` must be {HEALTH_CHECK_PATH}, the service's health check")
    if not _FULL_VERSION.fullmatch(service.env.get("PYTHON_VERSION", "")):
        raise BlueprintError(f"{path}: envVars must pin PYTHON_VERSION to a full version such as 3.11.7")
    unknown = [key for key in service.env if key.startswith(ENV_PREFIX) and key not in variables()]
    if unknown:
        raise BlueprintError(f"{path}: envVars {', '.join(unknown)} are not settings of the service")
    flags = _flags(service.start_command)
    if flags.get("--port") not in ("$PORT", "${PORT}"):
        raise BlueprintError(f"{path}: startCommand must listen on Render's port: `--port $PORT`")
    try:
        settings = Settings.from_env(service.env, host=flags.get("--host"), data_dir=flags.get("--data-dir"))
    except SettingsError as error:
        raise BlueprintError(f"{path}: {error}") from None
    if Path(settings.data_dir) != PROCESSED_DIR:
        raise BlueprintError(f"{path}: the service would serve {settings.data_dir}; the build writes {PROCESSED_DIR}")
    if settings.host != EVERY_INTERFACE:
        raise BlueprintError(
            f"{path}: the service would listen on {settings.host}; Render needs {EVERY_INTERFACE} "
            f"(MOVIES_API_HOST or --host)"
        )


def _flags(command: str) -> dict[str, str]:
    words = shlex.split(command)
    return {word: value for word, value in zip(words, [*words[1:], ""], strict=True) if word.startswith("--")}
