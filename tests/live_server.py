"""The real service, started as `python -m graphql_api` on a free port, for tests over real HTTP."""

import http.client
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.measure import serving


@contextmanager
def live_server(data_dir: Path, env: dict[str, str] | None = None) -> Iterator[int]:
    with serving("graphql_api", data_dir, env=env) as served:
        yield served.port


def request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None, timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()
