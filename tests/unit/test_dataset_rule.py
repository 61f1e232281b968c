"""One dataset rule on every path: a query's FROM names exactly its graphs, else the union.

The CLI once set Oxigraph's union flag unconditionally, which overrides FROM, so
`FROM <…/graph/inferred>` counted the whole store locally (1369 on the seed) but only
the inferred graph on /sparql (461). The expected count is read from the store here,
never written down, so the test holds for any seed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import Server, run_cli
from helpers.oxigraph import OXIGRAPH, OxigraphServer

import graph_builder as bg
from graph_builder.core.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH
from graph_builder.graph.store import Dataset, Store, dataset_of
from graph_builder.query.push import push

FROM_INFERRED = f"SELECT (COUNT(*) AS ?n) FROM <{INFERRED_GRAPH}> WHERE {{ ?s ?p ?o }}"
UNION = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(results: bg.Results) -> int:
    return int(results.values()[0]["n"])


@pytest.fixture(scope="module")
def inferred_size(data_store: Path) -> int:
    size = Store(data_store).count(INFERRED_GRAPH)
    assert 0 < size < Store(data_store).count()  # otherwise the test proves nothing
    return size


def test_the_rule() -> None:
    assert dataset_of(UNION) == Dataset()
    assert dataset_of(UNION).union
    assert dataset_of(FROM_INFERRED) == Dataset(from_query=True)
    assert dataset_of(FROM_INFERRED).oxigraph_options() == {}
    # the word inside a string or an IRI is no FROM clause
    assert dataset_of('SELECT * WHERE { ?s ?p "FROM <x>" }').union
    # graphs the request names win over everything
    named = dataset_of(FROM_INFERRED, [ONTOLOGY_GRAPH], None)
    assert named == Dataset((ONTOLOGY_GRAPH,), None)
    assert not named.union


def test_cli(data_store: Path, inferred_size: int) -> None:
    done = run_cli("query", FROM_INFERRED, "--store", data_store, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["n", str(inferred_size)]


def test_python_api(data_store: Path, inferred_size: int) -> None:
    graph = bg.open(data_store)
    assert count(graph.query(FROM_INFERRED)) == inferred_size
    assert count(graph.query(UNION)) == Store(data_store).count()


def test_sparql_endpoint(data_server: Server, inferred_size: int) -> None:
    response = httpx.get(
        data_server.sparql,
        params={"query": FROM_INFERRED},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == inferred_size


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory, data_store: Path) -> Iterator[str]:
    """A real `oxigraph serve` holding the seed, pushed there by blocgraph."""
    if OXIGRAPH is None:
        pytest.fail("the oxigraph server CLI (PyPI package `oxigraph`) is not installed")
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "db").start()
    try:
        endpoint = server.endpoint()
        push(Store(data_store), endpoint)
        endpoint.close()
        yield f"{server.base}/query"
    finally:
        server.kill()


def test_remote_endpoint(oxigraph: str, data_store: Path, inferred_size: int) -> None:
    graph = bg.open(data_store, endpoint=oxigraph)
    assert count(graph.query(FROM_INFERRED)) == inferred_size
    # and without FROM the remote default graph is the union, as locally
    assert count(graph.query(UNION)) == Store(data_store).count()


def test_remote_endpoint_from_the_cli(oxigraph: str, inferred_size: int) -> None:
    done = run_cli("query", FROM_INFERRED, "--endpoint", oxigraph, "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["n", str(inferred_size)]
