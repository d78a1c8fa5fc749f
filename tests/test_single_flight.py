"""Requests for an answer being computed wait for it: one computation, the same answer or refusal."""

import asyncio

import pytest

from graphql_api.web.single_flight import SingleFlight


class Computation:
    """Counts its runs; each run waits until `release` is set."""

    def __init__(self, result: str = "answer", error: Exception | None = None) -> None:
        self.runs = 0
        self.release = asyncio.Event()
        self._result = result
        self._error = error

    async def __call__(self) -> str:
        self.runs += 1
        await self.release.wait()
        if self._error is not None:
            raise self._error
        return self._result


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_requests_meanwhile_share_one_computation():
    async def scenario() -> None:
        flights: SingleFlight[str] = SingleFlight()
        compute = Computation()
        tasks = [asyncio.create_task(flights.run("key", compute)) for _ in range(5)]
        await _settle()
        assert "key" in flights.computing
        compute.release.set()
        assert await asyncio.gather(*tasks) == ["answer"] * 5
        assert compute.runs == 1
        assert flights.computing == {}

    asyncio.run(scenario())


def test_different_keys_and_later_requests_compute_their_own():
    async def scenario() -> None:
        flights: SingleFlight[str] = SingleFlight()
        compute = Computation()
        compute.release.set()
        assert await asyncio.gather(flights.run("a", compute), flights.run("b", compute)) == ["answer", "answer"]
        assert await flights.run("a", compute) == "answer"  # nothing is kept once computed
        assert compute.runs == 3

    asyncio.run(scenario())


def test_every_waiter_gets_the_same_refusal():
    async def scenario() -> None:
        flights: SingleFlight[str] = SingleFlight()
        refusal = ValueError("refused")
        compute = Computation(error=refusal)
        tasks = [asyncio.create_task(flights.run("key", compute)) for _ in range(3)]
        await _settle()
        compute.release.set()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        assert outcomes == [refusal] * 3
        assert compute.runs == 1
        assert flights.computing == {}

    asyncio.run(scenario())


def test_when_the_computing_request_goes_away_a_waiter_computes():
    async def scenario() -> None:
        flights: SingleFlight[str] = SingleFlight()
        compute = Computation()
        first = asyncio.create_task(flights.run("key", compute))
        await _settle()
        second = asyncio.create_task(flights.run("key", compute))
        await _settle()
        first.cancel()
        await _settle()
        compute.release.set()
        assert await second == "answer"
        assert first.cancelled()
        assert compute.runs == 2
        assert flights.computing == {}

    asyncio.run(scenario())


def test_a_waiter_that_goes_away_leaves_the_others_their_answer():
    async def scenario() -> None:
        flights: SingleFlight[str] = SingleFlight()
        compute = Computation()
        computing = asyncio.create_task(flights.run("key", compute))
        await _settle()
        leaving, staying = (asyncio.create_task(flights.run("key", compute)) for _ in range(2))
        await _settle()
        leaving.cancel()
        await _settle()
        compute.release.set()
        assert await asyncio.gather(computing, staying) == ["answer", "answer"]
        with pytest.raises(asyncio.CancelledError):
            await leaving
        assert compute.runs == 1

    asyncio.run(scenario())
