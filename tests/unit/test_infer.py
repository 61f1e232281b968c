"""graph/infer.py on its own: what the closure adds, where it goes, and what it leaves out.

Each test loads the ontology and a handful of hand-written triples into an in-memory
Oxigraph store and runs the inference the build runs, without extraction or a store
folder. (That both engines agree on a real graph is checked in tests/pipeline.)
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_builder.core.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH
from graph_builder.graph.infer import ENGINES, Inference, is_noise, ontology_quads

BLOC = "https://w3id.org/blocgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
ID = "https://w3id.org/blocgraph/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL = "http://www.w3.org/2002/07/owl#"
INFERRED = ox.NamedNode(INFERRED_GRAPH)
A1 = ox.NamedNode("https://w3id.org/blocgraph/graph/article/a1")
A2 = ox.NamedNode("https://w3id.org/blocgraph/graph/article/a2")


def n(text: str) -> ox.NamedNode:
    if text.startswith(("bloc:", "org:")):
        prefix, local = text.split(":", 1)
        return ox.NamedNode((BLOC if prefix == "bloc" else ORG) + local)
    return ox.NamedNode(text if "://" in text else ID + text)


def stated(*triples: tuple[str, str, str], graph: ox.NamedNode = A1) -> list[ox.Quad]:
    return [ox.Quad(n(s), RDF_TYPE_NODE if p == "a" else n(p), n(o), graph) for s, p, o in triples]


RDF_TYPE_NODE = ox.NamedNode(RDF_TYPE)
ARTICLE = [
    ("state/armenia", "bloc:memberOf", "org/csto"),
    ("org/csto", "a", "bloc:SecurityBloc"),
    ("org/a", "bloc:partOf", "org/b"),
    ("org/b", "bloc:partOf", "org/c"),
]


def closure(quads: list[ox.Quad], engine: str = "fast") -> tuple[ox.Store, set[tuple[str, ...]]]:
    """A store holding the ontology and QUADS after inference, and the inferred triples."""
    db = ox.Store()
    ontology = ontology_quads()
    db.extend(ontology)
    db.extend(quads)
    inference = Inference(ontology, engine)
    inference.stated(quads)
    inference.run(db)
    inferred = {(q.subject.value, q.predicate.value, q.object.value)
                for q in db.quads_for_pattern(None, None, None, INFERRED)}
    return db, inferred


def triple(s: str, p: str, o: str) -> tuple[str, str, str]:
    return (n(s).value, RDF_TYPE if p == "a" else n(p).value, n(o).value)


@pytest.fixture(scope="module")
def fast() -> tuple[ox.Store, set[tuple[str, ...]]]:
    return closure(stated(*ARTICLE))


def test_inverse_sub_property_and_transitive_rules_fire(fast) -> None:
    _db, inferred = fast
    assert triple("org/csto", "bloc:hasMember", "state/armenia") in inferred  # inverseOf
    assert triple("state/armenia", "org:memberOf", "org/csto") in inferred  # subPropertyOf
    assert triple("org/csto", "org:hasMember", "state/armenia") in inferred
    assert triple("org/a", "bloc:partOf", "org/c") in inferred  # transitive
    assert triple("org/c", "bloc:hasPart", "org/a") in inferred


def test_classes_climb_the_subclass_tree(fast) -> None:
    _db, inferred = fast
    for cls in ("bloc:Organization", "bloc:Agent", "org:FormalOrganization"):
        assert triple("org/csto", "a", cls) in inferred, cls


def test_asserted_graphs_are_untouched_and_nothing_is_inferred_twice(fast) -> None:
    db, inferred = fast
    assert {q for q in db.quads_for_pattern(None, None, None, A1)} == set(stated(*ARTICLE))
    asserted = {(q.subject.value, q.predicate.value, q.object.value)
                for g in (A1, ox.NamedNode(ONTOLOGY_GRAPH))
                for q in db.quads_for_pattern(None, None, None, g)}
    assert not inferred & asserted


def test_noise_is_left_out(fast) -> None:
    _db, inferred = fast
    assert not any(p == OWL + "sameAs" and s == o for s, p, o in inferred)
    assert not any(p == RDF_TYPE and o == OWL + "Thing" for _s, p, o in inferred)
    assert not any(s.startswith(OWL) for s, _p, _o in inferred)  # nothing about OWL itself
    assert is_noise(n("org/csto"), ox.NamedNode(OWL + "sameAs"), n("org/csto"))
    assert is_noise(ox.Literal("x"), RDF_TYPE_NODE, n("bloc:State"))
    assert not is_noise(n("org/csto"), n("bloc:hasMember"), n("state/armenia"))


def test_the_succession_rule_links_both_ways() -> None:
    _db, inferred = closure(stated(
        ("chairmanship/csto/2023/belarus", "bloc:handedOverTo", "chairmanship/csto/2024/kz")))
    assert triple("chairmanship/csto/2024/kz", "bloc:tookOverFrom",
                  "chairmanship/csto/2023/belarus") in inferred


def test_an_added_graph_infers_what_a_full_run_would() -> None:
    more = stated(("state/belarus", "bloc:memberOf", "org/csto"), graph=A2)
    db, _ = closure(stated(*ARTICLE))
    ontology = ontology_quads()
    db.extend(more)
    inference = Inference(ontology)
    inference.stated(more)
    report = inference.run(db, [A2.value])
    assert report.incremental
    step = {(q.subject.value, q.predicate.value, q.object.value)
            for q in db.quads_for_pattern(None, None, None, INFERRED)}
    _full_db, full = closure(stated(*ARTICLE) + more)
    assert step == full
    assert triple("org/csto", "bloc:hasMember", "state/belarus") in step


def test_unknown_engine_is_refused() -> None:
    assert ENGINES == ("fast", "owlrl")
    with pytest.raises(ValueError, match="unknown inference engine 'magic'"):
        Inference(ontology_quads(), "magic")
