"""The state a well-known office holder serves, for a title written without one.

News writes "President Cyril Ramaphosa closed the summit" and never says of which state:
the reader knows. Guessing from the states near the name gets it wrong as often as right
("Qatar, the loudest critic of President Bashar al-Assad"), so the heads of state and
government, foreign ministers and spokespeople of the states the reference table holds
who appear in the news of the blocs are listed in `core/data/leaders.csv` (world
knowledge, like the capitals). A name is matched on its first and last word, accents,
case and hyphens aside, so "Bola Ahmed Tinubu" is "Bola Tinubu"; a pair two states share
is no answer.

News also writes the surname alone after a title ("President Tokayev said", "Presidents
Putin and Xi"): the table's `surnames` column gives the word a person is called by when
it is not the last one of the name ("Xi" of "Xi Jinping", "Lula" of "Luiz Inacio Lula da
Silva"); a surname two people share is their state's only if they serve one state.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from graph_builder.core import reference

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _key(name: str) -> tuple[str, str] | None:
    words = [w for w in reference.normalise(name).split() if w not in _SUFFIXES]
    return (words[0], words[-1]) if len(words) >= 2 else None


@cache
def _table() -> dict[tuple[str, str], str | None]:
    text = resources.files("graph_builder.core").joinpath("data/leaders.csv").read_text("utf-8")
    table: dict[tuple[str, str], str | None] = {}
    for row in csv.DictReader(text.splitlines()):
        key = _key(row["name"])
        entity = reference.resolve(row["state"], "state")
        if key is None or entity is None:
            raise ValueError(f"core/data/leaders.csv: bad row {row}")
        table[key] = entity.label if table.get(key, entity.label) == entity.label else None
    return table


@cache
def _surnames() -> dict[str, list[tuple[str, str]]]:
    """Each surname (normalised) -> the (full name, state) of the people called by it."""
    text = resources.files("graph_builder.core").joinpath("data/leaders.csv").read_text("utf-8")
    table: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(text.splitlines()):
        entity = reference.resolve(row["state"], "state")
        words = [w for w in reference.normalise(row["name"]).split() if w not in _SUFFIXES]
        if entity is None or not words:
            continue
        called = [reference.normalise(s) for s in (row.get("surnames") or "").split(";")
                  if s.strip()] or [words[-1]]
        for surname in called:
            people = table.setdefault(surname, [])
            if all(_same(name, row["name"], surname) is False for name, _ in people):
                people.append((row["name"], entity.label))
    return table


def _same(one: str, other: str, surname: str) -> bool:
    """Two spellings of one person ("Sergei"/"Sergey Lavrov", "Ali Bongo (Ondimba)"): the
    first word besides the surname begins alike; "Sadyr" and "Akylbek Japarov" do not."""
    def given(name: str) -> str:
        rest = [w for w in reference.normalise(name).split()
                if w not in surname.split() and w not in _SUFFIXES]
        return rest[0][:3] if rest else ""
    return given(one) == given(other)


def by_surname(surname: str) -> tuple[str | None, str] | None:
    """(full name, state) of the person a surname names; the name None when two people of
    one state share it ("Japarov"), and None altogether when people of two states do."""
    people = _surnames().get(reference.normalise(surname), [])
    states = {state for _, state in people}
    if len(states) != 1:
        return None
    return (people[0][0] if len(people) == 1 else None), states.pop()


@cache
def _posts() -> dict[tuple[str, str], tuple[str, str]]:
    text = resources.files("graph_builder.core").joinpath("data/leaders.csv").read_text("utf-8")
    table: dict[tuple[str, str], tuple[str, str]] = {}
    for row in csv.DictReader(text.splitlines()):
        key = _key(row["name"])
        entity = reference.resolve(row["state"], "state")
        if key and entity and (row.get("post") or "").strip():
            table[key] = (entity.label, row["post"].strip())
    return table


def known_post(name: str) -> tuple[str, str] | None:
    """(state, post) the table gives the person named, if it gives a post."""
    key = _key(name)
    return _posts().get(key) if key else None


def state_of(name: str) -> str | None:
    """The state the person named serves, if the table knows them, else None."""
    key = _key(name)
    return _table().get(key) if key else None


# Russian and Central Asian names reach English in several transliterations ("Zhaparov" and
# "Japarov", "Rakhmon" and "Rahmon", "Sergey" and "Sergei", "Nazarbayev" and "Nazarbaev"):
# folded alike, they meet
_FOLDS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("aye", "ae"), ("iy", "i"), ("y", "i"),
          ("ou", "u"))


def fold_transliteration(word: str) -> str:
    """One word of a name (normalised: lower case, no accents) with its transliteration
    variants folded: the one rule by which two spellings are one person's, for the leaders
    table and for comparing facts ("Atambaev" as written and "Atambayev" as curated)."""
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return re.sub(r"(.)\1", r"\1", word)



@cache
def _folded() -> dict[tuple[str, str, str], str]:
    """(folded first word, folded last word, state) -> the table's spelling of the name."""
    text = resources.files("graph_builder.core").joinpath("data/leaders.csv").read_text("utf-8")
    table: dict[tuple[str, str, str], str] = {}
    for row in csv.DictReader(text.splitlines()):
        key = _key(row["name"])
        entity = reference.resolve(row["state"], "state")
        if key and entity:
            table.setdefault((fold_transliteration(key[0]), fold_transliteration(key[1]),
                            entity.label), row["name"])
    return table


def spelling(name: str, state: str | None) -> str:
    """The table's spelling of a name the text transliterates otherwise ("Sadyr Zhaparov"
    of Kyrgyzstan is the table's "Sadyr Japarov"), when first and last word both meet one of
    the same state's; else the name as written."""
    key = _key(name)
    if key is None or state is None or key in _table():
        return name
    return _folded().get((fold_transliteration(key[0]), fold_transliteration(key[1]), state),
                         name)
