"""Chairmanship forms: who chaired when, when a state chaired, succession."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from graph_builder.ask import modality
from graph_builder.ask.helpers import (
    _bounds,
    _collect,
    _covers,
    _date_in,
    _main_holders,
    _merge_dates,
    _ordinals,
)
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.parse import Period
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate

_MONTH_NAMES = [m.lower() for m in calendar.month_name if m]
# a body of the organisation, or a second seat, that the organisation's chairmanship is not:
# "who chairs the COMESA Committee of Elders", "which country is vice-chair of the bureau"
# (its organ of leaders or ministers is chaired by the chair: "the Committee of Ministers of
# the Council of Europe", "the Assembly of Heads of State")
_SUB_BODY = re.compile(r"\b(committee|bureau|organ|board|commission|secretariat|tribunal|court|"
                       r"parliament|assembly|cabinet|panel|working group)\b(?! of (the )?"
                       r"(foreign |defen[cs]e )?(ministers|heads|leaders|presidents))")
_SECOND_SEAT = re.compile(r"\b(vice|deputy|co)[- ]?(chair\w*|presiden\w*)|\bfirst vice\b")
# "which country will hold the presidency from 2023": the term that begins then
_FROM_PERIOD = re.compile(r"\b(from|starting( in)?|beginning( in)?|as of|as from)\s+"
                          r"(\d{4}|(early |late |mid-?)?[a-z]+ \d{4}|1 january)\b")

# "who presided over the CIS summit in Bishkek", "who chaired the foreign ministers' council
# in Schaan": one gathering's chair, not the organisation's chairmanship over all time
_GATHERING_CHAIR = re.compile(
    r"\b(chair|chairs|chaired|chairing|preside|presides|presided|presiding|led|conducted|ran)"
    r"\s+(over\s+)?(the\s+|a\s+|this\s+)?((?!(after|since|before|following|during|at|when|"
    r"until|from|in|on)\b)[\w'’.-]+\s+){0,5}?(summit|meeting|session|ministerial|conference|"
    r"debate|talks|(?<=ministers )council|(?<=ministers' )council|gathering)\b(?!.*\b(after|since|"
    r"following|before)\b)")
# the gathering of ministers, whose chair is the host's minister of that portfolio
_MINISTERS_OF = (("foreign minister", re.compile(r"\b(foreign|ministerial|external affairs)\b")),
                 ("defence minister", re.compile(r"\bdefen[cs]e\b")))


# "first", "last", "previously": the question is about all the terms, not the day's
_ORDER_WORD = re.compile(r"\b(first|last|earliest|latest|previous(ly)?|before|ever|again)\b")


class ChairForms:
    """Who chaired an organisation, when, how often, and who came before or after."""

    # chairmanship -----------------------------------------------------------------------------
    def _event_period(self) -> Period | None:
        """ "when the Minsk summit took place", "after the Astana summit": the day of an event
        the graph records (the day after it for "after"), as the time of the question."""
        m = re.search(r"\b(after|since|following|at the time of|when|during|at)\b(.*\b("
                      r"summit|meeting|session|opening|conference|ministerial|gathering|talks)"
                      r"\b.*)$", self.low)
        if not m or self.p.period is not None:
            return None
        types = ("summit",) if "summit" in m.group(2) else ("summit", "meeting")
        events, _what = self._events(types, one=True)
        days = sorted({e["row"]["date"] for e in events.values() if e["row"].get("date")})
        if not days:
            return None
        if m.group(1) in ("after", "since", "following"):
            return Period.after(days[-1])
        return Period.of(days[0])

    def _member_period(self, org: reference.Entity) -> Period | None:
        """ "when India joined", "after Georgia left": the date the graph has for that
        membership's start (or end) in the organisation asked about."""
        m = re.search(r"\b(when|after|since|at the time)\b.*\b(joined|join|became|become|"
                      r"was admitted|were admitted|acceded|left|withdrew|quit|expelled|"
                      r"suspended)\b", self.low)
        if not m or self.p.period is not None or not self.p.states:
            return None
        leaving = m.group(2) in ("left", "withdrew", "quit", "expelled")
        rows = self.run("membership_dates", org=_iri(org), member=_iri(self.p.states[0]))
        if m.group(2) == "suspended":  # the start of the suspended period
            rows = [r for r in rows if (r.get("status") or "").lower() == "suspended"]
        days = sorted(r[key] for r in rows for key in [("end" if leaving else "start")]
                      if r.get(key))
        if not days:
            return None
        return Period.after(days[0]) if m.group(1) in ("after", "since") else Period.of(days[0])

    def _unplaced_clause(self) -> str | None:
        """A time given by a clause ("when India joined") the graph could not date."""
        m = re.search(r".\b((when|while|after|since|at the time|in the year|the year)\b.*)$",
                      self.low)
        return m.group(1) if m and self.p.period is None else None

    def chair(self) -> list[AnswerItem]:
        org = self.org()
        second, body = _SECOND_SEAT.search(self.low), _SUB_BODY.search(self.p.plain)
        if body and not second:
            # "who chairs the African Union Commission": the graph's post of that organ
            organ = body.group(1)
            titles = sorted({t for r in self.run("post_holders", of=_iri(org))
                             if organ in (t := (r.get("title") or "").lower())
                             and re.search(r"\b(chair\w*|president|head)\b", t)
                             and not _SECOND_SEAT.search(t)},
                            key=lambda t: (not re.match(r"chair|president|head", t), len(t)))
            if titles:
                self.p.title = titles[0]
                return self.post_holder()
        if second or body:
            what = second.group(0) if second else body.group(1)
            self.message = (f"The graph does not record who holds the {what} of the "
                            f"{org.label}; it records the chairmanship of the {org.label} "
                            f"itself.")
            return []
        presided = self._gathering_chair()
        if presided is not None:
            return presided
        event_day = self._event_period() if self.p.period is None else None
        period = self.p.period or event_day or self._member_period(org)
        clause = self._unplaced_clause() if period is None else None
        if clause is not None:
            self.message = (f"The graph cannot place '{clause}' in time, so it cannot tell "
                            f"who chaired the {org.label} then.")
            return []
        found: list[AnswerItem] = []
        for body in self.org_family(org):
            found = self._chair_of(body, period)
            if found:
                org = body
                break
        ordinals = _ordinals(re.sub(r"\b(first|second) half\b", " ", self.low))
        if ordinals and self.p.period is None and (period is None or len(found) != 1):
            # "who chaired the 38th session": a numbered gathering the graph cannot date to
            # one chair is said so (listed every chair, or both sides of that day's hand-over)
            self.message = (f"The graph cannot tell who chaired the {org.label} at that "
                            f"numbered session or summit.")
            return []
        period = period or self.p.period  # "who chairs X": now, set by _chair_of
        took = re.search(r"\b(took over|take over|takes over|taking over|assum\w+|took up|"
                         r"took on|was handed|received)\b", self.low)
        if _FROM_PERIOD.search(self.low) and period and period.relative is None:
            # "the presidency from 2023": a term that begins then, not one running into it
            found = [a for a in found if a.start and _date_in(a.start, period)]
        elif took and period and period.relative is None and len(found) > 1:
            starting = [a for a in found if a.start and _date_in(a.start, period)]
            found = starting or found
        elif period and period.relative != "now" and period.precision != "day" and len(found) > 1 \
                and not re.search(r"\b(countries|states|members|nations)\b", self.low):
            if re.search(r"\bfor (the )?(\d{4})\s*(-|to|until|and)\s*\d{4}\b", self.low):
                # "who chairs X for 2024-2026": the term that begins then
                starting = [a for a in found if a.start and a.start[:4] == period.iso[:4]]
                found = starting or found
            found = _main_holders(found, period)
        if period and period.precision == "day":
            found = self._with_undated(org, found, period)
        if period is not None and len(found) > 1:
            found = self._refined(org, found, period)
        ahead_rows = self.run("chair_modality", org=_iri(org)) if found else []
        if period and period.precision == "day" and len(found) > 1:
            found = modality.keep_stated_over_planned(found, ahead_rows, period.first)
        if period and period.precision == "day" and len(found) > 1:
            # on a hand-over day the outgoing chair's term (often dated by its year alone)
            # still covers the day: the chair that began last holds it
            # (but at a gathering on that day the outgoing chair presides: the hand-over
            # closes it, so "who chaired when the summit was held" is the earlier chair)
            starts = {a.start for a in found}
            if None not in starts and len(starts) == len(found):
                at_event = event_day is not None and event_day.first == period.first and \
                    not re.search(r"\b(after|since|following)\b", self.low)
                pick = min if at_event else max
                latest = pick(PartialDate.parse(a.start).first_day for a in found if a.start)
                found = [a for a in found
                         if a.start and PartialDate.parse(a.start).first_day == latest]
        what = f"chairmanship of the {org.label}"
        open_now: list[AnswerItem] = []
        asked = self.p.period  # a period the question names, not one of an event
        if asked is not None and asked.relative is None and asked.first > self.as_of:
            # a future period: a term that began by the day asked with no stated end is not
            # known to last into it (the next chair may simply be unreported)
            open_now = [a for a in found if not a.end and a.start and PartialDate.parse(
                a.start[:10]).first_day <= self.as_of and a.iri not in modality.split(
                    [a], ahead_rows)[1]]
            found = [a for a in found if a not in open_now]
        if period is None:
            when = ""
        elif period.relative == "now":
            when = f" on {period.iso} (now)"
        else:
            when = f" {'on' if period.precision == 'day' else 'in'} {period.iso}"
        if not found:
            self.message = f"The graph has no {what}{when}." + (
                " " + "; ".join(f"{a.label} holds it from {a.start}" for a in open_now)
                + ", with no stated end." if open_now else "")
        elif len(found) > 1 and self._conflict(found, period):
            self.message = (
                f"Sources disagree on the {what}{when}: "
                + "; ".join(f"{a.label} ({', '.join(s.article for s in a.sources)})" for a in found)
                + "."
            )
        else:
            stated, ahead = modality.split(found, ahead_rows)
            verb = "has" if period is not None and period.first > self.as_of else "held"
            held = f"{' and '.join(a.label for a in stated)} {verb} the {what}{when}. " \
                if stated else ""
            self.message = (held + modality.notes(found, ahead_rows, org.label, self.as_of)
                            ).strip()
        return found

    def _gathering_chair(self) -> list[AnswerItem] | None:
        """ "Who presided over the CIS summit in Bishkek?": the one gathering the question
        places (by city, venue or day) is chaired by its host; "who" asks for the person in
        the chair, the host's leader at a summit or its minister at a ministers' meeting.
        None when the question names no such gathering, or the graph has not one of it."""
        m = _GATHERING_CHAIR.search(self.low)
        if not m or not (self.p.cities or self.p.venues or (
                self.p.period is not None and m.group(6) != "council")):
            return None
        events, what = self._events(("meeting",) if m.group(6) != "summit"
                                    else ("summit",), one=True)
        hosts = {(p["party"], p.get("partyLabel") or "", e["row"].get("date") or "", k)
                 for k, e in events.items() for p in e["parties"] if p.get("role") == "host"}
        if len(events) != 1 or len({h[0] for h in hosts}) != 1:
            return None
        iri, label, day, key = hosts.pop()
        state = reference.resolve(label, "state")
        if state is None or not day:
            return None
        sources = events[key]["sources"]
        host = AnswerItem(state.label, iri, day, day)
        for article, evidence in sources.items():
            host.add_source(article, evidence)
        self.message = f"{state.label} hosted the {what} on {day}, and the host chairs it."
        if re.search(r"\b(which|what)\s+(country|state|nation|member)", self.low):
            return [host]
        title = next((t for t, words in _MINISTERS_OF if words.search(self.low)), None)
        if title is None:
            found = self.chair_leaders([host])
        else:
            found = self._by_time(self.run("post_holders", of=iri, title=title),
                                  Period.of(day))
        if not found:
            self.message += f" The graph has no {title or 'leader'} of {state.label} then."
            return [host]
        self.message = (f"{' and '.join(a.label for a in found)}, {title or 'leader'} of "
                        f"{state.label}, which hosted the {what} on {day}.")
        return found

    def _refined(self, org: reference.Entity, found: list[AnswerItem],
                 period: Period) -> list[AnswerItem]:
        """A term known by its year alone ("Denmark, 2025") whose start another article
        gives to the day ("from 1 July 2025") is not current before that day: the finer
        date refines the coarser one of the same term."""
        kept = []
        for a in found:
            if a.start and len(a.start) == 4 and a.iri:
                finer = sorted(r["start"] for r in self.run("chairs", org=_iri(org),
                                                            chair=a.iri)
                               if (r.get("start") or "")[:4] == a.start and len(r["start"]) > 4)
                if finer and PartialDate.parse(finer[0]).first_day > period.last:
                    continue
            kept.append(a)
        return kept or found

    def chair_no_org(self) -> list[AnswerItem]:
        """ "Which country held the presidency in 2024?" with no organisation named: the
        chair of the one organisation the graph has a chair of then; of several, the answer
        asks which organisation is meant (never one picked for the asker)."""
        period = self.p.period or Period.now(self.as_of)
        rows = [r for r in self.run("chairs")
                if _covers(r.get("start"), r.get("end"), period)]
        orgs = sorted({r.get("orgLabel") or "" for r in rows} - {""})
        if self.p.ambiguous:
            # "which country presided over the Council in the second half of 2024": of the
            # bodies "the council" may be, the one the graph has a chair of then
            name, bodies = self.p.ambiguous
            chaired = [o for o in orgs if o in bodies]
            if len(chaired) > 1 and self.p.period is not None:
                # "in August 2015": a body whose chair turns monthly; "in the second half
                # of 2024": one whose chair turns every six months
                span = (self.p.period.last - self.p.period.first).days
                months = 1 if span < 32 else 6 if 170 < span < 190 else None
                chaired = [o for o in chaired if months and (
                    e := reference.resolve(o, "organization")) and e.chair_term_months == months]
                # (of those, a body whose term begins with the period asked)
                aligned = [o for o in chaired if any(
                    r.get("orgLabel") == o and (r.get("start") or "")[:7]
                    == self.p.period.first.isoformat()[:7] for r in rows)]
                chaired = aligned or chaired
            if len(chaired) != 1 or self.p.period is None:
                self.message = (f"'{name}' could be any of {len(bodies)} bodies the graph "
                                f"knows ({', '.join(bodies[:8])}"
                                f"{', ...' if len(bodies) > 8 else ''}): name the one meant.")
                return []
            orgs = chaired
        if len(orgs) == 1:
            org = reference.resolve(orgs[0], "organization")
            if org is not None:
                self.p.orgs = [org]
                return self.chair()
        self.message = (
            f"The question names no organisation, and the graph has chairs of several then "
            f"({', '.join(orgs[:8])}{', ...' if len(orgs) > 8 else ''}): name the one meant."
            if orgs else "The question names no organisation, and the graph has no chair then.")
        return []

    def _published(self) -> dict[str, date]:
        out: dict[str, date] = {}
        for r in self.run("article_published"):
            try:
                out[r["article"]] = PartialDate.parse(r["published"][:10]).first_day
            except Exception:  # noqa: BLE001 - an unreadable date attests nothing
                continue
        return out

    def _with_undated(self, org: reference.Entity, found: list[AnswerItem],
                      period: Period) -> list[AnswerItem]:
        """A chair stated with no period ("X currently chairs") is attested on its article's
        date: it holds on a day from a month before that article to a year after it, and a
        report of it newer than the start of an open-ended chair found replaces that one."""
        rows = [r for r in self.run("chairs", org=_iri(org))
                if not r.get("start") and not r.get("end")]
        if not rows:
            return found
        published = self._published()
        day = period.first
        near = [r for r in rows if r.get("article") in published
                and -31 <= (day - published[r["article"]]).days <= 366]
        if not near:
            return found
        newest = max(published[r["article"]] for r in near)
        kept = [a for a in found if a.end or not a.start
                or _bounds(a.start, None)[0] >= newest]
        if kept and len(kept) == len(found):
            return found  # dated chairs of the day win over an undated report
        newest_rows = [r for r in near if published[r["article"]] == newest]
        extra = [a for a in _collect(newest_rows, "chairLabel", "chair")
                 if not any(k.iri == a.iri for k in kept)]
        return kept + extra

    def _chair_of(self, org: reference.Entity, period: Period | None) -> list[AnswerItem]:
        if period is None:
            if re.search(r"\b(who|(which|what) \w+) (chairs|holds|has|presides|is|leads|"
                         r"heads|runs|steers|occupies)\b", self.low):
                period = Period.now(self.as_of)
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
        rows = [r for r in rows if not self._open_term_over(org, r, period)]
        return _collect(rows, "chairLabel", "chair")

    _OPEN_TERM_DAYS = 366  # an open term with no usual length: known a year past its article

    def _open_term_over(self, org: reference.Entity, row: dict[str, str],
                        period: Period) -> bool:
        """A term with a start and no end is not known to last for ever: past the
        organisation's usual term (or, with none in the tables, a year past the article
        that reports it) the graph does not know who chairs, and "who chaired the OIC in
        2030" gets no answer rather than the chair of 2024."""
        if not row.get("start") or row.get("end"):
            return False
        start = PartialDate.parse(row["start"][:10]).first_day
        months = reference.chair_term_months(org.label)
        if months:
            horizon = start + timedelta(days=31 * months)
        else:
            published = self._published().get(row.get("article") or "")
            horizon = max(start, published or start) + timedelta(days=self._OPEN_TERM_DAYS)
        return period.first > horizon

    @staticmethod
    def _conflict(found: list[AnswerItem], period: Period | None) -> bool:
        if period is not None and period.precision == "day":
            return True
        spans = [(a.start, a.end) for a in found]
        return len(set(spans)) < len(spans)

    def when_chaired(self) -> list[AnswerItem]:
        state = self.state()
        org = self.org(required=False)
        if org is None:  # "when will the Polish presidency end": the one of the day asked
            rows = self.run("chairs", chair=_iri(state))
            near = self._nearest_chair(rows)
            if not near:
                self.message = f"The graph has no chairmanship held by {state.label}."
                return []
            org = reference.get("organization", near[0]["org"].rsplit("/", 1)[1])
            terms = {(r.get("start"), r.get("end")) for r in near}
            rows = [r for r in self.run("chairs", org=_iri(org), chair=_iri(state))
                    if (r.get("start"), r.get("end")) in terms or _ORDER_WORD.search(self.low)]
        else:
            rows = self.run("chairs", org=_iri(org), chair=_iri(state))
            if self.p.period is None and re.search(r"\b(does|do|will|is|are|shall)\b",
                                                   self.low) and len(rows) > 1:
                # "when will X's presidency end": the term of the day asked, or the next one
                near = self._nearest_chair(rows)
                terms = {(r.get("start"), r.get("end")) for r in near}
                rows = [r for r in rows if (r.get("start"), r.get("end")) in terms]
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
        found = self._before_after(found)
        if not ending and len(found) > 1 and re.match(r"\s*since when\b", self.low):
            # "since when has X held the chair": the start of the term it holds on the day
            # asked, the earliest the graph gives for it
            today = Period.now(self.as_of)
            holding = [a for a in found if _covers(a.start, a.end, today)]
            if holding:
                found = [min(holding, key=lambda a: _bounds(a.label, None)[0])]
        verb = "'s chairmanship of the {org} ended" if ending else " chaired the {org} in"
        if found:
            self.message = f"{state.label}" + verb.format(org=org.label) + ": " + ", ".join(
                a.label for a in found) + "."
        else:
            self.message = (f"The graph has no {'end of a ' if ending else ''}chairmanship of "
                            f"the {org.label} by {state.label}.")
        return found

    def _before_after(self, found: list[AnswerItem]) -> list[AnswerItem]:
        """The terms of the time the question gives: those covering it, or with "before" /
        "after" it those that began before (after) it; "last" / "first" picks one."""
        period = self.p.period
        if period is None and len(found) > 1:
            # "when did X last chair ASEAN": the latest term begun by the day asked (a term
            # planned after it is not the last one held); "for the first time": the earliest
            begun = [a for a in found if a.start and _bounds(a.start, None)[0] <= self.as_of]
            if begun and re.search(r"\b(last|latest|most recently)\b", self.low):
                # "when did Pakistan last hold it", asked in its term: the one before
                today = Period.now(self.as_of)
                before = [a for a in begun if not _covers(a.start, a.end, today)]
                if before and re.search(r"\b(did|had)\b", self.low):
                    begun = before
                return [max(begun, key=lambda a: _bounds(a.start, None)[0])]
            if begun and re.search(r"\b(first|earliest)\b", self.low):
                return [min(begun, key=lambda a: _bounds(a.start, None)[0])]
        if period is None or period.relative is not None:
            return found
        when = re.search(r"\b(before|prior to|until|after|since)\s+(the\s+)?"
                         r"(end of\s+|start of\s+)?(\d{4}|" + "|".join(_MONTH_NAMES) + r")",
                         self.low)
        if when and when.group(1) in ("before", "prior to", "until"):
            found = [a for a in found if a.start and _bounds(a.start, None)[0] < period.first]
        elif when:
            found = [a for a in found if a.start and _bounds(a.start, None)[0] > period.last]
        else:
            return [a for a in found if _covers(a.start, a.end, period)]
        if found and re.search(r"\b(last|latest|most recently|previous)\b", self.low):
            found = [max(found, key=lambda a: _bounds(a.start, None)[0])]
        elif found and re.search(r"\b(first|earliest)\b", self.low):
            found = [min(found, key=lambda a: _bounds(a.start, None)[0])]
        return found

    def _nearest_chair(self, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        """The chairmanship rows covering the day asked, else those nearest to it."""
        def distance(r: dict[str, str]) -> int:
            first, last = _bounds(r.get("start"), r.get("end"))
            if first is None and last is None:
                return 10**6
            if (first is None or first <= self.as_of) and (last is None or last >= self.as_of):
                return 0
            return min(abs((d - self.as_of).days) for d in (first, last) if d is not None)

        rows = [r for r in rows if r.get("org")]
        if not rows:
            return []
        best = min(distance(r) for r in rows)
        return [r for r in rows if distance(r) == best]

    def has_chaired(self) -> list[AnswerItem]:
        org, state = self.org(), self.state()
        rows: list[dict[str, str]] = []
        for body in self.org_family(org):  # "the EU presidency" is the Council of the EU's
            rows = self.run("chairs", org=_iri(body), chair=_iri(state))
            if rows:
                org = body
                break
        period = self.p.period
        if period is not None:
            rows = [r for r in rows if _covers(r.get("start"), r.get("end"), period)]
        later: list[dict[str, str]] = []
        if not re.search(r"\b(will|shall|going to|is to|set to|due to)\b", self.low):
            # "did X chair": a term that begins after the day asked has not happened
            later = [r for r in rows if r.get("start")
                     and PartialDate.parse(r["start"][:10]).first_day > self.as_of]
            rows = [r for r in rows if r not in later]
        item = AnswerItem("yes" if rows else "no")
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        when = f" in {period.iso}" if period else ""
        ahead = self.run("chair_modality", org=_iri(org), chair=_iri(state))
        future = _collect(later, "chairLabel", "chair")
        note = " " + modality.notes(future, ahead, org.label, self.as_of) if future else ""
        if rows and not note:
            note = " " + modality.notes(_collect(rows, "chairLabel", "chair"), ahead,
                                        org.label, self.as_of)
        self.message = (f"Yes: {state.label} chaired the {org.label}{when}." if rows else
                        f"No: the graph has no chairmanship of the {org.label} by "
                        f"{state.label}{when} by {self.as_of.isoformat()}." if later else
                        f"No: the graph has no chairmanship of the {org.label} by "
                        f"{state.label}{when}.") + note.rstrip()
        return [item]

    def times_chaired(self) -> list[AnswerItem]:
        org, state = self.org(), self.state()
        rows = self.run("chairs", org=_iri(org), chair=_iri(state))
        dated = [AnswerItem(r["start"], None, r["start"], r.get("end")) for r in rows
                 if r.get("start")]
        if self.p.period is not None and self.p.period.relative is None:
            kept = self._before_after(dated)
            rows = [r for r in rows if r.get("start") in {a.label for a in kept}]
            dated = kept
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
