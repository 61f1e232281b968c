"""Earlier terms told of the state of the sentence before: "The Philippines had been
pencilled in for 2027. It last chaired ASEAN in 2017", "The country also held the
presidency in 2000 and 2012".

The pronoun or "the country" stands for the state the sentence before opens with; each
year of the clause is a term (a year alone, as written). Only past-tense chairing verbs,
so that "It will chair" (a plan other rules date) and "It chairs the meeting" are left out.
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Chairmanship
from graph_builder.extract.common import evidence, hedged, negated
from graph_builder.extract.context import Context

_PRONOUN_TERM = re.compile(
    r"^(?:It|The\s+(?:country|kingdom|republic|state|island\s+nation|emirate))\s+"
    r"(?:(?:had|has)\s+)?(?:(?:last|also|previously|first|once|already|itself)\s+)*"
    r"(?:chaired|presided\s+over|led|held\s+the\s+(?:(?:rotating|annual)\s+)?(?:chair|"
    r"chairmanship|presidency))(?:\s+(?:of\s+)?(?:the\s+)?\u27e6O(?P<o>\d+)\u27e7)?"
    r"(?P<rest>[^;]*)", re.IGNORECASE)
# (after a dateline: "JAKARTA, 5 September - The Philippines ...")
_OPENS_WITH = re.compile(r"^(?:[^.]{0,60}?\s[-\u2013\u2014]\s+)?(?:[A-Z][A-Za-z]*\s+)?"
                         r"(?:the\s+)?\u27e6S(\d+)\u27e7(?!'s)")
_YEAR = re.compile(r"\b(?:in|and|,)\s+\u27e6T(\d+)\u27e7")


def pronoun_terms(ctx: Context) -> list[Chairmanship]:
    """Terms whose holder is the state the previous sentence opens with."""
    out = []
    for before, sentence in zip(ctx.sentences, ctx.sentences[1:], strict=False):
        m = _PRONOUN_TERM.match(sentence.masked)
        if m is None or negated(sentence.masked) or hedged(sentence.masked):
            continue
        opens = _OPENS_WITH.match(before.masked)
        state = before.state(opens.group(1)) if opens else None
        org = sentence.org(m.group("o")) if m.group("o") else ctx.topic_org
        if state is None or org is None:
            continue
        for y in _YEAR.finditer(m.group(0)):
            when = sentence.item(y.group(1)).date
            if when is None or len(when.start) != 4:
                continue
            out.append(Chairmanship(org, state, when.start, when.start,
                                    evidence=evidence(sentence), origin="extracted",
                                    confidence=0.6, rule="chair.pronoun-term"))
    return out


__all__ = ["pronoun_terms"]
