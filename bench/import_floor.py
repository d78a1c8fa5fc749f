"""The import floor: `python -m bench.import_floor` imports what `python -m graphql_api` imports before
it serves, and prints the CPU seconds that took, as JSON: {"cpu_seconds": ...}.

It exits without the interpreter's clean-up, which the server does not pay before it is ready either.
"""

import json
import os
import resource

# uvicorn imports its event loop and HTTP protocol when the server starts.
import uvicorn.loops.uvloop
import uvicorn.protocols.http.httptools_impl  # noqa: F401

import graphql_api.__main__  # noqa: F401  (the service's own modules, the web stack, numpy)

usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu_seconds": usage.ru_utime + usage.ru_stime}), flush=True)
os._exit(0)
