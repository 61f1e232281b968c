"""Succession forms: who handed the chair to whom, the outgoing, incoming and next chair.

Hand-overs come from the named query `succession` (stated and inferred hand-overs, the
inferred ones by queries/rules/), else from the order of an organisation's dated
chairmanships; a chair stated ahead of time (planned or expected) is said so
(graph_builder/ask/modality.py).
"""

from __future__ import annotations

import re
from typing import Any

from graph_builder.ask import modality
from graph_builder.ask.helpers import _bounds, _collect, _covers, _date_in
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.parse import Period
from graph_builder.ask.triggers import T
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate


class SuccessionForms:
    """Who came before or after a chair, who handed over or took over, who is next."""

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
                rows = self._handovers(org=_iri(body), **{"from": _iri(state)})
                label, iri, when = "toLabel", "to", "toStart"
            else:
                rows = self._handovers(org=_iri(body), to=_iri(state))
                label, iri, when = "fromLabel", "from", "fromStart"
            if rows:
                org = body
                break
        if not rows:
            # no stated hand-over: the order of the terms, of the body that has them ("the
            # EU presidency" is the Council of the EU's)
            for body in self.org_family(org):
                rows = self._adjacent(body, state, direction)
                if rows:
                    org = body
                    break
            label, iri = ("toLabel", "to") if direction == "successor" else ("fromLabel", "from")
            when = "toStart" if direction == "successor" else "fromStart"
        period = self.p.period
        if period and period.relative is None and rows:
            matching = [
                r for r in rows
                if _date_in(r.get("toStart"), period) or _date_in(r.get("fromStart"), period)
            ]
            rows = matching or rows
        rows = self._nearest_handover(rows, state, iri)
        found = _collect(rows, label, iri, when, None)
        word = "after" if direction == "successor" else "before"
        stated, ahead = modality.split(found, self.run("chair_modality", org=_iri(org))) \
            if found else ([], {})
        if found:
            self.message = ((
                f"{' and '.join(a.label for a in stated)} chaired the {org.label} "
                f"{word} {state.label}." if stated else "") + (
                f" Known only ahead of time, {word} {state.label}:" if ahead else "")
                + self._ahead_note(org, found)).strip()
        else:
            self.message = (
                f"The graph has no chairmanship of the {org.label} {word} {state.label}."
            )
        del low
        return found

    def _nearest_handover(self, rows: list[dict[str, str]], state: reference.Entity,
                          iri: str) -> list[dict[str, str]]:
        """The hand-over the question is about: never the asked state itself, and of several
        (one state chairing many times, or many organisations) the one nearest the day
        asked, unless the question gives its own time."""
        rows = [r for r in rows if r.get(iri) != _iri(state)]
        if self.p.period is not None and self.p.period.relative is None:
            return rows
        keys = {(r.get("org"), r.get("from"), r.get("to")) for r in rows}
        if len(keys) <= 1:
            return rows

        # by the asked state's own term: Russia's July presidency, not the one next to it
        own, other = ("fromStart", "toStart") if iri == "to" else ("toStart", "fromStart")

        def distance(r: dict[str, str]) -> int:
            when = r.get(own) or r.get(other)
            if not when:
                return 10**6
            d = PartialDate.parse(when[:10])
            if d.first_day <= self.as_of <= d.last_day:
                return 0
            gap = (d.first_day - self.as_of).days
            return abs(gap) * (1 if gap <= 0 else 2)  # a past hand-over before a later one

        best = min(distance(r) for r in rows)
        return [r for r in rows if distance(r) == best]

    def _succession_any(self, state: reference.Entity) -> list[AnswerItem]:
        """A hand-over question that names no organisation: the hand-over nearest the day
        asked, of whichever organisation it was, when the state chaired only one; of a
        state that chaired several the question is ambiguous, and the answer asks for the
        organisation instead of picking one (the nearest hand-over was often another
        organisation's than the one the asker had in mind)."""
        chaired = self.run("chairs", chair=_iri(state))
        if self.p.period is not None and self.p.period.relative is None:
            chaired = [r for r in chaired
                       if _covers(r.get("start"), r.get("end"), self.p.period)]
        orgs = sorted({r.get("orgLabel") or "" for r in chaired} - {""})
        if len(orgs) > 1:
            self.message = (
                f"{state.label} chaired several organisations in the graph "
                f"({', '.join(orgs)}); name the organisation to ask about."
            )
            return []
        if len(orgs) == 1:
            # the one organisation it chaired: asked as if named (the order of its chairs
            # answers when no hand-over is stated)
            org = reference.resolve(orgs[0], "organization")
            if org is not None:
                self.p.orgs = [org]
                return self.succession()
        if self._direction(state) == "successor":
            rows = self._handovers(**{"from": _iri(state)})
            rows = self._nearest_handover(rows, state, "to")
            found = _collect(rows, "toLabel", "to", "toStart", None)
            word = "after"
        else:
            rows = self._handovers(to=_iri(state))
            rows = self._nearest_handover(rows, state, "from")
            found = _collect(rows, "fromLabel", "from", "fromStart", None)
            word = "before"
        orgs = sorted({r.get("orgLabel") or "" for r in rows} - {""})
        of = f" the {', '.join(orgs)}" if orgs else ""
        self.message = (
            f"{' and '.join(a.label for a in found)} chaired{of} {word} {state.label}."
            if found else f"The graph has no chairmanship {word} {state.label}."
        )
        return found

    def changeover(self) -> list[AnswerItem]:
        """ "Which country handed over the X chair?", "Who took over the X chairmanship?"
        with no state named: the outgoing or incoming chair of the hand-over nearest the day
        asked (a stated or inferred hand-over, else the order of the chairmanships)."""
        org = self.org()
        outgoing = bool(re.search(r"\b(hand\w* (it )?over|handed|hands|outgoing|previous|"
                                  r"former|predecessor|passed|gave up|relinquish\w*)\b",
                                  self.low))
        rows: list[dict[str, str]] = []
        for body in self.org_family(org):
            rows = self._handovers(org=_iri(body))
            if rows:
                org = body
                break
        if not rows:
            for body in self.org_family(org):
                chairs = [r for r in self.run("chairs", org=_iri(body)) if r.get("start")]
                if chairs:
                    org = body
                    rows = [r2 for r in chairs for r2 in self._adjacent(
                        body, reference.get("state", r["chair"].rsplit("/", 1)[1]), "successor")]
                    break
        side, label = ("from", "fromLabel") if outgoing else ("to", "toLabel")
        if rows:
            def distance(r: dict[str, str]) -> int:
                when = r.get("toStart")
                if not when:
                    return 10**6
                d = PartialDate.parse(when[:10])
                gap = (d.first_day - self.as_of).days
                return 0 if d.first_day <= self.as_of <= d.last_day else (
                    -gap if gap <= 0 else 2 * gap)

            best = min(distance(r) for r in rows)
            rows = [r for r in rows if distance(r) == best]
        found = _collect(rows, label, side, "toStart" if not outgoing else "fromStart", None)
        what = "outgoing" if outgoing else "incoming"
        self.message = (f"The {what} chair of the {org.label}: "
                        f"{', '.join(a.label for a in found)}." + self._ahead_note(org, found)
                        if found else
                        f"The graph has no hand-over of the {org.label} chairmanship.")
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
        noun = re.search(r"\b(predecessor|successor)s?\b", low)
        if noun:  # "Kazakhstan's predecessor", "the successor of Belarus"
            return noun.group(1)
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
                nxt = self._handovers(org=_iri(org), **{"from": current})
                nxt = [r for r in nxt if r.get("toStart") and
                       PartialDate.parse(r["toStart"]).last_day >= self.as_of]
                found += _collect(nxt, "toLabel", "to", "toStart", None)
        self.message = (
            f"Next to chair the {org.label}: {', '.join(a.label for a in found)}."
            + self._ahead_note(org, found) if found else
            f"The graph has no chairmanship of the {org.label} after the one "
            f"of {self.as_of.isoformat()}."
        )
        return found


    def _handovers(self, **params: str) -> list[dict[str, str]]:
        """Hand-overs of the named query `succession` (between two chairmanships), with
        those an incoming chairmanship states alone ("took over from Poland", Poland's own
        term not in the graph: query `chair_previous`)."""
        rows = self.run("succession", **params)
        previous = self.run("chair_previous", **params)
        # the predecessor an article states beats one read from the order of overlapping
        # terms ("Denmark took over from Poland", not from Hungary a year before)
        # (of the same incoming term: a state that chaired twice took over from two states)
        named: dict[tuple[str | None, str], set[str | None]] = {}
        for r in previous:
            named.setdefault((r.get("to"), (r.get("toStart") or "")[:4]), set()).add(r.get("from"))
        rows = [r for r in rows if r.get("from") in named.get(
            (r.get("to"), (r.get("toStart") or "")[:4]), {r.get("from")})]
        seen = {(r.get("org"), r.get("from"), r.get("to")) for r in rows}
        stated = [r for r in previous if (r.get("org"), r.get("from"), r.get("to")) not in seen]
        return rows + stated

    def _ahead_note(self, org: reference.Entity, found: list[AnswerItem]) -> str:
        """" Russia is planned to chair ... per ARTICLE.": chairs known only ahead of time."""
        note = modality.notes(found, self.run("chair_modality", org=_iri(org)), org.label,
                              self.as_of)
        return f" {note}" if note else ""

    def succession_current(self) -> list[AnswerItem]:
        """ "Who chaired X before the current chair?", "who will succeed the incumbent?":
        the hand-over to or from the chair of the day asked, when the graph has one."""
        org = self.org()
        now = Period.now(self.as_of)
        current = [a for a in self._chair_of(org, now) if a.iri]
        if len(current) != 1:
            self.message = (f"The graph has no single chair of the {org.label} on "
                            f"{self.as_of.isoformat()} to count from."
                            if not current else
                            f"Sources disagree on the chair of the {org.label} on "
                            f"{self.as_of.isoformat()}: "
                            + ", ".join(a.label for a in current) + ".")
            return []
        state = reference.get("state", current[0].iri.rsplit("/", 1)[1])
        ref = T["current_ref"].search(self.low)
        # the words for the current chair stand where a state's name would: the verb and
        # who its subject is give the direction, as for "who took over from Belarus"
        self.p.states, self.p.period = [state], None
        self.p.state_spans = [ref.span()] if ref else [(len(self.low), len(self.low))]
        found = self.succession()
        self.message = (f"The chair of the {org.label} on {self.as_of.isoformat()} is "
                        f"{state.label}. {self.message}")
        return found
