"""GraphML export for yEd, Cytoscape, igraph and other GraphML readers."""

from __future__ import annotations

import os
from typing import IO

import networkx as nx

from graph_builder.network.attrs import sanitise_graph


def write_graphml(G: nx.Graph, path: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``G`` as GraphML to a path or binary file.

    Attributes are cleaned first (see :mod:`graph_builder.network.attrs`): GraphML keys hold
    one scalar type each, so None is left out, lists such as ``spells`` become JSON text and
    a key whose values mix types is written as text.
    """
    target = path if hasattr(path, "write") else os.fspath(path)
    nx.write_graphml(sanitise_graph(G), target, encoding="utf-8", prettyprint=True)
