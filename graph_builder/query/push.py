"""Push: make a remote store's blocgraph graphs the local store's, one graph at a time.

Each graph is replaced as a whole: its new triples go into a staging graph first and
one SPARQL Update `MOVE` puts them in place, a single request that transactional
servers (Oxigraph, Fuseki TDB2, GraphDB) apply all or nothing. Every request is safe
to repeat (PUT, set-semantics POST of ground triples, MOVE), which is what lets a
transient failure be retried and an interrupted push simply be run again. How a
request reaches the server (retries, credentials, one-line faults) is query/remote.py.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError, RemoteError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.query.remote import STAGING_NS, RemoteEndpoint, redact


@dataclass
class PushReport:
    mode: str
    graphs: list[tuple[str, int]]
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)


def staging_graph(graph: str) -> str:
    """Where a graph's new triples wait before one MOVE puts them in place.

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


def push(
    store: Any,
    endpoint: RemoteEndpoint,
    *,
    chunk_size: int = 50_000,
    dry_run: bool = False,
    progress: bool = False,
    prune: bool = True,
) -> PushReport:
    """Make the server's blocgraph graphs the local store's, one graph at a time.

    With an update endpoint every graph is staged and then moved into place in one
    update (old or new, never half). With only a graph store, each graph is one PUT,
    as atomic as the server makes PUT; graphs larger than one chunk then go as one
    streamed PUT rather than several requests, for the same reason.
    """
    if chunk_size < 1:
        raise BlocgraphError("--chunk-size must be at least 1")
    graphs = [(g, store.count(g)) for g in store.named_graphs()]
    if endpoint.update_url and endpoint.graph_store_url:
        mode = "graph store + update (staged, MOVE)"
    elif endpoint.update_url:
        mode = "update only (INSERT DATA, MOVE)"
    elif endpoint.graph_store_url:
        mode = "graph store only (PUT)"
    else:
        raise BlocgraphError(
            "push needs somewhere to write: --graph-store URL and/or --update-endpoint URL "
            f"(for Oxigraph server at {_origin(endpoint.query_url)}: --graph-store "
            f"{_origin(endpoint.query_url)}/store --update-endpoint "
            f"{_origin(endpoint.query_url)}/update)"
        )
    report = PushReport(mode=mode, graphs=graphs)
    if dry_run:
        return report
    start = time.perf_counter()
    bar = _bar(sum(n for _, n in graphs), progress)
    try:
        for graph, _ in graphs:
            triples = [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in store.db.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            ]
            _push_graph(endpoint, graph, triples, chunk_size, bar)
        if prune:
            local = {g for g, _ in graphs}
            for graph in endpoint.named_graphs():
                if graph.startswith(GRAPH_NS) and graph not in local:
                    endpoint.delete_graph(graph)
                    if not graph.startswith(STAGING_NS):
                        report.removed.append(graph)
    finally:
        bar.close()
    report.seconds = time.perf_counter() - start
    _verify(endpoint, graphs)
    return report


def _push_graph(
    endpoint: RemoteEndpoint, graph: str, triples: list[ox.Triple], size: int, bar: Any
) -> None:
    batches = chunks(triples, size)
    if endpoint.update_url:
        staging = staging_graph(graph)
        for i, batch in enumerate(batches):
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            if endpoint.graph_store_url:
                (endpoint.put_graph if i == 0 else endpoint.post_graph)(staging, body)
            else:
                insert = f"INSERT DATA {{ GRAPH <{staging}> {{\n{body.decode()}}} }}"
                if i == 0:
                    insert = f"DROP SILENT GRAPH <{staging}> ;\n" + insert
                endpoint.update(insert)
            bar.update(len(batch))
        endpoint.update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>")
        return

    def body() -> Iterable[bytes]:
        for batch in batches:
            yield ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            bar.update(len(batch))

    endpoint.put_graph(graph, b"".join(body()) if len(batches) == 1 else body)


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
