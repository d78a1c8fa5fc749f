"""The packages import in one direction: etl <- data <- domain <- schema -> engine <- web."""

import ast
from pathlib import Path

import pytest

from tests.fixtures import REPO

# What each package may import from this repository (besides itself).
ALLOWED = {
    "etl": {"etl"},
    "graphql_api.data": {"etl.contract", "etl.tables"},
    "graphql_api.domain": {"etl.contract", "etl.tables", "graphql_api.data"},
    "graphql_api.engine": set(),
    "graphql_api.schema": {"etl.contract", "graphql_api.data", "graphql_api.domain", "graphql_api.engine"},
    "deploy": {
        "eda",
        "etl",
        "graphql_api.data.loader",
        "graphql_api.settings",
        "graphql_api.web.dataset",
        "tests.fixtures",
    },
}
LOCAL = ("etl", "graphql_api", "bench", "tests", "eda", "deploy")


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return {name for name in found if name.split(".")[0] in LOCAL}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_it_may(package):
    folder = REPO / package.replace(".", "/")
    allowed = (*ALLOWED[package], package)
    for path in folder.rglob("*.py"):
        for name in imports_of(path):
            assert name.startswith(allowed) or any(name == prefix.rsplit(".", 1)[0] for prefix in allowed), (
                f"{path.relative_to(REPO)} imports {name}"
            )
