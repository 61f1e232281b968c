"""Choosing the form of a question from the form table (queries/forms/ask.toml).

Each form says which slots it needs and which trigger words must (or must not) occur; the
forms are tried in the table's order and the first that holds is the reading. A question
no form holds, or one that asks what the graph does not record (amounts, opinions, votes,
founding dates...), is not guessed at: the answer says the graph does not record it.
"""

from __future__ import annotations

import re

from graph_builder.ask.parse import Parsed
from graph_builder.ask.triggers import Form, forms, triggers

# triggers read with the names blanked: a name never asks for what the graph does not record,
# nor names a meeting ("Costa Rica", "the Council of Europe")
_ON_PLAIN = frozenset({"not_recorded", "summit_word"})


def features(p: Parsed) -> set[str]:
    """The names of the triggers that occur in the question."""
    low = p.text
    found = {name for name, rx in triggers().items()
             if rx.search(p.plain if name in _ON_PLAIN else low)}
    if p.title == "president" and "which_state" in found and p.orgs:
        found.add("chair")  # "which country holds the presidency of X"
    return found


def slots_of(p: Parsed) -> set[str]:
    """The slots a question fills: a form needs some of them (queries/forms/ask.toml)."""
    filled = {"org": p.orgs, "orgs2": len(p.orgs) >= 2, "state": p.states, "city": p.cities,
              "venue": p.venues, "title": p.title, "period": p.period, "unknown": p.unknown,
              "person": p.persons}
    return {slot for slot, value in filled.items() if value}


def _term(term: str, found: set[str], low: str) -> bool:
    if term.startswith("@"):
        return bool(re.search(term[1:], low))
    return term in found


def _alternatives(need: str) -> list[str]:
    """"a|b": either trigger; "@regex" is one literal expression, bars and all."""
    return [need] if need.startswith("@") else need.split("|")


def _holds(form: Form, p: Parsed, found: set[str], slots: set[str]) -> bool:
    if not all(any(s in slots for s in need.split("|")) for need in form.slots):
        return False
    if any(s in slots for s in form.no_slots):
        return False
    if not all(any(_term(t, found, p.text) for t in _alternatives(need)) for need in form.all):
        return False
    if any(_term(t, found, p.text) for t in form.none):
        return False
    period = p.period
    if form.period == "none":
        return period is None
    if form.period == "now":
        return period is not None and period.relative == "now"
    if form.period == "day":
        return period is not None and period.precision == "day" and period.relative != "now"
    if form.period == "span":
        return period is not None and period.precision != "day"
    return True


def choose(p: Parsed) -> Form | None:
    """The first form of the table that the question holds, or None."""
    found = features(p)
    slots = slots_of(p)
    if "not_recorded" in found and "founders" not in found:
        return None
    for form in forms():
        if _holds(form, p, found, slots):
            return form
    return None
