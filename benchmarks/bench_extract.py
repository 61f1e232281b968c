"""Extraction throughput: 1,000 seed-length articles, in articles per second.

Variants of the seed article (states and years swapped) so that no cache makes the
repeated text free, or the articles of a folder (--dir, e.g. `blocgraph synth --articles
400`). --jobs N extracts in N processes as `blocgraph build --jobs N` does; the time then
includes starting them. Run: .venv/bin/python benchmarks/bench_extract.py [N] [--jobs J]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
import warnings
from pathlib import Path

from graph_builder.core.vocab import ARTICLE_SUFFIXES
from graph_builder.extract import extract_file, warm
from graph_builder.extract.pool import extract_many, plan

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "000_eab27d500f391317.txt"
SWAPS = [("Kazakhstan", "Kyrgyzstan"), ("Belarus", "Tajikistan"), ("Minsk", "Dushanbe"),
         ("Kazakh", "Kyrgyz"), ("Belarusian", "Tajik"), ("2024", "2025"), ("2023", "2024")]


def variants(n: int) -> list[str]:
    text = SEED.read_text("utf-8")
    out = []
    for i in range(n):
        variant = text
        for j, (a, b) in enumerate(SWAPS):
            if (i >> j) & 1:
                variant = variant.replace(a, b)
        out.append(variant.replace("11:36", f"{i % 24:02d}:{i % 60:02d}"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--dir", type=Path, help="extract the articles of this folder instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.dir:
            paths = sorted(p for p in args.dir.rglob("*") if p.suffix in ARTICLE_SUFFIXES)
        else:
            paths = []
            for i, text in enumerate(variants(args.n)):
                path = Path(tmp) / f"{i:05d}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
        run(paths, args.jobs)


def run(paths: list[Path], jobs: int) -> None:
    n = len(paths)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_file(paths[0])  # tables and patterns are built once per process
    workers, chunk = plan(n, jobs)
    load = os.getloadavg()[0]  # other processes' share of the cores, as we start
    started = time.perf_counter()
    cpu = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    facts = 0
    first = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for outcome in extract_many(extract_file, paths, jobs, warm):
            first = first or time.perf_counter() - started
            facts += len(outcome.facts.all_facts()) if outcome.facts else 0
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers are reaped by now
    cpu = time.process_time() - cpu + (after.ru_utime + after.ru_stime) - (
        children.ru_utime + children.ru_stime
    )
    # CPU time as well: on a shared machine the wall clock also counts other processes
    print(f"{n} articles, {workers} process(es) (chunks of {chunk}), "
          f"load average {load:.2f}: {seconds:.2f} s, "
          f"{n / seconds:.0f} articles/s wall, {n / cpu:.0f} articles/s of CPU time, "
          f"first outcome after {first:.2f} s ({facts / n:.1f} facts per article)")


if __name__ == "__main__":
    main()
