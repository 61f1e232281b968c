"""A picture of the states view: blocs as shaded hulls, communities as colours.

matplotlib is an optional extra (``pip install 'blocgraph[plot]'``): everything else in
blocgraph works without it, so it is imported only when a picture is asked for.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict

import networkx as nx

from graph_builder.core.errors import BlocgraphError
from graph_builder.network.analyze import SEED, analyze

COMMUNITY_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"]
BLOC_COLORS = ["#a0cbe8", "#ffbe7d", "#8cd17d", "#d4a6c8", "#86bcb6", "#f1ce63"]
MEMBERSHIP = {"color": "#9a9a9a", "style": "solid"}
HANDOVER = {"color": "#1b7837", "style": "solid"}
CONFLICT = {"color": "#d62728", "style": "dashed"}


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only; no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        raise BlocgraphError(
            "plot needs matplotlib: pip install 'blocgraph[plot]' (or pip install matplotlib)"
        ) from None
    return plt


def plot_states(G: nx.Graph, path: str | os.PathLike[str], *, title: str | None = None) -> str:
    """Draw the states view ``G`` to exactly ``path`` (SVG or PDF by its extension, else
    PNG: matplotlib would add '.png' to a name without one); returns the path written."""
    plt = _pyplot()
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Patch, Polygon

    result = analyze(G)
    label = {n: d.get("label", n) for n, d in G.nodes(data=True)}
    community = {}
    for i, members in enumerate(result.communities):
        for name in members:
            community[name] = i
    pos = _layout(G)

    fig, ax = plt.subplots(figsize=(11, 8), dpi=110)
    ax.set_axis_off()

    # Blocs: a padded hull around the members of each organisation
    blocs: dict[str, list] = defaultdict(list)
    for n, d in G.nodes(data=True):
        for bloc in filter(None, str(d.get("memberships", "")).split("|")):
            blocs[bloc].append(n)
    bloc_handles = []
    for i, (bloc, members) in enumerate(sorted(blocs.items(), key=lambda b: -len(b[1]))):
        color = BLOC_COLORS[i % len(BLOC_COLORS)]
        points = [pos[n] for n in members]
        hull = _hull(points)
        ax.add_patch(
            Polygon(
                hull,
                closed=True,
                facecolor=color,
                edgecolor=color,
                alpha=0.25,
                linewidth=60,
                joinstyle="round",
                zorder=0,
            )
        )
        top = max(points, key=lambda p: p[1])
        ax.text(
            top[0],
            top[1] + 0.17,
            bloc,
            ha="center",
            va="bottom",
            fontsize=13,
            fontweight="bold",
            color="#444444",
            zorder=5,
        )
        bloc_handles.append(Patch(facecolor=color, alpha=0.5, label=f"{bloc} members"))

    # Edges: shared blocs grey, conflicts red dashed, hand-overs green arrows
    for u, v, d in G.edges(data=True):
        relations = set(str(d.get("relations", "")).split("|"))
        (x1, y1), (x2, y2) = pos[u], pos[v]
        if "shared_membership" in relations:
            ax.plot(
                [x1, x2],
                [y1, y2],
                color=MEMBERSHIP["color"],
                zorder=1,
                linewidth=0.8 + 0.8 * d.get("shared_memberships", 1),
            )
        if "in_conflict_with" in relations:
            ax.plot(
                [x1, x2],
                [y1, y2],
                color=CONFLICT["color"],
                linestyle="--",
                zorder=2,
                linewidth=1.5 + 1.0 * d.get("conflicts", 1),
            )
            mx, my = (x1 + x2) / 2, (y1 + y2) / 2
            ax.text(
                mx,
                my,
                f"conflicts: {d.get('conflicts', 1)}",
                color=CONFLICT["color"],
                fontsize=9,
                ha="center",
                va="center",
                zorder=6,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
            )
        if "handed_over_to" in relations:
            giver = set(str(d.get("handover_from", "")).split("|"))
            pairs = [(u, v)] if label[u] in giver else []
            pairs += [(v, u)] if label[v] in giver else []
            for a, b in pairs:
                ax.add_patch(
                    FancyArrowPatch(
                        pos[a],
                        pos[b],
                        arrowstyle="-|>",
                        mutation_scale=22,
                        color=HANDOVER["color"],
                        linewidth=3,
                        connectionstyle="arc3,rad=0.25",
                        shrinkA=18,
                        shrinkB=18,
                        zorder=3,
                    )
                )
            ax.annotate(
                _handover_text(d),
                ((x1 + x2) / 2, (y1 + y2) / 2),
                xytext=(0, 30),
                textcoords="offset points",
                color=HANDOVER["color"],
                fontsize=9,
                ha="center",
                va="bottom",
                zorder=6,
                fontweight="bold",
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
            )

    # Nodes: colour by community, size by weighted degree, name and chair terms beside
    for n, d in G.nodes(data=True):
        x, y = pos[n]
        size = 350 + 90 * G.degree(n, weight="weight")
        color = COMMUNITY_COLORS[community.get(label[n], 0) % len(COMMUNITY_COLORS)]
        ax.scatter([x], [y], s=size, color=color, edgecolors="white", linewidths=2, zorder=4)
        text = label[n]
        if d.get("chairmanships"):
            terms = [_term(t) for t in str(d.get("chaired", "")).split("|") if t]
            text += "\nchair " + ", ".join(terms)
        radius = math.sqrt(size) / 2
        ax.annotate(
            text,
            (x, y),
            xytext=(0, -radius - 3),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=11,
            zorder=7,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7, "pad": 1},
        )

    handles = bloc_handles + [
        Line2D([], [], color=MEMBERSHIP["color"], linewidth=2, label="share a bloc"),
        Line2D(
            [], [], color=HANDOVER["color"], linewidth=3, marker=">", label="handed the chair to"
        ),
        Line2D(
            [],
            [],
            color=CONFLICT["color"],
            linewidth=2.5,
            linestyle="--",
            label="in conflict (clashes, confrontations)",
        ),
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=11,
            color=COMMUNITY_COLORS[i % len(COMMUNITY_COLORS)],
            label=f"community {i + 1}",
        )
        for i in range(len(result.communities))
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=9, frameon=True, framealpha=0.9)
    ax.set_title(title or "States and their relations (blocgraph)", fontsize=14)
    ax.margins(0.15)
    ax.set_aspect("equal", adjustable="datalim")
    fig.tight_layout()
    suffix = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
    fmt = suffix if suffix in ("svg", "pdf", "png") else "png"
    try:
        fig.savefig(os.fspath(path), format=fmt)
    except OSError as exc:
        raise BlocgraphError(f"{path}: cannot write the picture ({exc.strerror})") from None
    finally:
        plt.close(fig)
    return os.fspath(path)


def _term(term: str) -> str:
    """ "CSTO 2023-01-01/2023-12-31" -> "CSTO 2023": whole calendar years shown as years."""
    org, _, span = term.rpartition(" ")
    start, _, end = span.partition("/")
    if start.endswith("-01-01") and end.endswith("-12-31"):
        years = start[:4] if start[:4] == end[:4] else f"{start[:4]}-{end[:4]}"
        return f"{org} {years}".strip()
    return term


def _handover_text(d: dict) -> str:
    """ "Belarus -> Kazakhstan (CSTO, 2024-01-01)" -> "CSTO chair handed over 2024-01-01"."""
    out = []
    for item in filter(None, str(d.get("handover", "")).split("|")):
        inside = item[item.find("(") + 1 : item.rfind(")")]
        org, _, date = inside.partition(", ")
        out.append(f"{org} chair handed over {date}".strip())
    return "\n".join(out)


def _layout(G: nx.Graph) -> dict:
    """Positions: blocs pull their members together, conflicts only weakly."""
    H = nx.Graph()
    H.add_nodes_from(sorted(G))
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, w=float(d.get("affinity", 0.0)) + 0.8 * float(d.get("conflicts", 0)))
    if len(H) == 0:
        return {}
    # spring layout from a circle: numpy only (kamada_kawai would need scipy), deterministic
    start = nx.circular_layout(H)
    k = 1.5 / math.sqrt(len(H))
    pos = nx.spring_layout(H, pos=start, weight="w", seed=SEED, iterations=200, k=k)
    return nx.rescale_layout_dict(pos, scale=1.0)


def _hull(points: list) -> list:
    """Convex hull (Andrew's monotone chain); one or two points give themselves."""
    pts = sorted({(float(x), float(y)) for x, y in points})
    if len(pts) <= 2:
        return pts if len(pts) == 2 else pts * 2

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
