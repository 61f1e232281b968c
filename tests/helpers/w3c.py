"""Where the W3C SPARQL 1.1 Protocol test manifest is found.

$BLOCGRAPH_W3C_PROTOCOL (a folder holding manifest.ttl and its data files) when set, else
the copy kept in tests/data/w3c-protocol (see its SOURCE.md: no registry package carries
the edition with the HTTP exchanges, so the clone carries it). `exchanges()` says whether
the manifest found spells out the requests, so the test can say why it skips instead of
passing on nothing when pointed at the older edition.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import rdflib

from helpers import ROOT

KEPT = ROOT / "tests" / "data" / "w3c-protocol"
HT = rdflib.Namespace("http://www.w3.org/2011/http#")


@functools.cache
def protocol_suite() -> Path | None:
    """The folder of manifest.ttl (see the module's docstring for the order); None if none."""
    for folder in (os.environ.get("BLOCGRAPH_W3C_PROTOCOL"), KEPT):
        if folder and (Path(folder) / "manifest.ttl").is_file():
            return Path(folder)
    return None


def exchanges(graph: rdflib.Graph) -> bool:
    """True when the manifest spells out each test's HTTP requests (the current edition)."""
    return next(graph.subjects(HT.requests, None), None) is not None
