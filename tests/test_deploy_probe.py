"""The rehearsal's probes: what a process uses from /proc, and the contract answer's check."""

import os
import socket
import subprocess
import sys

from fastapi.testclient import TestClient

from deploy.probe import contract_problems
from deploy.process import MemorySampler, cpu_seconds, listening_addresses, resident_mb, tree
from graphql_api.web.app import create_app
from tests.fixtures import CONTRACT_QUERY


def test_the_sample_answers_the_contract_query_with_real_data(sample_model):
    with TestClient(create_app(sample_model)) as client:
        answer = client.post("/graphql", json={"query": CONTRACT_QUERY}).json()
    assert contract_problems(answer) == []


def test_an_answer_without_the_films_and_people_is_wrong():
    empty = {"data": {alias: {"matches": [], "count": 0} for alias in ("mes", "dia", "score", "actor", "director")}}
    problems = contract_problems(empty)
    assert [problem.split(" ")[0] for problem in problems] == [
        "mes",
        "dia",
        'titleScore("Toy',
        'actor("Tom',
        'director("John',
    ]


def test_errors_are_wrong_whatever_the_data():
    assert contract_problems({"errors": [{"message": "boom"}], "data": None})[0].startswith("errors: ")


def test_listening_addresses_tell_every_interface_from_loopback():
    with socket.socket() as every, socket.socket() as loopback:
        every.bind(("0.0.0.0", 0))
        loopback.bind(("127.0.0.1", 0))
        every.listen()
        loopback.listen()
        assert listening_addresses(every.getsockname()[1]) == {"0.0.0.0"}
        assert listening_addresses(loopback.getsockname()[1]) == {"127.0.0.1"}


def test_a_process_tree_is_measured_with_its_children():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in tree(os.getpid())
        with MemorySampler(os.getpid(), interval=0.01) as memory:
            sum(range(3_000_000))
        assert memory.peak_mb >= resident_mb(child.pid) > 0
        assert cpu_seconds(os.getpid()) > 0
    finally:
        child.kill()
        child.wait()
