"""Push throughput against the servers' own bulk loaders, on the same synthetic graph.

    .venv/bin/python benchmarks/bench_push.py [--triples 1000000] [--no-virtuoso]

Writes N synthetic triples into a temporary blocgraph store, shaped like a real one (many
article graphs and an inferred graph of a fifth of the triples), then measures in one run:
  - `blocgraph push` into a fresh `oxigraph serve`: full, again unchanged, and after one
    more article (its graph, and a few more inferred triples);
  - `oxigraph load` of the same quads as one N-Quads file into a fresh folder, the
    baseline: no HTTP, no transaction, Oxigraph's bulk loader;
  - `blocgraph push` into a fresh Virtuoso: full with every graph read from the store
    (copies kept by earlier pushes removed first), full again into another fresh one from
    the copies the first kept, and after the same one more article;
  - Virtuoso's bulk loader (ld_dir + rdf_loader_run + checkpoint) on the files of
    `blocgraph dump --format nquads --split-by-graph`, into another fresh Virtuoso.
It prints seconds, triples sent per second and the ratio to the bulk loader of the same
server, as the README's table shows them.
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
from helpers.virtuoso import VIRTUOSO, VirtuosoServer  # noqa: E402

from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.store import Store
from graph_builder.query.push import push

P = ox.NamedNode("https://w3id.org/blocgraph/ontology#synthetic")
PER_ARTICLE = 2_000


def article(db: ox.Store, meta: dict, name: str, n: int, inferred: int) -> None:
    """An article graph of N triples and INFERRED more inferred triples, recorded in the
    generation's metadata as `blocgraph build` records an article (its facts' fingerprint,
    its graph's slug and size)."""
    g = ox.NamedNode(GRAPH_NS + f"article/{name}")
    meta.setdefault("articles", {})[name] = f"fingerprint-{name}"
    meta.setdefault("graphs", {})[name] = name
    meta.setdefault("sizes", {})[g.value] = n
    db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:{name}:{i}"), P, ox.Literal(f"value {i}"), g)
                   for i in range(n))  # fmt: skip
    inf = ox.NamedNode(GRAPH_NS + "inferred")
    db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:{name}:{i}"), P, ox.Literal(i), inf)
                   for i in range(inferred))  # fmt: skip


def synthetic(root: Path, n: int) -> Store:
    """N triples: four fifths in article graphs of PER_ARTICLE, one fifth inferred."""
    store = Store(root)
    articles = max(1, n * 4 // 5 // PER_ARTICLE)
    with store.transaction(fresh=True) as (db, meta):
        for i in range(articles):
            article(db, meta, f"a{i:05d}", PER_ARTICLE, PER_ARTICLE // 4)
    return store


def one_more_article(store: Store) -> None:
    with store.transaction() as (db, meta):
        article(db, meta, "one-more", PER_ARTICLE, PER_ARTICLE // 4 + 100)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, int, str]] = []

    def add(self, label: str, seconds: float, triples: int, ratio_to: str | None = None) -> None:
        ratio = ""
        if ratio_to:
            base = next(r for r in self.rows if r[0] == ratio_to)
            ratio = f"{seconds / base[1]:.2f}x {ratio_to}"
        self.rows.append((label, seconds, triples, ratio))
        rate = triples / seconds if seconds else 0.0
        print(f"{label:42} {seconds:8.2f} s {triples:9d} triples {rate:10,.0f}/s  {ratio}",
              flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--chunk-size", type=int, default=250_000)
    parser.add_argument("--no-virtuoso", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-push-"))
    table = Table()
    servers: list = []
    try:
        store = synthetic(tmp / "store", args.triples)
        n = store.count()
        print(f"synthetic graph: {n} triples in {len(store.named_graphs())} graphs", flush=True)
        nq = tmp / "graph.nq"
        nq.write_bytes(store.dump("nquads"))
        start = time.perf_counter()
        subprocess.run([OXIGRAPH, "load", "--location", str(tmp / "ox-load"), "--file", str(nq)],
                       check=True, capture_output=True)  # fmt: skip
        table.add("oxigraph load (bulk loader, baseline)", time.perf_counter() - start, n)

        ox_srv = OxigraphServer(tmp / "ox").start()
        servers.append(ox_srv)
        r = push(store, ox_srv.endpoint(), chunk_size=args.chunk_size)
        table.add("push to oxigraph serve, full", r.seconds, r.triples_sent,
                  "oxigraph load (bulk loader, baseline)")  # fmt: skip
        r = push(store, ox_srv.endpoint(), chunk_size=args.chunk_size)
        table.add("push to oxigraph serve, unchanged", r.seconds, r.triples_sent)

        use_virtuoso = VIRTUOSO is not None and not args.no_virtuoso
        if use_virtuoso:
            split = tmp / "vload" / "split"
            Store(store.root).dump_split(split)
            loader = VirtuosoServer(tmp / "vload").start()
            servers.append(loader)
            start = time.perf_counter()
            loader.sql(f"ld_dir('{split}', '*.nq.gz', 'urn:blocgraph:bench'); "
                       "rdf_loader_run(); checkpoint;")  # fmt: skip
            table.add("Virtuoso bulk loader (ld_dir, baseline)", time.perf_counter() - start, n)
            loader.kill()
            # cold: every graph read from the store, as on a first push from this store
            shutil.rmtree(Path(store.root) / "push" / "sent", ignore_errors=True)
            cold = VirtuosoServer(tmp / "v-cold").start()
            servers.append(cold)
            r = push(store, cold.endpoint(), chunk_size=args.chunk_size)
            table.add("push to Virtuoso, full, read from the store", r.seconds,
                      r.triples_sent, "Virtuoso bulk loader (ld_dir, baseline)")  # fmt: skip
            cold.kill()
            shutil.rmtree(tmp / "v-cold", ignore_errors=True)
            # warm: from the gzipped copies the pushes before kept (the bulk loader too
            # reads files written before its clock starts)
            v_srv = VirtuosoServer(tmp / "v").start()
            servers.append(v_srv)
            r = push(store, v_srv.endpoint(), chunk_size=args.chunk_size)
            table.add("push to Virtuoso, full, from kept copies", r.seconds, r.triples_sent,
                      "Virtuoso bulk loader (ld_dir, baseline)")  # fmt: skip

        one_more_article(store)
        r = push(store, ox_srv.endpoint(), chunk_size=args.chunk_size)
        table.add(f"push to oxigraph serve, one article ({len(r.sent)} graphs)", r.seconds,
                  r.triples_sent)  # fmt: skip
        if use_virtuoso:
            r = push(store, v_srv.endpoint(), chunk_size=args.chunk_size)
            table.add(f"push to Virtuoso, one article ({len(r.sent)} graphs)", r.seconds,
                      r.triples_sent)  # fmt: skip
        print("\n| What | Seconds | Triples sent | Triples/s | Ratio |\n|---|---|---|---|---|")
        for label, seconds, triples, ratio in table.rows:
            rate = triples / seconds if seconds else 0.0
            print(f"| {label} | {seconds:.1f} | {triples:,} | {rate:,.0f} | {ratio} |")
    finally:
        for srv in servers:
            srv.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
