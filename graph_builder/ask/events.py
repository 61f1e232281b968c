"""Event forms: where and when, host, who attended or was absent."""

from __future__ import annotations

import re
from typing import Any

from graph_builder.ask.attendance import STATE_HEADS, deputised, stood_in
from graph_builder.ask.helpers import (
    _collect,
    _country_of,
    _date_in,
    _merge_dates,
    _names_other_org,
    _ordinals,
)
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.triggers import T
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.facts import outside_membership

# a gathering asked about in the past tense: "when did they meet", "when was it held"
_PAST_ASKED = re.compile(r"^\s*when (did|was|were)\b")


def _relative_to(low: str, city: reference.Entity) -> str | None:
    """ "before" or "after" when the question reckons from the gathering in `city` ("the
    previous summit before Astana", "the first meeting after Minsk"), else None."""
    names = "|".join(re.escape(n.lower()) for n in {city.label, *city.names})
    m = re.search(r"\b(before|after|prior\s+to|following)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:"
                  + names + r")\b", low)
    if m is None:
        return None
    return "after" if m.group(1) in ("after", "following") else "before"


def _reckoned_from(events: dict[str, dict[str, Any]], city: str, relative: str
                   ) -> dict[str, dict[str, Any]]:
    """Of the gatherings elsewhere, the last one ended before the first held in `city`, or
    the first one begun after the last held there; none when none is held there."""
    dates = {k: PartialDate.parse(e["row"]["date"]) for k, e in events.items()
             if e["row"].get("date")}
    there = [d.first_day for k, d in dates.items() if events[k]["row"].get("place") == city]
    if not there:
        return {}
    elsewhere = {k: d for k, d in dates.items() if events[k]["row"].get("place") != city}
    if relative == "before":
        fits = {k: d for k, d in elsewhere.items() if d.last_day < min(there)}
        pick = max((d.first_day for d in fits.values()), default=None)
    else:
        fits = {k: d for k, d in elsewhere.items() if d.first_day > max(there)}
        pick = min((d.first_day for d in fits.values()), default=None)
    return {k: events[k] for k, d in fits.items() if d.first_day == pick}


def _ordinal_text(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class EventForms:
    """Summits and meetings with their parties."""

    def representative(self) -> list[AnswerItem]:
        """Who represented a state at an event. The graph records states at events, not
        their delegates: the answer is the one person the event's own article names in a
        post of that state, when the state is among the event's parties; several such
        people, or none, is said, not guessed."""
        hosts = {c.country for c in self.p.cities if c.country}
        states = [s for s in self.p.states if s.slug not in hosts] or self.p.states
        if not states:
            self.message = "The question names no state the graph knows."
            return []
        state = states[0]
        types = ("summit",) if "summit" in self.low else (
            ("meeting",) if re.search(r"\b(meeting|council|session|ministerial)\b", self.low)
            else ("summit", "meeting"))
        events, what = self._events(types)
        present = {k: e for k, e in events.items() if any(
            p.get("party") == _iri(state) and p.get("role") in ("participant", "host")
            for p in e["parties"])}
        if not present:
            self.message = (f"The graph does not record {state.label} among the parties of "
                            f"the {what}, nor who represented it.")
            return []
        articles = {a for e in present.values() for a in e["sources"]}
        rows = [r for r in self.run("post_holders", of=_iri(state))
                if r.get("article") in articles]
        people = _collect(rows, "personLabel", "person")
        if len(people) == 1:
            item = people[0]
            posts = sorted({r.get("title") or "" for r in rows} - {""})
            self.message = (f"{item.label} ({', '.join(posts)} of {state.label}): the one "
                            f"person of {state.label} the article of the {what} names; the "
                            f"graph records {state.label} at it, not its delegates as such.")
            return [item]
        # a minister named beside the leaders went; else a premier or vice president
        # named beside the head of state ("Xi Jinping, Li Qiang of China": Li led it)
        standing = stood_in(rows) or deputised(
            [r for r in rows if (r.get("title") or "") in STATE_HEADS], rows)
        if standing:
            found = _collect(standing, "personLabel", "person")
            heads = sorted({r.get("personLabel") or "" for r in rows} - {
                a.label for a in found})
            self.message = (f"Probably {', '.join(a.label for a in found)} ("
                            f"{', '.join(sorted({r.get('title') or '' for r in standing}))} of "
                            f"{state.label}): the graph records {state.label} at the {what}, "
                            f"and its article names this minister beside "
                            f"{', '.join(heads)}; it records states at gatherings, not "
                            f"their delegates as such.")
            return found
        self.message = (
            f"The graph records {state.label} at the {what} but not who represented it"
            + (f"; the article names {', '.join(a.label for a in people)} of {state.label}."
               if people else "."))
        return []

    # events -----------------------------------------------------------------------------------
    def _events(self, types: tuple[str, ...], one: bool = False, by_person: bool = False
                ) -> tuple[dict[str, dict[str, Any]], str]:
        """Events of the asked organisation, place and time, with their parties; `one`: the
        question is about one gathering ("who was at the Minsk summit", "who chaired when
        the summit was held"), the nearest of several that fit. A question's word for the
        gathering is loose ("the Vientiane meeting" of a summit): when no gathering of that
        kind fits, one of the other kind does. `by_person`: a question about a person's
        attendance with no organisation or place is about the gatherings of the articles
        that name that person."""
        events, what = self._events_of(types, one, by_person)
        if not events and set(types) < {"summit", "meeting"}:
            other, _ = self._events_of(("summit", "meeting"), one, by_person)
            if other:
                return other, what
        return events, what

    def _events_of(self, types: tuple[str, ...], one: bool = False, by_person: bool = False
                   ) -> tuple[dict[str, dict[str, Any]], str]:
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
        if self.p.venues:
            venue = self.p.venues[0]

            def held_in(e: dict[str, Any]) -> bool:
                place = _country_of(e["row"].get("place"))
                hosts = {p.get("party") for p in e["parties"] if p.get("role") == "host"}
                return (place is not None and place.slug == venue.slug) or _iri(venue) in hosts

            events = {k: e for k, e in events.items() if held_in(e)}
            what += f" in {venue.label}"
        named = self._named_in() if by_person and org is None and self.p.persons and not (
            self.p.venues or self.p.cities or self.p.states) else set()
        if named:
            # "did Zelensky attend the 19 December summit": the gatherings of the articles
            # that name the person asked about, not every gathering the graph holds
            events = {k: e for k, e in events.items() if set(e["sources"]) & named}
        # (a chair "after the Luanda summit" is asked through that summit itself)
        relative = _relative_to(self.low, self.p.cities[0]) if self.p.cities and not \
            T["chair"].search(self.low) else None
        if relative is not None:
            # "its previous summit before Astana": the city names the gathering the one
            # asked is reckoned from, not where it was
            events = _reckoned_from(events, _iri(self.p.cities[0]), relative)
            what += f" {relative} the one in {self.p.cities[0].label}"
        elif self.p.cities:
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
        # ("the first summit after Minsk": first after it, not the one numbered first)
        ordinals = set() if relative else _ordinals(
            re.sub(r"\b(first|second) half\b", " ", self.low))
        if ordinals:
            # "the 12th summit": only an event whose name or evidence says so, never another
            def says(e: dict[str, Any]) -> bool:
                text = " ".join([e["row"].get("name") or "", *(v or "" for v in
                                                                e["sources"].values())])
                return bool(ordinals & _ordinals(text.lower()))

            events = {k: e for k, e in events.items() if says(e)}
            if len(events) > 1:
                events = self._ordinal_owner(events, ordinals)
            what = f"{'/'.join(_ordinal_text(n) for n in sorted(ordinals))} {what}"
        if period is None and T["future"].search(self.low) and not re.search(
                r"\b(was|were|did|had)\b", self.low):
            # "where will the next summit be held": an event after the day asked, not one past
            events = {k: e for k, e in events.items() if e["row"].get("date") and
                      PartialDate.parse(e["row"]["date"]).last_day > self.as_of}
            if re.search(r"\bnext\b", self.low) and events:
                # (one begun by the day asked is not the next one, when a later is known)
                ahead = {k: e for k, e in events.items()
                         if PartialDate.parse(e["row"]["date"]).first_day > self.as_of}
                events = ahead or events
                first = min(PartialDate.parse(e["row"]["date"]).first_day
                            for e in events.values())
                events = {k: e for k, e in events.items()
                          if PartialDate.parse(e["row"]["date"]).first_day == first}
            what = f"coming {what}"
        if one and period is None and not ordinals and len(events) > 1 and re.search(
                r"\bthe\b", self.low) and not re.search(
                r"\b(summits|meetings|sessions|gatherings|each|every|all)\b", self.low):
            events = self._nearest_gathering(events)
        admit = re.search(r"\b(admit\w*|join\w*|accept\w*|accede\w*|accession)\b", self.low)
        if admit and self.p.states and org is not None and len(events) > 1:
            member = self.run("members", org=_iri(org), member=_iri(self.p.states[0]))
            start = next((r["start"] for r in member if r.get("start")
                          and not outside_membership(r.get("status"))), None)
            if start:
                events = {k: e for k, e in events.items()
                          if (e["row"].get("date") or "")[:7] == start[:7]}
        return events, what

    @staticmethod
    def _ordinal_owner(events: dict[str, dict[str, Any]], ordinals: set[int]
                       ) -> dict[str, dict[str, Any]]:
        """Several gatherings whose sentences name the number asked ("the 8th summit in
        Istanbul, the 9th in Samarkand ... the 11th in Bishkek"): the one whose own name
        has it, else the one whose place the sentence names right after that number."""
        by_name = {k: e for k, e in events.items()
                   if ordinals & _ordinals((e["row"].get("name") or "").lower())}
        if by_name:
            return by_name

        def gap(e: dict[str, Any]) -> int:
            place = (e["row"].get("placeLabel") or e["row"].get("place") or "").rsplit(
                "/", 1)[-1].lower().replace("-", " ")
            best = 10**6
            for text in e["sources"].values():
                low = (text or "").lower().replace("-", " ")
                for m in re.finditer(r"\b(\d+)(?:st|nd|rd|th)\b|\b[a-z]+(?:th|st|nd|rd)\b",
                                     low):
                    if not ordinals & _ordinals(m.group()):
                        continue
                    at = low.find(place, m.end()) if place else -1
                    if at >= 0:
                        between = low[m.end():at]
                        if not _ordinals(between):  # no other number before the place
                            best = min(best, at - m.end())
            return best

        gaps = {k: gap(e) for k, e in events.items()}
        least = min(gaps.values())
        return {k: e for k, e in events.items() if gaps[k] == least} if least < 10**6 \
            else events

    def _nearest_gathering(self, events: dict[str, dict[str, Any]]
                           ) -> dict[str, dict[str, Any]]:
        """Who was at "the Minsk summit", several in the graph and no time given: the one
        nearest the day asked (an earlier one before a later one as far away), never the
        parties of all of them mixed; undated ones stay only when none is dated."""
        def distance(e: dict[str, Any]) -> int | None:
            when = e["row"].get("date")
            if not when:
                return None
            d = PartialDate.parse(when[:10])
            if d.first_day <= self.as_of <= d.last_day:
                return 0
            gap = (d.first_day - self.as_of).days
            return -gap * 2 if gap <= 0 else gap * 3  # a past one before a coming one
        # of the gatherings that fit, those with parties recorded
        listed = {k: e for k, e in events.items() if any(
            p.get("role") in ("participant", "absent") for p in e["parties"])}
        events = listed or events
        dated = {k: distance(e) for k, e in events.items() if distance(e) is not None}
        if not dated:
            return events
        best = min(dated.values())
        return {k: e for k, e in events.items() if dated.get(k) == best}

    def summit(self) -> list[AnswerItem]:
        types = ("summit",) if "summit" in self.low else ("summit", "meeting")
        events, what = self._events(types)
        when_q = re.match(r"\s*(when|on what date|what date|on which date|"
                          r"(in )?(what|which) (year|month)|"
                          r"(what|which) (was|is|were|are) the dates? of)\b", self.low)
        where_q = re.search(r"\b(where|which city|what city|which capital)\b", self.low)
        found: list[AnswerItem] = []
        if re.match(r"\s*(did|does|do|will|is|was|has)\b", self.low) \
                and re.search(r"\bhost(s|ed|ing)?\b", self.low):
            if self.p.states:
                return self._did_host(events, what, self.p.states[0])
            # a yes/no question about a host the graph does not know: never the venues
            self.message = f"The graph knows no such host of the {what}."
            return []
        if re.search(r"\b(who|which (?!city|capital|town)\w+) (hosted|was the host|is the host|"
                     r"will host|hosts|(is|was|are|were|will be) hosting)\b", self.low):
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
        both = bool(re.search(r"\b(where and when|when and where)\b", self.low))
        if both:
            # "where and when": the place and the day of each event
            days = [AnswerItem(e["row"]["date"], e["row"]["event"], e["row"]["date"], None)
                    for e in events.values() if e["row"].get("date")]
            for d in days:
                for art, ev in events[d.iri]["sources"].items():
                    d.add_source(art, ev)
            found = found + _merge_dates(days)
        if when_q and not where_q:
            found = _merge_dates(found)
        earlier = ""
        if when_q and not where_q and not both and len(found) > 1 and self.p.period is None \
                and _PAST_ASKED.search(self.low) and not _ordinals(self.low):
            # "when did the council meet in St Petersburg", asked with several such meetings
            # known: the latest one by the day asked; the others are said, not hidden
            past = [a for a in found if a.start and a.start[:10] <= self.as_of.isoformat()]
            if past:
                latest = max(past, key=lambda a: a.start or "")
                earlier = " (the graph also knows " + ", ".join(
                    a.label for a in found if a is not latest) + ")"
                found = [latest]
        self.message = (
            f"The {what}: " + "; ".join(
                f"{a.label}" + (f" ({a.start})" if a.start and a.start != a.label else "")
                for a in found) + "."
            if found else f"The graph has no {what}."
        ) + earlier
        return found

    def _did_host(self, events: dict[str, dict[str, Any]], what: str,
                  state: reference.Entity) -> list[AnswerItem]:
        """ "Did X host the summit?": yes when X is a gathering's stated host (or, with no
        host stated, the state its city is in), no when the gatherings found have another;
        a yes/no question is never answered with their places."""
        if not events:
            self.message = f"The graph has no {what}."
            return []
        hosted: list[dict[str, Any]] = []
        known = False
        for e in events.values():
            hosts = {p.get("party") for p in e["parties"] if p.get("role") == "host"}
            if not hosts:
                place = _country_of(e["row"].get("place"))
                hosts = {_iri(place)} if place is not None else set()
            known = known or bool(hosts)
            if _iri(state) in hosts:
                hosted.append(e)
        if not known:
            self.message = f"The graph records no host or place of the {what}."
            return []
        item = AnswerItem("yes" if hosted else "no")
        for e in hosted or list(events.values()):
            for art, ev in e["sources"].items():
                item.add_source(art, ev)
        self.message = (f"Yes: {state.label} hosted the {what}." if hosted else
                        f"No: the graph records another host of the {what}.")
        return [item]
