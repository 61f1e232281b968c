"""The package face: what it costs to import, and that the CLI goes through it alone."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import graph_builder as bg

CLI = Path(bg.__file__).parent / "cli"
HEAVY = ("owlrl", "rdflib", "jsonschema", "tqdm")


def test_serve_workers_import_no_heavy_module() -> None:
    # serve workers import the named queries; each of these cost 0.35-0.48 s before
    code = (
        "import sys, json, graph_builder.query.named, graph_builder.serve.worker\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout) == []


def test_cli_imports_only_the_face_and_the_errors() -> None:
    # the face, the error types, and the start-up Ctrl-C handler (a leaf module of signal
    # handling the face itself installs before anything else is imported)
    allowed = {"graph_builder", "graph_builder.core.errors", "graph_builder.core.interrupt"}
    for path in CLI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                name = node.module
            elif isinstance(node, ast.Import):
                name = node.names[0].name
            else:
                continue
            if name.startswith("graph_builder"):
                assert name in allowed or name.startswith("graph_builder.cli"), (path.name, name)


def test_one_target_for_every_method(tmp_path: Path) -> None:
    local = bg.open(tmp_path / "store")
    assert local.target is local.store
    remote = bg.open(tmp_path / "store", endpoint="http://127.0.0.1:9/query")
    assert remote.target is remote.endpoint
    assert remote.endpoint.query_url == "http://127.0.0.1:9/query"


def test_error_kinds(tmp_path: Path) -> None:
    graph = bg.open(tmp_path / "nothing")
    with pytest.raises(bg.NotBuiltError):
        graph.query("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(bg.NotBuiltError):
        graph.stats()
    assert issubclass(bg.RemoteError, bg.BlocgraphError)
    assert bg.RemoteError("x").exit_code == 1 and bg.QueryError("x").exit_code == 2
