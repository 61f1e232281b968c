"""The reference tables: complete, consistent, and resolving names the way extraction needs."""

from __future__ import annotations

import re

import pytest

from graph_builder.core import reference
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.reference import get, resolve, suggest

UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()


def test_every_un_member_and_the_observers_kosovo_and_taiwan_are_states() -> None:
    assert len(set(UN_MEMBERS)) == 193
    states = reference.entities("state")
    iso3 = {state.iso3 for state in states}
    assert set(UN_MEMBERS) <= iso3
    labels = {state.label for state in states}
    assert {"Holy See", "Palestine", "Kosovo", "Taiwan"} <= labels
    assert len(states) == 193 + 4


def test_slugs_codes_and_wikidata_ids_are_well_formed_and_unique() -> None:
    states = reference.entities("state")
    for state in states:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", state.slug), state.slug
        assert state.iso3 is None or re.fullmatch(r"[A-Z]{3}", state.iso3)
        assert state.wikidata and re.fullmatch(r"Q[1-9][0-9]*", state.wikidata), state.label
    for kind in ("state", "organization"):
        ids = [e.wikidata for e in reference.entities(kind) if e.wikidata]
        assert len(ids) == len(set(ids)), kind


@pytest.mark.parametrize(
    ("label", "qid"),
    [("Russia", "Q159"), ("Belarus", "Q184"), ("Armenia", "Q399"), ("Kazakhstan", "Q232"),
     ("Kyrgyzstan", "Q813"), ("Tajikistan", "Q863"), ("Azerbaijan", "Q227"),
     ("Georgia", "Q230"), ("Moldova", "Q217"), ("Ukraine", "Q212"), ("Kosovo", "Q1246")],
)
def test_wikidata_ids_of_the_seed_states(label: str, qid: str) -> None:
    assert resolve(label, "state").wikidata == qid


@pytest.mark.parametrize(
    ("slug", "qid"),
    [("csto", "Q318693"), ("sco", "Q485207"), ("cis", "Q7779"), ("un", "Q1065"),
     ("nato", "Q7184"), ("eu", "Q458"), ("osce", "Q81299"), ("unsc", "Q37470"),
     ("council-of-the-eu", "Q8896"), ("european-council", "Q8886"),
     ("council-of-europe", "Q8908"), ("eaeu", "Q4173083")],
)
def test_wikidata_ids_of_the_main_organisations(slug: str, qid: str) -> None:
    assert get("organization", slug).wikidata == qid


def test_every_state_has_a_capital_city_that_points_back() -> None:
    for state in reference.entities("state"):
        assert state.capital, state.label
        city = get("city", state.capital)
        assert city.country == state.slug
        assert resolve(city.label, "state") == state


def test_organisations_cover_the_blocs_and_their_parents_exist() -> None:
    orgs = reference.entities("organization")
    assert len(orgs) >= 45
    slugs = {org.slug for org in orgs}
    assert {"csto", "sco", "cis", "eaeu", "osce", "nato", "eu", "council-of-the-eu",
            "european-council", "un", "unsc", "asean", "african-union", "brics", "g7", "g20",
            "gcc", "arab-league", "oas", "oic", "ecowas", "cica", "council-of-europe"} <= slugs
    for org in orgs:
        assert org.org_kind in {"security-bloc", "economic-union", "political-union", "forum",
                                "body"}, org.slug
        if org.parent:
            assert org.parent in slugs
    assert get("organization", "unsc").parent == "un"
    assert get("organization", "council-of-the-eu").parent == "eu"


@pytest.mark.parametrize(
    ("name", "kind", "slug"),
    [
        ("Kazakhstan", None, "kazakhstan"),
        ("Republic of Kazakhstan", None, "kazakhstan"),
        ("Russian Federation", None, "russia"),
        ("the Russian Federation's", None, "russia"),
        ("RF", None, "russia"),
        ("Republic of Armenia", None, "armenia"),
        ("Republic of Moldova", None, "moldova"),
        ("Islamic Republic of Iran", None, "iran"),
        ("United States of America", None, "united-states"),
        ("the U.S.", None, "united-states"),
        ("USA", None, "united-states"),
        ("Türkiye", None, "turkey"),
        ("Turkey", None, "turkey"),
        ("Kyrgyz Republic", None, "kyrgyzstan"),
        ("Côte d\u2019Ivoire", None, "ivory-coast"),
        ("Kazakh", None, "kazakhstan"),
        ("Kazakhstani", "state", "kazakhstan"),
        ("Belarussian", None, "belarus"),
        ("Belarusian", None, "belarus"),
        ("Kyrgyz", None, "kyrgyzstan"),
        ("American", None, "united-states"),
        ("KAZ", None, "kazakhstan"),
        ("Astana", "state", "kazakhstan"),
        ("Nur-Sultan", "state", "kazakhstan"),
        ("Kiev", "state", "ukraine"),
        ("Chisinau", "state", "moldova"),
        ("Yerevan", "state", "armenia"),
        ("Baku", "state", "azerbaijan"),
    ],
)
def test_resolve_official_names_aliases_demonyms_and_capitals(
    name: str, kind: str | None, slug: str
) -> None:
    entity = resolve(name, kind)
    assert entity is not None and entity.slug == slug


def test_capitals_are_cities_unless_a_state_is_asked_for() -> None:
    astana = resolve("Astana")
    assert (astana.kind, astana.slug, astana.country) == ("city", "astana", "kazakhstan")
    assert resolve("Nur-Sultan", "city") == astana
    assert resolve("Minsk", "city").country == "belarus"
    assert resolve("Sochi", "city").country == "russia"
    assert resolve("Sochi", "state") is None  # a venue, not a seat of government
    assert resolve("Kazakh", "city") is None
    assert resolve("Monaco").kind == "state"  # city-states: the state wins when unasked
    assert resolve("Monaco", "city").kind == "city"


def test_united_nations_and_the_un_bodies_stay_apart() -> None:
    assert resolve("United Nations").slug == "un"
    assert resolve("U.N.").slug == "un"
    assert resolve("UN").label == "UN"
    assert resolve("UN Security Council").slug == "unsc"
    assert resolve("United Nations Security Council").slug == "unsc"
    assert resolve("Security Council") is None
    assert resolve("OSCE").slug == "osce"
    assert resolve("Organisation for Security and Co-operation in Europe").slug == "osce"
    assert resolve("African Union").label == "African Union"
    assert resolve("AU").slug == "african-union"  # the alias beats Australia's ISO code


def test_the_three_european_councils_stay_apart() -> None:
    assert resolve("Council of the European Union").slug == "council-of-the-eu"
    assert resolve("EU Council").slug == "council-of-the-eu"
    assert resolve("European Council").slug == "european-council"
    assert resolve("Council of Europe").slug == "council-of-europe"
    assert resolve("European Union").slug == "eu"
    assert resolve("Collective Security Treaty Organisation").slug == "csto"
    assert resolve("Shanghai Cooperation Organization").slug == "sco"
    assert resolve("EEU").slug == "eaeu"


def test_ambiguous_and_unsafe_names_resolve_to_nothing() -> None:
    assert resolve("Congo") is None
    assert resolve("the Congo") is None
    assert resolve("Korean") is None
    assert resolve("DR Congo").slug == "democratic-republic-of-the-congo"
    assert resolve("Republic of the Congo").slug == "republic-of-the-congo"
    for word in ("IN", "IT", "US ", "ME", "NO", "AM", "BY"):
        entity = resolve(word)
        assert entity is None or entity.slug == "united-states"
    assert resolve("in") is None and resolve("no") is None
    assert resolve("Niger").slug == "niger" and resolve("Nigeria").slug == "nigeria"
    assert resolve("") is None
    assert resolve("Atlantis") is None


def test_kind_filter_and_unknown_kind() -> None:
    assert resolve("CSTO", "state") is None
    assert resolve("CSTO", "organization").slug == "csto"
    with pytest.raises(BlocgraphError, match="kind"):
        resolve("CSTO", "country")


def test_get_raises_a_user_error_naming_the_slug() -> None:
    assert get("state", "kazakhstan").label == "Kazakhstan"
    with pytest.raises(BlocgraphError, match="kazakstan") as raised:
        get("state", "kazakstan")
    assert "kazakhstan" in str(raised.value)  # the hint


def test_suggest_offers_near_labels() -> None:
    assert suggest("Kazakstn")[0] == "Kazakhstan"
    assert "CSTO" in suggest("Colective Security Treaty Organisaton", "organization")
    assert all(label in {e.label for e in reference.entities("state")}
               for label in suggest("Armenja", "state"))
    assert len(suggest("Guinea", n=2)) <= 2


def test_normalise_ignores_case_accents_dots_the_and_possessive() -> None:
    key = reference.normalise
    assert key("the U.S.") == key("US") == "us"
    assert key("Türkiye\u2019s") == key("turkiye")
    assert key("Guinea-Bissau") == key("guinea bissau")
    assert key("Niger") != key("Nigeria")
