"""What the real SPARQL servers the tests start share: their three URLs and how to stop them.

Oxigraph and Virtuoso lay out query, update and graph-store endpoints differently; each
subclass names its paths, and the endpoint, the CLI options, kill() and the endpoint that
kills the server mid-push are written once; so is the synthetic store both push tests send.
"""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph_builder.graph.store import Store
from graph_builder.query.remote import RemoteEndpoint


def synthetic_store(root: Path, graphs: dict[str, int]) -> Store:
    """A store holding `graphs` (name -> number of triples) of plain, blank-free triples."""
    store = Store(root)
    p = ox.NamedNode("https://w3id.org/blocgraph/ontology#synthetic")
    with store.transaction(fresh=True) as (db, _meta):
        for graph, n in graphs.items():
            db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:synthetic:{i}"), p, ox.Literal(i),
                                   ox.NamedNode(graph)) for i in range(n))  # fmt: skip
    return store


class TripleServer:
    base: str
    proc: subprocess.Popen | None
    QUERY_PATH = "/query"
    UPDATE_PATH = "/update"
    STORE_PATH = "/store"

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def endpoint(self, *, update: bool = True, gsp: bool = True, **kw) -> RemoteEndpoint:
        return RemoteEndpoint(
            self.base + self.QUERY_PATH,
            update_url=self.base + self.UPDATE_PATH if update else None,
            graph_store_url=self.base + self.STORE_PATH if gsp else None,
            **kw,
        )

    def killing_endpoint(self, at_post: int = 3, **kw: Any) -> RemoteEndpoint:
        """An endpoint on this server that stops the server during its `at_post`-th graph
        store POST (a chunk of a staged graph), to test what an interrupted push leaves."""
        server, posts = self, 0

        class Killing(RemoteEndpoint):
            def post_graph(self, graph: str, body: bytes) -> int:
                nonlocal posts
                posts += 1
                if posts == at_post:
                    threading.Timer(0.02, server.kill).start()
                return super().post_graph(graph, body)

        return Killing(self.base + self.QUERY_PATH, self.base + self.UPDATE_PATH,
                       self.base + self.STORE_PATH, **kw)  # fmt: skip

    def args(self) -> list[str]:
        return [
            "--endpoint", self.base + self.QUERY_PATH,
            "--update-endpoint", self.base + self.UPDATE_PATH,
            "--graph-store", self.base + self.STORE_PATH,
        ]  # fmt: skip
