"""Terms of earlier chairs that the text names only as predecessors.

"Costa Rica presented a report on its six months in charge and passed the presidency to
Panama": the predecessor's term is not dated, but the article says how long it lasted and
where it ended (its successor's start), so its start is that much earlier, taken to the
nearest first of a month (terms begin on a month's first day or at a summit; a summit on
24 June hands over a half-year that began in January). A predecessor whose length the text
does not state keeps no date ("took over from Kazakhstan" says nothing of when Kazakhstan
began), even where the body rotates on a fixed term: the corpora's readers leave it open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from graph_builder.core import reference
from graph_builder.core.facts import Chairmanship
from graph_builder.core.reference import Entity
from graph_builder.extract import phrases
from graph_builder.extract.chair_persons import surnames_as_states
from graph_builder.extract.context import Context

# the rules whose chair is the one that gave the chair away, not the one that took it
PREDECESSOR_RULES = ("chair.from", "chair.handover-outgoing", "chair.outgoing", "chair.previous")


# a chair's own term length, said of it: "its six months in charge", "her one-year term",
# "their year-long presidency", "its twelve months at the helm"
_OWN_TERM = re.compile(
    r"(?:[^;\u27e6]|\u27e6[OTC]\d+\u27e7){0,60}?\b(?:(?:its|her|his|their)\s+(?:(?P<n>six|twelve|three|one|\d{1,2})\s+"
    r"months?|(?P<kind>six-month|half-year|one-year|year-long|twelve-month)\s+(?:term|"
    r"presidency|chairmanship|stint|tenure|rotation)|(?P<year>year)\s+(?:at\s+the\s+(?:helm|"
    r"head)|in\s+(?:charge|the\s+chair)))|(?:for|over)\s+(?P<count>two|three|four)\s+"
    r"(?P<each>six-month|one-year|year-long|two-year)\s+terms)", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4}
_NUMBERS = {"one": 1, "three": 3, "six": 6, "twelve": 12}
_KINDS = {"six-month": 6, "half-year": 6, "one-year": 12, "year-long": 12, "twelve-month": 12,
          "two-year": 24}


def stated_terms(ctx: Context, known: dict[str, Entity] | None = None) -> dict[str, int]:
    """Months of each chair's term where the article says how long its own term was (a
    leader named by surname, `known`, stands for their state: "Tinubu had led the grouping
    for two one-year terms")."""
    out: dict[str, int] = {}
    for sentence in ctx.sentences:
        if known:
            sentence = surnames_as_states(sentence, known)
        for pos, _, i in sentence.tokens("SA"):
            m = _OWN_TERM.match(sentence.masked, sentence.masked.index("\u27e7", pos) + 1)
            state = sentence.state(i)
            if m is None or state is None:
                continue
            n, kind = m.group("n"), m.group("kind")
            if m.group("count"):  # "had led the grouping for two one-year terms"
                each = _KINDS.get(m.group("each").lower(), 24)
                months = _COUNTS[m.group("count").lower()] * each
            elif n:
                months = int(n) if n.isdigit() else _NUMBERS[n.lower()]
            else:
                months = _KINDS[kind.lower()] if kind else 12
            out.setdefault(state, months)
    return out


def fixed_term(org: str) -> int | None:
    """A month where a body's chair changes every month (the Security Council): the month
    before is then certain. Longer fixed rotations (the Council of the EU's six months) are
    not used: an article that names only the predecessor leaves its term unstated, and the
    gold of text others wrote leaves it so too."""
    return 1 if reference.chair_term_months(org) == 1 else None


def date_predecessors(facts: list[Chairmanship], stated: dict[str, int],
                      fixed: Callable[[str], int | None] = fixed_term,
                      said: Callable[[Chairmanship], int | None] = lambda f: None) -> None:
    """Give each undated predecessor whose term length is known the start of the term
    before its successor's: a length the article states, or the month before in a body
    whose chair changes monthly. Only a predecessor the article
    dates nowhere else: "Kazakhstan had held it since November 2023" is kept as written
    (the facts are merged before this runs)."""
    for fact in facts:
        # the length of its own term, that of the rotation its sentence states ("Cameroon
        # succeeds Mauritania at the head of the Council for one year"), or the body's
        months = stated.get(fact.chair) or said(fact) or fixed(fact.organization)
        if fact.start or fact.rule not in PREDECESSOR_RULES or not months:
            continue
        if any(f is not fact and f.organization == fact.organization and f.chair == fact.chair
               for f in facts):
            continue
        successor = next((f for f in facts if f.previous == fact.chair and f.start
                          and f.organization == fact.organization and f.chair != fact.chair),
                         None)
        if successor is not None and successor.start:
            fact.start = _term_before(successor.start, months)


@cache
def _summit_bodies() -> frozenset[str]:
    return frozenset(phrases.lines("chair_summit_terms.txt"))


def _at_summits(org: str) -> bool:
    entity = reference.resolve(org, "organization")
    return entity is not None and entity.slug in _summit_bodies()


_TAKEN = ("chair.take", "chair.handover", "chair.passed-to", "chair.as-chair", "chair.verb")
_STILL_TO_COME = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|is\s+due|is\s+set|to\s+take)\b",
                            re.IGNORECASE)


def summit_terms(facts: list[Chairmanship], published: date | None) -> list[Chairmanship]:
    """In a body whose chair passes at a summit (lexicon/chair_summit_terms.txt) the chair
    "for 2023" is the term that began at the summit of 2022: one term, dated by the month
    the article gives elsewhere ("took over at Samarkand last September"); and a chair taken
    up at this autumn's summit "for 2025" began on the day of the report."""
    out = []
    for fact in facts:
        start = fact.start or ""
        if len(start) != 4 or not _at_summits(fact.organization):
            out.append(fact)
            continue
        earlier = next((f for f in facts if f is not fact and f.organization == fact.organization
                        and f.chair == fact.chair and len(f.start or "") >= 7
                        and (f.start or "")[:4] == str(int(start) - 1)), None)
        if earlier is not None:
            earlier.previous = earlier.previous or fact.previous
            continue
        sentence = fact.evidence.text if fact.evidence else ""
        if published is not None and start == str(published.year + 1) and published.month >= 7 \
                and fact.rule in _TAKEN and not _STILL_TO_COME.search(sentence):
            fact.start, fact.end = published.isoformat(), fact.end or start
        out.append(fact)
    return out


@cache
def _calendar_bodies() -> frozenset[str]:
    return frozenset(phrases.lines("chair_calendar_terms.txt"))


@cache
def _gathering() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in phrases.lines("chair_gatherings.txt"))
    return re.compile(r"\b(?:" + words + r")s?\b", re.IGNORECASE)


def _by_calendar(org: str) -> bool:
    entity = reference.resolve(org, "organization")
    return entity is not None and entity.slug in _calendar_bodies()


# a chair taken up ("took over the chairmanship at the session in November 2022") keeps the
# session's year, as the corpora read it: only a chair handed on moves to the next year
_HANDED_ON = ("chair.handover", "chair.passed-to")
# the sentence states when the term itself begins: "takes over on 1 December", "whose term
# begins on 1 December", "effective 1 November"
_STATED_START = re.compile(
    r"\b(?:t(?:akes?|ook|aking)\s+over|assum(?:es|ed|ing)|begin(?:s|ning)?|began|start(?:s|ed|"
    r"ing)?|effective|as\s+of|from)\s+(?:on\s+|from\s+)?\d{1,2}\s+(?:October|November|"
    r"December)\b|\b(?:term|presidency|chairmanship)\s+(?:begins|starts|runs\s+from)\b",
    re.IGNORECASE)


def late_gatherings(facts: list[Chairmanship]) -> list[Chairmanship]:
    """In a body whose chair turns with the calendar year (lexicon/chair_calendar_terms.txt)
    a chair handed over at a summit, session or ceremony of September to December holds the
    next year: "At its November summit the Nordic Council passed the presidency to Iceland"
    is Iceland's term of the year after. Not where the sentence states when the term
    begins ("takes over on 1 December"), nor a hand-over with no gathering named; the
    taker's term of that next year, where the article has it too, is the one fact."""
    _late_givers(facts)
    out = []
    for fact in facts:
        start = fact.start or ""
        sentence = fact.evidence.text if fact.evidence else ""
        if fact.rule not in _HANDED_ON or len(start) < 7 or int(start[5:7]) < 9 \
                or not _by_calendar(fact.organization) or not _gathering().search(sentence) \
                or _STATED_START.search(sentence):
            out.append(fact)
            continue
        following = str(int(start[:4]) + 1)
        if any(f is not fact and f.organization == fact.organization and f.chair == fact.chair
               and (f.start or "")[:4] == following for f in facts):
            continue
        fact.start, fact.end = following, None
        out.append(fact)
    return out


def _late_givers(facts: list[Chairmanship]) -> None:
    """In a body whose chair turns with the calendar year, the state that hands the chair on
    at a gathering of September to December held it that year: "Kyrgyzstan received the
    chairmanship from Kazakhstan at the session in Astana on 28 November 2024" is
    Kazakhstan's 2024, whichever year Kyrgyzstan's term is counted from. Only a giver the
    article dates nowhere else."""
    for fact in facts:
        start = fact.start or ""
        if not fact.previous or len(start) < 7 or int(start[5:7]) < 9 \
                or not _by_calendar(fact.organization):
            continue
        givers = [f for f in facts if f.organization == fact.organization
                  and f.chair == fact.previous]
        if len(givers) == 1 and givers[0].start is None and givers[0].rule in PREDECESSOR_RULES:
            givers[0].start = start[:4]


def _term_before(iso: str, months: int) -> str | None:
    """The start of a term of `months` that ends where one starting on `iso` begins."""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 1:
        # a year alone: only a term of whole years has a known year before it
        return str(parts[0] - months // 12) if months % 12 == 0 else None
    index = parts[0] * 12 + parts[1] - 1 - months
    if len(parts) == 3 and parts[2] > 15:
        index += 1  # handed over late in the month: the term began on the next first
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


__all__ = ["PREDECESSOR_RULES", "date_predecessors", "late_gatherings", "stated_terms",
           "summit_terms"]
