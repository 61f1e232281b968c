"""Sentence boundaries with character offsets, fast and good enough for news prose.

Every fact cites the sentence it came from; a wrong boundary costs a clipped evidence
string, while a slow splitter would cost the throughput target, so this is a regular
expression that knows the abbreviations news uses ("U.S.", "Mr.", "Gen.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt adm gov sen rep st jr sr no vs etc inc ltd co "
    "corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m e.g i.e "
    "approx dept est fig hon h.e excl".split()
)
# a sentence end: punctuation before a capital, a blank line or a line end; two sentences run
# together without a space ("attended.Kyrgyz President") end at the full stop too
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|\n"
                  r"|(?<=[a-z]{3})[.!?](?=[A-Z][a-z]{2})")

_LAST_WORD = re.compile(r"([\w.]+)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end]; offsets are into `text`."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    cursor = start
    for m in _END.finditer(text, start, end):
        if m.group(0)[0] in ".!?" and m.group(0)[0] == ".":
            word = _LAST_WORD.search(text, max(cursor, m.start() - 24), m.start())
            if word and (word.group(1).lower() in _ABBREVIATIONS
                         or re.fullmatch(r"(?:[A-Z]\.){0,3}[A-Z]", word.group(1))):
                # an initial, or initials run together: "K.P. Sharma Oli" is one name
                continue
        _add(out, text, cursor, m.end())
        cursor = m.end()
    _add(out, text, cursor, end)
    return _join_lists(out, text)


_BULLET = re.compile(r"^(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+\S")


# a bullet that says what its own items are ("- **Joined in 2011:** Nepal and Bhutan") is a
# sentence of its own, not an item of the list above it
_LABELLED = re.compile(r"^(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+(?:\*\*|__)?[^:\n]{2,60}:"
                       r"(?:\*\*|__)?\s+\S")


def _join_lists(sentences: list[Sentence], text: str) -> list[Sentence]:
    """A line ending in a colon and the bulleted lines under it are one sentence.

    "Its members are:" (or a question heading, "Which countries are members?") followed by
    "- Kenya", "- Tanzania" states one list; split at each line, the items lose the sentence
    that says what they are.
    """
    out: list[Sentence] = []
    i = 0
    while i < len(sentences):
        head = sentences[i]
        j = i + 1
        if head.text.rstrip().endswith((":", "?")):
            while j < len(sentences) and _BULLET.match(sentences[j].text) and \
                    len(sentences[j].text) < 160 and not _LABELLED.match(sentences[j].text):
                j += 1
        if j > i + 1:
            end = sentences[j - 1].end
            out.append(Sentence(head.start, end, text[head.start:end]))
        else:
            out.append(head)
        i = j
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
