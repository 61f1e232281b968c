"""SPARQL text as tokens: find a keyword without mistaking a string or an IRI for it.

The check works on tokens, not on substrings, so `SERVICE` inside a string literal, an
IRI, a comment, a variable name or a prefixed name is not mistaken for the keyword,
while a real clause always is. The store's dataset rule (does a query name its own
FROM?) and the server's guard (SERVICE, LOAD, USING) read queries the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7-\uffff]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>(?:[A-Za-z_\u00c0-\uffff][\w.\-\u00b7-\uffff]*)?:[\w.\-:%\\\u00b7-\uffff]*
      |[A-Za-z_\u00c0-\uffff][\w\-\u00b7-\uffff]*)
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword, or None for names, prefixed names and literals."""
        if self.kind == "word" and ":" not in self.text:
            return self.text.upper()
        return None


def tokens(text: str) -> list[Token]:
    """Significant tokens (no spaces or comments) with their offsets."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        out.append(Token(kind, m.group(), m.start()))
    return out


def keywords(text: str) -> set[str]:
    return {t.keyword for t in tokens(text) if t.keyword}


def has_keyword(text: str, word: str) -> bool:
    """Tokenizing costs microseconds a token (seconds for a megabyte of punctuation), so a
    text whose upper-cased form lacks the word is settled at once: `str.upper` maps each
    character on its own, so a token that upper-cases to the word leaves it in the text."""
    return word in text.upper() and word in keywords(text)


def uses_from(text: str) -> bool:
    """True when the query names its own dataset (FROM or FROM NAMED)."""
    return has_keyword(text, "FROM")
