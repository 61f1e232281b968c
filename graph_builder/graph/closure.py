"""The fast OWL 2 RL engine: the closed ontology as lookup tables, run over data in memory.

The ontology's own entailments (its T-box closure) come from owlrl run over the ontology
alone, a few hundred triples, cached in the store's metadata. The OWL 2 RL rules that
touch data (cax-sco, prp-spo1, prp-inv, prp-symp, prp-trp, prp-dom, prp-rng, cls-hv1,
prp-fp) are read from that closed T-box as lookup tables and run to a fixpoint in memory
over the triples they can touch (`Closure`); a triple already stored in any graph is not
derived again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
import rdflib

from graph_builder.core.vocab import INFERRED_GRAPH, OWL, RDF
from graph_builder.graph.owl import TYPE_NOISE, is_noise, owlrl_closure, rdflib_to_quads


@dataclass
class TBox:
    """The closed ontology, as the pairs each data rule needs."""

    closure: list[ox.Quad]
    superclasses: list[tuple[str, str]]
    superproperties: list[tuple[str, str]]
    inverses: list[tuple[str, str]]
    domains: list[tuple[str, str]]
    ranges: list[tuple[str, str]]
    has_values: list[tuple[str, str, str]]
    transitive: list[str]
    functional: list[str]

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "closure"}
        closure = (ox.Triple(q.subject, q.predicate, q.object) for q in self.closure)
        out["closure"] = ox.serialize(closure, format=ox.RdfFormat.N_TRIPLES).decode()
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TBox:
        graph = ox.NamedNode(INFERRED_GRAPH)
        closure = [
            ox.Quad(t.subject, t.predicate, t.object, graph)
            for t in ox.parse(data["closure"].encode(), format=ox.RdfFormat.N_TRIPLES)
        ]
        pairs = {
            k: [tuple(x) if isinstance(x, list) else x for x in v]
            for k, v in data.items()
            if k != "closure"
        }
        return cls(closure=closure, **pairs)


def ontology_fingerprint(ontology: list[ox.Quad]) -> str:
    """What identifies an ontology's content: the build's change check and the T-box cache."""
    return hashlib.sha256("\n".join(sorted(str(q) for q in ontology)).encode()).hexdigest()


_TBOXES: dict[str, TBox] = {}


def tbox(ontology: list[ox.Quad], cache: dict[str, Any] | None = None) -> TBox:
    """owlrl over the ontology alone, then the pairs of each data rule read from the result.

    Kept per ontology fingerprint in this process and in `cache` (the store's build
    metadata), so a build that adds one article does not run owlrl again.
    """
    key = ontology_fingerprint(ontology)
    if cache is not None and cache.get("key") == key:
        return TBox.from_json(cache["tbox"])
    if key not in _TBOXES:
        _TBOXES[key] = _tbox(ontology)
    result = _TBOXES[key]
    if cache is not None:
        cache.clear()
        cache.update(key=key, tbox=result.to_json())
    return result


def _tbox(ontology: list[ox.Quad]) -> TBox:
    graph = rdflib.Graph()
    graph.parse(
        data=ox.serialize(
            (ox.Triple(q.subject, q.predicate, q.object) for q in ontology),
            format=ox.RdfFormat.N_TRIPLES,
        ),
        format="nt",
    )
    entailed = owlrl_closure(graph)
    closure = rdflib_to_quads(entailed, ox.NamedNode(INFERRED_GRAPH))
    for t in entailed:
        graph.add(t)
    R, OW = rdflib.RDF, rdflib.OWL  # noqa: N806

    def named(*terms: object) -> bool:
        return all(isinstance(t, rdflib.URIRef) and not is_noise(t, R.type, t) for t in terms)

    def pairs(predicate: rdflib.URIRef) -> list[tuple[str, str]]:
        return sorted(
            (str(s), str(o))
            for s, o in graph.subject_objects(predicate)
            if named(s, o) and s != o and str(o) not in TYPE_NOISE
        )

    sup_classes = set(pairs(rdflib.RDFS.subClassOf))
    for a, b in pairs(OW.equivalentClass):
        sup_classes |= {(a, b), (b, a)}
    sup_props = set(pairs(rdflib.RDFS.subPropertyOf))
    for a, b in pairs(OW.equivalentProperty):
        sup_props |= {(a, b), (b, a)}
    inverses = set()
    for a, b in pairs(OW.inverseOf):
        inverses |= {(a, b), (b, a)}
    for p in graph.subjects(R.type, OW.SymmetricProperty):
        if named(p):
            inverses.add((str(p), str(p)))
    has_values = []
    for cls, restriction in graph.subject_objects(rdflib.RDFS.subClassOf):
        prop = graph.value(restriction, OW.onProperty)
        value = graph.value(restriction, OW.hasValue)
        if named(cls) and prop is not None and isinstance(value, rdflib.URIRef):
            has_values.append((str(cls), str(prop), str(value)))
    return TBox(
        closure=closure,
        superclasses=sorted(sup_classes),
        superproperties=sorted(sup_props),
        inverses=sorted(inverses),
        domains=pairs(rdflib.RDFS.domain),
        ranges=pairs(rdflib.RDFS.range),
        has_values=sorted(has_values),
        transitive=sorted(str(p) for p in graph.subjects(R.type, OW.TransitiveProperty)),
        functional=sorted(str(p) for p in graph.subjects(R.type, OW.FunctionalProperty)),
    )


def stored_anywhere(db: ox.Store, s: object, p: object, o: object) -> bool:
    """Whether some graph of the store holds the triple: what an inferred triple must not repeat."""
    return any(True for _ in db.quads_for_pattern(s, p, o))


class Closure:
    """The OWL 2 RL data rules of a closed T-box, run to a fixpoint in memory.

    Only the triples the rules can read or write are loaded (rdf:type and the properties
    the T-box says something about), indexed by term, and each new triple is pushed
    through every rule once (a worklist: semi-naive evaluation with a delta of one).
    Hash lookups on terms are what makes this fast: the rules are single joins on a
    bound term, which a SPARQL engine runs as scans of the whole store each round.
    """

    def __init__(self, t: TBox, store: ox.Store | None = None) -> None:
        def index(pairs: Iterable[tuple[str, str]]) -> dict[ox.NamedNode, list[ox.NamedNode]]:
            out: dict[ox.NamedNode, list[ox.NamedNode]] = {}
            for key, value in pairs:
                out.setdefault(ox.NamedNode(key), []).append(ox.NamedNode(value))
            return out

        self._type = ox.NamedNode(RDF + "type")
        self._same = ox.NamedNode(OWL + "sameAs")
        self._superclasses = index(t.superclasses)
        self._has_values: dict[ox.NamedNode, list[tuple[ox.NamedNode, ox.NamedNode]]] = {}
        for c, p, v in t.has_values:
            self._has_values.setdefault(ox.NamedNode(c), []).append(
                (ox.NamedNode(p), ox.NamedNode(v))
            )
        self._superproperties = index(t.superproperties)
        self._inverses = index(t.inverses)
        self._domains = index(t.domains)
        self._ranges = index(t.ranges)
        self._transitive = {ox.NamedNode(p) for p in t.transitive}
        self._functional = {ox.NamedNode(p) for p in t.functional}
        heads = {self._type, self._same, *self._transitive}
        heads.update(q for qs in self._superproperties.values() for q in qs)
        heads.update(q for qs in self._inverses.values() for q in qs)
        heads.update(p for pvs in self._has_values.values() for p, _ in pvs)
        bodies = {self._type, *self._superproperties, *self._inverses, *self._domains}
        bodies.update(self._ranges, self._transitive, self._functional)
        self.predicates = heads | bodies
        self._known: set[tuple] = set()
        self._out: dict[tuple, set] = {}
        self._in: dict[tuple, set] = {}
        self._queue: list[tuple] = []
        self._done: set[tuple] = set()
        # With a store, what is not in memory is looked up there (incremental builds);
        # without, `state` must have been given every stored triple the rules touch.
        self.store = store
        self.new: list[tuple] = []

    def state(self, quads: Iterable[ox.Quad]) -> None:
        """Stored triples: known from now on, and queued for the rules."""
        predicates, known = self.predicates, self._known
        for q in quads:
            if q.predicate in predicates:
                triple = (q.subject, q.predicate, q.object)
                if triple not in known:
                    self._remember(triple)
                    self._queue.append(triple)

    def _stored(self, triple: tuple) -> bool:
        if triple in self._known:
            return True
        if self.store is None:
            return False
        if stored_anywhere(self.store, *triple):
            self._known.add(triple)
            return True
        return False

    def _objects(self, p: ox.NamedNode, s: object) -> set:
        out = self._out.get((p, s), set())
        if self.store is not None and isinstance(s, ox.NamedNode | ox.BlankNode):
            out = out | {q.object for q in self.store.quads_for_pattern(s, p, None)}
        return out

    def _subjects(self, p: ox.NamedNode, o: object) -> set:
        out = self._in.get((p, o), set())
        if self.store is not None:
            out = out | {q.subject for q in self.store.quads_for_pattern(None, p, o)}
        return out

    def _remember(self, triple: tuple) -> None:
        self._known.add(triple)
        s, p, o = triple
        if p in self._transitive or p in self._functional:
            self._out.setdefault((p, s), set()).add(o)
            self._in.setdefault((p, o), set()).add(s)

    def add(self, triples: Iterable[tuple]) -> None:
        """Triples concluded elsewhere (the SPARQL rules), to take their consequences."""
        for triple in triples:
            if triple not in self._known:
                self._remember(triple)
            self._queue.append(triple)

    def _emit(self, triple: tuple) -> None:
        if not self._stored(triple):
            self._remember(triple)
            self.new.append(triple)
            self._queue.append(triple)

    def run(self) -> int:
        """Apply the rules until nothing new follows; returns how many triples were new."""
        before = len(self.new)
        emit, queue, rdf_type = self._emit, self._queue, self._type
        done = self._done
        while queue:
            triple = queue.pop()
            if triple in done:
                continue
            done.add(triple)
            s, p, o = triple
            literal = isinstance(o, ox.Literal)
            if p == rdf_type:
                for d in self._superclasses.get(o, ()):  # cax-sco, cax-eqc
                    emit((s, rdf_type, d))
                for q, v in self._has_values.get(o, ()):  # cls-hv1
                    emit((s, q, v))
            for q in self._superproperties.get(p, ()):  # prp-spo1, prp-eqp
                emit((s, q, o))
            for c in self._domains.get(p, ()):  # prp-dom
                emit((s, rdf_type, c))
            if not literal:
                for q in self._inverses.get(p, ()):  # prp-inv1/2, prp-symp
                    emit((o, q, s))
                for c in self._ranges.get(p, ()):  # prp-rng
                    emit((o, rdf_type, c))
            if p in self._transitive:  # prp-trp, the new triple on either side
                for z in self._objects(p, o):
                    if z != s:
                        emit((s, p, z))
                for x in self._subjects(p, s):
                    if x != o:
                        emit((x, p, o))
            if p in self._functional and isinstance(o, ox.NamedNode):  # prp-fp, eq-sym
                for b in self._objects(p, s):
                    if b != o and isinstance(b, ox.NamedNode):
                        emit((o, self._same, b))
                        emit((b, self._same, o))
        return len(self.new) - before
