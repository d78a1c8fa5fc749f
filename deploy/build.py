"""`python -m deploy.build`: the Render build step that puts verified tables in data/processed/.

The tables come from data/deploy/ when that folder holds anything (tables built with `make deploy-data`
and committed), else from the real sample in data/sample/. Committed tables that do not verify fail the
build, naming the file, instead of falling back to the sample. The result is loaded as the service loads
it, so a build that passes never hands the service tables it would refuse. The EDA report served at
/eda is built here too (the build machine has the memory it needs; the free instance may not).
"""

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from eda.data import DataFolderError
from eda.report import build_report
from etl.contract import CREDITS_FILE, MOVIES_FILE, PROCESSED_DIR, SAMPLE_DIR, ContractError, verify
from etl.errors import InputFileError
from etl.pipeline import run
from etl.table_check import check_tables
from graphql_api.data.loader import load
from graphql_api.web.dataset import dataset_name

DEPLOY_DIR = Path("data/deploy")
EDA_DIR = Path("reports/eda")
EXIT_REFUSED = 2


def build(out_dir: Path, deploy_dir: Path = DEPLOY_DIR, sample_dir: Path = SAMPLE_DIR) -> tuple[str, dict[str, Any]]:
    """Writes `out_dir`; returns where its tables came from and their manifest.

    Raises ContractError or InputFileError naming the file, and then leaves `out_dir` as it was.
    """
    staged = out_dir.with_name(f"{out_dir.name}.building")
    shutil.rmtree(staged, ignore_errors=True)
    try:
        if deploy_dir.is_dir() and any(deploy_dir.iterdir()):
            manifest = load(deploy_dir).manifest
            check_tables(verify(deploy_dir))  # the service maps arrays; the EDA reads these tables
            shutil.copytree(deploy_dir, staged)
            verify(staged)
            source = f"the committed tables in {deploy_dir}"
        else:
            _progress(f"no tables in {deploy_dir}; building from the sample in {sample_dir}")
            run(sample_dir / f"{MOVIES_FILE}.gz", sample_dir / f"{CREDITS_FILE}.gz", staged, _progress)
            manifest = load(staged).manifest
            source = f"the sample in {sample_dir}"
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    shutil.rmtree(out_dir, ignore_errors=True)
    staged.rename(out_dir)
    return source, manifest


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.build", description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=PROCESSED_DIR, help="where the service reads (default: %(default)s)"
    )
    parser.add_argument("--deploy-dir", type=Path, default=DEPLOY_DIR, help="committed tables (default: %(default)s)")
    parser.add_argument("--eda-dir", type=Path, default=EDA_DIR, help="the EDA report (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        source, manifest = build(args.out, args.deploy_dir)
        report = build_report(args.out, args.eda_dir, _progress)
    except (ContractError, InputFileError, DataFolderError) as error:
        print(f"error: the build is refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    films = manifest["inputs"]["movies"]["rows_loaded"]
    print(
        f"{args.out}: {films:,} films from {source}, dataset {dataset_name(manifest['inputs'])!r}, "
        f"verified and loaded, EDA report in {report}, in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
