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
lets a transient failure be retried and an interrupted push simply be run again.
This module decides what to send; what push knows of both sides (hashes, the manifest,
copies to diff against) is query/manifest.py, the requests query/sender.py, and how a
request reaches the server (retries, credentials, one-line faults) query/remote.py.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from graph_builder.core.errors import BlocgraphError, RemoteError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.query.manifest import Cache, forget_kept, hash_graphs, read_manifest
from graph_builder.query.remote import (
    MANIFEST_GRAPH,
    STAGING_NS,
    RemoteEndpoint,
    internal_graph,
    redact,
)
from graph_builder.query.sender import DIFF_MIN, Sender, chunks, staging_graph


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


@dataclass(frozen=True)
class PushOptions:
    """How a push goes, with the defaults `push` and `Blocgraph.push` both take.

    chunk_size: triples in one request (graphs are grouped up to it, larger changes are
    staged; Oxigraph commits fewer, larger requests faster); dry_run: only list what
    could be sent; progress: a bar on stderr; prune: remove blocgraph graphs the local
    store no longer has; full: send every graph whole, whatever the manifest says."""

    chunk_size: int = 250_000
    dry_run: bool = False
    progress: bool = False
    prune: bool = True
    full: bool = False


def push(store: Any, endpoint: RemoteEndpoint, **options: Any) -> PushReport:
    """Make the server's blocgraph graphs the local store's, sending only what changed.

    `options` are PushOptions' fields. With an update endpoint every graph is old or new
    on the server at any moment (see the module's docstring). With only a graph store,
    each changed graph is one PUT, as atomic as the server makes PUT.
    """
    opts = PushOptions(**options)
    chunk_size, dry_run, progress, prune, full = (
        opts.chunk_size, opts.dry_run, opts.progress, opts.prune, opts.full)
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
    cache = Cache(store)
    if endpoint.graph_store_url:
        endpoint.probe()  # the first request writes, so a write fault names the write URL
    remote = set(endpoint.named_graphs())
    manifest = read_manifest(endpoint) if MANIFEST_GRAPH in remote else {}
    # A graph the server lacks is sent whatever its hash, so its hash is computed from
    # what is sent, while the previous request is on its way; the others' now.
    local = hash_graphs(store, names, cache, now={g for g in names if g in remote})
    report = PushReport(mode=mode, graphs=[(g.name, g.count) for g in local])
    todo = [g for g in local
            if full or g.name not in remote or manifest.get(g.name) != g.sha256]  # fmt: skip
    bar = _bar(sum(g.count for g in todo), progress)
    sender = Sender(store, endpoint, chunk_size, report, cache, manifest, bar)
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
        forget_kept()
    report.seconds = time.perf_counter() - start
    _verify(endpoint, report.graphs)
    if any(cache.hashes.get(g.name, [0, ""])[1] != g.sha256 for g in local) or (
            len(cache.hashes) != len(local)):
        cache.save_hashes(local)
    cache.forget_sent_except({g.sha256 for g in local})
    return report


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


__all__ = ["DIFF_MIN", "PushInterrupted", "PushOptions", "PushReport", "chunks",
           "internal_graph", "push", "staging_graph"]
