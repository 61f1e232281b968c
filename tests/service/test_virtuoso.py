"""A second real store: OpenLink Virtuoso 7 (Debian package virtuoso-opensource), tested
like `oxigraph serve` in test_remote.py. Each server runs on free loopback ports with its
own database folder and configuration (helpers/virtuoso.py); tests/setup.sh installs the
package, and without it these tests skip (fail under CI=true) saying so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import SEED_GOLD, copy_store, missing
from helpers.triple_server import synthetic_store
from helpers.virtuoso import VIRTUOSO, VirtuosoServer

from graph_builder.cli import main
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.results import to_json
from graph_builder.graph.store import Store
from graph_builder.query.named import bind, registry, resolve_query, with_values
from graph_builder.query.push import push
from graph_builder.query.remote import MANIFEST_GRAPH, RemoteEndpoint

pytestmark = pytest.mark.slow

BY_NAME = {"from": "2023-01-01", "to": "2024-12-31"}
BY_TYPE = {"organization": "CSTO", "state": "Kazakhstan", "date": "2024-06-15", "entity": "CSTO"}
RUNS = [(name, {p.name: BY_NAME[p.name] if p.type == "date" and p.name in BY_NAME
                else BY_TYPE[p.type] for p in registry()[name].params if not p.optional})
        for name in sorted(registry())]  # fmt: skip
RUNS += [("chairs", {"org": "CSTO"}), ("members", {"org": "CSTO", "member": "Armenia"}),
         ("events", {"org": "CSTO"}), ("events", {"type": "clash"}),
         ("membership_dates", {"org": "CSTO"}), ("post_holders", {"of": "CSTO"})]
# Every named query is written to give the same rows on the embedded store and on
# Virtuoso 7.2 (queries/events.rq, membership_dates.rq and post_holders.rq say how).
QUESTIONS = json.loads(Path(SEED_GOLD).read_text("utf-8"))["questions"]


def start(location: Path) -> VirtuosoServer:
    if VIRTUOSO is None:
        missing("virtuoso-t not found: tests/setup.sh installs it when run as root "
                "(`apt-get install -y virtuoso-opensource`)")  # fmt: skip
    try:
        return VirtuosoServer(location).start()
    except (RuntimeError, OSError) as exc:
        missing(f"Virtuoso did not start: {exc}")


def ours(counts: dict[str, int]) -> dict[str, int]:
    """Blocgraph's graphs of a server's counts (Virtuoso holds system graphs of its own)."""
    return {g: n for g, n in counts.items() if g.startswith(GRAPH_NS)}


def canonical(results) -> tuple:
    data = json.loads(to_json(results))
    rows = sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])
    return tuple(data["head"]["vars"]), tuple(rows)


@pytest.fixture(scope="module")
def seeded(data_store: Path, tmp_path_factory) -> Iterator[tuple[VirtuosoServer, Store]]:
    """One Virtuoso holding the seed, pushed by blocgraph, for the module's read tests."""
    srv = start(tmp_path_factory.mktemp("virtuoso") / "db")
    try:
        seed = Store(data_store)
        report = push(seed, srv.endpoint())
        assert report.triples == seed.count()
        yield srv, seed
    finally:
        srv.kill()


def test_push_then_push_again_sends_nothing(seeded, capsys):
    srv, seed = seeded
    ep = srv.endpoint()
    assert ep.compress is None  # probing happens per endpoint object, on first write
    assert ours(ep.graph_counts()) == {g: seed.count(g) for g in seed.named_graphs()}
    again = push(seed, ep)
    assert again.sent == {}
    assert ep.compress is False and ep.dataset_post is False  # Virtuoso takes neither
    assert main(["push", *srv.args(), "--store", str(seed.root)]) == 0
    assert "pushed 0 of" in capsys.readouterr().out


@pytest.mark.parametrize("name,params", RUNS, ids=[r[0] + str(i) for i, r in enumerate(RUNS)])
def test_named_queries_give_the_same_rows(seeded, name, params):
    srv, seed = seeded
    named = resolve_query(name)
    text = with_values(named.text, bind(named, params))
    assert canonical(srv.endpoint().select(text)) == canonical(seed.select(text))


@pytest.mark.parametrize("question", [q["q"] for q in QUESTIONS])
def test_seed_questions_answered_the_same(seeded, question):
    from graph_builder.ask.answer import ask

    srv, seed = seeded
    local = ask(question, seed, as_of="2024-06-15").to_dict()
    assert ask(question, srv.endpoint(), as_of="2024-06-15").to_dict() == local


def test_one_more_article_then_killed_mid_push_and_rerun(data_store, tmp_path):
    srv = start(tmp_path / "db")
    try:
        store = Store(copy_store(data_store, tmp_path / "store"))
        push(store, srv.endpoint())
        article = GRAPH_NS + "article/one-more"
        inferred = GRAPH_NS + "inferred"
        p = ox.NamedNode("https://w3id.org/blocgraph/ontology#synthetic")
        with store.transaction() as (db, _):
            db.bulk_extend(ox.Quad(ox.NamedNode(f"urn:more:{i}"), p, ox.Literal(i),
                                   ox.NamedNode(article)) for i in range(30))  # fmt: skip
            db.add(ox.Quad(ox.NamedNode("urn:more:0"), p, ox.Literal("x"), ox.NamedNode(inferred)))
        report = push(store, srv.endpoint())
        assert report.sent == {article: "new", inferred: "replace"}  # inferred: < DIFF_MIN
        assert ours(srv.endpoint().graph_counts()) == {g: store.count(g)
                                                       for g in store.named_graphs()}  # fmt: skip

        # A large graph staged in chunks: the server killed during the third chunk
        big, small = GRAPH_NS + "article/big", GRAPH_NS + "article/small"
        v1 = synthetic_store(tmp_path / "v1", {big: 1_000, small: 10})
        v2 = synthetic_store(tmp_path / "v2", {big: 12_000, small: 20})
        push(v1, srv.endpoint())
        killing = srv.killing_endpoint(retries=2, backoff=0.05)  # during the third chunk
        with pytest.raises(BlocgraphError) as err:
            push(v2, killing, chunk_size=2_000)
        assert err.value.exit_code == 1 and "\n" not in str(err.value)
        srv.start()  # the same database, recovered from its transaction log
        counts = ours(srv.endpoint().graph_counts())
        assert counts[big] == 1_000  # old, not part of the new one
        assert counts[small] in (10, 20)
        push(v2, srv.endpoint(), chunk_size=2_000)
        assert ours(srv.endpoint().graph_counts()) == {big: 12_000, small: 20}
    finally:
        srv.kill()


def test_wrong_graph_store_url_is_one_line(seeded, capsys):
    srv, seed = seeded
    code = main(["push", "--endpoint", f"{srv.base}/sparql", "--graph-store",
                 f"{srv.base}/no-such-crud", "--store", str(seed.root)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and f"{srv.base}/no-such-crud" in err


# -- logging in (HTTP Digest), refused requests -----------------------------------------------
def test_digest_account_pushes_and_queries(seeded, capsys):
    """Virtuoso's -auth endpoints take HTTP Digest only (a Basic login gets a bare 401)."""
    srv, seed = seeded
    srv.account("alice", "Wonder-1and")
    code = main(["push", *srv.auth_args("alice", "Wonder-1and"), "--store", str(seed.root),
                 "--full"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"pushed {len(seed.named_graphs())} of" in out and "Wonder-1and" not in out + err
    ep = RemoteEndpoint(f"{srv.base}/sparql-auth", user="alice", password="Wonder-1and")
    named = resolve_query("chairs")
    text = with_values(named.text, bind(named, {"org": "CSTO"}))
    assert canonical(ep.select(text)) == canonical(seed.select(text))
    assert ep._auth is not None and ep._auth.scheme == "digest"


def test_wrong_credentials_are_one_line_and_write_nothing(seeded, tmp_path, capsys):
    srv, seed = seeded
    srv.account("carol", "right-Pass-1")
    before = ours(srv.endpoint().graph_counts())
    other = synthetic_store(tmp_path / "other", {GRAPH_NS + "article/carol": 20})  # would prune all
    for user, password in (("carol", "wrong-Pass-2"), ("nobody-here", "right-Pass-1")):
        code = main(["push", *srv.auth_args(user, password), "--store", str(other.root)])
        out, err = capsys.readouterr()
        assert code == 1 and err.count("\n") == 1, err
        assert "HTTP 401" in err and "refused the credentials" in err
        assert password not in out + err
    code = main(["query", "chairs", "--endpoint", f"{srv.base}/sparql-auth", "--user", "carol",
                 "--password", "wrong-Pass-2"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "HTTP 401" in err and "wrong-Pass" not in err
    assert ours(srv.endpoint().graph_counts()) == before  # nothing written, nothing removed
    for path in other.root.rglob("*"):
        assert not path.is_file() or b"Pass-" not in path.read_bytes()


def test_a_graph_the_server_refuses_is_one_line_and_nothing_half_written(seeded, tmp_path, capsys):
    """An account that may write one of two new graphs: the push stops with one line; each
    graph is whole or absent (Virtuoso applies one update's operations one by one, so the
    allowed one may stay, whole) and neither has a manifest entry (written last); once the
    server allows the second, the same push finishes."""
    srv, _ = seeded
    open_, shut = GRAPH_NS + "article/dave-open", GRAPH_NS + "article/dave-shut"
    srv.account("dave", "Dave-pass-3", writes=[open_, MANIFEST_GRAPH])
    store = synthetic_store(tmp_path / "dave", {open_: 10, shut: 10})
    code = main(["push", *srv.auth_args("dave", "Dave-pass-3", gsp=False),
                 "--store", str(store.root)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1, err
    assert "HTTP 500" in err and "no write permission on graph" in err and shut in err
    counts = srv.endpoint().graph_counts()
    assert counts.get(open_, 10) == 10 and shut not in counts
    manifest = srv.endpoint().select(
        f"SELECT ?g WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g ?p ?o }} }}").values()
    assert not {row["g"] for row in manifest} & {open_, shut}
    srv.sql(f"DB.DBA.RDF_GRAPH_USER_PERMS_SET('{shut}', 'dave', 7);")
    ep = RemoteEndpoint(f"{srv.base}/sparql-auth", f"{srv.base}/sparql-auth",
                        user="dave", password="Dave-pass-3")  # fmt: skip
    report = push(store, ep, prune=False)  # the seed's graphs stay: dave may not remove them
    assert report.sent[shut] == "new" and report.sent[open_] in ("new", "replace")
    counts = srv.endpoint().graph_counts()
    assert counts[open_] == 10 and counts[shut] == 10
