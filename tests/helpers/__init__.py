"""What several test files share: the repository's paths, the seed, ports and servers.

Test files never import each other; what two of them need lives here (plain functions and
classes) or in tests/conftest.py (fixtures). `tests/` is on the import path (pyproject's
`pythonpath`), so a test says `from helpers import serve`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import pytest

from graph_builder import headless

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
SEED_ID = "000_eab27d500f391317"
SEED_ARTICLE = ROOT / "data" / "articles" / f"{SEED_ID}.txt"
SEED_FACTS = TESTS / "fixtures" / f"{SEED_ID}.facts.json"  # curated facts of the seed
SEED_GOLD = TESTS / "gold" / f"{SEED_ID}.gold.json"
CLI = [sys.executable, "-m", "graph_builder"]
# A cross product of five triple patterns: runs for minutes on any store, to be stopped.
RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Tests that assert on wall-clock time, latency or memory, or that load the whole machine
# (32 clients): one xdist group, so under `pytest -n 2 --dist loadgroup` (make test) they run
# one after another on one worker and never measure each other.
TIMED = pytest.mark.xdist_group("timed")


def missing(what: str) -> NoReturn:
    """A test cannot run because a tool or reference file is absent: skip, or fail in CI.

    A newcomer's machine may lack Chromium or the GEXF schemas, and the suite should still
    pass there with one visible line per gap; CI promises them, so there a gap is a failure.
    """
    if IN_CI:
        pytest.fail(f"CI=true but {what}", pytrace=False)
    pytest.skip(what)


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    return headless.free_port()


def read_until_closed(sock: socket.socket) -> bytes:
    """All a server sends on SOCK until it closes, resets, or the socket's timeout passes:
    how the raw-socket tests read an answer whose framing they are checking."""
    out = b""
    try:
        while chunk := sock.recv(65536):
            out += chunk
    except (TimeoutError, ConnectionResetError):
        pass
    return out


def run_cli(*args: str | Path, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`blocgraph ARGS` in a subprocess from the repository root, output captured."""
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout, env=env)


def build_seed(store: Path, *, extract: bool = True) -> Path:
    """The seed store at STORE: from data/ through extraction, or from its curated facts."""
    from graph_builder import Blocgraph

    if extract:
        Blocgraph(store).build([ROOT / "data"])
    else:
        Blocgraph(store).build([SEED_FACTS], extract=False)
    return store


def chair_facts(path: Path, article: str, chair: str = "Kazakhstan", year: str = "2024") -> Path:
    """A facts file at PATH for ARTICLE stating one CSTO chair for YEAR: the smallest input
    a build takes without extraction, so a test can tell its rows apart by chair."""
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "article": article, "published": f"{year}-01-01",
        "chairmanships": [{"organization": "CSTO", "chair": chair, "start": year, "end": year}],
    }), "utf-8")
    return path


def copy_store(store: Path, to: Path) -> Path:
    """A private copy of a shared store, for a test that writes to it."""
    shutil.copytree(store, to, symlinks=True)
    return to


class Server:
    """A running `blocgraph serve` subprocess and its URLs."""

    def __init__(self, process: subprocess.Popen, url: str) -> None:
        self.process = process
        self.url = url
        self.sparql = url + "sparql"

    def children(self) -> set[int]:
        """Worker process ids (children of the server process)."""
        pid = self.process.pid
        found = set()
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            found.update(int(p) for p in text)
        return found


@contextmanager
def serve(store: Path, *options: str) -> Iterator[Server]:
    """The real `blocgraph serve` in a subprocess, once it answers: graph_builder.headless's
    serving (which `make docs` uses too), its output kept for the test to read."""
    with headless.serving(store, *options) as (process, url):
        yield Server(process, url)
