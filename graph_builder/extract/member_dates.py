"""The date a membership's own sentence gives it: "founded in Shanghai in June 2001 by China,
Kazakhstan ...", "the six founding states of 2001 -- A, B --", "Mali was suspended in 2021",
"decided to grant Egypt and Qatar the status of dialogue partner" (at the meeting's date).

The membership rules find who belongs; many leave the start open although the sentence that
states the membership dates it. A membership with no start takes the date written nearest
after the verb that makes it (founding, joining, admission, accession, suspension, a standing
granted), else before it, in the same clause; a sentence with no such verb, or with none of
its dates in reach, leaves the start open ("the members are A, B and C" says nothing of when
they joined).
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Membership, outside_membership
from graph_builder.extract.context import Context, Masked
from graph_builder.extract.members import CLOSING_DASH

# the verb or noun that makes the membership, for the status it gives
_MAKES = re.compile(
    r"\b(?:found(?:ed|ing|ers?)|co-?founded|set\s+up|established|created|formed|launched|"
    r"original|signator\w*|join(?:ed|s)?|admitt\w*|admission|accede[ds]?|acceded|accession|"
    r"became|become|entered|granted?|granting|gave|given|conferred|approved|"
    r"suspend\w*|readmitt\w*|reinstat\w*|"
    # "has been a member of ECOWAS since 1975": the day it began
    r"been\s+(?:an?\s+)?(?:[\w-]+\s+)?member(?=[^;.]{0,40}\bsince\b))\b", re.IGNORECASE)
_REACH = 70  # characters between the verb and its date
_CLAUSE_END = re.compile(r";|" + CLOSING_DASH.pattern)
# a verb that lists the present members between the making verb and the member: "the
# Authority, established in 1986, brings together A, B" dates the body, not A's membership
_LISTS = re.compile(r"\b(?:brings?\s+together|includ\w*|compris\w*|consists?|unit(?:es|ing)|groups|"
                    r"gathers|counts|made\s+up|is\s+composed|are\s+(?:now\s+)?members|"
                    r"members\s+(?:are|include))\b", re.IGNORECASE)


def _sentence_of(ctx: Context, fact: Membership) -> Masked | None:
    if fact.evidence is None or fact.evidence.start is None:
        return None
    return next((s for s in ctx.sentences if s.start == fact.evidence.start), None)


def _date_near(sentence: Masked, member: str) -> str | None:
    """The date of the verb that makes this member's membership: the verb nearest before
    the member in its clause, else after it (never across a verb that only lists the
    present members, "brings together"), and the date nearest after that verb, else
    before it."""
    masked = sentence.masked
    at = [pos for pos, _, i in sentence.tokens("SA") if sentence.state(i) == member]
    verbs = list(_MAKES.finditer(masked))
    if not at or not verbs:
        return None
    pos = at[0]

    def apart(a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return bool(_CLAUSE_END.search(masked, lo, hi) or _LISTS.search(masked, lo, hi))

    # the verb before the member governs it ("founded by A", "admitted A"), else the one
    # after ("A and B having acceded in 2017")
    near = [v for v in verbs if v.start() < pos and not apart(v.start(), pos)] or \
        [v for v in verbs if v.start() > pos and not apart(v.start(), pos)]
    if not near:
        return None
    verb = min(near, key=lambda v: abs(v.start() - pos))
    dates = [(p, sentence.item(i).date) for p, _, i in sentence.tokens("T")
             if sentence.item(i).date is not None and sentence.item(i).date.start]
    after = [(p - verb.end(), d) for p, d in dates
             if 0 <= p - verb.end() <= _REACH and not _CLAUSE_END.search(masked, verb.end(), p)]
    if after:
        return min(after, key=lambda pair: pair[0])[1].start
    before = [(verb.start() - p, d) for p, d in dates
              if 0 <= verb.start() - p <= _REACH and not _CLAUSE_END.search(
                  masked, p, verb.start())]
    return min(before, key=lambda pair: pair[0])[1].start if before else None


def date_memberships(ctx: Context, memberships: list[Membership]) -> None:
    """Give each undated membership (full, suspended or a standing) the date its sentence
    writes for the verb that makes it; a withdrawal's date is its end, kept by its rule."""
    for fact in memberships:
        if fact.start or fact.status == "withdrawn" or not (
                fact.status in (None, "member", "suspended") or outside_membership(fact.status)):
            continue
        sentence = _sentence_of(ctx, fact)
        when = _date_near(sentence, fact.member) if sentence is not None else None
        if when and (ctx.published is None or when[:4] <= ctx.published.isoformat()[:4]):
            fact.start = when
