"""A store folder is blocgraph's alone: a build never deletes or writes a user's files.

Issue 16, point 3: `build --store DIR` deleted every `gen-*` entry in DIR, and `--store ""`
made the current folder (a repository root) the store.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import run_cli

from graph_builder.core.errors import BlocgraphError
from graph_builder.graph.store import MARKER, Store, is_store

Q = ox.Quad(ox.NamedNode("urn:t:s"), ox.NamedNode("urn:t:p"), ox.Literal("o"),
            ox.NamedNode("urn:t:g"))


def write(root: Path | str) -> Store:
    store = Store(root)
    with store.transaction() as (db, _meta):
        db.add(Q)
    return store


def test_a_folder_of_other_files_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "gen-notes.txt").write_text("mine")
    (tmp_path / "gen-2024").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(BlocgraphError, match="not a blocgraph store"):
        write(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_or_new_folder_becomes_a_marked_store(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for root in (tmp_path / "new", tmp_path / "empty"):
        write(root)
        assert (root / MARKER).is_file() and is_store(root)


def test_a_store_deletes_only_the_generations_it_made(tmp_path: Path) -> None:
    write(tmp_path)
    # a file of the user's put into the store folder afterwards, with a gen- name
    (tmp_path / "gen-notes.txt").write_text("mine")
    (tmp_path / "gen-backup").mkdir()
    for _ in range(3):
        write(tmp_path)
    assert (tmp_path / "gen-notes.txt").read_text() == "mine"
    assert (tmp_path / "gen-backup").is_dir()
    assert len([p for p in tmp_path.glob("gen-*[0-9]") if p.is_dir()]) == 2


def test_a_store_built_before_the_marker_is_still_a_store(tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / MARKER).unlink()
    assert is_store(tmp_path)
    write(tmp_path)
    assert (tmp_path / MARKER).is_file()


def test_an_empty_store_path_is_refused() -> None:
    with pytest.raises(BlocgraphError, match="--store: empty path"):
        Store("")


def test_cli_refuses_an_empty_store_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    result = run_cli("build", str(data), "--store", "")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "--store: empty path" in result.stderr


def test_cli_refuses_a_repository_like_folder(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("my project")
    facts = tmp_path / "f.json"
    facts.write_text('{"article": "a.txt"}')
    result = run_cli("build", str(facts), "--no-extract", "--store", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert "not a blocgraph store" in result.stderr and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "f.json"]


def test_a_read_only_store_parent_is_one_line(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        if os.geteuid() == 0:
            pytest.skip("running as root: folder permissions are not enforced")
        with pytest.raises(BlocgraphError, match="cannot write"):
            write(parent / "store")
    finally:
        parent.chmod(0o700)
