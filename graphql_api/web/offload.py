"""Running the expensive part of a request on a worker thread, so the event loop keeps serving others.

One thread per process: it runs one heavy request at a time, which bounds what heavy requests can
take together; the event loop keeps answering light ones between the thread's time slices. Beyond
`max_waiting` heavy requests queued, more are refused (503) rather than piled up.

While the thread works, the two share the interpreter's lock turn and turn about, so a client sending
heavy requests back to back would take half the process or more. After a heavy request that took
t seconds (at least MIN_REST_WORK_SECONDS: sharing costs little over shorter work, such as preparing a
new query text), the next one therefore waits REST_RATIO x t (at most MAX_REST_SECONDS) when light
requests were served meanwhile: heavy work then runs at most about 40 % of the time while others
are served, and all of it when nobody else is. The wait is not counted in the request's time budget.
"""

import asyncio
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from starlette.exceptions import HTTPException

from graphql_api.engine.engine import Deadline

Result = TypeVar("Result")

SWITCH_INTERVAL_SECONDS = 0.001  # how long a thread holding the GIL makes another wait (Python's default: 5 ms)
REST_RATIO = 1.5
MIN_REST_WORK_SECONDS = 0.005
MAX_REST_SECONDS = 0.5


class Offload:
    def __init__(self, max_waiting: int = 64) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heavy-query")
        self._max_waiting = max_waiting
        self._waiting = 0
        self._turn = asyncio.Lock()
        self._rest_until = 0.0
        self._light_served = False
        sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)

    def served_light(self) -> None:
        """Called for each request answered on the event loop: heavy work then takes turns with it."""
        self._light_served = True

    async def run(
        self, function: Callable[..., Result], *arguments: object, deadline: Deadline | None = None
    ) -> Result:
        if self._waiting >= self._max_waiting:
            raise HTTPException(
                503, "The service is busy with expensive queries; try again shortly.", {"Retry-After": "1"}
            )
        self._waiting += 1
        loop = asyncio.get_running_loop()
        try:
            async with self._turn:
                rest = self._rest_until - loop.time()
                if rest > 0 and self._light_served:
                    await asyncio.sleep(rest)
                    if deadline is not None:
                        deadline.postpone(rest)
                self._light_served = False
                started = loop.time()
                try:
                    return await loop.run_in_executor(self._executor, function, *arguments)
                finally:
                    finished = loop.time()
                    if finished - started >= MIN_REST_WORK_SECONDS:
                        self._rest_until = finished + min((finished - started) * REST_RATIO, MAX_REST_SECONDS)
        finally:
            self._waiting -= 1
