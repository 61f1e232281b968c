"""Plain questions answered from the graph, each answer with the article that states it.

A question becomes an intent and its slots (`ask_parse`), the intent picks a named query
of `queries/`, the slots are bound to its parameters as RDF terms (`queries.bind` and
`queries.with_values`, never pasted text), and the rows become answers with sources.
The target is anything with `.select(sparql) -> Results`: the embedded store or a remote
endpoint, so the same question gets the same answer locally and remotely. What the graph
does not hold is said, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from graph_builder.ask.parse import EXAMPLES, Parsed, Period, chair_words, parse
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.graph.rdf import entity_iri
from graph_builder.graph.results import Results
from graph_builder.query.named import bind, registry, with_values


class Target(Protocol):
    def select(self, sparql: str) -> Results: ...


@dataclass
class Source:
    article: str
    evidence: str | None = None


@dataclass
class AnswerItem:
    label: str
    iri: str | None = None
    start: str | None = None
    end: str | None = None
    sources: list[Source] = field(default_factory=list)

    def add_source(self, article: str | None, evidence: str | None) -> None:
        if not article:
            return
        for s in self.sources:
            if s.article == article:
                if not s.evidence and evidence:
                    s.evidence = evidence
                return
        self.sources.append(Source(article, evidence))


@dataclass
class Answer:
    question: str
    intent: str
    slots: dict[str, Any]
    answers: list[AnswerItem]
    sparql: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "understood_as": {"intent": self.intent, "slots": self.slots},
            "answers": [
                {
                    "label": a.label,
                    "iri": a.iri,
                    "start": a.start,
                    "end": a.end,
                    "sources": [{"article": s.article, "evidence": s.evidence} for s in a.sources],
                }
                for a in self.answers
            ],
            "sparql": self.sparql,
            "message": self.message,
        }

    def to_text(self, show_sparql: bool = False) -> str:
        lines = [self.message]
        for a in self.answers:
            period = _period_text(a.start, a.end)
            lines.append(f"- {a.label}" + (f" ({period})" if period else ""))
            for s in a.sources:
                lines.append(f"    source: {s.article}")
                if s.evidence:
                    lines.append(f"      \u201c{s.evidence}\u201d")
        if show_sparql and self.sparql:
            lines += ["", self.sparql]
        return "\n".join(lines)


def _period_text(start: str | None, end: str | None) -> str:
    if start and end:
        return start if start == end else f"{start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


class _Run:
    """Runs named queries for one question and keeps the SPARQL text that was sent."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.sparql: list[str] = []

    def __call__(self, name: str, **params: str) -> list[dict[str, str]]:
        named = registry()[name]
        text = with_values(named.text, bind(named, {k: v for k, v in params.items() if v}))
        self.sparql.append(text)
        return self.target.select(text).values()


def _iri(entity: reference.Entity) -> str:
    return entity_iri(entity).value


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


def _members_at(rows: list[dict[str, str]], period: Period, not_member: tuple[str, ...],
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
        last = _bounds(None, r.get("end"))[1]
        if last is None and status(r) in ended_statuses and published(r) is not None:
            last = published(r) - timedelta(days=1)  # "has left" holds from the report on
        if last is not None and last < period.first:
            ended[r["member"]] = max(last, ended.get(r["member"], last))
        if status(r) not in not_member and status(r) not in ended_statuses and r.get("article"):
            lists.setdefault(r["article"], (published(r), set()))[1].add(r["member"])

    def left_out_earlier(member: str, reported: date) -> bool:
        # a list of members reported before this statement and nearer to the period
        return any(pub is not None and pub < reported and len(names) >= 3
                   and member not in names and _distance(pub, period) < _distance(reported, period)
                   for pub, names in lists.values())

    kept = []
    for r in rows:
        if status(r) in not_member:
            continue
        if status(r) in ended_statuses and not (r.get("start") or r.get("end")):
            continue  # "has left", undated: says when it was not a member, not when it was
        if not _covers(r.get("start"), r.get("end"), period):
            continue
        first = _bounds(r.get("start"), None)[0]
        if r["member"] in ended and (first is None or first <= ended[r["member"]]):
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


def _ordinals(low: str) -> set[int]:
    """The ordinal numbers a text names ("4th", "fourth"), for "the fourth summit"."""
    found = {int(m.group(1)) for m in re.finditer(r"\b(\d+)(?:st|nd|rd|th)\b", low)}
    found |= {_ORDINAL_WORDS[m.group(1)] for m in re.finditer(
        r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", low)}
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


# --- the question forms ----------------------------------------------------------------------


class _Asker:
    def __init__(self, parsed: Parsed, target: Target, as_of: date) -> None:
        self.p = parsed
        self.low = parsed.text
        self.run = _Run(target)
        self.as_of = as_of
        self.message = ""

    # slots ---------------------------------------------------------------------------------
    def org(self, required: bool = True) -> reference.Entity | None:
        if self.p.orgs:
            return self.p.orgs[-1] if "member" in self.low else self.p.orgs[0]
        if required:
            self._unknown("organisation")
        return None

    def state(self, required: bool = True) -> reference.Entity | None:
        if self.p.states:
            return self.p.states[0]
        if required:
            self._unknown("state")
        return None

    def _unknown(self, kind: str) -> None:
        words = [w for w in self.p.unknown if w]
        for word in words:
            hint = reference.suggest(word, "organization" if kind == "organisation" else "state")
            if hint:
                raise BlocgraphError(
                    f"unknown {kind} '{word}' (did you mean {', '.join(hint)}?)"
                )
        if words:
            raise BlocgraphError(
                f"unknown {kind} '{words[0]}' (see `blocgraph ask --examples`)"
            )
        raise BlocgraphError(
            f"the question names no {kind} I know (see `blocgraph ask --examples`)"
        )

    def org_family(self, org: reference.Entity) -> list[reference.Entity]:
        """The organisation, then its bodies ("EU presidency" is the Council of the EU's)."""
        children = [e for e in reference.entities("organization") if e.parent == org.slug]
        return [org, *children]

    # chairmanship -----------------------------------------------------------------------------
    def chair(self) -> list[AnswerItem]:
        org = self.org()
        period = self.p.period
        found: list[AnswerItem] = []
        for body in self.org_family(org):
            found = self._chair_of(body, period)
            if found:
                org = body
                break
        took = re.search(r"\b(took over|take over|takes over|taking over|assum\w+|took up|"
                         r"took on|was handed|received)\b", self.low)
        if took and period and period.relative is None and len(found) > 1:
            starting = [a for a in found if a.start and _date_in(a.start, period)]
            found = starting or found
        elif period and period.relative != "now" and period.precision != "day" and len(found) > 1 \
                and not re.search(r"\b(countries|states|members|nations)\b", self.low):
            found = _main_holders(found, period)
        what = f"chairmanship of the {org.label}"
        if period is None:
            when = ""
        elif period.relative == "now":
            when = f" on {period.iso} (now)"
        else:
            when = f" {'on' if period.precision == 'day' else 'in'} {period.iso}"
        if not found:
            self.message = f"The graph has no {what}{when}."
        elif len(found) > 1 and self._conflict(found, period):
            self.message = (
                f"Sources disagree on the {what}{when}: "
                + "; ".join(f"{a.label} ({', '.join(s.article for s in a.sources)})" for a in found)
                + "."
            )
        else:
            self.message = f"{' and '.join(a.label for a in found)} held the {what}{when}."
        return found

    def _chair_of(self, org: reference.Entity, period: Period | None) -> list[AnswerItem]:
        if period is None:
            if re.search(r"\b(who|which \w+) (chairs|holds|presides|is)\b", self.low):
                period = Period(self.as_of, self.as_of, "day", "now")
                self.p.period = period
            else:
                rows = self.run("chairs", org=_iri(org))
                return _collect(rows, "chairLabel", "chair")
        if period.precision == "day":
            rows = self.run("chair_on", org=_iri(org), date=period.first.isoformat())
        else:
            rows = self.run(
                "chair_during", org=_iri(org), **{"from": period.first.isoformat(),
                                                  "to": period.last.isoformat()}
            )
        return _collect(rows, "chairLabel", "chair")

    @staticmethod
    def _conflict(found: list[AnswerItem], period: Period | None) -> bool:
        if period is not None and period.precision == "day":
            return True
        spans = [(a.start, a.end) for a in found]
        return len(set(spans)) < len(spans)

    def when_chaired(self) -> list[AnswerItem]:
        org, state = self.org(), self.state()
        rows = self.run("chairs", org=_iri(org), chair=_iri(state))
        years = bool(re.search(r"\byears?\b", self.low))
        # "until when", "when did its chairmanship end", "when did Belarus hand it over"
        ending = bool(re.search(
            r"\b(until|till|end|ends|ended|ending|expire\w*|conclud\w*|finish\w*|hand\w*|"
            r"pass\w*|relinquish\w*|give up|gave up|step\w* down|transferr?\w*)\b", self.low))
        if ending and self.p.state_spans and re.search(
                r"\bto\s+(the\s+)?$", self.low[:self.p.state_spans[0][0]]):
            ending = False  # "when was the chair handed to Kazakhstan": its start
        key = "end" if ending else "start"
        items: dict[str, AnswerItem] = {}
        for row in rows:
            value = row.get(key)
            if not value:
                continue
            label = value[:4] if years else value
            item = items.setdefault(label, AnswerItem(label, None, row.get("start"),
                                                      row.get("end")))
            item.add_source(row.get("article"), row.get("evidence"))
        if ending and not items:  # no stated end: the next chair's start, where it is known
            others = {_iri(s) for s in self.p.states[1:]}
            for row in self.run("succession", org=_iri(org), **{"from": _iri(state)}):
                if row.get("toStart") and (not others or row.get("to") in others):
                    label = row["toStart"][:4] if years else row["toStart"]
                    item = items.setdefault(label, AnswerItem(label, None, None, row["toStart"]))
                    item.add_source(row.get("article"), row.get("evidence"))
        found = _merge_dates(list(items.values())) if not years else sorted(
            items.values(), key=lambda a: a.label)
        if self.p.period and self.p.period.relative is None:
            found = [a for a in found if _covers(a.start, a.end, self.p.period)]
        verb = "'s chairmanship of the {org} ended" if ending else " chaired the {org} in"
        if found:
            self.message = f"{state.label}" + verb.format(org=org.label) + ": " + ", ".join(
                a.label for a in found) + "."
        else:
            self.message = (f"The graph has no {'end of a ' if ending else ''}chairmanship of "
                            f"the {org.label} by {state.label}.")
        return found

    def has_chaired(self) -> list[AnswerItem]:
        org, state = self.org(), self.state()
        rows = self.run("chairs", org=_iri(org), chair=_iri(state))
        period = self.p.period
        if period is not None:
            rows = [r for r in rows if _covers(r.get("start"), r.get("end"), period)]
        item = AnswerItem("yes" if rows else "no")
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        when = f" in {period.iso}" if period else ""
        self.message = (f"Yes: {state.label} chaired the {org.label}{when}." if rows else
                        f"No: the graph has no chairmanship of the {org.label} by "
                        f"{state.label}{when}.")
        return [item]

    def times_chaired(self) -> list[AnswerItem]:
        org, state = self.org(), self.state()
        rows = self.run("chairs", org=_iri(org), chair=_iri(state))
        dated = [AnswerItem(r["start"]) for r in rows if r.get("start")]
        starts = {a.label for a in _merge_dates(dated)} or ({"undated"} if rows else set())
        if not rows:
            self.message = f"The graph has no chairmanship of the {org.label} by {state.label}."
            return []
        item = AnswerItem(str(len(starts)))
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
        self.message = (
            f"{state.label} chaired the {org.label} {len(starts)} time(s): "
            + ", ".join(sorted(starts)) + "."
        )
        return [item]

    def orgs_chaired(self) -> list[AnswerItem]:
        state = self.state()
        rows = self.run("chairs", chair=_iri(state))
        if self.p.period:
            rows = [r for r in rows if _covers(r.get("start"), r.get("end"), self.p.period)]
        found = _collect(rows, "orgLabel", "org", None, None)
        self.message = (
            f"{state.label} chaired: {', '.join(a.label for a in found)}."
            if found
            else f"The graph has no chairmanship held by {state.label}."
        )
        return found

    # succession -------------------------------------------------------------------------------
    def succession(self) -> list[AnswerItem]:
        low = self.low
        state = self.state(required=False)
        if not self.p.orgs and state is not None:
            return self._succession_any(state)
        org = self.org()
        if state is None:
            return self.next_chair(org)
        direction = self._direction(state)
        for body in self.org_family(org):
            if direction == "successor":
                rows = self.run("succession", org=_iri(body), **{"from": _iri(state)})
                label, iri, when = "toLabel", "to", "toStart"
            else:
                rows = self.run("succession", org=_iri(body), to=_iri(state))
                label, iri, when = "fromLabel", "from", "fromStart"
            if rows:
                org = body
                break
        if not rows:
            rows = self._adjacent(org, state, direction)
            label, iri = ("toLabel", "to") if direction == "successor" else ("fromLabel", "from")
            when = "toStart" if direction == "successor" else "fromStart"
        period = self.p.period
        if period and period.relative is None and rows:
            matching = [
                r for r in rows
                if _date_in(r.get("toStart"), period) or _date_in(r.get("fromStart"), period)
            ]
            rows = matching or rows
        found = _collect(rows, label, iri, when, None)
        word = "after" if direction == "successor" else "before"
        if found:
            self.message = (
                f"{' and '.join(a.label for a in found)} chaired the {org.label} "
                f"{word} {state.label}."
            )
        else:
            self.message = (
                f"The graph has no chairmanship of the {org.label} {word} {state.label}."
            )
        del low
        return found

    def _succession_any(self, state: reference.Entity) -> list[AnswerItem]:
        """A hand-over question that names no organisation: every organisation's."""
        if self._direction(state) == "successor":
            rows = self.run("succession", **{"from": _iri(state)})
            found = _collect(rows, "toLabel", "to", "toStart", None)
            word = "after"
        else:
            rows = self.run("succession", to=_iri(state))
            found = _collect(rows, "fromLabel", "from", "fromStart", None)
            word = "before"
        self.message = (
            f"{' and '.join(a.label for a in found)} chaired {word} {state.label}."
            if found else f"The graph has no chairmanship {word} {state.label}."
        )
        return found

    def _adjacent(self, org: reference.Entity, state: reference.Entity,
                  direction: str) -> list[dict[str, str]]:
        """Hand-overs read from the order of the organisation's chairmanships, when the
        inferred ones are missing (overlapping or half-dated intervals)."""
        chairs: dict[tuple[str, str], dict[str, Any]] = {}
        for r in self.run("chairs", org=_iri(org)):
            first, last = _bounds(r.get("start"), r.get("end"))
            if first is None and last is None:
                continue
            # known only to end: placed at the start of its last period, before one starting then
            key = (first, 0) if first else (PartialDate.parse(r["end"]).first_day, -1)
            entry = chairs.setdefault((r["chair"], str(key)), {"row": r, "key": key,
                                                              "first": first, "last": last})
            entry.setdefault("rows", []).append(r)
        ordered = sorted(chairs.values(), key=lambda e: e["key"])
        out: list[dict[str, str]] = []
        for i, e in enumerate(ordered):
            if e["row"]["chair"] != _iri(state):
                continue
            step = 1 if direction == "successor" else -1
            j = i + step
            while 0 <= j < len(ordered) and ordered[j]["row"]["chair"] == _iri(state):
                j += step
            if not 0 <= j < len(ordered):
                continue
            a, b = (e, ordered[j]) if step == 1 else (ordered[j], e)
            if a["last"] and b["first"] and (b["first"] - a["last"]).days > 400:
                continue  # a gap: the graph does not know who came in between
            for r in b["rows"] if step == 1 else a["rows"]:
                out.append({
                    "fromLabel": a["row"].get("chairLabel"), "from": a["row"]["chair"],
                    "toLabel": b["row"].get("chairLabel"), "to": b["row"]["chair"],
                    "fromStart": a["row"].get("start"), "toStart": b["row"].get("start"),
                    "article": r.get("article"), "evidence": r.get("evidence"),
                })
        return out

    def _direction(self, state: reference.Entity) -> str:
        """Successor or predecessor of the named state, from the verb and who its subject is."""
        low = self.low
        name_at = min(s for s, _ in self.p.state_spans)
        prep = re.search(r"\b(before|after|preceding|following|prior to)\s+(the\s+)?$",
                         low[:name_at])
        if prep:
            return "predecessor" if prep.group(1) in ("before", "preceding", "prior to") else (
                "successor")
        take = re.search(
            r"\b(took|take|takes|taken|taking|received?|receiv\w+|succeed\w*|follow\w*|"
            r"replac\w+|inherit\w*|assum\w+|came after|come after|next)\b", low)
        give = re.search(
            r"\b(hand\w*|pass\w*|transferr?\w*|gave|give\w*|preced\w*|relinquish\w*|"
            r"before)\b", low)
        verb = take if take and not (give and give.start() < take.start()) else give
        if verb is None:
            return "successor"
        state_is_subject = bool(
            re.search(r"\b(did|does|do|will|has|had|would)\s+(the\s+)?$", low[:name_at])
        ) or name_at < verb.start()
        is_take = verb is take
        if is_take:
            return "predecessor" if state_is_subject else "successor"
        return "successor" if state_is_subject else "predecessor"

    def next_chair(self, org: reference.Entity) -> list[AnswerItem]:
        rows = self.run("chairs", org=_iri(org))
        later = [
            r for r in rows
            if r.get("start") and PartialDate.parse(r["start"]).first_day > self.as_of
        ]
        if later:
            first = min(PartialDate.parse(r["start"]).first_day for r in later)
            rows = [r for r in later if PartialDate.parse(r["start"]).first_day == first]
            found = _collect(rows, "chairLabel", "chair")
        else:
            now = self.run("chair_on", org=_iri(org), date=self.as_of.isoformat())
            found = []
            for current in {r["chair"] for r in now}:
                nxt = self.run("succession", org=_iri(org), **{"from": current})
                nxt = [r for r in nxt if r.get("toStart") and
                       PartialDate.parse(r["toStart"]).last_day >= self.as_of]
                found += _collect(nxt, "toLabel", "to", "toStart", None)
        self.message = (
            f"Next to chair the {org.label}: {', '.join(a.label for a in found)}."
            if found else f"The graph has no chairmanship of the {org.label} after the one "
            f"of {self.as_of.isoformat()}."
        )
        return found

    # posts ------------------------------------------------------------------------------------
    def post(self) -> list[AnswerItem]:
        title = self.p.title or ""
        holder = self._post_of()
        if title == "head":  # "who heads X": its usual head's title, the first the graph has
            heads = (("secretary general", "chairperson of the commission", "executive director",
                      "executive secretary", "president") if holder.kind == "organization"
                     else ("president", "king", "prime minister"))
            for title in heads:
                rows = self.run("post_holders", of=_iri(holder), title=title)
                if rows:
                    break
        else:
            rows = self.run("post_holders", of=_iri(holder), title=title)
        period = self.p.period or Period(self.as_of, self.as_of, "day", "now")
        join = re.search(r"\bwhen (.+?) (joined|became|was admitted|acceded)\b", self.low)
        if join and self.p.states and self.p.orgs:
            member = self.run("members", org=_iri(self.p.orgs[0]), member=_iri(self.p.states[0]))
            start = next((r["start"] for r in member if r.get("start")), None)
            if start:
                d = PartialDate.parse(start)
                period = Period(d.first_day, d.last_day, d.precision)
        found = self._by_time(rows, period)
        of = holder.label
        if found:
            self.message = f"{' and '.join(a.label for a in found)}: {title} of {of}" + (
                f" ({period.iso})." if self.p.period or join else "."
            )
        else:
            self.message = f"The graph has no {title} of {of}" + (
                f" in {period.iso}." if self.p.period else "."
            )
        return found

    def _post_of(self) -> reference.Entity:
        if self.p.orgs and self.p.states:
            # "Russia's president" vs "the CSTO secretary general": the nearer name wins
            title_at = self.low.find(self.p.title or "\0")
            org_at = self.low.find(self.p.orgs[0].label.lower())
            for s, _ in self.p.state_spans:
                if org_at < 0 or abs(s - title_at) < abs(org_at - title_at):
                    return self.p.states[0]
            return self.p.orgs[0]
        if self.p.orgs:
            return self.p.orgs[0]
        if self.p.states:
            return self.p.states[0]
        self._unknown("state or organisation")
        raise AssertionError

    def _by_time(self, rows: list[dict[str, str]], period: Period) -> list[AnswerItem]:
        """Holders at the time asked: a dated holding must cover it; an undated one counts
        from the article nearest in time that reports it."""
        dated = [r for r in rows if r.get("start") or r.get("end")]
        covering = [r for r in dated if _covers(r.get("start"), r.get("end"), period)]

        def replaced(r: dict[str, str]) -> bool:
            # an open-ended holding ends when someone else is reported later in the post
            if r.get("end") or not r.get("start"):
                return False
            since = _bounds(r["start"], None)[0]
            for o in rows:
                if o["person"] == r["person"]:
                    continue
                when = o.get("start") or o.get("published")
                if when and since < _bounds(when[:10], None)[0] <= period.last:
                    return True
            return False

        covering = [r for r in covering if not replaced(r)]
        excluded = {r["person"] for r in dated if r not in covering}
        undated = [r for r in rows if not (r.get("start") or r.get("end"))
                   and r["person"] not in excluded]
        if covering:
            chosen = covering + [r for r in undated if r["person"] in
                                 {c["person"] for c in covering}]
        elif undated:
            def distance(row: dict[str, str]) -> int:
                if not row.get("published"):
                    return 10**6
                pub = PartialDate.parse(row["published"][:10])
                if pub.first_day <= period.last and pub.last_day >= period.first:
                    return 0
                return min(abs((pub.first_day - period.last).days),
                           abs((pub.last_day - period.first).days))

            best: dict[str, int] = {}
            for r in undated:
                best[r["person"]] = min(best.get(r["person"], 10**6), distance(r))
            nearest = min(best.values())
            chosen = [r for r in undated if best[r["person"]] == nearest]
        else:
            chosen = []
        return _collect(chosen, "personLabel", "person")

    # membership -------------------------------------------------------------------------------
    _NOT_MEMBER = ("observer", "partner", "dialogue partner", "applicant", "candidate",
                   "associate", "guest")
    _ENDED = ("former", "withdrawn", "expelled", "left")  # a suspended member is one still

    def _member_rows(self, org: reference.Entity, state: reference.Entity | None,
                     period: Period | None = None) -> tuple[list[dict[str, str]], Period]:
        rows = self.run("membership_dates", org=_iri(org))
        period = period or self.p.period or Period(self.as_of, self.as_of, "day", "now")
        kept = _members_at(rows, period, self._NOT_MEMBER, self._ENDED)
        if state is not None:
            kept = [r for r in kept if r["member"] == _iri(state)]
        return kept, period

    def _member_and_org(self) -> tuple[reference.Entity, reference.Entity]:
        """"When did Sweden join NATO", "When did the African Union join the G20"."""
        if self.p.states:
            return self.p.states[0], self.org()
        if len(self.p.orgs) >= 2:
            return self.p.orgs[0], self.p.orgs[1]
        self._unknown("state")
        raise AssertionError

    def _change_dates(self, org: reference.Entity, member: reference.Entity,
                      leaving: bool, suspending: bool) -> list[AnswerItem]:
        """The dates a member joined (starts) or left (ends) an organisation, finest first."""
        rows = self.run("membership_dates", org=_iri(org), member=_iri(member))
        if leaving:
            picked = [r for r in rows if r.get("end")]
            if suspending:
                picked = [r for r in picked if r.get("status") == "suspended"] or picked
            key = "end"
        else:
            picked = [r for r in rows if r.get("start")
                      and (r.get("status") or "member").lower() not in self._NOT_MEMBER]
            key = "start"
        return _merge_dates(_collect(picked, key, None, "start", "end"))

    def when_member(self) -> list[AnswerItem]:
        member, org = self._member_and_org()
        leaving = bool(_LEAVE.search(self.low))
        suspending = bool(re.search(r"\b(suspen\w*|froze|freez\w*)\b", self.low))
        found = self._change_dates(org, member, leaving, suspending)
        if re.search(r"\b(what|which) year\b", self.low):
            found = _merge_dates([AnswerItem(a.label[:4], a.iri, a.start, a.end, a.sources)
                                  for a in found])
        if found and _REJOIN.search(self.low):
            found = [max(found, key=lambda a: a.label)]
        verb = ("suspended its membership of" if suspending else "left") if leaving else "joined"
        self.message = (
            f"{member.label} {verb} the {org.label} on: {', '.join(a.label for a in found)}."
            if found else
            f"The graph has no date on which {member.label} {verb} the {org.label}."
        )
        return found

    def _relative_period(self, org: reference.Entity) -> Period | None:
        """ "members after Uzbekistan suspended its membership": the day after that change."""
        clause = re.search(r"\b(after|since|following|once|before|until|prior to)\b(.+)$",
                           self.low)
        if not clause or not self.p.states or not (
                _LEAVE.search(clause.group(2)) or _JOIN.search(clause.group(2))):
            return None
        member = self.p.states[0]
        leaving = bool(_LEAVE.search(clause.group(2)))
        found = self._change_dates(org, member, leaving,
                                   bool(re.search(r"\bsuspen", clause.group(2))))
        if not found:
            raise _NoDate(f"The graph has no date on which {member.label} "
                          f"{'left' if leaving else 'joined'} the {org.label}.")
        when = PartialDate.parse(found[0].label)
        if clause.group(1) in ("before", "until", "prior to"):
            day = when.first_day - timedelta(days=1)
        else:
            day = when.last_day + timedelta(days=1) if leaving else when.first_day
        return Period(day, day, "day")

    def members(self) -> list[AnswerItem]:
        org = self.org()
        try:
            period = self._relative_period(org)
        except _NoDate as exc:
            self.message = str(exc)
            return []
        rows, period = self._member_rows(org, None, period)
        found = _collect(rows, "memberLabel", "member")
        self.message = (
            f"Members of the {org.label} ({period.iso}): {', '.join(a.label for a in found)}."
            if found else f"The graph has no member of the {org.label} on {period.iso}."
        )
        return found

    def is_member(self) -> list[AnswerItem]:
        state, org = self._member_and_org()
        rows, period = self._member_rows(org, state)
        item = AnswerItem("yes" if rows else "no", None)
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        self.message = (
            f"Yes: {state.label} is a member of the {org.label} ({period.iso})."
            if rows else
            f"No: the graph has no membership of {state.label} in the {org.label} "
            f"on {period.iso}."
        )
        return [item]

    def member_changes(self) -> list[AnswerItem]:
        """ "Which countries joined BRICS in 2024?", "Who left the CIS?" """
        org = self.p.orgs[-1]
        leaving = bool(_LEAVE.search(self.low))
        rows = self.run("membership_dates", org=_iri(org))
        period = self.p.period if self.p.period and self.p.period.relative != "now" else None
        if leaving:
            rows = [r for r in rows if r.get("end") or (r.get("status") or "") in self._ENDED]
            rows = [r for r in rows if period is None or _date_in(r.get("end"), period)]
        else:
            rows = [r for r in rows if r.get("start") and (r.get("status") or "member").lower()
                    not in self._NOT_MEMBER and (period is None or _date_in(r["start"], period))]
        found = _collect(rows, "memberLabel", "member", "start", "end")
        verb = "left" if leaving else "joined"
        when = f" in {period.iso}" if period else ""
        self.message = (
            f"{verb.capitalize()} the {org.label}{when}: {', '.join(a.label for a in found)}."
            if found else f"The graph has no member that {verb} the {org.label}{when}.")
        return found

    def did_change(self) -> list[AnswerItem]:
        """ "Did Georgia leave the CIS?", "Has Sweden joined NATO?" """
        member, org = self._member_and_org()
        leaving = bool(_LEAVE.search(self.low))
        rows = self.run("membership_dates", org=_iri(org), member=_iri(member))
        if leaving:
            rows = [r for r in rows if r.get("end") or (r.get("status") or "") in
                    (*self._ENDED, "suspended")]
        else:
            rows = [r for r in rows if (r.get("status") or "member").lower() not in
                    self._NOT_MEMBER]
        period = self.p.period if self.p.period and self.p.period.relative != "now" else None
        if period is not None:
            key = "end" if leaving else "start"
            rows = [r for r in rows if _date_in(r.get(key), period)]
        item = AnswerItem("yes" if rows else "no")
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        verb = "left" if leaving else "joined"
        self.message = (f"Yes: {member.label} {verb} the {org.label}." if rows else
                        f"No: the graph has no record that {member.label} {verb} the "
                        f"{org.label}" + (f" in {period.iso}." if period else "."))
        return [item]

    def count_members(self) -> list[AnswerItem]:
        found = self.members()
        org = self.org()
        if not found:
            return []
        item = AnswerItem(str(len(found)))
        for a in found:
            for src in a.sources:
                item.add_source(src.article, src.evidence)
        self.message = f"The {org.label} has {len(found)} members in the graph: " + \
            ", ".join(a.label for a in found) + "."
        return [item]

    def representative(self) -> list[AnswerItem]:
        """Who represented a state at an event: the graph records states at events, not
        their delegates, so this is said rather than guessed from the posts of the day."""
        self.message = ("The graph records which states attended an event, not who "
                        "represented them; ask who attended, or for a post holder.")
        return []

    # events -----------------------------------------------------------------------------------
    def _events(self, types: tuple[str, ...]) -> tuple[dict[str, dict[str, Any]], str]:
        """Events of the asked organisation, place and time, with their parties."""
        org = self.org(required=False)
        rows: list[dict[str, str]] = []
        for t in types:
            rows += self.run("event_parties", type=t)
        events: dict[str, dict[str, Any]] = {}
        for r in rows:
            e = events.setdefault(r["event"], {"row": r, "parties": [], "sources": {}})
            if r.get("party"):
                e["parties"].append(r)
            if r.get("article"):
                e["sources"].setdefault(r["article"], r.get("evidence"))
        what = " ".join(t for t in types)
        if org is not None:
            what = f"{org.label} {what}"
            about = {r["article"] for r in self.run("article_orgs", org=_iri(org))}
            names = [n.lower() for n in org.names] + [org.label.lower()]

            def belongs(e: dict[str, Any]) -> bool:
                if e["row"].get("org"):
                    return e["row"]["org"] == _iri(org)
                name = (e["row"].get("name") or "").lower()
                if any(re.search(rf"\b{re.escape(n)}\b", name) for n in names):
                    return True
                if name and _names_other_org(name, org):
                    return False
                return bool(set(e["sources"]) & about)

            events = {k: e for k, e in events.items() if belongs(e)}
        if self.p.cities:
            city = _iri(self.p.cities[0])
            events = {k: e for k, e in events.items() if e["row"].get("place") == city}
            what += f" in {self.p.cities[0].label}"
        period = self.p.period
        if period and period.relative != "now":
            events = {k: e for k, e in events.items() if _date_in(e["row"].get("date"), period)}
            what += f" of {period.iso}"
        if period is None and re.search(r"\b(was|were|did|had)\b", self.low) and len(events) > 1:
            # a question in the past tense is not about an event after the day it is asked
            past = {k: e for k, e in events.items() if e["row"].get("date") and
                    PartialDate.parse(e["row"]["date"]).first_day <= self.as_of}
            events = past or events
        ordinals = _ordinals(self.low)
        if ordinals and len(events) > 1:
            def says(e: dict[str, Any]) -> bool:
                text = " ".join([e["row"].get("name") or "", *(v or "" for v in
                                                                e["sources"].values())])
                return bool(ordinals & _ordinals(text.lower()))

            named = {k: e for k, e in events.items() if says(e)}
            events = named or events
        admit = re.search(r"\b(admit\w*|join\w*|accept\w*|accede\w*|accession)\b", self.low)
        if admit and self.p.states and org is not None and len(events) > 1:
            member = self.run("members", org=_iri(org), member=_iri(self.p.states[0]))
            start = next((r["start"] for r in member if r.get("start")), None)
            if start:
                events = {k: e for k, e in events.items()
                          if (e["row"].get("date") or "")[:7] == start[:7]} or events
        return events, what

    def summit(self) -> list[AnswerItem]:
        types = ("summit",) if "summit" in self.low else ("summit", "meeting")
        events, what = self._events(types)
        when_q = re.match(r"\s*(when|on what date|what date|on which date)\b", self.low)
        where_q = re.search(r"\b(where|which city|what city|which capital)\b", self.low)
        found: list[AnswerItem] = []
        if re.search(r"\b(who|which \w+) (hosted|was the host|is the host|will host|hosts)\b",
                     self.low):
            rows = [p for e in events.values() for p in e["parties"] if p.get("role") == "host"]
            found = _collect(rows, "partyLabel", "party", "date", None)
            if not found:  # no host stated: the state the summit's city is in
                for e in events.values():
                    state = _country_of(e["row"].get("place"))
                    if state is not None and not any(a.iri == _iri(state) for a in found):
                        item = AnswerItem(state.label, _iri(state), e["row"].get("date"))
                        for art, ev in e["sources"].items():
                            item.add_source(art, ev)
                        found.append(item)
            self.message = (f"Host of the {what}: {', '.join(a.label for a in found)}."
                            if found else f"The graph has no host of the {what}.")
            return found
        for e in events.values():
            r = e["row"]
            if when_q and not where_q:
                if not r.get("date"):
                    continue
                item = AnswerItem(r["date"], r["event"], r.get("date"), None)
            else:
                if not r.get("placeLabel"):
                    continue
                item = AnswerItem(r["placeLabel"], r.get("place"), r.get("date"), None)
            for art, ev in e["sources"].items():
                item.add_source(art, ev)
            if not any(f.label == item.label for f in found):
                found.append(item)
        if when_q and not where_q:
            found = _merge_dates(found)
        self.message = (
            f"The {what}: " + "; ".join(
                f"{a.label}" + (f" ({a.start})" if a.start and a.start != a.label else "")
                for a in found) + "."
            if found else f"The graph has no {what}."
        )
        return found

    def absent(self) -> list[AnswerItem]:
        types = ("summit",) if "summit" in self.low else (
            ("meeting",) if "meeting" in self.low else ("summit", "meeting"))
        events, what = self._events(types)
        attended = bool(re.search(r"\b(attend\w*|participa\w*|present|took part)\b",
                                  self.low)) and not \
            re.search(r"\b(not|n't|never|fail\w*|absent|no)\b", self.low)
        role = "participant" if attended else "absent"
        rows = [p for e in events.values() for p in e["parties"] if p.get("role") == role]
        found = _collect(rows, "partyLabel", "party", "date", None)
        if not events:
            self.message = f"The graph has no {what}."
        elif not found:
            self.message = f"The graph records no {'participant' if attended else 'absentee'} " \
                f"of the {what}."
        else:
            self.message = (
                f"{'Attended' if attended else 'Absent from'} the {what}: "
                + ", ".join(a.label for a in found) + "."
            )
        return found

    # conflicts and cooperation ----------------------------------------------------------------
    def conflicts(self) -> list[AnswerItem]:
        states = self.p.states
        rows = self.run("conflicts", state=_iri(states[0]) if states else "")
        period = self.p.period if self.p.period and self.p.period.relative != "now" else None
        if period:
            rows = [r for r in rows if _date_in(r.get("date"), period)]
        if len(states) > 1:
            rows = [r for r in rows if r.get("other") in {_iri(s) for s in states[1:]}]
        when_q = re.match(r"\s*(when|in which years?|in what years?|what years?|"
                          r"on what dates?|which years?)\b", self.low)
        if when_q:
            who = " and ".join(s.label for s in states) or "states"
            if len(states) == 1:
                who = f"involving {who}"
            else:
                who = f"between {who}"
            if re.search(r"\b(end|ends|ended|over|stop\w*|cease\w*|lift\w*|resolv\w*)\b",
                         self.low):
                # a clash or confrontation is dated when it happened, not when it ended
                self.message = f"The graph has no end date of a conflict {who}."
                return []
            found = _merge_dates(_collect(rows, "date", None, "date", None))
            if found and re.search(r"\b(begin|began|begun|start\w*|first)\b", self.low):
                found = found[:1]
            self.message = (
                f"Clashes or confrontations {who}: {', '.join(a.label for a in found)}."
                if found else f"The graph has no dated clash {who}."
            )
            return found
        if len(states) > 1 and _YES_NO.match(self.low):
            item = AnswerItem("yes" if rows else "no")
            for r in rows:
                item.add_source(r.get("article"), r.get("evidence"))
            who = " and ".join(s.label for s in states)
            self.message = (f"Yes: the graph has clashes between {who}." if rows else
                            f"No: the graph has no clash between {who}"
                            + (f" in {period.iso}." if period else "."))
            return [item]
        if states:
            found = _collect(rows, "otherLabel", "other", "date", None)
            exclude = {_iri(s) for s in states}
            found = [a for a in found if a.iri not in exclude]
        else:
            found = _collect(rows, "stateLabel", "state", "date", None)
        who = states[0].label if states else "any state"
        self.message = (
            f"In conflict with {who}: {', '.join(a.label for a in found)}."
            if found else f"The graph has no conflict involving {who}"
            + (f" in {period.iso}." if period else ".")
        )
        return found

    def cooperation(self) -> list[AnswerItem]:
        state = self.p.states[0] if self.p.states else None
        orgs = list(self.p.orgs)
        org = orgs[0] if orgs else None
        params: dict[str, str] = {}
        persons = [p for p in self.p.persons if p]
        if state is not None:
            params["proposer"] = _iri(state)
        if org is not None and (state is not None or persons):
            params["org"] = _iri(org)
        rows = self.run("cooperation", **params)
        if persons:
            surnames = {w.lower() for p in persons for w in p.split()}
            by_person = [r for r in rows if surnames & set(
                re.split(r"[\s-]+", (r.get("byLabel") or "").lower()))]
            if not by_person:
                holders = self.run("post_holders")
                states = {h["of"] for h in holders if surnames & set(
                    re.split(r"[\s-]+", (h.get("personLabel") or "").lower()))}
                by_person = [r for r in rows if r.get("proposer") in states]
            rows = by_person
        if org is not None:
            as_org = [r for r in rows if r.get("org") == _iri(org)]
            if as_org or state is not None or persons:
                rows = as_org
            else:
                rows = [r for r in rows if r.get("proposer") == _iri(org)]
        if (org is not None and state is None and not persons and re.match(
                r"\s*(who|which (country|countries|state|states|member|members|nation))\b",
                self.low)):
            rows = [r for r in self.run("cooperation")
                    if _iri(org) in (r.get("partner"), r.get("org"))]
            found = _collect(rows, "proposerLabel", "proposer", None, None)
            self.message = (
                f"Proposed cooperation with the {org.label}: "
                f"{', '.join(a.label for a in found)}." if found
                else f"The graph has no cooperation proposed with the {org.label}.")
            return found
        rows = [r for r in rows if r.get("partner") and r.get("partner") != r.get("org")]
        found = _collect(rows, "partnerLabel", "partner", None, None)
        who = state.label if state else (" ".join(persons) or "anyone")
        self.message = (
            f"{who} proposed cooperation with: {', '.join(a.label for a in found)}."
            if found else f"The graph has no cooperation proposed by {who}"
            + (f" for the {org.label}." if org else ".")
        )
        return found


# --- choosing the form -----------------------------------------------------------------------

_ABSENT = re.compile(
    r"\b(absent|stay\w* away|stayed home|sent no|send no|did not (attend|send|come)|"
    r"didn't (attend|send|come)|skip\w*|boycott\w*|no delegation|no representation|"
    r"not represented|fail\w* to (send|attend)|miss\w*|who attended|attended|"
    r"took part|participated|participants?|attendees|present at|delegations? (came|attended))\b"
)
_YES_NO = re.compile(r"\s*(is|was|are|were|does|did|do|has|have|had|will)\b")
_COOP = re.compile(r"\b(cooperat\w*|co-operat\w*|interact\w*|coordinat\w*|work with|"
                   r"work together|partner\w*|joint|ties|engage\w*|collaborat\w*)\b")
_PROPOSE = re.compile(r"\b(propos\w*|suggest\w*|call\w* for|urg\w*|offer\w*|invit\w*|"
                      r"advocat\w*|push\w*)\b")
_CONFLICT = re.compile(r"\b(clash\w*|conflict\w*|fought|fight\w*|war|wars|confront\w*|"
                       r"hostilit\w*|skirmish\w*|border dispute|at odds|tension\w*|attack\w*|"
                       r"blockade\w*|embargo\w*|rift|standoff|stand-off)\b")
_SUCCESSION = re.compile(
    r"\b(took|take|takes|taken|taking|hand\w*|pass\w*|receiv\w*|succeed\w*|"
    r"preced\w*|follow\w*|replac\w*|inherit\w*|before|after|next|prior to|transferr?\w*|"
    r"gave|give)\b"
)
_JOIN = re.compile(r"\b(join\w*|bec[oa]me (an? )?(\w+ ){0,3}members?|admit\w*|re-?admit\w*|"
                   r"accede\w*|accession|entered|enter|was accepted|were accepted|"
                   r"gain\w* membership|re-?join\w*|return\w* to|reinstat\w*)\b")
_LEAVE = re.compile(r"\b(leave|leaves|left|leaving|quit\w*|withdr\w*|exit\w*|cease\w*|"
                    r"stop\w* being|suspen\w*|expel\w*|excluded|froze|freez\w*|pull\w* out|"
                    r"depart\w*|lost (its|their) membership|end\w* (its|their) membership)\b")
_REJOIN = re.compile(r"\b(re-?admit\w*|re-?join\w*|return\w* to|reinstat\w*|restor\w*)\b")
_WHEN = re.compile(r"\s*(when|in which year|in what year|what year|which year|on what date|"
                   r"on which date|what date|since when|in which month)\b")
_CHANGERS = re.compile(
    r"\s*(who|(which|what) (countries|states|nations|members|member states|country|state|"
    r"nation|member|organi[sz]ations?))( \w+){0,3}? (have |has |had )?(joined|join|were admitted|"
    r"was admitted|became|become|acceded|left|leave|withdrew|quit|were expelled|was expelled|"
    r"suspended)\b")
_MEMBER = re.compile(r"\b(members?|membership|belong\w*|part of|are in|is in|was in|"
                     r"were in|participating states|make up|made up|makes up|compris\w*|"
                     r"consists? of|composed of|joined)\b")
_SUMMIT = re.compile(r"\b(summit|meeting|meet|met|held|take place|took place|hosted|host|"
                     r"convened?|gathering|venue)\b")


def _intent(p: Parsed) -> tuple[str, Callable[[_Asker], list[AnswerItem]]]:
    low = p.text
    which_state = re.search(r"\b(which|what) (country|countries|state|states|nation|member|"
                            r"members|member state|member states)\b", low)
    chair = chair_words(low) or bool(p.title == "president" and which_state and p.orgs)
    if re.match(r"\s*who (represented|represents|will represent|was representing|"
                r"led|leads|headed|heads) (\w+ ){0,2}(at|in|to|delegation)\b", low) and not p.title:
        return "representative", _Asker.representative
    if _CHANGERS.match(low) and p.orgs and not chair_words(low):
        return "member_changes", _Asker.member_changes
    if re.match(r"\s*(did|has|have|had)\b", low) and p.orgs and (p.states or len(p.orgs) >= 2) \
            and (_LEAVE.search(low) or _JOIN.search(low)) and not chair_words(low):
        return "did_change", _Asker.did_change
    if re.search(r"\bhow many (members|member states|member countries|countries|states|"
                 r"nations)\b", low) and p.orgs and not chair_words(low):
        return "count_members", _Asker.count_members
    if _WHEN.match(low) and (_JOIN.search(low) or _LEAVE.search(low) or re.search(
            r"\bbeen (an? )?(\w+ ){0,2}members?\b", low)) and (p.orgs or p.unknown) and (
            p.states or len(p.orgs) >= 2 or p.unknown) and not chair_words(low):
        return "when_member", _Asker.when_member
    if _ABSENT.search(low) and (p.orgs or p.cities or "summit" in low):
        return "absent", _Asker.absent
    if _PROPOSE.search(low) and _COOP.search(low) or (
        _COOP.search(low) and re.search(r"\bwith (which|what|whom)\b", low)
    ):
        return "cooperation", _Asker.cooperation
    if _CONFLICT.search(low) and not chair:
        return "conflicts", _Asker.conflicts
    if chair and p.states and p.orgs and _YES_NO.match(low) and not _SUCCESSION.search(low):
        return "has_chaired", _Asker.has_chaired
    if re.search(r"\bhow (many times|often)\b", low) and chair:
        return "times_chaired", _Asker.times_chaired
    if chair and p.states and p.orgs and (_WHEN.match(low) or re.match(
            r"\s*(until|till|by) when\b", low)) and not re.search(r"\bwho\b", low):
        return "when_chaired", _Asker.when_chaired
    if p.title and not which_state:
        return "post_holder", _Asker.post
    if chair and re.search(r"\b(which|what) (organi[sz]ations?|bodies|body|groupings?|blocs?|"
                           r"organs?|institutions?|forums?|alliances?)\b", low) and p.states:
        return "orgs_chaired", _Asker.orgs_chaired
    if (chair or re.search(r"\b(hand\w* over|took over|take over|baton)\b", low)) and \
            _SUCCESSION.search(low) and (p.states or re.search(r"\bnext\b", low)) and (
                p.orgs or p.states):
        return "succession", _Asker.succession
    if chair and p.states and re.match(
        r"\s*(when|in which years?|in what years?|what years?|which years?|during which)\b", low
    ):
        return "when_chaired", _Asker.when_chaired
    if chair and p.orgs and not re.search(r"\b(members? of|belong\w*|membership)\b", low):
        return "chair", _Asker.chair
    if _MEMBER.search(low) and p.orgs:
        if re.match(r"\s*(is|was|are|were|does|did|has|had|will)\b", low) and (
                p.states or len(p.orgs) >= 2):
            return "is_member", _Asker.is_member
        return "members", _Asker.members
    if chair and p.orgs:
        return "chair", _Asker.chair
    if p.title:
        return "post_holder", _Asker.post
    if (_SUMMIT.search(low) or re.match(r"\s*(where|in which city)\b", low)) and (
        p.orgs or p.cities
    ):
        return "summit", _Asker.summit
    if re.search(r"\b(in|belong to|part of)\b", low) and p.orgs and re.match(
        r"\s*(is|was|are|were)\b", low
    ) and p.states:
        return "is_member", _Asker.is_member
    if p.unknown and (chair or _MEMBER.search(low) or _SUMMIT.search(low) or p.title):
        for phrase in p.unknown:
            hint = reference.suggest(phrase, "organization") or reference.suggest(phrase)
            if hint:
                raise BlocgraphError(
                    f"unknown organisation or state '{phrase}' (did you mean {', '.join(hint)}?)"
                )
        raise BlocgraphError(
            f"unknown organisation or state '{p.unknown[0]}' (see `blocgraph ask --examples`)"
        )
    raise BlocgraphError(
        "cannot read this question; supported forms: `blocgraph ask --examples`"
    )


def ask(question: str, target: Target, *, as_of: date | str | None = None) -> Answer:
    """Answer one plain question from the graph behind `target`."""
    if isinstance(as_of, str):
        try:
            as_of = date.fromisoformat(as_of)
        except ValueError:
            raise BlocgraphError(f"--as-of: '{as_of}' is not a date (YYYY-MM-DD)") from None
    as_of = as_of or date.today()
    parsed = parse(question, as_of)
    intent, handler = _intent(parsed)
    asker = _Asker(parsed, target, as_of)
    answers = handler(asker)
    if intent == "post_holder" and not answers and parsed.orgs and chair_words(
        "presidency" if parsed.title == "president" else parsed.text
    ):
        # "president of the UN Security Council" is its rotating chair, not a person's post
        retry = _Asker(parsed, target, as_of)
        answers = retry.chair()
        if answers:
            intent, asker = "chair", retry
    if intent == "chair" and not answers and parsed.orgs and parsed.title is None and \
            not re.search(r"\b(which|what) (country|state|nation|member)", parsed.text):
        # a body chaired by a person ("who chairs the European Council"): its president
        parsed.title = "president"
        retry = _Asker(parsed, target, as_of)
        found = retry.post()
        if found:
            intent, asker, answers = "post_holder", retry, found
        else:
            parsed.title = None
    return Answer(
        question=question,
        intent=intent,
        slots=parsed.slots(),
        answers=answers,
        sparql="\n\n".join(asker.run.sparql),
        message=asker.message,
    )


def examples() -> str:
    return "\n".join(EXAMPLES)
