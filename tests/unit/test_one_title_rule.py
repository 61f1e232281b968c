"""Post titles are known in one place (core/titles + core/data/posts.csv): every caller that
reads a title (the surface rules, the syntactic pass, the facts model, the question parser)
gives the same spelling for the same input."""

from pathlib import Path

import pytest

from graph_builder.ask.parse import _title as question_title
from graph_builder.core import titles
from graph_builder.core.facts import Post, fact_key
from graph_builder.extract import extract_file
from graph_builder.extract.parse import _known_title as parsed_title

SPELLINGS = {
    "Defense Minister": "defence minister",
    "Minister of Foreign Affairs": "foreign minister",
    "Secretary-General": "secretary general",
    "Premier": "prime minister",
    "Foreign Ministry Spokesman": "foreign ministry spokesperson",
}


@pytest.mark.parametrize(("written", "canonical"), SPELLINGS.items())
def test_every_caller_spells_a_title_alike(tmp_path: Path, written: str,
                                           canonical: str) -> None:
    assert titles.canonical(written) == canonical
    assert titles.normalise_post(written) == canonical
    assert parsed_title(None, written) == canonical
    assert fact_key("posts", Post("Ana Gomez", written, "Chile"))[1] == canonical
    assert question_title(f"who was the {written.lower()} of chile in 2023") == canonical
    article = tmp_path / "a.txt"
    article.write_text(f"Talks in Santiago\n\n3 May 2024\n\nChile's {written} Ana Gomez "
                       "opened the talks.\n", encoding="utf-8")
    posts = {(p.person, p.post, p.of) for p in extract_file(article).posts}
    assert ("Ana Gomez", canonical, "Chile") in posts


def test_a_title_the_table_does_not_list_is_no_known_title() -> None:
    assert titles.canonical("director of the institute") is None
    assert parsed_title(None, "director of the institute") is None
    assert titles.normalise_post("director of the institute") == "director of the institute"


def test_temporary_holders_keep_their_prefix_and_the_post_its_holder() -> None:
    assert titles.canonical("Acting Prime Minister") == "acting prime minister"
    assert parsed_title(None, "interim president") == "interim president"
    assert titles.is_state_post("acting prime minister")
    assert titles.is_org_post("Chairman-in-Office")
    assert not titles.is_state_post("secretary general")
    assert titles.held_in("ambassador") == ""


# the question side (ask/) reads titles through the same table: no list of its own
ASK_SPELLINGS = {
    "Permanent Representative to the UN": "permanent representative",
    "Crown Prince": "crown prince",
    "High Representative": "high representative",
    "Executive Secretary": "executive secretary",
    "Chairman of the African Union Commission": "chairperson of the commission",
}


@pytest.mark.parametrize(("written", "canonical"), ASK_SPELLINGS.items())
def test_the_question_parser_reads_titles_from_the_table(written: str, canonical: str) -> None:
    assert titles.canonical(written) == canonical
    assert question_title(f"who was the {written.lower()} in 2023") == canonical


def test_leaders_standing_for_their_state_are_the_tables_heads() -> None:
    from graph_builder.ask import persons

    assert persons.LEADER_TITLES == titles.leader_titles()
    assert set(persons.LEADER_TITLES) == {"president", "king", "prime minister"}
    # every spelling of a leader's title is a leader, a temporary holder too; a minister not
    for spelling in ("Premier", "Head of Government", "Emir", "acting president"):
        assert titles.is_leader_title(spelling), spelling
    assert not titles.is_leader_title("foreign minister")
    assert not titles.is_leader_title("secretary general")


def test_no_title_list_of_its_own_in_the_question_code() -> None:
    # the titles the table lists are spelt in ask/ only where a rule reads words around them
    import graph_builder.ask as ask_pkg

    for path in Path(ask_pkg.__file__).parent.glob("*.py"):
        text = path.read_text("utf-8")
        assert '("president", "prime minister", "king")' not in text, path.name
        assert '("president", "king", "prime minister")' not in text, path.name
        assert "extra = [\"chairperson of the commission\"" not in text, path.name


@pytest.mark.parametrize(("title", "canonical"), [
    # a portfolio joined to a known office is that office
    ("Minister of Foreign Affairs and International Cooperation", "foreign minister"),
    ("Minister for Foreign Affairs, Education and Sport", "foreign minister"),
    ("Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs",
     "foreign minister"),
    # no known office in it: the title as written
    ("Minister of Mineral Resources, Oil and Gas", "minister of mineral resources, oil and gas"),
])
def test_a_portfolio_joined_to_an_office_is_the_office(title: str, canonical: str) -> None:
    from graph_builder.core.titles import normalise_post

    assert normalise_post(title) == canonical


@pytest.mark.parametrize("written, curated", [
    ("Almazbek Atambaev", "Almazbek Atambayev"), ("Nursultan Nazarbaev", "Nursultan Nazarbayev"),
    ("Emomali Rakhmon", "Emomali Rahmon"), ("Sadyr Zhaparov", "Sadyr Japarov"),
])
def test_one_person_transliterated_two_ways_is_one_post(written: str, curated: str) -> None:
    """The spelling a translated report writes and the one a curator writes are one holder:
    the same fold the leaders table meets them by (leaders.fold_transliteration)."""
    assert fact_key("posts", Post(written, "president", "Kyrgyzstan")) == \
        fact_key("posts", Post(curated, "president", "Kyrgyzstan"))
    assert fact_key("posts", Post("Almazbek Atambaev", "president", "Kyrgyzstan")) != \
        fact_key("posts", Post("Sooronbay Jeenbekov", "president", "Kyrgyzstan"))
