"""Settings: read strictly from MOVIES_API_* variables, overridden by flags, every one documented."""

import re
import subprocess
import sys

import pytest

from graphql_api.settings import Settings, SettingsError, variables
from tests.fixtures import REPO


def test_defaults_without_variables():
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.limits.introspection is True
    assert settings.cors_origins == ("*",)


@pytest.mark.parametrize(
    ("text", "expected"), [("1", True), ("true", True), ("YES", True), (" on ", True), ("0", False), ("off", False)]
)
def test_booleans_are_read_strictly(text, expected):
    assert Settings.from_env({"MOVIES_API_INTROSPECTION": text}).limits.introspection is expected


@pytest.mark.parametrize(
    ("variable", "text", "message"),
    [
        ("MOVIES_API_INTROSPECTION", "enabled", "MOVIES_API_INTROSPECTION='enabled' is not a boolean; use one of 1,"),
        ("MOVIES_API_GRAPHIQL", "", "MOVIES_API_GRAPHIQL='' is not a boolean"),
        ("MOVIES_API_MAX_DEPTH", "ten", "MOVIES_API_MAX_DEPTH='ten' is not a whole number"),
        ("MOVIES_API_MAX_DEPTH", "2.5", "MOVIES_API_MAX_DEPTH='2.5' is not a whole number"),
        ("MOVIES_API_MAX_DEPTH", "0", "MOVIES_API_MAX_DEPTH='0' is too small; the smallest accepted value is 1"),
        ("MOVIES_API_TIME_BUDGET_SECONDS", "soon", "MOVIES_API_TIME_BUDGET_SECONDS='soon' is not a number"),
        ("MOVIES_API_WORKERS", "-1", "MOVIES_API_WORKERS='-1' is too small"),
        ("MOVIES_API_CORS_ORIGINS", " , ", "MOVIES_API_CORS_ORIGINS is empty"),
    ],
)
def test_unreadable_values_name_the_variable(variable, text, message):
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({variable: text})
    assert str(caught.value).startswith(message)


def test_flags_override_variables_without_touching_the_environment():
    environ = {"MOVIES_API_PORT": "9000", "MOVIES_API_HOST": "0.0.0.0"}
    settings = Settings.from_env(environ, port=8123, host=None)
    assert (settings.port, settings.host) == (8123, "0.0.0.0")
    assert environ == {"MOVIES_API_PORT": "9000", "MOVIES_API_HOST": "0.0.0.0"}


def test_lists_are_split_on_commas():
    settings = Settings.from_env({"MOVIES_API_CORS_ORIGINS": "https://a.example, https://b.example"})
    assert settings.cors_origins == ("https://a.example", "https://b.example")


def test_every_setting_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(MOVIES_API_[A-Z_]+)`", readme, flags=re.MULTILINE))
    assert documented == set(variables()), "README's settings table and the settings differ"


def test_a_bad_setting_stops_the_server_with_the_reason(api_data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "graphql_api", "--data-dir", str(api_data_dir), "--port", "0"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
        env={"PATH": "", "MOVIES_API_MAX_DEPTH": "ten"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "MOVIES_API_MAX_DEPTH='ten' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr
