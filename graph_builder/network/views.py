"""The knowledge graph as networkx graphs, read through the SPARQL queries of queries/network/.

The views only ever call ``target.select(text)`` and read lexical values, so the same code
works on the embedded store and on a remote SPARQL endpoint; the queries are files so that
they can be read, tested and run by hand like every other query of the project.

Two views:

* ``full``: a MultiDiGraph of states, organisations, persons and events; one edge per
  (source, target, relation), weighted by the number of facts behind it, with the source
  articles and, per fact, a (start, end) spell.
* ``states``: an undirected Graph of states only; an edge counts the blocs two states share,
  the chair hand-overs between them and their conflicts, each kind in its own attribute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from typing import Protocol

import networkx as nx
from pyoxigraph import Literal

from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import outside_membership
from graph_builder.core.resources import queries_dir
from graph_builder.core.vocab import NETWORK_VIEWS, WD
from graph_builder.graph.results import Results
from graph_builder.query.named import with_values

VIEWS = NETWORK_VIEWS
RELATIONS = (
    "member_of",
    "chaired",
    "holds_post",
    "participated_in",
    "absent_from",
    "in_conflict_with",
    "cooperates_with",
    "handed_over_to",
)
NODE_TYPES = ("state", "organization", "person", "event")
STATES_VIEW_TYPES = ("state", "organization")  # read by queries/network/states_nodes.rq
SEP = "|"  # joins several source articles or labels into one attribute value

Spell = tuple[str | None, str | None]


class Selectable(Protocol):
    """Anything that answers SPARQL SELECT: the embedded Store, a remote endpoint client."""

    def select(self, sparql: str) -> Results: ...


@cache
def query_text(name: str) -> str:
    """The text of ``queries/network/<name>.rq``."""
    path = queries_dir() / "network" / f"{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BlocgraphError(f"{path}: cannot read the network query ({exc.strerror})") from None


def run(target: Selectable, name: str, bindings: dict | None = None) -> list[dict[str, str]]:
    """Rows of one network query as {variable: lexical value}, unbound ones left out."""
    text = query_text(name)
    if bindings:
        text = with_values(text, bindings)
    return target.select(text).values()


@dataclass
class _Edge:
    """One (source, target, relation) edge gathered from the rows of its query."""

    facts: set[str] = field(default_factory=set)
    spells: dict[str, Spell] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    extra: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _gather(rows: Iterable[dict[str, str]], extra: Iterable[str] = ()) -> dict:
    edges: dict[tuple[str, str], _Edge] = defaultdict(_Edge)
    for row in rows:
        edge = edges[row["source"], row["target"]]
        # a conflict may be known without any event behind it: it still counts once
        fact = row.get("fact", "")
        edge.facts.add(fact)
        if fact not in edge.spells or row.get("start") or row.get("end"):
            edge.spells[fact] = (row.get("start"), row.get("end"))
        if "article" in row:
            edge.articles.add(row["article"])
        for key in extra:
            if key in row:
                edge.extra[key].add(row[key])
    return edges


def _bounds(spells: Iterable[Spell]) -> tuple[str | None, str | None]:
    """Earliest start and latest end; an open bound anywhere leaves that side open."""
    spells = list(spells)
    starts = [s for s, _ in spells]
    ends = [e for _, e in spells]
    start = None if not starts or None in starts else min(starts)
    end = None if not ends or None in ends else max(ends)
    return start, end


def _timeline(spells: Iterable[Spell]) -> list[Spell]:
    """The spells of an edge for GEXF; one undated fact means the edge is always there."""
    spells = sorted(set(spells), key=lambda s: (s[0] or "", s[1] or ""))
    if any(s == (None, None) for s in spells):
        return []
    return spells


def _node_rows(target: Selectable, types: Iterable[str]) -> Iterable[dict[str, str]]:
    """The rows of the node query: the states view's two families in one query, else one
    query per family."""
    types = tuple(types)
    if types == STATES_VIEW_TYPES:  # a node of both families is a state, as one by one
        yield from sorted(run(target, "states_nodes"), key=lambda r: types.index(r["type"]))
        return
    for node_type in types:
        yield from run(target, "nodes", {"type": Literal(node_type)})


def _nodes(target: Selectable, types: Iterable[str]) -> dict[str, dict]:
    """Node attributes by IRI, for the node families ``types``."""
    nodes: dict[str, dict] = {}
    for row in _node_rows(target, types):
        data = nodes.setdefault(row["node"], {"type": row["type"]})
        for key in ("label", "iso2", "iso3", "kind", "start", "end"):
            if key in row and key not in data:
                data[key] = row[key]
        if "wikidata" in row and "wikidata" not in data:
            data["wikidata"] = row["wikidata"].removeprefix(WD)
    for iri, data in nodes.items():
        data.setdefault("label", _fallback_label(iri))
        kind = data.pop("kind", None)
        if data["type"] == "event" and kind:
            data["event_type"] = kind
        if data["type"] == "organization":
            data["security_bloc"] = kind == "security_bloc"
    return nodes


def _fallback_label(iri: str) -> str:
    """A readable label from a minted IRI: id/event/clash/2021-05/armenia-azerbaijan ->
    "clash 2021-05 armenia-azerbaijan" (unnamed events have no rdfs:label)."""
    path = iri.split("/id/", 1)[-1]
    kind, _, rest = path.partition("/")
    return rest.replace("/", " ") if kind in ("event", "person") and rest else path


def to_networkx(target: Selectable, view: str = "full", dynamic: bool = False) -> nx.Graph:
    """The ``view`` ("full" or "states") of the graph behind ``target`` as a networkx graph.

    With ``dynamic`` every edge (and every dated event node) also carries ``spells``, a list
    of (start, end) ISO dates, which the GEXF writer turns into a timeline; the static
    ``start``/``end`` attributes (earliest start, latest end) are there in both cases.
    """
    if view == "full":
        return full_view(target, dynamic=dynamic)
    if view == "states":
        return states_view(target, dynamic=dynamic)
    raise BlocgraphError(f"to_networkx: view must be one of {', '.join(VIEWS)}, not {view!r}")


def full_view(target: Selectable, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """States, organisations, persons and events, with one typed edge per relation."""
    nodes = _nodes(target, NODE_TYPES)
    G = nx.MultiDiGraph(name="blocgraph full view", view="full")
    for iri in sorted(nodes):
        data = dict(nodes[iri])
        if dynamic and data["type"] == "event":
            data["spells"] = _timeline([(data.get("start"), data.get("end"))])
        G.add_node(iri, **data)

    extras = {"member_of": ["status"], "holds_post": ["post"], "cooperates_with": ["proposer"]}
    extras["handed_over_to"] = ["org"]
    for relation in RELATIONS:
        edges = _gather(run(target, relation), extras.get(relation, ()))
        for (u, v), edge in sorted(edges.items()):
            if u not in G or v not in G:
                continue  # an end without a type (e.g. a post in an unknown body): no node
            data = _edge_data(relation, edge, dynamic)
            for key, values in edge.extra.items():
                data.update(_extra(key, values, nodes))
            G.add_edge(u, v, key=relation, **data)
    return G


def _edge_data(relation: str, edge: _Edge, dynamic: bool) -> dict:
    spells = list(edge.spells.values())
    start, end = _bounds(spells)
    data: dict = {
        "relation": relation,
        "label": relation,
        "weight": float(len(edge.facts)),
        "sources": SEP.join(sorted(edge.articles)),
        "start": start,
        "end": end,
    }
    if dynamic:
        data["spells"] = _timeline(spells)
    return data


def _extra(key: str, values: set[str], nodes: dict[str, dict]) -> dict[str, str]:
    """Relation-specific edge attributes, IRIs shown by their labels."""
    labels = sorted(nodes.get(v, {}).get("label", v) for v in values)
    name = {"org": "organization", "proposer": "proposed_by"}.get(key, key)
    return {name: SEP.join(labels)}


def states_view(target: Selectable, *, dynamic: bool = False) -> nx.Graph:
    """States only; edges count shared blocs, chair hand-overs and conflicts separately.

    ``weight`` is their sum; ``affinity`` (shared blocs plus hand-overs) leaves conflicts out,
    so that community detection and layouts do not pull adversaries together.
    """
    nodes = _nodes(target, STATES_VIEW_TYPES)
    states = {iri: d for iri, d in nodes.items() if d["type"] == "state"}
    label = {iri: d["label"] for iri, d in nodes.items()}
    G = nx.Graph(name="blocgraph states view", view="states")
    for iri in sorted(states):
        G.add_node(iri, **states[iri], chairmanships=0, chaired="", memberships="")

    # observers, partners and associates share no bloc with its members (the full view keeps
    # their edges, with the status)
    members = _gather(r for r in run(target, "member_of")
                      if not outside_membership(r.get("status")))
    # each state's membership of a bloc as one period (earliest start, latest end)
    by_org: dict[str, dict[str, Spell]] = defaultdict(dict)
    for (state, org), edge in members.items():
        if state in G:
            by_org[org][state] = _bounds(edge.spells.values())
    blocs: dict[str, list[str]] = defaultdict(list)
    for org, member_spells in by_org.items():
        for state in member_spells:
            blocs[state].append(label.get(org, org))
    for state in G:
        G.nodes[state]["memberships"] = SEP.join(sorted(blocs[state]))

    chairs = _gather(run(target, "chaired"))
    for (state, org), edge in sorted(chairs.items()):
        if state not in G:
            continue
        node = G.nodes[state]
        node["chairmanships"] += len(edge.facts)
        terms = [f"{label.get(org, org)} {_span(s)}" for s in sorted(edge.spells.values(), key=str)]
        node["chaired"] = SEP.join(filter(None, [node["chaired"], *terms]))

    pairs: dict[tuple[str, str], dict] = defaultdict(
        lambda: {"shared": [], "handovers": [], "conflicts": [], "spells": [], "sources": set()}
    )
    for org, member_spells in sorted(by_org.items()):
        for a, b in combinations(sorted(member_spells), 2):
            pair = pairs[a, b]
            pair["shared"].append(org)
            pair["spells"].append(_overlap(member_spells[a], member_spells[b]))
    for (a, b), edge in sorted(_gather(run(target, "handed_over_to"), ["org"]).items()):
        if a in G and b in G:
            pair = pairs[tuple(sorted((a, b)))]
            orgs = ", ".join(sorted(label.get(o, o) for o in edge.extra["org"]))
            for _, spell in sorted(edge.spells.items()):
                pair["handovers"].append(f"{label[a]} -> {label[b]} ({orgs}, {spell[0] or '?'})")
                pair["spells"].append(spell)
            pair["sources"] |= edge.articles
            pair.setdefault("from", set()).add(a)
    for (a, b), edge in sorted(_gather(run(target, "in_conflict_with")).items()):
        if a in G and b in G:
            pair = pairs[tuple(sorted((a, b)))]
            pair["conflicts"].extend(sorted(edge.facts))
            pair["spells"].extend(edge.spells.values())
            pair["sources"] |= edge.articles

    for (a, b), pair in sorted(pairs.items()):
        shared, handovers, conflicts = pair["shared"], pair["handovers"], pair["conflicts"]
        relations = [
            name
            for name, items in (
                ("shared_membership", shared),
                ("handed_over_to", handovers),
                ("in_conflict_with", conflicts),
            )
            if items
        ]
        sources = set(pair["sources"])
        for org in shared:
            sources |= members[a, org].articles | members[b, org].articles
        data = {
            "label": "+".join(relations),
            "relations": SEP.join(relations),
            "shared_memberships": len(shared),
            "shared_blocs": SEP.join(sorted(label.get(org, org) for org in shared)),
            "handovers": len(handovers),
            "handover": SEP.join(handovers),
            "handover_from": SEP.join(sorted(label[s] for s in pair.get("from", ()))),
            "conflicts": len(conflicts),
            "affinity": float(len(shared) + len(handovers)),
            "weight": float(len(shared) + len(handovers) + len(conflicts)),
            "sources": SEP.join(sorted(sources)),
        }
        if dynamic:
            data["spells"] = _timeline(pair["spells"])
        G.add_edge(a, b, **data)
    return G


def _span(spell: Spell) -> str:
    start, end = spell
    return f"{start or '?'}/{end or '?'}"


def _overlap(a: Spell, b: Spell) -> Spell:
    """When both states were members: the overlap of their membership periods (best effort).

    Each state's membership is taken as one period (earliest start, latest end, see
    ``_bounds``); open bounds stay open, and disjoint periods give the later start as a
    one-day spell.
    """
    (s1, e1), (s2, e2) = a, b
    start = max((s for s in (s1, s2) if s), default=None)
    end = min((e for e in (e1, e2) if e), default=None)
    if start and end and end < start:
        end = start
    return start, end
