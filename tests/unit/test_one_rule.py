"""The slug, partial-date and post-title rules exist once: every caller gives the same answer.

Each test feeds the same inputs through every place that uses a rule, so a second copy
that drifts (two slugify functions once gave 'sren-stergaard' and 's-ren-stergaard' for
"Søren Østergaard") fails here.
"""

from __future__ import annotations

import pytest

from graph_builder.core import reference, titles, vocab
from graph_builder.core.dates import PartialDate
from graph_builder.core.facts import post_key
from graph_builder.graph import rdf
from graph_builder.network import gexf
from graph_builder.query.named import bind, resolve_query

NAMES = {
    "Søren Østergaard": "soren-ostergaard",
    "Kassym-Jomart Tokayev": "kassym-jomart-tokayev",
    "São Tomé and Príncipe": "sao-tome-and-principe",
    "N'Djamena": "n-djamena",
    "Côte d’Ivoire": "cote-d-ivoire",
    "Łukasz Großmann": "lukasz-grossmann",
    "  --  ": "unnamed",
}


@pytest.mark.parametrize(("name", "slug"), NAMES.items())
def test_one_slug_rule(name: str, slug: str) -> None:
    assert vocab.slugify(name) == slug
    assert reference.slugify(name) == slug
    assert rdf.person_iri(name).value == f"{vocab.ID}person/{slug}"
    assert vocab.article_graph(name) == f"{vocab.ARTICLE_GRAPH_PREFIX}{slug}"
    assert vocab.article_iri(name) == f"{vocab.ID}article/{slug}"


def test_table_slugs_follow_the_rule() -> None:
    for kind in ("state", "organization", "city"):
        for entity in reference.entities(kind):
            if kind == "city":  # cities are checked against the rule when the table loads
                assert entity.slug == vocab.slugify(entity.label)


DATES = {
    "2024": ("2024-01-01", "2024-12-31", "gYear"),
    "2024-02": ("2024-02-01", "2024-02-29", "gYearMonth"),
    "2023-02": ("2023-02-01", "2023-02-28", "gYearMonth"),
    "2024-06-15": ("2024-06-15", "2024-06-15", "date"),
}


@pytest.mark.parametrize(("text", "expected"), DATES.items())
def test_one_partial_date_rule(text: str, expected: tuple[str, str, str]) -> None:
    first, last, xsd = expected
    day = PartialDate.parse(text)
    assert (day.first_day.isoformat(), day.last_day.isoformat(), day.xsd_type) == expected
    assert str(day) == text
    # the GEXF spells read a bound the same way
    assert gexf._iso_date(text, "x", last=False) == first
    assert gexf._iso_date(text, "x", last=True) == last
    # a named query's date parameter takes the same parse (and only a full day)
    named = resolve_query("chair_on")
    if day.precision == "day":
        assert str(bind(named, {"org": "CSTO", "date": text})["date"].value) == first
    else:
        with pytest.raises(Exception, match="not a full date"):
            bind(named, {"org": "CSTO", "date": text})


@pytest.mark.parametrize("text", ["2024-13", "2023-02-30", "24", "2024/06"])
def test_bad_dates_are_refused_everywhere(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)
    with pytest.raises(Exception, match="expected YYYY, YYYY-MM or YYYY-MM-DD"):
        gexf._iso_date(text, "x", last=False)


TITLES = {
    "Defense Minister": ("defence minister", "DefenceMinister"),
    "minister of foreign affairs": ("foreign minister", "ForeignMinister"),
    "Secretary-General": ("secretary general", "SecretaryGeneral"),
    "Kremlin spokesman": ("presidential spokesperson", "Spokesperson"),
    "director of the institute": ("director of the institute", "Post"),
}


@pytest.mark.parametrize(("title", "expected"), TITLES.items())
def test_one_title_rule(title: str, expected: tuple[str, str]) -> None:
    assert titles.post_class(title) == expected
    assert titles.normalise_post(title) == expected[0]
    assert post_key(title, None) == expected[0]  # the facts model keys posts by the same rule


def test_term_lengths_live_in_the_organisations_table() -> None:
    assert reference.chair_term_months("Council of the EU") == 6
    assert reference.chair_term_months("Council of Europe") == 6
    assert reference.chair_term_months("UNSC") == 1
    assert reference.chair_term_months("CSTO") is None  # the usual year, not stated
