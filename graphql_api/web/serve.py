"""Running the application on uvicorn: one process, or several forked after the tables are loaded.

Forking after the load lets the workers share the read model's memory instead of each loading
its own copy, and hands them the settings without passing anything through the environment.
"""

import contextlib
import os
import signal
import time
from types import FrameType

import uvicorn

from graphql_api.settings import Settings
from graphql_api.web.app import Service
from graphql_api.web.protocol import ConnectionLimits, guarded_protocol

_RESTART_PAUSE_SECONDS = 1.0


def serve(app: Service, settings: Settings) -> None:
    limits = ConnectionLimits(
        max_connections=settings.max_connections,
        request_head_seconds=settings.request_head_seconds,
        max_header_bytes=settings.max_header_bytes,
        max_headers=settings.max_headers,
        keep_alive_seconds=settings.keep_alive_seconds,
    )
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        http=guarded_protocol(limits, app.answer_at_once),
        timeout_graceful_shutdown=settings.shutdown_seconds,  # type: ignore[arg-type]
        log_level="warning",
        access_log=False,
        lifespan="off",
    )
    if settings.workers == 1:
        uvicorn.Server(config).run()
        return
    _Supervisor(config, settings.workers).run()


class _Supervisor:
    """Forks the workers, restarts one that dies, and stops them all on SIGINT or SIGTERM."""

    def __init__(self, config: uvicorn.Config, workers: int) -> None:
        self._config = config
        self._workers = workers
        self._socket = config.bind_socket()
        self._children: set[int] = set()
        self._stopping = False

    def run(self) -> None:
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signal_number, self._stop)
        for _ in range(self._workers):
            self._fork()
        while self._children:
            try:
                pid, _ = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:
                continue
            self._children.discard(pid)
            if not self._stopping:
                time.sleep(_RESTART_PAUSE_SECONDS)  # a worker that dies at once must not spin the CPU
                self._fork()

    def _fork(self) -> None:
        pid = os.fork()
        if pid == 0:
            for signal_number in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signal_number, signal.SIG_DFL)
            try:
                uvicorn.Server(self._config).run(sockets=[self._socket])
            finally:
                os._exit(0)
        self._children.add(pid)

    def _stop(self, signal_number: int, _frame: FrameType | None) -> None:
        self._stopping = True
        for pid in self._children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal_number)
