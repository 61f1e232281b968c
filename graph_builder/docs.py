"""`make docs`: the ontology as a human-readable HTML page (pyLODE's OntPub profile).

Kept out of the package's import path (pyLODE is the optional `docs` extra), so that
blocgraph itself never needs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph_builder.core.resources import ontology_file


def render(out_dir: Path) -> Path:
    from pylode import OntPub

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    OntPub(ontology=str(ontology_file())).make_html(destination=str(target))
    return target


if __name__ == "__main__":
    print(f"wrote {render(Path(sys.argv[1] if len(sys.argv) > 1 else 'docs/ontology'))}")
