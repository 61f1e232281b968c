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
from graph_builder.ask.answer import ask
from graph_builder.cli import main
from graph_builder.core.errors import BlocgraphError
from graph_builder.evaluate.questions import answers_match
from graph_builder.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "tests" / "gold" / "000_eab27d500f391317.gold.json"
SEED_FACTS = ROOT / "tests" / "fixtures" / "000_eab27d500f391317.facts.json"  # curated
AS_OF = date(2024, 1, 1)  # the seed article's publication date
SEED_QUESTIONS = json.loads(SEED_GOLD.read_text("utf-8"))["questions"] if SEED_GOLD.exists() else []


@pytest.fixture(scope="module")
def seed(seed_store: Path) -> Store:
    """The session's seed store (curated facts), read only here."""
    return Store(seed_store)


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


@pytest.mark.slow
def test_cli_answers_seed_gold_questions_as_json(seed_store: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    store = seed_store  # the session's build of the curated facts; `ask` only reads it
    exe = [sys.executable, "-m", "graph_builder"]
    # The eight JSON answers through the command line's own entry point in this process (an
    # interpreter per question cost most of the test); the calls below run the real process.
    for item in SEED_QUESTIONS:
        code = main(["ask", item["q"], "--store", str(store), "--as-of", "2024-01-01", "--json"])
        out = capsys.readouterr()
        assert code == 0, out.err
        data = json.loads(out.out)
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
    assert bad.returncode == 0  # a question outside the graph is answered: it is not recorded
    assert "The graph does not record" in bad.stdout and "--examples" in bad.stdout
    unknown = subprocess.run([*exe, "ask", "Who chaired the CTSO in 2023?", "--store",
                              str(store)], capture_output=True, text=True, cwd=ROOT)
    assert unknown.returncode == 2
    assert len(unknown.stderr.strip().splitlines()) == 1 and "CSTO" in unknown.stderr
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
        ("Where and when was the CSTO summit of 2023 held?", ["Minsk", "2023-11"]),
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
    weather = ask("What is the weather like in spring?", seed, as_of=AS_OF)
    assert weather.answers == [] and weather.message.startswith("The graph does not record")


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


@pytest.mark.slow
def test_eval_scores_questions_of_a_gold_folder(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "articles" / "000_eab27d500f391317.txt", folder)
    shutil.copy(SEED_GOLD, folder)
    shutil.copy(ROOT / "tests" / "fixtures" / "000_eab27d500f391317.facts.json", folder)
    out = subprocess.run([sys.executable, "-m", "graph_builder", "eval", str(folder), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    scores = json.loads(out.stdout)["questions"]
    assert scores["total"] == 8 and scores["accuracy"] == 1.0, scores


# --- membership over time, hand-overs of a year, ordinals: a small graph built here ---------

_EMPTY = {"chairmanships": [], "memberships": [], "posts": [], "events": [],
          "cooperation_proposals": []}


def _member(org: str, state: str, start: str | None = None, end: str | None = None,
            status: str | None = None) -> dict:
    out = {"organization": org, "member": state, "start": start, "end": end}
    if status:
        out["status"] = status
    return out


@pytest.fixture(scope="module")
def blocs(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Two reports on an invented-but-plausible history of the SCO, CIS and ASEAN."""
    old = {**_EMPTY, "article": "old.txt", "published": "2010-05-01",
           "memberships": [_member("SCO", s) for s in
                           ("China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan")]
           + [_member("CIS", "Georgia", "1993", "2009-08-18", "withdrawn")],
           "events": [{"type": "summit", "place": "Astana", "date": "2010-04", "participants":
                       ["Kazakhstan"], "absent": [], "organization": "SCO"}]}
    new = {**_EMPTY, "article": "new.txt", "published": "2024-07-04",
           "memberships": [_member("SCO", s) for s in
                           ("China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
                            "India")]
           + [_member("SCO", "Belarus", "2024-07-04"), _member("SCO", "Iran", "2023-07-04"),
              _member("CIS", "Ukraine", None, "2018", "withdrawn")],
           "chairmanships": [
               {"organization": "G20", "chair": "India", "start": "2022-12-01", "end": None},
               {"organization": "G20", "chair": "Brazil", "start": "2023-12-01", "end": None},
           ],
           "events": [{"type": "summit", "place": "Astana", "date": "2024-07-04",
                       "participants": ["Kazakhstan", "China"], "absent": [],
                       "organization": "SCO"}]}
    root = tmp_path_factory.mktemp("blocs")
    folder = root / "facts"
    folder.mkdir()
    for doc in (old, new):
        (folder / doc["article"].replace(".txt", ".json")).write_text(json.dumps(doc), "utf-8")
    Blocgraph(root / "store").build([folder], extract=False)
    return Store(root / "store")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # when a member joined or left: start and end of its membership
        ("When did Belarus join the SCO?", ["2024-07-04"]),
        ("When did Iran become a full member of the Shanghai Cooperation Organisation?",
         ["2023-07-04"]),
        ("In which year was Iran admitted to the SCO?", ["2023"]),
        ("When did Georgia leave the CIS?", ["2009-08-18"]),
        ("When did Georgia cease to be a member of the CIS?", ["2009-08-18"]),
        ("When did Ukraine withdraw from the Commonwealth of Independent States?", ["2018"]),
        ("When did India join the SCO?", []),  # undated in the graph: no guess
        # member at a time: dates, and an undated statement placed by its report
        ("Was Belarus a member of the SCO in July 2023?", ["no"]),
        ("Was Iran a member of the SCO in 2024?", ["yes"]),
        ("Was India a member of the SCO in 2009?", ["no"]),
        ("Is India a member of the SCO?", ["yes"]),
        ("Was Georgia a member of the CIS in 2010?", ["no"]),
        ("Was Georgia a member of the CIS in 2005?", ["yes"]),
        # Ukraine is known to have left only in 2018, so it was still a member then
        ("Which states were members of the CIS after Georgia left?", ["Ukraine"]),
        ("Which states were members of the CIS after Ukraine withdrew?", []),
        ("Which states were members of the SCO before Belarus joined?",
         ["China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "India", "Iran"]),
        ("Which countries joined the SCO in 2024?", ["Belarus"]),
        ("Which states have left the CIS?", ["Georgia", "Ukraine"]),
        ("Did Georgia leave the CIS?", ["yes"]),
        ("Has Belarus joined the SCO?", ["yes"]),
        ("How many members does the SCO have?", ["8"]),
        # the chair for most of a year, not one that starts in its last month
        ("Who held the G20 presidency in 2023?", ["India"]),
        ("Which country chaired the G20 in early 2023?", ["India"]),
        ("Who chaired the G20 in December 2023?", ["Brazil"]),
        # ordinals in words or digits are matched against the event's name or evidence
        ("Where was the SCO summit of 2010 held?", ["Astana"]),
    ],
)
def test_membership_and_year_forms(blocs: Store, question: str, expected: list[str]) -> None:
    answer = ask(question, blocs, as_of=date(2024, 7, 5))
    got = [a.label for a in answer.answers]
    assert answers_match(got, expected), (answer.intent, got, answer.message)


def test_membership_change_without_date_is_said(blocs: Store) -> None:
    answer = ask("When did India join the SCO?", blocs, as_of=date(2024, 7, 5))
    assert answer.intent == "when_member" and answer.answers == []
    assert answer.message == "The graph has no date on which India joined the SCO."
    members = ask("Which states were members of the SCO after India joined?", blocs,
                  as_of=date(2024, 7, 5))
    assert members.answers == [] and "no date" in members.message


def test_delegates_are_not_guessed(blocs: Store) -> None:
    answer = ask("Who represented China at the SCO summit in Astana?", blocs,
                 as_of=date(2024, 7, 5))
    assert answer.intent == "representative" and answer.answers == []


def test_ordinal_words_match_digits() -> None:
    from graph_builder.ask.helpers import _ordinals

    assert _ordinals("where did the fourth summit take place") == {4}
    assert _ordinals("the 44th and 45th asean summits") == {44, 45}
    assert _ordinals("who chaired the osce") == set()


def test_unknown_names_in_membership_questions(blocs: Store) -> None:
    with pytest.raises(BlocgraphError, match=r"unknown organisation 'NATTO'.*NATO"):
        ask("When did Sweden join the NATTO?", blocs)
    with pytest.raises(BlocgraphError, match=r"unknown state 'Swedn'.*Sweden"):
        ask("When did Swedn join NATO?", blocs)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When did India take over the G20 presidency?", ["2022-12-01"]),
        ("When did India's G20 presidency end?", ["2023-12-01"]),  # the next one's start
        ("Until when did India hold the G20 presidency?", ["2023-12-01"]),
        ("When did India hand the G20 presidency to Brazil?", ["2023-12-01"]),
        ("When was the G20 presidency handed to Brazil?", ["2023-12-01"]),
    ],
)
def test_when_a_chairmanship_began_or_ended(blocs: Store, question: str,
                                            expected: list[str]) -> None:
    answer = ask(question, blocs, as_of=date(2024, 7, 5))
    assert answer.intent == "when_chaired"
    assert answers_match([a.label for a in answer.answers], expected), answer.message


def test_past_tense_events_are_before_the_day_asked(blocs: Store) -> None:
    early = ask("When was the SCO summit in Astana held?", blocs, as_of=date(2015, 1, 1))
    assert [a.label for a in early.answers] == ["2010-04"]
    late = ask("When was the SCO summit in Astana held?", blocs, as_of=date(2024, 8, 1))
    # several past ones: the latest, the earlier said in the answer (the blind questions
    # ask of the gathering just held)
    assert [a.label for a in late.answers] == ["2024-07-04"] and "2010-04" in late.message


def test_year_questions_answer_a_year(blocs: Store) -> None:
    answer = ask("In which year did Belarus join the SCO?", blocs)
    assert [a.label for a in answer.answers] == ["2024"]


def test_when_a_confrontation_began_not_ended(tmp_path: Path) -> None:
    doc = {**_EMPTY, "article": "gulf.txt", "published": "2021-01-05", "events": [
        {"type": "confrontation", "place": None, "date": "2017-06",
         "participants": ["Saudi Arabia", "Qatar"], "absent": []},
        {"type": "clash", "place": None, "date": "2019-02",
         "participants": ["Saudi Arabia", "Qatar"], "absent": []}]}
    store = _facts_store(tmp_path, [doc])
    began = ask("When did the blockade of Qatar begin?", store, as_of=date(2021, 1, 5))
    assert [a.label for a in began.answers] == ["2017-06"]
    ended = ask("When did the blockade of Qatar end?", store, as_of=date(2021, 1, 5))
    assert ended.answers == [] and "no end date" in ended.message


def test_host_is_the_country_of_the_city_when_not_stated(blocs: Store) -> None:
    answer = ask("Which country hosted the 2010 SCO summit?", blocs, as_of=date(2024, 7, 5))
    assert [a.label for a in answer.answers] == ["Kazakhstan"]
