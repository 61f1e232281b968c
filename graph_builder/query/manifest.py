"""What push knows about the graphs on both sides, so that it sends only what changed.

Locally: each graph's size, SHA-256 over its N-Triples (the store's index order, so the same
graph gives the same bytes) and whether it has blank nodes, computed once per store
generation and carried over for the graphs a build left as they were (`build_keys`); and
copies of the larger graphs sent, to diff against next time (`Cache`, in STORE/push/).
On the server: the manifest graph push/manifest, graph name -> hash and count, read before
and written with the data (`read_manifest`, `manifest_update`), so any machine pushing to
one server knows what it holds. query/push.py decides with these; query/sender.py sends.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph_builder.core.vocab import ONTOLOGY_GRAPH, article_graph
from graph_builder.query.remote import MANIFEST_GRAPH, RemoteEndpoint

PUSH_NS = "https://w3id.org/blocgraph/push#"
SHA256 = PUSH_NS + "sha256"
TRIPLES = PUSH_NS + "triples"

@dataclass
class LocalGraph:
    """One local graph: its size, content hash, N-Triples and whether it has blank nodes."""

    name: str
    count: int
    sha256: str
    blank: bool


def has_blank(ntriples: bytes) -> bool:
    if b"_:" not in ntriples:  # the usual case, decided without parsing
        return False
    return any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
        for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    )


def build_keys(meta: dict[str, Any]) -> dict[str, str]:
    """What the build says each graph was made from: an article graph from its facts (the
    build rewrites a graph only when their fingerprint changes), the ontology graph from
    the ontology; with the graph's recorded size and blocgraph's version. A graph whose
    key is the same as when its hash was computed has that hash still, so adding one
    article to a large store re-reads only that article's graph and the inferred graph."""
    from graph_builder import __version__

    sizes = meta.get("sizes", {})
    keys = {}
    for stem, fingerprint in meta.get("articles", {}).items():
        graph = article_graph(stem, meta.get("graphs", {}).get(stem))
        if graph in sizes:
            keys[graph] = f"article {fingerprint} {sizes[graph]} {__version__}"
    if meta.get("ontology") and ONTOLOGY_GRAPH in sizes:
        keys[ONTOLOGY_GRAPH] = f"ontology {meta['ontology']} {sizes[ONTOLOGY_GRAPH]} {__version__}"
    return keys


class Cache:
    """What push keeps beside the store: graph hashes per generation (generations never
    change, so a hash computed once holds), and copies of the larger graphs it sent, by
    hash, to diff against. A store folder push may not write to just goes without."""

    def __init__(self, store: Any) -> None:
        self.root = Path(store.root) / "push"
        self.generation = store.current_generation() or ""
        self.keys = build_keys(store.meta())
        self.hashes: dict[str, list[Any]] = {}
        try:
            data = json.loads((self.root / "hashes.json").read_text("utf-8"))
            same = data.get("generation") == self.generation
            # from an earlier generation, the graphs its build left as they were
            self.hashes = {g: h for g, h in data["graphs"].items()
                           if same or (len(h) > 3 and h[3] and self.keys.get(g) == h[3])}
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def save_hashes(self, graphs: list[LocalGraph]) -> None:
        data = {"generation": self.generation,
                "graphs": {g.name: [g.count, g.sha256, g.blank, self.keys.get(g.name, "")]
                           for g in graphs}}  # fmt: skip
        self._write(self.root / "hashes.json", json.dumps(data).encode())

    def sent(self, sha256: str) -> bytes | None:
        try:
            return gzip.decompress((self.root / "sent" / f"{sha256}.nt.gz").read_bytes())
        except OSError:
            return None

    def keep_sent(self, sha256: str, ntriples: bytes) -> None:
        path = self.root / "sent" / f"{sha256}.nt.gz"
        if not path.exists():
            self._write(path, gzip.compress(ntriples, compresslevel=1))

    def forget_sent_except(self, keep: set[str]) -> None:
        for path in (self.root / "sent").glob("*.nt.gz"):
            if path.name.removesuffix(".nt.gz") not in keep:
                path.unlink(missing_ok=True)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            pass


# N-Triples dumped to hash a graph are kept for sending it, up to this many bytes in all.
KEEP_BYTES = 512 * 1024 * 1024
_kept: dict[tuple[int, str], bytes] = {}


def ntriples(store: Any, graph: str) -> bytes:
    """A graph's N-Triples in the store's index order, so the same graph gives the same
    bytes (hence the same hash); the copy kept from hashing when there is one."""
    kept = _kept.get((id(store), graph))
    if kept is not None:
        return kept
    return store.db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))


def forget_kept() -> None:
    """Drop the N-Triples kept for sending: a push is over."""
    _kept.clear()


def keep(store: Any, graph: str, data: bytes) -> None:
    if sum(map(len, _kept.values())) + len(data) <= KEEP_BYTES:
        _kept[(id(store), graph)] = data


def lines(ntriples: bytes) -> set[bytes]:
    return {line for line in ntriples.split(b"\n") if line.strip()}


def hash_graphs(store: Any, names: list[str], cache: Cache, now: set[str]) -> list[LocalGraph]:
    """Every local graph with its count, and its content hash where cached (per store
    generation) or in `now`; the others get theirs from `_data` when they are sent."""
    sizes = store.meta().get("sizes", {})
    out = []
    for name in names:
        known = cache.hashes.get(name)
        if known:
            out.append(LocalGraph(name, int(known[0]), str(known[1]), bool(known[2])))
            continue
        g = LocalGraph(name, int(sizes.get(name) or store.count(name)), "", False)
        if name in now:
            graph_data(store, g)
        out.append(g)
    return out


def graph_data(store: Any, g: LocalGraph, cache: Cache | None = None) -> bytes:
    """A graph's N-Triples; its hash, count and blank-node flag filled in on the way.

    A graph whose hash is known is read from the copy `cache` kept when it was last sent
    (to this server or another), if that copy's SHA-256 is still the hash: reading the
    store costs tens of microseconds a triple (RocksDB, a lookup per term), the gzipped
    copy a fraction of that, and a push to a second server or with --full sends the same
    bytes again."""
    if g.sha256 and cache is not None:
        copy = cache.sent(g.sha256)
        if copy is not None and hashlib.sha256(copy).hexdigest() == g.sha256:
            return copy
    data = ntriples(store, g.name)
    if not g.sha256:
        keep(store, g.name, data)
        g.sha256 = hashlib.sha256(data).hexdigest()
        g.count = data.count(b"\n")  # one triple a line
        g.blank = has_blank(data)
    return data


def read_manifest(endpoint: RemoteEndpoint) -> dict[str, str]:
    """graph -> hash, from the server's manifest graph; a graph with two hashes has none."""
    rows = endpoint._query(
        f"SELECT ?g ?h WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g <{SHA256}> ?h }} }}",
        dataset=False,
    ).values()
    out: dict[str, str] = {}
    twice: set[str] = set()
    for row in rows:
        if row["g"] in out:
            twice.add(row["g"])
        out[row["g"]] = row["h"]
    return {g: h for g, h in out.items() if g not in twice}


def manifest_update(graphs: Iterable[LocalGraph | str]) -> str:
    """SPARQL Update text that makes the manifest entries of `graphs` the given ones
    (a bare name: no entry)."""
    parts = []
    for g in graphs:
        name = g if isinstance(g, str) else g.name
        parts.append(f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{name}> ?p ?o }} }}")
    entries = "\n".join(
        f'<{g.name}> <{SHA256}> "{g.sha256}" ; <{TRIPLES}> {g.count} .'
        for g in graphs if not isinstance(g, str)
    )
    if entries:
        parts.append(f"INSERT DATA {{ GRAPH <{MANIFEST_GRAPH}> {{\n{entries}\n}} }}")
    return " ;\n".join(parts)
