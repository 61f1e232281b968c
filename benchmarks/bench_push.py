"""Push throughput against the server's own bulk loader, on the same synthetic graph.

    .venv/bin/python benchmarks/bench_push.py [--triples 1000000] [--chunk-size 50000]

Writes N synthetic triples into a temporary blocgraph store (one large article graph
plus the shapes of the real ones: a handful of small graphs), then measures:
  1. `blocgraph push` (staged graph store upload + MOVE) into a fresh `oxigraph serve`;
  2. `blocgraph push` with the graph store only (one streamed PUT per graph);
  3. `oxigraph load` of the same quads as an N-Quads file into a fresh folder,
     the baseline: no HTTP, no transaction, Oxigraph's bulk loader.
It prints triples per second for each and the size it ran at.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers.oxigraph import OXIGRAPH, OxigraphServer  # noqa: E402

from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.store import Store
from graph_builder.query.push import push


def synthetic(root: Path, n: int) -> Store:
    """N triples: 99% in one big graph, the rest over 100 small ones, like many articles."""
    store = Store(root)
    p = ox.NamedNode("https://w3id.org/blocgraph/ontology#synthetic")
    small = n // 100
    with store.transaction(fresh=True) as (db, _):
        big = ox.NamedNode(GRAPH_NS + "article/big")
        db.bulk_extend(
            ox.Quad(ox.NamedNode(f"urn:synthetic:{i}"), p, ox.Literal(i), big)
            for i in range(n - small)
        )
        db.bulk_extend(
            ox.Quad(
                ox.NamedNode(f"urn:small:{i}"),
                p,
                ox.Literal(f"value {i}"),
                ox.NamedNode(GRAPH_NS + f"article/small-{i % 100}"),
            )
            for i in range(small)
        )
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--chunk-size", type=int, default=50_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-push-"))
    try:
        store = synthetic(tmp / "store", args.triples)
        n = store.count()
        print(f"synthetic graph: {n} triples in {len(store.named_graphs())} graphs")

        rates = {}
        for label, update in (("push, graph store + MOVE", True), ("push, PUT only", False)):
            srv = OxigraphServer(tmp / f"ox-{update}").start()
            try:
                ep = srv.endpoint(update=update)
                report = push(store, ep, chunk_size=args.chunk_size)
                rates[label] = (n / report.seconds, report.seconds)
            finally:
                srv.kill()

        nq = tmp / "graph.nq"
        nq.write_bytes(store.dump("nquads"))
        start = time.perf_counter()
        subprocess.run(
            [OXIGRAPH, "load", "--location", str(tmp / "ox-load"), "--file", str(nq)],
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - start
        rates["oxigraph load (baseline)"] = (n / seconds, seconds)

        for label, (rate, seconds) in rates.items():
            print(f"{label:28} {rate:12,.0f} triples/s  ({seconds:.1f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
