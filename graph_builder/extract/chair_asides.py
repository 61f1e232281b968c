"""Earlier and later chair terms told in asides: "India's first presidency came in 2023",
"this is Kazakhstan's third spell at the helm, after 2011 and 2017", "India followed in
2023, Kazakhstan in 2024 and China in 2025", "the 2026 chairmanship will be held by X".

Reports mention a body's earlier chairs in passing, with no chairing verb of their own: a
noun for the term ("spell", "turn", "stint", "presidency") owned by the state and dated by
"came in", "after YEAR and YEAR", or a run of states each with its year after one verb.
Each shape is a few words of its own; the noun lists live in the patterns below because
they are the shapes' own words, not a vocabulary others extend.
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Chairmanship
from graph_builder.extract.common import SA, T, evidence, hedged, negated
from graph_builder.extract.context import Context, Masked

_TERM = (r"(?:spell|turn|stint|term|tenure|presidency|chairmanship|chairpersonship|"
         r"chairship)")
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|"
            r"previous|latest|\d+(?:st|nd|rd|th))")
_AT = r"(?:\s+(?:at\s+the\s+helm|in\s+the\s+chair|as\s+chair\w*))?"
_OF = r"(?:\s+(?:of|in)\s+(?:the\s+)?(?P<org>\u27e6O\d+\u27e7))?"

# "India's first presidency of the SCO came in 2023", "Kenya's last turn was in 2019"
_CAME = re.compile(r"(?P<s>" + SA + r")(?:'s|\u2019s)\s+(?:" + _ORDINAL + r"\s+)?"
                   r"(?:(?:rotating|annual|one-year)\s+)?" + _TERM + _AT + _OF
                   + r"\s+(?:came|fell|was|had\s+been|began|started)\s+(?:back\s+)?"
                   r"(?:in\s+)?(?P<t>" + T + r")", re.IGNORECASE)
# "It is Turkmenistan's second turn; its first came in 2012": the earlier one, elliptical
_FIRST_CAME = re.compile(r"(?P<s>" + SA + r")(?:'s|\u2019s)\s+" + _ORDINAL + r"\s+" + _TERM + _AT
                         + _OF + r"\s*[;,]\s*(?:its|the)\s+(?:first|previous|last|earlier)"
                         r"(?:\s+(?:one|" + _TERM + r"))?\s+(?:came|was|fell)\s+(?:in\s+)?"
                         r"(?P<t>" + T + r")", re.IGNORECASE)
# "Kazakhstan's third spell at the helm, after 2011 and 2017": the earlier terms' years
_AFTER = re.compile(r"(?P<s>" + SA + r")(?:'s|\u2019s)\s+" + _ORDINAL + r"\s+" + _TERM + _AT
                    + _OF + r",?\s+(?:after|following)\s+(?P<years>" + T
                    + r"(?:(?:\s*,\s*|,?\s+and\s+)" + T + r")*)", re.IGNORECASE)
# "India followed in 2023, Kazakhstan in 2024 and China in 2025": the run after one verb
_RUN_HEAD = re.compile(r"(?P<s>" + SA + r")\s+(?:then\s+)?(?:followed|came\s+next|took\s+over|"
                       r"took\s+it|succeeded)\s+in\s+(?P<t>" + T + r")", re.IGNORECASE)
_RUN_ITEM = re.compile(r"(?:\s*,\s*|,?\s+and\s+|,?\s+then\s+)(?:the\s+)?(?P<s>\u27e6[SA]\d+\u27e7)"
                       r"\s+in\s+(?P<t>" + T + r")")
# "the 2026 chairmanship will be held by Kyrgyzstan", "the presidency for 2027 goes to X"
_HELD_BY = re.compile(r"\bthe\s+(?:(?P<t1>" + T + r")\s+)?(?:rotating\s+)?" + _TERM
                      + r"(?:\s+(?:for|of|in)\s+(?P<t2>" + T + r"))?" + _OF
                      + r"\s+(?P<verb>will\s+(?:be\s+held\s+by|go\s+to|fall\s+to|pass\s+to)|"
                      r"(?:is|was)\s+(?:held\s+by|due\s+to\s+go\s+to)|goes\s+to|went\s+to|"
                      r"fell\s+to|falls\s+to)\s+(?:the\s+)?(?P<s>\u27e6[SA]\d+\u27e7)",
                      re.IGNORECASE)


def _token(text: str) -> str:
    return re.search(r"\d+", text).group()


def _fact(sentence: Masked, ctx: Context, org_token: str | None, state_token: str,
          date_token: str, rule: str, modality: str | None = None) -> Chairmanship | None:
    org = sentence.org(_token(org_token)) if org_token else ctx.topic_org
    state = sentence.state(_token(state_token))
    date = sentence.item(_token(date_token)).date
    if org is None or state is None or date is None or not date.start:
        return None
    return Chairmanship(org, state, date.start[:4], None, evidence=evidence(sentence),
                        origin="extracted", confidence=0.7, rule=rule, modality=modality)


def aside_terms(ctx: Context) -> list[Chairmanship]:
    """Chair terms the article's asides date, each with its own year."""
    out: list[Chairmanship] = []
    for sentence in ctx.sentences:
        masked = sentence.masked
        if negated(masked) or hedged(masked):
            continue
        for m in (*_CAME.finditer(masked), *_FIRST_CAME.finditer(masked)):
            out.append(_fact(sentence, ctx, m.group("org"), m.group("s"), m.group("t"),
                             "chair.aside-came"))
        for m in _AFTER.finditer(masked):
            for t in re.findall(r"\u27e6T\d+\u27e7", m.group("years")):
                out.append(_fact(sentence, ctx, m.group("org"), m.group("s"), t,
                                 "chair.aside-after"))
        for m in _RUN_HEAD.finditer(masked):
            at = m.end()
            if _RUN_ITEM.match(masked, at) is None:
                continue  # one state and year: the verb rules read it
            out.append(_fact(sentence, ctx, None, m.group("s"), m.group("t"), "chair.run"))
            while (item := _RUN_ITEM.match(masked, at)) is not None:
                out.append(_fact(sentence, ctx, None, item.group("s"), item.group("t"),
                                 "chair.run"))
                at = item.end()
        for m in _HELD_BY.finditer(masked):
            when = m.group("t1") or m.group("t2")
            if when is None:
                continue
            ahead = m.group("verb").lower().startswith(("will", "is due", "was due"))
            out.append(_fact(sentence, ctx, m.group("org"), m.group("s"), when,
                             "chair.held-by", "planned" if ahead else None))
    return [f for f in out if f is not None]
