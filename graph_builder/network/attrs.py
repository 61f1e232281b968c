"""Attribute values every export format can hold.

The networkx views may carry None (unknown), lists (spells), tuples, dates or numpy scalars.
GraphML, GEXF and node-link JSON each accept a different subset of these, and tools such as
Gephi break when one key has two types, so every writer goes through the same cleaning:
missing values are dropped, compound values become text, and each key gets one type.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

Scalar = str | int | float | bool

# Characters XML 1.0 cannot carry; lxml refuses them and ElementTree writes broken files.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Graph attributes networkx readers add for their own bookkeeping; the GraphML writer
# expects them to stay dicts, so they are not exported as data.
_NETWORKX_INTERNAL = frozenset({"node_default", "edge_default"})


def _json_default(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def clean_text(text: str) -> str:
    """Drop characters an XML file cannot contain, so a stray control byte cannot break it."""
    return _XML_INVALID.sub("", text)


def to_scalar(value: Any) -> Scalar | None:
    """One attribute value as str, int, float or bool; None means "leave it out".

    Lists, tuples, sets and dicts become JSON text so they can be read back unambiguously
    (a spell list becomes ``[["2023-01-01", "2023-12-31"], ["2024-01-01", null]]``).
    NaN and infinities count as missing: JSON cannot hold them and they carry no fact.
    """
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:  # numpy scalars, as networkx algorithms may return them
            value = value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return clean_text(json.dumps(value, default=_json_default, ensure_ascii=False))
    if isinstance(value, bytes):
        return clean_text(value.decode("utf-8", errors="replace"))
    return clean_text(str(value))


def scalar_attrs(data: Mapping[Any, Any]) -> dict[str, Scalar]:
    """An attribute dict with every value made a scalar and missing ones left out."""
    out: dict[str, Scalar] = {}
    for key, raw in data.items():
        value = to_scalar(raw)
        if value is not None:
            out[clean_text(str(key))] = value
    return out


def _widest(types: set[type]) -> type:
    if types == {bool}:
        return bool
    if types <= {int}:
        return int
    if types <= {int, float}:
        return float  # widening keeps every value exact enough and the column numeric
    return str


def common_types(records: Iterable[Mapping[str, Scalar]]) -> dict[str, type]:
    """The one type each key gets: bool, int, float (ints and floats mixed) or else str."""
    seen: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            seen.setdefault(key, set()).add(type(value))
    return {key: _widest(types) for key, types in seen.items()}


def coerce(value: Scalar, kind: type) -> Scalar:
    """A value written in its key's common type (see :func:`common_types`)."""
    if kind is str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)
    if kind is float:
        return float(value)
    return value


def uniform(records: list[dict[str, Scalar]]) -> tuple[list[dict[str, Scalar]], dict[str, type]]:
    """Records with each key coerced to its common type, and those types."""
    types = common_types(records)
    fixed = [{key: coerce(value, types[key]) for key, value in rec.items()} for rec in records]
    return fixed, types


def sanitise_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` (same class) whose graph, node and edge attributes any writer accepts."""
    H = G.__class__()
    H.graph.update(scalar_attrs({k: v for k, v in G.graph.items() if k not in _NETWORKX_INTERNAL}))

    nodes = list(G.nodes)
    node_data, _ = uniform([scalar_attrs(d) for _, d in G.nodes(data=True)])
    H.add_nodes_from(zip(nodes, node_data, strict=True))

    if G.is_multigraph():
        triples = list(G.edges(keys=True, data=True))
        edge_data, _ = uniform([scalar_attrs(d) for *_, d in triples])
        H.add_edges_from((u, v, k, d) for (u, v, k, _), d in zip(triples, edge_data, strict=True))
    else:
        pairs = list(G.edges(data=True))
        edge_data, _ = uniform([scalar_attrs(d) for *_, d in pairs])
        H.add_edges_from((u, v, d) for (u, v, _), d in zip(pairs, edge_data, strict=True))
    return H
