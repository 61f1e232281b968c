"""Extraction throughput: 1,000 seed-length articles on one core, in articles per second.

Variants of the seed article (states and years swapped) so that no cache makes the
repeated text free. Run: .venv/bin/python benchmarks/bench_extract.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

from graph_builder.extract import extract_file

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
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(variants(n)):
            path = Path(tmp) / f"{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        extract_file(paths[0])  # tables and patterns are built once per process
        started = time.perf_counter()
        cpu = time.process_time()
        facts = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for path in paths:
                facts += len(extract_file(path).all_facts())
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    # CPU time as well: on a shared machine the wall clock also counts other processes
    print(f"{n} articles in {seconds:.2f} s: {n / seconds:.0f} articles/s wall, "
          f"{n / cpu:.0f} articles/s of CPU time ({facts / n:.1f} facts per article)")


if __name__ == "__main__":
    main()
