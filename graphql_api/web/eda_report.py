"""GET /eda: the exploratory data analysis report, built from the served tables.

The report is normally built at deploy time (`python -m eda`). When it is missing, the first
request starts building it in a separate process (the service never waits for it: that request
and the following ones get a short page saying so) and the report is served once it exists.
"""

import asyncio
import subprocess
import sys
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

REPORT_FILE = "index.html"
_BUILDING = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Report being built</title>
<meta http-equiv="refresh" content="15"><body style="font-family: sans-serif; margin: 3em">
<h1>The report is being built</h1><p>{status}</p><p>This page reloads itself.</p></body></html>"""


class EdaReport:
    def __init__(self, data_dir: Path, report_dir: Path) -> None:
        self._data_dir = data_dir
        self._report_dir = report_dir
        self._builder: subprocess.Popen[bytes] | None = None

    async def handle(self, _request: Request) -> Response:
        page = self._report_dir / REPORT_FILE
        if page.is_file():
            return FileResponse(page, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})
        status = await asyncio.get_running_loop().run_in_executor(None, self._build_in_background)
        return HTMLResponse(
            _BUILDING.format(status=status), status_code=503, headers={"Retry-After": "15", "Cache-Control": "no-store"}
        )

    def _build_in_background(self) -> str:
        if self._builder is not None and self._builder.poll() is None:
            return "It started a moment ago; it takes about a minute on the full data set."
        if self._builder is not None and self._builder.returncode != 0:
            return "Building it failed; the service's log says why. It will be tried again on the next visit."
        self._builder = subprocess.Popen(
            [sys.executable, "-m", "eda", "--quiet", "--data-dir", str(self._data_dir), "--out", str(self._report_dir)],
            stdout=subprocess.DEVNULL,
        )
        return "It has just started; it takes about a minute on the full data set."
