"""A store the build cannot write into is one line, never a traceback (issue 16).

"A read-only store or a store under a read-only parent: PermissionError traceback." The
parent case had a test that skipped as root (permission bits do not stop root), and the
read-only store itself still failed with pyoxigraph's OSError traceback when RocksDB made
its work folder. Here root is stopped with the immutable attribute (chattr +i), which
binds root too; anyone else with the permission bits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpers import SEED_FACTS, missing, run_cli


@contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """FOLDER with no entry to be made in it, for root as for anyone, while inside."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)],
                                        capture_output=True).returncode != 0:
        missing(f"running as root and 'chattr +i {folder}' is not possible here")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def _refused(done: subprocess.CompletedProcess, store: Path) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"store {store}: cannot write" in lines[0], lines


def test_a_store_under_a_read_only_parent_is_one_line(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    with unwritable(parent):
        done = run_cli("build", SEED_FACTS, "--store", parent / "store")
    _refused(done, parent / "store")
    assert not (parent / "store").exists()


def test_a_read_only_store_is_one_line_and_keeps_its_graph(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("build", SEED_FACTS, "--store", store).returncode == 0
    before = os.readlink(store / "current")
    with unwritable(store):
        for extra in ([], ["--rebuild"]):
            _refused(run_cli("build", SEED_FACTS, "--store", store, *extra), store)
        chairs = run_cli("query", "chairs", "--store", store, "--format", "csv")
    assert os.readlink(store / "current") == before
    assert chairs.returncode == 0 and "Kazakhstan" in chairs.stdout  # still read, unchanged
