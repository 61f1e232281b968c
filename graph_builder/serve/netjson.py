"""The network view's GEXF as graphology's JSON form, for the browser.

The workbench draws the GEXF of the `states` view (the file Gephi downloads). At 100k
triples that file is 1.7 MB of XML, and Chromium's XML parser with graphology-gexf's reading
took 0.7-1.6 s of the view's first frame on the shared machine, where JSON.parse of the same
graph takes milliseconds. So the server reads the GEXF once per graph (lxml) into the form
`graph.import()` takes: the same nodes, edges and attribute values (typed as the GEXF
declares them, keyed by their titles, as graphology-gexf does), each element's spells as
[start, end] date strings (null: open), the labels and weights; viz colours and positions
are left out because the view sets its own.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

CASTS = {"integer": int, "long": int, "double": float, "float": float,
         "boolean": lambda v: v.lower() in ("true", "1")}


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> list[Any]:
    return [c for c in element if _local(c.tag) == name]


def gexf_to_graphology(data: bytes) -> bytes:
    """GEXF bytes to graphology's serialized graph as JSON bytes."""
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False,
                                                         no_network=True, huge_tree=True))
    graph = next(c for c in root if _local(c.tag) == "graph")
    declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    for block in _children(graph, "attributes"):
        for attribute in _children(block, "attribute"):
            declared[block.get("class", "node")][attribute.get("id")] = (
                attribute.get("title") or attribute.get("id"), attribute.get("type", "string"))

    def attributes(element: Any, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if element.get("label") is not None:
            out["label"] = element.get("label")
        if kind == "edge" and element.get("weight") is not None:
            out["weight"] = float(element.get("weight"))
        for block in _children(element, "attvalues"):
            for value in _children(block, "attvalue"):
                title, kind_of = declared[kind].get(value.get("for"), (value.get("for"),
                                                                      "string"))
                raw = value.get("value", "")
                try:
                    out[title] = CASTS.get(kind_of, str)(raw)
                except ValueError:
                    out[title] = raw
        spells = [[s.get("start"), s.get("end")] for block in _children(element, "spells")
                  for s in _children(block, "spell")]
        if spells:
            out["spells"] = spells
        return out

    nodes = [{"key": n.get("id"), "attributes": attributes(n, "node")}
             for block in _children(graph, "nodes") for n in _children(block, "node")]
    edges = []
    for block in _children(graph, "edges"):
        for e in _children(block, "edge"):
            item: dict[str, Any] = {"key": e.get("id"), "source": e.get("source"),
                                    "target": e.get("target"), "attributes": attributes(e, "edge")}
            kind = e.get("type") or graph.get("defaultedgetype", "undirected")
            if kind == "undirected":
                item["undirected"] = True
            edges.append(item)
    kind = graph.get("defaultedgetype", "undirected")
    body = {"options": {"type": "mixed" if kind != "undirected" else "undirected",
                        "multi": False, "allowSelfLoops": True},
            "attributes": {}, "nodes": nodes, "edges": edges}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
