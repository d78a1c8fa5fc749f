"""The service with its CPU counted by stage, for `bench.breakdown`.

`python -m bench.timed_service --data-dir D --port P` serves as `python -m graphql_api` does, with
the CPU time of the serving thread (`time.thread_time`: user and kernel) added up in three places:
- `read`: the protocol's handling of what one read brought (parsing, answering, queueing the answer);
- `answer`: of that, the endpoint's direct answer (`GraphQLEndpoint.answer_at_once`);
- `write`: writing a turn's answers to a connection (the system call, and on loopback the client's
  wakeup that comes with it).
On SIGUSR1 it writes the counters, as JSON, to the file named by BENCH_TIMINGS. Each counted call
costs the two clock reads around it (about 1 µs in all).
"""

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from graphql_api.__main__ import main
from graphql_api.web.coalescing import CoalescingTransport
from graphql_api.web.graphql_http import GraphQLEndpoint
from graphql_api.web.protocol import GuardedHttpToolsProtocol

COUNTERS: dict[str, list[float]] = {"read": [0, 0.0], "answer": [0, 0.0], "write": [0, 0.0]}


def _counted(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    counter = COUNTERS[name]
    clock = time.thread_time

    def counted(*arguments: Any) -> Any:
        started = clock()
        try:
            return function(*arguments)
        finally:
            counter[0] += 1
            counter[1] += clock() - started

    return counted


def _dump(signum: int, frame: object) -> None:
    with open(os.environ["BENCH_TIMINGS"], "w", encoding="utf-8") as out:
        json.dump({name: {"calls": calls, "cpu_s": seconds} for name, (calls, seconds) in COUNTERS.items()}, out)


def run() -> int:
    GuardedHttpToolsProtocol.data_received = _counted("read", GuardedHttpToolsProtocol.data_received)  # type: ignore[method-assign]
    GraphQLEndpoint.answer_at_once = _counted("answer", GraphQLEndpoint.answer_at_once)  # type: ignore[method-assign]
    CoalescingTransport._write_pending = _counted("write", CoalescingTransport._write_pending)  # type: ignore[method-assign]
    signal.signal(signal.SIGUSR1, _dump)
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run())
