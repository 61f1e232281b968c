"""Where the ontology, shapes and named queries live, installed or in a checkout.

They are files (`.ttl`, `.rq`, `.json`) at the top of the repository; the wheel carries
them under `graph_builder/_resources/`, so both places are looked up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
# The store folder when none is named (the CLI's --store, open()'s first argument).
DEFAULT_STORE = Path(".blocgraph")


@cache
def resource_dir(name: str) -> Path:
    """The folder `ontology` or `queries`, from the installed wheel or the source tree."""
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"blocgraph resource folder '{name}' is missing from the installation")


def ontology_file(name: str = "blocgraph.ttl") -> Path:
    return resource_dir("ontology") / name


def queries_dir() -> Path:
    return resource_dir("queries")
