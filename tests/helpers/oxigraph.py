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

from helpers import free_port
from helpers.triple_server import TripleServer

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
    "oxigraph"
)


class OxigraphServer(TripleServer):
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
