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
_DONE = "# -- done"


@cache
def _pattern(part: str) -> re.Pattern[str]:
    """The words of one section of lexicon/modality.txt: expected, planned or done."""
    expected = phrases.lines("modality.txt", before=_MARKER)
    up_to_done = phrases.lines("modality.txt", before=_DONE)
    every = phrases.lines("modality.txt")
    sections = {"expected": expected, "planned": up_to_done[len(expected):],
                "done": every[len(up_to_done):]}
    return phrases.alternation(sections[part])


def _ahead_in(sentence: str, part: str) -> bool:
    """The sentence has a word of `part` that no reported hand-over comes before: in "the
    presidency passed to X, and Astana is due to host the next summit" "is due to" is about
    the summit, not the chair that passed."""
    word = _pattern(part).search(sentence)
    if word is None:
        return False
    done = _pattern("done").search(sentence)
    return done is None or done.start() > word.start()


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
    after = published is not None and first > published
    if sentence and (_pattern("expected").search(sentence) if after
                     else _ahead_in(sentence, "expected")):
        return "expected"
    if after:
        return "planned"
    if sentence and _ahead_in(sentence, "planned") and (
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
