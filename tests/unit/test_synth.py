"""The synthetic corpus: same seed same bytes, the size asked for, and a graph that validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_builder import Blocgraph
from graph_builder.cli import main
from graph_builder.core.facts import from_dict, read_facts
from graph_builder.evaluate import synth
from graph_builder.graph.build import build
from graph_builder.graph.store import Store


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    synth.write(tmp_path / "a", 20_000, seed=3, articles_n=3)
    synth.write(tmp_path / "b", 20_000, seed=3, articles_n=3)
    synth.write(tmp_path / "c", 20_000, seed=4, articles_n=3)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert len(a) > 3 + 3 and any(name.startswith("articles/") for name in a)
    assert a == b
    assert a != c


def test_article_numbering_does_not_depend_on_size(tmp_path: Path) -> None:
    synth.write(tmp_path / "small", 10_000, seed=0)
    synth.write(tmp_path / "large", 40_000, seed=0)
    small, large = _files(tmp_path / "small"), _files(tmp_path / "large")
    assert len(large) > len(small)
    assert all(large[name] == data for name, data in small.items())


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_built_size_is_within_ten_percent(tmp_path: Path, seed: int) -> None:
    synth.write(tmp_path / "corpus", 10_000, seed=seed)
    report = build(Store(tmp_path / "store"), [tmp_path / "corpus"], infer=False)
    assert report.skipped == []
    assert 9_000 <= report.asserted <= 11_000, report.asserted


def test_facts_cover_every_kind_with_evidence(tmp_path: Path) -> None:
    synth.write(tmp_path, 10_000, seed=0)
    files = sorted((tmp_path / "facts").glob("*.json"))
    loaded = [read_facts(p) for p in files]  # raises on an unknown name or a bad date
    for kind in ("chairmanships", "memberships", "posts", "events", "cooperation_proposals"):
        items = [f for doc in loaded for f in getattr(doc, kind)]
        assert items, kind
        assert all(f.evidence and f.evidence.text for f in items), kind
    types = {e.type for doc in loaded for e in doc.events}
    assert {"summit", "meeting", "clash"} <= types


def test_chairs_rotate_yearly_without_overlap() -> None:
    world = synth.make_world(0)
    for org in ("CSTO", "SCO", "NATO"):
        for year in range(synth.FIRST_YEAR, synth.LAST_YEAR + 1):
            chair = world.chair(org, year)
            assert chair in world.members_in(org, year)
    # CSTO keeps its real members, so a rotation visits each of them within six years
    assert {world.chair("CSTO", y) for y in range(2000, 2006)} == set(synth._KNOWN_MEMBERS["CSTO"])


def test_article_texts_state_their_gold_facts(tmp_path: Path) -> None:
    synth.write(tmp_path, 5_000, seed=2, articles_n=4)
    texts = sorted((tmp_path / "articles").glob("*.txt"))
    assert len(texts) == 4
    for text_path in texts:
        gold = json.loads(text_path.with_suffix(".gold.json").read_text("utf-8"))
        facts = from_dict({k: v for k, v in gold.items()}, str(text_path))
        assert not facts.is_empty()
        assert gold["questions"] and gold["questions"][0]["a"]
        assert all(f.evidence is None for _, f in facts.all_facts())
    # offsets: the facts file form (with evidence) points into the text
    world = synth.make_world(2)
    article = synth._Article(world, 1, (8, 26), "news").fill()
    text, doc = article.text()
    assert text == texts[0].read_text("utf-8")
    spans = [f["evidence"] for kind in synth._COST for f in doc[kind]]
    assert spans and all(text[e["start"]:e["end"]] == e["text"] for e in spans)


@pytest.fixture(scope="module")
def built_10k(synth_10k_store: Path) -> Blocgraph:
    return Blocgraph(synth_10k_store)  # the session's 10k graph (tests/conftest.py)


@pytest.mark.slow
def test_synthetic_build_validates_clean(built_10k: Blocgraph) -> None:
    assert built_10k.validate() == []


@pytest.mark.slow
def test_named_queries_find_the_core_blocs(built_10k: Blocgraph) -> None:
    chairs = built_10k.query("chairs", org="CSTO").values()
    assert chairs and all(row["chairLabel"] in synth._KNOWN_MEMBERS["CSTO"] for row in chairs)


def test_cli_synth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", "--triples", "5000", "--out", str(tmp_path / "x"), "--seed", "1"]) == 0
    assert "facts file(s)" in capsys.readouterr().out
    assert any((tmp_path / "x" / "facts").glob("*.json"))
    # a second run into the same folder would mix two corpora: refused in one line
    assert main(["synth", "--triples", "5000", "--out", str(tmp_path / "x")]) == 2
    assert "not empty" in capsys.readouterr().err
