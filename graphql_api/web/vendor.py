"""The third-party browser files the service serves itself: pinned npm packages, kept in assets/vendor/."""

from dataclasses import dataclass
from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
VENDOR_DIR = ASSETS_DIR / "vendor"
ASSETS_URL = "/assets"


@dataclass(frozen=True)
class Borrowed:
    """A licence text a package does not ship itself, taken from the package that does."""

    name: str
    version: str
    path: str
    saved_as: str


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str  # the SPDX name in its package.json
    files: tuple[str, ...]  # served files, at their paths in the package
    notices: tuple[str, ...] = ("LICENSE",)  # licence texts shipped in the package
    borrowed: tuple[Borrowed, ...] = ()

    @property
    def folder(self) -> str:
        return f"{self.name.removeprefix('@').replace('/', '-')}-{self.version}"

    @property
    def kept(self) -> tuple[str, ...]:
        """Every file kept in the package's folder: the served ones, then the licence texts."""
        return self.files + self.notices + tuple(borrowed.saved_as for borrowed in self.borrowed)

    def url(self, file: str) -> str:
        if file not in self.kept:
            raise KeyError(f"{file} is not vendored from {self.name}@{self.version}")
        return f"{ASSETS_URL}/vendor/{self.folder}/{file}"


REACT = Package("react", "18.3.1", "MIT", ("umd/react.production.min.js",))
REACT_DOM = Package("react-dom", "18.3.1", "MIT", ("umd/react-dom.production.min.js",))
GRAPHIQL = Package("graphiql", "3.9.0", "MIT", ("graphiql.min.js", "graphiql.min.css"))
GRAPHIQL_EXPLORER = Package(
    "@graphiql/plugin-explorer",
    "3.2.6",
    "MIT",
    ("dist/index.umd.js", "dist/style.css"),
    notices=(),
    # The plugin's package ships no licence text: it is GraphiQL's (same repository, same MIT licence),
    # and its bundle holds graphiql-explorer, whose own licence comes along.
    borrowed=(
        Borrowed("graphiql", "3.9.0", "LICENSE", "LICENSE"),
        Borrowed("graphiql-explorer", "0.9.0", "LICENSE", "LICENSE-graphiql-explorer"),
    ),
)
SWAGGER_UI = Package(
    "swagger-ui-dist",
    "5.35.0",
    "Apache-2.0",
    ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"),
    notices=("LICENSE", "NOTICE", "swagger-ui-bundle.js.LICENSE.txt"),
)
REDOC = Package(
    "redoc",
    "2.5.4",
    "MIT",
    ("bundles/redoc.standalone.js",),
    notices=("LICENSE", "bundles/redoc.standalone.js.LICENSE.txt"),
)

PACKAGES = (REACT, REACT_DOM, GRAPHIQL, GRAPHIQL_EXPLORER, SWAGGER_UI, REDOC)
