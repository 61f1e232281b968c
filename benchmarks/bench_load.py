"""Sustained mixed load on `blocgraph serve`: requests per second, p50/p99, memory.

The same run as the load test of tests/test_hardening.py (its driver is
tests/load_driver.py): a synthetic graph of about --triples asserted triples, the real
server in a subprocess with its default limits, --clients threads cycling for --seconds
through named queries, raw SPARQL (GET, form POST, direct POST) and plain questions, each
response checked against the answer computed in-process. Memory is the resident set of
the server and its worker processes together.

    .venv/bin/python benchmarks/bench_load.py                      # 100k triples, 32 x 30 s
    .venv/bin/python benchmarks/bench_load.py --store DIR --seconds 10
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from helpers import serve  # noqa: E402
from helpers.load_driver import MIX, check, expected, run_load  # noqa: E402


def build(work: Path, triples: int) -> Path:
    corpus, store = work / "corpus", work / "store"
    cli = [sys.executable, "-m", "graph_builder"]
    subprocess.run([*cli, "synth", "--triples", str(triples), "--out", str(corpus)],
                   check=True, capture_output=True, cwd=ROOT)
    subprocess.run([*cli, "build", "--no-extract", "-q", "--store", str(store), str(corpus)],
                   check=True, capture_output=True, cwd=ROOT)
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=100_000,
                        help="size of the synthetic graph to build (default: 100000)")
    parser.add_argument("--store", type=Path, help="use this store instead of building one "
                        "(built from `blocgraph synth` seed 0, or some answers are empty)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("server_options", nargs="*", metavar="OPTION",
                        help="extra `blocgraph serve` options, after --")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        store = args.store
        if store is None:
            t = time.perf_counter()
            store = build(work, args.triples)
            print(f"built a {args.triples}-triple synthetic graph in "
                  f"{time.perf_counter() - t:.1f} s", flush=True)
        calls = [(call, expected(store, call)) for call in MIX]
        with serve(store, *args.server_options) as server:
            with httpx.Client(timeout=60) as client:
                for call, want in calls:
                    problem = check(client, server.url, call, want)
                    if problem:
                        print(f"warm-up: {problem}", file=sys.stderr)
            load_before = os.getloadavg()[0]
            report = run_load(server.url, calls, clients=args.clients, seconds=args.seconds,
                              pid=server.process.pid)
            load_after = os.getloadavg()[0]
        figures = {**report.to_dict(), "load_average_1min": [round(load_before, 2),
                                                             round(load_after, 2)],
                   "cpus": os.cpu_count()}
        print(report.summary())
        print(f"one-minute load average {load_before:.2f} before, {load_after:.2f} after "
              f"({os.cpu_count()} CPUs)")
        for line in (report.errors + report.wrong)[:10]:
            print("  " + line)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
        return 0 if not report.errors and not report.wrong else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
