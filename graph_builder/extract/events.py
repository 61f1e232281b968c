"""Summits, meetings and clashes: where, when, who came and who stayed away.

A summit is often named many times ("the CSTO summit in Minsk") and dated once ("hosted by
Minsk last November"); mentions are gathered per (type, place) and take the first date
the article gives for that place. A clash names its sides (capitals acting for states
count: "clashes with Baku") and each date it gives is one clash.
"""

from __future__ import annotations

import re

from ..facts import Event
from ..reference import get
from .common import SA, C, evidence, negated
from .context import Context

_MEETING = re.compile(r"\b(?P<type>summit|meeting|gathering|session|talks|conference|met|"
                      r"gathered|convened)\b", re.IGNORECASE)
_PLACE = re.compile(r"(?:\b(?:in|at|to|hosted\s+by|capital\s+of|city\s+of)\s+(?:the\s+)?"
                    r"(?:\w+\s+){0,2}?" + C + r"|" + C + r"\s+(?:summit|meeting|gathering))")
_CLASH = re.compile(r"\b(?P<type>clash(?:es)?|skirmish(?:es)?|fighting|border\s+war|"
                    r"hostilities|confrontation)\b", re.IGNORECASE)
_ABSENT = re.compile(
    SA + r"(?:'s\s+(?:delegation|leader|president|prime minister))?[^.;]{0,40}?\b(?:had\s+no\s+"
    r"representation|failed\s+to\s+send|sent\s+no|did\s+not\s+(?:attend|send|come)|was\s+absent|"
    r"skipped|stayed\s+away|boycotted|missed)|" + SA + r"'s\s+absence|\bwithout\s+" + SA
    + r"|absence\s+of\s+(?:the\s+)?" + SA, re.IGNORECASE)


def extract_events(ctx: Context) -> list[Event]:
    events: dict[tuple[str, str], Event] = {}
    dates: dict[str, str] = {}
    absent: dict[str, set[str]] = {}
    clashes: list[Event] = []
    for sentence in ctx.sentences:
        masked = sentence.masked
        places = [sentence.item(m.group(1) or m.group(2)).entity
                  for m in _PLACE.finditer(masked)] if "\u27e6C" in masked else []
        places = [p for p in places if p is not None and p.kind == "city"]
        meeting = _MEETING.search(masked)
        if meeting and places and not negated(masked[:meeting.start()][-30:]):
            kind = "summit" if re.search(r"summit", masked, re.I) else "meeting"
            place = places[0]
            when = None
            for _, _, i in sentence.tokens("T"):
                d = sentence.item(i).date
                if d.kind != "year" or re.search(r"\b(?:in|of)\s+$", masked[:0]):
                    when = d.start
                    break
            key = (kind, place.label)
            if key not in events:
                host = get("state", place.country).label if place.country else None
                events[key] = Event(kind, place.label, when, [host] if host else [], [],
                                    host=host, organization=ctx.topic_org,
                                    evidence=evidence(sentence), origin="extracted",
                                    confidence=0.7, rule=f"event.{kind}")
            elif when and not events[key].date:
                events[key].date = when
            if when:
                dates.setdefault(place.label, when)
            for m in _ABSENT.finditer(masked):
                token = next(g for g in m.groups() if g is not None)
                state = sentence.state(token)
                if state:
                    absent.setdefault(place.label, set()).add(state)
        clash = _CLASH.search(masked)
        if clash and not negated(masked[max(0, clash.start() - 30):clash.start()]):
            states: list[str] = []
            for _, _, i in sentence.tokens("SA"):
                state = sentence.state(i)
                if state and state not in states:
                    states.append(state)
            if len(states) >= 2:
                kind = "confrontation" if clash.group("type").lower() == "confrontation" \
                    else "clash"
                found_date = False
                for _, _, i in sentence.tokens("T", clash.end()):
                    d = sentence.item(i).date
                    found_date = True
                    clashes.append(Event(kind, None, d.start[:7], states[:2], [],
                                         evidence=evidence(sentence), origin="extracted",
                                         confidence=0.7, rule="event.clash"))
                if not found_date and kind == "confrontation":
                    clashes.append(Event(kind, None, None, states[:2], [],
                                         evidence=evidence(sentence), origin="extracted",
                                         confidence=0.5, rule="event.clash"))
    out = []
    for (kind, place), event in events.items():
        event.date = event.date or dates.get(place)
        if not event.date:
            continue
        event.absent = sorted(absent.get(place, set()))
        event.participants = [p for p in event.participants if p not in event.absent]
        out.append(event)
    return out + clashes
