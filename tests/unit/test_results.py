"""graph/results.py on its own: the W3C result formats, checked against rdflib's readers.

The rows are made by hand (an IRI, a blank node, a language-tagged and a typed literal,
an unbound cell, text that needs escaping), so each format's corner is exercised.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.query import Result

from graph_builder.graph.results import (
    FORMATTERS,
    Results,
    to_csv,
    to_json,
    to_table,
    to_tsv,
    to_xml,
)

XSD = "http://www.w3.org/2001/XMLSchema#"
IRI = ox.NamedNode("https://w3id.org/blocgraph/id/state/kazakhstan")
TRICKY = 'Tokayev said "<yes> & no",\ttab\nnew line'


def sample() -> Results:
    return Results(
        variables=["s", "label", "n", "text", "b", "none"],
        rows=[
            [IRI, ox.Literal("Kazakhstan", language="en"),
             ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
             ox.Literal(TRICKY), ox.BlankNode("b0"), None],
        ],
    )


def rdflib_rows(text: str | bytes, fmt: str) -> list[dict[str, rdflib.term.Node]]:
    data = text.encode() if isinstance(text, str) else text
    result = Result.parse(io.BytesIO(data), format=fmt)
    return [{str(k): v for k, v in row.asdict().items()} for row in result]


def test_from_oxigraph_keeps_variables_rows_and_truncation() -> None:
    store = ox.Store()
    store.extend(ox.Quad(IRI, ox.NamedNode("urn:p"), ox.Literal(str(i))) for i in range(5))
    full = Results.from_oxigraph(store.query("SELECT ?o ?x WHERE { ?s ?p ?o }"))
    assert full.variables == ["o", "x"] and len(full.rows) == 5 and not full.truncated
    assert all(row[1] is None for row in full.rows)  # unbound stays None
    cut = Results.from_oxigraph(store.query("SELECT ?o WHERE { ?s ?p ?o }"), limit=3)
    assert len(cut.rows) == 3 and cut.truncated
    exact = Results.from_oxigraph(store.query("SELECT ?o WHERE { ?s ?p ?o }"), limit=5)
    assert not exact.truncated
    assert Results.from_oxigraph(store.query("ASK { ?s ?p '3' }")).boolean is True


def test_dicts_and_values_leave_unbound_out() -> None:
    assert sample().values() == [{"s": IRI.value, "label": "Kazakhstan", "n": "7",
                                  "text": TRICKY, "b": "b0"}]


def test_json_follows_the_w3c_format_and_rdflib_reads_it() -> None:
    data = json.loads(to_json(sample()))
    assert data["head"]["vars"] == ["s", "label", "n", "text", "b", "none"]
    (row,) = data["results"]["bindings"]
    assert row["s"] == {"type": "uri", "value": IRI.value}
    assert row["label"] == {"type": "literal", "value": "Kazakhstan", "xml:lang": "en"}
    assert row["n"] == {"type": "literal", "value": "7", "datatype": XSD + "integer"}
    assert row["text"] == {"type": "literal", "value": TRICKY}  # xsd:string is left implicit
    assert row["b"] == {"type": "bnode", "value": "b0"} and "none" not in row
    (back,) = rdflib_rows(to_json(sample()), "json")
    assert back["text"] == rdflib.Literal(TRICKY) and back["n"].toPython() == 7
    assert json.loads(to_json(Results(boolean=False))) == {"head": {}, "boolean": False}


def test_xml_escapes_and_rdflib_reads_it() -> None:
    text = to_xml(sample())
    ET.fromstring(text)  # well-formed despite quotes, <, & in the literal
    (back,) = rdflib_rows(text, "xml")
    assert back["s"] == rdflib.URIRef(IRI.value)
    assert back["label"] == rdflib.Literal("Kazakhstan", lang="en")
    assert back["text"] == rdflib.Literal(TRICKY)
    assert back["n"] == rdflib.Literal("7", datatype=rdflib.XSD.integer)
    assert isinstance(back["b"], rdflib.BNode) and "none" not in back
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert ET.fromstring(to_xml(Results(boolean=True))).find(ns + "boolean").text == "true"


def test_csv_is_plain_values_with_crlf() -> None:
    text = to_csv(sample())
    assert text.startswith("s,label,n,text,b,none\r\n")
    (row,) = list(csv.reader(io.StringIO(text)))[1:]
    assert row == [IRI.value, "Kazakhstan", "7", TRICKY, "_:b0", ""]
    assert to_csv(Results(boolean=True)) == "_askResult\r\ntrue\r\n"


def test_tsv_writes_terms_in_sparql_syntax() -> None:
    header, line, end = to_tsv(sample()).split("\n")
    assert header == "?s\t?label\t?n\t?text\t?b\t?none" and end == ""
    cells = line.split("\t")
    assert cells[:3] == [f"<{IRI.value}>", '"Kazakhstan"@en', "7"]  # numbers bare
    assert cells[3] == r'"Tokayev said \"<yes> & no\",\ttab\nnew line"'  # one cell, escaped
    assert cells[4] == "_:b0" and cells[5] == ""
    back = rdflib_rows(to_tsv(sample()), "tsv")[0]
    assert back["text"] == rdflib.Literal(TRICKY)
    assert to_tsv(Results(boolean=False)) == "?_askResult\nfalse\n"


def test_table_shows_labels_instead_of_iris_and_counts_rows() -> None:
    results = Results(variables=["chair", "chairLabel", "note"],
                      rows=[[IRI, ox.Literal("Kazakhstan"), ox.Literal("x" * 100)]])
    lines = to_table(results, max_width=10).splitlines()
    assert lines[0].split() == ["chairLabel", "note"]  # the IRI column gives way to its label
    assert lines[2].split() == ["Kazakhstan", "x" * 9 + "…"]
    assert lines[-1] == "(1 row)"
    results.truncated = True
    results.rows.append(results.rows[0])
    assert to_table(results).splitlines()[-1] == "(2 rows, truncated)"
    assert to_table(Results(boolean=True)) == "yes"


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_every_format_writes_an_empty_table(fmt: str) -> None:
    text = FORMATTERS[fmt](Results(variables=["x"]))
    assert isinstance(text, str) and "x" in text
