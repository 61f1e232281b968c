"""One line, never a traceback: the remaining cases of issue 16.

`query` with SERVICE gave a ConnectionRefusedError traceback (the CLI now refuses SERVICE
as the server does, unless --allow-service); Ctrl-C while `build` was still importing gave
a KeyboardInterrupt traceback; skip lines named the file twice; control characters in
curated names and titles were accepted and printed raw by `query`/`ask`; a push
interrupted with Ctrl-C said "the store is unchanged" with graphs already on the server;
`--endpoint http://user:pass@host/...` failed with a DNS message (`query`) or was ignored
(`push`); HTTP 400 bodies were shown as b'...' bytes; `extract DIR` refused folders
`build` accepts; `plot out/noext` reported a path it did not write (matplotlib added .png).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import CLI, ROOT, SEED_FACTS, free_port, run_cli

import graph_builder as bg
from graph_builder.cli import main
from graph_builder.core.errors import BlocgraphError, QueryError
from graph_builder.query.remote import RemoteEndpoint, _body_text

SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:%d/sparql> { ?s ?p ?o } }"


# -- query and SERVICE ---------------------------------------------------------------------

def test_query_refuses_service_by_default(seed_store: Path) -> None:
    result = run_cli("query", SERVICE % free_port(), "--store", seed_store)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "--allow-service" in result.stderr
    with pytest.raises(QueryError, match="SERVICE"):
        bg.open(seed_store).query(SERVICE % free_port())


def test_query_allow_service_fails_in_one_line(seed_store: Path) -> None:
    result = run_cli("query", SERVICE % free_port(), "--allow-service", "--store", seed_store)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert "SERVICE: the federated query failed" in result.stderr


def test_the_word_service_elsewhere_is_no_service_clause(seed_store: Path) -> None:
    text = 'SELECT ?s WHERE { ?s <http://example.org/SERVICE> "SERVICE" }'
    assert run_cli("query", text, "--store", seed_store).returncode == 0


# -- Ctrl-C while importing ------------------------------------------------------------------

def test_ctrl_c_while_build_imports_is_one_line(tmp_path: Path) -> None:
    """A sitecustomize on PYTHONPATH holds the import of the build command's module for a
    while, and says so in a file: the interrupt then lands among the imports, every time."""
    marker = tmp_path / "importing"
    (tmp_path / "sitecustomize.py").write_text(f"""
import sys, time
class Hold:
    def find_spec(self, name, path=None, target=None):
        if name == "graph_builder.cli.graph":
            open({str(marker)!r}, "w").close()
            time.sleep(5)
        return None
sys.meta_path.insert(0, Hold())
""")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    process = subprocess.Popen([*CLI, "build", "--store", str(tmp_path / "s")], cwd=ROOT,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), process.communicate()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert err == "blocgraph build: interrupted while starting; nothing was done\n", err
    assert not (tmp_path / "s").exists()


def test_the_library_keeps_pythons_ctrl_c() -> None:
    code = ("import signal, graph_builder; "
            "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr


# -- skip lines --------------------------------------------------------------------------------

def test_skip_lines_name_the_file_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    result = run_cli("build", folder, "--store", tmp_path / "s", "-q")
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(lines) == 2, result.stderr
    for line in lines:
        path = line.split(" ", 1)[1].split(": ", 1)[0]
        assert line.count(path) == 1, line


# -- control characters ---------------------------------------------------------------------

@pytest.mark.parametrize(("field", "char"), [("posts.0.person", "\x1b"), ("title", "\x07"),
                                             ("chairmanships.0.chair", "\x00")])
def test_control_characters_in_curated_facts_are_refused(tmp_path: Path, field: str,
                                                         char: str) -> None:
    data = json.loads(SEED_FACTS.read_text("utf-8"))
    *parents, last = field.split(".")
    holder = data
    for part in parents:
        holder = holder[int(part)] if part.isdigit() else holder[part]
    holder[last] = f"Kazakh{char}stan"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), "utf-8")
    result = run_cli("build", path, "--store", tmp_path / "s", "--no-extract")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    shown = field.replace(".0.", "[0].")
    assert f"{path}: {shown}: control character U+{ord(char):04X}" in result.stderr
    assert char not in result.stderr


def test_line_breaks_in_evidence_text_are_kept(tmp_path: Path) -> None:
    data = json.loads(SEED_FACTS.read_text("utf-8"))
    data["chairmanships"][0]["evidence"]["text"] = "Kazakhstan\n\tassumes the chair"
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(data), "utf-8")
    result = run_cli("build", path, "--store", tmp_path / "s", "--no-extract", "-q")
    assert result.returncode == 0, result.stderr


def test_query_escapes_control_characters(seed_store: Path) -> None:
    text = 'SELECT ?x WHERE { VALUES ?x { "red\\u001B[31m bell\\u0007 nul\\u0000" } }'
    for fmt in ("table", "csv", "tsv"):
        out = run_cli("query", text, "--format", fmt, "--store", seed_store).stdout
        assert "\x1b" not in out and "\x07" not in out and "\x00" not in out, fmt
        shown = ("red\\u001B[31m bell\\u0007 nul\\u0000" if fmt == "tsv"  # N-Triples form
                 else "red\\x1b[31m bell\\x07 nul\\x00")
        assert shown in out, out
    assert "\\u001b" in run_cli("query", text, "--format", "json", "--store",
                                seed_store).stdout


def test_ask_escapes_control_characters(seed_store: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    class Answer:
        def to_text(self, show_sparql: bool = False) -> str:
            return "Imangali\x1b[2J Tasmagambetov\x07"

    monkeypatch.setattr(bg.Blocgraph, "ask", lambda self, q, **kw: Answer())
    assert main(["ask", "Who is the secretary general of the CSTO?", "--store",
                 str(seed_store)]) == 0
    out = capsys.readouterr().out
    assert out == "Imangali\\x1b[2J Tasmagambetov\\x07\n"


# -- push interrupted, credentials in the URL, 400 bodies ------------------------------------

def test_push_interrupted_says_what_was_pushed(data_store: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from helpers.oxigraph import OXIGRAPH, OxigraphServer

    if not OXIGRAPH:
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    server = OxigraphServer(tmp_path / "ox").start()
    try:
        put = RemoteEndpoint.put_graph
        calls = []

        def put_then_interrupt(self: RemoteEndpoint, graph: str, body: object) -> int:
            if len(calls) == 2:
                raise KeyboardInterrupt
            calls.append(graph)
            return put(self, graph, body)  # type: ignore[arg-type]

        monkeypatch.setattr(RemoteEndpoint, "put_graph", put_then_interrupt)
        args = ["push", "--store", str(data_store), "--endpoint", f"{server.base}/query",
                "--graph-store", f"{server.base}/store", "-q"]
        assert main(args) == 130
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "the store is unchanged;" not in err
        assert "interrupted; 2 of " in err and "changed graph(s) were pushed" in err
        assert "run the same push again to finish" in err
        monkeypatch.setattr(RemoteEndpoint, "put_graph", put)
        assert main(args) == 0  # the second push finishes; its counts are checked
        store = bg.open(data_store).store
        remote = RemoteEndpoint(f"{server.base}/query").graph_counts()
        assert {g: store.count(g) for g in store.named_graphs()}.items() <= remote.items()
    finally:
        server.kill()


def test_credentials_in_the_url_go_to_the_header_and_never_print() -> None:
    ep = RemoteEndpoint("http://alice:s3cr%40t@graph.example:7878/query",
                        update_url="http://alice:s3cr%40t@graph.example:7878/update")
    assert (ep.user, ep.password) == ("alice", "s3cr@t")
    assert ep.query_url == "http://graph.example:7878/query"
    assert ep.update_url == "http://graph.example:7878/update"
    assert "s3cr" not in repr(ep)
    assert RemoteEndpoint("http://[::1]:7878/query").query_url == "http://[::1]:7878/query"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"query_url": "http://alice@h/query"}, "without a password"),
    ({"query_url": "http://a:b@h/query", "update_url": "http://c:d@h/update"},
     "different credentials"),
    ({"query_url": "http://a:b@h/query", "token": "t"}, "--token is given too"),
    ({"query_url": "http://a:b@h/query", "user": "x", "password": "y"}, "other than"),
])
def test_credentials_in_the_url_refused_when_unclear(kwargs: dict, message: str) -> None:
    with pytest.raises(BlocgraphError, match=message) as caught:
        RemoteEndpoint(**kwargs)
    assert ":b@" not in str(caught.value) and "y" not in str(caught.value).split(":")[-1][:0]


def test_query_sends_url_credentials_as_basic_auth(seed_store: Path) -> None:
    """The query of a URL with credentials reaches the server (no DNS lookup of 'user:pass@
    host') with an Authorization header, and no message shows the password."""
    import base64
    import http.server
    import threading

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.headers.get("Authorization", ""))
            body = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://alice:pw0rd@127.0.0.1:{httpd.server_address[1]}/query"
        result = run_cli("query", "SELECT ?x WHERE { ?x ?p ?o }", "--endpoint", url)
        assert result.returncode == 0, result.stderr
        assert "pw0rd" not in result.stdout + result.stderr
        expected = "Basic " + base64.b64encode(b"alice:pw0rd").decode()
        assert seen and all(a == expected for a in seen), seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_400_body_is_shown_as_the_servers_text() -> None:
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    ep = RemoteEndpoint("http://127.0.0.1:1/query")
    body = "Parser error: unexpected “SELEC” at 1:1\n".encode()
    message = str(ep._query_fault(QueryBadFormed(body)))
    assert "b'" not in message and "\\x" not in message
    assert "HTTP 400): Parser error: unexpected “SELEC” at 1:1" in message
    assert _body_text(QueryBadFormed(b"plain")) == "plain"


# -- extract DIR, plot out/noext -----------------------------------------------------------

def test_extract_accepts_a_folder_as_build_does(tmp_path: Path) -> None:
    result = run_cli("extract", ROOT / "data", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["article"] == "000_eab27d500f391317.txt"
    empty = tmp_path / "nothing"
    empty.mkdir()
    none = run_cli("extract", empty)
    assert none.returncode == 2 and "no article (.txt, .md, .html) in this folder" in none.stderr


def test_plot_reports_the_path_it_wrote(seed_store: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "noext"
    result = run_cli("plot", out, "--store", seed_store)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    assert out.is_file() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (tmp_path / "noext.png").exists()
