"""The committed ontology page is what `make docs` makes from today's ontology, quietly.

docs/ontology/index.html is rendered by pyLODE from ontology/blocgraph.ttl; a change of the
ontology without `make docs` leaves the page describing another ontology. pyLODE also sets
the root logger to DEBUG on import, which flooded `make docs` with DEBUG lines: the page is
rendered here in a fresh interpreter, as `make docs` does, and its output read.
"""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

from helpers import ROOT, missing


def test_the_committed_ontology_page_is_current_and_made_without_debug_lines(
        tmp_path: Path) -> None:
    if find_spec("pylode") is None:
        missing("pyLODE is not installed (the [test] extra brings it: make test)")
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from graph_builder.docs import render; render(Path(sys.argv[1]))", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "DEBUG" not in done.stdout + done.stderr
    from graph_builder.docs import same_html

    made = tmp_path / "index.html"
    assert same_html(made, ROOT / "docs" / "ontology" / "index.html"), (
        "docs/ontology/index.html describes another ontology: run make docs")
