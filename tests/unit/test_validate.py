"""`validate` runs each SHACL constraint as SPARQL in the store (issue 16, the service).

It took 16-44 s on 30k triples with no progress: pyshacl on an rdflib copy of the store.
Now the constraints of ontology/shapes.ttl are SPARQL queries in Oxigraph, reporting the
same violations as pyshacl (the reference engine, kept) at least five times faster, with
progress for each check.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import ROOT, SEED_FACTS, TIMED

from graph_builder import Blocgraph, synth
from graph_builder.graph.shacl import compile_shapes, validate

B = "https://w3id.org/blocgraph/ontology#"
ID = "https://w3id.org/blocgraph/id/"
BROKEN = f"""
<{ID}x/c1> a <{B}Chairmanship> ; <{B}chair> <{ID}state/russia> , <{ID}state/belarus> ;
    <{B}startDate> "2024" , "2024-13-01"^^<http://www.w3.org/2001/XMLSchema#date> .
<{ID}x/c2> a <{B}Chairmanship> ; <{B}organization> <{ID}state/russia> ; <{B}chair> "Kazakhstan" .
<{ID}x/ev> a <{B}Evidence> ; <{B}origin> "guessed" , "curated" .
<{ID}x/s> a <{B}Summit> ; <{B}place> "Minsk" , <{ID}state/belarus> ;
    <{B}participant> <{ID}org/csto> .
<{ID}x/p> a <{B}PostHolding> ; <{B}holder> <{ID}state/russia> .
"""


class InMemory:
    """What validate reads of a Store (db, dump), over an in-memory Oxigraph store."""

    def __init__(self, nquads: bytes) -> None:
        self.db = ox.Store()
        self.db.load(nquads, format=ox.RdfFormat.N_QUADS)

    def dump(self, fmt: str) -> bytes:
        assert fmt == "ntriples"
        return ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in self.db),
                            format=ox.RdfFormat.N_TRIPLES)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> InMemory:
    """The seed's curated facts with an overlapping chair added, plus hand-made facts
    breaking every kind of constraint the shapes use."""
    facts = json.loads(SEED_FACTS.read_text("utf-8"))
    facts["chairmanships"].append({"organization": "CSTO", "chair": "Russia",
                                   "start": "2024-06", "end": "2024-09",
                                   "evidence": {"text": "made up"}})
    folder = tmp_path_factory.mktemp("broken")
    (folder / "overlap.json").write_text(json.dumps(facts), "utf-8")
    g = Blocgraph(folder / "store")
    g.build([folder / "overlap.json"], extract=False)
    extra = ox.serialize(ox.parse(BROKEN.encode(), format=ox.RdfFormat.TURTLE),
                         format=ox.RdfFormat.N_TRIPLES)
    return InMemory(g.store.dump("nquads") + extra)


def test_every_shape_compiles_to_sparql() -> None:
    import rdflib

    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    checks = compile_shapes(shapes)
    assert len(checks) >= 15 and any("sparql" in c.label for c in checks)


def test_sparql_engine_reports_what_pyshacl_reports(broken: InMemory) -> None:
    fast = validate(broken)  # type: ignore[arg-type]
    reference = validate(broken, engine="pyshacl")  # type: ignore[arg-type]
    assert fast == reference
    kinds = {(v.focus.rsplit("/", 1)[-1], v.path) for v in fast}
    assert {("c1", "bloc:chair"), ("c1", "bloc:organization"), ("c1", "bloc:startDate"),
            ("c2", "bloc:chair"), ("ev", "bloc:origin"), ("s", "bloc:place"),
            ("s", "bloc:participant"), ("p", "bloc:post"),
            ("c1", "bloc:during/time:hasBeginning")} <= kinds
    overlaps = [v for v in fast if "overlaps" in v.message]
    assert overlaps and all("{?" not in v.message for v in overlaps)
    assert any("/russia" in v.focus and "kazakhstan" in v.message for v in overlaps)


def test_progress_names_each_check(seed_store: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    assert Blocgraph(seed_store).validate(progress=lambda *a: seen.append(a)) == []
    total = seen[0][1]
    assert [s[0] for s in seen] == list(range(total + 1)) and seen[-1][:2] == (total, total)
    assert any("shape:Chairmanship" in s[2] for s in seen)


def test_validate_on_a_terminal_shows_a_progress_bar(seed_store: Path) -> None:
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "graph_builder", "validate", "--store",
                                str(seed_store)], stdout=subprocess.PIPE, stderr=child,
                               cwd=ROOT)
    os.close(child)
    process.wait(120)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert process.returncode == 0
    assert b"validating" in seen and b"check" in seen, seen


@pytest.mark.slow
@TIMED
def test_sparql_engine_is_five_times_faster(tmp_path: Path) -> None:
    synth(tmp_path / "corpus", 10_000, seed=3)
    g = Blocgraph(tmp_path / "store")
    g.build([tmp_path / "corpus"])
    started = time.perf_counter()
    fast = g.validate()
    fast_s = time.perf_counter() - started
    started = time.perf_counter()
    reference = g.validate(engine="pyshacl")
    reference_s = time.perf_counter() - started
    assert fast == reference
    assert fast_s * 5 < reference_s, (fast_s, reference_s)
