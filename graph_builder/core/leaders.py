"""The state a well-known office holder serves, for a title written without one.

News writes "President Cyril Ramaphosa closed the summit" and never says of which state:
the reader knows. Guessing from the states near the name gets it wrong as often as right
("Qatar, the loudest critic of President Bashar al-Assad"), so the heads of state and
government, foreign ministers and spokespeople of the states the reference table holds
who appear in the news of the blocs are listed in `core/data/leaders.csv` (world
knowledge, like the capitals). A name is matched on its first and last word, accents,
case and hyphens aside, so "Bola Ahmed Tinubu" is "Bola Tinubu"; a pair two states share
is no answer.
"""

from __future__ import annotations

import csv
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


def state_of(name: str) -> str | None:
    """The state the person named serves, if the table knows them, else None."""
    key = _key(name)
    return _table().get(key) if key else None
