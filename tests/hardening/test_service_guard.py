"""The service under a careless or hostile client (issue 16, the service).

HEAD /sparql answered 415 while Allow listed HEAD; a 117 KB request line and 100 KB of
headers were accepted though the README said 16 KB; any Host header was answered and
echoed into the service description (DNS rebinding reaches a loopback server from a web
page); pages had no Content-Security-Policy, nosniff or frame options; /export.gexf gave
the states view while `blocgraph export gexf` gives the full one.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import Server, read_until_closed, run_cli, serve

from graph_builder.core.vocab import DEFAULT_VIEW
from graph_builder.serve.app import MAX_HEAD, bound_names, security_headers

ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(data_server: Server) -> Server:
    return data_server


def _raw(server: Server, request: bytes, *, pieces: int = 1) -> bytes:
    """Send REQUEST over a plain socket (in PIECES writes) and read until the server closes
    or 2 s of silence."""
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        step = max(1, len(request) // pieces)
        try:
            for start in range(0, len(request), step):
                s.sendall(request[start:start + step])
        except (BrokenPipeError, ConnectionResetError):
            pass
        s.settimeout(2)
        return read_until_closed(s)


def test_head_sparql_is_get_without_a_body(server: Server) -> None:
    get = httpx.get(server.sparql, params={"query": ASK},
                    headers={"Accept": "application/sparql-results+json"})
    head = httpx.head(server.sparql, params={"query": ASK},
                      headers={"Accept": "application/sparql-results+json"})
    assert head.status_code == 200 == get.status_code
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    description = httpx.head(server.sparql)  # the service description, as GET gives it
    assert description.status_code == 200 and description.content == b""


@pytest.mark.parametrize("where", ["request line", "headers", "trickled headers"])
def test_request_head_past_the_limit_is_431(server: Server, where: str) -> None:
    pad = "x" * (MAX_HEAD + 100)
    if where == "request line":
        request = f"GET /sparql?query={pad} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    else:
        request = f"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: {pad}\r\n\r\n"
    answer = _raw(server, request.encode(), pieces=20 if where.startswith("trickled") else 1)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert f"larger than {MAX_HEAD} bytes".encode() in answer


def test_request_head_within_the_limit_is_served(server: Server) -> None:
    pad = "x" * (MAX_HEAD - 200)
    answer = _raw(server, f"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: {pad}\r\n"
                          "Connection: close\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]


def test_readme_states_the_enforced_head_limit() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert f"| request head (request line and headers) | {MAX_HEAD:,} bytes | 431" in readme


@pytest.mark.parametrize("host", ["evil.example", "evil.example:7700", "127.0.0.1.nip.io"])
def test_a_foreign_host_header_is_refused(server: Server, host: str) -> None:
    r = httpx.get(server.sparql, headers={"Host": host})
    assert r.status_code == 421, r.text
    assert "--allow-host" in r.text
    assert "evil" not in httpx.get(server.sparql).text


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST:1", "[::1]:7700"])
def test_the_bound_names_are_answered(server: Server, host: str) -> None:
    assert httpx.get(server.url + "health", headers={"Host": host}).status_code == 200


def test_bound_names() -> None:
    assert {"127.0.0.1", "localhost", "::1"} <= bound_names("127.0.0.1")
    assert bound_names("192.0.2.7") == {"192.0.2.7"}


@pytest.fixture(scope="module")
def allowing(data_store: Path) -> Iterator[Server]:
    with serve(data_store, "--allow-host", "graph.example.org") as s:
        yield s


def test_allow_host_adds_a_name(allowing: Server) -> None:
    r = httpx.get(allowing.sparql, headers={"Host": "graph.example.org:8080",
                                            "Accept": "text/turtle"})
    assert r.status_code == 200 and "http://graph.example.org:8080/sparql" in r.text
    assert httpx.get(allowing.sparql, headers={"Host": "evil.example"}).status_code == 421


def test_allow_host_is_in_the_help() -> None:
    assert "--allow-host" in run_cli("serve", "--help").stdout


@pytest.mark.parametrize("path", ["", "basic", "id/state/kazakhstan", "sparql", "health",
                                  "static/app.js", "nowhere"])
def test_every_response_carries_the_security_headers(server: Server, path: str) -> None:
    r = httpx.get(server.url + path)
    for name, value in security_headers().items():
        assert r.headers.get(name) == value, (path, name)
    csp = r.headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp and r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"


def test_one_default_view_for_gexf(server: Server, tmp_path: Path, data_store: Path) -> None:
    r = httpx.get(server.url + "export.gexf", timeout=60)
    assert r.status_code == 200
    assert f'blocgraph-{DEFAULT_VIEW}.gexf' in r.headers["content-disposition"]
    out = tmp_path / "cli.gexf"
    result = run_cli("export", "gexf", out, "--store", data_store)
    assert result.returncode == 0, result.stderr
    served = httpx.get(server.url + f"export.gexf?view={DEFAULT_VIEW}", timeout=60).text
    # the same nodes either way: the CLI's default view is the server's
    import re

    ids = lambda text: sorted(re.findall(r'<node id="([^"]+)"', text))  # noqa: E731
    assert ids(r.text) == ids(served) == ids(out.read_text())
    assert f"default: {DEFAULT_VIEW}" in run_cli("export", "--help").stdout
