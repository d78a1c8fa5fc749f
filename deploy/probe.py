"""Asking the started service over HTTP: its health check, and the customer's contract query with real data."""

import json
import subprocess
import time
import urllib.error
import urllib.request
from typing import Any

from tests.fixtures import CONTRACT_QUERY


def get_json(port: int, path: str, timeout: float) -> tuple[int, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
        return response.status, json.loads(response.read())


def wait_healthy(port: int, process: subprocess.Popen, timeout: float) -> bool:
    """Polls /healthz until it answers 200; False when the process ends or the time runs out first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _ = get_json(port, "/healthz", timeout=5)
            if status == 200:
                return True
        except (OSError, ValueError):
            pass
        if process.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def contract_answer(port: int) -> tuple[float, dict[str, Any]]:
    """Seconds to answer the contract query, and the answer."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": CONTRACT_QUERY}).encode(),
        headers={"Content-Type": "application/json"},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        body = error.read()
    return time.perf_counter() - started, json.loads(body)


def contract_problems(answer: dict[str, Any]) -> list[str]:
    """What the answer lacks of "Toy Story", "Tom Hanks" and "John Lasseter" answering with real data."""
    if answer.get("errors"):
        return [f"errors: {json.dumps(answer['errors'])[:500]}"]
    data = answer.get("data") or {}

    def first(alias: str) -> dict[str, Any]:
        matches = (data.get(alias) or {}).get("matches") or [{}]
        return matches[0]

    problems = [f"{alias} counts no film" for alias in ("mes", "dia") if not (data.get(alias) or {}).get("count")]
    score = first("score")
    if score.get("title") != "Toy Story" or not score.get("score"):
        problems.append(f'titleScore("Toy Story") answered {score}')
    actor = first("actor")
    if (actor.get("person") or {}).get("name") != "Tom Hanks" or not actor.get("filmCount"):
        problems.append(f'actor("Tom Hanks") answered {actor}')
    director = first("director")
    films = [film.get("title") for film in director.get("films") or []]
    if (director.get("person") or {}).get("name") != "John Lasseter" or "Toy Story" not in films:
        problems.append(f'director("John Lasseter") answered {director.get("person")} with films {films}')
    return problems
