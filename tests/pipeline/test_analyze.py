"""`blocgraph analyze` on the seed graph: the numbers a reader of the article would expect."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

import graph_builder
from graph_builder.cli import main
from graph_builder.network.analyze import STATE_COLUMNS, analyze, to_csv, to_json, to_table

ROOT = Path(__file__).resolve().parents[2]
CSTO_MEMBERS = ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]


@pytest.fixture(scope="module")
def seed(seed_store: Path) -> graph_builder.Blocgraph:
    """The session's seed store (curated facts), read only here."""
    return graph_builder.Blocgraph(seed_store)


@pytest.fixture(scope="module")
def result(seed):
    return analyze(seed.to_networkx("states"))


def by_state(result) -> dict[str, dict]:
    return {row["state"]: row for row in result.states}


def test_per_state_measures(result):
    rows = by_state(result)
    assert set(rows) == {*CSTO_MEMBERS, "Azerbaijan"}
    armenia = rows["Armenia"]
    # five fellow CSTO members plus Azerbaijan; weight 5 shared blocs + 2 clashes
    assert (armenia["degree"], armenia["weighted_degree"], armenia["conflicts"]) == (6, 7.0, 2)
    # Armenia is the only path from Azerbaijan to the bloc: 5 of the 15 other pairs
    assert armenia["betweenness"] == pytest.approx(5 / 15)
    assert rows["Russia"]["betweenness"] == 0.0
    assert (rows["Belarus"]["chairmanships"], rows["Kazakhstan"]["chairmanships"]) == (1, 1)
    assert rows["Russia"]["chairmanships"] == 0
    assert rows["Belarus"]["weighted_degree"] == 6.0  # five shared blocs + one hand-over
    assert (rows["Kyrgyzstan"]["conflicts"], rows["Tajikistan"]["conflicts"]) == (1, 1)
    assert rows["Azerbaijan"]["memberships"] == "" and rows["Russia"]["memberships"] == "CSTO"
    assert result.states[0]["state"] == "Armenia"  # sorted by weighted degree


def test_communities_and_bridges(result):
    # a conflict is no affinity: Azerbaijan is not put in the CSTO's community
    assert result.communities == [CSTO_MEMBERS, ["Azerbaijan"]]
    rows = by_state(result)
    assert rows["Azerbaijan"]["community"] == 2
    assert {rows[m]["community"] for m in CSTO_MEMBERS} == {1}
    assert result.bridges == [
        {
            "a": "Armenia",
            "b": "Azerbaijan",
            "communities": [1, 2],
            "relations": "in_conflict_with",
            "weight": 2.0,
            "cut_edge": True,
        }
    ]


def test_conflicts_inside_a_bloc(result):
    # Kyrgyzstan and Tajikistan are both CSTO members; Azerbaijan is not
    assert result.conflicts_in_bloc == [
        {"a": "Kyrgyzstan", "b": "Tajikistan", "blocs": "CSTO", "conflicts": 1}
    ]


def test_same_answer_every_run(seed, result):
    again = analyze(seed.to_networkx("states"))
    assert to_json(again) == to_json(result)


def test_empty_graph():
    empty = analyze(nx.Graph())
    assert (empty.states, empty.communities, empty.bridges) == ([], [], [])
    assert "none" in to_table(empty)


def test_formats(result):
    rows = list(csv.DictReader(io.StringIO(to_csv(result))))
    assert tuple(rows[0]) == STATE_COLUMNS and len(rows) == 7
    assert json.loads(to_json(result))["conflicts_in_bloc"][0]["blocs"] == "CSTO"
    table = to_table(result)
    for heading in ("States (7)", "Communities", "Bridges", "States in conflict"):
        assert heading in table
    assert "Kyrgyzstan  Tajikistan  CSTO" in table


def test_cli(seed, capsys):
    assert main(["analyze", "--format", "json", "--store", str(seed.store.root)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["communities"][1] == ["Azerbaijan"]
    assert main(["analyze", "-f", "csv", "--store", str(seed.store.root)]) == 0
    assert capsys.readouterr().out.startswith(",".join(STATE_COLUMNS))
