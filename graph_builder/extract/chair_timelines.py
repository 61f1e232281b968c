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
# (or a span of months: "**January–June 2012 — Denmark.**")
# (or a table row under a header that names the chair: "| March 2027 | Chile |")
_LABEL = re.compile(r"^[\s*_#>\u2022|-]*\u27e6T(?P<t>\d+)\u27e7"
                    r"(?:\s*[-\u2013/]\s*\u27e6T(?P<t2>\d+)\u27e7)?"
                    r"\s*[*_]*\s*[-\u2013\u2014:|]\s*[*_]*\s*(?:the\s+)?"
                    r"\u27e6[SA](?P<s>\d+)\u27e7(?=[\s.:;,*_()|]|$)")
# a factbox's labelled chair: "Chair 2025: Malaysia", "| Chair 2024 | Azerbaijan |",
# "Presidency (2026): Cyprus"
_CHAIR_LABEL = re.compile(
    r"(?:^|[\u00b7;|]\s*|^[-*\u2022]\s+)[*_]*(?:rotating\s+)?(?:chair(?:manship|person)?|"
    r"presidency|presiding\s+(?:country|state)|chairing\s+(?:country|state))\s*(?:for\s+|in\s+)?"
    r"\(?\u27e6T(?P<t>\d+)\u27e7\)?\s*[*_]*\s*[:|]\s*[*_]*\s*(?:the\s+)?\u27e6S(?P<s>\d+)\u27e7",
    re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
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


def label_state(sentence: Masked) -> str | None:
    """The state a timeline entry's label names, if the sentence opens with one: the
    entry's own term is that label's, not one the rules date by the report."""
    m = _LABEL.match(sentence.masked)
    return sentence.state(m.group("s")) if m else None


def _label_start(sentence: Masked, m: re.Match[str]) -> str | None:
    """The label's first day: of a span "January–June 2012", its first month in the year
    the span ends in."""
    first = sentence.item(m.group("t"))
    if first.date is None or not first.date.start:
        return None
    last = sentence.item(m.group("t2")) if m.group("t2") else None
    if last is not None and last.date is not None and last.date.start and \
            not re.search(r"\d{4}", first.text):
        return last.date.start[:4] + first.date.start[4:7]
    return first.date.start


def _label_end(sentence: Masked, m: re.Match[str]) -> str | None:
    """The label's last day when it is a span: "January–June 2012" ends on 30 June 2012."""
    last = sentence.item(m.group("t2") or m.group("t"))
    if last.date is None or not last.date.end or (
            not m.group("t2") and last.date.end == last.date.start):
        return None  # a month or year alone is when the term began, not its span
    return last.date.end


def _heading(sentences: list[Masked], index: int) -> str:
    """The line a run of entries stands under (a box's caption "Presidency rotation at a
    glance", a table's header "| Month | Presidency |"): the first line before the entry
    that is no entry itself nor a table's rule, if it is short."""
    for before in reversed(sentences[max(0, index - 12):index]):
        line = before.masked.strip()
        if _LABEL.match(line) or _TABLE_RULE.match(line):
            continue
        return line if len(line) < 80 else ""
    return ""


def timeline_terms(ctx: Context) -> list[Chairmanship]:
    """A chairmanship for each timeline entry of the article's chairs."""
    sentences = ctx.sentences
    about_chair = any(s.in_title and _CHAIR.search(s.text) for s in sentences)
    out: list[Chairmanship] = []
    for sentence in sentences:
        for m in _CHAIR_LABEL.finditer(sentence.masked):
            start, chair = sentence.item(m.group("t")).date, sentence.state(m.group("s"))
            org = sentence.org_or(ctx.topic_org)
            if start is not None and start.start and chair and org:
                out.append(Chairmanship(org, chair, start.start, None,
                                        evidence=evidence(sentence), origin="extracted",
                                        confidence=0.7, rule="chair.label"))
    for index, sentence in enumerate(sentences):
        m = _LABEL.match(sentence.masked)
        if m is None or sentence.in_title:
            continue
        start = _label_start(sentence, m)
        chair = sentence.state(m.group("s"))
        if start is None or chair is None:
            continue
        text = _entry_text(sentences, index)
        body = text[m.end():]
        # "2004 – Latvia joins the alliance": an entry about joining, not a term
        joining, chairing = _JOINING.search(body[:50]), _CHAIR.search(body)
        if (joining and (chairing is None or chairing.start() > joining.start())) or not (
                about_chair or chairing or _CHAIR.search(_heading(sentences, index))):
            continue
        org = sentence.org_or(ctx.topic_org)
        if org is None:
            continue
        out.append(Chairmanship(org, chair, start, _label_end(sentence, m),
                                evidence=evidence(sentence), origin="extracted",
                                confidence=0.7, rule="chair.timeline"))
    return out
