"""One measured EDA report in this process: `python -m bench.eda_run DATA_DIR OUT`.

Prints {"seconds": wall time from importing the report's modules to the report written,
"cpu_seconds": user and system time of this process, "peak_rss_mb": its peak resident memory}.
"""

import json
import os
import sys
import time
from pathlib import Path

from bench.measure import peak_resident_mb


def main() -> None:
    data_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    started = time.perf_counter()
    from eda.report import build_report

    build_report(data_dir, out, lambda _: None)
    seconds = time.perf_counter() - started
    times = os.times()
    print(
        json.dumps(
            {"seconds": seconds, "cpu_seconds": times.user + times.system, "peak_rss_mb": peak_resident_mb(os.getpid())}
        )
    )


if __name__ == "__main__":
    main()
