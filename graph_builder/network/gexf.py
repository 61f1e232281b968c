"""GEXF export for Gephi and Gephi Lite.

Written with lxml rather than ``nx.write_gexf`` because the networkx 3.6 writer emits files
the official schemas reject (a ``name`` attribute on ``<graph>``, a misspelt xsi namespace
in 1.3, timeformat "long"), and because Gephi Lite's reader (graphology-gexf) keeps only the
last ``<attributes>`` block of each class, so each class must be declared in one block.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import IO, Any

import networkx as nx
from lxml import etree

from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.network.attrs import Scalar, scalar_attrs, to_scalar, uniform

XSI = "http://www.w3.org/2001/XMLSchema-instance"

# version -> (GEXF namespace, viz namespace, schema location, value of the version attribute)
VERSIONS: dict[str, tuple[str, str, str, str]] = {
    "1.2draft": (
        "http://www.gexf.net/1.2draft",
        "http://www.gexf.net/1.2draft/viz",
        "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd",
        "1.2",
    ),
    "1.3": (
        "http://gexf.net/1.3",
        "http://gexf.net/1.3/viz",
        "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "1.3",
    ),
}

# Node colour by node type, so the families are told apart as soon as the file opens.
PALETTE: dict[str, tuple[int, int, int]] = {
    "state": (31, 119, 180),
    "organization": (255, 127, 14),
    "person": (44, 160, 44),
    "event": (214, 39, 40),
    "city": (148, 103, 189),
}
OTHER_COLOR = (127, 127, 127)

# Keys that map to GEXF's own XML attributes or elements instead of <attvalue>s.
_NODE_OWN = frozenset({"id", "label", "viz"})
_EDGE_OWN = frozenset({"id", "label", "weight", "viz"})

_INT32 = range(-(2**31), 2**31)


def write_gexf(
    G: nx.Graph,
    path: str | os.PathLike[str] | IO[bytes],
    *,
    version: str = "1.3",
    dynamic: bool = False,
) -> None:
    """Write ``G`` as GEXF ``version`` ("1.3" or "1.2draft") to a path or binary file.

    With ``dynamic=True`` the graph is in dynamic mode with ISO dates: each node's and edge's
    ``spells`` (a list of (start, end) pairs, None for an open bound) becomes ``<spells>``;
    an element without spells but with ``start``/``end`` gets one spell from them.
    """
    root = gexf_element(G, version=version, dynamic=dynamic)
    target = path if hasattr(path, "write") else os.fspath(path)
    etree.ElementTree(root).write(target, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def gexf_element(G: nx.Graph, *, version: str = "1.3", dynamic: bool = False) -> etree._Element:
    """The ``<gexf>`` root element for ``G`` (see :func:`write_gexf`)."""
    if version not in VERSIONS:
        raise BlocgraphError(
            f"write_gexf: version must be one of {sorted(VERSIONS)}, not {version!r}"
        )
    ns, viz_ns, schema_location, version_value = VERSIONS[version]
    E = _Maker(ns)

    root = E("gexf", nsmap={None: ns, "viz": viz_ns, "xsi": XSI}, version=version_value)
    root.set(f"{{{XSI}}}schemaLocation", schema_location)

    meta = E.sub(root, "meta", lastmodifieddate=dt.date.today().isoformat())
    E.sub(meta, "creator").text = "blocgraph"
    description = to_scalar(G.graph.get("description")) or to_scalar(G.graph.get("name"))
    E.sub(meta, "description").text = str(description or "blocgraph network export")

    graph = E.sub(
        root,
        "graph",
        defaultedgetype="directed" if G.is_directed() else "undirected",
        mode="dynamic" if dynamic else "static",
    )
    if dynamic:
        graph.set("timeformat", "date")

    nodes = _node_records(G, dynamic)
    edges = _edge_records(G, dynamic)
    node_values, node_types = uniform([rec["attrs"] for rec in nodes])
    edge_values, edge_types = uniform([rec["attrs"] for rec in edges])
    _declare(E, graph, "node", node_types, node_values)
    _declare(E, graph, "edge", edge_types, edge_values)

    nodes_el = E.sub(graph, "nodes", count=str(len(nodes)))
    for rec, values in zip(nodes, node_values, strict=True):
        node = E.sub(nodes_el, "node", id=rec["id"])
        if rec["label"] is not None:
            node.set("label", rec["label"])
        _attvalues(E, node, values)
        _spells(E, node, rec["spells"])
        r, g, b = PALETTE.get(str(rec["type"]), OTHER_COLOR)
        etree.SubElement(node, f"{{{viz_ns}}}color", r=str(r), g=str(g), b=str(b))

    edges_el = E.sub(graph, "edges", count=str(len(edges)))
    for index, (rec, values) in enumerate(zip(edges, edge_values, strict=True)):
        edge = E.sub(edges_el, "edge", id=str(index), source=rec["source"], target=rec["target"])
        if rec["label"] is not None:
            edge.set("label", rec["label"])
        if rec["weight"] is not None:
            edge.set("weight", repr(rec["weight"]))
        if version == "1.3" and rec["relation"] is not None:
            edge.set("kind", rec["relation"])  # lets Gephi keep parallel edges of two relations
        _attvalues(E, edge, values)
        _spells(E, edge, rec["spells"])
    return root


class _Maker:
    """Element factory bound to one namespace, to keep the building code short."""

    def __init__(self, ns: str) -> None:
        self.ns = ns

    def __call__(self, tag: str, nsmap: dict[str | None, str] | None = None, **attrs: str):
        return etree.Element(f"{{{self.ns}}}{tag}", attrs, nsmap=nsmap)

    def sub(self, parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{self.ns}}}{tag}", attrs)


def _node_records(G: nx.Graph, dynamic: bool) -> list[dict[str, Any]]:
    records = []
    for n, data in G.nodes(data=True):
        where = f"node {n!r}"
        skip = _NODE_OWN | ({"spells"} if dynamic else set())
        label = to_scalar(data.get("label"))
        records.append(
            {
                "id": _xml_id(n),
                "label": None if label is None else str(label),
                "type": data.get("type"),
                "attrs": scalar_attrs({k: v for k, v in data.items() if k not in skip}),
                "spells": _spell_list(data, where) if dynamic else [],
            }
        )
    return records


def _edge_records(G: nx.Graph, dynamic: bool) -> list[dict[str, Any]]:
    records = []
    for u, v, data in G.edges(data=True):
        where = f"edge {u!r} -> {v!r}"
        skip = _EDGE_OWN | ({"spells"} if dynamic else set())
        relation = to_scalar(data.get("relation"))
        label = to_scalar(data.get("label"))
        if label is None:
            label = relation
        records.append(
            {
                "source": _xml_id(u),
                "target": _xml_id(v),
                "label": None if label is None else str(label),
                "relation": None if relation is None else str(relation),
                "weight": _weight(data.get("weight"), where),
                "attrs": scalar_attrs({k: v for k, v in data.items() if k not in skip}),
                "spells": _spell_list(data, where) if dynamic else [],
            }
        )
    return records


def _xml_id(key: Any) -> str:
    text = to_scalar(key)
    return "" if text is None else str(text)


def _weight(value: Any, where: str) -> float | None:
    scalar = to_scalar(value)
    if scalar is None:
        return None
    if isinstance(scalar, bool) or not isinstance(scalar, (int, float)):
        raise BlocgraphError(f"write_gexf: {where} has a weight that is not a number: {value!r}")
    return float(scalar)


def _declare(
    E: _Maker,
    graph: etree._Element,
    klass: str,
    types: Mapping[str, type],
    values: Iterable[Mapping[str, Scalar]],
) -> None:
    """Declare all attributes of one class in a single block, one type per key."""
    if not types:
        return
    block = E.sub(graph, "attributes", **{"class": klass, "mode": "static"})
    wide = {key for rec in values for key, val in rec.items() if _is_long(val)}
    for key, kind in types.items():
        E.sub(block, "attribute", id=key, title=key, type=_type_name(kind, key in wide))


def _is_long(value: Scalar) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value not in _INT32


def _type_name(kind: type, wide: bool) -> str:
    if kind is bool:
        return "boolean"
    if kind is int:
        return "long" if wide else "integer"
    if kind is float:
        return "double"
    return "string"


def _text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _attvalues(E: _Maker, parent: etree._Element, values: Mapping[str, Scalar]) -> None:
    if not values:
        return
    block = E.sub(parent, "attvalues")
    for key, value in values.items():
        E.sub(block, "attvalue", **{"for": key, "value": _text(value)})


def _spells(E: _Maker, parent: etree._Element, spells: list[tuple[str | None, str | None]]):
    if not spells:
        return
    block = E.sub(parent, "spells")
    for start, end in spells:
        spell = E.sub(block, "spell")
        if start is not None:
            spell.set("start", start)
        if end is not None:
            spell.set("end", end)


def _spell_list(data: Mapping[str, Any], where: str) -> list[tuple[str | None, str | None]]:
    """The element's time spells as ISO dates, from ``spells`` or else ``start``/``end``.

    No spell at all means "always there" in GEXF, so fully open spells are left out.
    """
    raw = data.get("spells")
    if raw is None:
        start, end = data.get("start"), data.get("end")
        raw = [] if start is None and end is None else [(start, end)]
    if isinstance(raw, (str, bytes)) or not isinstance(raw, Iterable):
        raise BlocgraphError(
            f"write_gexf: {where} has spells {raw!r}; expected a list of (start, end) pairs"
        )
    spells = []
    for pair in raw:
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Iterable) or len(pair) != 2:
            raise BlocgraphError(
                f"write_gexf: {where} has spell {pair!r}; expected a (start, end) pair"
            )
        start = _iso_date(pair[0], where, last=False)
        end = _iso_date(pair[1], where, last=True)
        if start is not None and end is not None and start > end:
            raise BlocgraphError(
                f"write_gexf: {where} has a spell ending before it starts: {pair!r}"
            )
        if start is not None or end is not None:  # an unbounded spell says nothing
            spells.append((start, end))
    return spells


@lru_cache(maxsize=8192)
def _day(text: str, last: bool) -> str:
    """The first or last day of a partial date; kept, since a view repeats the same few
    thousand dates across its elements (each parse was a fifth of writing the 100k view)."""
    partial = PartialDate.parse(text)
    return (partial.last_day if last else partial.first_day).isoformat()


def _iso_date(value: Any, where: str, *, last: bool) -> str | None:
    """An ISO date; a year or month stands for its first day at a start, its last at an end."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return _day(str(value), last)
    except ValueError:
        raise BlocgraphError(
            f"write_gexf: {where} has spell bound {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
