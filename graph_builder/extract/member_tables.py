"""Memberships and standings laid out in a table: a Markdown or text table row ("| Members |
China, Russia, India |", "| Observers | Mongolia |") or a row of a state and its status
("| Belarus | Member since 2024 |", "| Cambodia | Dialogue partner |").

Pages that explain a bloc put its membership in tables more often than in sentences, and a
row is no sentence the other rules can read. The row's label or status cell says what the
states of the row are: a member noun (lexicon/member_nouns.txt) makes them members, a
standing noun (lexicon/standing_nouns.txt) observers, partners or associates, a word of
suspension or withdrawal that status. The body is the one named in the row, else the
organisation in focus.
"""

from __future__ import annotations

import re
from functools import cache

from graph_builder.core.facts import Membership
from graph_builder.extract import phrases
from graph_builder.extract.common import evidence
from graph_builder.extract.context import Context, Masked
from graph_builder.extract.standing import standing_nouns

_CELL_SPLIT = re.compile(r"\s*\|\s*")
_STATE = re.compile(r"\u27e6S(\d+)\u27e7")
_DATE = re.compile(r"\b(?:since|from|in|joined)\s+\u27e6T(\d+)\u27e7|^\u27e6T(\d+)\u27e7(?:$|\s+(?:"
                   r"enlargement|expansion|wave|intake|accessions?|entrants|joiners)\b)",
                   re.IGNORECASE)


@cache
def _labels() -> list[tuple[str | None, re.Pattern[str]]]:
    """(status, pattern of a label cell) in the order they are tried: standings first."""
    table: list[tuple[str | None, re.Pattern[str]]] = [
        (status, re.compile(r"^(?:the\s+)?(?:" + fragment + r")\b", re.I))
        for status, fragment in standing_nouns()]
    table.append(("suspended", re.compile(r"^(?:suspended|suspension)\b", re.I)))
    table.append(("withdrawn", re.compile(r"^(?:withdrawn|withdrew|left|former\s+members?|"
                                          r"withdrawal)\b", re.I)))
    # "| Joined March 2019 | Oman, Chad |", "Admitted in 2011: Nepal"
    # "| 1999 enlargement | Czech Republic, Hungary, Poland |": a round of accessions
    table.append((None, re.compile(r"^(?:joined|admitted|acceded|accessions?|new\s+members?|"
                                   r"enlargement|expansion|(?:accession\s+)?wave|intake|"
                                   r"(?:new\s+)?entrants|joiners)\b", re.I)))
    members = "|".join(phrases.lines("member_nouns.txt"))
    table.append((None, re.compile(r"^(?:(?:full|founding|current|permanent|new|original|later|"
                                   r"other|subsequent|newer|recent|remaining|existing|present|"
                                   r"member)\s+)*(?:" + members + r"|member)\b", re.I)))
    return table


def _status_of(cell: str) -> tuple[bool, str | None]:
    """Whether a cell names a standing, and which (None for full membership)."""
    text = re.sub(r"\u27e6T\d+\u27e7", "", cell).strip(" *_:")
    for status, rx in _labels():
        if rx.match(text):
            return True, status
    return False, None


# a labelled line, a factbox's or a bullet's: "- **Joined in 2011:** Nepal and Bhutan",
# "Observers: Mongolia; Iran" (the label and its list are the row's two cells)
_LABEL_LINE = re.compile(r"^(?:(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+)?(?P<label>[^:|\n]{2,60}?)"
                         r"\s*:\s*(?P<rest>(?:the\s+)?\u27e6S\d+\u27e7[^:|]*|(?P<founded>[^:|]{0,80}?"
                         r"\bby\s+(?:the\s+)?\u27e6S\d+\u27e7[^:|]*))$")
# a founding line: "Founded: Bangkok, 8 August 1967, by A, B and C" (its states are the founders)
_FOUNDED = re.compile(r"^(?:founded|established|created|set\s+up|launched|formed)\b", re.I)
# a state's own year in a list: "Brunei (1984), Laos and Myanmar (1997)"
_SEGMENT = re.compile(r"[^,;\u00b7]+")
_OWN_DATE = re.compile(r"\(\s*(?:since\s+|joined\s+)?\u27e6T(\d+)\u27e7\s*\)")


def _row(sentence: Masked) -> list[str] | None:
    masked = sentence.masked.strip()
    line = _LABEL_LINE.match(masked)
    if line and (not line.group("founded") or _FOUNDED.match(line.group("label"))):
        label = "founding members" if line.group("founded") else line.group("label")
        return [label, line.group("rest")]
    if not (masked.startswith("|") and masked.endswith("|")) or masked.count("|") < 3:
        return None
    cells = _CELL_SPLIT.split(masked.strip("|").strip())
    return None if all(re.fullmatch(r":?-+:?", c) for c in cells) else cells


def table_memberships(ctx: Context) -> list[Membership]:
    """Memberships and standings of the table rows of an article, each row its evidence."""
    out: dict[tuple[str, str, str | None], Membership] = {}
    for sentence in ctx.sentences:
        cells = _row(sentence)
        if cells is None:
            continue
        org = sentence.org_or(ctx.topic_org)
        if org is None:
            continue
        labelled = [(k, *_status_of(c)) for k, c in enumerate(cells)]
        labels = [(k, status) for k, named, status in labelled if named]
        if not labels:
            continue
        label_at, status = labels[0]
        dated = _DATE.search(cells[label_at])  # "| Member since 2024 |"
        row_when = sentence.item(dated.group(1) or dated.group(2)).date.start if dated else None
        if cells[label_at] == "founding members" and not dated:
            founded = [t for _, _, t in sentence.tokens("T")]  # "Founded: Bangkok, 1967, by"
            row_when = sentence.item(founded[0]).date.start if founded else None
        for k, cell in enumerate(cells):
            if k == label_at:
                continue
            states = [sentence.state(t) for t in _STATE.findall(cell)]
            if len(labels) > 1 and len(states) > 1:
                break  # a row of several labels is a header, not a fact
            own: dict[str, str | None] = {}
            for segment in _SEGMENT.findall(cell):
                year = _OWN_DATE.search(segment)
                for t in _STATE.findall(segment):
                    own[t] = sentence.item(year.group(1)).date.start if year else None
            for token in _STATE.findall(cell):
                state, when = sentence.state(token), own.get(token) or row_when
                if state is None or state == org:
                    continue
                key = (org, state, status)
                if key not in out:
                    out[key] = Membership(org, state, when, None,
                                          status, evidence=evidence(sentence),
                                          origin="extracted", confidence=0.7,
                                          rule="member.table")
    return list(out.values())


__all__ = ["table_memberships"]
