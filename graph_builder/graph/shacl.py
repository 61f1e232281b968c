"""SHACL validation of the built graph against `ontology/shapes.ttl`.

The shapes say what the graph must hold for the queries to be right: one chair per
chairmanship, no two chairs of one organisation at once, a source for every fact.

The shapes use a small part of SHACL (node shapes with `sh:targetClass`; property shapes
with an IRI or sequence path and `sh:minCount`, `sh:maxCount`, `sh:class`, `sh:datatype`,
`sh:in`; SPARQL constraints, each with its `sh:message`). Each constraint becomes one
SPARQL query run by Oxigraph on the store itself, over the union of its graphs, so
validating 30k triples takes a fraction of a second instead of the half-minute pyshacl
took to copy the store into rdflib and walk it node by node. Shapes using anything else
are validated by pyshacl, as the reference engine (`engine="pyshacl"`) always is; a test
checks that both report the same violations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import rdflib
from rdflib.namespace import RDF, SH

from graph_builder.core.resources import ontology_file
from graph_builder.graph.store import Store

Progress = Callable[[int, int, str], None]  # (checks done, checks in all, the next one)

# What a shape or property shape may say for the SPARQL engine to run it; anything else
# (sh:or, sh:pattern, sh:node, sh:targetNode, ...) sends the shapes to pyshacl.
NODE_KEYS = {RDF.type, SH.targetClass, SH.property, SH.sparql}
PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH["in"],
                 SH.message}
SPARQL_KEYS = {RDF.type, SH.message, SH.prefixes, SH.select}
# datatypes whose lexical form Oxigraph checks by a cast (an ill-formed one is a violation)
CASTABLE = {rdflib.XSD[t] for t in ("date", "dateTime", "integer", "decimal", "double",
                                    "float", "boolean", "string")}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}  {self.path or '-'}  {self.message}"


@dataclass(frozen=True)
class Check:
    """One constraint as a SPARQL SELECT of ?this (and ?value, or the constraint's own
    variables), each solution one violation."""
    label: str
    query: str
    path: str
    message: str


class Unsupported(Exception):
    """The shapes say something the SPARQL engine does not run."""


def validate(store: Store, *, engine: str = "oxigraph",
             progress: Progress | None = None) -> list[Violation]:
    """Every violation of the shapes in the union of asserted and inferred graphs.

    `engine`: "oxigraph" (SPARQL in the store; pyshacl when the shapes need it) or
    "pyshacl". `progress(done, total, label)` is called before each check and at the end.
    """
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    if engine == "oxigraph":
        try:
            checks = compile_shapes(shapes)
        except Unsupported:
            checks = None
        if checks is not None:
            return _run(store, checks, progress)
    elif engine != "pyshacl":
        raise ValueError(f"engine must be oxigraph or pyshacl, not {engine!r}")
    return _pyshacl(store, shapes, progress)


def _run(store: Store, checks: list[Check], progress: Progress | None) -> list[Violation]:
    out: set[Violation] = set()
    for done, check in enumerate(checks):
        if progress:
            progress(done, len(checks), check.label)
        for row in store.db.query(check.query, use_default_graph_as_union=True):
            out.add(Violation(_plain(row["this"]), check.path, _message(check.message, row)))
    if progress:
        progress(len(checks), len(checks), "done")
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def _plain(term: object) -> str:
    return str(getattr(term, "value", term))


def _message(template: str, row: object) -> str:
    """sh:message with {?var} and {$var} replaced by the solution's values, as pyshacl
    does (an unbound or unknown variable stays as written)."""
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        try:
            term = row[name]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return match.group(0)
        return match.group(0) if term is None else _plain(term)

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", value, template)


def compile_shapes(shapes: rdflib.Graph) -> list[Check]:
    """The SPARQL checks of the shapes; Unsupported when one uses more than they can say."""
    checks: list[Check] = []
    nm = shapes.namespace_manager
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        keys = set(shapes.predicates(shape))
        if keys - NODE_KEYS:
            raise Unsupported(f"{shape}: {sorted(map(str, keys - NODE_KEYS))}")
        classes = sorted(shapes.objects(shape, SH.targetClass), key=str)
        if not classes:
            raise Unsupported(f"{shape}: no sh:targetClass")
        name = nm.normalizeUri(shape) if isinstance(shape, rdflib.URIRef) else str(shape)
        focus = ("{ SELECT DISTINCT ?this WHERE { VALUES ?target { "
                 + " ".join(f"<{c}>" for c in classes)
                 + " } ?this a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?target } }")
        for prop in sorted(shapes.objects(shape, SH.property), key=_node_key(shapes)):
            checks += _property_checks(shapes, name, focus, prop)
        for constraint in sorted(shapes.objects(shape, SH.sparql), key=_node_key(shapes)):
            checks.append(_sparql_check(shapes, name, focus, constraint))
    return checks


def _node_key(shapes: rdflib.Graph) -> Callable[[object], str]:
    return lambda node: str(sorted((str(p), str(o)) for p, o in shapes.predicate_objects(node)))


def _property_checks(shapes: rdflib.Graph, name: str, focus: str,
                     prop: object) -> list[Check]:
    keys = set(shapes.predicates(prop))
    if keys - PROPERTY_KEYS:
        raise Unsupported(f"{prop}: {sorted(map(str, keys - PROPERTY_KEYS))}")
    message = shapes.value(prop, SH.message)
    if message is None:
        raise Unsupported(f"{prop}: no sh:message")
    path_node = shapes.value(prop, SH.path)
    if isinstance(path_node, rdflib.URIRef):
        steps = [path_node]
    elif isinstance(path_node, rdflib.BNode) and shapes.value(path_node, RDF.first):
        steps = list(rdflib.collection.Collection(shapes, path_node))
        if not all(isinstance(s, rdflib.URIRef) for s in steps):
            raise Unsupported(f"{prop}: a path other than a sequence of IRIs")
    else:
        raise Unsupported(f"{prop}: a path other than an IRI or a sequence")
    path = "/".join(f"<{s}>" for s in steps)
    shown = "/".join(shapes.namespace_manager.normalizeUri(s) for s in steps)
    label = f"{name} {shown}"
    out = []

    def add(kind: str, where: str) -> None:
        out.append(Check(f"{label} {kind}", f"SELECT ?this ?value WHERE {{ {focus} {where} }}",
                         shown, str(message)))

    for kind, bound, test in (("minCount", shapes.value(prop, SH.minCount), "<"),
                              ("maxCount", shapes.value(prop, SH.maxCount), ">")):
        if bound is not None:
            add(kind, f"{{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {focus} "
                      f"OPTIONAL {{ ?this {path} ?v }} }} GROUP BY ?this }} "
                      f"FILTER (?n {test} {int(bound)})")
    cls = shapes.value(prop, SH["class"])
    if cls is not None:
        add("class", f"?this {path} ?value FILTER NOT EXISTS {{ ?value "
                     f"a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{cls}> }}")
    datatype = shapes.value(prop, SH.datatype)
    if datatype is not None:
        ill_formed = (f" || !COALESCE(<{datatype}>(STR(?value)) = ?value, false)"
                      if datatype in CASTABLE else "")
        add("datatype", f"?this {path} ?value FILTER (!isLiteral(?value) || "
                        f"DATATYPE(?value) != <{datatype}>{ill_formed})")
    allowed = shapes.value(prop, SH["in"])
    if allowed is not None:
        members = list(rdflib.collection.Collection(shapes, allowed))
        same = " || ".join(f"sameTerm(?value, {m.n3()})" for m in members) or "false"
        add("in", f"?this {path} ?value FILTER (!({same}))")
    return out


def _sparql_check(shapes: rdflib.Graph, name: str, focus: str, constraint: object) -> Check:
    keys = set(shapes.predicates(constraint))
    if keys - SPARQL_KEYS or shapes.value(constraint, SH.select) is None:
        raise Unsupported(f"{constraint}: not a plain SPARQL SELECT constraint")
    prefixes = []
    for declared in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(declared, SH.declare):
            prefixes.append(f"PREFIX {shapes.value(decl, SH.prefix)}: "
                            f"<{shapes.value(decl, SH.namespace)}>")
    text = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
    head, brace, body = text.partition("{")
    if not brace or not re.search(r"\bWHERE\s*$", head, re.I) or re.search(
            r"\b(?:SERVICE|FROM|\$[A-Za-z_])", text[len(head):], re.I):
        raise Unsupported(f"{constraint}: a SELECT this engine cannot pre-bind $this in")
    query = "\n".join(prefixes) + "\n" + head + "{ " + focus + " " + body
    message = shapes.value(constraint, SH.message)
    if message is None:
        raise Unsupported(f"{constraint}: no sh:message")
    return Check(f"{name} sparql", query, "", str(message))


def _pyshacl(store: Store, shapes: rdflib.Graph, progress: Progress | None) -> list[Violation]:
    import pyshacl

    if progress:
        progress(0, 2, "reading the store into rdflib")
    data = rdflib.Graph()
    data.parse(data=store.dump("ntriples"), format="nt")
    if progress:
        progress(1, 2, "pyshacl")
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    out = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(focus), _path_text(report, path), str(message or "")))
    if progress:
        progress(2, 2, "done")
    return sorted(set(out), key=lambda v: (v.focus, v.path, v.message))


def _path_text(report: rdflib.Graph, path: object) -> str:
    if path is None:
        return ""
    if isinstance(path, rdflib.BNode):
        items = list(rdflib.collection.Collection(report, path))
        return "/".join(report.namespace_manager.normalizeUri(i) for i in items)
    return report.namespace_manager.normalizeUri(path)
