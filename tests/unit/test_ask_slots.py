"""Slots the question parser finds without a graph: days without a year, bodies named by
their kind alone, named offices inside an organisation, names with particles."""

from __future__ import annotations

from datetime import date

import pytest

from graph_builder.ask.parse import parse
from graph_builder.ask.posts import _named_office
from graph_builder.core.errors import BlocgraphError

AS_OF = date(2024, 6, 15)


@pytest.mark.parametrize("text", ["who hosted the summit on 3 march",
                                  "who hosted the summit on March 3rd"])
def test_a_day_without_its_year_is_of_the_year_asked(text: str) -> None:
    p = parse(text, AS_OF)
    assert p.period is not None and p.period.first == date(2024, 3, 3)


def test_an_impossible_day_without_a_year_is_said() -> None:
    with pytest.raises(BlocgraphError, match="no such day"):
        parse("who chaired the csto on 31 april", AS_OF)


def test_the_security_council_unqualified_is_the_uns() -> None:
    assert [o.slug for o in parse("who chairs the security council", AS_OF).orgs] == ["unsc"]


def test_a_body_named_by_its_kind_alone() -> None:
    assert [o.slug for o in parse("who is the forum's secretary general", AS_OF).orgs] == [
        "pacific-islands-forum"]
    p = parse("which country chairs the council", AS_OF)
    assert not p.orgs and p.ambiguous and len(p.ambiguous[1]) > 1


def test_a_named_office_is_not_the_organisation() -> None:
    assert _named_office("who heads the cica secretariat", parse(
        "who heads the cica secretariat", AS_OF)) == "secretariat"
    text = "who heads the european commission"
    assert _named_office(text, parse(text, AS_OF)) is None


def test_a_name_with_a_particle_is_one_person() -> None:
    assert "Ahmed al-Sharaa" in parse("Did Ahmed al-Sharaa attend the summit?", AS_OF).persons


def test_typos_are_corrected_only_where_they_cannot_be_another_word() -> None:
    from graph_builder.ask.typos import corrected

    assert corrected("who chiared the csto befor kazakhstan") == \
        "who chaired the csto before kazakhstan"
    assert corrected("how many memebrs") == "how many members"
    # a word that is a name with an ending added, a form of a word the grammar reads, or a
    # capitalised name in a question written with capitals stays as it is
    assert corrected("Who comes after Poland") == "Who comes after Poland"
    assert corrected("did Russia propose it") == "did Russia propose it"
    assert corrected("Did Milei attend?") == "Did Milei attend?"


@pytest.mark.parametrize(("text", "states", "orgs"), [
    ("have rwanda and the drc fought", ["rwanda", "democratic-republic-of-the-congo"], []),
    ("is niger currently suspended from the au", ["niger"], ["african-union"]),
    ("where was the 16th eco summit held", [], ["eco"]),
    ("is kazakhstan in the csto", ["kazakhstan"], ["csto"]),
])
def test_acronyms_in_lower_case(text: str, states: list[str], orgs: list[str]) -> None:
    p = parse(text, AS_OF)
    assert [s.slug for s in p.states] == states and [o.slug for o in p.orgs] == orgs


def test_a_name_never_reads_as_a_trigger_word() -> None:
    # "Costa Rica" holds "cost" (a sum the graph does not record), "Council of Europe" a
    # meeting: triggers that must not come from names read the text with names blanked
    p = parse("Is Costa Rica a member of SICA?", AS_OF)
    assert "costa" not in p.plain.lower() and "member" in p.plain
    assert parse("who's in charge of the csto", AS_OF).text.startswith("who is in charge")


@pytest.mark.parametrize(("text", "cities", "persons"), [
    # a town the curated tables lack, named as the place of a gathering: GeoNames knows it
    ("Which country hosted the Entebbe summit?", ["Entebbe"], []),
    ("When did the IGAD leaders meet in Entebbe?", ["Entebbe"], []),
    ("When did the Entebbe IGAD summit take place?", ["Entebbe"], []),  # a body between
    # a person before a gathering word is still a person
    ("Did Lula attend the BRICS summit?", [], ["Lula"]),
])
def test_a_town_named_for_a_gathering_is_a_place(text: str, cities: list[str],
                                                  persons: list[str]) -> None:
    p = parse(text, AS_OF)
    assert [c.label for c in p.cities] == cities and p.persons == persons
