"""`blocgraph query` says what is wrong with the query it was given (issue 16).

'SELEC * WHERE {}' was called an unknown query name instead of a syntax error, and a
CONSTRUCT with --format csv printed Turtle.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

from graph_builder.core.errors import BlocgraphError, QueryError
from graph_builder.graph.store import Store
from graph_builder.query.named import resolve_query


def test_misspelt_sparql_is_a_syntax_error(seed_store: Path) -> None:
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        Store(seed_store).select(resolve_query("SELEC * WHERE {}").text)
    with pytest.raises(BlocgraphError, match="unknown query 'chiars'"):
        resolve_query("chiars")


def test_cli_misspelt_sparql_and_construct_as_csv(seed_store: Path) -> None:
    bad = run_cli("query", "SELEC * WHERE {}", "--store", seed_store)
    assert bad.returncode == 2 and "SPARQL syntax error" in bad.stderr, bad.stderr
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1"
    csv = run_cli("query", construct, "--format", "csv", "--store", seed_store)
    assert csv.returncode == 2 and "--format csv: the query answers with triples" in csv.stderr
    assert csv.stdout == ""
    turtle = run_cli("query", construct, "--store", seed_store)
    assert turtle.returncode == 0 and turtle.stdout.strip()
