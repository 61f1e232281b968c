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

from graph_builder.extract import extract_file
from graph_builder.extract.articles import from_text


def _article(tmp_path: Path, text: str):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


@pytest.mark.parametrize(("text", "published"), [
    ("Title\n\nTASHKENT, 14 March 2022 (Wire) -- Ministers met.", "2022-03-14"),
    ("Title\nBy A. Writer | Posted 03.11.2023 10:00\n\nMinisters met in 2021.", "2023-11-03"),
    ("Title\n\n(KUNA) -- KUWAIT, Dec 5, 2023 -- The GCC met.", "2023-12-05"),
    # a dateline without its year: the year in which "on Friday" is the dateline's day
    ("Title\n\nVIENNA, Dec 6 (dpa) - The deal was agreed on Friday. The 1975 act and the "
     "2025 chair were named.", "2024-12-06"),
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


def test_acronym_in_title_case_and_dotted(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Nato and Asean\n\nOSLO, 2 June 2024 - Norway and Iceland are "
                     "members of Nato. Leaders of the C.S.T.O. met; Armenia, Belarus and Russia "
                     "are members of the C.S.T.O.")
    got = {(m.organization, m.member) for m in facts.memberships}
    assert {("NATO", "Norway"), ("NATO", "Iceland"), ("CSTO", "Belarus")} <= got


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


@pytest.mark.parametrize("sentence", [
    "The alliance groups Armenia, Belarus and Kazakhstan.",
    "The organisation, set up in 2002, brings together Armenia, Belarus and Kazakhstan.",
    "Who are its members? Three countries: Armenia, Belarus and Kazakhstan.",
    "It was set up in 2002 by Armenia, Belarus and Kazakhstan.",
])
def test_member_list_shapes(tmp_path: Path, sentence: str) -> None:
    facts = _article(tmp_path, f"CSTO notes\n\nMOSCOW, 3 March 2024 - The CSTO met. {sentence}")
    got = {m.member for m in facts.memberships if m.organization == "CSTO"}
    assert {"Armenia", "Belarus", "Kazakhstan"} <= got


def test_joins_suspensions_and_exits(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Bloc news\n\nLIMA, 3 March 2024 - The Andean Community met. "
                     "Colombia and Peru were admitted together in 1969. Bolivia, Ecuador and "
                     "Chile remain suspended. Venezuela's withdrawal took effect in 2006.")
    got = {(m.member, m.status) for m in facts.memberships}
    assert ("Colombia", None) in got and ("Peru", None) in got
    assert ("Chile", "suspended") in got
    assert ("Venezuela", "withdrawn") in got


def test_not_yet_a_member_stays_out(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Enlargement\n\nBRUSSELS, 3 March 2024 - Serbia is not yet a "
                     "member of the EU; its bid is still pending. The bloc could admit it later.")
    assert not facts.memberships


def test_leaders_listed_with_their_states(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Summit\n\nASTANA, 4 July 2024 - Presidents Emomali Rahmon of "
                     "Tajikistan, Shavkat Mirziyoyev of Uzbekistan and Sadyr Japarov of "
                     "Kyrgyzstan attended the SCO summit.")
    got = {(p.person, p.post, p.of) for p in facts.posts}
    assert ("Shavkat Mirziyoyev", "president", "Uzbekistan") in got
    assert ("Sadyr Japarov", "president", "Kyrgyzstan") in got


def test_names_outside_ascii_and_seats_of_government(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Talks\n\nBUDAPEST, 4 July 2024 - Hungarian Prime Minister Viktor "
                     "Orbán met Paraguayan President Santiago Peña. Kremlin spokesman Dmitry "
                     "Peskov said Moscow was watching.")
    got = {(p.person, p.of) for p in facts.posts}
    assert ("Viktor Orbán", "Hungary") in got
    assert ("Santiago Peña", "Paraguay") in got
    assert ("Dmitry Peskov", "Russia") in got


def test_two_titles_of_one_person(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Meeting\n\nBAKU, 4 July 2024 - It was opened by Mr. Jeyhun "
                     "Bayramov, Deputy Prime Minister and Minister of Foreign Affairs of the "
                     "Republic of Azerbaijan.")
    posts = {(p.post, p.of) for p in facts.posts if p.person == "Jeyhun Bayramov"}
    assert posts == {("deputy prime minister", "Azerbaijan"), ("foreign minister", "Azerbaijan")}


def test_chair_named_through_its_president(tmp_path: Path) -> None:
    facts = _article(tmp_path, "AU\n\nADDIS ABABA, 17 February 2024 - The president of Mauritania, "
                     "Mohamed Ould Ghazouani, was elected African Union chairman for 2024.")
    assert ("African Union", "Mauritania", "2024") in {
        (c.organization, c.chair, c.start) for c in facts.chairmanships}


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


def test_a_planned_session_is_no_event(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Plans\n\nMOSCOW, 2 March 2024 - The next session of the council "
                     "will be held in Minsk on 11 November 2026.")
    assert not [e for e in facts.events if e.place == "Minsk"]


def test_weekday_decides_the_year() -> None:
    # 6 December fell on a Friday in 2024 and 2019; the article names 2024 and 1975
    text = "T\n\nVALLETTA, Dec 6 (dpa) - Agreed on Friday. Founded in 1975; the 2024 talks."
    assert from_text(Path("x.txt"), text).published == date(2024, 12, 6).isoformat()


@pytest.mark.parametrize("sentence", [
    "Its members gathered. They include Armenia, Belarus and Kazakhstan.",
    "Its founders were Armenia, Belarus and Kazakhstan.",
    "Armenia, Belarus and Kazakhstan make up the bloc.",
    "The six member states (Armenia, Belarus and Kazakhstan) signed.",
    "Armenia, Belarus and Kazakhstan are founding members.",
    "Member states – Armenia, Belarus and Kazakhstan.",
    "Current members (3): Armenia, Belarus, Kazakhstan.",
    "Its members are:\n- Armenia\n- Belarus\n- Kazakhstan",
])
def test_member_lists_named_by_what_they_are(tmp_path: Path, sentence: str) -> None:
    facts = _article(tmp_path, f"CSTO notes\n\nMOSCOW, 3 March 2024 - The CSTO met. {sentence}")
    got = {m.member for m in facts.memberships if m.organization == "CSTO"}
    assert {"Armenia", "Belarus", "Kazakhstan"} <= got


@pytest.mark.parametrize(("sentence", "member"), [
    ("Belarus is one of the bloc's six members.", "Belarus"),
    ("Armenia, one of the alliance's six members, stayed away.", "Armenia"),
    ("The alliance's newest member, Belarus, signed.", "Belarus"),
])
def test_one_member_described(tmp_path: Path, sentence: str, member: str) -> None:
    facts = _article(tmp_path, f"CSTO notes\n\nMOSCOW, 3 March 2024 - The CSTO met. {sentence}")
    assert ("CSTO", member) in {(m.organization, m.member) for m in facts.memberships}


def test_member_since(tmp_path: Path) -> None:
    facts = _article(tmp_path, "CSTO notes\n\nMOSCOW, 3 March 2024 - The CSTO met. Belarus has "
                     "been a member since 1992. Serbia is not a member.")
    got = {(m.member, m.start) for m in facts.memberships if m.organization == "CSTO"}
    assert ("Belarus", "1992") in got
    assert all(member != "Serbia" for member, _ in got)


@pytest.mark.parametrize("sentence", [
    "Iran's accession was formalised in July 2023.",
    "The admission of Iran was approved in July 2023.",
    "Iran gained full membership in July 2023.",
    "Iran entered the SCO in July 2023.",
    "India joined in 2017, Pakistan was admitted in 2017 and Iran in July 2023.",
])
def test_joining_told_as_a_noun_or_another_verb(tmp_path: Path, sentence: str) -> None:
    facts = _article(tmp_path, f"SCO notes\n\nMOSCOW, 3 March 2024 - The SCO met. {sentence}")
    assert ("SCO", "Iran", "2023-07") in {
        (m.organization, m.member, m.start) for m in facts.memberships}


def test_hoped_accession_is_no_membership(tmp_path: Path) -> None:
    facts = _article(tmp_path, "SCO notes\n\nMOSCOW, 3 March 2024 - The SCO met. Laos hopes its "
                     "accession will be completed soon; Nepal has not yet gained membership.")
    assert not facts.memberships


@pytest.mark.parametrize("sentence", [
    "Joao Lourenco, Angola's president, assumed the rotating chairmanship of the African Union "
    "for 2025.",
    "The African Union chairmanship went to Angola's president Joao Lourenco for 2025.",
    "Angola, this year's holder of the rotating presidency of the African Union, spoke.",
    "The presiding country, Angola, opened the summit of the African Union.",
    "Angola stepped in for Ghana as the state that will chair the African Union in 2025.",
    "2025 saw Angola preside over the African Union.",
])
def test_chairmanship_in_many_shapes(tmp_path: Path, sentence: str) -> None:
    facts = _article(tmp_path, f"AU\n\nADDIS ABABA, 16 February 2025 - Leaders met. {sentence}")
    assert ("African Union", "Angola", "2025") in {
        (c.organization, c.chair, c.start) for c in facts.chairmanships}


@pytest.mark.parametrize("sentence", [
    "Angola could have chaired the African Union in 2025.",
    "Angola is not the current chair of the African Union.",
])
def test_supposed_or_denied_chair(tmp_path: Path, sentence: str) -> None:
    facts = _article(tmp_path, f"AU\n\nADDIS ABABA, 16 February 2025 - Leaders met. {sentence}")
    assert not facts.chairmanships


def test_today_and_this_weekend_are_days() -> None:
    from graph_builder.extract.date_phrases import find_dates

    got = {d.text: (d.start, d.end) for d in find_dates(
        "Leaders met today, Yesterday the ministers; talks this weekend", date(2024, 3, 13))}
    assert got["today"] == ("2024-03-13", "2024-03-13")
    assert got["Yesterday"] == ("2024-03-12", "2024-03-12")
    assert got["this weekend"] == ("2024-03-16", "2024-03-17")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Andean Community met. Peru's President Ana Torres, a former judge, took over the "
     "bloc's rotating presidency on Monday.", ("Andean Community", "Peru", "2024")),
    ("Thanks went to the Icelandic prime minister, whose country steered the Nordic Council "
     "last year.", ("Nordic Council", "Iceland", "2023")),
    ("Fiji took over as chair of the Pacific Islands Forum from Samoa, the smallest member, "
     "which had led it since 2022.", ("Pacific Islands Forum", "Samoa", "2022")),
    ("The Andean Community met. Colombia is the fifth member in a row to lead it, after Peru in "
     "2019, Ecuador in 2020 and Bolivia in 2021.", ("Andean Community", "Ecuador", "2020")),
    ("The presidency of the Benelux will move on to Luxembourg at the start of next year.",
     ("Benelux", "Luxembourg", "2025")),
])
def test_chairs_in_the_shapes_of_others_text(tmp_path: Path, sentence: str,
                                             expected: tuple[str, str, str]) -> None:
    facts = _article(tmp_path, f"Notes\n\nBRUSSELS, 3 March 2024 - Leaders met. {sentence}")
    got = {(c.organization, c.chair, (c.start or "")[:4]) for c in facts.chairmanships}
    assert expected in got


def test_a_predecessors_clause_does_not_date_the_successor(tmp_path: Path) -> None:
    facts = _article(tmp_path, "Notes\n\nSUVA, 3 March 2024 - Fiji took over as chair of the "
                     "Pacific Islands Forum from Samoa, which had led it since 2022.")
    assert ("Fiji", "2022") not in {(c.chair, c.start) for c in facts.chairmanships}


@pytest.mark.parametrize(("sentence", "post"), [
    ("The secretary general of the OAS is Albert Ramdin.",
     ("Albert Ramdin", "secretary general", "OAS")),
    ("Chile, whose president is Gabriel Boric, abstained.",
     ("Gabriel Boric", "president", "Chile")),
    ("The two interior ministers, Jan Novak of Slovakia and Petr Svoboda of Poland, met.",
     ("Jan Novak", "interior minister", "Slovakia")),
    ("Its secretary general, Albert Ramdin, spoke.",
     ("Albert Ramdin", "secretary general", "OAS")),
    ("The Amir of Qatar Sheikh Tamim bin Hamad Al Thani attended.",
     ("Tamim bin Hamad Al Thani", "king", "Qatar")),
])
def test_posts_in_the_shapes_of_others_text(tmp_path: Path, sentence: str,
                                            post: tuple[str, str, str]) -> None:
    facts = _article(tmp_path, f"Notes\n\nWASHINGTON, 3 March 2024 - The OAS met. {sentence}")
    assert post in {(p.person, p.post, p.of) for p in facts.posts}


def test_a_first_name_is_no_month() -> None:
    from graph_builder.extract.date_phrases import find_dates

    found = find_dates("Jan Novak arrived; talks resume in Jan.", date(2024, 3, 1))
    texts = {d.text for d in found}
    assert texts == {"Jan."}  # only the one after "in"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Earlier chairs of the Conference were Kazakhstan, Turkey, China and Tajikistan.",
     {("CICA", "Turkey", None), ("CICA", "China", None)}),
    ("The rotating presidency of the summit passed to Iraq from Bahrain.",
     {("CICA", "Iraq", "2024"), ("CICA", "Bahrain", None)}),
    ("Turkey and China have also chaired the CICA in the past.",
     {("CICA", "Turkey", None), ("CICA", "China", None)}),
    ("The presidency rotates every year. In June it will pass to Azerbaijan.",
     {("CICA", "Azerbaijan", "2024-06")}),
])
def test_lists_and_pronouns_of_chairs(tmp_path: Path, sentence: str, expected: set) -> None:
    facts = _article(tmp_path, f"Notes\n\nBAKU, 3 March 2024 - The CICA met. {sentence}")
    assert expected <= {(c.organization, c.chair, c.start) for c in facts.chairmanships}


def test_sentences_run_together_are_two() -> None:
    from graph_builder.extract.sentences import split

    texts = [s.text for s in split("Presidents attended.Kyrgyz President Sadyr Japarov chaired. "
                                   "The U.S. envoy and Mr. Smith came.")]
    assert texts == ["Presidents attended.", "Kyrgyz President Sadyr Japarov chaired.",
                     "The U.S. envoy and Mr. Smith came."]
