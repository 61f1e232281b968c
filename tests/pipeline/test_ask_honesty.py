"""Answers that say how the graph knows: planned chairs as planned, stated totals never
replaced by a partial list, hand-overs stated on one side only, attendance with its source.

Every article here is a small facts file of our own invention (curated facts, some with
the evidence sentence and the modality extraction would give them).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph_builder import Blocgraph
from graph_builder.ask.answer import ask
from graph_builder.graph.store import Store

_EMPTY = {"chairmanships": [], "memberships": [], "posts": [], "events": [],
          "cooperation_proposals": []}


def _store(tmp: Path, documents: list[dict]) -> Store:
    folder = tmp / "facts"
    folder.mkdir()
    for i, doc in enumerate(documents):
        (folder / f"a{i}.json").write_text(json.dumps({**_EMPTY, **doc}), "utf-8")
    Blocgraph(tmp / "store").build([folder], extract=False)
    return Store(tmp / "store")


def _ev(text: str) -> dict:
    return {"text": text}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Store:
    tmp = tmp_path_factory.mktemp("honesty")
    rotation = {
        "article": "rotation.txt", "published": "2025-11-20",
        "chairmanships": [
            {"organization": "CSTO", "chair": "Kyrgyzstan", "start": "2025", "end": "2025",
             "evidence": _ev("Kyrgyzstan has chaired the alliance throughout 2025.")},
            {"organization": "CSTO", "chair": "Russia", "start": "2026-01-01",
             "previous": "Kyrgyzstan", "modality": "planned",
             "evidence": _ev("Moscow takes the chair from Bishkek on 1 January 2026.")},
            # a term with no stated end: not known to run into a later year
            {"organization": "SCO", "chair": "China", "start": "2025-07"},
            # a stated predecessor beats the order of overlapping terms (Hungary's is open)
            {"organization": "Council of the EU", "chair": "Hungary", "start": "2024-07"},
            {"organization": "Council of the EU", "chair": "Denmark", "start": "2025-07-01",
             "previous": "Poland"},
            # a predecessor named only on the incoming side: its own term is not stated
            {"organization": "OSCE", "chair": "North Macedonia", "start": "2023-01-01",
             "end": "2023-12-31", "previous": "Poland",
             "evidence": _ev("Skopje took over the chairpersonship from Warsaw in January.")},
        ],
        "memberships": [
            {"organization": "CSTO", "member": m,
             "evidence": _ev("The six members of the pact are Armenia, Belarus, Kazakhstan, "
                             "Kyrgyzstan, Russia and Tajikistan.")}
            for m in ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan")
        ] + [
            # members named one sentence at a time, and a total stated in words
            {"organization": "Arab League", "member": "Egypt",
             "evidence": _ev("Egypt sent its foreign minister.")},
            {"organization": "Arab League", "member": "Jordan",
             "evidence": _ev("Jordan, one of the League's twenty-two member states, agreed.")},
            {"organization": "Arab League", "member": "Iraq",
             "evidence": _ev("Iraq abstained.")},
            {"organization": "OSCE", "member": "Malta", "evidence": _ev("Malta spoke first.")},
            {"organization": "OSCE", "member": "Austria", "evidence": _ev("Austria hosts.")},
            {"organization": "OSCE", "member": "Finland", "evidence": _ev("Finland listened.")},
            {"organization": "OSCE", "member": "Poland", "evidence": _ev("Poland objected.")},
            {"organization": "OSCE", "member": "Estonia", "evidence": _ev("Estonia agreed.")},
        ],
        "posts": [
            {"person": "Sadyr Japarov", "post": "president", "of": "Kyrgyzstan"},
            {"person": "Vladimir Putin", "post": "president", "of": "Russia"},
            {"person": "Kassym-Jomart Tokayev", "post": "president", "of": "Kazakhstan"},
            {"person": "Nikol Pashinyan", "post": "prime minister", "of": "Armenia"},
            {"person": "Emomali Rahmon", "post": "president", "of": "Tajikistan"},
            {"person": "Sirojiddin Muhriddin", "post": "foreign minister", "of": "Tajikistan"},
        ],
        "events": [
            {"type": "summit", "name": "CSTO summit in Bishkek", "organization": "CSTO",
             "place": "Bishkek", "date": "2025-11-20", "host": "Kyrgyzstan",
             "participants": ["Kyrgyzstan", "Russia", "Kazakhstan", "Tajikistan"],
             "absent": ["Armenia"]},
        ],
    }
    summits = {
        "article": "turkic.txt", "published": "2025-05-22",
        # a term known by its year here, to the day in the other article
        "chairmanships": [
            {"organization": "Council of the EU", "chair": "Denmark", "start": "2025"},
            {"organization": "Council of the EU", "chair": "Poland", "start": "2025-01-01",
             "end": "2025-06-30"},
        ],
        "events": [
            {"type": "summit", "organization": "OTS", "place": city, "date": year,
             "participants": [], "absent": [],
             "evidence": _ev("Leaders met for the 8th summit in Istanbul in 2021, the 9th in "
                             "Samarkand in 2022, the 10th in Astana in 2023 and the 11th in "
                             "Bishkek in 2024.")}
            for city, year in (("Istanbul", "2021"), ("Samarkand", "2022"), ("Astana", "2023"),
                               ("Bishkek", "2024"))
        ],
    }
    return _store(tmp, [rotation, summits])


def _ask(question: str, graph: Store, day: str = "2025-11-20"):
    return ask(question, graph, as_of=date.fromisoformat(day))


@pytest.mark.parametrize("question", [
    "Who will chair the CSTO in 2026?", "who is going to hold the csto chair in 2026",
    "WHO CHAIRS THE CSTO NEXT YEAR 2026", "which country will take the helm of the csto in 2026",
])
def test_a_planned_chair_is_answered_as_planned(graph: Store, question: str) -> None:
    answer = _ask(question, graph)
    assert [a.label for a in answer.answers] == ["Russia"]
    assert "planned" in answer.message and "rotation.txt" in answer.message
    assert "held the" not in answer.message


@pytest.mark.parametrize("question", [
    "Who chairs the CSTO now?", "who currently holds the csto chairmanship",
    "which state is at the helm of the csto", "who chairs csto",
])
def test_the_current_chair_is_not_replaced_by_a_planned_one(graph: Store,
                                                            question: str) -> None:
    answer = _ask(question, graph, "2025-12-15")
    assert [a.label for a in answer.answers] == ["Kyrgyzstan"]


def test_the_chair_as_a_person_is_the_chair_states_leader(graph: Store) -> None:
    answer = _ask("Who is the current chair of the CSTO?", graph, "2025-12-15")
    assert [a.label for a in answer.answers] == ["Sadyr Japarov"]
    assert "Kyrgyzstan" in answer.message
    state = _ask("Who chairs the CSTO?", graph, "2025-12-15")
    assert [a.label for a in state.answers] == ["Kyrgyzstan"]
    # the chair of the organ of leaders itself is a person
    organ = _ask("who chairs the CSTO Council of Heads of State?", graph, "2025-12-15")
    assert [a.label for a in organ.answers] == ["Sadyr Japarov"]


def test_a_title_before_a_name_is_the_persons(tmp_path: Path) -> None:
    """ "President Bio" names a person (read as the state he leads): the question is whom he
    took over from, not who holds the post of president."""
    doc = {"article": "a.txt", "published": "2025-02-16",
           "chairmanships": [{"organization": "ECOWAS", "chair": "Sierra Leone",
                              "start": "2025-06-22", "previous": "Nigeria"}],
           "posts": [{"person": "Julius Maada Bio", "post": "president", "of": "Sierra Leone"},
                     {"person": "Bola Tinubu", "post": "president", "of": "Nigeria"}]}
    graph = _store(tmp_path, [doc])
    for question in ("Who did President Bio take over the ECOWAS chair from?",
                     "Who did Bio take over the ECOWAS chair from?"):
        answer = _ask(question, graph, "2025-07-01")
        assert [a.label for a in answer.answers] == ["Bola Tinubu"], question
    graph.close()


def test_a_term_ahead_is_not_one_chaired(graph: Store) -> None:
    did = _ask("did russia chair the csto", graph)
    assert [a.label for a in did.answers] == ["no"] and "planned" in did.message
    will = _ask("will russia chair the csto", graph)
    assert [a.label for a in will.answers] == ["yes"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Who will take over from Kyrgyzstan at the CSTO?", ["Russia"]),
    ("who succeeds the current csto chair", ["Russia"]),
    ("who did russia take the csto chair over from", ["Kyrgyzstan"]),
    ("Who held the OSCE chairmanship before North Macedonia?", ["Poland"]),
    ("who did poland hand the osce chair to", ["North Macedonia"]),
    ("north macedonia's predecessor as osce chair", ["Poland"]),
    ("which country did denmark take over the eu council presidency from", ["Poland"]),
])
def test_succession_both_ways_and_from_one_side(graph: Store, question: str,
                                                expected: list[str]) -> None:
    assert [a.label for a in _ask(question, graph).answers] == expected


def test_a_stated_total_is_the_count_and_a_partial_list_is_not(graph: Store) -> None:
    stated = _ask("How many member states does the Arab League have?", graph)
    assert [a.label for a in stated.answers] == ["22"]
    partial = _ask("how many participating states does the osce have", graph)
    assert partial.answers == [] and "5 of them by name" in partial.message
    listed = _ask("how many members does the csto have", graph)
    assert [a.label for a in listed.answers] == ["6"]


@pytest.mark.parametrize(("question", "expected"), [
    ("Which leaders attended the Bishkek summit?",
     ["Sadyr Japarov", "Vladimir Putin", "Kassym-Jomart Tokayev", "Emomali Rahmon"]),
    ("who missed the csto summit in bishkek", ["Armenia"]),
    ("which countries were not at the bishkek summit", ["Armenia"]),
    ("was armenia present at the bishkek summit", ["no"]),
    ("armenia attend csto summit bishkek", ["no"]),
    ("did kazakhstan take part in the bishkek summit", ["yes"]),
    ("Was Tokayev at the CSTO summit in Bishkek?", ["yes"]),
])
def test_attendance(graph: Store, question: str, expected: list[str]) -> None:
    got = [a.label for a in _ask(question, graph).answers]
    assert sorted(got) == sorted(expected)


def test_a_leader_whose_minister_is_named_there_probably_did_not_go(graph: Store) -> None:
    answer = _ask("Did Rahmon attend the Bishkek summit?", graph)
    assert [a.label for a in answer.answers] == ["no"]
    assert "Probably not" in answer.message and "Sirojiddin Muhriddin" in answer.message
    assert answer.answers[0].sources


def test_attendance_through_a_person_or_a_title(tmp_path: Path) -> None:
    """A head of state whose premier or vice president the article names there probably
    did not go; a person asked with only a day finds the gatherings of their articles; a
    leader's title of a state at a summit, with no holder named, is the state's answer."""
    doc = {
        "article": "rio.txt", "published": "2024-11-20",
        "posts": [
            {"person": "Xi Jinping", "post": "president", "of": "China"},
            {"person": "Li Qiang", "post": "premier", "of": "China",
             "evidence": _ev("Premier Li Qiang led the Chinese delegation in Rio.")},
            {"person": "Volodymyr Zelensky", "post": "president", "of": "Ukraine"},
        ],
        "events": [
            {"type": "summit", "organization": "G20", "place": "Rio de Janeiro",
             "date": "2024-11-19", "participants": ["China", "Ukraine", "Brazil"],
             "evidence": _ev("Leaders gathered in Rio de Janeiro on 19 November.")},
        ],
    }
    graph = _store(tmp_path, [doc])
    xi = _ask("Did Xi Jinping attend the Rio summit?", graph, "2024-11-20")
    assert [a.label for a in xi.answers] == ["no"] and "Li Qiang" in xi.message
    by_day = _ask("Did Zelensky attend the 19 November summit?", graph, "2024-11-20")
    assert [a.label for a in by_day.answers] == ["yes"]
    led = _ask("Who led China's delegation in Rio?", graph, "2024-11-20")
    assert [a.label for a in led.answers] == ["Li Qiang"]
    by_title = _ask("Did Brazil's president attend the Rio summit?", graph, "2024-11-20")
    assert [a.label for a in by_title.answers] == ["yes"]
    assert "names no president of Brazil" in by_title.message
    graph.close()


def test_a_persons_post_from_the_graph(tmp_path: Path) -> None:
    """"Who did X succeed" reads the post X took up last; "the Commission" is the person's
    post that says so; a full name asked is not another person sharing its surname; a
    yes/no question about a post is never answered with a name."""
    doc = {
        "article": "au.txt", "published": "2025-02-16",
        "posts": [
            {"person": "Mahmoud Ali Youssouf", "post": "chairperson of the commission",
             "of": "AU", "start": "2025-02-15"},
            {"person": "Mahmoud Ali Youssouf", "post": "foreign minister", "of": "Djibouti",
             "start": "2005"},
            {"person": "Moussa Faki Mahamat", "post": "chairperson of the commission",
             "of": "AU", "start": "2017", "end": "2025-02-15"},
            {"person": "António Costa", "post": "president", "of": "European Council",
             "start": "2024-12-01"},
            {"person": "Charles Michel", "post": "president", "of": "European Council",
             "start": "2019-12-01", "end": "2024-11-30"},
            {"person": "Zacarias da Costa", "post": "executive secretary", "of": "CPLP",
             "start": "2021-08-01"},
        ],
    }
    graph = _store(tmp_path, [doc])
    for question in ("Who did Youssouf succeed?", "Who did Youssouf succeed at the Commission?"):
        assert [a.label for a in _ask(question, graph, "2025-02-16").answers] == [
            "Moussa Faki Mahamat"], question
    costa = _ask("who did costa succeed at the european council", graph, "2025-02-16")
    assert [a.label for a in costa.answers] == ["Charles Michel"]
    other = _ask("When does Zacarias da Costa take office?", graph, "2021-07-18")
    assert [a.label for a in other.answers] == ["2021-08-01"]
    yes_no = _ask("Will Costa's mandate be renewed in 2027?", graph, "2025-02-16")
    assert yes_no.answers == []
    graph.close()


def test_totals_and_departures_over_time(tmp_path: Path) -> None:
    """A withdrawal dated only by when it happened is no membership from then on; a total an
    older article states counts the joins and departures the graph dates after it."""
    old = {"article": "vilnius.txt", "published": "2023-07-11",
           "member_counts": [{"organization": "NATO", "count": 31}],
           "memberships": [{"organization": "NATO", "member": "Finland", "start": "2023-04-04"},
                           {"organization": "CSTO", "member": "Russia"},
                           {"organization": "CSTO", "member": "Uzbekistan",
                            "status": "withdrawn", "start": "2012"}]}
    new = {"article": "sweden.txt", "published": "2024-03-07",
           "memberships": [{"organization": "NATO", "member": "Sweden", "start": "2024-03-07"}]}
    graph = _store(tmp_path, [old, new])
    now = _ask("How many members does NATO have?", graph, "2024-07-11")
    assert [a.label for a in now.answers] == ["32"] and "Sweden joined" in now.message
    then = _ask("How many members does NATO have?", graph, "2023-12-01")
    assert [a.label for a in then.answers] == ["31"]
    left = _ask("Is Uzbekistan a member of the CSTO?", graph, "2023-11-23")
    assert [a.label for a in left.answers] == ["no"]
    # no body named: the one the graph dates the state's joining of, else said
    joined = _ask("When did Finland join?", graph, "2024-07-11")
    assert [a.label for a in joined.answers] == ["2023-04-04"] and "NATO" in joined.message
    graph.close()


def test_in_person_is_beyond_the_graph(graph: Store) -> None:
    answer = _ask("did putin attend the bishkek summit in person", graph)
    assert answer.answers == [] and "in person" in answer.message


@pytest.mark.parametrize(("question", "expected"), [
    ("Where was the 11th OTS summit held?", ["Bishkek"]),
    # a gathering reckoned from another one's city
    ("where did the ots hold its previous summit before astana", ["Samarkand"]),
    ("where was the first OTS summit after Samarkand", ["Astana"]),
    ("where was the tenth ots summit", ["Astana"]),
    ("which city hosted the 9th summit of the ots", ["Samarkand"]),
])
def test_a_numbered_summit_among_several_in_one_sentence(graph: Store, question: str,
                                                         expected: list[str]) -> None:
    assert [a.label for a in _ask(question, graph, "2025-05-22").answers] == expected


def test_an_open_term_is_not_carried_into_a_future_year(graph: Store) -> None:
    answer = _ask("who will chair the sco in 2026", graph)
    assert answer.answers == [] and "China holds it from 2025-07" in answer.message
    assert [a.label for a in _ask("who chairs the sco now", graph).answers] == ["China"]


def test_a_minister_named_beside_the_head_is_the_probable_representative(graph: Store) -> None:
    answer = _ask("who represented tajikistan at the bishkek summit", graph)
    assert [a.label for a in answer.answers] == ["Sirojiddin Muhriddin"]
    assert answer.message.startswith("Probably")
    alone = _ask("Who represented Kazakhstan at the Bishkek summit?", graph)
    assert [a.label for a in alone.answers] == ["Kassym-Jomart Tokayev"]


def test_a_year_is_refined_by_the_day_another_article_gives(graph: Store) -> None:
    answer = _ask("who holds the eu council presidency in january 2025", graph, "2025-01-10")
    assert [a.label for a in answer.answers] == ["Poland"]
    later = _ask("who holds the eu council presidency in august 2025", graph, "2025-01-10")
    assert [a.label for a in later.answers] == ["Denmark"]


def test_a_leader_asked_for_the_state_is_answered_with_a_leader(tmp_path: Path) -> None:
    """ "who did Ali take over the chair from": the leader of the state before, in person;
    asked by the state, the state."""
    store = _store(tmp_path, [{
        "article": "caricom.txt", "published": "2024-01-02",
        "chairmanships": [
            {"organization": "CARICOM", "chair": "Dominica", "start": "2023-07",
             "end": "2023-12"},
            {"organization": "CARICOM", "chair": "Guyana", "start": "2024-01",
             "previous": "Dominica"}],
        "posts": [{"person": "Mohamed Irfaan Ali", "post": "president", "of": "Guyana"},
                  {"person": "Roosevelt Skerrit", "post": "prime minister", "of": "Dominica"}],
    }])
    as_of = date(2024, 1, 2)
    got = ask("who did irfaan ali take over the caricom chair from", store, as_of=as_of)
    assert [a.label for a in got.answers] == ["Roosevelt Skerrit"]
    assert "Dominica" in got.message
    by_state = ask("who did guyana take over the caricom chair from", store, as_of=as_of)
    assert [a.label for a in by_state.answers] == ["Dominica"]
    chairman = ask("who is the chairman of caricom", store, as_of=as_of)
    assert [a.label for a in chairman.answers] == ["Mohamed Irfaan Ali"]


@pytest.mark.parametrize(("question", "expected"), [
    # a body of the organisation, or a second seat, is not its chairmanship
    ("Who chairs the CARICOM Committee of Elders?", []),
    ("which country is vice-chair of caricom", []),
    # "from 2024": the term that begins then, not one running into it
    ("Which country holds the CARICOM chair from 2024?", ["Guyana"]),
    ("Which country will hold the CARICOM chair from 2023?", ["Dominica"]),
    ("What salary does the chairman of CARICOM receive?", []),
    ("What is the theme of Guyana's CARICOM chairmanship?", []),
])
def test_what_the_chair_is_not(tmp_path: Path, question: str, expected: list[str]) -> None:
    store = _store(tmp_path, [{
        "article": "caricom.txt", "published": "2023-06-30",
        "chairmanships": [
            {"organization": "CARICOM", "chair": "Dominica", "start": "2023-07",
             "end": "2024-06"},
            {"organization": "CARICOM", "chair": "Guyana", "start": "2024-01",
             "previous": "Dominica"}],
    }])
    got = ask(question, store, as_of=date(2023, 6, 30))
    assert [a.label for a in got.answers] == expected, got.message


@pytest.mark.parametrize(("question", "expected"), [
    # the post of the person named, read from the graph when the question names none
    ("who did youssouf replace at the au commission", ["Moussa Faki Mahamat"]),
    ("Who did Mahmoud Ali Youssouf succeed?", ["Moussa Faki Mahamat"]),
    ("who succeeded faki as chairperson of the au commission", ["Mahmoud Ali Youssouf"]),
    ("Who was chairperson of the AU Commission before Youssouf?", ["Moussa Faki Mahamat"]),
    ("When did Youssouf take office?", ["2025-02-15"]),
    # a person the graph does not know in a post: nothing guessed
    ("who did somebodyunknown replace at the au commission", []),
])
def test_a_post_neighbour_of_the_person_named(tmp_path: Path, question: str,
                                              expected: list[str]) -> None:
    store = _store(tmp_path, [{
        "article": "au.txt", "published": "2025-02-16",
        "posts": [
            {"person": "Moussa Faki Mahamat", "post": "chairperson of the commission",
             "of": "African Union", "start": "2017-03-14", "end": "2025-02-15"},
            {"person": "Mahmoud Ali Youssouf", "post": "chairperson of the commission",
             "of": "African Union", "start": "2025-02-15"}],
    }])
    got = ask(question, store, as_of=date(2025, 2, 16))
    assert [a.label for a in got.answers] == expected, got.message


def test_when_did_they_meet_is_the_latest_of_several(tmp_path: Path) -> None:
    """ "When did the council meet in St Petersburg?" with several such meetings known: the
    latest by the day asked, the others said; a year asked picks that one."""
    store = _store(tmp_path, [{
        "article": "seec.txt", "published": "2024-12-27",
        "events": [
            {"type": "summit", "place": "Saint Petersburg", "date": "2023-12-25",
             "organization": "EAEU", "participants": ["Russia", "Belarus"]},
            {"type": "summit", "place": "Saint Petersburg", "date": "2024-12-26",
             "organization": "EAEU", "participants": ["Russia", "Belarus"]}],
    }])
    got = ask("When did the EAEU leaders meet in St Petersburg?", store, as_of=date(2025, 1, 5))
    assert [a.label for a in got.answers] == ["2024-12-26"] and "2023-12-25" in got.message
    year = ask("When did the EAEU leaders meet in St Petersburg in 2023?", store,
               as_of=date(2025, 1, 5))
    assert [a.label for a in year.answers] == ["2023-12-25"]
    # a town the curated tables lack, known to GeoNames, named before the gathering word
    town = ask("When did the Entebbe IGAD summit take place?", store, as_of=date(2025, 1, 5))
    assert town.answers == []


def test_which_countries_leaders_attended_asks_for_countries(tmp_path: Path) -> None:
    store = _store(tmp_path, [{
        "article": "igad.txt", "published": "2024-01-19",
        "events": [{"type": "summit", "place": "Entebbe", "date": "2024-01-18",
                    "organization": "IGAD", "participants": ["Uganda", "Djibouti"]}],
        "posts": [{"person": "Yoweri Museveni", "post": "president", "of": "Uganda"},
                  {"person": "Ismail Omar Guelleh", "post": "president", "of": "Djibouti"}],
    }])
    as_of = date(2024, 1, 19)
    states = ask("Which countries' presidents attended the Entebbe summit?", store, as_of=as_of)
    assert sorted(a.label for a in states.answers) == ["Djibouti", "Uganda"]
    leaders = ask("Which leaders attended the Entebbe summit?", store, as_of=as_of)
    assert sorted(a.label for a in leaders.answers) == ["Ismail Omar Guelleh", "Yoweri Museveni"]


@pytest.mark.parametrize(("question", "expected"), [
    # one gathering's chair is its host: the state, or in person its leader or minister
    ("Which country chaired the Astana summit of the CSTO?", ["Kazakhstan"]),
    ("Who presided over the CSTO summit in Astana?", ["Kassym-Jomart Tokayev"]),
    ("who chaired the csto foreign ministers' council in astana", ["Murat Nurtleu"]),
    # the organisation's chairmanship itself is not one gathering's
    ("Who chaired the CSTO in 2023?", ["Belarus"]),
])
def test_one_gatherings_chair_is_its_host(tmp_path: Path, question: str,
                                          expected: list[str]) -> None:
    store = _store(tmp_path, [{
        "article": "csto.txt", "published": "2024-11-29",
        "chairmanships": [{"organization": "CSTO", "chair": "Belarus", "start": "2023",
                           "end": "2023"},
                          {"organization": "CSTO", "chair": "Kazakhstan", "start": "2024"}],
        "events": [{"type": "summit", "place": "Astana", "date": "2024-11-28",
                    "organization": "CSTO", "host": "Kazakhstan"},
                   {"type": "meeting", "place": "Astana", "date": "2024-11-27",
                    "organization": "CSTO", "host": "Kazakhstan"}],
        "posts": [{"person": "Kassym-Jomart Tokayev", "post": "president", "of": "Kazakhstan"},
                  {"person": "Kassym Tokayev", "post": "president", "of": "Kazakhstan"},
                  {"person": "Murat Nurtleu", "post": "foreign minister", "of": "Kazakhstan"}],
    }])
    got = ask(question, store, as_of=date(2024, 11, 29))
    assert [a.label for a in got.answers] == expected, got.message


@pytest.mark.parametrize(("question", "expected"), [
    ("Who is the chairperson of the AU Commission?", ["Mahmoud Ali Youssouf"]),
    # a later article's mention of the predecessor ends no one's term
    ("who is the outgoing chairperson of the au commission", ["Moussa Faki Mahamat"]),
    ("Who was elected chairperson of the AU Commission?", ["Mahmoud Ali Youssouf"]),
    ("Who was elected chairperson of the AU Commission in 2017?", ["Moussa Faki Mahamat"]),
    ("Who is the new chairperson of the AU Commission?", ["Mahmoud Ali Youssouf"]),
])
def test_new_outgoing_and_elected_holders(tmp_path: Path, question: str,
                                          expected: list[str]) -> None:
    store = _store(tmp_path, [{
        "article": "au.txt", "published": "2025-02-16",
        "posts": [
            {"person": "Moussa Faki Mahamat", "post": "chairperson of the commission",
             "of": "African Union", "start": "2017"},
            {"person": "Mahmoud Ali Youssouf", "post": "chairperson of the commission",
             "of": "African Union", "start": "2025-02-15"}],
    }, {
        "article": "au-later.txt", "published": "2025-02-20",
        "posts": [{"person": "Moussa Faki Mahamat", "post": "chairperson of the commission",
                   "of": "African Union"}],
    }])
    got = ask(question, store, as_of=date(2025, 2, 20))
    assert [a.label for a in got.answers] == expected, got.message


@pytest.mark.parametrize(("question", "expected"), [
    # "the meeting" of a summit there, beside a ministers' meeting with no parties recorded
    ("Did Armenia take part in the Dushanbe meeting?", ["yes"]),
    ("Was Moldova represented in Dushanbe?", ["no"]),
    ("Was Armenia represented in Dushanbe?", ["yes"]),
    # in person: a state that stayed away altogether was not there in person either
    ("Did Moldova attend the Dushanbe summit in person?", ["no"]),
    ("Did Armenia attend the Dushanbe summit in person?", []),
    # ordinals written out or in Roman numerals
    ("Where was the XII summit held?", ["Dushanbe"]),
    ("Where was the twelfth summit held?", ["Dushanbe"]),
    ("Where was the Forty-Second summit held?", []),
])
def test_attendance_and_numbered_gatherings(tmp_path: Path, question: str,
                                            expected: list[str]) -> None:
    store = _store(tmp_path, [{
        "article": "cis.txt", "published": "2025-10-10",
        "events": [{"type": "summit", "name": "XII summit of the CIS", "place": "Dushanbe",
                    "date": "2025-10-10", "organization": "CIS", "host": "Tajikistan",
                    "participants": ["Tajikistan", "Armenia"], "absent": ["Moldova"]},
                   {"type": "meeting", "place": "Dushanbe", "date": "2025-10-09",
                    "organization": "CIS"}],
    }])
    got = ask(question, store, as_of=date(2025, 10, 10))
    assert [a.label for a in got.answers] == expected, got.message


def test_an_aside_after_the_state_asked_about_is_not_the_question(tmp_path: Path) -> None:
    """ "Who is the president of Lithuania, the next OSCE chair?" asks for a president."""
    store = _store(tmp_path, [{
        "article": "osce.txt", "published": "2010-12-03",
        "chairmanships": [{"organization": "OSCE", "chair": "Lithuania", "start": "2011"}],
        "posts": [{"person": "Dalia Grybauskaite", "post": "president", "of": "Lithuania"}],
    }])
    got = ask("Who is the president of Lithuania, the next OSCE chair?", store,
              as_of=date(2010, 12, 3))
    assert [a.label for a in got.answers] == ["Dalia Grybauskaite"], got.message


@pytest.mark.parametrize(("question", "expected"), [
    # "the Council" with a half-year: the council whose six-month term begins then
    ("Which country presided over the Council in the second half of 2024?", ["Hungary"]),
    # with a month: the council whose chair turns monthly
    ("Which country held the Council presidency in August 2024?", ["Sierra Leone"]),
    # no time to tell them apart: said, not guessed
    ("Who chairs the Council?", []),
])
def test_the_council_is_told_apart_by_the_term_asked(tmp_path: Path, question: str,
                                                     expected: list[str]) -> None:
    store = _store(tmp_path, [{
        "article": "councils.txt", "published": "2024-09-01",
        "chairmanships": [
            {"organization": "Council of the EU", "chair": "Hungary", "start": "2024-07-01",
             "end": "2024-12-31"},
            {"organization": "Council of Europe", "chair": "Liechtenstein",
             "start": "2024-05-17", "end": "2024-11-13"},
            {"organization": "UNSC", "chair": "Sierra Leone", "start": "2024-08-01",
             "end": "2024-08-31"}],
    }])
    got = ask(question, store, as_of=date(2024, 9, 1))
    assert [a.label for a in got.answers] == expected, got.message
