"""Push: make a remote store's blocgraph graphs the local store's, sending only what changed.

Every graph is either fully old or fully new on the server, whatever happens to the push,
because every graph travels in one request that transactional servers (Oxigraph, Fuseki
TDB2, GraphDB, Virtuoso) apply all or nothing:
- a graph the server lacks goes in one POST, several of them in one N-Quads POST where the
  server takes one (Oxigraph), gzipped where it takes that;
- a graph the server holds in an older version gets the difference (DELETE DATA + INSERT
  DATA in one update) when push knows the older version (a copy it kept of what it sent,
  or the server's own copy), else the whole graph (DROP + INSERT DATA in one update; a
  graph larger than --chunk-size is staged in chunks and put in place by one MOVE).
What was sent is recorded on the server, in the graph push/manifest (graph name -> SHA-256
of its N-Triples), so a graph whose hash is unchanged is not sent again, by this machine or
any other; `full=True` sends everything. Every request is safe to repeat, which is what
lets a transient failure be retried and an interrupted push simply be run again. How a
request reaches the server (retries, credentials, one-line faults) is query/remote.py.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError, RemoteError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.core.vocab import ONTOLOGY_GRAPH, article_graph
from graph_builder.query.remote import (
    MANIFEST_GRAPH,
    STAGING_NS,
    RemoteEndpoint,
    internal_graph,
    redact,
)

PUSH_NS = "https://w3id.org/blocgraph/push#"
SHA256 = PUSH_NS + "sha256"
TRIPLES = PUSH_NS + "triples"
# Graphs at least this large keep a copy of what was sent (store/push/sent/), so that the
# next push can send their difference; below it, sending the graph again is as cheap.
DIFF_MIN = 1_000
# Requests adding graphs on their way at once (two were no faster on two cores).
IN_FLIGHT = 1
# Without an N-Quads POST, graphs smaller than this share an INSERT DATA; larger ones go
# in a POST of their own (Virtuoso takes a graph store POST faster than an update).
SHARE_BELOW = 500


class PushInterrupted(KeyboardInterrupt):
    """Ctrl-C during a push: says what reached the server and that pushing again finishes.

    The local store is never touched by a push; on the server each graph is old or new
    (a graph cut off mid-way is in a staging graph the next push removes), and the next
    push sends only the graphs that still differ."""

    def __init__(self, report: PushReport, todo: int) -> None:
        sent = len(report.sent)
        super().__init__(
            f"{sent} of {todo} changed graph(s) were pushed before the interrupt"
            + (f" ({report.triples_sent} triples)" if sent else "")
            + "; the server holds each graph whole, old or new; run the same push again to "
            "finish (it sends only what still differs); the local store is unchanged")
        self.report = report


@dataclass
class PushReport:
    mode: str
    graphs: list[tuple[str, int]]
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    sent: dict[str, str] = field(default_factory=dict)  # graph -> new, diff, replace, put
    triples_sent: int = 0
    bytes_sent: int = 0

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)

    @property
    def unchanged(self) -> int:
        return len(self.graphs) - len(self.sent)


@dataclass
class _Local:
    """One local graph: its size, content hash, N-Triples and whether it has blank nodes."""

    name: str
    count: int
    sha256: str
    blank: bool


def staging_graph(graph: str) -> str:
    """Where a large graph's new triples wait before one MOVE puts them in place.

    Derived from the target name, so a re-run after an interruption overwrites the
    leftover rather than piling up new ones, and the push's clean-up can spot it.
    """
    return STAGING_NS + hashlib.sha256(graph.encode("utf-8")).hexdigest()[:24]


def chunks(triples: Iterable[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Triples in batches of about `size`, every triple with a blank node in the first.

    Blank node labels only hold within one request, so a blank node's triples must
    travel together; putting them all in the first request (a PUT, or a DROP+INSERT)
    also leaves every later request free of blank nodes, hence safe to repeat.
    """
    with_blank: list[ox.Triple] = []
    ground: list[ox.Triple] = []
    for t in triples:
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            with_blank.append(t)
        else:
            ground.append(t)
    first_room = max(0, size - len(with_blank))
    out = [with_blank + ground[:first_room]]
    out += [ground[i : i + size] for i in range(first_room, len(ground), size)]
    return [c for c in out if c] or [[]]


def _has_blank(ntriples: bytes) -> bool:
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


class _Cache:
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

    def save_hashes(self, graphs: list[_Local]) -> None:
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


def _ntriples(store: Any, graph: str) -> bytes:
    """A graph's N-Triples in the store's index order, so the same graph gives the same
    bytes (hence the same hash); the copy kept from hashing when there is one."""
    kept = _kept.get((id(store), graph))
    if kept is not None:
        return kept
    return store.db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))


def _keep(store: Any, graph: str, data: bytes) -> None:
    if sum(map(len, _kept.values())) + len(data) <= KEEP_BYTES:
        _kept[(id(store), graph)] = data


def _lines(ntriples: bytes) -> set[bytes]:
    return {line for line in ntriples.split(b"\n") if line.strip()}


def push(
    store: Any,
    endpoint: RemoteEndpoint,
    *,
    chunk_size: int = 250_000,
    dry_run: bool = False,
    progress: bool = False,
    prune: bool = True,
    full: bool = False,
) -> PushReport:
    """Make the server's blocgraph graphs the local store's, sending only what changed.

    With an update endpoint every graph is old or new on the server at any moment (see
    the module's docstring). With only a graph store, each changed graph is one PUT, as
    atomic as the server makes PUT. `full` sends every graph whole, whatever the
    manifest on the server says.
    """
    if chunk_size < 1:
        raise BlocgraphError("--chunk-size must be at least 1")
    names = store.named_graphs()
    if endpoint.update_url and endpoint.graph_store_url:
        mode = "graph store + update"
    elif endpoint.update_url:
        mode = "update only"
    elif endpoint.graph_store_url:
        mode = "graph store only (PUT)"
    else:
        raise BlocgraphError(
            "push needs somewhere to write: --graph-store URL and/or --update-endpoint URL "
            f"(for Oxigraph server at {_origin(endpoint.query_url)}: --graph-store "
            f"{_origin(endpoint.query_url)}/store --update-endpoint "
            f"{_origin(endpoint.query_url)}/update)"
        )
    if dry_run:
        return PushReport(mode=mode, graphs=[(g, store.count(g)) for g in names])
    start = time.perf_counter()
    cache = _Cache(store)
    if endpoint.graph_store_url:
        endpoint.probe()  # the first request writes, so a write fault names the write URL
    remote = set(endpoint.named_graphs())
    manifest = _read_manifest(endpoint) if MANIFEST_GRAPH in remote else {}
    # A graph the server lacks is sent whatever its hash, so its hash is computed from
    # what is sent, while the previous request is on its way; the others' now.
    local = _hash_graphs(store, names, cache, now={g for g in names if g in remote})
    report = PushReport(mode=mode, graphs=[(g.name, g.count) for g in local])
    todo = [g for g in local
            if full or g.name not in remote or manifest.get(g.name) != g.sha256]  # fmt: skip
    bar = _bar(sum(g.count for g in todo), progress)
    sender = _Sender(store, endpoint, chunk_size, report, cache, manifest, bar)
    try:
        if not endpoint.update_url:
            for g in todo:
                sender.put(g)
        else:
            sender.add([g for g in todo if g.name not in remote])
            sender.change([g for g in todo if g.name in remote], full=full)
        gone = []
        if prune:
            ours = {g.name for g in local}
            gone = [g for g in sorted(remote)
                    if g.startswith(GRAPH_NS) and g not in ours and g != MANIFEST_GRAPH]
            for graph in gone:
                endpoint.delete_graph(graph)
                if not graph.startswith(STAGING_NS):
                    report.removed.append(graph)
        sender.write_manifest(local, gone)
    except KeyboardInterrupt:
        raise PushInterrupted(report, len(todo)) from None
    finally:
        bar.close()
        _kept.clear()
    report.seconds = time.perf_counter() - start
    _verify(endpoint, report.graphs)
    if any(cache.hashes.get(g.name, [0, ""])[1] != g.sha256 for g in local) or (
            len(cache.hashes) != len(local)):
        cache.save_hashes(local)
    cache.forget_sent_except({g.sha256 for g in local})
    return report


def _hash_graphs(store: Any, names: list[str], cache: _Cache, now: set[str]) -> list[_Local]:
    """Every local graph with its count, and its content hash where cached (per store
    generation) or in `now`; the others get theirs from `_data` when they are sent."""
    sizes = store.meta().get("sizes", {})
    out = []
    for name in names:
        known = cache.hashes.get(name)
        if known:
            out.append(_Local(name, int(known[0]), str(known[1]), bool(known[2])))
            continue
        g = _Local(name, int(sizes.get(name) or store.count(name)), "", False)
        if name in now:
            _data(store, g)
        out.append(g)
    return out


def _data(store: Any, g: _Local) -> bytes:
    """A graph's N-Triples; its hash, count and blank-node flag filled in on the way."""
    data = _ntriples(store, g.name)
    if not g.sha256:
        _keep(store, g.name, data)
        g.sha256 = hashlib.sha256(data).hexdigest()
        g.count = data.count(b"\n")  # one triple a line
        g.blank = _has_blank(data)
    return data


def _read_manifest(endpoint: RemoteEndpoint) -> dict[str, str]:
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


def _manifest_update(graphs: Iterable[_Local | str]) -> str:
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


def _insert(g: _Local, ntriples: bytes) -> str:
    """An update inserting a graph's triples: INSERT DATA, or for a graph with blank nodes
    (which Virtuoso refuses in INSERT DATA) the same triples as the template of an INSERT
    with an empty WHERE, whose one solution gives each blank node label one fresh node."""
    triples = f"GRAPH <{g.name}> {{\n{ntriples.decode()}}}"
    return f"INSERT {{ {triples} }} WHERE {{}}" if g.blank else f"INSERT DATA {{ {triples} }}"


class _Sender:
    """The requests of one push; each leaves every graph it touches old or new."""

    def __init__(self, store: Any, endpoint: RemoteEndpoint, size: int, report: PushReport,
                 cache: _Cache, manifest: dict[str, str], bar: Any) -> None:  # fmt: skip
        self.store, self.endpoint, self.size = store, endpoint, size
        # triples in one update request (a GSP body may carry `size`)
        self.usize = min(size, endpoint.update_limit or size)
        self.report, self.cache, self.manifest, self.bar = report, cache, manifest, bar
        self.posted: list[_Local] = []  # sent by POST: their manifest entries come last

    def _done(self, g: _Local, how: str, triples: int, data: bytes | None = None) -> None:
        self.report.sent[g.name] = how
        self.report.triples_sent += triples
        self.bar.update(g.count)
        if data is not None and g.count >= DIFF_MIN and not g.blank:
            self.cache.keep_sent(g.sha256, data)

    def _batches(self, graphs: list[_Local], weight: Any, size: int) -> list[list[_Local]]:
        """Graphs in groups of about `size` triples; a larger graph is a group of its own."""
        out: list[list[_Local]] = []
        current: list[_Local] = []
        total = 0
        for g in graphs:
            w = weight(g)
            if current and total + w > size:
                out.append(current)
                current, total = [], 0
            current.append(g)
            total += w
        return out + ([current] if current else [])

    # -- graphs the server does not have --------------------------------------------
    def add(self, graphs: list[_Local]) -> None:
        """New graphs: one POST each (one transaction), small ones several to a request.
        Each request is made ready while the one before it is on its way."""
        ep = self.endpoint
        if any(g.name in self.manifest for g in graphs):
            # entries of graphs someone dropped by hand: gone before the graphs come back
            ep.update(_manifest_update([g.name for g in graphs if g.name in self.manifest]))
        limit = self.size if ep.graph_store_url and ep.dataset_post else self.usize

        def weight(g: _Local) -> int:
            alone = ep.graph_store_url and not ep.dataset_post and g.count >= SHARE_BELOW
            return limit + 1 if alone else g.count

        with ThreadPoolExecutor(max_workers=IN_FLIGHT) as pool:
            pending: list[Future[None]] = []
            for batch in self._batches(graphs, weight, limit):
                if not ep.graph_store_url and len(batch) == 1 and batch[0].count > self.usize:
                    for done in pending:
                        done.result()
                    pending = []
                    self._staged(batch[0], "new")
                    continue
                send = self._prepare(batch)
                while len(pending) >= IN_FLIGHT:
                    pending.pop(0).result()
                pending.append(pool.submit(send))
            for done in pending:
                done.result()

    def _prepare(self, batch: list[_Local]) -> Callable[[], None]:
        """The request adding `batch`, its body built now, to be sent by the caller."""
        ep = self.endpoint
        datas = [_data(self.store, g) for g in batch]
        if len(batch) > 1 and ep.graph_store_url and ep.dataset_post:
            body = b"".join(d.replace(b" .\n", f" <{g.name}> .\n".encode())
                            for g, d in zip(batch, datas, strict=True))  # fmt: skip

            def send() -> None:
                self.report.bytes_sent += ep.post_dataset(body)
                self.posted.extend(batch)
                for g, d in zip(batch, datas, strict=True):
                    self._done(g, "new", g.count, d)

        elif len(batch) > 1 or not ep.graph_store_url:
            text = " ;\n".join([*(_insert(g, d) for g, d in zip(batch, datas, strict=True)),
                                _manifest_update(batch)])  # fmt: skip

            def send() -> None:
                self._update(text)
                for g, d in zip(batch, datas, strict=True):
                    self._done(g, "new", g.count, d)

        else:

            def send() -> None:
                self.report.bytes_sent += ep.post_graph(batch[0].name, datas[0]) or 0
                self.posted.append(batch[0])
                self._done(batch[0], "new", batch[0].count, datas[0])

        return send

    # -- graphs the server has in another version -------------------------------------
    def change(self, graphs: list[_Local], *, full: bool) -> None:
        """Changed graphs: their difference where known and small, else the whole graph."""
        replace: list[_Local] = []
        group: list[tuple[_Local, set[bytes], set[bytes], bytes]] = []
        total = 0
        for g in graphs:
            diff = None if full or g.blank or g.count < DIFF_MIN else self._diff(g)
            if diff is None:
                replace.append(g)
                continue
            n = len(diff[0]) + len(diff[1])
            if group and total + n > self.usize:
                self._send_diffs(group)
                group, total = [], 0
            group.append((g, *diff))
            total += n
        if group:
            self._send_diffs(group)
        small = [g for g in replace if g.count <= self.usize]
        for batch in self._batches(small, lambda g: g.count, self.usize):
            parts = []
            datas = []
            for g in batch:
                data = _data(self.store, g)
                datas.append(data)
                parts.append(f"DROP SILENT GRAPH <{g.name}> ;\n" + _insert(g, data))
            self._update(" ;\n".join(parts) + " ;\n" + _manifest_update(batch))
            for g, data in zip(batch, datas, strict=True):
                self._done(g, "replace", g.count, data)
        for g in replace:
            if g.count > self.usize:
                self._staged(g, "replace")

    def _diff(self, g: _Local) -> tuple[set[bytes], set[bytes], bytes] | None:
        """(removed, added, new N-Triples) against the version the server holds, when push
        knows that version and the difference is smaller than the graph."""
        old = self.cache.sent(self.manifest[g.name]) if g.name in self.manifest else None
        if old is None and self.endpoint.graph_store_url:
            try:
                server = self.endpoint.get_graph(g.name)
                # the server's own spelling, normalised; blank nodes cannot be diffed
                parsed = list(ox.parse(server, format=ox.RdfFormat.N_TRIPLES))
            except (RemoteError, SyntaxError, ValueError):
                return None
            if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                   for t in parsed):  # fmt: skip
                return None
            old = ox.serialize(parsed, format=ox.RdfFormat.N_TRIPLES)
        if old is None:
            return None
        new = _data(self.store, g)
        before, after = _lines(old), _lines(new)
        removed, added = before - after, after - before
        if len(removed) + len(added) > min(self.usize, g.count):
            return None
        return removed, added, new

    def _send_diffs(self, group: list[tuple[_Local, set[bytes], set[bytes], bytes]]) -> None:
        parts = []
        for g, removed, added, _ in group:
            if removed:
                parts.append(f"DELETE DATA {{ GRAPH <{g.name}> {{\n"
                             + b"\n".join(sorted(removed)).decode() + "\n} }")
            if added:
                parts.append(f"INSERT DATA {{ GRAPH <{g.name}> {{\n"
                             + b"\n".join(sorted(added)).decode() + "\n} }")
        self._update(" ;\n".join([*parts, _manifest_update([item[0] for item in group])]))
        for g, removed, added, new in group:
            self._done(g, "diff", len(removed) + len(added), new)

    def _staged(self, g: _Local, how: str) -> None:
        """A graph too large for one update: chunks into its staging graph, then one MOVE
        (with its manifest entry) puts it in place."""
        ep = self.endpoint
        staging = staging_graph(g.name)
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in self.store.db.quads_for_pattern(None, None, None,
                                                            ox.NamedNode(g.name))]  # fmt: skip
        size = self.size if ep.graph_store_url else self.usize
        for i, batch in enumerate(chunks(triples, size)):
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            if ep.graph_store_url:
                sent = (ep.put_graph if i == 0 else ep.post_graph)(staging, body)
                self.report.bytes_sent += sent or 0
            else:
                insert = f"INSERT DATA {{ GRAPH <{staging}> {{\n{body.decode()}}} }}"
                if i == 0:
                    insert = f"DROP SILENT GRAPH <{staging}> ;\n" + insert
                self._update(insert)
        self._update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{g.name}> ;\n"
                     + _manifest_update([g]))  # fmt: skip
        self._done(g, how, g.count, _data(self.store, g))

    # -- graph store only -----------------------------------------------------------
    def put(self, g: _Local) -> None:
        data = _data(self.store, g)
        self.report.bytes_sent += self.endpoint.put_graph(g.name, data) or 0
        self._done(g, "put", g.count, data)

    def _update(self, text: str) -> None:
        self.report.bytes_sent += len(text)
        self.endpoint.update(text)

    def write_manifest(self, local: list[_Local], gone: list[str]) -> None:
        """The entries not written with their graphs: POSTed graphs, removed graphs."""
        ep = self.endpoint
        if not ep.update_url:
            if not self.report.sent and not gone:
                return
            body = "".join(f'<{g.name}> <{SHA256}> "{g.sha256}" .\n<{g.name}> <{TRIPLES}> '
                           f'"{g.count}"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
                           for g in local)  # fmt: skip
            ep.put_graph(MANIFEST_GRAPH, body.encode())
            return
        stale = [g for g in gone if g in self.manifest]
        if self.posted or stale:
            ep.update(_manifest_update([*self.posted, *stale]))


def _verify(endpoint: RemoteEndpoint, graphs: list[tuple[str, int]]) -> None:
    """Read the counts back: a push that reports success must have landed."""
    remote = endpoint.graph_counts()
    wrong = [(g, n, remote.get(g, 0)) for g, n in graphs if remote.get(g, 0) != n]
    if wrong:
        g, n, m = wrong[0]
        raise RemoteError(
            f"{redact(endpoint.query_url)}: after the push graph <{g}> has {m} triples, "
            f"expected {n} ({len(wrong)} graph(s) differ); run the push again")


def _origin(url: str) -> str:
    parts = urlsplit(redact(url))
    return f"{parts.scheme}://{parts.netloc}"


def _bar(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="triple",
        unit_scale=True,
        file=sys.stderr,
        disable=not enabled,
        desc="push",
    )


__all__ = ["PushInterrupted", "PushReport", "chunks", "internal_graph", "push", "staging_graph"]
