"""The import floor: `python -m bench.import_floor` imports what `python -m graphql_api` imports before
it serves, the way it does (the garbage collector off until the data is loaded, then everything
frozen), and prints the CPU seconds that took, as JSON: {"cpu_seconds": ...}.

It exits without the interpreter's clean-up, which the server does not pay before it is ready either.
"""

import gc
import importlib
import json
import os
import resource

gc.disable()
importlib.import_module("graphql_api.__main__")  # the service's own modules, the web stack, numpy
gc.freeze()  # as the server does once the data is loaded, before it switches the collector back on
gc.enable()
importlib.import_module("uvicorn.loops.uvloop")  # imported when the server starts: its event loop
importlib.import_module("uvicorn.protocols.http.httptools_impl")  # and its HTTP protocol

usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu_seconds": usage.ru_utime + usage.ru_stime}), flush=True)
os._exit(0)
