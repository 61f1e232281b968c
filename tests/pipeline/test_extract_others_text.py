"""Phenomena of text written by others, one test each, on sentences written for these tests.

Each class here cost facts on the blind corpus (tests/corpus/blind): datelines in their wire
forms, acronyms in any case, the organisation referred to as "the bloc", member lists in
many shapes, leaders listed with their states, names outside ASCII, seats of government in
titles, chairs named through persons. The sentences are ours; the figures that matter are
the blind ones (tests/pipeline/test_blind_corpus.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers import TESTS
from helpers.sentences import check_view, extract_text, sentence_cases

from graph_builder.extract.articles import from_text

_article = extract_text

# Article heads the sentences below stand in: a title, a dateline, a first sentence.
CSTO = "CSTO notes\n\nMOSCOW, 3 March 2024 - The CSTO met. "
SCO = "SCO notes\n\nMOSCOW, 3 March 2024 - The SCO met. "
AU = "AU\n\nADDIS ABABA, 16 February 2025 - Leaders met. "


# The whole article, the view checked (helpers.sentences.VIEWS), the tuples it must hold
# and those it must not, each row named by its phenomenon.
# others_text.json and one others_text_TOPIC.json per family of rules, so that work on
# separate families adds rows to separate files.
SENTENCES = [case for path in sorted((TESTS / "fixtures" / "sentences").glob("others_text*.json"))
             for case in sentence_cases(path.stem)]


@pytest.mark.parametrize(("text", "view", "present", "absent"), SENTENCES)
def test_sentence_yields(tmp_path: Path, text: str, view: str, present: set[tuple],
                         absent: set[tuple]) -> None:
    check_view(_article(tmp_path, text), view, present, absent)


def test_member_since(tmp_path: Path) -> None:
    facts = _article(tmp_path, CSTO + "Belarus has been a member since 1992. Serbia is not a "
                     "member.")
    check_view(facts, "member_starts", {("CSTO", "Belarus", "1992")})
    check_view(facts, "members", set(), {("CSTO", "Serbia")})


# Sentences that state no fact of the kind named: negations, hopes, plans, counterfactuals.
NOTHING = [
    ("Enlargement\n\nBRUSSELS, 3 March 2024 - Serbia is not yet a member of the EU; its bid is "
     "still pending. The bloc could admit it later.", "memberships"),
    (SCO + "Laos hopes its accession will be completed soon; Nepal has not yet gained "
     "membership.", "memberships"),
    (AU + "Angola could have chaired the African Union in 2025.", "chairmanships"),
    (AU + "Angola is not the current chair of the African Union.", "chairmanships"),
]


@pytest.mark.parametrize(("text", "kind"), NOTHING)
def test_no_fact_stated(tmp_path: Path, text: str, kind: str) -> None:
    assert not getattr(_article(tmp_path, text), kind)


@pytest.mark.parametrize(("text", "published"), [
    ("Title\n\nTASHKENT, 14 March 2022 (Wire) -- Ministers met.", "2022-03-14"),
    ("Title\nBy A. Writer | Posted 03.11.2023 10:00\n\nMinisters met in 2021.", "2023-11-03"),
    ("Title\n\n(KUNA) -- KUWAIT, Dec 5, 2023 -- The GCC met.", "2023-12-05"),
    # a dateline without its year: the year in which "on Friday" is the dateline's day
    ("Title\n\nVIENNA, Dec 6 (dpa) - The deal was agreed on Friday. The 1975 act and the "
     "2025 chair were named.", "2024-12-06"),
    # a past span is no year ahead: "steered the alliance through 2023" in a 2024 report
    ("Title\n\nASTANA, 28 November. /TASS/. Leaders met on Thursday. The chair came from "
     "Belarus, which steered the alliance through 2023. Kyrgyzstan will assume the chair on "
     "1 January 2025. The treaty dates from 1992; Uzbekistan left in 2012.", "2024-11-28"),
    # "will host the next meeting in 2018": filed the year before
    ("Title\n\nAstana, June 9th (Agency) -- Leaders met. Observers since 2005; the Ufa summit "
     "in 2015 opened the way. China will host the next meeting of the council in 2018.",
     "2017-06-09"),
    # "Issued:" beats the dateline of the meeting above it
    ("NOTE\n\nSession of the Council\nGeneva – 12 June 2023\nIssued: 13 June 2023\n\nText.",
     "2023-06-13"),
    # a date inside a sentence is not the publication date
    ("Title\n\nOn 12 May 2023 leaders met. Nothing else.", None),
])
def test_publication_date_from_header_and_dateline(text: str, published: str | None) -> None:
    assert from_text(Path("x.txt"), text).published == published


def test_site_clock_is_not_the_date() -> None:
    text = "Today: Friday, 23 February, 2024\nTitle\n\nBody about 2019."
    assert from_text(Path("x.txt"), text).published is None


def test_the_bloc_is_the_organisation_in_focus(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Leaders gather\n\nJAKARTA, 12 May 2023 - ASEAN leaders opened "
                     "their summit. The 10-member bloc, which is made up of Brunei, Cambodia and "
                     "Laos among others, met in the city. Indonesia holds the rotating "
                     "chairmanship of the grouping this year.")
    assert ("ASEAN", "Cambodia") in {(m.organization, m.member) for m in facts.memberships}
    assert ("ASEAN", "Indonesia", "2023") in {
        (c.organization, c.chair, c.start) for c in facts.chairmanships}


def test_apposition_is_not_an_anaphor(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Coup\n\nABUJA, 2 June 2024 - The European Union condemned the "
                     "coup. Nigeria's President Bola Tinubu, who chairs the West African bloc "
                     "ECOWAS, called for calm.")
    assert all(c.organization != "Council of the EU" for c in facts.chairmanships)


def test_two_titles_of_one_person(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Meeting\n\nBAKU, 4 July 2024 - It was opened by Mr. Jeyhun "
                     "Bayramov, Deputy Prime Minister and Minister of Foreign Affairs of the "
                     "Republic of Azerbaijan.")
    posts = {(p.post, p.of) for p in facts.posts if p.person == "Jeyhun Bayramov"}
    assert posts == {("deputy prime minister", "Azerbaijan"), ("foreign minister", "Azerbaijan")}


def test_chairmanship_as_subject(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Handover\n\nMINSK, 2 January 2024 - The chairmanship of the "
                     "CSTO for 2024 was formally transferred to Kazakhstan. The presidency "
                     "passed from Belarus to Astana.")
    got = {(c.chair, c.start) for c in facts.chairmanships if c.organization == "CSTO"}
    assert ("Kazakhstan", "2024") in got
    assert any(chair == "Belarus" for chair, _ in got)


def test_dateline_city_is_the_summit_place(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Summit\n\nASTANA, Nov 28, 2024 (Steppe Press) -- Leaders of the "
                     "CSTO met on Thursday without Armenia.")
    assert any(e.type == "summit" and e.place == "Astana" and (e.date or "").startswith(
        "2024-11") for e in facts.events)


def test_a_planned_session_keeps_its_own_date(tmp_path: Path) -> None:
    # a planned gathering with its place and date written is a fact (news gold lists it);
    # the dateline's day is not its date, and one named without a date gives none
    facts = _article(tmp_path, "Plans\n\nMOSCOW, 2 March 2024 - The next session of the council "
                     "will be held in Minsk on 11 November 2026. A later one will be held in "
                     "Baku.")
    assert [e.date for e in facts.events if e.place == "Minsk"] == ["2026-11-11"]
    assert not [e for e in facts.events if e.place == "Baku"]


def test_weekday_decides_the_year() -> None:
    # 6 December fell on a Friday in 2024 and 2019; the article names 2024 and 1975
    text = "T\n\nVALLETTA, Dec 6 (dpa) - Agreed on Friday. Founded in 1975; the 2024 talks."
    assert from_text(Path("x.txt"), text).published == date(2024, 12, 6).isoformat()


def test_today_and_this_weekend_are_days() -> None:
    from graph_builder.extract.date_phrases import find_dates

    got = {d.text: (d.start, d.end) for d in find_dates(
        "Leaders met today, Yesterday the ministers; talks this weekend", date(2024, 3, 13))}
    assert got["today"] == ("2024-03-13", "2024-03-13")
    assert got["Yesterday"] == ("2024-03-12", "2024-03-12")
    assert got["this weekend"] == ("2024-03-16", "2024-03-17")


def test_weekday_ranges_and_weeks_are_the_reports_days() -> None:
    """ "ran from Tuesday to Thursday" in a Friday report: that week's days; "this week",
    whose day is not known: its month; "last week" across a month end: its seven days."""
    from graph_builder.extract.date_phrases import find_dates

    got = {d.text: (d.start, d.end) for d in find_dates(
        "The summit ran from Tuesday to Thursday; ministers met this week", date(2024, 10, 25))}
    assert got["from Tuesday to Thursday"] == ("2024-10-22", "2024-10-24")
    assert got["this week"] == ("2024-10", "2024-10")
    across = {d.text: (d.start, d.end) for d in find_dates("They met last week.",
                                                            date(2024, 11, 6))}
    assert across["last week"] == ("2024-10-28", "2024-11-03")
    # "met this week" in a Friday report of 3 December: Monday 29 November to that Friday,
    # most of those days December's
    straddling = {d.text: (d.start, d.end) for d in find_dates("Leaders met this week.",
                                                               date(2010, 12, 3))}
    assert straddling["this week"] == ("2010-12", "2010-12")
    # a day and month with "last year" after them: that day of the year before
    last_year = {d.text: d.start for d in find_dates(
        "It was decided in Moscow on 8 October last year.", date(2025, 10, 10))}
    assert last_year["8 October last year"] == "2024-10-08"


def test_a_weekday_ahead_is_the_next_one() -> None:
    """ "will meet on Thursday" in a Wednesday report is the next day, not last week's."""
    from graph_builder.extract.date_phrases import find_dates

    ahead = find_dates("Ministers will meet in Baku on Thursday.", date(2024, 10, 23))
    past = find_dates("Ministers met in Baku on Tuesday.", date(2024, 10, 23))
    assert [d.start for d in ahead] == ["2024-10-24"]
    assert [d.start for d in past] == ["2024-10-22"]


@pytest.mark.parametrize("text, published, start", [
    # a month ahead of publication that a past verb governs is this year's, or last year's
    ("The group has held the chair since 1 January.", date(2024, 10, 22), "2024-01-01"),
    ("He has run it since Warsaw took over from Sweden in January.", date(2022, 12, 1), "2022-01"),
    ("Budapest's presidency began in July.", date(2025, 1, 10), "2024-07"),
    # ... and a future one stays ahead
    ("Malta will take over in January.", date(2022, 12, 1), "2023-01"),
    ("The summit was postponed and will now take place in January.", date(2022, 12, 1), "2023-01"),
    ("It had held the post since receiving it from Uruguay at a summit in Montevideo on "
     "December 6.", date(2025, 7, 3), "2024-12-06"),
    ("The summit will be held in Montevideo on December 6.", date(2025, 7, 3), "2025-12-06"),
])
def test_a_month_without_year_follows_the_tense(text: str, published: date, start: str) -> None:
    from graph_builder.extract.date_phrases import find_dates

    assert [d.start for d in find_dates(text, published)] == [start]


@pytest.mark.parametrize(("text", "days"), [
    # day first with dots or slashes, as translated and official texts write dates
    ("The previous summit was held in Tashkent on 09.11.2023.", ["2023-11-09"]),
    ("Signed on 17/09/2021, the declaration", ["2021-09-17"]),
    ("Version 1.2.2020.5 of the text", ["2020"]),  # no date inside a longer number
])
def test_a_numeric_day_is_a_day(text: str, days: list[str]) -> None:
    from graph_builder.extract.date_phrases import find_dates

    assert [d.start for d in find_dates(text, date(2025, 7, 4))] == days


def test_a_first_name_is_no_month() -> None:
    from graph_builder.extract.date_phrases import find_dates

    found = find_dates("Jan Novak arrived; talks resume in Jan.", date(2024, 3, 1))
    texts = {d.text for d in found}
    assert texts == {"Jan."}  # only the one after "in"


def test_sentences_run_together_are_two() -> None:
    from graph_builder.extract.sentences import split

    texts = [s.text for s in split("Presidents attended.Kyrgyz President Sadyr Japarov chaired. "
                                   "The U.S. envoy and Mr. Smith came.")]
    assert texts == ["Presidents attended.", "Kyrgyz President Sadyr Japarov chaired.",
                     "The U.S. envoy and Mr. Smith came."]


def test_a_timeline_span_ends_its_term_and_a_hand_over_ends_only_the_latest(tmp_path) -> None:
    """ "January–June 2012 — Denmark" is Denmark's term to June 2012; Cyprus taking over
    from Denmark in 2026 ends Denmark's 2025 term, not the one of 2012."""
    facts = extract_text(tmp_path, (
        "Council presidencies\n\nBRUSSELS, 1 January 2026 (Wire) - Cyprus took over the "
        "presidency of the Council of the EU from Denmark on Thursday.\n\n"
        "Presidency rotation at a glance\n\n- January–June 2012: Denmark\n"
        "- July–December 2025: Denmark\n"))
    terms = {(c.chair, c.start, c.end) for c in facts.chairmanships if c.chair == "Denmark"}
    assert ("Denmark", "2012-01", "2012-06") in terms
    assert all(end is None or end >= "2025" for _, start, end in terms if start >= "2025")
