"""Running the expensive part of a request on a worker thread, so the event loop keeps serving others.

One thread per process: it runs one heavy request at a time, which bounds what heavy requests can
take together; the event loop keeps answering light ones between the thread's time slices. Beyond
`max_waiting` heavy requests queued, more are refused (503) rather than piled up.
"""

import asyncio
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from starlette.exceptions import HTTPException

Result = TypeVar("Result")

SWITCH_INTERVAL_SECONDS = 0.001  # how long a thread holding the GIL makes another wait (Python's default: 5 ms)


class Offload:
    def __init__(self, max_waiting: int = 64) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heavy-query")
        self._max_waiting = max_waiting
        self._waiting = 0
        sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)

    async def run(self, function: Callable[..., Result], *arguments: object) -> Result:
        if self._waiting >= self._max_waiting:
            raise HTTPException(
                503, "The service is busy with expensive queries; try again shortly.", {"Retry-After": "1"}
            )
        self._waiting += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, function, *arguments)
        finally:
            self._waiting -= 1
