"""The network views of the seed graph, and every export of them read back by real readers.

The graph is built from the hand-curated facts of the seed article into a temporary
store, so these tests follow the whole chain: facts -> RDF -> inference -> queries/network
-> networkx -> GEXF / GraphML / JSON -> networkx, graphology-gexf and the official schemas.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from helpers.gexf_check import (
    XSI_LOCATION,
    assert_gexf_valid,
    assert_valid,
    ensure_graphology,
    graphology_read,
    rng,
)
from lxml import etree

import graph_builder
from graph_builder.cli import main
from graph_builder.core.errors import BlocgraphError
from graph_builder.network import write_gexf, write_graphml, write_json
from graph_builder.network.gexf import PALETTE, VERSIONS
from graph_builder.network.views import RELATIONS, to_networkx

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/blocgraph/id/"
SEED = "000_eab27d500f391317.txt"
CSTO = ID + "org/csto"
CSTO_MEMBERS = ["Russia", "Belarus", "Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]
CASES = [
    (view, version, dynamic)
    for view in ("full", "states")
    for version in ("1.3", "1.2draft")
    for dynamic in (False, True)
]
CASE_IDS = [f"{v}-{ver}-{'dynamic' if d else 'static'}" for v, ver, d in CASES]


def state(name: str) -> str:
    return f"{ID}state/{name.lower()}"


@pytest.fixture(scope="module")
def seed(seed_store: Path) -> graph_builder.Blocgraph:
    """The session's seed store (curated facts), read only here."""
    return graph_builder.Blocgraph(seed_store)


@pytest.fixture(scope="module")
def views(seed) -> dict[tuple[str, bool], nx.Graph]:
    return {
        (view, dynamic): to_networkx(seed.store, view, dynamic=dynamic)
        for view in ("full", "states")
        for dynamic in (False, True)
    }


def edges_of(G: nx.MultiDiGraph, relation: str) -> dict[tuple[str, str], dict]:
    return {(u, v): d for u, v, k, d in G.edges(keys=True, data=True) if k == relation}


# --- full view --------------------------------------------------------------------------


def test_full_view_nodes_have_types_codes_and_labels(views):
    G = views["full", False]
    types = {d["type"] for _, d in G.nodes(data=True)}
    assert types == {"state", "organization", "person", "event"}
    kz = G.nodes[state("Kazakhstan")]
    assert (kz["label"], kz["iso2"], kz["iso3"], kz["wikidata"]) == (
        "Kazakhstan",
        "KZ",
        "KAZ",
        "Q232",
    )
    assert G.nodes[CSTO]["label"] == "CSTO" and G.nodes[CSTO]["security_bloc"] is True
    assert G.nodes[ID + "person/imangali-tasmagambetov"]["type"] == "person"
    summit = G.nodes[ID + "event/summit/csto/2023-11/minsk"]
    assert summit["event_type"] == "summit" and summit["start"] == "2023-11-01"
    assert all("label" in d for _, d in G.nodes(data=True))


def test_full_view_csto_members_and_chairs(views):
    G = views["full", False]
    members = edges_of(G, "member_of")
    assert sorted(G.nodes[u]["label"] for u, v in members if v == CSTO) == sorted(CSTO_MEMBERS)
    assert all(d["sources"] == SEED and d["weight"] == 1.0 for d in members.values())
    chaired = edges_of(G, "chaired")
    assert {(G.nodes[u]["label"], d["start"], d["end"]) for (u, _), d in chaired.items()} == {
        ("Belarus", "2023-01-01", "2023-12-31"),
        ("Kazakhstan", "2024-01-01", "2024-12-31"),
    }
    # Belarus is both a member and the chair of the CSTO: two parallel edges, keyed by relation
    assert set(G[state("Belarus")][CSTO]) == {"member_of", "chaired"}


def test_full_view_handover_conflict_posts_events(views):
    G = views["full", False]
    handover = edges_of(G, "handed_over_to")
    assert list(handover) == [(state("Belarus"), state("Kazakhstan"))]
    data = handover[state("Belarus"), state("Kazakhstan")]
    assert (data["organization"], data["start"], data["sources"]) == ("CSTO", "2024-01-01", SEED)

    conflicts = edges_of(G, "in_conflict_with")
    assert set(conflicts) == {
        (state("Armenia"), state("Azerbaijan")),
        (state("Kyrgyzstan"), state("Tajikistan")),
    }
    armenia = conflicts[state("Armenia"), state("Azerbaijan")]
    assert armenia["weight"] == 2.0  # the clashes of May 2021 and September 2022
    assert (armenia["start"], armenia["end"]) == ("2021-05-01", "2022-09-30")

    posts = edges_of(G, "holds_post")
    assert posts[ID + "person/imangali-tasmagambetov", CSTO]["post"] == "secretary general"
    assert posts[ID + "person/kassym-jomart-tokayev", state("Kazakhstan")]["post"] == "president"
    absent = edges_of(G, "absent_from")
    assert {u for u, _ in absent} == {state("Armenia")}
    assert edges_of(G, "cooperates_with")[CSTO, ID + "org/sco"]["proposed_by"] == "Kazakhstan"
    assert {k for *_, k in G.edges(keys=True)} == set(RELATIONS)


def test_dynamic_full_view_has_spells(views):
    G = views["full", True]
    chaired = edges_of(G, "chaired")
    assert chaired[state("Belarus"), CSTO]["spells"] == [("2023-01-01", "2023-12-31")]
    assert chaired[state("Kazakhstan"), CSTO]["spells"] == [("2024-01-01", "2024-12-31")]
    conflict = edges_of(G, "in_conflict_with")[state("Armenia"), state("Azerbaijan")]
    assert conflict["spells"] == [("2021-05-01", "2021-05-31"), ("2022-09-01", "2022-09-30")]
    # an undated membership has no spells: present over the whole timeline
    assert edges_of(G, "member_of")[state("Russia"), CSTO]["spells"] == []
    assert "spells" not in next(iter(edges_of(views["full", False], "chaired").values()))


# --- states view ------------------------------------------------------------------------


def test_states_view(views):
    G = views["states", False]
    assert isinstance(G, nx.Graph) and not G.is_directed()
    assert {d["label"] for _, d in G.nodes(data=True)} == set(CSTO_MEMBERS) | {"Azerbaijan"}
    csto = G.subgraph(state(n) for n in CSTO_MEMBERS)
    assert csto.number_of_edges() == 15  # all six members pairwise
    assert all(d["shared_blocs"] == "CSTO" for *_, d in csto.edges(data=True))

    bk = G[state("Belarus")][state("Kazakhstan")]
    assert (bk["shared_memberships"], bk["handovers"], bk["conflicts"]) == (1, 1, 0)
    assert bk["handover"] == "Belarus -> Kazakhstan (CSTO, 2024-01-01)"
    assert bk["handover_from"] == "Belarus"
    assert bk["weight"] == 2.0

    aa = G[state("Armenia")][state("Azerbaijan")]
    assert (aa["shared_memberships"], aa["handovers"], aa["conflicts"]) == (0, 0, 2)
    assert (aa["weight"], aa["affinity"]) == (2.0, 0.0)
    kt = G[state("Kyrgyzstan")][state("Tajikistan")]
    assert kt["relations"] == "shared_membership|in_conflict_with"

    assert G.nodes[state("Belarus")]["chaired"] == "CSTO 2023-01-01/2023-12-31"
    assert G.nodes[state("Kazakhstan")]["chairmanships"] == 1
    assert G.nodes[state("Azerbaijan")]["memberships"] == ""
    assert G.nodes[state("Armenia")]["iso3"] == "ARM"


def test_unknown_view_is_a_user_error(seed):
    with pytest.raises(BlocgraphError, match="view must be one of full, states"):
        to_networkx(seed.store, "people")


def test_python_api(seed):
    G = seed.to_networkx("states")
    assert G.number_of_nodes() == 7
    assert seed.to_networkx("full", dynamic=True).number_of_edges() == 32


# --- GEXF of the seed, as Gephi and Gephi Lite read it -----------------------------------------


@pytest.fixture(scope="module")
def gexf_files(views, tmp_path_factory) -> dict[tuple, Path]:
    out = tmp_path_factory.mktemp("gexf")
    files = {}
    for view, version, dynamic in CASES:
        path = out / f"seed-{view}-{version}-{'dynamic' if dynamic else 'static'}.gexf"
        write_gexf(views[view, dynamic], path, version=version, dynamic=dynamic)
        files[view, version, dynamic] = path
    return files


@pytest.mark.parametrize(("view", "version", "dynamic"), CASES, ids=CASE_IDS)
def test_seed_gexf_is_valid(gexf_files, view, version, dynamic):
    doc = assert_gexf_valid(gexf_files[view, version, dynamic], version)
    assert doc.getroot().get(XSI_LOCATION) == VERSIONS[version][2]
    ns = {"g": VERSIONS[version][0]}
    graph = doc.find("g:graph", ns)
    assert graph.get("mode") == ("dynamic" if dynamic else "static")
    for klass in ("node", "edge"):  # one block per class, for graphology-gexf
        assert len(graph.findall(f"g:attributes[@class='{klass}']", ns)) == 1
    assert not doc.xpath("//@*[.='None']")
    if version == "1.3":  # the whole file against the 1.3 RELAX NG grammar as well
        del doc.getroot().attrib[XSI_LOCATION]  # XML Schema's hint, not declared there
        assert_valid(rng("1.3"), doc)
    if dynamic and view == "full":
        spells = doc.xpath("//g:edge[@label='chaired']/g:spells/g:spell", namespaces=ns)
        assert sorted((s.get("start"), s.get("end")) for s in spells) == [
            ("2023-01-01", "2023-12-31"),
            ("2024-01-01", "2024-12-31"),
        ]


def comparable_edges(G: nx.Graph, keys: tuple[str, ...]) -> list[tuple]:
    return sorted((u, v) + tuple(str(d.get(k)) for k in keys) for u, v, d in G.edges(data=True))


FULL_EDGE_KEYS = ("relation", "weight", "sources", "start", "end")
STATES_EDGE_KEYS = ("shared_memberships", "handovers", "conflicts", "weight", "handover")
NODE_KEYS = ("label", "type", "iso2", "iso3", "wikidata")


@pytest.mark.parametrize(("view", "version", "dynamic"), CASES, ids=CASE_IDS)
def test_seed_gexf_networkx_reads_it_back(views, gexf_files, view, version, dynamic):
    G = views[view, dynamic]
    H = nx.read_gexf(gexf_files[view, version, dynamic])
    assert set(H) == set(G)
    assert H.number_of_edges() == G.number_of_edges()
    for n, data in G.nodes(data=True):
        for key in NODE_KEYS:
            assert H.nodes[n].get(key) == data.get(key), (n, key)
    keys = FULL_EDGE_KEYS if view == "full" else STATES_EDGE_KEYS
    assert comparable_edges(H, keys) == comparable_edges(G, keys)
    if dynamic and view == "full":
        chaired = {
            u: [tuple(s) for s in d["spells"]]
            for u, _, d in H.edges(data=True)
            if d["relation"] == "chaired"
        }
        assert chaired[state("Belarus")] == [("2023-01-01", "2023-12-31")]


@pytest.fixture(scope="module")
def graphology() -> None:
    ensure_graphology()


@pytest.mark.node
@pytest.mark.parametrize(("view", "version", "dynamic"), CASES, ids=CASE_IDS)
def test_seed_gexf_graphology_reads_it(graphology, views, gexf_files, view, version, dynamic):
    G = views[view, dynamic]
    seen = graphology_read(gexf_files[view, version, dynamic])
    assert (seen["nodes"], seen["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    assert seen["type"] == ("directed" if view == "full" else "undirected")
    assert {"label", "type", "iso2", "iso3", "wikidata", "color"} <= set(seen["nodeAttributes"])
    kz = seen["nodeData"][state("Kazakhstan")]
    assert (kz["iso3"], kz["wikidata"]) == ("KAZ", "Q232")
    assert kz["color"] == "rgb({},{},{})".format(*PALETTE["state"])
    if view == "full":
        assert {"relation", "weight", "sources", "start", "end"} <= set(seen["edgeAttributes"])
        relations = {e["attributes"]["relation"] for e in seen["edgeData"]}
        assert relations == set(RELATIONS)
    else:
        expected = {"shared_memberships", "handovers", "conflicts", "affinity", "weight"}
        assert expected <= set(seen["edgeAttributes"])
        conflicts = {
            frozenset((e["source"], e["target"])): e["attributes"]["conflicts"]
            for e in seen["edgeData"]
        }
        assert conflicts[frozenset((state("Armenia"), state("Azerbaijan")))] == 2


# --- GraphML and JSON ---------------------------------------------------------------------


@pytest.mark.parametrize("view", ["full", "states"])
@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_seed_graphml_and_json_round_trip(views, tmp_path, view, dynamic):
    G = views[view, dynamic]
    keys = FULL_EDGE_KEYS if view == "full" else STATES_EDGE_KEYS
    write_graphml(G, tmp_path / "seed.graphml")
    etree.parse(str(tmp_path / "seed.graphml"))  # well-formed XML
    H = nx.read_graphml(tmp_path / "seed.graphml")
    write_json(G, tmp_path / "seed.json")
    data = json.loads((tmp_path / "seed.json").read_text(encoding="utf-8"))
    J = nx.node_link_graph(data, edges="edges")
    for R in (H, J):
        assert type(R) is type(G)
        assert set(R) == set(G)
        assert R.number_of_edges() == G.number_of_edges()
        for n, d in G.nodes(data=True):
            assert {k: R.nodes[n].get(k) for k in NODE_KEYS} == {k: d.get(k) for k in NODE_KEYS}
        assert comparable_edges(R, keys) == comparable_edges(G, keys)


# --- command line -------------------------------------------------------------------------


def test_cli_exports(seed, tmp_path, capsys):
    store = str(seed.store.root)
    out = tmp_path / "states.gexf"
    args = ["export", "gexf", str(out), "--view", "states", "--dynamic"]
    assert main([*args, "--gexf-version", "1.2draft", "--store", store]) == 0
    assert "7 nodes, 16 edges" in capsys.readouterr().out
    assert_gexf_valid(out, "1.2draft")
    assert main(["export", "graphml", str(tmp_path / "full.graphml"), "--store", store]) == 0
    assert nx.read_graphml(tmp_path / "full.graphml").number_of_nodes() == 22
    assert main(["export", "json", str(tmp_path / "x.json"), "--gexf-version", "1.3"]) == 2
    assert "--gexf-version applies to the gexf format only" in capsys.readouterr().err
    missing = str(tmp_path / "nothing")
    assert main(["export", "gexf", str(out), "--store", missing]) == 2
    assert "run blocgraph build first" in capsys.readouterr().err


def test_cli_plot(seed, tmp_path, capsys):
    out = tmp_path / "seed.png"
    assert main(["plot", str(out), "--store", str(seed.store.root)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 20_000  # a real picture, not an empty canvas


def test_plot_without_matplotlib_says_how_to_install(seed, tmp_path, monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # what an absent package looks like
    assert main(["plot", str(tmp_path / "x.png"), "--store", str(seed.store.root)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "pip install 'blocgraph[plot]'" in err


def test_an_observer_shares_no_bloc_with_the_members(tmp_path):
    """An observer's edge is in the full view with its status; the states view, which
    links states sharing a bloc, leaves it out (no member of)."""
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "sco.json").write_text(json.dumps({
        "article": "sco.txt", "published": "2024-07-05",
        "memberships": [{"organization": "SCO", "member": "China"},
                        {"organization": "SCO", "member": "Russia"},
                        {"organization": "SCO", "member": "Mongolia", "status": "observer"}]}),
        encoding="utf-8")
    bg = graph_builder.open(tmp_path / "store")
    bg.build([facts], extract=False)
    states = bg.to_networkx("states")
    mongolia = next(n for n, d in states.nodes(data=True) if d.get("label") == "Mongolia")
    china = next(n for n, d in states.nodes(data=True) if d.get("label") == "China")
    assert states.nodes[china]["memberships"] == "SCO"
    assert states.nodes[mongolia]["memberships"] == "" and states.degree(mongolia) == 0
    full = bg.to_networkx("full")
    statuses = {d.get("status") for u, v, d in full.edges(mongolia, data=True)}
    assert "observer" in statuses
