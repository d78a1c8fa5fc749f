"""Where the served service's time goes, sampled by py-spy: `python -m bench.profile [QUERY [KIND]]`.

Needs `pip install py-spy` (not a dependency). The service runs on the full-scale data, pinned to
CPU 0; `wrk` on CPU 1 sends one of the `ceiling` benchmark's workloads (QUERY: score, votos, actor,
director, recommendations; KIND: repeated, distinct, distinct-literal; by default a `director` with
20,000 different variables), for 3 s to warm the service up, then for `--seconds` while py-spy
samples the thread holding the interpreter's lock, 250 times a second, pausing the process for each
sample (a consistent stack, at the price of a slower service: the shares are the figures, not the
rate). It prints each function's share of the samples, by its own time and with what it calls,
functions named without their line.
"""

import argparse
import collections
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.ceiling import NAMES, request_files
from bench.data import processed
from bench.http import LOAD_CPU, SERVER_CPU, run_wrk
from bench.measure import serving
from bench.workload import queries
from graphql_api.data.loader import load

KINDS = ("repeated", "distinct", "distinct-literal")
RATE = 250


def profile(
    query_name: str, kind: str, seconds: int, data_dir: Path
) -> tuple[float, collections.Counter, collections.Counter, int]:
    """(requests a second while sampled, samples by function's own time, by inclusive time, samples)."""
    query = next(query for query in queries(load(data_dir), distinct=20_000) if query.name == query_name)
    with tempfile.TemporaryDirectory() as scratch, serving("graphql_api", data_dir, cpus=SERVER_CPU) as served:
        requests = request_files(Path(scratch), query)[kind]
        run_wrk(served.port, requests, 3, cpus=LOAD_CPU)  # texts prepared, plans compiled, caches warm
        samples = Path(scratch) / "samples.txt"
        command = ["py-spy", "record", "--pid", str(served.pid), "--rate", str(RATE), "--duration", str(seconds),
                   "--gil", "--format", "raw", "--output", str(samples)]  # fmt: skip
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as spy:
            rate = run_wrk(served.port, requests, seconds, cpus=LOAD_CPU)["rps"]
            _, errors = spy.communicate()
        if spy.returncode != 0 or not samples.exists():
            raise RuntimeError(f"py-spy failed (it needs permission to read another process):\n{errors[-2000:]}")
        own, inclusive, total = _tally(samples.read_text())
    return rate, own, inclusive, total


def _tally(raw: str) -> tuple[collections.Counter, collections.Counter, int]:
    own: collections.Counter = collections.Counter()
    inclusive: collections.Counter = collections.Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [_function(frame) for frame in stack.split(";")]
        total += int(count)
        own[frames[-1]] += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
    return own, inclusive, total


def _function(frame: str) -> str:
    """'name (path:line)' -> 'name (path)'."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rpartition(':')[0]})" if where else name or "(no Python frame)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", nargs="?", default="director", choices=NAMES)
    parser.add_argument("kind", nargs="?", default="distinct", choices=KINDS)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--data", type=Path, default=None, help="a processed data folder (default: the full-scale set)")
    args = parser.parse_args()
    if shutil.which("py-spy") is None:
        parser.error("py-spy is not installed: pip install py-spy")
    rate, own, inclusive, total = profile(args.query, args.kind, args.seconds, args.data or processed())
    print(f"{args.query} {args.kind}: {rate:,.0f} requests/s while sampled, {total:,} samples")
    for title, counter in (("own time", own), ("with what it calls", inclusive)):
        print(f"-- {title}")
        for function, count in counter.most_common(args.top):
            print(f"{100 * count / total:5.1f} %  {function}")


if __name__ == "__main__":
    main()
