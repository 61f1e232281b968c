"""Latency of the named queries, and proof that a rewrite of one leaves its answers alone.

Each named query runs with realistic parameters on one or more stores (the seed store built
from data/ and a synthetic one from `blocgraph synth`), and the p50 of warm runs is printed.
`--save FILE` records every answer (rows as sorted tuples of N-Triples terms) so that a later
run with `--check FILE` can assert that a faster query text gives exactly the same rows.
`--queries DIR` runs the .rq files of DIR instead of the shipped ones, to try a rewrite
before it replaces the shipped file.

    .venv/bin/python benchmarks/bench_queries.py --store seed=/tmp/seed-store \
        --store syn100k=/tmp/syn-store --save /tmp/before.json
    .venv/bin/python benchmarks/bench_queries.py --store ... --check /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import graph_builder
from graph_builder.query.named import NamedQuery, bind, registry, with_values

# (query name, parameters): a query with optional parameters runs with and without them.
CASES: list[tuple[str, dict[str, str]]] = [
    ("chairs", {}),
    ("chairs", {"org": "CSTO"}),
    ("chairs", {"chair": "Russia"}),
    ("chair_on", {"org": "CSTO", "date": "2010-06-01"}),
    ("chair_on", {"org": "SCO", "date": "2010-06-01"}),
    ("chair_on", {"org": "CSTO", "date": "2024-06-01"}),
    ("chair_during", {"org": "CSTO", "from": "2010-01-01", "to": "2012-12-31"}),
    ("chair_during", {"org": "SCO", "from": "2024-01-01", "to": "2024-12-31"}),
    ("members", {"org": "SCO"}),
    ("members", {"org": "CSTO", "member": "Russia"}),
    ("succession", {}),
    ("succession", {"org": "CSTO"}),
    ("succession", {"from": "Russia"}),
    ("posts", {}),
    ("posts", {"of": "Russia"}),
    ("posts", {"title": "president"}),
    ("events", {}),
    ("events", {"org": "CSTO"}),
    ("events", {"type": "summit"}),
    ("conflicts", {}),
    ("conflicts", {"state": "Russia"}),
    ("conflicts", {"state": "Eritrea"}),
    ("cooperation", {}),
    ("cooperation", {"proposer": "Russia"}),
    ("cooperation", {"org": "CSTO"}),
]
# Columns that are SAMPLE aggregates: which of several equally valid values SAMPLE returns
# depends on the engine's row order (hash joins), so they are compared apart from the rest.
SAMPLED = {"events": ("article", "evidence")}
BUDGET = 2.0  # seconds of warm runs per case
MAX_RUNS = 30


def case_key(name: str, params: dict[str, str]) -> str:
    return name + "(" + ", ".join(f"{k}={v}" for k, v in sorted(params.items())) + ")"


def rows_of(results) -> list[list[str | None]]:
    """Rows as N-Triples terms, sorted, so that equal answers compare equal."""
    rows = [tuple(None if t is None else str(t) for t in row) for row in results.rows]
    return [list(r) for r in sorted(rows, key=lambda r: tuple("" if v is None else v for v in r))]


def run_case(graph, named: NamedQuery, params: dict[str, str]) -> tuple[float, list, list[str]]:
    text = with_values(named.text, bind(named, params))
    store = graph.store
    times: list[float] = []
    began = time.perf_counter()
    results = None
    while len(times) < MAX_RUNS and (not times or time.perf_counter() - began < BUDGET):
        t0 = time.perf_counter()
        results = store.select(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, rows_of(results), list(results.variables)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="append", required=True, help="label=store folder")
    ap.add_argument("--save", type=Path, help="write every case's rows to this JSON file")
    ap.add_argument("--check", type=Path, help="assert rows equal those saved in this file")
    ap.add_argument("--queries", type=Path, help="run the .rq files of this folder instead")
    ap.add_argument("--only", action="append", help="only these query names")
    args = ap.parse_args(argv)

    named = dict(registry())
    if args.queries:
        for path in sorted(args.queries.glob("*.rq")):
            q = NamedQuery.parse(path.read_text("utf-8"), path.stem, path)
            named[q.name] = q
    saved = json.loads(args.check.read_text()) if args.check else {}
    before_ms = {k: v.get("ms") for k, v in saved.items()}
    out: dict[str, dict] = {}
    failures: list[str] = []
    print(f"{'store':8} {'case':60} {'rows':>6} {'before':>9} {'now':>9}  same")
    for spec in args.store:
        label, _, folder = spec.partition("=")
        graph = graph_builder.open(folder)
        for name, params in CASES:
            if args.only and name not in args.only:
                continue
            key = f"{label}:{case_key(name, params)}"
            ms, rows, variables = run_case(graph, named[name], params)
            out[key] = {"ms": round(ms, 2), "variables": variables, "rows": rows}
            same = ""
            if key in saved:
                ok = saved[key]["rows"] == rows and saved[key]["variables"] == variables
                same = "yes" if ok else "NO"
                if not ok and name in SAMPLED and saved[key]["variables"] == variables:
                    keep = [i for i, v in enumerate(variables) if v not in SAMPLED[name]]
                    before_rows = sorted(tuple(r[i] for i in keep) for r in saved[key]["rows"])
                    now_rows = sorted(tuple(r[i] for i in keep) for r in rows)
                    if before_rows == now_rows:
                        earlier = {tuple(r) for r in saved[key]["rows"]}
                        differ = len({tuple(r) for r in rows} - earlier)
                        same = f"yes, but SAMPLE picked another value in {differ} row(s)"
                        ok = True
                if not ok:
                    failures.append(key)
            before = before_ms.get(key)
            before_s = f"{before:9.1f}" if before is not None else " " * 9
            case = case_key(name, params)
            print(f"{label:8} {case:60} {len(rows):6} {before_s} {ms:9.1f}  {same}")
            sys.stdout.flush()
    if args.save:
        args.save.write_text(json.dumps(out, indent=1))
    if failures:
        print("DIFFERENT ROWS:", *failures, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
