"""`ask` on the seed graph: the seed's gold questions, the CLI, and what it must not do."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from graph_builder import Blocgraph
from graph_builder.ask import ask
from graph_builder.errors import BlocgraphError
from graph_builder.evaluate_questions import answers_match
from graph_builder.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = Path("/work/shared/seeds/000_eab27d500f391317.gold.json")
AS_OF = date(2024, 1, 1)  # the seed article's publication date
SEED_QUESTIONS = json.loads(SEED_GOLD.read_text("utf-8"))["questions"] if SEED_GOLD.exists() else []


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Store:
    root = tmp_path_factory.mktemp("seed") / "store"
    Blocgraph(root).build([ROOT / "data"], extract=False)
    return Store(root)


def _facts_store(tmp_path: Path, documents: list[dict]) -> Store:
    folder = tmp_path / "facts"
    folder.mkdir()
    for i, doc in enumerate(documents):
        (folder / f"a{i}.json").write_text(json.dumps(doc), "utf-8")
    Blocgraph(tmp_path / "store").build([folder], extract=False)
    return Store(tmp_path / "store")


def test_the_seed_has_eight_gold_questions() -> None:
    assert len(SEED_QUESTIONS) == 8


@pytest.mark.parametrize("item", SEED_QUESTIONS, ids=lambda q: q["q"][:50])
def test_seed_gold_questions(seed: Store, item: dict) -> None:
    answer = ask(item["q"], seed, as_of=AS_OF)
    got = [a.label for a in answer.answers]
    assert answers_match(got, item["a"]), (got, item["a"], answer.intent)
    assert all(a.sources and a.sources[0].article.startswith("000_") for a in answer.answers)


def test_cli_answers_seed_gold_questions_as_json(tmp_path: Path) -> None:
    store = tmp_path / "store"
    exe = [sys.executable, "-m", "graph_builder"]
    subprocess.run([*exe, "build", "--no-extract", "-q", "--store", str(store),
                    str(ROOT / "data")], check=True, cwd=ROOT)
    for item in SEED_QUESTIONS:
        out = subprocess.run(
            [*exe, "ask", item["q"], "--store", str(store), "--as-of", "2024-01-01", "--json"],
            capture_output=True, text=True, cwd=ROOT,
        )
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        assert set(data) >= {"question", "understood_as", "answers", "sparql", "message"}
        assert answers_match([a["label"] for a in data["answers"]], item["a"]), data
        assert "VALUES" in data["sparql"]  # parameters bound, not pasted
    text = subprocess.run(
        [*exe, "ask", "Who chaired the CSTO in 2023?", "--store", str(store)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert text.returncode == 0
    assert "Belarus (2023)" in text.stdout and "source: 000_eab27d500f391317.txt" in text.stdout
    bad = subprocess.run([*exe, "ask", "What is the weather like?", "--store", str(store)],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "--examples" in bad.stderr
    examples = subprocess.run([*exe, "ask", "--examples"], capture_output=True, text=True)
    assert examples.returncode == 0 and "Who chaired the CSTO in 2023?" in examples.stdout


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which state held the chair of the Collective Security Treaty Organization in 2024?",
         ["Kazakhstan"]),
        ("Who presided over the CSTO on 15 June 2024?", ["Kazakhstan"]),
        ("Who was chair-in-office of CSTO on 2023-03-01?", ["Belarus"]),
        ("Who currently chairs the CSTO?", ["Kazakhstan"]),
        ("Who chairs the CSTO this year?", ["Kazakhstan"]),
        ("When did Belarus chair the CSTO?", ["2023"]),
        ("In which years did Kazakhstan hold the CSTO chairmanship?", ["2024"]),
        ("Who chaired the CSTO before Kazakhstan?", ["Belarus"]),
        ("Which country chaired the CSTO after Belarus?", ["Kazakhstan"]),
        ("Who handed the CSTO chairmanship to Kazakhstan?", ["Belarus"]),
        ("To whom did Belarus pass the CSTO chairmanship?", ["Kazakhstan"]),
        ("From whom did Kazakhstan take over the chairmanship of the CSTO?", ["Belarus"]),
        ("Which organisations has Kazakhstan chaired?", ["CSTO"]),
        ("How many times has Belarus chaired the CSTO?", ["1"]),
        ("Who is the prime minister of Armenia?", ["Nikol Pashinyan"]),
        ("Who is Kazakhstan's foreign minister?", ["Murat Nurtleu"]),
        ("Who is the president of Kazakhstan?", ["Kassym-Jomart Tokayev"]),
        ("Is Armenia a member of the CSTO?", ["yes"]),
        ("Is Azerbaijan a member of the CSTO?", ["no"]),
        ("Which states are members of the csto?", ["Russia", "Belarus", "Armenia", "Kazakhstan",
                                                   "Kyrgyzstan", "Tajikistan"]),
        ("Where and when was the CSTO summit of 2023 held?", ["Minsk"]),
        ("Who stayed away from the CSTO summit in Minsk?", ["Armenia"]),
        ("Which states clashed with Armenia?", ["Azerbaijan"]),
        ("Which countries are in conflict with Baku?", ["Armenia"]),
        ("With which organisations did Kazakhstan propose cooperation?",
         ["United Nations", "CIS", "SCO"]),
    ],
)
def test_wordings_on_the_seed(seed: Store, question: str, expected: list[str]) -> None:
    answer = ask(question, seed, as_of=AS_OF)
    assert answers_match([a.label for a in answer.answers], expected), (
        answer.intent, [a.label for a in answer.answers])


def test_no_answer_is_said_not_guessed(seed: Store) -> None:
    answer = ask("Who chaired the SCO in 2019?", seed, as_of=AS_OF)
    assert answer.answers == []
    assert answer.message == "The graph has no chairmanship of the SCO in 2019."
    assert ask("Who will chair the CSTO next?", seed, as_of=AS_OF).answers == []


def test_unknown_names_are_named_with_suggestions(seed: Store) -> None:
    with pytest.raises(BlocgraphError, match=r"unknown .*'CTSO'.*did you mean CSTO"):
        ask("Who chaired the CTSO in 2023?", seed, as_of=AS_OF)
    with pytest.raises(BlocgraphError, match="--examples"):
        ask("What is the weather like in spring?", seed, as_of=AS_OF)


def test_hostile_text_stays_out_of_the_query(seed: Store) -> None:
    question = 'Who chaired the CSTO in 2023? " } } DROP ALL ; SELECT * WHERE { ?s ?p ?o #'
    answer = ask(question, seed, as_of=AS_OF)
    assert [a.label for a in answer.answers] == ["Belarus"]
    assert "DROP" not in answer.sparql


def test_conflicting_sources_give_both(tmp_path: Path) -> None:
    doc = {"published": "2023-02-01", "memberships": [], "posts": [], "events": [],
           "cooperation_proposals": []}
    store = _facts_store(tmp_path, [
        {**doc, "article": "one.txt",
         "chairmanships": [{"organization": "CSTO", "chair": "Belarus", "start": "2023",
                            "end": "2023"}]},
        {**doc, "article": "two.txt",
         "chairmanships": [{"organization": "CSTO", "chair": "Armenia", "start": "2023",
                            "end": "2023"}]},
    ])
    answer = ask("Who chaired the CSTO in 2023?", store, as_of=AS_OF)
    by_label = {a.label: [s.article for s in a.sources] for a in answer.answers}
    assert by_label == {"Belarus": ["one.txt"], "Armenia": ["two.txt"]}
    assert "disagree" in answer.message


def test_open_chair_is_current_only_until_replaced(tmp_path: Path) -> None:
    doc = {"article": "a.txt", "published": "2024-01-01", "memberships": [], "posts": [],
           "events": [], "cooperation_proposals": [],
           "chairmanships": [
               {"organization": "SCO", "chair": "India", "start": "2022-09", "end": None},
               {"organization": "SCO", "chair": "Kazakhstan", "start": "2023-07", "end": None},
           ]}
    store = _facts_store(tmp_path, [doc])
    now = ask("Who chairs the SCO now?", store, as_of=date(2024, 3, 1))
    assert [a.label for a in now.answers] == ["Kazakhstan"]
    before = ask("Who chaired the SCO on 2023-01-10?", store, as_of=date(2024, 3, 1))
    assert [a.label for a in before.answers] == ["India"]
    after = ask("Who took over the SCO chairmanship from India?", store)
    assert [a.label for a in after.answers] == ["Kazakhstan"]


class _Recorder:
    """A target that is not the Store: anything with select() serves, as a remote one will."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sent: list[str] = []

    def select(self, sparql: str):
        self.sent.append(sparql)
        return self.store.select(sparql)


def test_any_select_target_works(seed: Store) -> None:
    target = _Recorder(seed)
    answer = ask("Who chaired the CSTO in 2023?", target, as_of=AS_OF)
    assert [a.label for a in answer.answers] == ["Belarus"]
    assert target.sent and answer.sparql == "\n\n".join(target.sent)


def test_eval_scores_questions_of_a_gold_folder(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "articles" / "000_eab27d500f391317.txt", folder)
    shutil.copy(SEED_GOLD, folder)
    shutil.copy(ROOT / "data" / "facts" / "000_eab27d500f391317.json", folder)
    out = subprocess.run([sys.executable, "-m", "graph_builder", "eval", str(folder), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    scores = json.loads(out.stdout)["questions"]
    assert scores["total"] == 8 and scores["accuracy"] == 1.0, scores
