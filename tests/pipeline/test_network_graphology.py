"""The workbench's network JSON (network/graphology.py) holds what the GEXF file holds.

The page imports graphology's serialized graph, written straight from the networkx view;
Gephi gets the GEXF. Both are read back here, the GEXF by networkx's own reader, and every
node, edge, attribute value (with its type) and spell must agree.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from graph_builder.graph.store import Store
from graph_builder.network import write_gexf
from graph_builder.network.graphology import graphology_json
from graph_builder.network.views import to_networkx


def _as_gexf_reads(attributes: dict) -> dict:
    """graphology's attributes as networkx reads them from GEXF (spells as tuples), each
    with its type: 2 and 2.0 are equal in Python but not the same column in Gephi."""
    out = {k: (type(v), v) for k, v in attributes.items() if k != "spells"}
    if "spells" in attributes:
        out["spells"] = [tuple(s) for s in attributes["spells"]]
    return out


def _typed(read: dict, skip: tuple[str, ...]) -> dict:
    return {k: (v if k == "spells" else (type(v), v)) for k, v in read.items() if k not in skip}


@pytest.mark.parametrize("view", ["states", "full"])
def test_graphology_json_is_the_gexf_graph(seed_store: Path, view: str) -> None:
    G = to_networkx(Store(seed_store), view, dynamic=True)
    data = json.loads(graphology_json(G, dynamic=True))
    buffer = io.BytesIO()
    write_gexf(G, buffer, dynamic=True)
    H = nx.read_gexf(io.BytesIO(buffer.getvalue()))

    assert data["options"]["type"] == ("undirected" if view == "states" else "mixed")
    nodes = {n["key"]: n["attributes"] for n in data["nodes"]}
    assert set(nodes) == set(H.nodes) and len(nodes) == G.number_of_nodes() > 5
    for key, attributes in nodes.items():
        assert _as_gexf_reads(attributes) == _typed(H.nodes[key], ("viz",)), key
    assert len(data["edges"]) == H.number_of_edges() == G.number_of_edges()
    by_id = {d["id"]: (u, v, d) for u, v, d in H.edges(data=True)}
    for edge in data["edges"]:
        u, v, read = by_id[edge["key"]]
        assert {edge["source"], edge["target"]} == {u, v}
        assert _as_gexf_reads(edge["attributes"]) == _typed(read, ("id", "viz", "kind"))
        assert isinstance(edge["attributes"]["weight"], float)
        assert edge.get("undirected", False) is (view == "states")
    assert any("spells" in e["attributes"] for e in data["edges"])
