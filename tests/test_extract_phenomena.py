"""One test per linguistic phenomenon, on sentences written for these tests."""

from datetime import date
from pathlib import Path

from graph_builder.extract import extract_file
from graph_builder.extract.dates import find_dates


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
