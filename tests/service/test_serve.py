"""`blocgraph serve` against real clients: SPARQLWrapper, plain HTTP, 32 clients at once.

Each server is the real CLI in a subprocess on a free loopback port, over a store built
from data/ into a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from helpers import RUNAWAY, TIMED, Server, free_port, serve
from SPARQLWrapper import (
    JSON,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

from graph_builder.core.errors import BlocgraphError
from graph_builder.graph.store import Store
from graph_builder.serve.app import run

ROOT = Path(__file__).resolve().parents[2]
KZ = "https://w3id.org/blocgraph/id/state/kazakhstan"
BY = "https://w3id.org/blocgraph/id/state/belarus"
CSTO = "https://w3id.org/blocgraph/id/org/csto"
G = "https://w3id.org/blocgraph/graph/"
PREFIX = "PREFIX bloc: <https://w3id.org/blocgraph/ontology#>\n"
TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def store_dir(data_store: Path) -> Path:
    """The session's store built from data/ (read-only here)."""
    return data_store


@pytest.fixture(scope="session")
def server(data_server: Server) -> Server:
    """The session's server on that store, default options."""
    return data_server


@pytest.fixture(scope="module")
def limited(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with tight limits, updates on, CORS for one origin, on its own store copy."""
    copy = tmp_path_factory.mktemp("limited") / "store"
    shutil.copytree(store_dir, copy, symlinks=True)
    with serve(copy, "--timeout", "1", "--max-rows", "5", "--max-body", "4000",
               "--allow-update", "--token", TOKEN, "--cors-origin", "http://example.org") as s:
        s.store = copy  # type: ignore[attr-defined]
        yield s


def expected(store_dir: Path, query: str) -> list[dict[str, str]]:
    """The embedded store's own answer, to compare the server's with."""
    rows = Store(store_dir).select(query).values()
    return sorted(rows, key=lambda r: sorted(r.items()))


def rows_of(data: dict) -> list[dict[str, str]]:
    rows = [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
    return sorted(rows, key=lambda r: sorted(r.items()))


CHAIRS = PREFIX + (
    "SELECT DISTINCT ?chair WHERE { ?c a bloc:Chairmanship ; "
    f"bloc:organization <{CSTO}> ; bloc:chair ?chair }}"
)


# -- SPARQLWrapper ---------------------------------------------------------------------
@pytest.mark.parametrize("only_conneg", [True, False])
def test_sparqlwrapper_select_json(server: Server, store_dir: Path, only_conneg: bool) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setOnlyConneg(only_conneg)
    client.setQuery(CHAIRS)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert rows_of(data) == expected(store_dir, CHAIRS)
    assert {r["chair"] for r in rows_of(data)} == {KZ, BY}


@pytest.mark.parametrize("only_conneg", [True, False])
def test_sparqlwrapper_select_xml(server: Server, only_conneg: bool) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setOnlyConneg(only_conneg)
    client.setQuery(CHAIRS)
    client.setReturnFormat(XML)
    doc = client.query().convert()
    uris = {node.firstChild.data for node in doc.getElementsByTagName("uri")}
    assert uris == {KZ, BY}


def test_sparqlwrapper_ask(server: Server) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(f"ASK {{ ?c <https://w3id.org/blocgraph/ontology#chair> <{KZ}> }}")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery(f"ASK {{ ?c <https://w3id.org/blocgraph/ontology#chair> <{CSTO}> }}")
    assert client.query().convert()["boolean"] is False


@pytest.mark.parametrize("fmt", [TURTLE, RDFXML])
@pytest.mark.parametrize("only_conneg", [True, False])
def test_sparqlwrapper_construct(server: Server, fmt: str, only_conneg: bool) -> None:
    client = SPARQLWrapper(server.sparql)
    client.setOnlyConneg(only_conneg)
    client.setQuery(PREFIX + "CONSTRUCT { ?c bloc:chair ?s } WHERE { ?c bloc:chair ?s }")
    client.setReturnFormat(fmt)
    graph = client.query().convert()
    if isinstance(graph, bytes):  # SPARQLWrapper returns Turtle as bytes
        graph = rdflib.Graph().parse(data=graph, format="turtle")
    assert isinstance(graph, rdflib.Graph)
    chairs = set(graph.objects(None, rdflib.URIRef("https://w3id.org/blocgraph/ontology#chair")))
    assert chairs == {rdflib.URIRef(KZ), rdflib.URIRef(BY)}


@pytest.mark.parametrize("method", [URLENCODED, POSTDIRECTLY])
def test_sparqlwrapper_long_query_by_post(server: Server, store_dir: Path, method: str) -> None:
    padding = "# " + "x" * 200 + "\n"
    long_query = padding * 100 + CHAIRS  # ~20 kB: too long for a GET URL
    client = SPARQLWrapper(server.sparql)
    client.setMethod(POST)
    client.setRequestMethod(method)
    client.setQuery(long_query)
    client.setReturnFormat(JSON)
    assert rows_of(client.query().convert()) == expected(store_dir, CHAIRS)


# -- protocol -------------------------------------------------------------------------
def test_get_form_and_direct_post_agree(server: Server, store_dir: Path) -> None:
    want = expected(store_dir, CHAIRS)
    got_get = httpx.get(server.sparql, params={"query": CHAIRS})
    got_form = httpx.post(server.sparql, data={"query": CHAIRS})
    got_direct = httpx.post(server.sparql, content=CHAIRS,
                            headers={"Content-Type": "application/sparql-query"})
    for response in (got_get, got_form, got_direct):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert rows_of(response.json()) == want


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
     "application/sparql-results+xml"),
    ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
])
def test_select_conneg(server: Server, accept: str, media: str) -> None:
    response = httpx.get(server.sparql, params={"query": CHAIRS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert KZ in response.text and BY in response.text


def test_select_csv_and_tsv_bodies(server: Server) -> None:
    query = f"SELECT ?x WHERE {{ VALUES ?x {{ <{KZ}> }} }}"
    csv = httpx.get(server.sparql, params={"query": query}, headers={"Accept": "text/csv"})
    assert csv.text == f"x\r\n{KZ}\r\n"
    tsv = httpx.get(server.sparql, params={"query": query},
                    headers={"Accept": "text/tab-separated-values"})
    assert tsv.text == f"?x\n<{KZ}>\n"


@pytest.mark.parametrize("accept,rdflib_format", [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
    ("application/trig", "trig"),
])
def test_construct_conneg(server: Server, accept: str, rdflib_format: str) -> None:
    query = PREFIX + "CONSTRUCT { ?c bloc:chair ?s } WHERE { ?c bloc:chair ?s }"
    response = httpx.post(server.sparql, data={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    graph = rdflib.Dataset() if rdflib_format == "trig" else rdflib.Graph()
    graph.parse(data=response.text, format=rdflib_format)
    objects = {str(o) for _, _, o in graph.triples((None, None, None))} if rdflib_format != \
        "trig" else {str(q[2]) for q in graph.quads((None, None, None, None))}
    assert objects == {KZ, BY}


def test_describe_gives_rdf(server: Server) -> None:
    response = httpx.get(server.sparql, params={"query": f"DESCRIBE <{KZ}>"})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert len(graph) > 0
    assert all(str(s) == KZ for s in graph.subjects())


@pytest.mark.parametrize("query,accept", [
    ("ASK {}", "text/turtle"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "application/sparql-results+json"),
    ("SELECT * {}", "image/png"),
])
def test_unacceptable_type_is_406(server: Server, query: str, accept: str) -> None:
    response = httpx.get(server.sparql, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert "available as" in response.text


def test_service_description(server: Server) -> None:
    response = httpx.get(server.sparql)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = next(graph.subjects(rdflib.RDF.type, sd.Service))
    assert graph.value(service, sd.endpoint) == rdflib.URIRef(server.sparql)
    assert sd.UnionDefaultGraph in set(graph.objects(service, sd.feature))
    assert sd.SPARQL11Update not in set(graph.objects(service, sd.supportedLanguage))


def count(server: Server, query: str, **params: list[str] | str) -> int:
    response = httpx.get(server.sparql, params={"query": query, **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_default_graph_is_union_of_asserted_and_inferred(server: Server,
                                                         store_dir: Path) -> None:
    store = Store(store_dir)
    inferred = store.count(G + "inferred")
    assert inferred > 0
    everything = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    assert count(server, everything) == store.count()
    # One inferred triple, visible with no GRAPH clause.
    quad = next(iter(store.db.quads_for_pattern(None, None, None, ox.NamedNode(G + "inferred"))))
    ask = f"ASK {{ {quad.subject} {quad.predicate} {quad.object} }}"
    assert httpx.get(server.sparql, params={"query": ask}).json()["boolean"] is True


def test_default_and_named_graph_uri(server: Server, store_dir: Path) -> None:
    store = Store(store_dir)
    everything = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    onto = G + "ontology"
    assert count(server, everything, **{"default-graph-uri": onto}) == store.count(onto)
    assert count(server, everything, **{"default-graph-uri": [onto, G + "reference"]}) == \
        store.count(onto) + store.count(G + "reference")
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
    assert count(server, graphs, **{"named-graph-uri": onto}) == 1
    assert count(server, graphs) == len(store.named_graphs())
    # Named graphs only: the default graph is then empty.
    assert count(server, everything, **{"named-graph-uri": onto}) == 0


def test_named_queries_listed(server: Server) -> None:
    listing = httpx.get(server.url + "queries").json()
    by_name = {q["name"]: q for q in listing}
    assert {"chairs", "chair_on", "members"} <= set(by_name)
    params = {p["name"]: p for p in by_name["chair_on"]["params"]}
    assert params["org"]["type"] == "organization" and not params["org"]["optional"]
    assert params["date"]["type"] == "date"
    assert by_name["chairs"]["description"]


def test_named_query_runs_with_params(server: Server) -> None:
    response = httpx.get(server.url + "queries/chair_on",
                         params={"org": "CSTO", "date": "2024-06-01"})
    assert response.status_code == 200, response.text
    chairs = {b["chairLabel"]["value"] for b in response.json()["results"]["bindings"]}
    assert chairs == {"Kazakhstan"}
    csv = httpx.get(server.url + "queries/chairs", params={"org": "CSTO"},
                    headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "Kazakhstan" in csv.text and "Belarus" in csv.text


@pytest.mark.parametrize("path,params,status,words", [
    ("queries/chair_on", {"org": "CSTO"}, 400, "date"),
    ("queries/chair_on", {"org": "Atlantis", "date": "2024-01-01"}, 400, "unknown"),
    ("queries/chairs", {"colour": "red"}, 400, "no parameter 'colour'"),
    ("queries/nope", {}, 404, "no named query"),
])
def test_named_query_errors(server: Server, path: str, params: dict, status: int,
                            words: str) -> None:
    response = httpx.get(server.url + path, params=params)
    assert response.status_code == status
    assert words in response.text
    assert "Traceback" not in response.text


def test_ask_endpoint(server: Server) -> None:
    import importlib.util

    response = httpx.get(server.url + "ask", params={"q": "Who chaired the CSTO in 2024?"},
                         timeout=30)
    if importlib.util.find_spec("graph_builder.ask.answer") is None:
        assert response.status_code == 503
        assert "not available" in response.text
    else:
        assert response.status_code == 200, response.text
        data = response.json()
        assert [a["label"] for a in data["answers"]] == ["Kazakhstan"]
        assert data["answers"][0]["sources"][0]["article"].startswith("000_")
        bad = httpx.get(server.url + "ask", params={"q": "Who chaired the CSTO?",
                                                    "as_of": "soon"})
        assert bad.status_code == 400 and "as_of" in bad.text
    assert httpx.get(server.url + "ask").status_code == 400


def test_gexf_export_link(server: Server) -> None:
    import importlib.util

    response = httpx.get(server.url + "export.gexf", timeout=30)
    if importlib.util.find_spec("graph_builder.network.views") is None:
        assert response.status_code == 503
    else:
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/gexf+xml")
        assert "<gexf" in response.text and "Kazakhstan" in response.text
        assert httpx.get(server.url + "export.gexf?view=nope").status_code == 400


def test_web_page_is_served_without_external_assets(server: Server) -> None:
    page = httpx.get(server.url + "basic")  # the plain page; / is the workbench once built
    assert page.status_code == 200 and "<textarea" in page.text
    for asset in ("static/app.js", "static/style.css"):
        assert httpx.get(server.url + asset).status_code == 200
    combined = page.text + httpx.get(server.url + "static/app.js").text
    assert "http://" not in combined.replace("http://www.w3.org", "")
    assert "https://" not in combined


# -- errors and security -----------------------------------------------------------------
@pytest.mark.parametrize("query", ["SELECT * {", "ASK { ?s ?p }", "SELEC * {}", "\x00"])
def test_malformed_query_is_400_with_parser_message(server: Server, query: str) -> None:
    response = httpx.get(server.sparql, params={"query": query})
    assert response.status_code == 400
    assert "SPARQL syntax error: error at" in response.text
    assert "Traceback" not in response.text and "File \"" not in response.text


@pytest.mark.parametrize("body,headers", [
    ({"update": "CLEAR ALL"}, {}),
    ("CLEAR ALL", {"Content-Type": "application/sparql-update"}),
    ("CLEAR ALL", {"Content-Type": "application/sparql-update",
                   "Authorization": f"Bearer {TOKEN}"}),
])
def test_update_refused_when_read_only(server: Server, body: object, headers: dict) -> None:
    kwargs = {"data": body} if isinstance(body, dict) else {"content": body}
    response = httpx.post(server.sparql, headers=headers, **kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert count(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }") > 0


def test_update_by_get_refused(server: Server) -> None:
    assert httpx.get(server.sparql, params={"update": "CLEAR ALL"}).status_code == 405


# SERVICE as the keyword is refused (403) in any case or place; the word inside a string, a
# comment, a prefixed name or an IRI is no keyword and the query runs (200).
@pytest.mark.parametrize(("query", "status"), [
    ("SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 403),
    ("SELECT * { service <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 403),
    ("SELECT * { SERVICE SILENT <http://127.0.0.1:1/> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE {\n  ?s ?p ?o .\n  SERVICE ?endpoint { ?s ?p ?o }\n}", 403),
    ("SELECT * { OPTIONAL {SERVICE<file:///etc/passwd>{?s ?p ?o}} }", 403),
    ('SELECT * { ?s ?p "SERVICE <http://127.0.0.1:1/> { ?s ?p ?o }" }', 200),
    ("SELECT * { ?s ?p '''a\nSERVICE <http://x/> {}''' }", 200),
    ("SELECT * { ?s ?p ?o } # SERVICE <http://x/> { }", 200),
    ("PREFIX service: <http://example.org/> SELECT * { ?s service:SERVICE ?service }", 200),
    ("SELECT * { <http://example.org/SERVICE> ?p ?o }", 200),
])
def test_service_refused_only_as_the_keyword(server: Server, query: str, status: int) -> None:
    response = httpx.post(server.sparql, data={"query": query})
    assert response.status_code == status, response.text
    assert status == 200 or "SERVICE" in response.text


def test_no_local_file_is_read(server: Server, store_dir: Path) -> None:
    query = "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"
    response = httpx.get(server.sparql, params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []
    onto = f"SELECT (COUNT(*) AS ?n) FROM <{G}ontology> {{ ?s ?p ?o }}"
    assert count(server, onto) == Store(store_dir).count(G + "ontology")
    query = "SELECT * { GRAPH <file:///etc/passwd> { ?s ?p ?o } }"
    assert httpx.get(server.sparql, params={"query": query}).json()["results"]["bindings"] == []


def test_update_with_token(limited: Server) -> None:
    triple = "<urn:test:s> <urn:test:p> 'written'"
    update = f"INSERT DATA {{ GRAPH <urn:test:g> {{ {triple} }} }}"
    ask = f"ASK {{ {triple} }}"
    no_token = httpx.post(limited.sparql, data={"update": update})
    assert no_token.status_code == 401
    assert no_token.headers["www-authenticate"].startswith("Bearer")
    wrong = httpx.post(limited.sparql, data={"update": update},
                       headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert httpx.get(limited.sparql, params={"query": ask}).json()["boolean"] is False
    right = httpx.post(limited.sparql, data={"update": update},
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200, right.text
    assert httpx.get(limited.sparql, params={"query": ask}).json()["boolean"] is True


@pytest.mark.parametrize("update", [
    "LOAD <file:///etc/passwd>",
    "LOAD <http://127.0.0.1:1/data.ttl> INTO GRAPH <urn:x>",
    "load silent <file:///etc/hostname>",
])
def test_load_refused_even_with_token(limited: Server, update: str) -> None:
    response = httpx.post(limited.sparql, data={"update": update},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert "LOAD" in response.text


def test_body_cap_is_413(limited: Server) -> None:
    big = "# " + "x" * 5000 + "\nASK {}"
    direct = httpx.post(limited.sparql, content=big,
                        headers={"Content-Type": "application/sparql-query"})
    assert direct.status_code == 413
    form = httpx.post(limited.sparql, data={"query": big})
    assert form.status_code == 413
    # Without Content-Length (chunked), the cap still holds.
    chunked = httpx.post(limited.sparql, content=iter([big.encode()[:3000],
                                                       big.encode()[3000:]]),
                         headers={"Content-Type": "application/sparql-query"})
    assert chunked.status_code == 413


def test_row_cap_says_it_truncated(limited: Server) -> None:
    query = "SELECT ?s ?p ?o { ?s ?p ?o }"
    response = httpx.get(limited.sparql, params={"query": query})
    assert response.status_code == 200
    assert response.headers["x-blocgraph-truncated"] == "true"
    data = response.json()
    assert data["truncated"] is True and len(data["results"]["bindings"]) == 5
    csv = httpx.get(limited.sparql, params={"query": query}, headers={"Accept": "text/csv"})
    assert csv.headers["x-blocgraph-truncated"] == "true"
    assert len(csv.text.strip().split("\r\n")) == 6
    graph = httpx.get(limited.sparql, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                      headers={"Accept": "application/n-triples"})
    assert graph.headers["x-blocgraph-truncated"] == "true"
    assert len(graph.text.strip().splitlines()) == 5
    small = httpx.get(limited.sparql, params={"query": "SELECT * { ?s ?p ?o } LIMIT 3"})
    assert "x-blocgraph-truncated" not in small.headers and "truncated" not in small.json()


@TIMED
def test_time_limit_stops_the_query_and_others_are_served(limited: Server) -> None:
    before = limited.children()
    result: dict[str, httpx.Response] = {}

    def runaway() -> None:
        result["r"] = httpx.get(limited.sparql, params={"query": RUNAWAY}, timeout=30)

    thread = threading.Thread(target=runaway)
    started = time.monotonic()
    thread.start()
    time.sleep(0.3)
    quick = httpx.get(limited.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert time.monotonic() - started < 1.0  # answered while the runaway was running
    thread.join(30)
    elapsed = time.monotonic() - started
    assert result["r"].status_code == 503
    assert "time limit" in result["r"].text
    assert elapsed < 5
    # The worker that ran it was killed (not left burning CPU) and replaced.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        after = limited.children()
        if before - after and len(after) >= len(before):
            break
        time.sleep(0.2)
    assert before - after, "the runaway query's worker is still alive"
    assert httpx.get(limited.sparql, params={"query": "ASK {}"}).json()["boolean"] is True


def test_cors(server: Server, limited: Server) -> None:
    origin = {"Origin": "http://example.org"}
    off = httpx.get(server.sparql, params={"query": "ASK {}"}, headers=origin)
    assert "access-control-allow-origin" not in off.headers
    on = httpx.get(limited.sparql, params={"query": "ASK {}"}, headers=origin)
    assert on.headers["access-control-allow-origin"] == "http://example.org"
    other = httpx.get(limited.sparql, params={"query": "ASK {}"},
                      headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = httpx.options(limited.sparql, headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200


@pytest.mark.parametrize("method,kwargs,status", [
    ("PUT", {"params": {"query": "ASK {}"}}, 405),
    ("POST", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ("POST", {"content": "ASK {}"}, 415),
    ("POST", {"content": "ASK {}".encode("utf-16"),
              "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415),
    ("POST", {"content": b"ASK {} \xff",
              "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("GET", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
    ("POST", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
])
def test_bad_requests(server: Server, method: str, kwargs: dict, status: int) -> None:
    response = httpx.request(method, server.sparql, **kwargs)
    assert response.status_code == status
    assert "Traceback" not in response.text


# -- concurrency, rebuilds, lifecycle -----------------------------------------------------
@pytest.mark.slow
def test_32_clients_at_once(server: Server, store_dir: Path) -> None:
    queries = [
        CHAIRS,
        PREFIX + "SELECT DISTINCT ?c ?l WHERE { ?c a bloc:Chairmanship ; bloc:chair ?s . "
        "?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
        "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
    ]
    want = {q: expected(store_dir, q) for q in queries}
    jobs = [queries[i % len(queries)] for i in range(32)]
    named = {"org": "CSTO", "date": "2024-06-01"}

    def one(i: int) -> tuple[bool, str]:
        with httpx.Client(timeout=60) as client:
            if i % 8 == 7:
                r = client.get(server.url + "queries/chair_on", params=named)
                labels = {b["chairLabel"]["value"] for b in r.json()["results"]["bindings"]}
                return r.status_code == 200 and labels == {"Kazakhstan"}, r.text
            query = jobs[i]
            r = client.post(server.sparql, data={"query": query})
            return r.status_code == 200 and rows_of(r.json()) == want[query], r.text[:200]

    with ThreadPoolExecutor(32) as pool:
        outcomes = list(pool.map(one, range(32)))
    failures = [text for ok, text in outcomes if not ok]
    assert failures == []


def test_rebuild_while_serving_is_seen(limited: Server) -> None:
    store = Store(limited.store)  # type: ignore[attr-defined]
    ask = "ASK { <urn:test:rebuilt> <urn:test:p> 'new generation' }"
    assert httpx.get(limited.sparql, params={"query": ask}).json()["boolean"] is False
    with store.transaction() as (db, _meta):
        db.add(ox.Quad(ox.NamedNode("urn:test:rebuilt"), ox.NamedNode("urn:test:p"),
                       ox.Literal("new generation"), ox.NamedNode("urn:test:g2")))
    for _ in range(4):  # every worker sees the new generation
        assert httpx.get(limited.sparql, params={"query": ask}).json()["boolean"] is True


@pytest.mark.slow
def test_ctrl_c_stops_cleanly(store_dir: Path) -> None:
    with serve(store_dir, "--workers", "2") as s:
        workers = s.children()
        assert len(workers) >= 2
        s.process.send_signal(signal.SIGINT)
        assert s.process.wait(15) == 0
        out = s.process.stdout.read()
        assert f"{s.url}" in out and "stopped" in out
        assert "Traceback" not in s.process.stderr.read()
    def gone(pid: int) -> bool:
        try:
            return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
        except OSError:
            return True

    deadline = time.monotonic() + 10  # the kernel may take a moment to reap them
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in workers)


def test_refuses_non_loopback_host_unless_explicit(store_dir: Path) -> None:
    with pytest.raises(BlocgraphError, match="loopback"):
        run(store_dir, host="0.0.0.0", host_given=False)


def test_update_needs_a_token(store_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graph_builder", "serve", "--store", str(store_dir),
         "--port", str(free_port()), "--allow-update"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, env={**os.environ},
    )
    assert result.returncode == 2
    assert "--token" in result.stderr
