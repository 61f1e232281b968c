"""What a build reads: every path given is read or named, nothing else is (issue 16).

Point 4: a store folder inside an input folder was read as input (its metadata JSON taken
for a facts file). Point 6: hidden paths given explicitly and empty folders built nothing,
with exit 0 and no message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import chair_facts, run_cli

from graph_builder import Blocgraph
from graph_builder.core.errors import BlocgraphError


def chairs(store: Path) -> list[tuple[str, str]]:
    rows = Blocgraph(store).query("chairs").values()
    return sorted((r["chairLabel"], r["article"]) for r in rows)


def test_a_store_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    chair_facts(data / "a.json", "a.txt")
    store = data / "store"
    first = Blocgraph(store).build([data], extract=False, infer=False)
    assert first.built == ["a"]
    second = Blocgraph(store).build([data], extract=False, infer=False)
    assert second.built == [] and second.unchanged == ["a"] and not second.skipped
    with pytest.raises(BlocgraphError, match="a blocgraph store, not articles"):
        Blocgraph(tmp_path / "other").build([store], extract=False)


@pytest.mark.parametrize("name", [".news/a.json", ".hidden.json"])
def test_a_hidden_path_given_explicitly_is_built(tmp_path: Path, name: str) -> None:
    given = chair_facts(tmp_path / name, "a.txt")
    root = tmp_path / name.split("/")[0]
    report = Blocgraph(tmp_path / "store").build([root], extract=False, infer=False)
    assert report.built == ["a"], given
    assert chairs(tmp_path / "store") == [("Kazakhstan", "a.txt")]


def test_hidden_entries_inside_a_folder_are_still_skipped(tmp_path: Path) -> None:
    chair_facts(tmp_path / "in" / ".drafts" / "a.json", "a.txt")
    chair_facts(tmp_path / "in" / "b.json", "b.txt")
    report = Blocgraph(tmp_path / "store").build([tmp_path / "in"], extract=False, infer=False)
    assert report.built == ["b"]


def test_an_empty_folder_is_a_one_line_warning(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("build", tmp_path / "empty", "--store", tmp_path / "store", "--no-extract")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert f"blocgraph build: warning: {tmp_path / 'empty'}: no article" in lines[0]
    assert lines[1] == "blocgraph build: warning: nothing to build"
    assert len(lines) == 2


def test_a_gold_file_given_explicitly_is_refused(tmp_path: Path) -> None:
    gold = chair_facts(tmp_path / "a.gold.json", "a.txt")
    with pytest.raises(BlocgraphError, match="evaluation gold file"):
        Blocgraph(tmp_path / "store").build([gold], extract=False)


def test_build_prints_extraction_notices_as_one_clean_line(tmp_path: Path) -> None:
    article = tmp_path / "in" / "undated.txt"
    article.parent.mkdir()
    article.write_text("CSTO chair\n\nKazakhstan took over the rotating chairmanship of the "
                       "Collective Security Treaty Organization this year.\n")
    result = run_cli("build", article.parent, "--store", tmp_path / "store", "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "the undated article gives a notice"
    assert all(line.startswith(("blocgraph build: warning: ", "skipped ", "dropped "))
               for line in lines), lines
    assert "Warning:" not in result.stderr and ".py:" not in result.stderr
