"""Read a SPARQL request's shape without running it: what `blocgraph serve` must refuse.

The check works on tokens, not on substrings, so `SERVICE` inside a string literal, an
IRI, a comment, a variable name or a prefixed name is not mistaken for the keyword,
while a real `SERVICE` clause (or `LOAD` operation) always is. The same tokens let the
server add the protocol's `using-graph-uri` parameters to an update as `USING` clauses.
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


def _has_keyword(text: str, word: str) -> bool:
    """Tokenizing costs microseconds a token (seconds for a megabyte of punctuation), so a
    text whose upper-cased form lacks the word is settled at once: `str.upper` maps each
    character on its own, so a token that upper-cases to the word leaves it in the text."""
    return word in text.upper() and word in keywords(text)


def uses_service(text: str) -> bool:
    """True when the query has a federated `SERVICE` clause."""
    return _has_keyword(text, "SERVICE")


def uses_from(text: str) -> bool:
    """True when the query names its own dataset (FROM or FROM NAMED)."""
    return _has_keyword(text, "FROM")


def uses_load(text: str) -> bool:
    """True when the update has a `LOAD` operation (the server would fetch a document)."""
    return _has_keyword(text, "LOAD")


def has_dataset_clause(update: str) -> bool:
    """True when an update names its own dataset with `USING` or `WITH`."""
    return bool({"USING", "WITH"} & keywords(update))


def add_using(update: str, default: list[str], named: list[str]) -> str:
    """The update with `USING` / `USING NAMED` clauses before each operation's WHERE.

    This is what the protocol's using-graph-uri and using-named-graph-uri mean
    (SPARQL 1.1 Protocol 2.2.3); `DELETE WHERE` and the data operations take no dataset.
    """
    if not default and not named:
        return update
    clause = "".join(f" USING <{g}>" for g in default)
    clause += "".join(f" USING NAMED <{g}>" for g in named)
    depth = 0
    cuts: list[int] = []
    previous: Token | None = None
    for tok in tokens(update):
        if tok.text == "{":
            depth += 1
        elif tok.text == "}":
            depth -= 1
        elif depth == 0 and tok.keyword == "WHERE":
            if previous is None or previous.keyword != "DELETE":
                cuts.append(tok.start)
        previous = tok
    for cut in reversed(cuts):
        update = update[:cut] + clause.lstrip() + " " + update[cut:]
    return update
