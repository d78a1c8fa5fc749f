"""Hostile clients against the real service: `python -m bench.attack [--only NAME,...] [--seconds S]`.

Responsiveness: a light contract query runs with wrk at 16 connections, alone and then while one
attacker sends the most expensive requests of a family back to back on one connection, three times
in turn; the figures are the light query's median p99 and the median of its shares of the
throughput it had alone just before. The service is pinned to one core, wrk and the attacker to
the other.

Memory: each memory family sends its requests for a while; resident memory is sampled every 100 ms
from the start and its maximum reported.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import socket
import string
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.http import LOAD_CPU, SERVER_CPU, post_line, run_wrk
from bench.measure import median, medians, resident_mb, serving

CONNECTIONS = 16
LIGHT = '{ titleScore(title: "Toy Story") { message matches { score } } }'


def _text(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(string.ascii_lowercase + " ") for _ in range(length)).strip() or "x"


# Each family yields (method, path, body, headers) of its requests, every one new.
Request = tuple[str, str, bytes, dict[str, str]]


def _graphql(query: str, operation_name: str | None = None, **extra: Any) -> Request:
    payload: dict[str, Any] = {"query": query, **extra}
    if operation_name is not None:
        payload["operationName"] = operation_name
    return "POST", "/graphql", json.dumps(payload).encode(), {"Content-Type": "application/json"}


def lookups_missing(rng: random.Random) -> Iterator[Request]:
    """Many aliased lookups whose names match nothing: each asks for suggestions (a fuzzy search)."""
    while True:
        fields = " ".join(f'a{index}: actor(name: "{_text(rng, 40)}") {{ message suggestions }}' for index in range(30))
        yield _graphql(f"{{ {fields} }}")


def wide_pages(rng: random.Random) -> Iterator[Request]:
    """The largest pages the size estimate lets through, nested."""
    while True:
        movie = rng.choice([862, 603, 11, 13, 550, 680, 155, 120, 122, 121])
        yield _graphql(
            f"{{ movie(id: {movie}) {{ cast(first: 100) {{ nodes {{ character person {{ name "
            f"castCredits(first: 60) {{ nodes {{ character movie {{ title overview }} }} }} }} }} }} }} }}"
        )


def untyped_fragments(rng: random.Random) -> Iterator[Request]:
    """Inline fragments without a type condition around deep, wide selections."""
    while True:
        movie = rng.randrange(1, 100_000)
        yield _graphql(
            f"{{ ... {{ movie(id: {movie}) {{ ... {{ cast(first: 100) {{ nodes {{ person {{ castCredits(first: 100) "
            f"{{ nodes {{ movie {{ title }} }} }} }} }} }} }} }} }} }}"
        )


def failing_literals(rng: random.Random) -> Iterator[Request]:
    """A string literal that fails (an unknown month) beside heavy fields: must not run twice."""
    while True:
        yield _graphql(
            f'{{ releasesInMonth(month: "{_text(rng, 12)}") {{ count }} '
            f'a: actor(name: "{_text(rng, 30)}") {{ suggestions }} b: director(name: "{_text(rng, 30)}") '
            f"{{ suggestions }} }}"
        )


def overlapping_fields(rng: random.Random) -> Iterator[Request]:
    """One field repeated 199 times: validation compares every pair."""
    while True:
        movie = rng.randrange(1, 100_000)
        field = f"movie(id: {movie}) {{ cast {{ nodes {{ person {{ name }} }} }} }}"
        yield _graphql("{ " + " ".join([field] * 199) + " }")


def operation_names(rng: random.Random) -> Iterator[Request]:
    """The same document under a new operation name every time."""
    while True:
        yield _graphql("query A { __typename } query B { __typename }", _text(rng, 20))


def invalid_documents(rng: random.Random) -> Iterator[Request]:
    """Large documents that fail validation, every one new."""
    while True:
        fields = " ".join(f"f{index}_{_text(rng, 6).replace(' ', '')} {{ x y z }}" for index in range(400))
        yield _graphql(f"{{ {fields} }}")


def large_bodies(rng: random.Random) -> Iterator[Request]:
    """Valid queries padded to almost the body limit, every one new: the response cache keys on bodies."""
    while True:
        yield _graphql("{ __typename }", padding=_text(rng, 90_000))


RESPONSIVENESS: dict[str, Callable[[random.Random], Iterator[Request]]] = {
    "lookups_missing": lookups_missing,
    "wide_pages": wide_pages,
    "untyped_fragments": untyped_fragments,
    "failing_literals": failing_literals,
    "overlapping_fields": overlapping_fields,
}
MEMORY: dict[str, Callable[[random.Random], Iterator[Request]]] = {
    "operation_names": operation_names,
    "invalid_documents": invalid_documents,
    "large_bodies": large_bodies,
}


class Attacker(threading.Thread):
    """Sends a family's requests back to back on one keep-alive connection until stopped."""

    def __init__(self, port: int, family: Iterator[Request]) -> None:
        super().__init__(daemon=True)
        self.port, self.family = port, family
        self.stop = threading.Event()
        self.sent = 0
        self.statuses: dict[int, int] = {}
        self.slowest = 0.0

    def run(self) -> None:
        os.sched_setaffinity(0, {int(LOAD_CPU)})  # this thread beside wrk, off the server's core
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while not self.stop.is_set():
            method, path, body, headers = next(self.family)
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                status = 0
            self.slowest = max(self.slowest, time.perf_counter() - started)
            self.sent += 1
            self.statuses[status] = self.statuses.get(status, 0) + 1
        connection.close()


def responsiveness(port: int, families: list[str], seconds: int, repeat: int = 3) -> dict[str, Any]:
    """For each family, `repeat` pairs of runs, the light query alone and then beside the attacker (so
    drift on this shared machine hits both alike): the medians, and the median of the pairs' shares."""
    results: dict[str, Any] = {}
    alone_runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as scratch:
        light = Path(scratch) / "light.txt"
        light.write_text(post_line(LIGHT, None) + "\n", encoding="utf-8")
        for name in families:
            runs, shares, sent, statuses, slowest = [], [], 0, [], 0.0
            for _ in range(repeat):
                alone = run_wrk(port, light, seconds, strict=False, cpus=LOAD_CPU)
                alone_runs.append(alone)
                attacker = Attacker(port, RESPONSIVENESS[name](random.Random(name)))
                attacker.start()
                time.sleep(0.5)
                figures = run_wrk(port, light, seconds, strict=False, cpus=LOAD_CPU)
                attacker.stop.set()
                attacker.join(timeout=60)
                runs.append(figures)
                shares.append(figures["rps"] / alone["rps"])
                sent += attacker.sent
                statuses.append(attacker.statuses)
                slowest = max(slowest, attacker.slowest)
            results[name] = {
                **medians(runs),
                "throughput_share": median(shares),
                "attacker_requests": sent,
                "attacker_statuses": _merged(iter(statuses)),
                "attacker_slowest_s": round(slowest, 3),
            }
    if alone_runs:
        results = {"alone": medians(alone_runs), **results}
    return results


def memory(port: int, pid: int, families: list[str], seconds: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name in families:
        before = resident_mb(pid)
        attackers = [Attacker(port, MEMORY[name](random.Random(f"{name}{index}"))) for index in range(4)]
        for attacker in attackers:
            attacker.start()
        peak = before
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            peak = max(peak, resident_mb(pid))
            time.sleep(0.1)
        for attacker in attackers:
            attacker.stop.set()
        for attacker in attackers:
            attacker.join(timeout=60)
        results[name] = {
            "rss_mb_before": before,
            "rss_mb_peak": peak,
            "requests": sum(attacker.sent for attacker in attackers),
            "statuses": _merged(attacker.statuses for attacker in attackers),
        }
    return results


def connections(port: int, pid: int) -> dict[str, Any]:
    """Idle connections that never send, and one huge header: does everyone else still get served?"""
    results: dict[str, Any] = {}
    idle = []
    for _ in range(2000):
        try:
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            break
    results["idle_connections_opened"] = len(idle)
    results["served_beside_idle"] = _light_answers(port)
    time.sleep(12)
    results["served_after_idle_timeout"] = _light_answers(port)
    closed = 0
    for sock in idle:
        sock.settimeout(0.01)
        with contextlib.suppress(OSError):
            closed += sock.recv(1) == b""
        sock.close()
    results["idle_connections_closed_by_server"] = closed
    started = time.perf_counter()
    header = socket.create_connection(("127.0.0.1", port), timeout=30)
    header.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ")
    sent = 0
    try:
        while sent < 64 << 20:
            header.sendall(b"a" * (1 << 20))
            sent += 1 << 20
    except OSError:
        pass
    results["huge_header_bytes_accepted"] = sent
    results["huge_header_seconds"] = round(time.perf_counter() - started, 2)
    header.close()
    results["served_after_huge_header"] = _light_answers(port)
    results["rss_mb"] = resident_mb(pid)
    return results


def _light_answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        method, path, body, headers = _graphql(LIGHT)
        connection.request(method, path, body=body, headers=headers)
        return connection.getresponse().status == 200
    except OSError:
        return False


def _merged(counts: Iterator[dict[int, int]]) -> dict[int, int]:
    total: dict[int, int] = {}
    for count in counts:
        for key, value in count.items():
            total[key] = total.get(key, 0) + value
    return total


def run(data_dir: Path, seconds: int = 5, families: list[str] | None = None) -> dict[str, Any]:
    chosen = families or [*RESPONSIVENESS, *MEMORY, "connections"]
    with serving("graphql_api", data_dir, cpus=SERVER_CPU) as served:
        report = {
            "responsiveness": responsiveness(served.port, [n for n in chosen if n in RESPONSIVENESS], seconds),
            "memory": memory(served.port, served.pid, [n for n in chosen if n in MEMORY], seconds * 4),
        }
        if "connections" in chosen:
            report["connections"] = connections(served.port, served.pid)
    return report


def format_attack(report: dict[str, Any]) -> list[str]:
    lines = ["A light query at 16 connections while one client attacks (p99 at most 50 ms, half the throughput)"]
    alone = report["responsiveness"].get("alone")
    if alone:
        lines.append(f"  alone                  {alone['rps']:7.0f}/s p99 {alone['p99_ms']:6.1f} ms")
    for name, figures in report["responsiveness"].items():
        if name != "alone":
            lines.append(
                f"  {name:22} {figures['rps']:7.0f}/s p99 {figures['p99_ms']:6.1f} ms "
                f"share {figures['throughput_share']:.2f} (attacker: {figures['attacker_requests']} requests)"
            )
    for name, figures in report["memory"].items():
        lines.append(f"  {name:22} resident {figures['rss_mb_before']:.0f} -> peak {figures['rss_mb_peak']:.0f} MB")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.attack")
    parser.add_argument("--only", default="", help="comma-separated families (default: all)")
    parser.add_argument("--seconds", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    from bench.data import processed

    chosen = [name for name in args.only.split(",") if name] or None
    report = run(args.data_dir or processed(), args.seconds, chosen)
    print(json.dumps(report, indent=2))
    print("\n".join(format_attack(report)))


if __name__ == "__main__":
    main()
