"""What follows from the asserted graphs: OWL 2 RL closure, then the SPARQL rules.

Two engines compute the same closure into the inferred graph, so asserted and inferred
stay apart:

- `owlrl` is the reference: owlrl's OWL 2 RL closure of the asserted graphs plus the
  ontology, in rdflib (graph/owl.py). Correct and slow (minutes at 100k triples).
- `fast` (the default) splits the work. The ontology's own entailments (its T-box
  closure) come from owlrl run over the ontology alone, a few hundred triples. The OWL 2
  RL rules that touch data (cax-sco, prp-spo1, prp-inv, prp-symp, prp-trp, prp-dom,
  prp-rng, cls-hv1, prp-fp) are then read from that closed T-box as lookup tables and
  run to a fixpoint in memory over the triples they can touch (`Closure`, in
  graph/closure.py). A full build
  loads those triples once; an incremental one starts from the new graphs only and asks
  the store about the rest. A test checks that both engines infer the same triples.

owlrl also derives things no user asks for (`x owl:sameAs x`, facts about literals,
about owl:Thing and the built-in vocabularies); both engines drop those. The rules in
`queries/rules/` (succession of chairs) run after the closure into the same graph; they
and the `Inference` step that runs everything for a build are this module.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph_builder.core.resources import ontology_file, queries_dir
from graph_builder.core.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH, RDF
from graph_builder.graph.closure import Closure, ontology_fingerprint, stored_anywhere, tbox
from graph_builder.graph.owl import is_noise, owlrl_engine
from graph_builder.graph.store import graph_size

# build.py and the tests name these here: one import for the whole inference step
__all__ = ["ENGINES", "Inference", "InferenceReport", "is_noise", "ontology_fingerprint",
           "ontology_quads", "rule_files", "run_rules"]

ENGINES = ("fast", "owlrl")
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
            known[node] = stored_anywhere(db, node, a, c)
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
            if triple not in fresh and not stored_anywhere(db, *triple):
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
            owlrl_engine(db, inferred)
            rules = len(run_rules(db))
            net = graph_size(db, inferred.value)
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
                    if not stored_anywhere(db, q.subject, q.predicate, q.object)
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
