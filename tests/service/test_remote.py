"""Remote stores: push to a real `oxigraph serve`, query it, and break it on purpose.

Every test talks to a real server process on a free loopback port (or, for the
answers Oxigraph never gives, 401 and 503, to a small local HTTP server).
"""

from __future__ import annotations

import base64
import gzip
import http.server
import json
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from helpers import free_port
from helpers.oxigraph import OXIGRAPH, OxigraphServer
from helpers.triple_server import synthetic_store

from graph_builder.cli import main
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.results import to_json
from graph_builder.graph.store import Store
from graph_builder.query.named import bind, registry, resolve_query, with_values
from graph_builder.query.push import chunks, push
from graph_builder.query.remote import STAGING_NS, RemoteEndpoint

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "tests" / "gold" / "000_eab27d500f391317.gold.json"
# Values for parameters a named query cannot run without, by name then by type.
BY_NAME = {"from": "2023-01-01", "to": "2024-12-31"}
BY_TYPE = {"organization": "CSTO", "state": "Kazakhstan", "date": "2024-06-15", "entity": "CSTO"}


def required_params(name: str) -> dict[str, str]:
    out = {}
    for p in registry()[name].params:
        if not p.optional:
            out[p.name] = (
                BY_NAME[p.name] if p.type == "date" and p.name in BY_NAME else (BY_TYPE[p.type])
            )
    return out


EXTRA_RUNS = [("chairs", {"org": "CSTO"}), ("members", {"org": "CSTO", "member": "Armenia"})]


@pytest.fixture(scope="module")
def seed(data_store: Path) -> Store:
    """The session's store built from data/, read only here (pushes copy from it)."""
    store = Store(data_store)
    assert len(store.named_graphs()) >= 4
    return store


@pytest.fixture
def server(tmp_path):
    srv = OxigraphServer(tmp_path / "oxigraph").start()
    yield srv
    srv.kill()


def local_counts(store: Store) -> dict[str, int]:
    return {g: store.count(g) for g in store.named_graphs()}


def canonical(results) -> tuple:
    data = json.loads(to_json(results))
    rows = sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])
    return tuple(data["head"]["vars"]), tuple(rows)


# -- pushing and querying ----------------------------------------------------------------
@pytest.mark.parametrize("mode", ["both", "update", "gsp"])
def test_push_seed_matches_local_counts_and_twice_changes_nothing(seed, server, mode):
    ep = server.endpoint(update=mode != "gsp", gsp=mode != "update")
    report = push(seed, ep, chunk_size=100)  # small chunks: several requests per graph
    assert report.triples == seed.count()
    assert ep.graph_counts() == local_counts(seed)
    push(seed, ep, chunk_size=100)
    assert ep.graph_counts() == local_counts(seed)
    total = ep._query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                      f"FILTER(?g != <{GRAPH_NS}push/manifest>) }}", dataset=False)  # fmt: skip
    assert int(total.values()[0]["n"]) == seed.count()


def test_every_named_query_gives_the_same_rows_remotely(seed, server):
    ep = server.endpoint()
    push(seed, ep)
    runs = [(name, required_params(name)) for name in registry()] + EXTRA_RUNS
    nonempty = 0
    for name, params in runs:
        named = resolve_query(name)
        text = with_values(named.text, bind(named, params))
        local, remote = seed.select(text), ep.select(text)
        assert canonical(remote) == canonical(local), name
        nonempty += bool(local.rows)
    assert nonempty >= 3  # the comparison is not between empty tables


def test_query_command_prints_the_same_output_remotely(seed, server, capsys):
    push(seed, server.endpoint())
    args = ["query", "chair_on", "-p", "org=CSTO", "-p", "date=2024-06-15", "-f", "csv"]
    assert main([*args, "--store", str(seed.root)]) == 0
    local = capsys.readouterr().out
    assert main([*args, "--endpoint", f"{server.base}/query"]) == 0
    remote = capsys.readouterr().out
    assert "Kazakhstan" in local
    assert remote == local


def test_servers_with_a_union_default_graph_need_no_dataset(seed, tmp_path):
    srv = OxigraphServer(tmp_path / "u")
    srv.proc = None
    push_srv = srv.start()
    try:
        push(seed, push_srv.endpoint())
    finally:
        push_srv.kill()
    # The same data, served with the default graph as the union of the named graphs.
    srv.proc = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(srv.location), "--bind",
         f"127.0.0.1:{srv.port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(200):
            try:
                httpx.get(f"{srv.base}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        ep = srv.endpoint()
        named = resolve_query("members")
        text = with_values(named.text, bind(named, {"org": "CSTO"}))
        assert canonical(ep.select(text)) == canonical(seed.select(text))
        assert ep._dataset == {}
    finally:
        srv.kill()


def test_push_removes_graphs_gone_from_the_local_store(seed, server):
    ep = server.endpoint()
    stale = GRAPH_NS + "article/deleted-article"
    ep.update(f"INSERT DATA {{ GRAPH <{stale}> {{ <urn:a> <urn:b> <urn:c> }} }}")
    ep.update("INSERT DATA { GRAPH <urn:not-ours> { <urn:a> <urn:b> <urn:c> } }")
    report = push(seed, ep)
    assert report.removed == [stale]
    counts = ep.graph_counts()
    assert stale not in counts
    assert counts["urn:not-ours"] == 1  # other people's graphs are left alone


def test_dry_run_lists_graphs_and_sends_nothing(seed, server, capsys):
    assert main(["push", *server.args(), "--store", str(seed.root), "--dry-run"]) == 0
    out = capsys.readouterr().out
    for graph, count in local_counts(seed).items():
        assert f"{count:8d}  {graph}" in out
    assert server.endpoint().graph_counts() == {}


def test_blank_nodes_travel_with_their_triples():
    b = ox.BlankNode()
    ground = [ox.Triple(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(i))
              for i in range(10)]  # fmt: skip
    linked = [ox.Triple(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), b),
              ox.Triple(b, ox.NamedNode("urn:q"), ox.Literal("v"))]  # fmt: skip
    out = chunks(ground[:5] + linked + ground[5:], 3)
    assert set(linked) <= set(out[0])
    assert all(not any(isinstance(t.object, ox.BlankNode) for t in c) for c in out[1:])
    assert sorted(map(str, (t for c in out for t in c))) == sorted(map(str, ground + linked))


def test_seed_questions_answered_remotely(seed, server, capsys):
    from graph_builder.ask.answer import ask

    push(seed, server.endpoint())
    questions = json.loads(SEED_GOLD.read_text("utf-8"))["questions"]
    answered = 0
    for item in questions:
        local = ask(item["q"], seed, as_of="2024-06-15")
        remote = ask(item["q"], server.endpoint(), as_of="2024-06-15")
        assert remote.to_dict() == local.to_dict(), item["q"]
        answered += bool(local.answers)
    assert answered >= len(questions) // 2
    q = questions[1]["q"]
    assert main(["ask", q, "--as-of", "2024-06-15", "--store", str(seed.root)]) == 0
    here = capsys.readouterr().out
    assert main(["ask", q, "--as-of", "2024-06-15", "--endpoint", f"{server.base}/query"]) == 0
    assert capsys.readouterr().out == here and "Kazakhstan" in here


# -- an interrupted push -------------------------------------------------------------------
@pytest.mark.slow
def test_killed_server_leaves_graphs_old_or_new_and_a_rerun_completes(tmp_path):
    big = GRAPH_NS + "article/big"
    small = GRAPH_NS + "article/small"
    v1 = synthetic_store(tmp_path / "v1", {big: 1_000, small: 10})
    v2 = synthetic_store(tmp_path / "v2", {big: 12_000, small: 20})  # six chunks of 2,000
    srv = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        push(v1, srv.endpoint())
        killing = srv.killing_endpoint(retries=2, backoff=0.05)  # during the third chunk
        with pytest.raises(BlocgraphError) as err:
            push(v2, killing, chunk_size=2_000)
        message = str(err.value)
        assert err.value.exit_code == 1
        assert "\n" not in message and srv.base in message
        assert "connection refused" in message or "connection broke" in message

        srv.start()  # same data folder, new process
        ep = srv.endpoint()
        counts = ep.graph_counts()
        assert counts[big] == 1_000  # the old graph, untouched, not half of the new one
        assert counts[small] in (10, 20)
        push(v2, ep, chunk_size=2_000)
        counts = ep.graph_counts()
        assert counts == {big: 12_000, small: 20}  # staging graphs cleaned up too
    finally:
        srv.kill()


# -- faults ----------------------------------------------------------------------------------
class Canned(http.server.BaseHTTPRequestHandler):
    """Answers with the statuses in `script`, then 200 with an empty SPARQL result."""

    script: list[int] = []
    seen: list[dict] = []
    delay = 0.0

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append({"auth": self.headers.get("Authorization"), "body": body})
        time.sleep(self.delay)
        status = self.script.pop(0) if self.script else 200
        payload = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}' if status == 200 else b"no"
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        try:
            self.wfile.write(payload)
        except BrokenPipeError:
            pass  # the client gave up waiting (the timeout test)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def canned():
    handler = type("Handler", (Canned,), {"script": [], "seen": [], "delay": 0.0})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run_cli(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_connection_refused(seed, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    code, _, err = run_cli(capsys, ["query", "chairs", "--endpoint", f"{url}/query"])
    assert code == 1
    assert err.count("\n") == 1 and f"{url}/query: connection refused" in err
    code, _, err = run_cli(
        capsys, ["push", "--endpoint", f"{url}/query", "--graph-store", f"{url}/store",
                 "--store", str(seed.root)]
    )  # fmt: skip
    assert code == 1 and f"{url}/store" in err and "connection refused" in err


def test_dns_failure(capsys):
    code, _, err = run_cli(capsys, ["query", "chairs", "--endpoint", "http://blocgraph.invalid/q"])
    assert code == 1
    assert "blocgraph.invalid" in err and "DNS" in err and err.count("\n") == 1


def test_not_found(seed, server, capsys):
    code, _, err = run_cli(capsys, ["query", "chairs", "--endpoint", f"{server.base}/nothing/here"])
    assert code == 1 and "404" in err and f"{server.base}/nothing/here" in err
    code, _, err = run_cli(
        capsys, ["push", "--endpoint", f"{server.base}/query", "--graph-store",
                 f"{server.base}/data", "--store", str(seed.root)]
    )  # fmt: skip
    assert code == 1 and "404" in err and f"{server.base}/data" in err


def test_unauthorized_never_shows_the_password(seed, canned, capsys):
    handler, url = canned
    handler.script = [401] * 10
    secret = "s3cret-Pa55word"
    code, out, err = run_cli(
        capsys, ["query", "chairs", "--endpoint", f"{url}/query", "--user", "alice",
                 "--password", secret]
    )  # fmt: skip
    assert code == 1 and "401" in err and "refused the credentials" in err
    code, out2, err2 = run_cli(
        capsys, ["push", "--endpoint", f"{url}/query", "--graph-store", f"{url}/store",
                 "--user", "alice", "--password", secret, "--store", str(seed.root)]
    )  # fmt: skip
    assert code == 1 and "401" in err2
    expected = "Basic " + base64.b64encode(f"alice:{secret}".encode()).decode()
    assert handler.seen and all(s["auth"] == expected for s in handler.seen)
    for text in (out, err, out2, err2):
        assert secret not in text and base64.b64encode(secret.encode()).decode() not in text
    assert secret.encode() not in seed.dump("nquads")
    assert secret not in repr(RemoteEndpoint(f"{url}/q", user="alice", password=secret))


def test_credentials_reach_the_server_but_not_the_data(seed, server, capsys):
    secret = "t0ken-XYZ-123"
    code, out, err = run_cli(capsys, ["push", *server.args(), "--token", secret,
                                      "--store", str(seed.root)])  # fmt: skip
    assert code == 0, err
    assert secret not in out + err
    remote = httpx.get(f"{server.base}/store", headers={"Accept": "application/n-quads"})
    assert secret.encode() not in remote.content
    assert secret.encode() not in seed.dump("nquads")


@pytest.mark.slow
def test_transient_503_is_retried_a_bounded_number_of_times(canned, capsys):
    handler, url = canned
    handler.script = [503, 502]
    ep = RemoteEndpoint(f"{url}/query", backoff=0.01, union=True)
    assert ep.select("SELECT ?x WHERE { ?x ?p ?o }").rows == []  # third attempt succeeds
    assert len(handler.seen) == 3
    handler.seen.clear()
    handler.script = [503] * 20
    code, _, err = run_cli(capsys, ["query", "SELECT * WHERE { ?s ?p ?o }", "--endpoint",
                                    f"{url}/query"])  # fmt: skip
    assert code == 1 and "503" in err and "after retries" in err
    assert len(handler.seen) == 4  # 1 + 3 retries, then a clear stop


def test_timeout(canned, capsys):
    handler, url = canned
    handler.delay = 3.0
    code, _, err = run_cli(capsys, ["query", "SELECT * WHERE { ?s ?p ?o }", "--endpoint",
                                    f"{url}/query", "--timeout", "1"])  # fmt: skip
    assert code == 1 and "no answer within 1 s" in err and f"{url}/query" in err


def test_staging_graphs_are_not_queried(seed, server):
    ep = server.endpoint()
    push(seed, ep)
    ep.update(f"INSERT DATA {{ GRAPH <{STAGING_NS}x> {{ <urn:a> <urn:b> <urn:c> }} }}")
    fresh = server.endpoint()
    result = fresh.select("SELECT ?s WHERE { ?s <urn:b> ?o }")
    assert result.rows == []
    assert fresh._dataset and STAGING_NS + "x" not in fresh._dataset["default-graph-uri"]


def test_a_kept_copy_is_sent_only_while_it_still_matches_its_hash(tmp_path):
    """A second push reads a graph from the copy the first kept (STORE/push/sent/), not
    from the store; a copy whose bytes no longer give its hash is not sent, the store is
    read instead (the counts alone would not tell: the false copy has as many triples)."""
    graph = GRAPH_NS + "article/kept"
    store = synthetic_store(tmp_path / "store", {graph: 1_500})
    first = OxigraphServer(tmp_path / "first").start()
    try:
        push(store, first.endpoint())
    finally:
        first.kill()
    copies = list((tmp_path / "store" / "push" / "sent").glob("*.nt.gz"))
    assert len(copies) == 1
    false = gzip.decompress(copies[0].read_bytes()).replace(b'"', b'"false ', 1)
    copies[0].write_bytes(gzip.compress(false))
    second = OxigraphServer(tmp_path / "second").start()
    try:
        ep = second.endpoint()
        push(store, ep)
        assert ep.graph_counts() == {graph: 1_500}
        found = ep._query(f'ASK {{ GRAPH <{graph}> {{ ?s ?p ?o FILTER(STRSTARTS(STR(?o), '
                          '"false")) } }', dataset=False)  # fmt: skip
        assert found.boolean is False
    finally:
        second.kill()
