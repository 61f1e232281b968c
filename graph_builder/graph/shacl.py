"""SHACL validation of the built graph against `ontology/shapes.ttl` (pyshacl).

The shapes say what the graph must hold for the queries to be right: one chair per
chairmanship, no two chairs of one organisation at once, a source for every fact.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
import rdflib
from rdflib.namespace import SH

from graph_builder.core.resources import ontology_file
from graph_builder.graph.store import Store


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}  {self.path or '-'}  {self.message}"


def validate(store: Store) -> list[Violation]:
    """Every violation of the shapes in the union of asserted and inferred graphs."""
    data = rdflib.Graph()
    data.parse(data=store.dump("ntriples"), format="nt")
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    out = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(focus), _path_text(report, path), str(message or "")))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))


def _path_text(report: rdflib.Graph, path: object) -> str:
    if path is None:
        return ""
    if isinstance(path, rdflib.BNode):
        items = list(rdflib.collection.Collection(report, path))
        return "/".join(report.namespace_manager.normalizeUri(i) for i in items)
    return report.namespace_manager.normalizeUri(path)
