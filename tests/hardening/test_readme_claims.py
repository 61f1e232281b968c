"""The README's statements, checked as a newcomer would (issue 16, "Done when").

`blocgraph eval tests/gold` failed for want of the article beside the gold file;
`blocgraph demo` worked only from the repository root; the curated-corrections folder
`data/facts/` the README describes did not exist; "an article with no date gives no
facts" was said while it gave them; the `ask` example showed evidence `ask` no longer
prints. Each is run here for real, from a temporary folder outside the repository where
the current folder matters.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import CLI, ROOT, SEED_ARTICLE, SEED_GOLD, run_cli

from graph_builder import Blocgraph
from graph_builder.core.errors import BlocgraphError
from graph_builder.evaluate.extraction import gold_pairs

README = (ROOT / "README.md").read_text("utf-8")


def _run_in(folder: Path, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`blocgraph ARGS` with FOLDER, outside the repository, as the current folder."""
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=folder,
                          timeout=timeout)


# -- blocgraph eval tests/gold -------------------------------------------------------------
@pytest.mark.slow
def test_eval_tests_gold_scores_the_shipped_seed_from_any_folder(tmp_path: Path) -> None:
    done = _run_in(tmp_path, "eval", ROOT / "tests" / "gold", "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["extraction"]["articles"] == 1
    overall = scores["extraction"]["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (22, 0, 0)  # README: 22/22 facts
    questions = scores["questions"]
    assert questions["correct"] == questions["total"] == 8  # README: 8/8 questions
    assert "Seed: 22/22 facts, 8/8 questions (`blocgraph eval tests/gold`)" in README


def test_a_gold_file_finds_the_shipped_article_of_its_name(tmp_path: Path) -> None:
    shutil.copy(SEED_GOLD, tmp_path)
    [(article, gold)] = gold_pairs(tmp_path)
    assert article.resolve() == SEED_ARTICLE.resolve() and gold.parent == tmp_path


def test_an_article_beside_its_gold_file_comes_first(tmp_path: Path) -> None:
    shutil.copy(SEED_GOLD, tmp_path)
    beside = tmp_path / SEED_ARTICLE.name
    shutil.copy(SEED_ARTICLE, beside)
    assert gold_pairs(tmp_path)[0][0] == beside


def test_a_gold_file_whose_article_is_nowhere_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "lost.gold.json").write_text(json.dumps({"article": "lost.txt"}), "utf-8")
    with pytest.raises(BlocgraphError, match=r"no article lost\.txt") as caught:
        gold_pairs(tmp_path)
    assert "\n" not in str(caught.value) and "data" in str(caught.value)
    done = run_cli("eval", tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


# -- blocgraph demo ------------------------------------------------------------------------
@pytest.mark.slow
def test_demo_runs_from_any_folder(tmp_path: Path) -> None:
    done = _run_in(tmp_path, "demo")
    assert done.returncode == 0, done.stderr
    assert "Who chaired the CSTO on 2024-06-15?  Kazakhstan" in done.stdout
    assert "Who chaired the CSTO on 2023-06-15?  Belarus" in done.stdout
    assert "1 article graph(s) written" in done.stdout
    assert (tmp_path / ".blocgraph" / "blocgraph-store").exists()  # the store where it ran
    for name in ("blocgraph.trig", "blocgraph.gexf"):
        assert (tmp_path / "out" / name).stat().st_size > 1000
    assert "`blocgraph demo` runs from any folder" in README


# -- data/facts/: the curated corrections ----------------------------------------------------
CURATED = sorted((ROOT / "data" / "facts").glob("*.json"))
SUMMIT = "Which states attended the 2023 CSTO summit in Minsk?"


def test_the_curated_folder_holds_corrections_of_shipped_articles() -> None:
    assert CURATED, "data/facts/ has no curated file"
    articles = {p.name for p in (ROOT / "data").rglob("*") if p.suffix in (".txt", ".md")}
    for path in CURATED:
        assert json.loads(path.read_text("utf-8"))["article"] in articles, path
        assert f"data/facts/{path.name}" in README  # the README names the example


def test_the_build_of_data_merges_the_curated_summit(data_store: Path) -> None:
    from graph_builder.extract import extract_file

    extracted = [e for e in extract_file(SEED_ARTICLE).events if e.type == "summit"]
    assert extracted and "Kazakhstan" not in extracted[0].participants  # what the rules miss
    answer = Blocgraph(data_store).ask(SUMMIT)
    assert sorted(a.label for a in answer.answers) == ["Belarus", "Kazakhstan"]
    origins = Blocgraph(data_store).query(
        """SELECT DISTINCT ?origin WHERE {
             ?e a <https://w3id.org/blocgraph/ontology#Summit> ;
                <https://w3id.org/blocgraph/ontology#evidence>/
                <https://w3id.org/blocgraph/ontology#origin> ?origin }""").values()
    assert [r["origin"] for r in origins] == ["curated"]
    assert f'`blocgraph ask "{SUMMIT}"` names both' in README


# -- an article with no date -------------------------------------------------------------
UNDATED = """Kazakhstan chairs the CSTO

Kazakhstan assumes the rotating chairmanship of the Collective Security Treaty Organization \
(CSTO) for 2024, as outgoing chair Belarus vacates the post. CSTO Secretary General Imangali \
Tasmagambetov welcomed the decision.
"""


@pytest.mark.slow
def test_an_undated_article_keeps_its_facts_attested_at_no_date(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text(UNDATED, "utf-8")
    store = tmp_path / "store"
    done = _run_in(tmp_path, "build", article.name, "--store", store.name)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "undated.txt" in line]
    assert warnings == ["blocgraph build: warning: undated.txt: no publication date found; "
                        "relative dates stay unresolved"]
    graph = Blocgraph(store)
    # a period stated in full keeps its value
    rows = graph.query("chair_on", org="CSTO", date="2024-06-15").values()
    assert [r["chairLabel"] for r in rows] == ["Kazakhstan"]
    # no stated period: attested at the article's date, which is unknown, so at none
    assert [r["chairLabel"] for r in graph.query("chairs").values()].count("Belarus") == 1
    assert not graph.ask("Who was the secretary general of the CSTO in 2024?").answers
    assert [a.label for a in graph.ask("Who is the secretary general of the CSTO?").answers] \
        == ["Imangali Tasmagambetov"]
    # --known-by: an article of no known date was known by no day
    assert graph.ask("Who chaired the CSTO in 2024?").answers
    assert not graph.ask("Who chaired the CSTO in 2024?", known_by="2100-01-01").answers
    assert "an article with no date or no entities gives a warning and no facts" not in README
    assert "whose date is not found gives a warning and keeps its facts" in README


# -- the `ask` example ---------------------------------------------------------------------
def _ask_examples() -> list[tuple[list[str], str]]:
    """(arguments, printed text) of each `$ blocgraph ask ...` in the Questions section."""
    section = README[README.index("## Questions"):]
    block = section[section.index("```sh\n") + 6:section.index("```", section.index("```sh") + 5)]
    examples: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ blocgraph "):
            examples.append((shlex.split(line[len("$ blocgraph "):]), []))
        else:
            examples[-1][1].append(line)
    return [(args, "\n".join(out)) for args, out in examples]


def test_the_readmes_ask_example_is_what_ask_prints(data_store: Path) -> None:
    examples = _ask_examples()
    assert len(examples) >= 3 and any(re.search(r"“.+”", out) for _, out in examples)
    for args, printed in examples:
        done = run_cli(*args, "--store", data_store)
        assert done.returncode == 0, done.stderr
        assert done.stdout.rstrip("\n") == printed, args
