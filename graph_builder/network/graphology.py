"""graphology's serialized graph (what ``graph.import()`` takes) for the workbench's network.

The page draws the same graph that the GEXF export gives Gephi; it used to be written as
GEXF and read back (lxml) into this form on the server, which cost more than building the
view at 100k triples. This writer goes from the networkx graph straight to the JSON, through
the GEXF writer's own records (gexf.py), so the values, their declared types, the labels,
weights and spells are the ones the GEXF file holds: each attribute typed as its GEXF column
(integer, double, boolean or string), keyed by its title, spells as [start, end] ISO dates
(null: open). viz colours and positions are left out because the page sets its own.
"""

from __future__ import annotations

import json
import os
from typing import IO, Any

import networkx as nx

from graph_builder.network.attrs import Scalar, uniform
from graph_builder.network.gexf import _edge_records, _node_records


def _attributes(rec: dict[str, Any], values: dict[str, Scalar], edge: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if rec["label"] is not None:
        out["label"] = rec["label"]
    if edge and rec["weight"] is not None:
        out["weight"] = rec["weight"]
    out.update(values)  # already in their column's type (attrs.uniform), as GEXF declares
    if rec["spells"]:
        out["spells"] = [[start, end] for start, end in rec["spells"]]
    return out


def graphology_data(G: nx.Graph, *, dynamic: bool = False) -> dict[str, Any]:
    """``G`` as graphology's serialized form (see the module's docstring)."""
    nodes = _node_records(G, dynamic)
    edges = _edge_records(G, dynamic)
    node_values, _ = uniform([rec["attrs"] for rec in nodes])
    edge_values, _ = uniform([rec["attrs"] for rec in edges])
    undirected = not G.is_directed()
    out_edges = []
    for index, (rec, values) in enumerate(zip(edges, edge_values, strict=True)):
        item: dict[str, Any] = {"key": str(index), "source": rec["source"],
                                "target": rec["target"],
                                "attributes": _attributes(rec, values, True)}
        if undirected:
            item["undirected"] = True
        out_edges.append(item)
    return {
        "options": {"type": "undirected" if undirected else "mixed", "multi": False,
                    "allowSelfLoops": True},
        "attributes": {},
        "nodes": [{"key": rec["id"], "attributes": _attributes(rec, values, False)}
                  for rec, values in zip(nodes, node_values, strict=True)],
        "edges": out_edges,
    }


def graphology_json(G: nx.Graph, *, dynamic: bool = False) -> bytes:
    """``G`` as graphology's serialized graph, compact UTF-8 JSON."""
    body = graphology_data(G, dynamic=dynamic)
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_graphology(G: nx.Graph, path: str | os.PathLike[str] | IO[bytes], *,
                     dynamic: bool = False) -> None:
    """Write ``G`` as graphology's serialized JSON to a path or binary file."""
    data = graphology_json(G, dynamic=dynamic)
    if hasattr(path, "write"):
        path.write(data)
        return
    with open(path, "wb") as handle:
        handle.write(data)
