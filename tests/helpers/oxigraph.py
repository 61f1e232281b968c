"""`oxigraph serve` (PyPI package `oxigraph`) as a remote endpoint for push and query tests.

Used by tests/service/test_remote.py and benchmarks/bench_push.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph_builder.query.remote import RemoteEndpoint
from helpers import free_port

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)


class OxigraphServer:
    """`oxigraph serve` on a folder; can be killed and started again on the same data."""

    def __init__(self, location: Path) -> None:
        assert OXIGRAPH, "the oxigraph server CLI (PyPI package `oxigraph`) is not installed"
        self.location = location
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        self.proc = subprocess.Popen(
            [
                OXIGRAPH,
                "serve",
                "--location",
                str(self.location),
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.base}/query", params={"query": "ASK {}"}, timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def endpoint(self, *, update: bool = True, gsp: bool = True, **kw) -> RemoteEndpoint:
        return RemoteEndpoint(
            f"{self.base}/query",
            update_url=f"{self.base}/update" if update else None,
            graph_store_url=f"{self.base}/store" if gsp else None,
            **kw,
        )

    def args(self) -> list[str]:
        return [
            "--endpoint", f"{self.base}/query",
            "--update-endpoint", f"{self.base}/update",
            "--graph-store", f"{self.base}/store",
        ]  # fmt: skip
