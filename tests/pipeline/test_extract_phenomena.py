"""One test per linguistic phenomenon, on sentences written for these tests."""

from datetime import date
from pathlib import Path

from graph_builder.extract import extract_file
from graph_builder.extract.date_phrases import find_dates


def _facts(tmp_path: Path, body: str, published: str = "12 March 2024"):
    path = tmp_path / "a.txt"
    path.write_text(f"Headline about blocs\n\n{published}\n\n{body}\n", encoding="utf-8")
    return extract_file(path)


def test_relative_dates():
    pub = date(2024, 3, 12)
    got = {d.text: (d.start, d.end) for d in find_dates(
        "met last November, again last year, and in late May, for 2025, from 1 July", pub)}
    assert got["last November"] == ("2023-11", "2023-11")
    assert got["last year"] == ("2023", "2023")
    assert got["in late May"] == ("2024-05", "2024-05")
    assert got["2025"] == ("2025", "2025")
    assert got["1 July"] == ("2024-07-01", "2024-07-01")


def test_takeover_and_handover(tmp_path):
    facts = _facts(tmp_path, "Mongolia takes over the rotating chairmanship of the Shanghai "
                   "Cooperation Organisation (SCO) for 2025. Outgoing chair Nepal handed the "
                   "gavel to Mongolia at the summit.")
    chairs = {(c.organization, c.chair, c.start) for c in facts.chairmanships}
    assert ("SCO", "Mongolia", "2025") in chairs
    assert any(c.chair == "Nepal" for c in facts.chairmanships)


def test_negation_is_not_a_fact(tmp_path):
    facts = _facts(tmp_path, "Serbia is not a member of NATO. Norway did not take over the "
                   "chairmanship of the OSCE.")
    assert not facts.memberships and not facts.chairmanships


def test_observers_are_not_members(tmp_path):
    facts = _facts(tmp_path, "The members of the Arab League include Egypt, Jordan and Iraq, "
                   "while Brazil and India are observers.")
    members = {m.member for m in facts.memberships}
    assert members == {"Egypt", "Jordan", "Iraq"}


def test_posts_in_several_shapes(tmp_path):
    facts = _facts(tmp_path, "Ghanaian President Nana Akufo-Addo spoke first. Penny Wong, the "
                   "foreign minister of Australia, replied. Chile's president Gabriel Boric "
                   "was absent.")
    posts = {(p.person, p.post, p.of) for p in facts.posts}
    assert ("Nana Akufo-Addo", "president", "Ghana") in posts
    assert ("Penny Wong", "foreign minister", "Australia") in posts
    assert ("Gabriel Boric", "president", "Chile") in posts


def test_capital_as_actor_in_clash(tmp_path):
    facts = _facts(tmp_path, "India accused Islamabad of shelling during border clashes with "
                   "Islamabad in February 2019.")
    clash = [e for e in facts.events if e.type == "clash"]
    assert clash and set(clash[0].participants) == {"India", "Pakistan"}
    assert clash[0].date == "2019-02"


def test_withdrawal_and_suspension(tmp_path):
    facts = _facts(tmp_path, "Mali withdrew from ECOWAS in January 2024. Georgia suspended its "
                   "participation in the CIS.")
    by_member = {m.member: m for m in facts.memberships}
    assert by_member["Mali"].end == "2024-01"
    assert by_member["Georgia"].status == "suspended"


def _chairs(facts):
    return {(c.organization, c.chair, c.start[:4] if c.start else None)
            for c in facts.chairmanships}


def test_that_chairmanship_keeps_the_body_of_the_sentence_before(tmp_path):
    facts = _facts(tmp_path, "Norway holds the presidency of the Council of the European Union. "
                   "Until May, Oslo chaired the Committee of Ministers of the Council of Europe. "
                   "Norway took that chairmanship in November 2023 and passed it to Spain in "
                   "May 2024.")
    chairs = _chairs(facts)
    assert ("Council of Europe", "Norway", "2023") in chairs
    assert ("Council of Europe", "Spain", "2024") in chairs
    assert ("Council of the EU", "Spain", "2024") not in chairs


def test_relative_clause_about_the_chair_dates_it(tmp_path):
    facts = _facts(tmp_path, "Peru succeeds Chile, the outgoing chair, who led the Organization "
                   "of American States throughout 2023.")
    assert ("OAS", "Chile", "2023") in _chairs(facts)


def test_future_and_scheduled_chairs(tmp_path):
    facts = _facts(tmp_path, "Vietnam agreed to chair the Association of Southeast Asian Nations "
                   "in 2027 instead. Thailand is next in line and will take over the "
                   "chairmanship of ASEAN for 2028.")
    chairs = _chairs(facts)
    assert ("ASEAN", "Vietnam", "2027") in chairs and ("ASEAN", "Thailand", "2028") in chairs


def test_takes_over_with_its_period_and_until_is_an_end(tmp_path):
    facts = _facts(tmp_path, "The Danish presidency of the Council of the European Union lasts "
                   "until the end of June, when Cyprus takes over for the second half of 2024.")
    assert ("Council of the EU", "Cyprus", "2024") in _chairs(facts)
    facts = _facts(tmp_path, "Ghana will chair the African Union until the next summit in "
                   "February 2025.")
    assert ("African Union", "Ghana", "2025") not in _chairs(facts)


def test_predecessor_dated_by_its_ended_term(tmp_path):
    facts = _facts(tmp_path, "Denmark holds the presidency of the Council of the European Union "
                   "from 1 July, taking over from Spain, whose six-month term ended on Sunday.")
    chairs = {(c.chair, c.start) for c in facts.chairmanships}
    assert ("Spain", "2024-01") in chairs and ("Denmark", "2024-07-01") in chairs


def test_relative_and_passive_chairmanships(tmp_path):
    facts = _facts(tmp_path, "The summit crowned the chairmanship of the BRICS that Beijing has "
                   "held since 1 January 2024. Before China, the chairmanship of the BRICS was "
                   "held by Egypt.")
    chairs = _chairs(facts)
    assert ("BRICS", "China", "2024") in chairs and ("BRICS", "Egypt", None) in chairs


def test_apposition_and_as_chair(tmp_path):
    facts = _facts(tmp_path, "The 50th summit of ASEAN was hosted by Indonesia as chair of the "
                   "bloc for 2023.")
    assert ("ASEAN", "Indonesia", "2023") in _chairs(facts)


def test_chairing_a_meeting_is_no_chairmanship(tmp_path):
    facts = _facts(tmp_path, "Qatar's emir was greeted by Kuwait, which chaired the meeting of "
                   "the Gulf Cooperation Council.")
    assert not facts.chairmanships


def _members(facts):
    return {(m.organization, m.member) for m in facts.memberships}


def test_membership_lists_in_other_shapes(tmp_path):
    facts = _facts(tmp_path, "The Shanghai Cooperation Organisation now has four member states: "
                   "China, Russia, India and Pakistan. The Conference on Interaction and "
                   "Confidence Building Measures in Asia has 28 member states, from Egypt and "
                   "Turkey in the west to Vietnam in the east. The remaining members of the "
                   "CSTO, Armenia, Belarus and Tajikistan, met in May.")
    got = _members(facts)
    assert {("SCO", s) for s in ("China", "Russia", "India", "Pakistan")} <= got
    assert {("CICA", s) for s in ("Egypt", "Turkey", "Vietnam")} <= got
    assert {("CSTO", s) for s in ("Armenia", "Belarus", "Tajikistan")} <= got


def test_among_them_and_apposition(tmp_path):
    facts = _facts(tmp_path, "The Arab League has many members. Oman, Qatar and Jordan are "
                   "among them. Libya, a member of the Arab League, sent an envoy.")
    got = _members(facts)
    assert {("Arab League", s) for s in ("Oman", "Qatar", "Jordan", "Libya")} <= got


def test_organisations_join_and_states_leave(tmp_path):
    facts = _facts(tmp_path, "The G20 summit admitted the African Union as a permanent member "
                   "of the group. Sweden completed its accession on 7 March and became the "
                   "32nd member of NATO. Moldova withdrew from the CIS bodies in 2023, and "
                   "Georgia left in 2009. Russia was expelled from the Council of Europe in "
                   "March 2022.")
    got = _members(facts)
    assert ("G20", "African Union") in got and ("NATO", "Sweden") in got
    assert ("CIS", "Georgia") in got and ("Council of Europe", "Russia") in got


def test_his_country_is_the_officials_state(tmp_path):
    facts = _facts(tmp_path, "Armenian Prime Minister Nikol Pashinyan came to Moscow; his "
                   "country has frozen its participation in the CSTO.")
    assert any(m.member == "Armenia" and m.organization == "CSTO" and m.status == "suspended"
               for m in facts.memberships)


def _posts(facts):
    return {(p.person.split()[-1], p.post, p.of) for p in facts.posts}


def test_bare_titles_take_the_state_of_the_sentence(tmp_path):
    facts = _facts(tmp_path, "Russian President Vladimir Putin stayed away and sent Foreign "
                   "Minister Sergei Lavrov. Brazil was represented in Kazan by Foreign Minister "
                   "Mauro Vieira.")
    got = _posts(facts)
    assert ("Lavrov", "foreign minister", "Russia") in got
    assert ("Vieira", "foreign minister", "Brazil") in got


def test_two_posts_and_organisation_posts(tmp_path):
    facts = _facts(tmp_path, "Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar "
                   "spoke first. The chairperson of the African Union Commission, Moussa Faki "
                   "Mahamat, replied. Maltese Foreign Minister Ian Borg is now the "
                   "Chairperson-in-Office of the OSCE.")
    got = _posts(facts)
    assert ("Dar", "deputy prime minister", "Pakistan") in got
    assert ("Dar", "foreign minister", "Pakistan") in got
    assert ("Mahamat", "chairperson of the commission", "African Union") in got
    assert ("Borg", "chairperson in office", "OSCE") in got


def test_counterpart_and_its_minister(tmp_path):
    facts = _facts(tmp_path, "Lao Prime Minister Sonexay Siphandone passed the hammer to his "
                   "Malaysian counterpart Anwar Ibrahim. Egypt is not a member of the GCC, but "
                   "its foreign minister, Sameh Shoukry, signed.")
    got = _posts(facts)
    assert ("Ibrahim", "prime minister", "Malaysia") in got
    assert ("Shoukry", "foreign minister", "Egypt") in got


def test_summit_places_from_capitals_datelines_and_video(tmp_path):
    facts = _facts(tmp_path, "BISHKEK - The leaders of the SCO signed a treaty at their summit "
                   "in the Kyrgyz capital on 16 August 2007.")
    assert {(e.type, e.place, e.date) for e in facts.events} == {
        ("summit", "Bishkek", "2007-08-16")}
    facts = _facts(tmp_path, "ASTANA - The leaders of the CSTO met on Thursday, 7 March.")
    assert [(e.type, e.place) for e in facts.events] == [("summit", "Astana")]
    facts = _facts(tmp_path, "Iran joined the SCO at a summit that India chose to hold online "
                   "on 4 July 2023.")
    assert [(e.type, e.place, e.date) for e in facts.events] == [("summit", None, "2023-07-04")]


def test_clash_place_and_year_carried_in_the_sentence(tmp_path):
    facts = _facts(tmp_path, "The parliament voted on 14 August 2008, days after the war "
                   "between Georgia and Russia, which began on 7 August.")
    assert [e.date for e in facts.events if e.type == "clash"] == ["2008-08"]
    facts = _facts(tmp_path, "Troops of India and China fought in the Galwan Valley on 15 June "
                   "2020.")
    assert [(e.place, e.date) for e in facts.events] == [("Galwan Valley", "2020-06")]


def test_cooperation_without_a_cooperation_word(tmp_path):
    facts = _facts(tmp_path, "OIC Secretary General Hissein Brahim Taha opened the session. He "
                   "proposed that the OIC and the African Union set up a contact group. Kazakh "
                   "President Kassym-Jomart Tokayev called for closer contacts between the CIS "
                   "and the Shanghai Cooperation Organisation.")
    got = {(c.proposer, c.organization, c.partner) for c in facts.cooperation_proposals}
    assert ("OIC", "OIC", "African Union") in got
    assert ("Kazakhstan", "CIS", "SCO") in got


def test_passive_possessive_and_whose_country_chairs(tmp_path):
    facts = _facts(tmp_path, "The G7 is chaired by Canada this year. Poland's presidency of the "
                   "Council of the European Union began on 1 January 2025. Hungarian Prime "
                   "Minister Viktor Orban, whose country holds the EU presidency, visited "
                   "Beijing on Friday.")
    chairs = _chairs(facts)
    assert ("G7", "Canada", "2024") in chairs
    assert ("Council of the EU", "Poland", "2025") in chairs
    assert ("Council of the EU", "Hungary", None) in chairs


def test_coordinated_subjects_join_and_lists_stop_at_semicolons(tmp_path):
    facts = _facts(tmp_path, "The alliance grew after Finland and Sweden joined NATO. The "
                   "members of the CSTO are Russia, Belarus and Tajikistan; Armenia has frozen "
                   "its participation.")
    got = {(m.organization, m.member, m.rule) for m in facts.memberships}
    assert ("NATO", "Finland", "member.join") in got and ("NATO", "Sweden", "member.join") in got
    assert ("CSTO", "Armenia", "member.list") not in got


def test_title_name_of_state_and_later_counterpart(tmp_path):
    facts = _facts(tmp_path, "Foreign Minister Sergei Lavrov of Russia and his Chinese "
                   "counterpart Wang Yi signed a statement.")
    got = _posts(facts)
    assert ("Lavrov", "foreign minister", "Russia") in got
    assert ("Yi", "foreign minister", "China") in got


def test_cooperation_with_an_open_partner(tmp_path):
    facts = _facts(tmp_path, "Kazakh President Kassym-Jomart Tokayev spoke at the CSTO summit. "
                   "Tokayev stressed the importance of the organisation's cooperation with "
                   "interested countries and international organisations.")
    got = {(c.proposer, c.organization, c.partner) for c in facts.cooperation_proposals}
    assert ("Kazakhstan", "CSTO", None) in got


def test_clash_dated_before_the_verb(tmp_path):
    facts = _facts(tmp_path, "In September 2022, Kyrgyz and Tajik border guards clashed along "
                   "the frontier.")
    assert [(e.type, e.date) for e in facts.events] == [("clash", "2022-09")]


def test_a_head_of_states_presidency_is_no_chairmanship(tmp_path):
    facts = _facts(tmp_path, "US President Joe Biden attended the NATO summit. Relations "
                   "improved during Biden's presidency in 2022. Kassym-Jomart Tokayev took over "
                   "the presidency of Kazakhstan in 2019. Hungary took over the EU presidency "
                   "on 1 July 2024.")
    assert _chairs(facts) == {("Council of the EU", "Hungary", "2024")}


def test_a_seat_on_a_council_is_a_membership(tmp_path):
    facts = _facts(tmp_path, "Malta's year is busy: the island also sits on the UN Security "
                   "Council as a non-permanent member. Turkey, a NATO member, wants to join "
                   "BRICS.")
    got = _members(facts)
    assert ("UNSC", "Malta") in got and ("NATO", "Turkey") in got
    assert ("BRICS", "Turkey") not in got


def test_month_start_leaves_end_open(tmp_path):
    facts = _facts(tmp_path, "Kazakhstan has held the chairmanship of the SCO since July 2023.")
    chair = next(c for c in facts.chairmanships if c.chair == "Kazakhstan")
    assert (chair.start, chair.end) == ("2023-07", None)


def test_stated_term_closes_the_term(tmp_path):
    facts = _facts(tmp_path, "Iceland took over the chairmanship of the Council of Europe in "
                   "November 2022 for six months.")
    by_chair = {c.chair: c for c in facts.chairmanships}
    assert (by_chair["Iceland"].start, by_chair["Iceland"].end) == ("2022-11", "2023-05")


def test_same_year_takes_previous_year():
    mentions = find_dates("joined in 2015, and Kyrgyzstan in August of the same year",
                          date(2024, 5, 8))
    assert [m.start for m in mentions] == ["2015", "2015-08"]


def _member(facts, org, member):
    return next(m for m in facts.memberships if m.organization == org and m.member == member)


def test_membership_dates_in_several_shapes(tmp_path):
    facts = _facts(tmp_path, "The leaders met in Minsk on 9 May and formally admitted Mongolia as "
                   "the bloc's eleventh full member of the SCO. The two countries that joined the "
                   "BRICS group at the start of the year: Kenya and Peru. Brazil announced on 2 "
                   "February 2024 that Hanoi had joined BRICS. On 5 March the ministers decided "
                   "that Norway ceased to be a member of the Council of Europe.",
                   published="20 May 2024")
    assert _member(facts, "SCO", "Mongolia").start == "2024-05-09"
    assert _member(facts, "BRICS", "Kenya").start == "2024-01-01"
    assert _member(facts, "BRICS", "Peru").start == "2024-01-01"
    assert _member(facts, "BRICS", "Vietnam").start == "2024-02-02"
    norway = _member(facts, "Council of Europe", "Norway")
    assert (norway.end, norway.status) == ("2024-03-05", "withdrawn")


def test_readmission_ends_a_suspension(tmp_path):
    facts = _facts(tmp_path, "Libya's membership of the Arab League had been suspended in March "
                   "2012. Ministers meeting in Cairo on 3 June decided to readmit it, and Tripoli "
                   "resumed its seat at once.", published="10 June 2024")
    libya = _member(facts, "Arab League", "Libya")
    assert (libya.start, libya.end, libya.status) == ("2024-06-03", None, None)


def test_predecessor_from_take_over_and_succeeding(tmp_path):
    facts = _facts(tmp_path, "Chile assumed the presidency of the G20 on 1 December 2025, taking "
                   "over from Norway. Mongolia received the chairmanship of the OIC on 4 May, "
                   "succeeding Qatar, which had held it since the summit in Doha in 2019.",
                   published="10 December 2025")
    chairs = {(c.organization, c.chair): c for c in facts.chairmanships}
    assert chairs[("G20", "Chile")].previous == "Norway"
    assert chairs[("G20", "Norway")].end == "2025-11-30"
    assert chairs[("OIC", "Mongolia")].previous == "Qatar"
    assert chairs[("OIC", "Qatar")].end == "2025-05-04"


def test_summit_participants_and_absentees(tmp_path):
    facts = _facts(tmp_path, "MINSK - The heads of state of the CSTO gathered in Minsk on 20 "
                   "November for their annual summit. Also at the table were Kazakh President "
                   "Kassym-Jomart Tokayev and the leaders of Kyrgyzstan and Tajikistan. Armenia "
                   "sent no delegation at all. Uzbekistan, too, stayed away. Russian President "
                   "Vladimir Putin did not travel to Minsk; Foreign Minister Sergei Lavrov "
                   "represented Russia instead.", published="21 November 2024")
    summit = next(e for e in facts.events if e.type == "summit" and e.place == "Minsk")
    assert set(summit.absent) == {"Armenia", "Uzbekistan"}
    assert {"Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Russia"} <= set(
        summit.participants)
    assert not set(summit.absent) & set(summit.participants)
