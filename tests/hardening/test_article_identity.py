"""Every article keeps its own graph and its own sources, whatever its file is called (issue 16).

Point 1: two articles with the same file name in different folders, or news.txt beside
news.html, were one article: one was dropped, and a later build of the other replaced it.
Point 2: names that slug alike ('a b' and 'a_b', every all-Cyrillic name as 'unnamed') shared
one graph, merging two articles' facts and swapping their sources.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import chair_facts
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph_builder import Blocgraph
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.vocab import ARTICLE_GRAPH_PREFIX, article_slug, slugify

# (chair, year) pairs: each article states a different chairmanship, so a row's source
# says whether the facts stayed with their article
CHAIRS = [("Kazakhstan", "2024"), ("Belarus", "2023"), ("Armenia", "2022"),
          ("Russia", "2021"), ("Tajikistan", "2020"), ("Kyrgyzstan", "2019")]



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
    inputs = [chair_facts(tmp_path / "in" / f"{i}.json", name, *CHAIRS[i])
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
    for i, name in enumerate(("a b.txt", "a_b.txt")):
        Blocgraph(store).build([chair_facts(tmp_path / f"{i + 1}.json", name, *CHAIRS[i])],
                               extract=False)
    assert sources(store) == {"Kazakhstan": "a b.txt", "Belarus": "a_b.txt"}
    again = Blocgraph(store).build([tmp_path / "1.json", tmp_path / "2.json"], extract=False)
    assert sorted(again.unchanged) == ["a b", "a_b"] and not again.built


# -- point 1: the same file name in two places ---------------------------------------------
TEXT = ("CSTO chair\n\nMOSCOW, January 1, {year} - {chair} assumed the rotating chairmanship "
        "of the Collective Security Treaty Organization for {year}.\n")


def article(path: Path, chair: str, year: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT.format(chair=chair, year=year), "utf-8")
    return path


def test_same_file_name_in_two_folders_are_two_articles(tmp_path: Path) -> None:
    article(tmp_path / "in" / "2023" / "report.txt", "Belarus", "2023")
    article(tmp_path / "in" / "2024" / "report.txt", "Kazakhstan", "2024")
    report = Blocgraph(tmp_path / "store").build([tmp_path / "in"])
    assert sorted(report.built) == ["2023/report.txt", "2024/report.txt"]
    assert sources(tmp_path / "store") == {"Belarus": "2023/report.txt",
                                           "Kazakhstan": "2024/report.txt"}


def test_a_later_build_of_the_same_name_does_not_replace_the_first(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = article(tmp_path / "2023" / "report.txt", "Belarus", "2023")
    second = article(tmp_path / "2024" / "report.txt", "Kazakhstan", "2024")
    Blocgraph(store).build([first])
    Blocgraph(store).build([second])
    assert sources(store) == {"Belarus": "report.txt", "Kazakhstan": "2024/report.txt"}
    again = Blocgraph(store).build([first, second])  # each keeps the identity it was given
    assert sorted(again.unchanged) == ["2024/report.txt", "report"] and not again.built


def test_a_moved_article_keeps_its_graph(tmp_path: Path) -> None:
    store = tmp_path / "store"
    Blocgraph(store).build([article(tmp_path / "old" / "report.txt", "Belarus", "2023")])
    (tmp_path / "old").rename(tmp_path / "new")
    report = Blocgraph(store).build([tmp_path / "new"])
    assert report.unchanged == ["report"]
    assert sources(store) == {"Belarus": "report.txt"}


def test_news_txt_beside_news_html_are_two_articles(tmp_path: Path) -> None:
    article(tmp_path / "in" / "news.txt", "Belarus", "2023")
    html = TEXT.format(chair="Kazakhstan", year="2024").replace("\n\n", "</h1>\n<p>")
    (tmp_path / "in" / "news.html").write_text(f"<html><body><h1>{html}</p></body></html>")
    Blocgraph(tmp_path / "store").build([tmp_path / "in"])
    assert sources(tmp_path / "store") == {"Belarus": "in/news.txt",
                                           "Kazakhstan": "in/news.html"}


def test_a_facts_file_for_an_ambiguous_name_is_an_error_naming_both(tmp_path: Path) -> None:
    one = article(tmp_path / "in" / "2023" / "report.txt", "Belarus", "2023")
    two = article(tmp_path / "in" / "2024" / "report.txt", "Kazakhstan", "2024")
    chair_facts(tmp_path / "in" / "facts" / "report.json", "report.txt", "Armenia", "2022")
    with pytest.raises(BlocgraphError, match="is both") as caught:
        Blocgraph(tmp_path / "store").build([tmp_path / "in"])
    assert str(one) in str(caught.value) and str(two) in str(caught.value)
    chair_facts(tmp_path / "in" / "facts" / "report.json", "2024/report.txt", "Armenia", "2022")
    Blocgraph(tmp_path / "store").build([tmp_path / "in"])
    assert sources(tmp_path / "store") == {
        "Belarus": "2023/report.txt", "Kazakhstan": "2024/report.txt",
        "Armenia": "2024/report.txt"}


# -- the fuzzing test of "Done when" -------------------------------------------------------
# Random Unicode names, and a few stems drawn often so that the same stem turns up in
# several folders, beside itself with another suffix, and beside a look-alike slug.
_NAME = st.sampled_from(["report", "a b", "a_b", "Статья", "Отчёт", "news"]) | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"),
                  exclude_characters="/\\"),
    min_size=1, max_size=12,
).filter(lambda n: n.strip(" .") == n and not n.startswith("."))
_FOLDER = st.sampled_from(["", "a", "b", "a/b", "2024", "статьи", "x y"])
# The case the issue names, always run: one stem in three folders, two suffixes, look-alikes.
_SAME_STEMS = [("2023", "report", ".txt"), ("2024", "report", ".txt"), ("", "report", ".md"),
               ("x y", "a b", ".txt"), ("", "a_b", ".txt"), ("статьи", "Статья", ".txt")]


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                              HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_FOLDER, _NAME, st.sampled_from([".txt", ".md"])),
                min_size=2, max_size=len(CHAIRS)),
       st.booleans())
@example(_SAME_STEMS, False)
@example(_SAME_STEMS, True)
def test_fuzz_file_names_keep_their_own_sources(tmp_path_factory: pytest.TempPathFactory,
                                                files: list[tuple[str, str, str]],
                                                split: bool) -> None:
    root = tmp_path_factory.mktemp("names")
    written: dict[str, Path] = {}  # chair -> its article file
    for (folder, name, suffix), (chair, year) in zip(files, CHAIRS, strict=False):
        path = root / "in" / folder / f"{name}{suffix}"
        if path.exists() or len(path.name.encode()) > 200:
            continue
        written[chair] = article(path, chair, year)
    store = root / "store"
    if split:  # one build per file: a later one must not replace an earlier one
        for path in written.values():
            Blocgraph(store).build([path])
    else:
        Blocgraph(store).build([root / "in"])
    cited = sources(store)
    assert set(cited) == set(written)
    for chair, name in cited.items():
        assert written[chair].as_posix().endswith(name), (chair, name, written)
    assert len(article_graphs(store)) == len(written)
