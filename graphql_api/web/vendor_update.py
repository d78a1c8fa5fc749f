"""Fetch the pinned packages of vendor.py with npm and lay their files in assets/vendor/.

python -m graphql_api.web.vendor_update          # replace assets/vendor/ and the table in assets/README.md
python -m graphql_api.web.vendor_update --check  # fetch into a scratch folder; exit 1 if anything differs
"""

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from graphql_api.web.vendor import ASSETS_DIR, PACKAGES, VENDOR_DIR, Package

README = ASSETS_DIR / "README.md"
TABLE_START = "<!-- vendored files: written by python -m graphql_api.web.vendor_update -->"
TABLE_END = "<!-- end of vendored files -->"


def unpack(name: str, version: str, scratch: Path) -> Path:
    """The contents of name@version's npm tarball, unpacked in scratch."""
    packed = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--json", "--silent", "--pack-destination", str(scratch)],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = scratch / json.loads(packed.stdout)[0]["filename"]
    target = scratch / tarball.name.removesuffix(".tgz")
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def lay_out(package: Package, scratch: Path, vendor_dir: Path) -> None:
    source = unpack(package.name, package.version, scratch)
    declared = json.loads((source / "package.json").read_text())["license"]
    if declared != package.licence:
        raise SystemExit(f"{package.name}@{package.version} is licensed {declared}, not {package.licence} as pinned")
    copies = [(source / file, file) for file in package.files + package.notices]
    for borrowed in package.borrowed:
        copies.append((unpack(borrowed.name, borrowed.version, scratch) / borrowed.path, borrowed.saved_as))
    for origin, file in copies:
        target = vendor_dir / package.folder / file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(origin, target)


def fetch(vendor_dir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="vendor-") as scratch:
        for package in PACKAGES:
            lay_out(package, Path(scratch), vendor_dir)


def differences(expected: Path, actual: Path) -> list[str]:
    """Paths (relative to the folders) that are missing, extra or different in actual."""

    def files(root: Path) -> set[str]:
        return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()} if root.is_dir() else set()

    wanted, found = files(expected), files(actual)
    changed = {path for path in wanted & found if not filecmp.cmp(expected / path, actual / path, shallow=False)}
    return sorted((wanted ^ found) | changed)


def table(vendor_dir: Path = VENDOR_DIR) -> str:
    """The Markdown table of vendored files and their sizes, as assets/README.md shows it."""
    rows = ["| package | version | licence | file | bytes |", "| --- | --- | --- | --- | ---: |"]
    total = 0
    for package in PACKAGES:
        for file in package.kept:
            size = (vendor_dir / package.folder / file).stat().st_size
            total += size
            rows.append(f"| {package.name} | {package.version} | {package.licence} | `{file}` | {size:,} |")
    rows.append(f"| **all** | | | | **{total:,}** |")
    return "\n".join(rows)


def with_table(readme: str, rendered: str) -> str:
    head, rest = readme.split(TABLE_START, 1)
    _, tail = rest.split(TABLE_END, 1)
    return f"{head}{TABLE_START}\n{rendered}\n{TABLE_END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare a fresh fetch with the committed files")
    check = parser.parse_args(argv).check
    with tempfile.TemporaryDirectory(prefix="vendor-out-") as out:
        fresh = Path(out) / "vendor"
        fetch(fresh)
        if check:
            changed = differences(fresh, VENDOR_DIR)
            readme_current = README.read_text() == with_table(README.read_text(), table(fresh))
            for path in changed:
                print(f"differs: assets/vendor/{path}")
            if not readme_current:
                print("differs: the table in assets/README.md")
            return 1 if changed or not readme_current else 0
        shutil.rmtree(VENDOR_DIR, ignore_errors=True)
        shutil.copytree(fresh, VENDOR_DIR)
    README.write_text(with_table(README.read_text(), table()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
