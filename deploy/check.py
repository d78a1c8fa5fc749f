"""`python -m deploy.check` (`make deploy-check`): rehearse the Render deploy of the committed HEAD here.

A fresh `git clone` of HEAD, a fresh virtual environment, then the buildCommand and startCommand read
from the clone's render.yaml, run by bash with PORT and the Blueprint's envVars set, as Render runs
them. Then /healthz and the customer's contract query over HTTP. Prints the wall time of each phase,
the server's CPU-seconds to its first healthy answer and its peak resident memory. Exits 1 when a step
fails, the answers are wrong, or the service would not fit the free instance's memory. Uncommitted
changes are not rehearsed: only what a push would give Render.
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deploy.blueprint import BLUEPRINT_FILE, BlueprintError, WebService, read
from deploy.build import DEPLOY_DIR
from deploy.probe import contract_answer, contract_problems, get_json, wait_healthy
from deploy.process import MemorySampler, cpu_seconds, high_water_mb, listening_addresses, resident_mb
from graphql_api.settings import ENV_PREFIX

FREE_MEMORY_MB = 512  # Render's free instance
FREE_CPU = 0.1
HEALTH_TIMEOUT_SECONDS = 5.0  # Render counts a slower health check as failed
STEP_TIMEOUT_SECONDS = 1800
START_TIMEOUT_SECONDS = 600
_IGNORED = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")  # this shell's Python, not Render's


class RehearsalError(Exception):
    """A step that would fail the deploy on Render, or an answer that is wrong."""


@dataclass
class Report:
    service: WebService
    port: int
    phases: list[tuple[str, float, str]] = field(default_factory=list)  # name, wall seconds, what ran
    ready_at: float = 0.0  # time.perf_counter() at the first 200 on /healthz
    tables_said: str = ""
    build_said: str = ""
    start_cpu_seconds: float = 0.0
    ready_mb: float = 0.0  # resident at the first 200 on /healthz
    peak_mb: float = 0.0
    high_water_mb: float = 0.0
    health: dict[str, Any] = field(default_factory=dict)
    health_seconds: float = 0.0
    listening: set[str] = field(default_factory=set)
    query_seconds: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # found once the service answered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.check", description=__doc__)
    parser.add_argument("--tables", type=Path, help=f"commit these tables as {DEPLOY_DIR} in the clone first")
    parser.add_argument("--queries", type=int, default=30, help="contract queries in the burst (default: %(default)s)")
    args = parser.parse_args(argv)
    repo = Path(_git(Path.cwd(), "rev-parse", "--show-toplevel"))
    commit = _git(repo, "rev-parse", "HEAD")
    changed = len(_git(repo, "status", "--porcelain").splitlines())
    print(f"deploy check of commit {commit[:12]} (HEAD of {repo}), run as Render runs it")
    print(
        "uncommitted changes are not rehearsed"
        + (f": {changed} paths here differ from HEAD" if changed else " (this working tree has none)"),
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="deploy-check-") as scratch:
        try:
            report = rehearse(repo, commit, Path(scratch), args.tables, args.queries)
        except (RehearsalError, BlueprintError) as error:
            print(f"deploy check FAILED: {error}", file=sys.stderr)
            return 1
    print_report(report)
    for problem in report.problems:
        print(f"deploy check FAILED: {problem}", file=sys.stderr)
    return 1 if report.problems else 0


def rehearse(repo: Path, commit: str, scratch: Path, tables: Path | None, queries: int) -> Report:
    source, venv = scratch / "src", scratch / "src" / ".venv"
    started = time.perf_counter()
    _run(["git", "clone", "--quiet", "--no-checkout", str(repo), str(source)], scratch, None, scratch / "clone.log")
    _run(["git", "-c", "advice.detachedHead=false", "checkout", "--quiet", commit], source, None, scratch / "clone.log")
    report = Report(read(source / BLUEPRINT_FILE), _free_port())
    report.phases.append(("clone", time.perf_counter() - started, f"git clone; git checkout {commit[:12]}"))
    prepared = time.perf_counter()
    if tables is not None:  # the deployer's commit of the full tables, not a step of the deploy
        report.tables_said = _commit_tables(tables, source, scratch / "clone.log")
    preparing = time.perf_counter() - prepared
    env = render_environment(report.service, venv, report.port)
    build_log = scratch / "build.log"
    installs = [step for step in report.service.build_steps if step.startswith("pip install")]
    others = [step for step in report.service.build_steps if step not in installs]
    with _phase(report, "venv+install", "; ".join(["python -m venv", *installs])):
        _run([sys.executable, "-m", "venv", str(venv)], source, None, build_log)
        for step in installs:
            _run(["bash", "-c", step], source, env, build_log)
    with _phase(report, "build", "; ".join(others)):
        for step in others:
            _run(["bash", "-c", step], source, env, build_log)
    report.build_said = build_log.read_text(errors="replace").strip().splitlines()[-1]
    _start_and_ask(report, source, env, scratch / "server.log", queries)
    report.phases.append(("end to end", report.ready_at - started - preparing, "from the clone to the first 200"))
    return report


@contextmanager
def _phase(report: Report, name: str, what: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.phases.append((name, time.perf_counter() - started, what))


def render_environment(service: WebService, venv: Path, port: int) -> dict[str, str]:
    """This machine's environment less its service settings and Python, plus what Render sets."""
    inherited = {
        key: value for key, value in os.environ.items() if not key.startswith(ENV_PREFIX) and key not in _IGNORED
    }
    path = f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**inherited, "PATH": path, "VIRTUAL_ENV": str(venv), **service.env, "PORT": str(port), "RENDER": "true"}


def _start_and_ask(report: Report, source: Path, env: dict[str, str], log: Path, queries: int) -> None:
    started = time.perf_counter()
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["bash", "-c", report.service.start_command], cwd=source, env=env,
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        with MemorySampler(process.pid) as memory:
            if not wait_healthy(report.port, process, START_TIMEOUT_SECONDS):
                raise RehearsalError(f"the service never answered 200 on /healthz:\n{_tail(log)}")
            report.ready_at = time.perf_counter()
            what = f"{report.service.start_command}, to the first 200 on /healthz"
            report.phases.append(("start", report.ready_at - started, what))
            report.start_cpu_seconds, report.ready_mb = cpu_seconds(process.pid), resident_mb(process.pid)
            report.listening = listening_addresses(report.port)
            asked = time.perf_counter()
            _, report.health = get_json(report.port, report.service.health_check_path, timeout=START_TIMEOUT_SECONDS)
            report.health_seconds = time.perf_counter() - asked
            wrong = []
            for _ in range(queries):
                seconds, answer = contract_answer(report.port)
                report.query_seconds.append(seconds)
                wrong = wrong or contract_problems(answer)
        report.peak_mb, report.high_water_mb = memory.peak_mb, high_water_mb(process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    if wrong:
        report.problems.append("the contract query answered wrongly: " + "; ".join(wrong))
    if "0.0.0.0" not in report.listening:
        report.problems.append(f"the service listens on {sorted(report.listening)}, not 0.0.0.0:{report.port}")
    if report.health_seconds >= HEALTH_TIMEOUT_SECONDS:
        report.problems.append(f"/healthz took {report.health_seconds:.1f} s; Render waits {HEALTH_TIMEOUT_SECONDS} s")
    if max(report.peak_mb, report.high_water_mb) >= FREE_MEMORY_MB:
        report.problems.append(f"peak resident memory is over the free instance's {FREE_MEMORY_MB} MB")


def print_report(report: Report) -> None:
    service, health = report.service, report.health
    print(
        f"render.yaml: service {service.name}, plan {service.plan}, PYTHON_VERSION {service.python_version}; ", end=""
    )
    print(f"rehearsed with Python {sys.version.split()[0]}")
    print(f"\n{'phase':<14}{'wall s':>8}  what ran")
    for name, seconds, what in report.phases:
        print(f"{name:<14}{seconds:>8.1f}  {what}")
    print()
    if report.tables_said:
        print(f"tables: {report.tables_said}")
    print(f"build: {report.build_said}")
    print(
        f"server: {report.start_cpu_seconds:.2f} CPU-seconds (user+system) from start to the first 200 on /healthz; "
        f"at {FREE_CPU} CPU, if the start is CPU-bound, about {report.start_cpu_seconds / FREE_CPU:.0f} s"
    )
    print(
        f"server: resident memory {report.ready_mb:.0f} MB at the first 200 on /healthz, "
        f"peak {report.peak_mb:.0f} MB (sampled every 100 ms from start through "
        f"{len(report.query_seconds)} contract queries; kernel high-water mark {report.high_water_mb:.0f} MB), "
        f"{FREE_MEMORY_MB} MB on the free instance"
    )
    print(
        f'/healthz: 200 in {report.health_seconds * 1000:.0f} ms, dataset "{health["dataset"]}", '
        f"{health['tables']['movies']:,} films, schema version {health['schema_version']}; listening on "
        f"{', '.join(sorted(report.listening))} port {report.port}"
    )
    first, rest = report.query_seconds[0], report.query_seconds[1:]
    verdict = (
        "do not answer" if any(problem.startswith("the contract query") for problem in report.problems) else "answer"
    )
    print(
        f'contract query: "Toy Story", "Tom Hanks", "John Lasseter" {verdict} with real data; first answer in '
        f"{first * 1000:.0f} ms"
        + (f", {len(rest)} more in median {statistics.median(rest) * 1000:.1f} ms" if rest else "")
    )


def _commit_tables(tables: Path, source: Path, log: Path) -> str:
    target = source / DEPLOY_DIR
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(tables, target)
    _run(["git", "add", str(DEPLOY_DIR)], source, None, log)
    identity = ["-c", "user.name=deploy check", "-c", "user.email=deploy-check@localhost"]
    _run(["git", *identity, "commit", "--quiet", "-m", "Tables to deploy"], source, None, log)
    files = _git(source, "ls-files", str(DEPLOY_DIR)).splitlines()
    megabytes = sum((source / name).stat().st_size for name in files) / 1e6
    return (
        f"{len(files)} files ({megabytes:.0f} MB) of {tables} committed as {DEPLOY_DIR} in the clone before the deploy"
    )


def _run(command: list[str], cwd: Path, env: dict[str, str] | None, log: Path) -> None:
    with log.open("ab") as output:
        output.write(f"$ {' '.join(command)}\n".encode())
        output.flush()
        try:
            result = subprocess.run(
                command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
                timeout=STEP_TIMEOUT_SECONDS, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise RehearsalError(f"`{' '.join(command)}` took over {STEP_TIMEOUT_SECONDS} s") from None
    if result.returncode != 0:
        raise RehearsalError(f"`{' '.join(command)}` exited with {result.returncode}:\n{_tail(log)}")


def _tail(log: Path, lines: int = 25) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
