"""The date label of the timeline line a sentence stands in, when it is not the line's first.

A backgrounder's timeline writes a line per date: "- **12 July 2013** — 20th summit, Cuenca.
Bolivia takes over the pro tempore presidency at the same meeting." The rules read each
sentence alone; the second one has no date of its own and, in the present tense of a
timeline, would be dated by the report ("Updated 8 January 2026"). What it tells happened
on the line's date. The chair and event rules both ask here.
"""

from __future__ import annotations

import re

from graph_builder.extract.context import Context, Masked
from graph_builder.extract.date_phrases import find_dates

# "- **12 July 2013** — ", "**November 2024** - ", "2019: "
_ENTRY_LINE = re.compile(r"[ \t]*(?:[-*\u2022]\s+)?[*_]{0,2}\s*(?P<label>(?:\d{1,2}\s+)?"
                         r"[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d|(?:19|20)\d\d)"
                         r"\s*[*_]{0,2}\s*[-\u2013\u2014:]\s")


def line_date(ctx: Context, sentence: Masked) -> str | None:
    """The date of the timeline line the sentence continues, else None (also for the line's
    first sentence: its own rules read the label)."""
    text = ctx.article.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    if line_start >= sentence.start:
        return None
    m = _ENTRY_LINE.match(text, line_start)
    if m is None or m.end() > sentence.start:
        return None
    found = find_dates(m.group("label"), ctx.published)
    return found[0].start if found else None


__all__ = ["line_date"]
