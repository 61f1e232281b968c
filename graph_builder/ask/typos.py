"""Small typos in the words the grammar reads: "chiared", "memebrs", "kazakstan".

A word of the question the grammar does not know is replaced by the one word it is a small
misspelling of: the words of the form table's triggers, the post titles, the plain words of
questions and the words of the names of states, organisations and cities. A word is left alone
when it is a known name or a word the grammar reads, when the question writes it with a
capital (a name of its own), when it is short, or when no word is close enough or two are
equally close: a typo is corrected only where it cannot be a different question.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from graph_builder.core import reference

CUTOFF = 0.84  # difflib ratio: one slip in a word of six letters or more
MIN_LENGTH = 5


@cache
def vocabulary() -> frozenset[str]:
    from graph_builder.ask.parse import _MONTHS, _PLAIN, _QUESTION_WORDS
    from graph_builder.ask.triggers import table
    from graph_builder.core.titles import known_titles

    words: set[str] = set(_PLAIN) | set(_QUESTION_WORDS) | set(_MONTHS)
    for pattern in table()["triggers"].values():
        # the letters of the alternatives, "chair\w*" giving "chair"
        plain = re.sub(r"\\[a-zA-Z]", " ", pattern)
        words.update(re.findall(r"[a-z]{3,}", plain))
    for title in known_titles():
        words.update(re.findall(r"[a-z]{3,}", title.lower()))
    return frozenset(words | names())


@cache
def names() -> frozenset[str]:
    """The words of the names of states, organisations and cities."""
    words: set[str] = set()
    for kind in ("state", "organization", "city"):
        for entity in reference.entities(kind):
            for name in (*entity.names, entity.full_name or ""):
                words.update(re.findall(r"[a-z]{3,}", name.lower()))
    return frozenset(words)


@cache
def _stems() -> tuple[str, ...]:
    return tuple(w for w in vocabulary() - names() if len(w) >= 4)


def _known(word: str) -> bool:
    """A word the grammar reads, a form of one ("proposed" of "propos"), or a name."""
    return word in vocabulary() or word.startswith(_stems()) or \
        reference.resolve(word) is not None


def correction(word: str) -> str | None:
    """The word the grammar knows that `word` misspells, else None."""
    low = word.lower()
    if len(low) < MIN_LENGTH or _known(low):
        return None
    close = difflib.get_close_matches(low, vocabulary(), n=2, cutoff=CUTOFF)
    # same first letter; a name that only adds an ending is another word ("comes" is not
    # COMESA)
    close = [c for c in close if c[0] == low[0] and not (c in names() and c.startswith(low))]
    if not close:
        return None
    if len(close) == 2 and difflib.SequenceMatcher(None, low, close[0]).ratio() == \
            difflib.SequenceMatcher(None, low, close[1]).ratio():
        return None  # two words as close: not a typo that tells which
    return close[0]


@cache
def _common_words() -> frozenset[str]:
    """Words written with a capital inside the names of bodies and titles that are not
    themselves names of places or states ("Commission", "Council", "Economic")."""
    from graph_builder.core.titles import known_titles

    words: set[str] = set()
    whole: set[str] = set()  # a body's one-word name or acronym is a name: "NATTO" stays
    for entity in reference.entities("organization"):
        for name in (*entity.names, entity.full_name or ""):
            found = re.findall(r"[a-z]{3,}", name.lower())
            words.update(found)
            if len(found) == 1:
                whole.update(found)
    words -= whole
    for title in known_titles():
        words.update(re.findall(r"[a-z]{3,}", title.lower()))
    places: set[str] = set()
    for kind in ("state", "city"):
        for entity in reference.entities(kind):
            for name in (*entity.names, entity.full_name or ""):
                places.update(re.findall(r"[a-z]{3,}", name.lower()))
    return frozenset(words - places)


def corrected(text: str) -> str:
    """The question with its small typos corrected; capitalised words in a question that
    uses capitals are names and kept, unless the word they misspell is a common word of a
    body's name or a title ("the African Union Commision")."""
    uncased = not re.search(r"[A-Z]", text[1:]) or not re.search(r"[a-z]", text)

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        better = correction(word)
        if not uncased and m.start() > 0 and word[0].isupper() and (
                better is None or better not in _common_words()):
            return word
        if better is None:
            return word
        if word.isupper():
            return better.upper()
        return better.capitalize() if word[0].isupper() else better

    return re.sub(rf"[A-Za-z]{{{MIN_LENGTH},}}", fix, text)
