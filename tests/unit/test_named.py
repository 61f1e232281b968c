"""query/named.py on its own: the query files' headers, parameter terms, VALUES binding.

The binding is what keeps a parameter value out of the query text, so the hostile cases
run the bound query on a tiny in-memory store and check what it matched.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_builder.core.errors import BlocgraphError
from graph_builder.query.named import (
    PARAM_TYPES,
    NamedQuery,
    Param,
    bind,
    registry,
    resolve_query,
    term_for,
    with_values,
)

ID = "https://w3id.org/blocgraph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
HEADER = """# name: demo
# description: First line
#   and its continuation.
# param: org organization - the organisation
# param: day date optional
# param: n integer optional - how many
PREFIX bloc: <https://w3id.org/blocgraph/ontology#>
SELECT ?x WHERE { ?x ?p ?o }
"""


def test_header_gives_name_description_and_parameters() -> None:
    q = NamedQuery.parse(HEADER, "file-stem")
    assert q.name == "demo"
    assert q.description == "First line and its continuation."
    assert q.params == (
        Param("org", "organization", False, "the organisation"),
        Param("day", "date", True, ""),
        Param("n", "integer", True, "how many"),
    )
    assert NamedQuery.parse("SELECT * WHERE {}", "stem").name == "stem"


def test_a_bad_declaration_names_the_file() -> None:
    with pytest.raises(BlocgraphError, match="x.rq: bad parameter declaration 'org colour'"):
        NamedQuery.parse("# param: org colour\nSELECT * {}", "x", path="x.rq")  # type: ignore[arg-type]


def test_an_unknown_parameter_lists_the_known_ones() -> None:
    with pytest.raises(BlocgraphError, match=r"no parameter 'chair' \(it takes: org, day, n\)"):
        NamedQuery.parse(HEADER, "demo").param("chair")


def test_every_shipped_query_parses_and_runs_on_an_empty_store() -> None:
    queries = registry()
    assert {"chairs", "members", "posts", "events", "conflicts"} <= set(queries)
    empty = ox.Store()
    for name, q in queries.items():
        assert q.description, name
        assert all(p.type in PARAM_TYPES for p in q.params), name
        empty.query(q.text)  # valid SPARQL as shipped


def test_resolve_query_takes_a_name_a_file_or_sparql(tmp_path) -> None:
    assert resolve_query("chairs") is registry()["chairs"]
    path = tmp_path / "mine.rq"
    path.write_text(HEADER, "utf-8")
    assert resolve_query(str(path)).name == "demo"
    assert resolve_query("ASK { ?s ?p ?o }").name == "query"
    with pytest.raises(BlocgraphError, match="unknown query 'chiars'"):
        resolve_query("chiars")
    with pytest.raises(BlocgraphError, match="cannot read query file"):
        resolve_query(str(tmp_path / "gone.rq"))


@pytest.mark.parametrize(("type_", "value", "term"), [
    ("organization", "CSTO", ox.NamedNode(ID + "org/csto")),
    ("state", "Republic of Kazakhstan", ox.NamedNode(ID + "state/kazakhstan")),
    ("state", "<https://example.org/x>", ox.NamedNode("https://example.org/x")),
    ("city", "Astana", ox.NamedNode(ID + "city/astana")),
    ("person", "Søren Østergaard", None),
    ("date", "2024-06-15", ox.Literal("2024-06-15", datatype=ox.NamedNode(XSD + "date"))),
    ("integer", "-3", ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer"))),
    ("string", '  x" } ; DROP ALL #  ', ox.Literal('x" } ; DROP ALL #')),
])
def test_each_type_gives_one_term(type_: str, value: str, term: object) -> None:
    got = term_for(Param("p", type_, False, ""), value)
    if term is None:  # a person: an IRI under id/person/ whatever the letters
        assert isinstance(got, ox.NamedNode) and got.value.startswith(ID + "person/")
        assert " " not in got.value
    else:
        assert got == term


@pytest.mark.parametrize(("type_", "value", "message"), [
    ("state", "Atlantis", "--param p: unknown state 'Atlantis'"),
    ("state", "Kazakhstann", r"did you mean Kazakhstan, Pakistan\?"),
    ("date", "2024", "not a full date"),
    ("date", "June", "--param p:"),
    ("integer", "3.5", "not an integer"),
    ("iri", "kazakhstan", "not an IRI"),
    ("iri", "http://bad iri/", "not an IRI"),
])
def test_bad_values_are_errors_naming_the_parameter(type_: str, value: str, message: str) -> None:
    with pytest.raises(BlocgraphError, match=message):
        term_for(Param("p", type_, False, ""), value)


def test_bind_checks_required_parameters() -> None:
    q = NamedQuery.parse(HEADER, "demo")
    assert bind(q, {"org": "CSTO"}) == {"org": ox.NamedNode(ID + "org/csto")}
    with pytest.raises(BlocgraphError, match=r"needs --param org=\.\.\. \(organization\)"):
        bind(q, {"n": "2"})
    with pytest.raises(BlocgraphError, match="no parameter 'colour'"):
        bind(q, {"org": "CSTO", "colour": "red"})


def _store() -> ox.Store:
    store = ox.Store()
    p = ox.NamedNode("urn:p")
    for name in ("a", 'x" } ; DROP ALL #', "b"):
        store.add(ox.Quad(ox.NamedNode(f"urn:s:{len(name)}"), p, ox.Literal(name)))
    return store


def test_values_bind_a_hostile_string_as_one_literal() -> None:
    text = "SELECT ?s WHERE { ?s <urn:p> ?name }"
    bound = with_values(text, {"name": ox.Literal('x" } ; DROP ALL #')})
    assert bound.startswith("SELECT ?s WHERE {\n  VALUES (?name) { (")
    store = _store()
    rows = [r["s"].value for r in store.query(bound)]
    assert rows == ["urn:s:17"] and len(store) == 3
    assert with_values(text, {}) == text


def test_values_go_into_each_marked_group() -> None:
    text = ("SELECT ?s WHERE {\n  {\n    # @parameters\n    ?s <urn:p> ?name }\n"
            "  UNION {\n    # @parameters\n    ?s <urn:q> ?name }\n}")
    bound = with_values(text, {"name": ox.Literal("a"), "b": ox.Literal("c")})
    block = '    # @parameters\n    VALUES (?b ?name) { ("c" "a") }\n'
    assert bound.count(block) == 2  # sorted by name, in both groups, at the mark's indent
    assert "WHERE {\n  VALUES" not in bound
    ox.Store().query(bound)
    with pytest.raises(BlocgraphError, match="WHERE clause"):
        with_values("ASK {}", {"x": ox.Literal("1")})
