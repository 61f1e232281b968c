"""Which stated facts were still ahead when the article was written: planned or expected.

"Kazakhstan will take over on 1 January" in a report of December, or "X is expected to
join next year", is a fact with a date, but the report states it ahead of time. The mark
belongs to the statement, not to the fact (another article may report it done), so it
goes on the fact's evidence in the graph (bloc:modality). One rule serves every fact
family: a fact dated after its article's publication is planned; one whose sentence says
it is expected (lexicon/modality.txt, above the marker line) is expected unless it was
over before the report; planning words (below the marker) make planned a fact that starts
on the day of the report or, in an undated article, any dated fact. Hypotheticals and
negations never become facts at all (the rule modules drop them), so they are not here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from graph_builder.core.dates import PartialDate
from graph_builder.core.facts import ArticleFacts, _Fact
from graph_builder.extract import phrases

_MARKER = "# -- planned"


@cache
def _pattern(part: str) -> re.Pattern[str]:
    body = phrases.lines("modality.txt", before=_MARKER)
    every = phrases.lines("modality.txt")
    return phrases.alternation(body if part == "expected" else every[len(body):])


def _when(fact: _Fact) -> str | None:
    """The date a fact starts or happens on, whichever field its family uses."""
    return getattr(fact, "start", None) or getattr(fact, "date", None)


def _day(value: str, end: bool = False) -> date | None:
    try:
        found = PartialDate.parse(value)
    except ValueError:
        return None
    return found.last_day if end else found.first_day


def modality_of(fact: _Fact, published: date | None) -> str | None:
    """'expected', 'planned' or None (stated as done or holding) for one extracted fact.

    Only a dated fact can be ahead of its report: a fact with no date (a membership implied
    by a chair, say) is what the article takes as holding, whatever else its sentence says.
    """
    when = _when(fact)
    sentence = fact.evidence.text if fact.evidence else ""
    if not when:
        return None
    first, last = _day(when), _day(when, end=True)
    if first is None or last is None:
        return None
    if published is not None and last < published:
        return None  # over before the report: stated as done
    if sentence and _pattern("expected").search(sentence):
        return "expected"
    if published is not None and first > published:
        return "planned"
    if sentence and _pattern("planned").search(sentence) and (
            published is None or first >= published):
        return "planned"
    return None


def mark(facts: ArticleFacts) -> None:
    """Set `modality` on every extracted fact of the article that was still ahead."""
    published = None
    if facts.published:
        try:
            published = PartialDate.parse(facts.published).first_day
        except ValueError:
            published = None
    for _kind, fact in facts.all_facts():
        if fact.origin == "extracted" and fact.modality is None:
            fact.modality = modality_of(fact, published)
