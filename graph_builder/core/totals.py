"""How many members an article says an organisation has: "the 22-member League", "its
fifty-seven member states", "all ten members", "the bloc, which has nine members".

A count of the members the graph knows by name is not the total: an article may name a
few of many. The total is what an article states, read here from the evidence sentences
of the organisation's facts; a number of members that did something ("13 member states
attended") is no total, so only shapes that give the size of the whole are read.
"""

from __future__ import annotations

import re
from functools import cache

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def number(word: str) -> int | None:
    """12, "twelve", "fifty-seven", "fifty seven": the number, else None."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS.index(word)
    parts = re.split(r"[- ]", word)
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _UNITS[1:10])):
        return _TENS[parts[0]] + (_UNITS.index(parts[1]) if len(parts) == 2 else 0)
    return None


@cache
def _pattern() -> re.Pattern[str]:
    tens = "|".join(_TENS)
    units = "|".join(sorted(_UNITS[1:], key=len, reverse=True))
    n = rf"(?:\d{{1,3}}|(?:{tens})(?:[- ](?:{units}))?|{units})"
    members = (r"(?:full[- ])?(?:member[- ]states?|member[- ]countries|member[- ]nations|"
               r"participating states|states parties|members?)")
    kind = r"(?:" + members + r"|nations|countries|states)"
    # ("the three countries" are some of them, named before; "the three member states" all)
    return re.compile(
        rf"\b(?P<a>{n})-(?:full-)?(?:member|nation|country|state|strong)\b(?!\s+of\b)"
        rf"|\b(?:its|all|of|their|with|has|have|counts|comprises|now|groups|grouping|unites|"
        rf"uniting|gathers|numbers|encompasses|brings together|bringing together) "
        rf"(?P<b>{n}) (?:(?-i:[A-Z][a-z]+)(?<!States) |(?:sovereign|independent) )?{kind}\b"
        rf"|\bthe (?P<d>{n}) (?:(?:(?-i:[A-Z]{{2,}})|\u27e6O\d+\u27e7) )?{members}\b"
        rf"|'s (?P<c>{n}) {kind}\b", re.IGNORECASE)


def find(text: str) -> re.Match[str] | None:
    """The first phrase of `text` that states an organisation's size, if any."""
    return _pattern().search(text)


def value(m: re.Match[str]) -> int | None:
    """The number a phrase found by `find` states, if it is a size (more than one)."""
    found = number(m.group("a") or m.group("b") or m.group("c") or m.group("d"))
    return found if found and found > 1 else None


def stated(text: str) -> int | None:
    """The organisation's size a sentence states, if it states one."""
    m = find(text)
    return value(m) if m else None
