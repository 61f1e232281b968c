"""Draw times of the workbench's timeline and states network, measured in headless Chromium.

    .venv/bin/python benchmarks/bench_workbench.py [--triples 100000] [--runs 3]

The synthetic graph (`blocgraph synth --triples N`, seed 0) is built once into
.cache/workbench-N/ and reused by later runs (delete the folder to build it again), then
served by `blocgraph serve` and opened in Chromium through Selenium, as `make docs` and the
browser tests drive it. The page itself measures (performance.now()):

- timeline: drawing the SVG of the organisations chosen by default (the one with most
  facts, or the CSTO), and, apart, fetching their facts over /sparql;
- network: from the view's start to the first frame: fetching the dynamic GEXF of the
  `states` view as graphology's JSON (graph_builder/network/graphology.py), reading it into
  graphology, the spells, the layout (ForceAtlas2) and sigma's render; then one
  year-slider move (filtering and redrawing). The first load of a fresh server is shown
  apart ("cold"): the server makes the GEXF and its JSON then and keeps them until the
  graph changes.

Each figure is the median of --runs fresh page loads; nothing is asserted (the tests check
the views, not the clock on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_builder.docs import chromium, ready, serving, until  # noqa: E402


def cached_store(triples: int) -> Path:
    """The synthetic store of TRIPLES, built on first use into .cache/workbench-TRIPLES/."""
    home = ROOT / ".cache" / f"workbench-{triples}"
    corpus, store = home / "corpus", home / "store"
    if (store / "current").exists():
        return store
    cli = [sys.executable, "-m", "graph_builder"]
    started = time.perf_counter()
    if not corpus.exists():
        subprocess.run([*cli, "synth", "--triples", str(triples), "--out", str(corpus)],
                       check=True, capture_output=True, cwd=ROOT)
    subprocess.run([*cli, "build", "--no-extract", "-q", "--store", str(store), str(corpus)],
                   check=True, capture_output=True, cwd=ROOT)
    print(f"built the {triples:,}-triple synthetic graph into {home.relative_to(ROOT)} in "
          f"{time.perf_counter() - started:.0f} s (reused next time)", flush=True)
    return store


def from_launch(store: Path) -> dict[str, list[float]]:
    """A page opened the moment the server answers: from `blocgraph serve`'s start to its
    first answer, and to the states view's JSON (made ahead in a worker of its own, so the
    page's request waits at most for that job)."""
    import httpx

    started = time.perf_counter()
    with serving(store) as url:
        up = time.perf_counter()
        httpx.get(url + "workbench/states.json", timeout=300).raise_for_status()
        done = time.perf_counter()
    return {"serve start to answer": [(up - started) * 1000],
            "  to network data": [(done - started) * 1000]}


def measure(url: str, runs: int) -> dict[str, list[float]]:
    from selenium.webdriver.common.by import By

    out: dict[str, list[float]] = {k: [] for k in (
        "timeline draw", "timeline fetch", "network first frame", "  fetch",
        "  parse", "  spells", "  style", "  layout", "  render", "network year move")}
    facts = nodes = ""
    with chromium() as d:
        # the first network load: the server makes the GEXF (then keeps it per generation)
        d.get(url + "#network")
        ready(d, "network")
        until(d, lambda d: d.find_element(By.ID, "nw-canvas").get_attribute("data-draw-ms"), 300)
        cold = d.find_element(By.ID, "nw-canvas")
        out["network, cold server"] = [float(cold.get_attribute("data-draw-ms"))]
        out["  of which fetch"] = [float(cold.get_attribute("data-fetch-ms"))]
        for _ in range(runs):
            d.get("about:blank")
            d.get(url + "#timeline")
            until(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#tl-chart svg")
                  and d.find_element(By.ID, "tl-chart").get_attribute("data-draw-ms"), 300)
            chart = d.find_element(By.ID, "tl-chart")
            out["timeline draw"].append(float(chart.get_attribute("data-draw-ms")))
            out["timeline fetch"].append(float(chart.get_attribute("data-load-ms")))
            facts = d.find_element(By.ID, "tl-status").text
            d.get("about:blank")
            d.get(url + "#network")
            ready(d, "network")
            until(d, lambda d: d.find_element(By.ID, "nw-canvas").get_attribute("data-draw-ms"),
                  300)
            canvas = d.find_element(By.ID, "nw-canvas")
            out["network first frame"].append(float(canvas.get_attribute("data-draw-ms")))
            for part in ("fetch", "parse", "spells", "style", "layout", "render"):
                out[f"  {part}"].append(float(canvas.get_attribute(f"data-{part}-ms")))
            nodes = (d.find_element(By.ID, "nw-status").text + ", "
                     + canvas.get_attribute("data-edges") + " edges")
            move = d.execute_script("""
              const s = document.getElementById('nw-year');
              const t = performance.now();
              s.value = Math.round((+s.min + +s.max) / 2);
              s.dispatchEvent(new Event('input'));
              window.blocgraphNetwork.renderer.refresh();
              return performance.now() - t;""")
            out["network year move"].append(float(move))
    print(f"timeline: {facts}; network: {nodes}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", type=Path, help="serve this store instead of the cached "
                        "synthetic one")
    args = parser.parse_args()
    store = args.store or cached_store(args.triples)
    figures = from_launch(store)
    with serving(store) as url:
        figures.update(measure(url, args.runs))
    print(f"{'step':<22} {'median ms':>10} {'min':>8} {'max':>8}   ({args.runs} page loads; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    for step, values in figures.items():
        print(f"{step:<22} {statistics.median(values):>10.0f} {min(values):>8.0f} "
              f"{max(values):>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
