"""Node-link JSON export for d3, sigma.js and other web viewers."""

from __future__ import annotations

import io
import json
import os
from typing import IO

import networkx as nx

from graph_builder.network.attrs import sanitise_graph


def write_json(G: nx.Graph, path: str | os.PathLike[str] | IO[str] | IO[bytes]) -> None:
    """Write ``G`` as node-link JSON (``nodes``/``edges``) to a path or file.

    The attributes are cleaned as for GraphML so both files describe the same columns with
    the same types; keys are sorted so the same graph always gives the same bytes.
    """
    data = nx.node_link_data(sanitise_graph(G), edges="edges")
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    if hasattr(path, "write"):
        path.write(text if isinstance(path, io.TextIOBase) else text.encode("utf-8"))
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
