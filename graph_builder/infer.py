"""What follows from the asserted graphs: OWL 2 RL closure, then the SPARQL rules.

The closure is computed by owlrl (the reference implementation of OWL 2 RL on rdflib)
over the asserted article graphs, the reference graph and the ontology, and only what
is new goes into the inferred graph, so asserted and inferred stay apart. owlrl also
derives things no user asks for (`x owl:sameAs x`, facts about literals, about owl:Thing
and the built-in vocabularies); those are dropped here. The rules in `queries/rules/`
(succession of chairs) run after the closure and write into the same inferred graph.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import owlrl
import pyoxigraph as ox
import rdflib
from rdflib import BNode
from rdflib import Literal as RLiteral

from .resources import ontology_file, queries_dir
from .vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, OWL, RDF, RDFS, XSD

_BUILTIN = (RDF, RDFS, OWL, XSD)
_REFLEXIVE_NOISE = {
    OWL + "sameAs",
    OWL + "equivalentClass",
    OWL + "equivalentProperty",
    RDFS + "subClassOf",
    RDFS + "subPropertyOf",
}
_TYPE_NOISE = {RDFS + "Resource", OWL + "Thing", RDFS + "Class", OWL + "Class"}


@dataclass
class InferenceReport:
    engine: str
    asserted: int
    inferred: int
    rules: int
    seconds: float


def ontology_quads() -> list[ox.Quad]:
    """The ontology file as quads of its own named graph."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    path = ontology_file()
    with open(path, "rb") as handle:
        triples = ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=path.as_uri())
        return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def is_noise(s: object, p: object, o: object) -> bool:
    """An entailment about nothing the user modelled: axiomatic, reflexive or about literals."""
    if isinstance(s, RLiteral) or isinstance(s, BNode) or isinstance(o, BNode):
        return True
    if str(s).startswith(_BUILTIN):
        return True
    if str(p) in _REFLEXIVE_NOISE and s == o:
        return True
    if str(p) == RDF + "type" and str(o) in _TYPE_NOISE:
        return True
    return False


def _to_rdflib(db: ox.Store, graphs: list[ox.NamedNode]) -> rdflib.Graph:
    graph = rdflib.Graph()
    data = ox.serialize(
        (
            ox.Triple(q.subject, q.predicate, q.object)
            for g in graphs
            for q in db.quads_for_pattern(None, None, None, g)
        ),
        format=ox.RdfFormat.N_TRIPLES,
    )
    graph.parse(data=data, format="nt")
    return graph


def owlrl_closure(graph: rdflib.Graph) -> set[tuple]:
    """New triples of the OWL 2 RL closure of `graph`, noise removed (owlrl, the reference)."""
    before = set(graph)
    closed = rdflib.Graph()
    for triple in before:
        closed.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(closed)
    return {t for t in closed if t not in before and not is_noise(*t)}


def _from_rdflib_nt(triples: set[tuple], graph: ox.NamedNode) -> list[ox.Quad]:
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    data = g.serialize(format="nt", encoding="utf-8")
    return [
        ox.Quad(t.subject, t.predicate, t.object, graph)
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]


def rule_files() -> list[Path]:
    return sorted((queries_dir() / "rules").glob("*.rq"))


def run_rules(db: ox.Store) -> int:
    """Run each CONSTRUCT rule over everything and add what is new to the inferred graph."""
    inferred = ox.NamedNode(INFERRED_GRAPH)
    added = 0
    for path in rule_files():
        new = [
            ox.Quad(t.subject, t.predicate, t.object, inferred)
            for t in db.query(path.read_text("utf-8"), use_default_graph_as_union=True)
        ]
        fresh = [
            q
            for q in new
            if not any(True for _ in db.quads_for_pattern(q.subject, q.predicate, q.object, None))
        ]
        db.extend(fresh)
        added += len(fresh)
    return added


def materialise(db: ox.Store) -> InferenceReport:
    """Recompute the inferred graph of a writable store from its asserted graphs."""
    started = time.perf_counter()
    inferred = ox.NamedNode(INFERRED_GRAPH)
    db.remove_graph(inferred)
    sources = [g for g in db.named_graphs() if g != inferred]
    graph = _to_rdflib(db, sources)
    new = owlrl_closure(graph)
    db.add_graph(inferred)
    db.extend(_from_rdflib_nt(new, inferred))
    rules = run_rules(db)
    return InferenceReport(
        engine="owlrl",
        asserted=len(graph),
        inferred=len(new) + rules,
        rules=rules,
        seconds=time.perf_counter() - started,
    )
