"""One computation for every request that asks for the same answer while it is being computed."""

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

Result = TypeVar("Result")


class SingleFlight(Generic[Result]):
    """Answers being computed, by key: a request for one of them waits for it instead of computing it again.

    The request computing an answer leaves a mark in `computing`; a future to wait on is made only
    when another request for the same answer comes meanwhile (most requests wait for nobody). The
    waiters get the answer, or the same exception. When the computing request is cancelled (its
    client went away), the first waiter computes the answer itself.
    """

    def __init__(self) -> None:
        # key -> None while nobody waits, else the future the waiters wait on. A plain dict, so that
        # the endpoint can ask whether a key is being computed for the price of a lookup.
        self.computing: dict[Hashable, asyncio.Future[Result] | None] = {}

    async def run(self, key: Hashable, compute: Callable[[], Awaitable[Result]]) -> Result:
        if key in self.computing:
            pending = self.computing[key]
            if pending is None:
                pending = self.computing[key] = asyncio.get_running_loop().create_future()
            try:
                return await asyncio.shield(pending)
            except asyncio.CancelledError:
                if not pending.cancelled():
                    raise  # this request itself was cancelled
                # the request computing it went away: compute it here
        self.computing[key] = None
        try:
            result = await compute()
        except Exception as error:
            waiting = self.computing.pop(key, None)
            if waiting is not None:
                waiting.set_exception(error)  # the requests waiting for it get the same refusal
                waiting.exception()  # retrieved: no warning when they went away meanwhile
            raise
        except BaseException:
            waiting = self.computing.pop(key, None)
            if waiting is not None:
                waiting.cancel()
            raise
        waiting = self.computing.pop(key, None)
        if waiting is not None:
            waiting.set_result(result)
        return result
