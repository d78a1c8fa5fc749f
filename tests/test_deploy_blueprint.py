"""render.yaml: the web service Render builds and starts on the free tier, and what it refuses."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from deploy.blueprint import BlueprintError, read
from graphql_api.settings import Settings
from tests.fixtures import REPO

BLUEPRINT = REPO / "render.yaml"


def test_the_blueprint_is_a_free_python_web_service_checked_on_healthz():
    service = read(BLUEPRINT)
    assert (service.runtime, service.plan, service.health_check_path) == ("python", "free", "/healthz")
    assert service.build_steps == ["pip install -r requirements.txt", "python -m deploy.build"]


def test_the_service_listens_on_every_interface_and_renders_port():
    service = read(BLUEPRINT)
    assert "--port $PORT" in service.start_command
    assert "--host" not in service.start_command
    assert Settings.from_env(service.env).host == "0.0.0.0"


def test_python_is_pinned_to_a_full_version_the_project_supports():
    major, minor, _ = (int(part) for part in read(BLUEPRINT).python_version.split("."))
    assert (major, minor) >= (3, 11)


def test_every_setting_given_is_one_the_service_reads():
    service = read(BLUEPRINT)
    assert {"MOVIES_API_HOST", "MOVIES_API_CORS_ORIGINS"} <= set(service.env)
    Settings.from_env(service.env)


def changed(tmp_path: Path, change) -> Path:
    content = yaml.safe_load(BLUEPRINT.read_text())
    change(content["services"][0])
    path = tmp_path / "render.yaml"
    path.write_text(yaml.safe_dump(content))
    return path


def set_env(key: str, value):
    def change(web: dict) -> None:
        web["envVars"] = [entry for entry in web["envVars"] if entry["key"] != key] + [{"key": key, "value": value}]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda web: web.update(plan="starter"), "`plan` is 'starter'; this Blueprint is for the free instance"),
        (lambda web: web.update(runtime="node"), "`runtime` is 'node'"),
        (lambda web: web.pop("startCommand"), "the web service lacks startCommand"),
        (lambda web: web.update(buildCommand=" "), "the web service lacks buildCommand"),
        (lambda web: web.update(healthCheckPath="/"), "`healthCheckPath` must be /healthz"),
        (lambda web: web.update(type="worker"), "needs exactly one service of `type: web`"),
        (lambda web: web.update(startCommand="python -m graphql_api --port 8000"), "`--port $PORT`"),
        (
            lambda web: web.update(startCommand="python -m graphql_api --port $PORT --host 127.0.0.1"),
            "would listen on 127.0.0.1",
        ),
        (set_env("MOVIES_API_HOST", "127.0.0.1"), "would listen on 127.0.0.1; Render needs 0.0.0.0"),
        (
            lambda web: web.update(startCommand="python -m graphql_api --data-dir data/other --port $PORT"),
            "would serve data/other; the build writes data/processed",
        ),
        (set_env("MOVIES_API_WORKERS", "one"), "MOVIES_API_WORKERS='one' is not a whole number"),
        (set_env("MOVIES_API_CORS", "*"), "envVars MOVIES_API_CORS are not settings of the service"),
        (set_env("MOVIES_API_WORKERS", 1), "needs a `key` and a quoted string `value`"),
        (set_env("PYTHON_VERSION", "3.11"), "pin PYTHON_VERSION to a full version"),
    ],
)
def test_a_blueprint_that_does_not_fit_is_refused_naming_the_file(tmp_path, change, message):
    path = changed(tmp_path, change)
    with pytest.raises(BlueprintError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_unreadable_yaml_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "render.yaml"
    path.write_text("services: [")
    with pytest.raises(BlueprintError, match=f"^{path}: not valid YAML"):
        read(path)


def test_the_build_command_fails_on_committed_tables_that_do_not_verify(api_data_dir, tmp_path):
    """The Blueprint's steps after the install, run by a shell as on Render, in a copy of the project."""
    project = tmp_path / "project"
    project.mkdir()
    for package in ("deploy", "eda", "etl", "graphql_api"):
        (project / package).symlink_to(REPO / package)
    shutil.copytree(api_data_dir, project / "data" / "deploy")
    manifest = project / "data" / "deploy" / "manifest.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "schema_version": 0}))
    steps = [step for step in read(BLUEPRINT).build_steps if not step.startswith("pip install")]
    result = subprocess.run(
        ["bash", "-c", " && ".join(steps)], cwd=project, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"},
    )  # fmt: skip
    assert result.returncode != 0
    assert "error: the build is refused: data/deploy/manifest.json: tables have schema version 0" in result.stderr
    assert not (project / "data" / "processed").exists()
