"""Chairs an explainer states as a question and a verbless answer: "Q: Who chairs the bloc
this year? A: Belarus, for the second time."

Question-and-answer explainers put the predicate in the question and only the names in the
answer, so no rule over one sentence reads them. A question about who chairs makes the
first state its answer opens with the chair in the period the question names (this year,
now, a year), never when it names none. (Members answered so: members.py, "member.answer".)
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Chairmanship
from graph_builder.extract.common import STATE_LIST, evidence, negated
from graph_builder.extract.context import Context

_CHAIR_Q = re.compile(
    r"(?:^|\s)(?:Q\s*[:.-]\s*)?(?:Who|Which\s+(?:country|state|nation))\s+(?:(?:currently|now)\s+)?"
    r"(?:chairs|leads|holds\s+the\s+(?:rotating\s+)?(?:chair\w*|presidency)|presides\s+over|"
    r"is\s+in\s+the\s+chair|has\s+the\s+(?:chair\w*|presidency))\s+(?:(?:the\s+)?"
    r"\u27e6O(?P<org>\d+)\u27e7|it|the\s+\w+)?[^?]{0,30}?(?P<when>\u27e6T(?P<t>\d+)\u27e7|"
    r"\bnow\b|\bcurrently\b|\bat\s+present\b)?\s*\?\s*$", re.IGNORECASE)
# the answer: the states it opens with ("A: Belarus, for the second time.")
_ANSWER = re.compile(r"^\s*(?:A\s*[:.-]\s*)?(?P<list>" + STATE_LIST + r")"
                     r"(?=\s*(?:[.,;:(\u2013\u2014-]|$))")


def qa_chairs(ctx: Context) -> list[Chairmanship]:
    """The chairs an explainer's answers name (its members: members.py, "member.answer")."""
    chairs: list[Chairmanship] = []
    sentences = ctx.sentences
    for question, answer in zip(sentences, sentences[1:], strict=False):
        m = _ANSWER.match(answer.masked)
        if m is None or negated(answer.masked[:m.end() + 20]):
            continue
        states = [s for _, _, i in answer.tokens("SA", m.start("list"), m.end("list"))
                  if (s := answer.state(i)) is not None]
        q = _CHAIR_Q.search(question.masked)
        if q is None or q.group("when") is None:
            continue
        org = question.org(q.group("org")) if q.group("org") else ctx.topic_org
        if q.group("t"):
            date = question.item(q.group("t")).date
            year = date.start[:4] if date is not None and date.start else None
        else:
            year = str(ctx.published.year) if ctx.published else None
        if org is not None and year is not None and states:
            chairs.append(Chairmanship(org, states[0], year, None, evidence=evidence(answer),
                                       origin="extracted", confidence=0.7, rule="chair.qa"))
    return chairs
