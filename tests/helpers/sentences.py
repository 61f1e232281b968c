"""Facts of a short article written for one test, seen through the few views tests compare.

The phenomena tests (tests/pipeline/test_extract_*.py) write a sentence or two into an
article, extract it, and check that some tuples are among its facts and others are not.
That check is one rule, kept here with its views; the sentences and what they must (and
must not) yield are data, tests/fixtures/sentences/*.json, one row per case:
{"id", "view", "text" or "body", "present": [[...], ...], "absent": [[...], ...]}.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from graph_builder.core.facts import outside_membership
from graph_builder.extract import extract_file
from helpers import TESTS


def extract_text(folder: Path, text: str) -> Any:
    """The Facts of an article whose whole text is `text` (written to folder/a.txt)."""
    path = folder / "a.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def _year(value: str | None) -> str | None:
    return value[:4] if value else None


# Each view turns Facts into a set of tuples; a table row names the view it checks.
VIEWS: dict[str, Callable[[Any], set[tuple]]] = {
    "chairs": lambda f: {(c.organization, c.chair, c.start) for c in f.chairmanships},
    "chair_years": lambda f: {(c.organization, c.chair, _year(c.start))
                              for c in f.chairmanships},
    "chair_starts": lambda f: {(c.chair, c.start) for c in f.chairmanships},
    # full memberships; an observer, partner or associate is a standing, not a member
    "members": lambda f: {(m.organization, m.member) for m in f.memberships
                          if not outside_membership(m.status)},
    "standings": lambda f: {(m.organization, m.member, m.status) for m in f.memberships
                            if outside_membership(m.status)},
    "member_starts": lambda f: {(m.organization, m.member, m.start) for m in f.memberships},
    "member_status": lambda f: {(m.member, m.status) for m in f.memberships},
    "member_rules": lambda f: {(m.organization, m.member, m.rule) for m in f.memberships},
    "posts": lambda f: {(p.person, p.post, p.of) for p in f.posts},
    "post_surnames": lambda f: {(p.person.split()[-1], p.post, p.of) for p in f.posts},
    "person_states": lambda f: {(p.person, p.of) for p in f.posts},
    # a post that has ended (an end date), is to come (planned/expected) or holds now
    "post_tense": lambda f: {(p.person.split()[-1], p.post, p.of, "ended" if p.end else
                              "planned" if p.modality else "holds") for p in f.posts},
    "events": lambda f: {(e.type, e.place, e.date[:7] if e.date else None) for e in f.events},
    "cooperation": lambda f: {(c.proposer, c.organization, c.partner)
                              for c in f.cooperation_proposals},
    # the totals articles state: (organisation, count)
    "counts": lambda f: {(c.organization, c.count) for c in f.member_counts},
}


def sentence_cases(name: str, text_key: str = "text") -> list[Any]:
    """The rows of tests/fixtures/sentences/NAME.json as pytest params (text, view,
    present, absent), each id the phenomenon's name; tuples as tuples, null as None."""
    rows = json.loads((TESTS / "fixtures" / "sentences" / f"{name}.json").read_text("utf-8"))
    return [pytest.param(row[text_key], row["view"], set(map(tuple, row["present"])),
                         set(map(tuple, row["absent"])), id=row["id"]) for row in rows]


def check_view(facts: Any, view: str, present: Iterable[tuple],
               absent: Iterable[tuple] = ()) -> None:
    """Every tuple of `present` is in the view of `facts`, none of `absent` is."""
    got = VIEWS[view](facts)
    assert set(present) <= got, f"{view}: missing {set(present) - got} in {got}"
    assert not set(absent) & got, f"{view}: unexpected {set(absent) & got}"
