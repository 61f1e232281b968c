"""Phrase lists of `lexicon/` as regular expressions: the trigger words are data, not code.

A list file holds one regular-expression fragment a line ("call(?:ed|s|ing)?\\s+for"), '#'
starting a comment; `words(name)` is the alternation of its lines matched as whole words,
case-insensitively. The rule modules keep their patterns' shapes; which words trigger them
lives beside the code, where a reader can extend a list without touching a rule.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def text(name: str) -> str:
    """The whole of lexicon/NAME."""
    return resources.files("graph_builder.extract").joinpath(f"lexicon/{name}").read_text("utf-8")


def lines(name: str, before: str | None = None) -> list[str]:
    """The fragments of lexicon/NAME (only those above the line `before`, when given)."""
    body = text(name)
    if before is not None:
        body = body.split("\n" + before, 1)[0]
    stripped = (line.split("#", 1)[0].strip() for line in body.splitlines())
    return [line for line in stripped if line]


def alternation(fragments: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of FRAGMENTS as whole words, longest
    first (so "is set to" wins over "set")."""
    ordered = sorted(fragments, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(ordered) + r")\b", re.IGNORECASE)


@cache
def words(name: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any line of lexicon/NAME as whole words."""
    return alternation(lines(name))
