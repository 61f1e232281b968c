"""Every article keeps its own graph and its own sources, whatever its file is called (issue 16).

Point 2: names that slug alike ('a b' and 'a_b', every all-Cyrillic name as 'unnamed') shared
one graph, merging two articles' facts and swapping their sources.
"""

from __future__ import annotations

import json
from pathlib import Path

from graph_builder import Blocgraph
from graph_builder.core.vocab import ARTICLE_GRAPH_PREFIX, article_slug, slugify

# (chair, year) pairs: each article states a different chairmanship, so a row's source
# says whether the facts stayed with their article
CHAIRS = [("Kazakhstan", "2024"), ("Belarus", "2023"), ("Armenia", "2022"),
          ("Russia", "2021"), ("Tajikistan", "2020"), ("Kyrgyzstan", "2019")]


def facts(path: Path, article: str, chair: str, year: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "article": article, "published": f"{year}-01-01",
        "chairmanships": [{"organization": "CSTO", "chair": chair, "start": year, "end": year}],
    }), "utf-8")
    return path


def sources(store: Path) -> dict[str, str]:
    """chair -> the file name of the article its row cites, failing on a chair cited twice."""
    rows = Blocgraph(store).query("chairs").values()
    out: dict[str, str] = {}
    for r in rows:
        assert r["chairLabel"] not in out, rows
        out[r["chairLabel"]] = r["article"]
    return out


def article_graphs(store: Path) -> list[str]:
    return [g for g in Blocgraph(store).store.named_graphs() if g.startswith(ARTICLE_GRAPH_PREFIX)]


def test_cyrillic_names_are_spelled_in_latin_letters() -> None:
    assert slugify("Отчёт за 2024") == "otchet-za-2024"
    assert slugify("Статья") == "statya"
    assert slugify("Қазақстан") == "qazaqstan"


def test_a_taken_or_empty_slug_gets_a_short_hash() -> None:
    assert article_slug("a b", set()) == "a-b"
    other = article_slug("a_b", {"a-b"})
    assert other.startswith("a-b-") and len(other) == len("a-b-") + 8
    assert article_slug("報告", set()).startswith("unnamed-")
    assert article_slug("報告", set()) != article_slug("レポート", set())


def test_names_that_slug_alike_keep_their_own_graph_and_sources(tmp_path: Path) -> None:
    names = ["a b.txt", "a_b.txt", "Статья.txt", "Отчёт.txt", "報告.txt", "レポート.txt"]
    inputs = [facts(tmp_path / "in" / f"{i}.json", name, *CHAIRS[i])
              for i, name in enumerate(names)]
    store = tmp_path / "store"
    Blocgraph(store).build(inputs, extract=False, infer=False)
    assert len(article_graphs(store)) == len(names)
    assert sources(store) == {chair: name for (chair, _), name in zip(CHAIRS, names, strict=True)}
    graphs = article_graphs(store)
    assert ARTICLE_GRAPH_PREFIX + "statya" in graphs and ARTICLE_GRAPH_PREFIX + "otchet" in graphs
    assert ARTICLE_GRAPH_PREFIX + "a-b" in graphs


def test_a_later_build_of_a_look_alike_name_adds_a_graph(tmp_path: Path) -> None:
    store = tmp_path / "store"
    Blocgraph(store).build([facts(tmp_path / "1.json", "a b.txt", *CHAIRS[0])], extract=False)
    Blocgraph(store).build([facts(tmp_path / "2.json", "a_b.txt", *CHAIRS[1])], extract=False)
    assert sources(store) == {"Kazakhstan": "a b.txt", "Belarus": "a_b.txt"}
    again = Blocgraph(store).build([tmp_path / "1.json", tmp_path / "2.json"], extract=False)
    assert sorted(again.unchanged) == ["a b", "a_b"] and not again.built
