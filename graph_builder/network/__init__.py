"""Network exports of the knowledge graph, one module per file format."""

from graph_builder.network.gexf import write_gexf
from graph_builder.network.graphml import write_graphml
from graph_builder.network.graphology import write_graphology
from graph_builder.network.nodelink import write_json

__all__ = ["write_gexf", "write_graphml", "write_graphology", "write_json"]
