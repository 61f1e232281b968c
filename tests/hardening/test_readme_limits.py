"""The README's table of service limits, checked figure by figure (issue 16, "Done when").

Each row of the table states a limit, its default and what a client gets past it. Here
the defaults are read back from the command line's own parser, the answers are measured
on a real `blocgraph serve` with small limits, and the figures nobody sets (uvicorn's
keep-alive, the worker count) are measured on the default server. A row added to the
table without a check here fails `test_every_row_of_the_limits_table_is_checked`.
"""

from __future__ import annotations

import os
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from helpers import ROOT, RUNAWAY, TIMED, Server, read_until_closed, serve

from graph_builder.cli import ORDER
from graph_builder.cli.common import parser
from graph_builder.serve.transport import MAX_HEAD

# servers in subprocesses, and answers and a keep-alive measured in seconds
pytestmark = [pytest.mark.slow, TIMED]

ROWS = ("--timeout", "--max-body", "--max-rows", "--client-timeout", "--workers",
        "keep-alive idle", "request head")


def limits_table() -> dict[str, tuple[str, str]]:
    """Row name -> (default, answer), from the README's table under 'Limits'."""
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index("| limit | default | answer |")
    rows: dict[str, tuple[str, str]] = {}
    for line in text[start:].splitlines()[2:]:
        line = line.strip()
        if not line.startswith("|"):
            break
        limit, default, answer = (cell.strip() for cell in line.strip("|").split("|"))
        name = re.sub(r"\s*\(.*", "", limit).strip("` ")
        rows[name] = (default, answer)
    return rows


def _serve_defaults() -> dict[str, object]:
    serve_parser = parser(ORDER)._subparsers._group_actions[0].choices["serve"]  # type: ignore[union-attr]
    return {a.option_strings[0]: a.default for a in serve_parser._actions if a.option_strings}


def _number(text: str) -> float:
    return float(re.match(r"[\d,.]+", text).group().replace(",", ""))  # type: ignore[union-attr]


def _port(server: Server) -> int:
    return int(server.url.rstrip("/").rsplit(":", 1)[1])


def _raw(port: int, request: bytes, wait: float) -> tuple[bytes, float]:
    """Send REQUEST, read until the server closes; what came and after how many seconds."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        began = time.monotonic()
        sock.sendall(request)
        out = read_until_closed(sock)
        return out, time.monotonic() - began


def test_every_row_of_the_limits_table_is_checked() -> None:
    assert tuple(limits_table()) == ROWS


def test_the_tables_defaults_are_the_command_lines() -> None:
    table, defaults = limits_table(), _serve_defaults()
    for option in ("--timeout", "--max-body", "--max-rows", "--client-timeout"):
        assert _number(table[option][0]) == defaults[option], option
    assert table["--client-timeout"][0].endswith("each")  # the head, then the body
    assert defaults["--workers"] is None and "at least 2" in table["--workers"][0]
    assert _number(table["request head"][0]) == MAX_HEAD


# -- the answers, on a server with small limits --------------------------------------------
SMALL = {"--timeout": "1", "--max-body": "2000", "--max-rows": "3", "--client-timeout": "2",
         "--workers": "2"}


@pytest.fixture(scope="module")
def small(data_store: Path) -> Iterator[Server]:
    with serve(data_store, *(x for kv in SMALL.items() for x in kv)) as server:
        yield server


def test_past_the_timeout_is_503_and_the_worker_is_replaced(small: Server) -> None:
    assert limits_table()["--timeout"][1].startswith("503")
    began = time.monotonic()
    r = httpx.post(small.sparql, data={"query": RUNAWAY}, timeout=60)
    assert r.status_code == 503 and "time limit" in r.text
    assert time.monotonic() - began < 1 + 8
    deadline = time.monotonic() + 30
    while httpx.get(small.url + "health").json()["workers"] < 2:
        assert time.monotonic() < deadline, "the killed worker was not replaced"
        time.sleep(0.2)
    assert httpx.get(small.sparql, params={"query": "ASK {}"}).status_code == 200


def test_past_the_body_cap_is_413(small: Server) -> None:
    assert limits_table()["--max-body"][1].startswith("413")
    r = httpx.post(small.sparql, content=b"#" * 3000,
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and "larger than 2000 bytes" in r.text
    ok = httpx.post(small.sparql, content=b"ASK {}" + b" " * 1900,
                    headers={"Content-Type": "application/sparql-query"})
    assert ok.status_code == 200


def test_past_the_row_cap_are_the_first_rows_flagged(small: Server) -> None:
    answer = limits_table()["--max-rows"][1]
    assert "X-Blocgraph-Truncated" in answer and '"truncated": true' in answer
    r = httpx.get(small.sparql, params={"query": "SELECT * { ?s ?p ?o }"},
                  headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.headers["X-Blocgraph-Truncated"] == "true"
    body = r.json()
    assert body["truncated"] is True and len(body["results"]["bindings"]) == 3


def test_a_head_past_the_client_timeout_is_408_and_closed(small: Server) -> None:
    assert limits_table()["--client-timeout"][1].startswith("408")
    out, took = _raw(_port(small), b"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n", 15)
    assert out.startswith(b"HTTP/1.1 408") and 2 <= took < 2 + 4, (out[:60], took)


def test_a_head_past_the_limit_is_431_and_closed(small: Server) -> None:
    assert limits_table()["request head"][1].startswith("431")
    pad = b"X-Pad: " + b"a" * (MAX_HEAD + 100) + b"\r\n"
    out, _ = _raw(_port(small), b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + pad + b"\r\n",
                  15)
    assert out.startswith(b"HTTP/1.1 431")


# -- what nobody sets, on the default server -----------------------------------------------
def test_the_default_workers_are_the_cpus_at_least_2(data_server: Server) -> None:
    assert "the CPUs" in limits_table()["--workers"][0]
    workers = httpx.get(data_server.url + "health").json()["workers"]
    assert workers == max(2, os.cpu_count() or 2)


def test_an_idle_keep_alive_connection_is_closed_after_5_s(data_server: Server) -> None:
    stated = _number(limits_table()["keep-alive idle"][0])
    request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    out, took = _raw(_port(data_server), request, 30)
    assert out.startswith(b"HTTP/1.1 200") and b"connection: close" not in out.lower()
    assert stated - 0.5 <= took < stated + 2, took  # answered at once, then closed when idle
