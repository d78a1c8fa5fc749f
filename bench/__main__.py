"""`python -m bench`: every benchmark at full generated scale; a table on stdout, figures in bench/results.json.

Options: `--quick` (shorter runs, for a smoke check), `--only` a comma-separated subset of
etl,queries,http,startup,load,rest,conformance,discovery,discovery_memory,ceiling,breakdown,plans,pss,attack,eda.
"""

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

from bench import data

RESULTS = Path(__file__).with_name("results.json")
QUICK_RESULTS = Path(__file__).parent / "out" / "results-quick.json"
ALL = (
    "etl", "startup", "queries", "http", "load", "rest", "conformance", "discovery", "discovery_memory",
    "ceiling", "breakdown", "plans", "pss", "attack", "eda",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    parser.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of {','.join(ALL)}")
    parser.add_argument("--data", type=Path, help="a processed full-scale folder to use instead of bench/out/processed")
    args = parser.parse_args()
    chosen = [name for name in args.only.split(",") if name]
    # First: the in-process benchmarks keep the data files mapped, which would lower the service's PSS.
    chosen.sort(key=lambda name: name != "pss")
    results_file = QUICK_RESULTS if args.quick else RESULTS  # a smoke run never overwrites the real figures
    processed = args.data or data.processed()
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "when": time.strftime("%Y-%m-%d %H:%M"),
        },
        "data": str(processed),
    }
    if results_file.exists():
        results = {**json.loads(results_file.read_text()), **results}
    for name in chosen:
        print(f"running {name}...", flush=True)
        results[name] = _run(name, processed, args.quick)
        results_file.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(format_table(results))


def _run(name: str, processed: Path, quick: bool) -> dict[str, Any]:
    if name == "etl":
        from bench import etl

        return etl.run(repeat=1 if quick else 3)
    if name == "startup":
        from bench import startup

        return startup.run({"full": processed, "sample": data.sample_processed()}, repeat=2 if quick else 7)
    if name == "queries":
        from bench import queries

        return queries.run(processed, iterations=300 if quick else 2000)
    if name == "http":
        from bench import http

        return http.run(
            processed, workers=(1,) if quick else (1, 2), seconds=2 if quick else 3, repeat=1 if quick else 3
        )
    if name == "load":
        from bench import load

        return load.run(processed, seconds=15 if quick else 60)
    if name == "rest":
        from bench import rest

        return rest.run(processed, seconds=2 if quick else 3, repeat=1 if quick else 3)
    if name == "conformance":
        from bench import conformance

        return conformance.run(processed, seconds=2 if quick else 3, repeat=1 if quick else 5)
    if name == "discovery":
        from bench import discovery

        return discovery.run(
            processed, data.sample_processed(), repeat=5 if quick else 15, distinct=500 if quick else 2000
        )
    if name == "discovery_memory":
        from bench import discovery_memory

        return discovery_memory.run(processed, requests=600 if quick else 3000)
    if name == "ceiling":
        from bench import ceiling

        return ceiling.run(processed, seconds=2 if quick else 3, repeat=1 if quick else 3)
    if name == "breakdown":
        from bench import breakdown

        return breakdown.run(processed, seconds=2 if quick else 3, repeat=1 if quick else 3)
    if name == "plans":
        from bench import plans

        return plans.run(processed, count=5_000 if quick else 20_000)
    if name == "pss":
        from bench import pss

        return pss.run(processed, seconds=5 if quick else 10)
    if name == "attack":
        from bench import attack

        return attack.run(processed, seconds=2 if quick else 5)
    if name == "eda":
        from bench import eda

        return eda.run(processed, repeat=1 if quick else 3)
    raise SystemExit(f"unknown benchmark {name!r}; choose among {', '.join(ALL)}")


def format_table(results: dict[str, Any]) -> str:
    lines = []
    if "etl" in results:
        etl = results["etl"]
        targets = etl["targets"]
        lines.append(
            f"ETL, full scale (median of {etl['runs']}; targets {targets['wall_seconds']:.0f} s, "
            f"{targets['peak_rss_mb']:.0f} MB; load average {etl['load_average_before_after'][0][0]:.2f} before)"
        )
        for name in ("generated", "real_text", "big_cells", "naive"):
            figures = etl[name]
            note = {"naive": "   (pandas + ast.literal_eval on the generated set, no recommendations)"}.get(name, "")
            if name == "big_cells":
                note = f"   (output {'correct' if figures['correct'] else 'WRONG: ' + '; '.join(figures['problems'])})"
            lines.append(
                f"  {name:10} {figures['wall_seconds_median']:5.1f} s wall   peak {figures['peak_rss_mb_max']:5.0f} MB"
                f"   ({figures['recommendation_seconds_median']:.1f} s of recommendations;"
                f" {figures['sampled_wall_seconds_median']:.1f} s while its memory was sampled){note}"
            )
    if "startup" in results:
        startup = results["startup"]
        floor = startup["import_floor_cpu_seconds_median"]
        lines.append(f"Start-up to the first 200 on /healthz (import floor {floor:.2f} CPU-s)")
        for name in ("full", "sample"):
            figures = startup[name]
            lines.append(
                f"  {name:6} {figures['cpu_seconds_median']:.2f} CPU-s ({figures['cpu_seconds_above_floor']:+.2f} above"
                f" the floor), {figures['wall_seconds_median']:.2f} s wall, peak {figures['peak_rss_mb_max']:.0f} MB"
            )
    if "queries" in results:
        lines.append("In-process latency (µs)          common p50   p99    heaviest p50    p99")
        for name, figures in results["queries"].items():
            if isinstance(figures, dict) and "common" in figures:
                common, heaviest = figures["common"], figures["heaviest"]
                lines.append(
                    f"  {name:9} {common['p50_us']:21.0f} {common['p99_us']:6.0f} {heaviest['p50_us']:15.0f} "
                    f"{heaviest['p99_us']:6.0f}"
                )
    if "http" in results:
        lines.append(f"HTTP, {results['http']['connections']} connections: requests/s, GraphQL / bare FastAPI = ratio")
        for workers, per_query in results["http"].items():
            if not workers.startswith("workers_"):
                continue
            lines.append(f"  {workers.replace('_', ' ')}")
            for name, workloads in per_query.items():
                cells = [
                    f"{kind} {figures['graphql']['rps']:6.0f}/{figures['bare']['rps']:6.0f}={figures['ratio']:.2f}"
                    f" p99 {figures['graphql']['p99_ms']:.1f}ms"
                    for kind, figures in workloads.items()
                ]
                lines.append(f"    {name:9} " + " | ".join(cells))
    if "load" in results:
        load = results["load"]
        lines += [
            "Load (mixed contract queries)",
            f"  {load['seconds']} s at {load['requests_per_second']:.0f} req/s: p99 {load['p99_ms']:.1f} ms, "
            f"errors {load['errors']}, resident {load['rss_mb_first']:.0f} -> {load['rss_mb_last']:.0f} MB, "
            f"peak from launch {load['rss_mb_peak']:.0f} MB",
        ]
    if "ceiling" in results:
        from bench.ceiling import format_ceiling

        lines += format_ceiling(results["ceiling"])
    if "breakdown" in results:
        from bench.breakdown import format_breakdown

        lines += format_breakdown(results["breakdown"])
    if "plans" in results:
        from bench.plans import format_plans

        lines += format_plans(results["plans"])
    if "pss" in results:
        pss = results["pss"]
        lines.append(
            f"PSS of the whole service: one worker {pss['workers_1']['pss_mb']:.0f} MB, two "
            f"{pss['workers_2']['pss_mb']:.0f} MB: {pss['ratio']:.2f}x (target {pss['target']}x)"
        )
    if "eda" in results:
        eda = results["eda"]
        lines.append(
            f"EDA report, full scale (median of {eda['runs']}; targets {eda['targets']['wall_seconds']:.0f} s, "
            f"{eda['targets']['peak_rss_mb']:.0f} MB): {eda['wall_seconds_median']:.1f} s wall, "
            f"{eda['cpu_seconds_median']:.1f} CPU-s, peak {eda['peak_rss_mb_max']:.0f} MB"
        )
    if "attack" in results:
        from bench.attack import format_attack

        lines += format_attack(results["attack"])
    if "rest" in results:
        from bench.rest import format_rest

        lines += format_rest(results["rest"])
    if "conformance" in results:
        from bench.conformance import format_conformance

        lines += format_conformance(results["conformance"])
    if "discovery" in results:
        from bench.discovery import summary

        lines += summary(results["discovery"])
    if "discovery_memory" in results:
        memory = results["discovery_memory"]
        lines.append(f"Resident memory, full scale, after {memory['requests']:,} requests (MB)")
        for name, figures in memory.items():
            if isinstance(figures, dict) and "peak_mb" in figures:
                lines.append(
                    f"  {name:42} started {figures['started_mb']:5.0f}  after {figures['after_mb']:5.0f}  "
                    f"peak {figures['peak_mb']:5.0f}"
                )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
