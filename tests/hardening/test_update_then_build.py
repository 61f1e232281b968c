"""A build after a SPARQL Update brings the graph back (issue 16, point 5).

After `DROP ALL` or a `DELETE WHERE` on an article graph through `serve --allow-update`,
the next build reported the article unchanged with the old triple count and left the graph
empty; only --rebuild repaired it. The update is applied by the serve worker's function,
as the server does, without starting one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED_FACTS, copy_store

from graph_builder import Blocgraph
from graph_builder.graph.store import Store
from graph_builder.serve.worker import run_update


def chairs(store: Path) -> list[str]:
    return sorted(r["chairLabel"] for r in Blocgraph(store).query("chairs").values())


@pytest.mark.parametrize("update", [
    "DROP ALL",
    "DELETE WHERE { GRAPH <https://w3id.org/blocgraph/graph/article/000-eab27d500f391317> "
    "{ ?s ?p ?o } }",
])
def test_the_build_after_an_update_restores_the_article(seed_store: Path, tmp_path: Path,
                                                        update: str) -> None:
    store = copy_store(seed_store, tmp_path / "store")
    before = Store(store).meta()["counts"]
    expected = chairs(store)
    run_update(Store(store), {"text": update})
    assert chairs(store) == []
    report = Blocgraph(store).build([SEED_FACTS], extract=False)
    assert report.built == ["000_eab27d500f391317"] and not report.unchanged
    assert chairs(store) == expected
    assert Store(store).meta()["counts"] == before
    assert (report.asserted, report.inferred) == (before["asserted"], before["inferred"])
    again = Blocgraph(store).build([SEED_FACTS], extract=False)  # and then as usual
    assert again.unchanged == ["000_eab27d500f391317"] and not again.built


def test_an_updated_graph_not_among_the_inputs_is_named(seed_store: Path,
                                                        tmp_path: Path) -> None:
    store = copy_store(seed_store, tmp_path / "store")
    run_update(Store(store), {"text": "DROP ALL"})
    other = tmp_path / "other.json"
    other.write_text('{"article": "other.txt", "chairmanships": [{"organization": "CSTO", '
                     '"chair": "Armenia", "start": "2022", "end": "2022"}]}')
    report = Blocgraph(store).build([other], extract=False)
    assert any("changed by a SPARQL update" in w and "000_eab27d500f391317" in w
               for w in report.warnings)
    assert Store(store).meta()["counts"]["asserted"] == Store(store).count() - (
        Store(store).meta()["counts"]["ontology"] + Store(store).meta()["counts"]["inferred"])
    Blocgraph(store).build([SEED_FACTS], extract=False)  # built again: restored
    assert "Kazakhstan" in chairs(store)
