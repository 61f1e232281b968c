"""OWL 2 RL by owlrl, the reference engine, and what counts as noise in its closure.

owlrl derives things no user asks for (`x owl:sameAs x`, facts about literals, about
owl:Thing and the built-in vocabularies); `is_noise` says which, for both engines. The
reference engine runs owlrl over the asserted graphs plus the ontology in rdflib: correct
and slow (minutes at 100k triples). The fast engine (graph/closure.py) uses owlrl only on
the ontology.
"""

from __future__ import annotations

import owlrl
import pyoxigraph as ox
import rdflib
from rdflib import BNode
from rdflib import Literal as RLiteral

from graph_builder.core.vocab import OWL, RDF, RDFS, XSD

_BUILTIN = (RDF, RDFS, OWL, XSD)
_REFLEXIVE_NOISE = {
    OWL + "sameAs",
    OWL + "equivalentClass",
    OWL + "equivalentProperty",
    RDFS + "subClassOf",
    RDFS + "subPropertyOf",
}
TYPE_NOISE = {RDFS + "Resource", OWL + "Thing", RDFS + "Class", OWL + "Class"}


def is_noise(s: object, p: object, o: object) -> bool:
    """An entailment about nothing the user modelled: axiomatic, reflexive or about literals."""
    if isinstance(s, RLiteral | BNode | ox.Literal | ox.BlankNode):
        return True
    if isinstance(o, BNode | ox.BlankNode):
        return True
    s_text = s.value if isinstance(s, ox.NamedNode) else str(s)
    p_text = p.value if isinstance(p, ox.NamedNode) else str(p)
    o_text = o.value if isinstance(o, ox.NamedNode) else str(o)
    if s_text.startswith(_BUILTIN):
        return True
    if p_text in _REFLEXIVE_NOISE and s_text == o_text:
        return True
    return p_text == RDF + "type" and o_text in TYPE_NOISE


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


def rdflib_to_quads(triples: set[tuple], graph: ox.NamedNode) -> list[ox.Quad]:
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    data = g.serialize(format="nt", encoding="utf-8")
    return [
        ox.Quad(t.subject, t.predicate, t.object, graph)
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]


def owlrl_engine(db: ox.Store, inferred: ox.NamedNode) -> None:
    sources = [g for g in db.named_graphs() if g != inferred]
    new = owlrl_closure(_to_rdflib(db, sources))
    db.extend(rdflib_to_quads(new, inferred))
