"""Time and collecting helpers shared by the families of forms."""

from __future__ import annotations

import re
from datetime import date, timedelta

from graph_builder.ask.model import AnswerItem
from graph_builder.ask.parse import Period
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import outside_membership

# --- time helpers ----------------------------------------------------------------------------


def _bounds(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    first = PartialDate.parse(start).first_day if start else None
    last = PartialDate.parse(end).last_day if end else None
    return first, last


def _covers(start: str | None, end: str | None, period: Period) -> bool:
    first, last = _bounds(start, end)
    return (first is None or first <= period.last) and (last is None or last >= period.first)


def _date_in(value: str | None, period: Period | None) -> bool:
    if period is None:
        return True
    if not value:
        return False
    d = PartialDate.parse(value)
    return d.first_day <= period.last and d.last_day >= period.first


def _same_year(value: str | None, year: int) -> bool:
    return bool(value) and value[:4] == str(year)


# --- collecting answers ----------------------------------------------------------------------


def _collect(
    rows: list[dict[str, str]],
    label: str,
    iri: str | None = None,
    start: str | None = "start",
    end: str | None = "end",
) -> list[AnswerItem]:
    items: dict[str, AnswerItem] = {}
    for row in rows:
        value = row.get(label)
        if not value:
            continue
        key = row.get(iri, value) if iri else value
        item = items.get(key)
        if item is None:
            item = items[key] = AnswerItem(
                label=value,
                iri=row.get(iri) if iri else None,
                start=row.get(start) if start else None,
                end=row.get(end) if end else None,
            )
        item.add_source(row.get("article"), row.get("evidence"))
    return list(items.values())


def _merge_dates(items: list[AnswerItem]) -> list[AnswerItem]:
    """Dates that refine one another ("2022-09", "2022-09-13") are one answer, the finest."""
    keep: list[AnswerItem] = []
    for item in sorted(items, key=lambda i: -len(i.label)):
        same = next((k for k in keep if k.label.startswith(item.label)), None)
        if same is None:
            keep.append(item)
        else:
            for s in item.sources:
                same.add_source(s.article, s.evidence)
    return sorted(keep, key=lambda i: i.label)


def _distance(day: date, period: Period) -> int:
    if day < period.first:
        return (period.first - day).days
    return max((day - period.last).days, 0)


class _NoDate(Exception):
    """A question relative to a change of membership whose date the graph does not hold."""


def _members_at(rows: list[dict[str, str]], period: Period,
                ended_statuses: tuple[str, ...]) -> list[dict[str, str]]:
    """Membership rows that hold during the period.

    A dated membership must cover it. A membership that ended (or was reported withdrawn or
    suspended) before the period ends the member's undated statements too, unless a later
    one starts again. An undated statement is known from its article's date on; before that
    date it counts only when no earlier list of members, nearer to the period, leaves it out.
    """

    def published(row: dict[str, str]) -> date | None:
        return PartialDate.parse(row["published"][:10]).first_day if row.get("published") \
            else None

    def status(row: dict[str, str]) -> str:
        return (row.get("status") or "member").lower()

    ended: dict[str, date] = {}
    lists: dict[str, tuple[date | None, set[str]]] = {}
    for r in rows:
        if outside_membership(r.get("status")):
            continue  # an observer's standing neither ends nor lists a membership
        last = _bounds(None, r.get("end"))[1]
        if last is None and status(r) in ended_statuses and r.get("start"):
            # "withdrawn, 2012" with no end: the day it left, not a term that began then
            last = _bounds(r.get("start"), None)[0] - timedelta(days=1)
        if last is None and status(r) in ended_statuses and published(r) is not None:
            last = published(r) - timedelta(days=1)  # "has left" holds from the report on
        if last is not None and last < period.first and status(r) != "suspended":
            # (the end of a suspension is the membership restored, not ended)
            ended[r["member"]] = max(last, ended.get(r["member"], last))
        if status(r) not in ended_statuses and r.get("article"):
            lists.setdefault(r["article"], (published(r), set()))[1].add(r["member"])

    def left_out_earlier(member: str, reported: date) -> bool:
        # a list of members reported before this statement and nearer to the period
        return any(pub is not None and pub < reported and len(names) >= 3
                   and member not in names and _distance(pub, period) < _distance(reported, period)
                   for pub, names in lists.values())

    kept = []
    for r in rows:
        if outside_membership(r.get("status")):
            continue
        if status(r) in ended_statuses and not r.get("end"):
            continue  # "has left" (undated, or dated by when it left): not when it was one
        if not _covers(r.get("start"), r.get("end"), period):
            continue
        first = _bounds(r.get("start"), None)[0]
        if r["member"] in ended and (first is None or first < ended[r["member"]]):
            continue
        pub = published(r)
        if not (r.get("start") or r.get("end")) and pub is not None and pub > period.last \
                and left_out_earlier(r["member"], pub):
            continue
        kept.append(r)
    return kept


def _main_holders(found: list[AnswerItem], period: Period) -> list[AnswerItem]:
    """Who held the chair for most of a year or month range: a chair that covers only a sliver
    of it ("Brazil from 1 December 2023") is not the answer to "who chaired it in 2023".
    An open end runs to the next chair's start."""
    starts = sorted(_bounds(a.start, None)[0] for a in found if a.start)
    spans: list[int] = []
    for a in found:
        first, last = _bounds(a.start, a.end)
        first = max(first or period.first, period.first)
        if last is None:
            later = [s for s in starts if s > first]
            last = later[0] - timedelta(days=1) if later else period.last
        last = min(last, period.last)
        spans.append(max((last - first).days + 1, 0))
    if not spans or max(spans) == 0:
        return found
    return [a for a, n in zip(found, spans, strict=True) if n * 3 >= max(spans)]


_ORDINAL_WORDS = {
    w: i for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split())
}


_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_TENTHS = {w[:-1] + "ieth": n for w, n in _TENS.items()}  # "fortieth"
# "the XXII Andean Presidential Council", "the XII summit": a Roman numeral before the
# gathering it numbers (not "Xi" or "Li", names far more often than 11 or 51)
_ROMAN = re.compile(r"\b(?!(?:xi|li)\b)(?=[clxvi]{2,}\b)"
                    r"(c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\s+(?:[a-z-]+\s+){0,3}?(?:summit|meeting|session|council|conference|"
                    r"assembly|congress|forum)\b")
_ROMAN_VALUES = {"m": 1000, "d": 500, "c": 100, "l": 50, "x": 10, "v": 5, "i": 1}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def _ordinals(low: str) -> set[int]:
    """The ordinal numbers a text names ("4th", "fourth", "forty-second", "XXII"), for
    "the fourth summit"."""
    found = {int(m.group(1)) for m in re.finditer(r"\b(\d+)(?:st|nd|rd|th)\b", low)}
    compound = re.compile(r"\b(" + "|".join(_TENS) + r")[\s-](first|second|third|fourth|fifth|"
                          r"sixth|seventh|eighth|ninth)\b")
    found |= {_TENS[m.group(1)] + _ORDINAL_WORDS[m.group(2)] for m in compound.finditer(low)}
    rest = compound.sub(" ", low)  # ("forty-second" is not also "second")
    found |= {_TENTHS[m.group(1)] for m in re.finditer(
        r"\b(" + "|".join(_TENTHS) + r")\b", rest)}
    found |= {_ORDINAL_WORDS[m.group(1)] for m in re.finditer(
        r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", rest)}
    found |= {_roman(m.group(1)) for m in _ROMAN.finditer(low) if len(m.group(1)) >= 2}
    return found


def _country_of(place: str | None) -> reference.Entity | None:
    """The state a city IRI of the graph lies in, from the reference tables."""
    if not place:
        return None
    try:
        city = reference.get("city", place.rsplit("/", 1)[1])
        return reference.get("state", city.country) if city.country else None
    except BlocgraphError:
        return None


def _names_other_org(name: str, org: reference.Entity) -> bool:
    from graph_builder.ask.parse import _gazetteer

    return any(
        m.entity.kind == "organization" and m.entity.slug != org.slug and m.entity.parent !=
        org.slug for m in _gazetteer().mentions(name.upper() if name.islower() else name)
    )


def _known_count(found: list[AnswerItem], what: str, org: str,
                 period: str) -> tuple[AnswerItem, str]:
    """How many the graph knows by name, with every source, and the sentence saying so
    ("The graph knows 2 observers of the SCO by name (2025-01-01): Afghanistan, Mongolia.")."""
    item = AnswerItem(str(len(found)))
    for a in found:
        for src in a.sources:
            item.add_source(src.article, src.evidence)
    plural = what if len(found) == 1 else f"{what}s"
    names = f": {', '.join(a.label for a in found)}." if found else "."
    return item, f"The graph knows {len(found)} {plural} of the {org} by name ({period}){names}"
