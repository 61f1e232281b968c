"""The network export files: valid against the official schemas and read back by real readers.

The graph is a hand-made miniature of the seed article (CSTO, its six members, Azerbaijan,
the Belarus -> Kazakhstan chairmanship hand-over, the Armenia-Azerbaijan conflict, the
Secretary General, the Minsk summit). GEXF files are checked with the GEXF XSD and RELAX NG
grammars, networkx's reader and graphology-gexf (the parser of Gephi Lite, run under Node).
"""

from __future__ import annotations

import io
import json
import math
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from helpers.gexf_check import (
    JS_DIR,
    XSI_LOCATION,
    assert_valid,
    ensure_graphology,
    graphology_read,
    rng,
    viz_grammar,
    viz_ns,
    viz_only,
    without_viz,
    xsd,
)
from lxml import etree

from graph_builder.core.errors import BlocgraphError
from graph_builder.network import write_gexf, write_graphml, write_json
from graph_builder.network.gexf import PALETTE, VERSIONS

ID = "https://example.org/blocgraph/id/"
SEED = "000_eab27d500f391317.txt"
CASES = [(v, d) for v in ("1.3", "1.2draft") for d in (False, True)]
CASE_IDS = [f"{v}-{'dynamic' if d else 'static'}" for v, d in CASES]

STATES = {
    # key: (label, iso2, iso3, wikidata, CSTO member)
    "russia": ("Russia", "RU", "RUS", "Q159", True),
    "belarus": ("Belarus", "BY", "BLR", "Q184", True),
    "armenia": ("Armenia", "AM", "ARM", "Q399", True),
    "kazakhstan": ("Kazakhstan", "KZ", "KAZ", "Q232", True),
    "kyrgyzstan": ("Kyrgyzstan", "KG", "KGZ", "Q813", True),
    "tajikistan": ("Tajikistan", "TJ", "TJK", "Q863", True),
    "azerbaijan": ("Azerbaijan", "AZ", "AZE", "Q227", False),
}
MEMBERS = [k for k, row in STATES.items() if row[4]]


def seed_graph(*, dynamic: bool) -> nx.MultiDiGraph:
    """The seed's network; with ``dynamic`` every node and edge also carries ``spells``."""
    G = nx.MultiDiGraph(name="CSTO seed network")
    for key, (label, iso2, iso3, qid, member) in STATES.items():
        G.add_node(
            ID + key,
            label=label,
            type="state",
            iso2=iso2,
            iso3=iso3,
            wikidata=qid,
            csto_member=member,
        )
    G.add_node(ID + "csto", label="CSTO", type="organization", founded=2002, note=6)
    G.add_node(ID + "tasmagambetov", label="Imangali Tasmagambetov", type="person")
    G.add_node(
        ID + "minsk-summit-2023",
        label="CSTO summit, Minsk",
        type="event",
        date="2023-11-23",
        note="Armenia sent nobody",  # an int on CSTO, a string here: written as string
    )
    G.add_node(ID + "minsk", label="Minsk", type="city", centrality=0.25)

    def edge(u: str, v: str, relation: str, start=None, end=None, weight=1.0, sources=SEED):
        data = {"relation": relation, "weight": weight, "sources": sources}
        if start is not None:
            data["start"] = start
        if end is not None:
            data["end"] = end
        if dynamic:
            data["spells"] = [(start, end)]
        G.add_edge(ID + u, ID + v, **data)

    for member in MEMBERS:
        edge(member, "csto", "member_of", start="2002-10-07")
    edge("belarus", "csto", "chaired", "2023-01-01", "2023-12-31")  # parallel to member_of
    edge("kazakhstan", "csto", "chaired", "2024-01-01", "2024-12-31")
    edge("belarus", "kazakhstan", "handed_over_to", "2024-01-01", "2024-01-01")
    edge(
        "armenia",
        "azerbaijan",
        "in_conflict_with",
        "2021-05-01",
        weight=2.0,
        sources=f"{SEED}|002_clashes.txt",
    )
    edge("tasmagambetov", "csto", "holds_post", "2023-01-01")
    edge("belarus", "minsk-summit-2023", "participated_in", "2023-11-23", "2023-11-23")
    edge("kazakhstan", "minsk-summit-2023", "participated_in", "2023-11-23", "2023-11-23")
    edge("armenia", "minsk-summit-2023", "absent_from", "2023-11-23", "2023-11-23")
    if dynamic:
        for n, data in G.nodes(data=True):
            data["spells"] = [("2023-11-23", "2023-11-23")] if "summit" in n else [(None, None)]
        G.nodes[ID + "tasmagambetov"]["spells"] = [("2023-01-01", None)]
    return G


@pytest.fixture(scope="session")
def gexf_files(tmp_path_factory) -> dict[tuple[str, bool], Path]:
    out = tmp_path_factory.mktemp("gexf")
    files = {}
    for version, dynamic in CASES:
        path = out / f"seed-{version}-{'dynamic' if dynamic else 'static'}.gexf"
        write_gexf(seed_graph(dynamic=dynamic), path, version=version, dynamic=dynamic)
        files[version, dynamic] = path
    return files


# --- GEXF: schemas ---------------------------------------------------------------------


@pytest.mark.parametrize(("version", "dynamic"), CASES, ids=CASE_IDS)
def test_gexf_is_valid_against_official_xsd(gexf_files, version, dynamic):
    doc = etree.parse(str(gexf_files[version, dynamic]))
    assert doc.getroot().tag == f"{{{VERSIONS[version][0]}}}gexf"
    assert doc.getroot().get(XSI_LOCATION) == VERSIONS[version][2]
    assert len(doc.xpath("//viz:color", namespaces={"viz": viz_ns(doc)})) == 11
    assert_valid(xsd(version), without_viz(doc))


@pytest.mark.parametrize(("version", "dynamic"), CASES, ids=CASE_IDS)
def test_gexf_viz_elements_are_valid_against_rng(gexf_files, version, dynamic):
    doc = etree.parse(str(gexf_files[version, dynamic]))
    checked = viz_only(doc)
    assert len(checked.xpath("//*[local-name()='color']")) == 11
    assert_valid(viz_grammar(viz_ns(doc)), checked)


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_gexf_13_whole_file_is_valid_against_rng(gexf_files, dynamic):
    doc = etree.parse(str(gexf_files["1.3", dynamic]))
    # The grammar does not declare xsi:schemaLocation (XML Schema's own hint, not GEXF data).
    del doc.getroot().attrib[XSI_LOCATION]
    grammar = rng("1.3")
    assert_valid(grammar, doc)


def test_schema_checks_catch_a_broken_file(gexf_files):
    """The validators above are not vacuous: a bad colour and a bad spell are refused."""
    doc = etree.parse(str(gexf_files["1.3", True]))
    color = doc.xpath("//viz:color", namespaces={"viz": viz_ns(doc)})[0]
    color.set("r", "300")
    assert not viz_grammar(viz_ns(doc)).validate(viz_only(doc))
    spell = doc.xpath("//g:spell", namespaces={"g": VERSIONS["1.3"][0]})[0]
    spell.set("start", "Nov 2023")
    assert not xsd("1.3").validate(without_viz(doc))


@pytest.mark.parametrize(("version", "dynamic"), CASES, ids=CASE_IDS)
def test_gexf_structure(gexf_files, version, dynamic):
    doc = etree.parse(str(gexf_files[version, dynamic]))
    ns = {"g": VERSIONS[version][0], "viz": viz_ns(doc)}
    graph = doc.find("g:graph", ns)
    assert graph.get("defaultedgetype") == "directed"
    assert graph.get("mode") == ("dynamic" if dynamic else "static")
    assert graph.get("timeformat") == ("date" if dynamic else None)
    assert graph.get("name") is None
    assert doc.findtext("g:meta/g:creator", namespaces=ns) == "blocgraph"
    assert doc.findtext("g:meta/g:description", namespaces=ns) == "CSTO seed network"
    # Gephi Lite reads only the last block of a class: exactly one block per class.
    for klass in ("node", "edge"):
        blocks = graph.findall(f"g:attributes[@class='{klass}']", ns)
        assert len(blocks) == 1
        ids = [a.get("id") for a in blocks[0].findall("g:attribute", ns)]
        assert len(ids) == len(set(ids))
    types = {
        a.get("title"): a.get("type")
        for a in graph.findall("g:attributes[@class='node']/g:attribute", ns)
    }
    assert types["csto_member"] == "boolean"
    assert types["founded"] == "integer"
    assert types["centrality"] == "double"
    assert types["note"] == "string"
    assert "spells" not in types  # spells are <spells> elements, or absent in the static graph
    edge_ids = [e.get("id") for e in graph.iterfind("g:edges/g:edge", ns)]
    assert len(edge_ids) == 14 == len(set(edge_ids))
    for node in graph.iterfind("g:nodes/g:node", ns):
        node_type = node.find("g:attvalues/g:attvalue[@for='type']", ns).get("value")
        color = node.find("viz:color", ns)
        assert tuple(int(color.get(c)) for c in "rgb") == PALETTE[node_type]
    chaired = graph.find("g:edges/g:edge[@label='chaired']", ns)
    assert chaired.get("kind") == ("chaired" if version == "1.3" else None)
    assert float(chaired.get("weight")) == 1.0
    assert not doc.xpath("//@*[.='None']")


def test_gexf_dynamic_spells(gexf_files):
    doc = etree.parse(str(gexf_files["1.3", True]))
    ns = {"g": VERSIONS["1.3"][0]}
    chairs = {
        e.get("source").rsplit("/", 1)[1]: [
            (s.get("start"), s.get("end")) for s in e.iterfind("g:spells/g:spell", ns)
        ]
        for e in doc.iterfind(".//g:edge[@label='chaired']", ns)
    }
    assert chairs == {
        "belarus": [("2023-01-01", "2023-12-31")],
        "kazakhstan": [("2024-01-01", "2024-12-31")],
    }
    person = doc.find(f".//g:node[@id='{ID}tasmagambetov']/g:spells/g:spell", ns)
    assert (person.get("start"), person.get("end")) == ("2023-01-01", None)
    # Russia's only spell is unbounded: no <spells>, which GEXF reads as "always there"
    assert doc.find(f".//g:node[@id='{ID}russia']/g:spells", ns) is None


# --- GEXF: readers ----------------------------------------------------------------------


def edge_facts(G: nx.Graph) -> list[tuple]:
    keys = ("relation", "weight", "sources", "start", "end")
    return sorted((u, v) + tuple(str(d.get(k)) for k in keys) for u, v, d in G.edges(data=True))


@pytest.mark.parametrize(("version", "dynamic"), CASES, ids=CASE_IDS)
def test_gexf_networkx_reads_it_back(gexf_files, version, dynamic):
    G = seed_graph(dynamic=dynamic)
    H = nx.read_gexf(gexf_files[version, dynamic])
    assert isinstance(H, nx.MultiDiGraph)
    assert set(H) == set(G)
    assert H.number_of_edges() == G.number_of_edges() == 14
    for n, data in G.nodes(data=True):
        for key in ("label", "type", "iso2", "iso3", "wikidata", "csto_member", "founded"):
            assert H.nodes[n].get(key) == data.get(key), (n, key)
    assert H.nodes[ID + "csto"]["note"] == "6"
    assert H.nodes[ID + "minsk"]["centrality"] == 0.25
    assert edge_facts(H) == edge_facts(G)
    assert all(d["label"] == d["relation"] for *_, d in H.edges(data=True))
    if dynamic:
        assert spell_facts(H) == spell_facts(G)


def spell_facts(G: nx.Graph) -> tuple[list, list]:
    def bounds(spells):
        # networkx's reader turns an absent bound into the text "None"; a fully open spell
        # is the same as no spell (always there) and is not written
        spells = [tuple(None if b in (None, "None") else b for b in s) for s in spells or []]
        return [s for s in spells if s != (None, None)]

    nodes = sorted((n, bounds(d.get("spells"))) for n, d in G.nodes(data=True))
    edges = sorted((u, v, d["relation"], bounds(d.get("spells"))) for u, v, d in G.edges(data=True))
    return nodes, edges


@pytest.fixture(scope="session")
def graphology() -> None:
    ensure_graphology()


@pytest.mark.node
@pytest.mark.parametrize(("version", "dynamic"), CASES, ids=CASE_IDS)
def test_gexf_graphology_reads_it(graphology, gexf_files, version, dynamic):
    seen = graphology_read(gexf_files[version, dynamic])
    assert (seen["nodes"], seen["edges"]) == (11, 14)
    assert seen["type"] == "directed"
    assert seen["multi"] is True  # Belarus is both member and chair of the CSTO
    expected_nodes = {
        "label",
        "type",
        "iso2",
        "iso3",
        "wikidata",
        "csto_member",
        "founded",
        "note",
        "date",
        "centrality",
        "color",
    }
    expected_edges = {"label", "weight", "relation", "sources", "start", "end"}
    if version == "1.3":
        expected_edges.add("kind")
    assert set(seen["nodeAttributes"]) == expected_nodes
    assert set(seen["edgeAttributes"]) == expected_edges
    russia = seen["nodeData"][ID + "russia"]
    assert russia["iso3"] == "RUS" and russia["csto_member"] is True
    assert russia["color"] == "rgb({},{},{})".format(*PALETTE["state"])
    assert seen["nodeData"][ID + "csto"]["founded"] == 2002
    assert seen["graphAttributes"]["creator"] == "blocgraph"


@pytest.mark.node
def test_gexf_undirected_graph(graphology, tmp_path):
    G = nx.Graph(name="conflicts")
    G.add_node(ID + "armenia", label="Armenia", type="state")
    G.add_node(ID + "azerbaijan", label="Azerbaijan", type="state")
    G.add_edge(ID + "armenia", ID + "azerbaijan", relation="in_conflict_with", weight=2.0)
    path = tmp_path / "conflicts.gexf"
    write_gexf(G, path)
    doc = etree.parse(str(path))
    assert doc.getroot()[1].get("defaultedgetype") == "undirected"
    assert_valid(xsd("1.3"), without_viz(doc))
    H = nx.read_gexf(path)
    assert type(H) is nx.Graph and H.number_of_edges() == 1
    seen = graphology_read(path)
    assert (seen["type"], seen["nodes"], seen["edges"]) == ("undirected", 2, 1)


@pytest.mark.node
def test_npm_ci_works_from_the_lock_file(graphology, tmp_path):
    """The committed package-lock.json installs as is (what CI does on a clean clone)."""
    work = tmp_path / "js"
    work.mkdir()
    for name in ("package.json", "package-lock.json", "read_gexf.mjs"):
        shutil.copy(JS_DIR / name, work / name)
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert (work / "node_modules" / "graphology-gexf" / "package.json").is_file()


# --- GEXF: options and errors -------------------------------------------------------------


def test_gexf_to_binary_file_and_partial_dates():
    G = nx.DiGraph()
    G.add_node("a", label="Belarus", type="state")
    G.add_node("b", label="CSTO", type="organization")
    G.add_edge("a", "b", relation="chaired", spells=[("2023", "2023"), ("2011-05", None)])
    buffer = io.BytesIO()
    write_gexf(G, buffer, version="1.2draft", dynamic=True)
    doc = etree.fromstring(buffer.getvalue())
    spells = [(s.get("start"), s.get("end")) for s in doc.iter("{*}spell")]
    assert spells == [("2023-01-01", "2023-12-31"), ("2011-05-01", None)]
    assert_valid(xsd("1.2draft"), without_viz(etree.ElementTree(doc)))


@pytest.mark.parametrize(
    ("kwargs", "data", "message"),
    [
        ({"version": "1.1"}, {}, "version"),
        ({"dynamic": True}, {"spells": [("23 Nov 2023", None)]}, "spell bound"),
        ({"dynamic": True}, {"spells": [("2024-01-01", "2023-01-01")]}, "ending before"),
        ({"dynamic": True}, {"spells": "2023"}, "expected a list of"),
        ({}, {"weight": "heavy"}, "weight"),
    ],
)
def test_gexf_errors_name_the_problem(tmp_path, kwargs, data, message):
    G = nx.DiGraph()
    G.add_edge("a", "b", relation="chaired", **data)
    with pytest.raises(BlocgraphError, match=message):
        write_gexf(G, tmp_path / "bad.gexf", **kwargs)


# --- GraphML and JSON -----------------------------------------------------------------------


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_graphml_round_trip(tmp_path, dynamic):
    G = seed_graph(dynamic=dynamic)
    path = tmp_path / "seed.graphml"
    write_graphml(G, path)
    doc = etree.parse(str(path))
    keys = doc.getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names)), "one key (one type) per attribute name"
    key_types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert key_types["node", "csto_member"] == "boolean"
    assert key_types["node", "note"] == "string"
    H = nx.read_graphml(path)
    assert set(H) == set(G)
    assert H.number_of_edges() == G.number_of_edges()
    for n, data in G.nodes(data=True):
        for key in ("label", "type", "iso2", "iso3", "wikidata", "csto_member", "founded"):
            assert H.nodes[n].get(key) == data.get(key), (n, key)
    assert edge_facts(H) == edge_facts(G)
    if dynamic:
        written = sorted(json.dumps(d["spells"]) for *_, d in G.edges(data=True))
        assert sorted(d["spells"] for *_, d in H.edges(data=True)) == written
        assert json.loads(H.nodes[ID + "tasmagambetov"]["spells"]) == [["2023-01-01", None]]


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_json_round_trip(tmp_path, dynamic):
    G = seed_graph(dynamic=dynamic)
    path = tmp_path / "seed.json"
    write_json(G, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text, parse_constant=pytest.fail)
    assert set(data) >= {"nodes", "edges", "directed", "multigraph", "graph"}
    H = nx.node_link_graph(data, edges="edges")
    assert isinstance(H, nx.MultiDiGraph)
    assert set(H) == set(G)
    assert H.number_of_edges() == G.number_of_edges()
    russia = dict(G.nodes[ID + "russia"])
    if dynamic:
        russia["spells"] = json.dumps(russia["spells"])
    assert H.nodes[ID + "russia"] == russia
    assert H.nodes[ID + "csto"]["note"] == "6"
    assert edge_facts(H) == edge_facts(G)
    write_json(G, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == text


# --- awkward values ---------------------------------------------------------------------


def awkward_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph(name="awkward", unknown=None)
    G.add_node(
        "a",
        label="Armenia",
        type="state",
        iso2=None,
        aliases=["Hayastan", "RA"],
        score=math.nan,
        control="bad\x01byte",
    )
    G.add_node("b", label=None, type=None, spells=[("2023-01-01", None)])
    G.add_edge("a", "b", relation="absent_from", weight=None, start=None, sources=("x", "y"))
    return G


@pytest.mark.parametrize(("version", "dynamic"), CASES, ids=CASE_IDS)
def test_none_and_list_attributes_still_make_a_valid_gexf(tmp_path, version, dynamic):
    path = tmp_path / "awkward.gexf"
    write_gexf(awkward_graph(), path, version=version, dynamic=dynamic)
    doc = etree.parse(str(path))
    assert_valid(xsd(version), without_viz(doc))
    assert_valid(viz_grammar(viz_ns(doc)), viz_only(doc))
    assert not doc.xpath("//@*[.='None' or .='nan']")
    H = nx.read_gexf(path)
    a = H.nodes["a"]
    assert "iso2" not in a and "score" not in a
    assert json.loads(a["aliases"]) == ["Hayastan", "RA"]
    assert a["control"] == "badbyte"
    assert H.nodes["b"]["label"] is None  # no label attribute written
    assert json.loads(next(iter(H.edges(data=True)))[2]["sources"]) == ["x", "y"]


def test_none_and_list_attributes_in_graphml_and_json(tmp_path):
    G = awkward_graph()
    write_graphml(G, tmp_path / "awkward.graphml")
    write_json(G, tmp_path / "awkward.json")
    etree.parse(str(tmp_path / "awkward.graphml"))
    H = nx.read_graphml(tmp_path / "awkward.graphml")
    assert "iso2" not in H.nodes["a"] and "label" not in H.nodes["b"]
    assert json.loads(H.nodes["a"]["aliases"]) == ["Hayastan", "RA"]
    assert json.loads(H.nodes["b"]["spells"]) == [["2023-01-01", None]]
    data = json.loads((tmp_path / "awkward.json").read_text(), parse_constant=pytest.fail)
    J = nx.node_link_graph(data, edges="edges")
    assert J.nodes["a"] == H.nodes["a"]
    assert "unknown" not in J.graph
    assert all(v is not None for _, d in J.nodes(data=True) for v in d.values())
