"""Who sits with whom: centrality, communities and tensions in the states view.

Everything is computed on the ``states`` view (see :mod:`graph_builder.network.views`).
Communities use ``affinity`` (shared blocs and chair hand-overs), not the total weight:
a conflict is a tie in the network but not a reason to put two states in one group.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field

import networkx as nx

SEED = 42  # Louvain is randomised; a fixed seed gives the same communities on every run
STATE_COLUMNS = (
    "state",
    "iso3",
    "community",
    "degree",
    "weighted_degree",
    "betweenness",
    "chairmanships",
    "conflicts",
    "memberships",
)


@dataclass
class Analysis:
    """The answer of :func:`analyze`, ready to print as a table, CSV or JSON."""

    states: list[dict] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    bridges: list[dict] = field(default_factory=list)
    conflicts_in_bloc: list[dict] = field(default_factory=list)

    def format(self, fmt: str = "table") -> str:
        """The analysis as text: "table", "csv" (per-state rows only) or "json"."""
        return FORMATS[fmt](self)


def analyze(G: nx.Graph, *, seed: int = SEED) -> Analysis:
    """Per-state measures, Louvain communities, the edges between them, in-bloc conflicts."""
    label = {n: str(d.get("label", n)) for n, d in G.nodes(data=True)}
    communities = _communities(G, seed)
    community_of = {n: i for i, members in enumerate(communities) for n in members}
    # Betweenness counts shortest paths in hops: weights here are tie strengths, and
    # networkx would read them as distances, making the strongest ties the longest.
    betweenness = nx.betweenness_centrality(G, normalized=True) if len(G) else {}
    cut_edges = {frozenset(e) for e in nx.bridges(G)} if len(G) else set()

    states = []
    for n, data in G.nodes(data=True):
        states.append(
            {
                "state": label[n],
                "iso3": data.get("iso3", ""),
                "community": community_of[n] + 1,
                "degree": G.degree(n),
                "weighted_degree": float(G.degree(n, weight="weight")),
                "betweenness": round(betweenness.get(n, 0.0), 6),
                "chairmanships": int(data.get("chairmanships", 0)),
                "conflicts": int(sum(d.get("conflicts", 0) for *_, d in G.edges(n, data=True))),
                "memberships": str(data.get("memberships", "")),
            }
        )
    states.sort(key=lambda r: (-r["weighted_degree"], r["state"]))

    bridges, in_bloc = [], []
    for u, v, data in G.edges(data=True):
        a, b = sorted((label[u], label[v]))
        if community_of[u] != community_of[v]:
            bridges.append(
                {
                    "a": a,
                    "b": b,
                    "communities": sorted((community_of[u] + 1, community_of[v] + 1)),
                    "relations": str(data.get("relations", "")),
                    "weight": float(data.get("weight", 1.0)),
                    "cut_edge": frozenset((u, v)) in cut_edges,
                }
            )
        if data.get("conflicts", 0) and data.get("shared_memberships", 0):
            in_bloc.append(
                {
                    "a": a,
                    "b": b,
                    "blocs": str(data.get("shared_blocs", "")),
                    "conflicts": int(data["conflicts"]),
                }
            )
    bridges.sort(key=lambda r: (-r["weight"], r["a"], r["b"]))
    in_bloc.sort(key=lambda r: (r["a"], r["b"]))
    return Analysis(
        states=states,
        communities=[sorted(label[n] for n in members) for members in communities],
        bridges=bridges,
        conflicts_in_bloc=in_bloc,
    )


def _communities(G: nx.Graph, seed: int) -> list[set]:
    """Louvain communities on affinity, largest first; states without affinity stand alone."""
    if not len(G):
        return []
    H = nx.Graph()
    H.add_nodes_from(G)
    H.add_edges_from(
        (u, v, {"affinity": d.get("affinity", d.get("weight", 1.0))})
        for u, v, d in G.edges(data=True)
        if d.get("affinity", d.get("weight", 1.0)) > 0
    )
    found = nx.community.louvain_communities(H, weight="affinity", seed=seed)
    return sorted(found, key=lambda c: (-len(c), sorted(map(str, c))))


# --- output ---------------------------------------------------------------------------------


def to_json(result: Analysis) -> str:
    return json.dumps(asdict(result), indent=2, ensure_ascii=False) + "\n"


def to_csv(result: Analysis) -> str:
    """The per-state table only (one table per CSV file); use JSON for the rest."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=STATE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(result.states)
    return out.getvalue()


def _table(rows: list[dict], columns: list[str]) -> str:
    cells = [[_cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "-".join(map(str, value))
    return str(value)


def to_table(result: Analysis) -> str:
    """Four plain-text sections: states, communities, bridges, conflicts inside a bloc."""
    parts = [f"States ({len(result.states)})", _table(result.states, list(STATE_COLUMNS))]
    parts.append(f"\nCommunities (Louvain, seed {SEED}, on shared blocs and hand-overs)")
    parts += [f"  {i}. {', '.join(m)}" for i, m in enumerate(result.communities, 1)]
    parts.append("\nBridges between communities")
    if result.bridges:
        columns = ["a", "b", "communities", "relations", "weight", "cut_edge"]
        parts.append(_table(result.bridges, columns))
    else:
        parts.append("  none")
    parts.append("\nStates in conflict while sharing a bloc")
    if result.conflicts_in_bloc:
        parts.append(_table(result.conflicts_in_bloc, ["a", "b", "blocs", "conflicts"]))
    else:
        parts.append("  none")
    return "\n".join(parts) + "\n"


FORMATS = {"table": to_table, "csv": to_csv, "json": to_json}
