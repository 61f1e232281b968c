"""The mention finder: names, demonyms, capitals in both roles, acronyms, and the traps."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest

from graph_builder.core.names import Gazetteer, Mention, capital_role

SEED = Path(__file__).resolve().parents[2] / "data" / "articles" / "000_eab27d500f391317.txt"


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


@cache
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def mention_at(mentions: list[Mention], text: str, phrase: str, word: str) -> Mention:
    """The mention of `word` inside the first occurrence of `phrase`."""
    at = text.index(phrase)
    start = at + phrase.index(word)
    found = [m for m in mentions if m.start == start]
    assert found, f"no mention of {word!r} in {phrase!r}"
    return found[0]


def mentions_of(text: str) -> list[Mention]:
    g = gazetteer()
    return g.mentions(text, g.learn_acronyms(text))


def slugs(text: str) -> list[tuple[str, str]]:
    return [(m.entity.slug, m.role) for m in mentions_of(text)]


@pytest.mark.parametrize(
    ("phrase", "word", "kind", "slug", "role"),
    [
        ("Yerevan had no representation", "Yerevan", "state", "armenia", "capital-as-state"),
        ("clashes with Baku", "Baku", "state", "azerbaijan", "capital-as-state"),
        ("Astana will focus", "Astana", "state", "kazakhstan", "capital-as-state"),
        ("Yerevan failed to send", "Yerevan", "state", "armenia", "capital-as-state"),
        ("the CSTO summit in Minsk", "Minsk", "city", "minsk", "capital-as-place"),
        ("the Belarusian capital of Minsk", "Minsk", "city", "minsk", "capital-as-place"),
        ("the Belarusian capital of Minsk", "Belarusian", "state", "belarus", "demonym"),
        ("officials in Yerevan stated", "Yerevan", "city", "yerevan", "capital-as-place"),
        ("Kazakh Foreign Minister", "Kazakh", "state", "kazakhstan", "demonym"),
        ("Armenian Prime Minister", "Armenian", "state", "armenia", "demonym"),
        ("Russian Presidential Spokesman", "Russian", "state", "russia", "demonym"),
        ("the Republic of Armenia", "Republic of Armenia", "state", "armenia", "name"),
        ("Collective Security Treaty Organization (CSTO)", "Collective Security Treaty "
         "Organization", "organization", "csto", "name"),
        ("(CSTO) for 2024", "CSTO", "organization", "csto", "acronym"),
        ("Commonwealth of Independent States (CIS)", "CIS", "organization", "cis", "acronym"),
        ("Shanghai Cooperation Organization (SCO)", "Shanghai Cooperation Organization",
         "organization", "sco", "name"),
        ("with the United Nations", "United Nations", "organization", "un", "name"),
        ("Kyrgyzstan and Tajikistan", "Tajikistan", "state", "tajikistan", "name"),
    ],
)
def test_seed_article_mentions(phrase: str, word: str, kind: str, slug: str, role: str) -> None:
    text = seed_text()
    mention = mention_at(mentions_of(text), text, phrase, word)
    assert mention.text == word
    assert (mention.entity.kind, mention.entity.slug, mention.role) == (kind, slug, role)


def test_republic_of_armenia_is_one_mention_not_two() -> None:
    found = mentions_of("The CSTO respects the decision by the Republic of Armenia.")
    assert [(m.text, m.entity.slug) for m in found] == [
        ("CSTO", "csto"), ("Republic of Armenia", "armenia")]


def test_the_seed_names_every_member_state() -> None:
    states = {m.entity.label for m in mentions_of(seed_text()) if m.entity.kind == "state"}
    assert {"Russia", "Belarus", "Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
            "Azerbaijan"} <= states


@pytest.mark.parametrize(
    ("sentence", "capital", "role"),
    [
        ("Astana will focus on image-building.", "Astana", "capital-as-state"),
        ("It failed to assist Yerevan during the clashes.", "Yerevan", "capital-as-state"),
        ("Relations between Moscow and Kyiv worsened.", "Kyiv", "capital-as-state"),
        ("Relations between Moscow and Kyiv worsened.", "Moscow", "capital-as-state"),
        ("Minsk's position is unchanged.", "Minsk", "capital-as-state"),
        ("Moscow, however, insists on talks.", "Moscow", "capital-as-state"),
        ("Baku has repeatedly denied it.", "Baku", "capital-as-state"),
        ("The summit was held in Minsk.", "Minsk", "capital-as-place"),
        ("Leaders gathered at Astana for talks.", "Astana", "capital-as-place"),
        ("He flew to Moscow on Monday.", "Moscow", "capital-as-place"),
        ("She returned from Bishkek.", "Bishkek", "capital-as-place"),
        ("the Kazakh capital, Astana, hosted it", "Astana", "capital-as-place"),
        ("a Minsk-based analyst", "Minsk", "capital-as-place"),
        ("Yerevan: +6 C", "Yerevan", "capital-as-place"),
        ("Moscow and Minsk agreed on it.", "Moscow", "capital-as-state"),
        ("In Moscow and Minsk, officials met.", "Minsk", "capital-as-place"),
        ("Astana hosted the summit.", "Astana", "capital-as-place"),
    ],
)
def test_capital_role(sentence: str, capital: str, role: str) -> None:
    start = sentence.index(capital)
    assert capital_role(sentence, start, start + len(capital)) == role


def test_capital_as_state_mentions_carry_the_state_and_places_the_city() -> None:
    text = "Moscow will respond. The talks in Moscow ended."
    found = mentions_of(text)
    assert [(m.entity.kind, m.entity.slug, m.role) for m in found] == [
        ("state", "russia", "capital-as-state"), ("city", "moscow", "capital-as-place")]


def test_word_boundaries_and_longest_names() -> None:
    assert slugs("Niger and Nigeria signed.") == [("niger", "name"), ("nigeria", "name")]
    assert slugs("Nigerian and Nigerien troops.") == [("nigeria", "demonym"),
                                                      ("niger", "demonym")]
    assert slugs("Guinea-Bissau, Guinea and Papua New Guinea.") == [
        ("guinea-bissau", "name"), ("guinea", "name"), ("papua-new-guinea", "name")]
    assert slugs("South Sudan and Sudan.") == [("south-sudan", "name"), ("sudan", "name")]
    assert slugs("Dominica and the Dominican Republic.") == [
        ("dominica", "name"), ("dominican-republic", "name")]
    assert slugs("Turkey, also called Türkiye.") == [("turkey", "name"), ("turkey", "name")]
    assert slugs("Georgia joined.") == [("georgia", "name")]
    assert slugs("Russians and Kazakhs met.") == [("russia", "demonym"), ("kazakhstan", "demonym")]


def test_common_words_and_lookalikes_do_not_match() -> None:
    assert slugs("They served tea in fine china and a guinea pig ate turkey.") == []
    assert slugs("The Indian Ocean and the Persian Gulf.") == []
    assert slugs("Papers in New Mexico and Northern Ireland.") == []
    assert slugs("It is in the range; it is no use; me and them.") == []
    assert slugs("The Washington Post reported it.") == []


def test_congo_alone_is_ambiguous_but_its_full_names_are_not() -> None:
    assert slugs("Troops crossed into Congo.") == []
    assert slugs("The Democratic Republic of the Congo and DR Congo.") == [
        ("democratic-republic-of-the-congo", "name"), ("democratic-republic-of-the-congo", "name")]
    assert slugs("The Republic of the Congo, or Congo-Brazzaville.") == [
        ("republic-of-the-congo", "name"), ("republic-of-the-congo", "name")]


def test_acronyms_are_case_sensitive_and_all_caps_lines_do_not_fire_word_acronyms() -> None:
    assert slugs("The US and the U.S. agreed.") == [("united-states", "acronym")] * 2
    assert mentions_of("the U.S. agreed")[0].text == "U.S."
    assert slugs("the us and the nato") == []
    assert slugs("LET US GO\nThe US agreed.") == [("united-states", "acronym")]
    assert slugs("NATO AND THE CSTO MEET") == [("nato", "acronym"), ("csto", "acronym")]


def test_the_eu_councils_osce_and_security_council() -> None:
    text = ("The Council of the European Union, the EU Council, the European Council and the "
            "Council of Europe met. The UN Security Council and the OSCE did not. "
            "The Security Council was silent.")
    assert [m.entity.slug for m in mentions_of(text)] == [
        "council-of-the-eu", "council-of-the-eu", "european-council", "council-of-europe",
        "unsc", "osce"]


def test_learn_acronyms_maps_defined_acronyms_to_known_bodies() -> None:
    learned = gazetteer().learn_acronyms(seed_text())
    assert {acronym: entity.slug for acronym, entity in learned.items()} == {
        "CSTO": "csto", "CIS": "cis", "SCO": "sco"}


def test_unknown_full_names_become_ad_hoc_organisations_for_the_article() -> None:
    text = ("The Organisation of Central Asian Cooperation (OCAC) met in Almaty. Later OCAC "
            "said the Conference on Disarmament (CD) should resume.")
    g = gazetteer()
    learned = g.learn_acronyms(text)
    assert learned["OCAC"].kind == "organization"
    assert learned["OCAC"].slug == "ocac"
    assert learned["OCAC"].full_name == "Organisation of Central Asian Cooperation"
    assert learned["CD"].full_name == "Conference on Disarmament"  # not DR Congo's ISO code
    found = [(m.text, m.entity.slug, m.role) for m in g.mentions(text, learned)]
    assert found == [
        ("Organisation of Central Asian Cooperation", "ocac", "name"), ("OCAC", "ocac", "acronym"),
        ("Almaty", "almaty", "name"), ("OCAC", "ocac", "acronym"),
        ("Conference on Disarmament", "cd", "name"), ("CD", "cd", "acronym")]
    assert [m.text for m in g.mentions(text)] == ["Almaty"]  # nothing learned, nothing found


def test_acronym_defined_before_its_full_name_and_bad_fits_are_ignored() -> None:
    g = gazetteer()
    learned = g.learn_acronyms("EAEU (Eurasian Economic Union) and Kazakh Airlines (XYZ).")
    assert learned["EAEU"].slug == "eaeu"
    assert "XYZ" not in learned


def test_mentions_are_fast_enough_for_a_corpus() -> None:
    g = gazetteer()
    base = seed_text()[:5000]
    articles = [f"{base} Article {i}." for i in range(1000)]
    g.mentions(articles[0])
    # CPU time, not the wall clock: other processes on a shared machine must not fail this
    started = time.process_time()
    total = sum(len(g.mentions(article)) for article in articles)
    elapsed = time.process_time() - started
    assert total > 50_000
    assert elapsed < 2.0, f"{elapsed:.2f} s for 1000 articles"
