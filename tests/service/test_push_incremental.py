"""Push sends only what changed: the manifest graph on a real `oxigraph serve`, diffs,
batched and gzipped requests, --full, and `dump --split-by-graph` for offline loaders."""

from __future__ import annotations

import gzip
import http.server
import json
import shutil
import subprocess
import threading
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from helpers.oxigraph import OXIGRAPH, OxigraphServer

from graph_builder.cli import main
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.store import Store
from graph_builder.query.push import DIFF_MIN, push
from graph_builder.query.remote import MANIFEST_GRAPH

INFERRED = GRAPH_NS + "inferred"
P = ox.NamedNode("https://w3id.org/blocgraph/ontology#synthetic")


def grow(root: Path, article: str, n: int, inferred_extra: int = 0, inferred: int = 0) -> Store:
    """The store at ROOT plus one article graph of N triples (and INFERRED_EXTRA more
    triples in the inferred graph, or a fresh inferred graph of INFERRED triples)."""
    store = Store(root)
    with store.transaction(fresh=not store.exists()) as (db, _):
        g = ox.NamedNode(GRAPH_NS + f"article/{article}")
        db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:{article}:{i}"), P, ox.Literal(i), g)
                       for i in range(n))  # fmt: skip
        inf = ox.NamedNode(INFERRED)
        db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:inferred:{i}"), P, ox.Literal(i), inf)
                       for i in range(inferred))  # fmt: skip
        db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:inferred:{article}:{i}"), P, ox.Literal(i), inf)
                       for i in range(inferred_extra))  # fmt: skip
    store.close()
    return store


def counts(store: Store) -> dict[str, int]:
    return {g: store.count(g) for g in store.named_graphs()}


@pytest.fixture
def server(tmp_path):
    srv = OxigraphServer(tmp_path / "oxigraph").start()
    yield srv
    srv.kill()


@pytest.fixture
def store(tmp_path) -> Store:
    root = tmp_path / "store"
    grow(root, "a", 3_000, inferred=2 * DIFF_MIN)
    for name in ("b", "c", "d"):
        grow(root, name, 50)
    return Store(root)


def test_unchanged_graphs_are_not_sent_again(store, server):
    ep = server.endpoint()
    first = push(store, ep)
    assert set(first.sent.values()) == {"new"} and len(first.sent) == 5
    assert ep.compress is True and ep.dataset_post is True  # Oxigraph takes both
    assert server.endpoint().graph_counts() == counts(store)
    again = push(store, server.endpoint())  # a fresh endpoint: what it knows is the server's
    assert again.sent == {} and again.triples_sent == 0 and again.unchanged == 5
    manifest = ep._query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{MANIFEST_GRAPH}> "
                         "{ ?s ?p ?o } }", dataset=False).values()  # fmt: skip
    assert int(manifest[0]["n"]) == 2 * 5  # hash and count of each graph
    # the manifest is push's own: the union the queries see is the local store's
    assert ep.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()[0]["n"] == str(
        store.count())


def test_one_more_article_sends_it_and_the_inferred_difference(store, server, tmp_path):
    push(store, server.endpoint())
    grow(store.root, "e", 40, inferred_extra=7)
    report = push(store, server.endpoint())
    assert report.sent == {GRAPH_NS + "article/e": "new", INFERRED: "diff"}
    assert report.triples_sent == 40 + 7
    assert server.endpoint().graph_counts() == counts(store)
    # another machine (the same graph, but none of this machine's copies) diffs against
    # the server's own copy, and finds nothing to send where the manifest agrees
    other = tmp_path / "other"
    shutil.copytree(store.root, other, symlinks=True, ignore=shutil.ignore_patterns("push"))
    assert push(Store(other), server.endpoint()).sent == {}
    grow(other, "f", 10, inferred_extra=3)
    report = push(Store(other), server.endpoint())
    assert report.sent == {GRAPH_NS + "article/f": "new", INFERRED: "diff"}
    assert server.endpoint().graph_counts() == counts(Store(other))


def test_full_sends_everything_and_a_changed_graph_is_replaced(store, server, capsys):
    push(store, server.endpoint())
    code = main(["push", *server.args(), "--store", str(store.root), "--full"])
    out = capsys.readouterr().out
    assert code == 0 and "pushed 5 of 5 graph(s)" in out and "5 replace" in out
    code = main(["push", *server.args(), "--store", str(store.root)])
    out = capsys.readouterr().out
    assert code == 0 and "pushed 0 of 5 graph(s) (none; 5 unchanged)" in out
    # a graph edited on the server behind push's back is put right by --full only
    edit = f"INSERT DATA {{ GRAPH <{GRAPH_NS}article/b> {{ <urn:x> <urn:y> 1 }} }}"
    server.endpoint().update(edit)
    assert main(["push", *server.args(), "--store", str(store.root), "--full", "-q"]) == 0
    assert server.endpoint().graph_counts() == counts(store)


def test_large_changes_are_staged_and_moved(store, server):
    push(store, server.endpoint())
    grow(store.root, "a", 3_000, inferred_extra=1_500)  # a's graph: same triples
    report = push(store, server.endpoint(), chunk_size=1_000)  # the diff exceeds a chunk
    assert report.sent == {INFERRED: "replace"}
    assert server.endpoint().graph_counts() == counts(store)
    assert not [g for g in server.endpoint().named_graphs() if "/staging/" in g]


def test_dump_split_by_graph(store, tmp_path, capsys):
    out = tmp_path / "split"
    assert main(["dump", "--format", "nquads", "--split-by-graph", str(out),
                 "--store", str(store.root)]) == 0  # fmt: skip
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert {g["graph"]: g["triples"] for g in manifest["graphs"]} == counts(store)
    total = 0
    for entry in manifest["graphs"]:
        data = gzip.decompress((out / entry["file"]).read_bytes())
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        assert len(quads) == entry["triples"]
        assert {q.graph_name.value for q in quads} == {entry["graph"]}
        total += len(quads)
    assert total == store.count()
    # loaders take the folder as it is: `oxigraph load` of every file gives the store
    files = [str(out / e["file"]) for e in manifest["graphs"]]
    subprocess.run([OXIGRAPH, "load", "--location", str(tmp_path / "loaded"), "--file", *files],
                   check=True, capture_output=True)  # fmt: skip
    loaded = ox.Store.read_only(str(tmp_path / "loaded"))
    assert len(loaded) == store.count()
    assert main(["dump", "--format", "trig", "--split-by-graph", str(out),
                 "--store", str(store.root)]) == 2  # fmt: skip
    assert "nquads" in capsys.readouterr().err


class Failing(http.server.BaseHTTPRequestHandler):
    """Forwards to a real server, but answers the Nth write with a 500, as a server whose
    disk filled up would (Virtuoso's words)."""

    target = ""
    fail_at = 0
    writes = 0

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.command != "GET" and "query" not in self.path:
            type(self).writes += 1
            if type(self).writes == self.fail_at:
                text = b"Virtuoso 42000 Error DB001: Disk full"
                self.send_response(500)
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)
                return
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("host", "content-length", "connection")}  # fmt: skip
        r = httpx.request(self.command, self.target + self.path, content=body,
                          headers=headers, timeout=60)  # fmt: skip
        self.send_response(r.status_code)
        for k in ("Content-Type", "Server"):
            if k in r.headers:
                self.send_header(k, r.headers[k])
        self.send_header("Content-Length", str(len(r.content)))
        self.end_headers()
        self.wfile.write(r.content)

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, *args) -> None:
        pass


def test_a_500_in_the_middle_is_one_line_and_a_rerun_finishes(store, server, capsys):
    handler = type("Handler", (Failing,), {"target": server.base, "fail_at": 6, "writes": 0})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        proxy = f"http://127.0.0.1:{httpd.server_address[1]}"
        args = ["push", "--endpoint", f"{proxy}/query", "--update-endpoint", f"{proxy}/update",
                "--graph-store", f"{proxy}/store", "--store", str(store.root),
                "--chunk-size", "60"]  # fmt: skip
        code = main(args)
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1 and "HTTP 500" in err and "Disk full" in err
        halfway = server.endpoint().graph_counts()
        assert 0 < len(halfway) < 5  # some graphs went, each one whole
        assert all(n == store.count(g) for g, n in halfway.items())
        handler.fail_at = 0
        assert main(args) == 0  # the re-run finishes the job
        assert "unchanged" in capsys.readouterr().out
        assert server.endpoint().graph_counts() == counts(store)
    finally:
        httpd.shutdown()
        httpd.server_close()
