"""graph/rdf.py on its own: facts to the quads of one article graph, and reference quads.

A hand-made ArticleFacts (no extraction) goes in; the test reads the quads back by
subject and predicate, so it checks the IRIs, the dates and the provenance directly.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_builder.core.facts import ArticleFacts, Chairmanship, Evidence, Membership
from graph_builder.core.vocab import REFERENCE_GRAPH, article_graph, article_iri
from graph_builder.graph.rdf import article_quads, person_iri, reference_quads, resolve_iri

BLOC = "https://w3id.org/blocgraph/ontology#"
ID = "https://w3id.org/blocgraph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
TIME = "http://www.w3.org/2006/time#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KZ_CHAIR = ID + "chairmanship/csto/2024/kazakhstan"
BY_CHAIR = ID + "chairmanship/csto/2023/belarus"


def facts() -> ArticleFacts:
    said = Evidence(text="Kazakhstan took over the chairmanship from Belarus.", start=10, end=62)
    return ArticleFacts(
        article="007_test-article.txt",
        published="2024-03-12",
        title="CSTO chair",
        chairmanships=[
            Chairmanship("Collective Security Treaty Organization", "Republic of Kazakhstan",
                         "2024", previous="Belarus", evidence=said, confidence=0.9,
                         origin="extracted", rule="takes-over"),
            Chairmanship("CSTO", "Belarus", "2023", "2023"),
        ],
        memberships=[Membership("CSTO", "Armenia", start="1994-04", status="suspended")],
    )


def objects(quads: list[ox.Quad], subject: str, predicate: str) -> set[str]:
    return {q.object.value for q in quads
            if q.subject.value == subject and q.predicate.value == predicate}


def test_every_quad_is_in_the_article_graph_once_in_a_stable_order() -> None:
    quads = article_quads(facts())
    assert {q.graph_name.value for q in quads} == {article_graph("007_test-article")}
    assert len(quads) == len(set(quads))
    assert quads == article_quads(facts())


def test_names_meet_in_one_iri_through_the_reference_tables() -> None:
    quads = article_quads(facts())
    assert objects(quads, KZ_CHAIR, BLOC + "organization") == {ID + "org/csto"}
    assert objects(quads, KZ_CHAIR, BLOC + "chair") == {ID + "state/kazakhstan"}
    assert objects(quads, ID + "state/kazakhstan", BLOC + "chaired") == {ID + "org/csto"}
    assert objects(quads, KZ_CHAIR, RDF_TYPE) == {BLOC + "Chairmanship"}


def test_partial_dates_become_an_interval_and_day_bounds() -> None:
    quads = article_quads(facts())
    assert objects(quads, KZ_CHAIR, BLOC + "startDate") == {"2024-01-01"}
    assert objects(quads, KZ_CHAIR, BLOC + "endDate") == set()  # open
    assert objects(quads, BY_CHAIR, BLOC + "endDate") == {"2023-12-31"}
    (interval,) = objects(quads, BY_CHAIR, BLOC + "during")
    assert interval == ID + "interval/2023--2023"
    (begin,) = objects(quads, interval, TIME + "hasBeginning")
    year = [q.object for q in quads if q.subject.value == begin
            and q.predicate.value == TIME + "inXSDgYear"]
    assert year == [ox.Literal("2023", datatype=ox.NamedNode(XSD + "gYear"))]
    member = ID + "membership/csto/armenia"
    starts = {q.object.value for q in quads if q.predicate.value == BLOC + "startDate"
              and q.subject.value.startswith(member)}
    assert starts == {"1994-04-01"}


def test_the_previous_chair_of_the_same_article_hands_over() -> None:
    quads = article_quads(facts())
    assert objects(quads, BY_CHAIR, BLOC + "handedOverTo") == {KZ_CHAIR}
    alone = facts()
    alone.chairmanships.pop()  # Belarus's own chairmanship not stated: no link is made up
    assert not any(q.predicate.value == BLOC + "handedOverTo" for q in article_quads(alone))


def test_each_fact_carries_its_source_and_evidence() -> None:
    quads = article_quads(facts())
    assert objects(quads, KZ_CHAIR, BLOC + "source") == {article_iri("007_test-article")}
    (evidence,) = objects(quads, KZ_CHAIR, BLOC + "evidence")
    assert objects(quads, evidence, BLOC + "text") == {
        "Kazakhstan took over the chairmanship from Belarus."}
    assert objects(quads, evidence, BLOC + "startOffset") == {"10"}
    assert objects(quads, evidence, BLOC + "origin") == {"extracted"}
    assert objects(quads, evidence, BLOC + "confidence") == {"0.900"}
    assert objects(quads, evidence, BLOC + "rule") == {"takes-over"}
    (plain,) = objects(quads, BY_CHAIR, BLOC + "evidence")
    assert objects(quads, plain, BLOC + "origin") == {"curated"}
    assert objects(quads, plain, BLOC + "text") == set()  # no text stated, none invented
    article = article_iri("007_test-article")
    assert objects(quads, article, BLOC + "fileName") == {"007_test-article.txt"}
    assert objects(quads, article, "https://schema.org/headline") == {"CSTO chair"}


def test_reference_quads_describe_known_iris_in_their_own_graph() -> None:
    quads = list(reference_quads([ID + "state/kazakhstan", ID + "org/csto",
                                  ID + "state/kazakhstan", ID + "person/x", ID + "state/nowhere"]))
    assert {q.graph_name.value for q in quads} == {REFERENCE_GRAPH}
    kz = ID + "state/kazakhstan"
    assert objects(quads, kz, BLOC + "iso2") == {"KZ"}
    assert objects(quads, kz, BLOC + "capital") == {ID + "city/astana"}
    assert objects(quads, kz, RDF_TYPE) == {BLOC + "State"}
    assert objects(quads, ID + "org/csto", RDF_TYPE) == {BLOC + "SecurityBloc"}
    assert objects(quads, kz, "http://www.w3.org/2004/02/skos/core#exactMatch") == {
        "http://www.wikidata.org/entity/Q232"}
    described = {q.subject.value for q in quads}
    assert described == {kz, ID + "org/csto"}  # people and unknown slugs are left out


def test_unknown_names_are_refused_and_people_get_slug_iris() -> None:
    with pytest.raises(ValueError, match="unknown state 'Atlantis'"):
        resolve_iri("Atlantis", "state")
    assert person_iri("Imangali Tasmagambetov").value == ID + "person/imangali-tasmagambetov"
