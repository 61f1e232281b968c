"""Post titles in one spelling and their class in the ontology.

News writes "Defense Minister", "minister of defence" and "defence secretary" for one
post; the graph needs one post node per (title, state), and questions need the class
(bloc:DefenceMinister) whatever the spelling. Titles not in the table stay free text
(an institute's director) under the plain bloc:Post class.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources


@cache
def _table() -> dict[str, tuple[str, str]]:
    text = resources.files("graph_builder.core").joinpath("data/posts.csv").read_text("utf-8")
    table: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(text.splitlines()):
        for alias in row["aliases"].split(";"):
            table[_norm(alias)] = (row["title"], row["class"])
    return table


def _norm(title: str) -> str:
    title = title.lower().replace("-", " ").replace("’", "'")
    return re.sub(r"\s+", " ", title).strip(" .,")


def post_class(title: str) -> tuple[str, str]:
    """(canonical title, ontology class local name) of a post title."""
    key = _norm(title)
    return _table().get(key, (key, "Post"))


def known_titles() -> list[str]:
    """Every spelling the table knows, longest first (for matching in text and questions)."""
    return sorted(_table(), key=len, reverse=True)


def normalise_post(title: str) -> str:
    return post_class(title)[0]
