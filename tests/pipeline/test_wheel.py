"""The built wheel carries the ontology, shapes and queries: install it outside the checkout.

A fresh virtual environment in a temporary folder, the wheel installed into it (its
dependencies from the package index, as a user would), then `blocgraph build` and
`blocgraph query chairs` run from a folder that holds nothing of the repository.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel and installs it with its dependencies
ROOT = Path(__file__).resolve().parents[2]


def _run(*cmd: str | Path, cwd: Path | None = None, timeout: float = 300,
         check: bool = False) -> subprocess.CompletedProcess[str]:
    """CMD with its output captured as text, from CWD; with CHECK a failure shows stderr."""
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)
    assert not check or done.returncode == 0, done.stderr
    return done


def test_wheel_installs_and_runs_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", dist, ROOT, timeout=600,
         check=True)
    wheel = next(dist.glob("blocgraph-*.whl"))
    env_dir = tmp_path / "venv"
    # The environment gets no pip of its own (ensurepip: ~10 s); this pip installs into it
    # (`--python`), the wheel's dependencies from the package index as for a user, without
    # compiling every module ahead (what the runs below import is compiled as they import it).
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile",
         wheel, timeout=900, check=True)
    work = tmp_path / "work"
    (work / "data" / "articles").mkdir(parents=True)
    for name in ("000_eab27d500f391317.txt",):
        shutil.copy(ROOT / "data" / "articles" / name, work / "data" / "articles" / name)
    blocgraph = env_dir / "bin" / "blocgraph"
    built = _run(blocgraph, "build", cwd=work, timeout=600)
    assert built.returncode == 0, built.stderr
    chairs = _run(blocgraph, "query", "chairs", "--format", "csv", cwd=work)
    assert chairs.returncode == 0, chairs.stderr
    assert "Kazakhstan" in chairs.stdout and "Belarus" in chairs.stdout
    listed = _run(python, "-m", "graph_builder", "query", "--list", cwd=work)
    assert "succession" in listed.stdout
    installed = _run(python, "-c", "import graph_builder, pathlib; print(graph_builder.__file__)",
                     cwd=work).stdout
    assert str(ROOT) not in installed  # really the wheel, not the checkout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    demo = _run(blocgraph, "demo", cwd=elsewhere, timeout=600)
    assert demo.returncode == 0, demo.stderr
    assert "Kazakhstan" in demo.stdout  # the shipped seed, read from the wheel's own data/
