"""Where the W3C SPARQL 1.1 Protocol test manifest is found, fetching it once if need be.

Looked up in order: $BLOCGRAPH_W3C_PROTOCOL (a folder holding manifest.ttl and its data
files), ../shared/sparql-protocol/w3c beside the clone, then the copy inside rdflib's
source distribution on PyPI (the installed rdflib's version), downloaded with pip into
.cache/ at the repository root on first use and kept there.

rdflib's copy is the older edition of the manifest: it names the 34 tests but carries
neither their HTTP exchanges nor the data files, so the replay can only run from the
first two places. `exchanges()` says which kind was found, so the test can say why it
skips instead of passing on nothing.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import rdflib

from helpers import ROOT

CACHE = ROOT / ".cache"
IN_SDIST = "test/data/suites/w3c/sparql11/protocol"
HT = rdflib.Namespace("http://www.w3.org/2011/http#")


def _from_pypi() -> Path | None:
    """rdflib's sdist copy of the manifest folder, downloaded once; None when pip cannot."""
    version = rdflib.__version__
    folder = CACHE / f"rdflib-{version}" / IN_SDIST
    if (folder / "manifest.ttl").is_file():
        return folder
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as work:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "--retries", "1", "--timeout", "20",
             f"rdflib=={version}", "-d", work],
            capture_output=True, text=True, timeout=300,
        )
        archives = list(Path(work).glob(f"rdflib-{version}.tar.gz"))
        if done.returncode != 0 or not archives:
            return None
        prefix = f"rdflib-{version}/{IN_SDIST}/"
        with tarfile.open(archives[0]) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(prefix) and m.isfile()]
            # the members are plain files under one known prefix; the data filter (3.11.4+)
            # is a second guard where this Python has it
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(work, members=members, **safe)
        # Rename into place last, so a half-done download is never taken for the cache.
        (CACHE / f"rdflib-{version}").mkdir(exist_ok=True)
        target = CACHE / f"rdflib-{version}" / "test"
        if not target.exists():
            os.replace(Path(work) / f"rdflib-{version}" / "test", target)
    return folder if (folder / "manifest.ttl").is_file() else None


@functools.cache
def protocol_suite() -> Path | None:
    """The folder of manifest.ttl (see the module's docstring for the order); None if none."""
    for folder in (os.environ.get("BLOCGRAPH_W3C_PROTOCOL"),
                   ROOT.parent / "shared" / "sparql-protocol" / "w3c"):
        if folder and (Path(folder) / "manifest.ttl").is_file():
            return Path(folder)
    return _from_pypi()


def exchanges(graph: rdflib.Graph) -> bool:
    """True when the manifest spells out each test's HTTP requests (the current edition)."""
    return next(graph.subjects(HT.requests, None), None) is not None
