"""`blocgraph serve` refuses impossible options in one line, exit 2, no traceback (issue 16).

`--port 99999` or `-1` printed about 100 lines of OverflowError; a port in use gave uvicorn's
message and exit 3; `--timeout 0`, `--max-body -1`, `--max-rows -5`, `--workers 0` were
accepted; `--token` without `--allow-update` was silently ignored.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from helpers import free_port, run_cli

CASES = {
    "port 99999": (["--port", "99999"], "--port 99999: give a port from 1 to 65535"),
    "port -1": (["--port", "-1"], "--port -1: give a port"),
    "timeout 0": (["--timeout", "0"], "--timeout 0: give a number of seconds above 0"),
    "max-body -1": (["--max-body", "-1"], "--max-body -1: give a whole number of 1 or more"),
    "max-rows -5": (["--max-rows", "-5"], "--max-rows -5: give a whole number"),
    "workers 0": (["--workers", "0"], "--workers 0: give a whole number of 1 or more"),
    "lone token": (["--token", "t0ken"], "only --allow-update turns on"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_impossible_option_is_one_line(seed_store: Path, case: str) -> None:
    options, message = CASES[case]
    if "--port" not in options:
        options = [*options, "--port", str(free_port())]
    result = run_cli("serve", "--store", seed_store, *options, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in result.stderr
    assert "t0ken" not in result.stderr


def test_a_port_in_use_is_one_line(seed_store: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--store", seed_store, "--port", str(port), timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"--port {port}: cannot listen on 127.0.0.1:{port}" in result.stderr
