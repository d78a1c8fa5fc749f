"""A deadline for reading request bodies, cheap enough for every request.

A timer per request (`loop.call_later`) costs about as much as answering from the cache; here the
tasks reading a body are listed with their deadline, and one check a second cancels those past it.
"""

import asyncio

_CHECK_EVERY_SECONDS = 1.0

# Set in a request's scope by this service's protocol (`web/protocol.py`) once the whole body has
# arrived: reading it then cannot wait, and needs no watch (a third of what a cached answer costs).
BODY_COMPLETE = "graphql_api.body_complete"


class Watch:
    __slots__ = ("expired",)

    def __init__(self) -> None:
        self.expired = False


class BodyWatch:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._reading: dict[asyncio.Task, tuple[float, Watch]] = {}
        self._checking = False

    def start(self) -> Watch:
        """From now on the current task is cancelled (and the watch `expired`) once `seconds` have passed."""
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()
        watch = Watch()
        self._reading[task] = (loop.time() + self.seconds, watch)  # type: ignore[index]
        if not self._checking:
            self._checking = True
            loop.call_later(_CHECK_EVERY_SECONDS, self._check, loop)
        return watch

    def stop(self) -> None:
        self._reading.pop(asyncio.current_task(), None)  # type: ignore[arg-type]

    def _check(self, loop: asyncio.AbstractEventLoop) -> None:
        now = loop.time()
        for task, (deadline, watch) in list(self._reading.items()):
            if deadline <= now and not watch.expired:
                watch.expired = True
                task.cancel()
        if self._reading:
            loop.call_later(_CHECK_EVERY_SECONDS, self._check, loop)
        else:
            self._checking = False
