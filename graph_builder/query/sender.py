"""The requests of one push, each leaving every graph it touches old or new on the server.

A graph the server lacks goes in one POST (several small ones in one N-Quads POST where
the server takes that, else one INSERT DATA); a graph it holds in another version gets its
difference (DELETE DATA + INSERT DATA) or its replacement (DROP + INSERT DATA) in one
update, and one larger than an update may carry is staged in chunks and put in place by
one MOVE. Every request carries or precedes its manifest entries (query/manifest.py) and
is safe to repeat. Which graphs to send is query/push.py's choice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph_builder.core.errors import RemoteError
from graph_builder.query.manifest import (
    SHA256,
    TRIPLES,
    Cache,
    LocalGraph,
    graph_data,
    lines,
    manifest_update,
)
from graph_builder.query.remote import MANIFEST_GRAPH, STAGING_NS, RemoteEndpoint

if TYPE_CHECKING:
    from graph_builder.query.push import PushReport

# Graphs at least this large keep a copy of what was sent (store/push/sent/), so that the
# next push can send their difference; below it, sending the graph again is as cheap.
DIFF_MIN = 1_000
# Requests adding graphs on their way at once: one for Oxigraph (two were no faster on two
# cores), two for Virtuoso, whose graph store loads two POSTs side by side (1M triples:
# see the README's push table).
IN_FLIGHT = 1
IN_FLIGHT_VIRTUOSO = 2
# Without an N-Quads POST, graphs smaller than this share an INSERT DATA; larger ones go
# in a POST of their own (Virtuoso takes a graph store POST faster than an update).
SHARE_BELOW = 500


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


def insert(g: LocalGraph, ntriples: bytes) -> str:
    """An update inserting a graph's triples: INSERT DATA, or for a graph with blank nodes
    (which Virtuoso refuses in INSERT DATA) the same triples as the template of an INSERT
    with an empty WHERE, whose one solution gives each blank node label one fresh node."""
    triples = f"GRAPH <{g.name}> {{\n{ntriples.decode()}}}"
    return f"INSERT {{ {triples} }} WHERE {{}}" if g.blank else f"INSERT DATA {{ {triples} }}"


class Sender:
    """The requests of one push; each leaves every graph it touches old or new."""

    def __init__(self, store: Any, endpoint: RemoteEndpoint, size: int, report: PushReport,
                 cache: Cache, manifest: dict[str, str], bar: Any) -> None:  # fmt: skip
        self.store, self.endpoint, self.size = store, endpoint, size
        # triples in one update request (a GSP body may carry `size`)
        self.usize = min(size, endpoint.update_limit or size)
        self.report, self.cache, self.manifest, self.bar = report, cache, manifest, bar
        self.posted: list[LocalGraph] = []  # sent by POST: their manifest entries come last

    def _done(self, g: LocalGraph, how: str, triples: int, data: bytes | None = None) -> None:
        self.report.sent[g.name] = how
        self.report.triples_sent += triples
        self.bar.update(g.count)
        if data is not None and g.count >= DIFF_MIN and not g.blank:
            self.cache.keep_sent(g.sha256, data)

    def _batches(self, graphs: list[LocalGraph], weight: Any, size: int) -> list[list[LocalGraph]]:
        """Graphs in groups of about `size` triples; a larger graph is a group of its own."""
        out: list[list[LocalGraph]] = []
        current: list[LocalGraph] = []
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
    def add(self, graphs: list[LocalGraph]) -> None:
        """New graphs: one POST each (one transaction), small ones several to a request.
        Each request is made ready while the one before it is on its way."""
        ep = self.endpoint
        if any(g.name in self.manifest for g in graphs):
            # entries of graphs someone dropped by hand: gone before the graphs come back
            ep.update(manifest_update([g.name for g in graphs if g.name in self.manifest]))
        limit = self.size if ep.graph_store_url and ep.dataset_post else self.usize

        def weight(g: LocalGraph) -> int:
            alone = ep.graph_store_url and not ep.dataset_post and g.count >= SHARE_BELOW
            return limit + 1 if alone else g.count

        in_flight = IN_FLIGHT_VIRTUOSO if ep.virtuoso else IN_FLIGHT
        with ThreadPoolExecutor(max_workers=in_flight) as pool:
            pending: list[Future[None]] = []
            for batch in self._batches(graphs, weight, limit):
                if not ep.graph_store_url and len(batch) == 1 and batch[0].count > self.usize:
                    for done in pending:
                        done.result()
                    pending = []
                    self._staged(batch[0], "new")
                    continue
                send = self._prepare(batch)
                while len(pending) >= in_flight:
                    pending.pop(0).result()
                pending.append(pool.submit(send))
            for done in pending:
                done.result()

    def _prepare(self, batch: list[LocalGraph]) -> Callable[[], None]:
        """The request adding `batch`, its body built now, to be sent by the caller."""
        ep = self.endpoint
        datas = [graph_data(self.store, g, self.cache) for g in batch]
        if len(batch) > 1 and ep.graph_store_url and ep.dataset_post:
            body = b"".join(d.replace(b" .\n", f" <{g.name}> .\n".encode())
                            for g, d in zip(batch, datas, strict=True))  # fmt: skip

            def send() -> None:
                self.report.bytes_sent += ep.post_dataset(body)
                self.posted.extend(batch)
                for g, d in zip(batch, datas, strict=True):
                    self._done(g, "new", g.count, d)

        elif len(batch) > 1 or not ep.graph_store_url:
            text = " ;\n".join([*(insert(g, d) for g, d in zip(batch, datas, strict=True)),
                                manifest_update(batch)])  # fmt: skip

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
    def change(self, graphs: list[LocalGraph], *, full: bool) -> None:
        """Changed graphs: their difference where known and small, else the whole graph."""
        replace: list[LocalGraph] = []
        group: list[tuple[LocalGraph, set[bytes], set[bytes], bytes]] = []
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
                data = graph_data(self.store, g, self.cache)
                datas.append(data)
                parts.append(f"DROP SILENT GRAPH <{g.name}> ;\n" + insert(g, data))
            self._update(" ;\n".join(parts) + " ;\n" + manifest_update(batch))
            for g, data in zip(batch, datas, strict=True):
                self._done(g, "replace", g.count, data)
        for g in replace:
            if g.count > self.usize:
                self._staged(g, "replace")

    def _diff(self, g: LocalGraph) -> tuple[set[bytes], set[bytes], bytes] | None:
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
        new = graph_data(self.store, g, self.cache)
        before, after = lines(old), lines(new)
        removed, added = before - after, after - before
        if len(removed) + len(added) > min(self.usize, g.count):
            return None
        return removed, added, new

    def _send_diffs(self, group: list[tuple[LocalGraph, set[bytes], set[bytes], bytes]]) -> None:
        parts = []
        for g, removed, added, _ in group:
            if removed:
                parts.append(f"DELETE DATA {{ GRAPH <{g.name}> {{\n"
                             + b"\n".join(sorted(removed)).decode() + "\n} }")
            if added:
                parts.append(f"INSERT DATA {{ GRAPH <{g.name}> {{\n"
                             + b"\n".join(sorted(added)).decode() + "\n} }")
        self._update(" ;\n".join([*parts, manifest_update([item[0] for item in group])]))
        for g, removed, added, new in group:
            self._done(g, "diff", len(removed) + len(added), new)

    def _staged(self, g: LocalGraph, how: str) -> None:
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
                     + manifest_update([g]))  # fmt: skip
        self._done(g, how, g.count, graph_data(self.store, g, self.cache))

    # -- graph store only -----------------------------------------------------------
    def put(self, g: LocalGraph) -> None:
        data = graph_data(self.store, g, self.cache)
        self.report.bytes_sent += self.endpoint.put_graph(g.name, data) or 0
        self._done(g, "put", g.count, data)

    def _update(self, text: str) -> None:
        self.report.bytes_sent += len(text)
        self.endpoint.update(text)

    def write_manifest(self, local: list[LocalGraph], gone: list[str]) -> None:
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
            ep.update(manifest_update([*self.posted, *stale]))
