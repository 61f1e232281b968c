"""What follows from the asserted graphs: OWL 2 RL closure, then the SPARQL rules.

Two engines compute the same closure into the inferred graph, so asserted and inferred
stay apart:

- `owlrl` is the reference: owlrl's OWL 2 RL closure of the asserted graphs plus the
  ontology, in rdflib. Correct and slow (minutes at 100k triples).
- `fast` (the default) splits the work. The ontology's own entailments (its T-box
  closure) come from owlrl run over the ontology alone, a few hundred triples. The OWL 2
  RL rules that touch data (cax-sco, prp-spo1, prp-inv, prp-symp, prp-trp, prp-dom,
  prp-rng, cls-hv1, prp-fp) are then compiled from that closed T-box into a handful of
  SPARQL updates that Oxigraph runs to a fixpoint inside the store, with no copy of the
  data into Python. A test checks that both engines infer the same triples.

owlrl also derives things no user asks for (`x owl:sameAs x`, facts about literals,
about owl:Thing and the built-in vocabularies); both engines drop those. The rules in
`queries/rules/` (succession of chairs) run after the closure into the same graph.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import owlrl
import pyoxigraph as ox
import rdflib
from rdflib import BNode
from rdflib import Literal as RLiteral

from .resources import ontology_file, queries_dir
from .vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, OWL, RDF, RDFS, XSD

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
_MAX_ROUNDS = 50


@dataclass
class InferenceReport:
    engine: str
    asserted: int
    inferred: int
    rules: int
    seconds: float
    rounds: int = 0
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


def _values(names: str, rows: list[tuple[str, ...]]) -> str:
    body = " ".join("(" + " ".join(f"<{x}>" for x in row) + ")" for row in rows)
    return f"VALUES ({names}) {{ {body} }}"


_NEXT = INFERRED_GRAPH + "/next"
_DELTA = INFERRED_GRAPH + "/delta"
_SCRATCH = (_NEXT, _DELTA)


def compile_rules(t: TBox) -> list[str]:
    """OWL 2 RL data rules as SPARQL updates, for semi-naive evaluation in the store.

    Each rule reads its premise from the graphs that the `__DELTA__` placeholder selects
    (what is new since the last round) and writes its conclusion into a scratch graph,
    unless some graph already holds it, so that the inferred graph never repeats a
    triple. Two-premise rules (prp-trp, prp-fp) take one premise from the delta and the
    other from anywhere.
    """
    nxt = f"<{_NEXT}>"

    def rule(values: str, match: str, head: str) -> str:
        return (
            f"INSERT {{ GRAPH {nxt} {{ {head} }} }} WHERE {{ {values} "
            f"GRAPH ?g {{ {match} }} __DELTA__ "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ {head} }} }} }}"
        )

    not_literal = " FILTER(!isLiteral(?y))"
    rules = []
    if t.superclasses:  # cax-sco, cax-eqc
        rules.append(rule(_values("?c ?d", t.superclasses), "?x a ?c .", "?x a ?d ."))
    if t.superproperties:  # prp-spo1, prp-eqp
        rules.append(rule(_values("?p ?q", t.superproperties), "?x ?p ?y .", "?x ?q ?y ."))
    if t.inverses:  # prp-inv1/2, prp-symp
        rules.append(rule(_values("?p ?q", t.inverses) + not_literal, "?x ?p ?y .", "?y ?q ?x ."))
    if t.domains:  # prp-dom
        rules.append(rule(_values("?p ?c", t.domains), "?x ?p ?y .", "?x a ?c ."))
    if t.ranges:  # prp-rng
        rules.append(rule(_values("?p ?c", t.ranges) + not_literal, "?x ?p ?y .", "?y a ?c ."))
    if t.has_values:  # cls-hv1
        rules.append(rule(_values("?c ?p ?v", t.has_values), "?x a ?c .", "?x ?p ?v ."))
    for p in t.transitive:  # prp-trp, the delta on either side
        for first, second in (("?g", "?g2"), ("?g2", "?g")):
            rules.append(
                f"INSERT {{ GRAPH {nxt} {{ ?x <{p}> ?z }} }} WHERE {{ "
                f"GRAPH {first} {{ ?x <{p}> ?y }} GRAPH {second} {{ ?y <{p}> ?z }} "
                f"__DELTA__ FILTER(?x != ?z) "
                f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?x <{p}> ?z }} }} }}"
            )
    for p in t.functional:  # prp-fp (with eq-sym)
        rules.append(
            f"INSERT {{ GRAPH {nxt} {{ ?a <{OWL}sameAs> ?b . ?b <{OWL}sameAs> ?a }} }} "
            f"WHERE {{ GRAPH ?g {{ ?x <{p}> ?a }} GRAPH ?g2 {{ ?x <{p}> ?b }} __DELTA__ "
            f"FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b) "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?a <{OWL}sameAs> ?b }} }} }}"
        )
    return rules


def _delta_filter(graphs: list[str] | None) -> str:
    if graphs is None:  # first round of a full build: every graph but the scratch ones
        return "FILTER(?g NOT IN (" + ", ".join(f"<{g}>" for g in _SCRATCH) + "))"
    return "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }"


def _fixpoint(db: ox.Store, rules: list[str], delta: list[str] | None) -> int:
    """Semi-naive evaluation: each round applies the rules to the last round's news only.

    The news move between graphs by SPARQL ADD/MOVE inside the store, never through Python.
    """
    try:
        for round_ in range(1, _MAX_ROUNDS + 1):
            selector = _delta_filter(delta)
            for update in rules:
                db.update(update.replace("__DELTA__", selector))
            if not db.query(f"ASK {{ GRAPH <{_NEXT}> {{ ?s ?p ?o }} }}"):
                return round_
            db.update(
                f"ADD GRAPH <{_NEXT}> TO GRAPH <{INFERRED_GRAPH}> ; "
                f"MOVE GRAPH <{_NEXT}> TO GRAPH <{_DELTA}>"
            )
            delta = [_DELTA]
        raise RuntimeError("inference did not reach a fixpoint")
    finally:
        db.update(f"DROP SILENT GRAPH <{_NEXT}> ; DROP SILENT GRAPH <{_DELTA}>")


def _graph_size(db: ox.Store, graph: ox.NamedNode) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph.value}> {{ ?s ?p ?o }} }}"
    return int(next(iter(db.query(query)))["n"].value)


# -- rules and entry point ------------------------------------------------------------


def rule_files() -> list[Path]:
    return sorted((queries_dir() / "rules").glob("*.rq"))


def run_rules(db: ox.Store) -> int:
    """Run each CONSTRUCT rule over everything and add what is new to the inferred graph.

    What they added is also put in the delta scratch graph, for the OWL rules to take as
    their next delta; returns how many triples that is.
    """
    inferred = ox.NamedNode(INFERRED_GRAPH)
    fresh: set[tuple] = set()
    for path in rule_files():
        for t in db.query(path.read_text("utf-8"), use_default_graph_as_union=True):
            triple = (t.subject, t.predicate, t.object)
            if triple not in fresh and not any(
                True for _ in db.quads_for_pattern(t.subject, t.predicate, t.object)
            ):
                fresh.add(triple)
    db.extend(ox.Quad(s, p, o, inferred) for s, p, o in fresh)
    db.extend(ox.Quad(s, p, o, ox.NamedNode(_DELTA)) for s, p, o in fresh)
    return len(fresh)


def materialise(
    db: ox.Store,
    engine: str = "fast",
    *,
    added: list[str] | None = None,
    cache: dict[str, Any] | None = None,
) -> InferenceReport:
    """Compute the inferred graph of a writable store from its asserted graphs.

    With `added` (fast engine only) the inferred graph is kept and only the consequences
    of those newly added graphs are derived: sound because OWL 2 RL is monotonic and
    nothing was removed. Otherwise the inferred graph is recomputed whole.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown inference engine '{engine}' ({', '.join(ENGINES)})")
    started = time.perf_counter()
    inferred = ox.NamedNode(INFERRED_GRAPH)
    incremental = added is not None and engine == "fast"
    if not incremental:
        db.remove_graph(inferred)
    db.add_graph(inferred)
    before = _graph_size(db, inferred)
    rounds = 0
    if engine == "owlrl":
        _owlrl_engine(db, inferred)
        rules = run_rules(db)
        db.remove_graph(ox.NamedNode(_DELTA))
    else:
        ontology = list(db.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH)))
        t = tbox(ontology, cache)
        if not incremental:
            db.extend(
                q
                for q in t.closure
                if not any(True for _ in db.quads_for_pattern(q.subject, q.predicate, q.object))
            )
        compiled = compile_rules(t)
        rounds = _fixpoint(db, compiled, added if incremental else None)
        rules = run_rules(db)
        if rules:  # what the rules concluded may have OWL consequences of its own
            rounds += _fixpoint(db, compiled, [_DELTA])
    total = _graph_size(db, inferred)
    return InferenceReport(
        engine=engine,
        asserted=len(db) - total,
        inferred=total - before,
        rules=rules,
        seconds=time.perf_counter() - started,
        rounds=rounds,
        incremental=incremental,
    )
