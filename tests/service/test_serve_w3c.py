"""Replay the W3C SPARQL 1.1 Protocol test manifest against a running `blocgraph serve`.

The manifest (found by helpers.w3c) describes each test as HTTP requests with
the expected status class, boolean and result format. Before each test the store gets a
fresh generation holding the graphs the test declares (ut:graphData), so the tests are
independent of their order. Updates run with --allow-update and the bearer token.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from helpers import Server, missing, serve
from helpers.w3c import exchanges, protocol_suite

from graph_builder.graph.store import Store

W3C = protocol_suite()
MANIFEST = W3C / "manifest.ttl" if W3C else None
TOKEN = "w3c-token"

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
TABULAR = {"application/sparql-results+json", "application/sparql-results+xml",
           "text/csv", "text/tab-separated-values"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "text/html",
             "application/xhtml+xml"}


def _load_tests() -> tuple[list[dict[str, Any]], int]:
    """The tests with their HTTP exchanges, and how many entries the manifest lists."""
    if MANIFEST is None:
        return [], 0
    graph = rdflib.Graph().parse(MANIFEST, format="turtle")
    manifest = next(graph.subjects(rdflib.RDF.type, MF.Manifest))
    listed = len(list(rdflib.collection.Collection(graph, graph.value(manifest, MF.entries))))
    if not exchanges(graph):
        return [], listed
    manifest = next(graph.subjects(rdflib.RDF.type, MF.Manifest))
    tests = []
    for entry in rdflib.collection.Collection(graph, graph.value(manifest, MF.entries)):
        action = graph.value(entry, MF.action)
        requests = []
        for req in rdflib.collection.Collection(graph, graph.value(action, HT.requests)):
            body = graph.value(req, HT.body)
            headers = {}
            header_list = graph.value(req, HT.headers)
            if header_list is not None:
                for h in rdflib.collection.Collection(graph, header_list):
                    headers[str(graph.value(h, HT.fieldName))] = str(graph.value(h, HT.fieldValue))
            resp = graph.value(req, HT.resp)
            boolean = graph.value(resp, MF.expectedBoolean)
            fmt = graph.value(resp, MF.expectedFormat)
            requests.append({
                "method": str(graph.value(req, HT.methodName)),
                "path": str(graph.value(req, HT.absolutePath)),
                "body": None if body is None else str(graph.value(body, CNT.chars)),
                "headers": headers,
                "status": {int(str(s)[len(HTS)]) for s in graph.objects(resp, MF.expectedStatus)},
                "boolean": None if boolean is None else boolean.toPython(),
                "format": None if fmt is None else str(fmt),
            })
        data = [
            (str(graph.value(d, UT.graph)), str(graph.value(d, rdflib.RDFS.label)))
            for d in graph.objects(entry, UT.graphData)
        ]
        tests.append({"id": str(entry).split("#")[-1], "name": str(graph.value(entry, MF.name)),
                      "requests": requests, "data": data})
    return tests, listed


TESTS, LISTED = _load_tests()


def test_manifest_is_there() -> None:
    if MANIFEST is None:
        missing("W3C SPARQL Protocol manifest not found: set BLOCGRAPH_W3C_PROTOCOL or "
                "restore tests/data/w3c-protocol")
    assert LISTED == 34, f"W3C protocol manifest changed at {MANIFEST}"
    if not TESTS:
        missing(f"{MANIFEST} lists the 34 tests without their HTTP exchanges (the older "
                "edition): point BLOCGRAPH_W3C_PROTOCOL at the w3c/rdf-tests copy to replay them")
    assert len(TESTS) == 34


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("w3c") / "store"
    with Store(folder).transaction(fresh=True):
        pass
    with serve(folder, "--allow-update", "--token", TOKEN) as server:
        server.store = folder  # type: ignore[attr-defined]
        yield server


def _load(folder: Path, data: list[tuple[str, str]]) -> None:
    """A fresh generation holding exactly the test's graphs."""
    with Store(folder).transaction(fresh=True) as (db, _meta):
        for file_iri, graph_name in data:
            path = W3C / Path(file_iri).name
            db.load(path=str(path), format=ox.RdfFormat.N_TRIPLES,
                    to_graph=ox.NamedNode(graph_name))


def _boolean(response: httpx.Response) -> bool:
    media = response.headers["content-type"].split(";")[0]
    if "json" in media:
        return response.json()["boolean"]
    root = ET.fromstring(response.content)
    node = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None
    return node.text == "true"


@pytest.mark.parametrize("test", TESTS, ids=[t["id"] for t in TESTS])
def test_w3c_protocol(w3c_server: Server, test: dict[str, Any]) -> None:
    _load(w3c_server.store, test["data"])  # type: ignore[attr-defined]
    base = w3c_server.url.rstrip("/")
    for step, req in enumerate(test["requests"]):
        headers = {**req["headers"], "Authorization": f"Bearer {TOKEN}"}
        content = None
        if req["body"] is not None:
            charset = "utf-16" if "UTF-16" in headers.get("content-type", "") else "utf-8"
            content = req["body"].encode(charset)
        response = httpx.request(req["method"], base + req["path"], content=content,
                                 headers=headers, timeout=30)
        where = f"{test['id']} request {step + 1}: {response.status_code} {response.text[:300]}"
        assert response.status_code // 100 in req["status"], where
        assert "Traceback" not in response.text
        if req["format"] == "boolean":
            assert response.headers["content-type"].split(";")[0] in TABULAR, where
        if req["format"] == "tabular":
            assert response.headers["content-type"].split(";")[0] in TABULAR, where
        if req["format"] == "RDF":
            media = response.headers["content-type"].split(";")[0]
            assert media in RDF_TYPES, where
            rdflib.Graph().parse(data=response.text, format={
                "text/turtle": "turtle", "application/n-triples": "nt",
                "application/rdf+xml": "xml"}[media])
        if req["boolean"] is not None:
            assert _boolean(response) is req["boolean"], where
