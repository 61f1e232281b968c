"""What the real SPARQL servers the tests start share: their three URLs and how to stop them.

Oxigraph and Virtuoso lay out query, update and graph-store endpoints differently; each
subclass names its paths, and the endpoint, the CLI options and kill() are written once.
"""

from __future__ import annotations

import subprocess

from graph_builder.query.remote import RemoteEndpoint


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

    def args(self) -> list[str]:
        return [
            "--endpoint", self.base + self.QUERY_PATH,
            "--update-endpoint", self.base + self.UPDATE_PATH,
            "--graph-store", self.base + self.STORE_PATH,
        ]  # fmt: skip
