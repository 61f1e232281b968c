"""graph/store.py on its own: generations swapped atomically, the lock, reading, dumping.

Each test makes its own tiny store from a few quads, so a failure points at the store
and not at extraction or inference.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_builder.core.errors import BlocgraphError, NotBuiltError, QueryError, StoreBusyError
from graph_builder.graph.store import Store

G1 = ox.NamedNode("urn:test:g1")
G2 = ox.NamedNode("urn:test:g2")
S, P = ox.NamedNode("urn:test:s"), ox.NamedNode("urn:test:p")


def quad(value: str, graph: ox.NamedNode = G1) -> ox.Quad:
    return ox.Quad(S, P, ox.Literal(value), graph)


def written(root: Path, *quads: ox.Quad, fresh: bool = False) -> Store:
    store = Store(root)
    with store.transaction(fresh=fresh) as (db, meta):
        db.extend(quads)
        meta["written"] = meta.get("written", 0) + len(quads)
    return store


def generations(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("gen-*") if p.is_dir() and "." not in p.name)


def test_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    store = Store(tmp_path / "none")
    assert not store.exists()
    with pytest.raises(NotBuiltError, match="blocgraph build"):
        store.count()


def test_a_transaction_is_seen_only_once_it_succeeds(tmp_path: Path) -> None:
    store = written(tmp_path, quad("a"))
    first = store.current_generation()
    before = sorted(tmp_path.iterdir())
    with pytest.raises(RuntimeError), store.transaction() as (db, _meta):
        db.add(quad("b"))
        assert store.count() == 1  # readers still see the old generation meanwhile
        raise RuntimeError("build failed")
    assert store.current_generation() == first
    assert store.count() == 1
    assert sorted(tmp_path.iterdir()) == before  # the failed generation left nothing


def test_the_next_generation_starts_from_the_last_unless_fresh(tmp_path: Path) -> None:
    store = written(tmp_path, quad("a"))
    written(tmp_path, quad("b", G2))
    assert store.count() == 2 and store.named_graphs() == [G1.value, G2.value]
    assert store.meta() == {"written": 2}
    written(tmp_path, quad("c"), fresh=True)
    assert store.count() == 1 and store.meta() == {"written": 1}


def test_a_reader_opened_before_a_build_sees_the_new_generation(tmp_path: Path) -> None:
    reader = written(tmp_path, quad("a"))
    assert reader.count() == 1
    written(tmp_path, quad("b"))
    assert reader.count() == 2


def test_only_the_current_and_the_previous_generation_are_kept(tmp_path: Path) -> None:
    for value in "abcd":
        written(tmp_path, quad(value))
    kept = generations(tmp_path)
    assert len(kept) == 2
    assert Store(tmp_path).current_generation() in kept


def test_a_second_writer_is_refused_while_one_writes(tmp_path: Path) -> None:
    store = written(tmp_path, quad("a"))
    with store.transaction() as (_db, _meta):
        with pytest.raises(StoreBusyError, match="another build"):
            with Store(tmp_path).transaction():
                pass
    written(tmp_path, quad("b"))  # the lock is released afterwards


def test_a_file_in_place_of_the_folder_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(BlocgraphError, match="not a folder"):
        with Store(path).transaction():
            pass


def test_select_reads_every_graph_and_reports_syntax_errors(tmp_path: Path) -> None:
    store = written(tmp_path, quad("a"), quad("b", G2))
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").values()
    assert rows == [{"o": "a"}, {"o": "b"}]
    limited = store.select("SELECT ?o WHERE { ?s ?p ?o }", limit=1)
    assert len(limited.rows) == 1 and limited.truncated
    assert store.select("ASK { ?s ?p 'b' }").boolean is True
    triples = store.select("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").triples
    assert triples is not None and len(triples) == 2
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        store.select("SELECT WHERE {")


def test_count_by_graph(tmp_path: Path) -> None:
    store = written(tmp_path, quad("a"), quad("b"), quad("c", G2))
    assert (store.count(), store.count(G1.value), store.count(G2.value)) == (3, 2, 1)
    assert store.count("urn:test:none") == 0


def test_dump_is_sorted_whatever_the_order_of_writing(tmp_path: Path) -> None:
    one = written(tmp_path / "one", quad("b", G2), quad("a"), quad("c"))
    two = written(tmp_path / "two", quad("c"), quad("a"), quad("b", G2))
    for fmt in ("trig", "nquads", "turtle", "ntriples"):
        assert one.dump(fmt) == two.dump(fmt), fmt
    lines = one.dump("nquads").decode().splitlines()
    assert [line.rsplit(" ", 2)[-2] for line in lines] == [f"<{G1.value}>"] * 2 + [f"<{G2.value}>"]
    assert lines[0] < lines[1]
    # turtle and ntriples merge the graphs: the same triple in two graphs is one line
    both = written(tmp_path / "both", quad("a"), quad("a", G2))
    assert len(both.dump("ntriples").decode().splitlines()) == 1
    with pytest.raises(BlocgraphError, match="unknown dump format 'xml'"):
        one.dump("xml")
