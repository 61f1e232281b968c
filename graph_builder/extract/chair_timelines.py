"""Chairs laid out as a timeline: "**2022 – Kazakhstan.** The foreign minister steered the
Commonwealth through a hard year.", "- 2024 – Russia: the Russian side presided."

Explainers list a body's chairs one entry per line, the year (or day) and the state as the
entry's label and the text after it saying what the state did in its year, often with no
chairing verb at all ("Dushanbe leads the organisation now"). An entry is a term when its
label opens the line and the article is about the chair: its title or the entry's own text
speaks of the chairmanship. An entry about joining ("2004 – Latvia joins") is not a term.
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Chairmanship
from graph_builder.extract.common import evidence
from graph_builder.extract.context import Context, Masked

# the label: a date then a state, at the head of a line ("**2022 – Kazakhstan.**")
_LABEL = re.compile(r"^[\s*_#>\u2022-]*\u27e6T(?P<t>\d+)\u27e7\s*[-\u2013\u2014:]\s*(?:the\s+)?"
                    r"\u27e6[SA](?P<s>\d+)\u27e7(?=[\s.:;,*_)]|$)")
_CHAIR = re.compile(r"chairmanship|chairpersonship|presiden|\bchair|\bpresid|helm|gavel|baton|"
                    r"\bsteer|\bguided\b|\bled\b|\bleads\b|in\s+charge|rotat", re.IGNORECASE)
_JOINING = re.compile(r"\b(?:join\w*|accession|acced\w*|admitted|admission|member\w*|"
                      r"observer|suspen\w*|withdr\w*|left|leaves|signed|founded)\b",
                      re.IGNORECASE)


def _entry_text(sentences: list[Masked], index: int) -> str:
    """The entry's own text: its line, and the line after a label that stands alone."""
    text = sentences[index].masked
    after = sentences[index + 1].masked if index + 1 < len(sentences) else ""
    if _LABEL.match(after) is None and len(_LABEL.match(text).group(0)) >= len(text.strip()) - 3:
        text += " " + after
    return text


def timeline_terms(ctx: Context) -> list[Chairmanship]:
    """A chairmanship for each timeline entry of the article's chairs."""
    sentences = ctx.sentences
    about_chair = any(s.in_title and _CHAIR.search(s.text) for s in sentences)
    out: list[Chairmanship] = []
    for index, sentence in enumerate(sentences):
        m = _LABEL.match(sentence.masked)
        if m is None or sentence.in_title:
            continue
        when = sentence.item(m.group("t")).date
        chair = sentence.state(m.group("s"))
        if when is None or not when.start or chair is None:
            continue
        text = _entry_text(sentences, index)
        body = text[m.end():]
        if _JOINING.search(body) or not (about_chair or _CHAIR.search(body)):
            continue
        orgs = [o for _, _, i in sentence.tokens("O") if (o := sentence.org(i))]
        org = orgs[0] if orgs else ctx.topic_org
        if org is None:
            continue
        out.append(Chairmanship(org, chair, when.start, None, evidence=evidence(sentence),
                                origin="extracted", confidence=0.7, rule="chair.timeline"))
    return out
