"""The worker thread for heavy requests: one at a time, a bounded queue, and turns taken with light
requests (a heavy request waits as long as the last one took, when light ones were served meanwhile)."""

import asyncio
import itertools
import time

import pytest
from starlette.exceptions import HTTPException

from graphql_api.engine.engine import Deadline
from graphql_api.web import offload
from graphql_api.web.offload import Offload


def _work(seconds: float) -> float:
    time.sleep(seconds)
    return time.monotonic()


def test_heavy_requests_back_to_back_run_at_once_when_nobody_else_is_served():
    async def main() -> float:
        lane = Offload()
        started = time.monotonic()
        for _ in range(3):
            await lane.run(_work, 0.05)
        return time.monotonic() - started

    assert asyncio.run(main()) < 0.05 * 3 + 0.1


def test_a_heavy_request_waits_as_long_as_the_last_took_while_light_ones_are_served():
    async def main() -> tuple[float, float]:
        lane = Offload()
        await lane.run(_work, 0.1)
        lane.served_light()
        deadline = Deadline(1.0)
        before = time.monotonic()
        finished = await lane.run(_work, 0.0, deadline=deadline)
        return finished - before, deadline._at - time.perf_counter()

    waited, budget_left = asyncio.run(main())
    assert 0.08 < waited < 0.5
    assert budget_left > 0.95  # the wait is not spent from the request's budget


def test_the_wait_is_capped(monkeypatch):
    monkeypatch.setattr(offload, "MAX_REST_SECONDS", 0.02)

    async def main() -> float:
        lane = Offload()
        await lane.run(_work, 0.2)
        lane.served_light()
        before = time.monotonic()
        await lane.run(_work, 0.0)
        return time.monotonic() - before

    assert asyncio.run(main()) < 0.15


def test_short_work_is_not_followed_by_a_wait(monkeypatch):
    rests: list[float] = []
    sleep = asyncio.sleep

    async def recorded_sleep(seconds: float) -> None:
        rests.append(seconds)
        await sleep(seconds)

    monkeypatch.setattr(offload.asyncio, "sleep", recorded_sleep)  # what the lane waits, not the clock

    async def main() -> None:
        lane = Offload()
        await lane.run(_work, offload.MIN_REST_WORK_SECONDS / 5)
        lane.served_light()
        await lane.run(_work, 0.0)
        lane.served_light()
        await lane.run(_work, 0.0)

    asyncio.run(main())
    assert rests == []


def test_heavy_requests_beyond_the_queue_are_refused_with_503():
    async def main() -> list[object]:
        lane = Offload(max_waiting=2)
        return await asyncio.gather(*(lane.run(_work, 0.05) for _ in range(4)), return_exceptions=True)

    results = asyncio.run(main())
    refused = [result for result in results if isinstance(result, HTTPException)]
    assert len(refused) == 2
    assert all(error.status_code == 503 for error in refused)


@pytest.mark.parametrize("light_between", [False, True])
def test_heavy_requests_run_one_at_a_time(light_between):
    async def main() -> list[tuple[float, float]]:
        lane = Offload()
        spans = []

        async def one() -> None:
            if light_between:
                lane.served_light()
            start = time.monotonic()
            end = await lane.run(_work, 0.03)
            spans.append((start, end))

        await asyncio.gather(*(one() for _ in range(3)))
        return sorted(spans, key=lambda span: span[1])

    ends = [end for _, end in asyncio.run(main())]
    assert all(later - earlier >= 0.029 for earlier, later in itertools.pairwise(ends))
