"""What follows from the asserted graphs: OWL 2 RL closure, then the SPARQL rules.

Two engines compute the same closure into the inferred graph, so asserted and inferred
stay apart:

- `owlrl` is the reference: owlrl's OWL 2 RL closure of the asserted graphs plus the
  ontology, in rdflib. Correct and slow (minutes at 100k triples).
- `fast` (the default) splits the work. The ontology's own entailments (its T-box
  closure) come from owlrl run over the ontology alone, a few hundred triples. The OWL 2
  RL rules that touch data (cax-sco, prp-spo1, prp-inv, prp-symp, prp-trp, prp-dom,
  prp-rng, cls-hv1, prp-fp) are then read from that closed T-box as lookup tables and
  run to a fixpoint in memory over the triples they can touch (`Closure`). A full build
  loads those triples once; an incremental one starts from the new graphs only and asks
  the store about the rest. A test checks that both engines infer the same triples.

owlrl also derives things no user asks for (`x owl:sameAs x`, facts about literals,
about owl:Thing and the built-in vocabularies); both engines drop those. The rules in
`queries/rules/` (succession of chairs) run after the closure into the same graph.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import owlrl
import pyoxigraph as ox
import rdflib
from rdflib import BNode
from rdflib import Literal as RLiteral

from graph_builder.core.resources import ontology_file, queries_dir
from graph_builder.core.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, OWL, RDF, RDFS, XSD

ENGINES = ("fast", "owlrl")
_BUILTIN = (RDF, RDFS, OWL, XSD)
_REFLEXIVE_NOISE = {
    OWL + "sameAs",
    OWL + "equivalentClass",
    OWL + "equivalentProperty",
    RDFS + "subClassOf",
    RDFS + "subPropertyOf",
}
_TYPE_NOISE = {RDFS + "Resource", OWL + "Thing", RDFS + "Class", OWL + "Class"}
_BULK = 200_000


@dataclass
class InferenceReport:
    engine: str
    inferred: int
    rules: int
    seconds: float
    incremental: bool = False


def ontology_quads() -> list[ox.Quad]:
    """The ontology file as quads of its own named graph.

    Its blank nodes (OWL restrictions) get labels by order of appearance, so the same
    file always gives the same quads and building twice gives the same store.
    """
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    labels: dict[str, ox.BlankNode] = {}

    def stable(term: object) -> object:
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term.value, ox.BlankNode(f"ontology{len(labels) + 1}"))
        return term

    path = ontology_file()
    with open(path, "rb") as handle:
        triples = ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=path.as_uri())
        return [ox.Quad(stable(t.subject), t.predicate, stable(t.object), graph) for t in triples]


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
    return p_text == RDF + "type" and o_text in _TYPE_NOISE


# -- the reference engine ----------------------------------------------------------


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


def _rdflib_to_quads(triples: set[tuple], graph: ox.NamedNode) -> list[ox.Quad]:
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    data = g.serialize(format="nt", encoding="utf-8")
    return [
        ox.Quad(t.subject, t.predicate, t.object, graph)
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    ]


def _owlrl_engine(db: ox.Store, inferred: ox.NamedNode) -> None:
    sources = [g for g in db.named_graphs() if g != inferred]
    new = owlrl_closure(_to_rdflib(db, sources))
    db.extend(_rdflib_to_quads(new, inferred))


# -- the fast engine ----------------------------------------------------------------


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
    closure = _rdflib_to_quads(entailed, ox.NamedNode(INFERRED_GRAPH))
    for t in entailed:
        graph.add(t)
    R, OW = rdflib.RDF, rdflib.OWL  # noqa: N806

    def named(*terms: object) -> bool:
        return all(isinstance(t, rdflib.URIRef) and not is_noise(t, R.type, t) for t in terms)

    def pairs(predicate: rdflib.URIRef) -> list[tuple[str, str]]:
        return sorted(
            (str(s), str(o))
            for s, o in graph.subject_objects(predicate)
            if named(s, o) and s != o and str(o) not in _TYPE_NOISE
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


def _stored_anywhere(db: ox.Store, s: object, p: object, o: object) -> bool:
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
        if _stored_anywhere(self.store, *triple):
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


def _graph_size(db: ox.Store, graph: ox.NamedNode) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"
    return int(next(iter(db.query(query)))["n"].value)


# -- rules and entry point ------------------------------------------------------------


def rule_files() -> list[Path]:
    return sorted((queries_dir() / "rules").glob("*.rq"))


_FOCUS = re.compile(r"^#\s*focus:\s*<([^>]+)>\s*<([^>]+)>", re.MULTILINE)


_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)
_PNAME = re.compile(r"(?<![\w<:/#])([A-Za-z][\w-]*)?:([A-Za-z_][\w-]*)")
_IRI = re.compile(r"<([^<>\s]+)>")


def _named_terms(text: str) -> set[ox.NamedNode]:
    """Every IRI a query names, written in full or prefixed (and rdf:type, for `a`)."""
    prefixes = dict(_PREFIX.findall(text))
    names = {ox.NamedNode(RDF + "type")}
    names.update(ox.NamedNode(iri) for iri in _IRI.findall(text) if ":" in iri)
    for prefix, local in _PNAME.findall(text):
        if prefix in prefixes:
            names.add(ox.NamedNode(prefixes[prefix] + local))
    return names


def _focus(db: ox.Store, cls: str, predicate: str, graphs: list[str], text: str) -> ox.Store:
    """An in-memory copy of what a rule needs to see about the new graphs' nodes.

    A rule whose header says `# focus: <C> <P>` only joins nodes of class C that share
    their P value (succession: chairmanships of one organisation). Its conclusions from
    new graphs can only be about C nodes sharing a P value with a C node those graphs
    state; the copy holds every quad, in its graph, about every such node, with a
    predicate the rule names.
    """
    p, c, a = ox.NamedNode(predicate), ox.NamedNode(cls), ox.NamedNode(RDF + "type")
    known: dict[object, bool] = {}

    def typed(node: object) -> bool:
        if node not in known:
            known[node] = _stored_anywhere(db, node, a, c)
        return known[node]

    values = {
        q.object
        for g in graphs
        for q in db.quads_for_pattern(None, p, None, ox.NamedNode(g))
        if typed(q.subject)
    }
    nodes = {q.subject for v in values for q in db.quads_for_pattern(None, p, v)}
    used = _named_terms(text)
    focused = ox.Store()
    focused.extend(
        q for n in nodes if typed(n) for u in used for q in db.quads_for_pattern(n, u, None)
    )
    return focused


def run_rules(db: ox.Store, graphs: list[str] | None = None) -> list[tuple]:
    """Run each CONSTRUCT rule and add what is new to the inferred graph.

    With `graphs` (an incremental build), a rule with a focus runs over the part of the
    store the new graphs can affect instead of over everything. Returns the new triples,
    so the OWL rules can take their consequences in turn.
    """
    inferred = ox.NamedNode(INFERRED_GRAPH)
    fresh: dict[tuple, None] = {}
    for path in rule_files():
        text = path.read_text("utf-8")
        focus = _FOCUS.search(text)
        source = db
        if graphs is not None and focus is not None:
            source = _focus(db, *focus.groups(), graphs, text)
        for t in source.query(text, use_default_graph_as_union=True):
            triple = (t.subject, t.predicate, t.object)
            if triple not in fresh and not _stored_anywhere(db, *triple):
                fresh[triple] = None
    db.extend(ox.Quad(s, p, o, inferred) for s, p, o in fresh)
    return list(fresh)


def _unshadow(db: ox.Store, added: list[str], inferred: ox.NamedNode) -> int:
    """Drop inferred triples that a new graph now states, as a full build would not have them."""
    stale = [
        ox.Quad(q.subject, q.predicate, q.object, inferred)
        for graph in added
        for q in db.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        if ox.Quad(q.subject, q.predicate, q.object, inferred) in db
    ]
    for quad in stale:
        db.remove(quad)
    return len(stale)


def _write(db: ox.Store, triples: list[tuple], graph: ox.NamedNode) -> None:
    quads = (ox.Quad(s, p, o, graph) for s, p, o in triples)
    if len(triples) > _BULK:  # the build's generation is private: no transaction needed
        db.bulk_extend(quads)
    else:
        db.extend(quads)


class Inference:
    """One build's inference, told about each article graph as the build writes it.

    The fast engine takes the triples of those graphs from the build instead of reading
    them back from the store (at a million triples, reading back was a third of the build);
    only graphs the build did not write (unchanged articles, ontology, reference) are read.
    """

    def __init__(
        self, ontology: list[ox.Quad], engine: str = "fast", cache: dict[str, Any] | None = None
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown inference engine '{engine}' ({', '.join(ENGINES)})")
        self.engine = engine
        self._seen: set[str] = set()
        self._stating = 0.0  # seconds spent taking in stated graphs, counted as inference
        self._tbox = tbox(ontology, cache) if engine == "fast" else None
        self._closure = Closure(self._tbox) if self._tbox is not None else None

    def stated(self, quads: list[ox.Quad]) -> None:
        """The quads of one graph the build has just written."""
        if self._closure is not None and quads:
            started = time.perf_counter()
            self._seen.add(quads[0].graph_name.value)
            self._closure.state(quads)
            self._stating += time.perf_counter() - started

    def run(self, db: ox.Store, added: list[str] | None = None) -> InferenceReport:
        """Compute the inferred graph of a writable store from its asserted graphs.

        With `added` (fast engine only) the inferred graph is kept and only the
        consequences of those newly added graphs are derived: sound because OWL 2 RL is
        monotonic and nothing was removed. Otherwise the inferred graph is recomputed.
        """
        started = time.perf_counter()
        inferred = ox.NamedNode(INFERRED_GRAPH)
        incremental = added is not None and self._closure is not None
        if not incremental:
            db.remove_graph(inferred)
        db.add_graph(inferred)
        if self._closure is None or self._tbox is None:
            _owlrl_engine(db, inferred)
            rules = len(run_rules(db))
            net = _graph_size(db, inferred)
        else:
            closure = self._closure
            if incremental and added is not None:
                net = -_unshadow(db, added, inferred)
                closure.store = db
                unseen = [ox.NamedNode(g) for g in added if g not in self._seen]
            else:
                entailed = [
                    q
                    for q in self._tbox.closure
                    if not _stored_anywhere(db, q.subject, q.predicate, q.object)
                ]
                db.extend(entailed)
                net = len(entailed)
                unseen = [g for g in db.named_graphs() if g.value not in self._seen]
            for graph in unseen:
                closure.state(db.quads_for_pattern(None, None, None, graph))
            closure.run()
            _write(db, closure.new, inferred)
            fresh = run_rules(db, added if incremental else None)
            rules = len(fresh)
            if fresh:  # what the rules concluded may have OWL consequences of its own
                done = len(closure.new)
                closure.add(fresh)
                closure.run()
                _write(db, closure.new[done:], inferred)
            net += len(closure.new) + rules
        return InferenceReport(
            engine=self.engine,
            inferred=net,
            rules=rules,
            seconds=time.perf_counter() - started + self._stating,
            incremental=incremental,
        )
