"""Whether a post the text names is held now, has ended, or is still to come.

"Former president X", "the then foreign minister X", "X was briefly Turkey's foreign
minister in 2015" name a post that ended: a fact (the gold lists it, with its end), never
the post's current holder. "Incoming secretary general X", "X, who will take office as
secretary general in May" name one to come: planned, from the date written if any. The
words are data (lexicon/post_tense.txt); a post whose sentence says neither holds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from graph_builder.core.facts import Post
from graph_builder.extract import phrases
from graph_builder.extract.common import T
from graph_builder.extract.context import Masked

_PLANNED_MARK = "# -- planned"


@cache
def _words(part: str) -> str:
    ended = phrases.lines("post_tense.txt", before=_PLANNED_MARK)
    every = phrases.lines("post_tense.txt")
    chosen = ended if part == "ended" else every[len(ended):]
    return "|".join(sorted(chosen, key=len, reverse=True))


@cache
def _before(part: str) -> re.Pattern[str]:
    """The word right before the title (or before the state's adjective before it): "former
    Brazilian President X"; "the former Soviet republic's president" is no former post."""
    return re.compile(r"\b(?i:" + _words(part) + r")[\s-]+(?:\u27e6[SA]\d+\u27e7\s+|[A-Z]\w+\s+)?$")


_AFTER_DESIGNATE = re.compile(r"^[\s-]*(?i:designate)\b")
_DATE_AFTER = re.compile(r"^[^.;]{0,40}?\b(?P<prep>in|from|on|since)\s+" + T)
_FROM_TO = re.compile(r"^[^.;]{0,40}?\b(?:from|between)\s+" + T + r"\s+(?:to|and|until)\s+" + T)


def tense_of(sentence: Masked, start: int, end: int, mod: str | None, verb: str | None) -> str:
    """"ended", "planned" or "holds" for a post whose match spans start..end."""
    masked = sentence.masked
    mod = (mod or "").strip().lower()
    verb = " ".join((verb or "").lower().split())
    if re.fullmatch(r"(?:" + _words("ended") + r")", mod, re.I):
        return "ended"
    if re.fullmatch(r"(?:" + _words("planned") + r")", mod, re.I) or _AFTER_DESIGNATE.match(
            masked[end:]):
        return "planned"
    lead = masked[max(0, start - 30):start]
    if _before("ended").search(lead):
        return "ended"
    if _before("planned").search(lead):
        return "planned"
    # "has been nominated as secretary general": a candidate, not yet the holder
    if verb and re.search(r"\b(?:will|to\s+become|to\s+take|due|set|nominated|designated)\b",
                          verb):
        return "planned"
    if verb and re.search(r"\b(?:briefly|once|previously|formerly|served)\b", verb):
        return "ended"
    return "holds"


_START_AFTER = re.compile(r"(?:\s+of\s+(?:the\s+)?\u27e6[SAO]\d+\u27e7)?"
                          # ("for three years, from 1 January 2026")
                          r"(?:\s+for\s+(?:a|an|one|two|three|four|five|six|\d+)\s+"
                          r"(?:(?:more|further)\s+)?(?:years?|terms?))?"
                          r",?\s+(?:from|since|as\s+of|effective|with\s+effect\s+from)\s+" + T)


def stated_start(post: Post, sentence: Masked, end: int) -> Post:
    """A post's start written right after its title ("secretary general from 1 January
    2026", "since 2022"); a start after the report makes it planned (modality.py)."""
    m = _START_AFTER.match(sentence.masked, end)
    mention = sentence.item(m.group(1)).date if m else None
    if post.start or mention is None or mention.start is None:
        return post
    return replace(post, start=mention.start)


def with_tense(post: Post, tense: str, sentence: Masked, end: int,
               published: date | None) -> Post | None:
    """The post dated by its tense: an ended one ends on the dates written after it, else
    the day before its report (it ended by then); a planned one starts on the date written,
    if any. An ended post of an undated report has no end to give and is dropped."""
    if tense == "holds":
        return post
    after = sentence.masked[end:]
    span = _FROM_TO.match(after)
    one = _DATE_AFTER.match(after)

    def when(token: str, last: bool = False) -> str | None:
        mention = sentence.item(token).date
        return (mention.end if last else mention.start) if mention else None

    if tense == "planned":
        start = when(span.group(1)) if span else when(one.group(2)) if one else None
        return replace(post, start=start or post.start, modality="planned")
    if span:
        return replace(post, start=when(span.group(1)), end=when(span.group(2), last=True))
    if one and one.group("prep") == "in":
        stated = when(one.group(2), last=True)
        if stated and (published is None or stated < published.isoformat()):
            return replace(post, start=when(one.group(2)), end=stated)
    if published is None:
        return None
    return replace(post, end=(published - timedelta(days=1)).isoformat())
