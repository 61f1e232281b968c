"""Standing forms: observers, dialogue partners and associates of a body.

"Which states are observers of the SCO?", "Is Turkey a dialogue partner of the SCO?". A
standing is a membership whose status is short of full (core.facts.outside_membership); it
holds from its start, or from its article's date when none is stated, until its end or
until the state becomes a full member (Iran, an SCO observer, stopped being one when it
joined). "Is X a member" of a state with such a standing is answered no, naming it
(MemberForms.is_member).
"""

from __future__ import annotations

import re

from graph_builder.ask.helpers import _collect, _covers, _known_count
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.parse import Period
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.facts import outside_membership

# the standing a question names, by the stem its words share with the recorded status
_STANDINGS = (("partner", re.compile(r"\bpartner"), "partner"),
              ("associate", re.compile(r"\bassociat"), "associate member"),
              ("observer", re.compile(r"\bobserver"), "observer"))


def _stem(status: str | None) -> str | None:
    """The standing a recorded status is ("dialogue partner": "partner", "associated
    state": "associate"), by the stem its words share; None for another status."""
    low = (status or "").lower()
    return next((stem for stem, _, _ in _STANDINGS if stem[:7] in low), None)


def standing_name(status: str | None) -> str:
    """How an answer says a status: "observer", "partner", "associate member"."""
    names = {stem: name for stem, _, name in _STANDINGS}
    return names.get(_stem(status)) or (status or "").lower() or "observer"


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


class StandingForms:
    """States in a body's outer ring at the time asked."""

    def _standing_asked(self) -> str:
        return next((stem for stem, rx, _ in _STANDINGS if rx.search(self.low)), "observer")

    def _standing_rows(self, org: reference.Entity, state: reference.Entity | None,
                       status: str | None) -> tuple[list[dict[str, str]], Period]:
        """Rows of a standing (any, when `status` is None) that hold at the time asked."""
        period = self.p.period or Period.now(self.as_of)
        args = {"org": _iri(org), **({"member": _iri(state)} if state else {})}
        rows = self.run("membership_dates", **args)
        full, kept = [], []
        for r in rows:
            if not outside_membership(r.get("status")):
                full.append(r)
            elif status is None or _stem(r.get("status")) == status:
                kept.append(r)

        def held(r: dict[str, str]) -> bool:
            start = r.get("start") or (r.get("published") or "")[:10] or None
            if not _covers(start, r.get("end"), period):
                return False
            # a full membership that begins after the standing, by the time asked, ends it
            # (an undated one from its article's date: "India, now a member" reported later)
            since = r.get("start") or (r.get("published") or "")[:10]
            for m in full:
                began = m.get("start") or (m.get("published") or "")[:10]
                if m["member"] == r["member"] and began and began >= since and \
                        PartialDate.parse(began).first_day <= period.last:
                    return False
            return True

        return [r for r in kept if held(r)], period

    def standings(self) -> list[AnswerItem]:
        """ "Which states are observers of the SCO?", "Name BRICS's partner countries." """
        org = self.org()
        status = self._standing_asked()
        rows, period = self._standing_rows(org, None, status)
        found = _collect(rows, "memberLabel", "member")
        name = standing_name(status)
        if re.search(r"\b(how many|number of|count of)\b", self.low):
            # the count of those the graph knows, said as such (no article states a total)
            item, self.message = _known_count(found, name, org.label, period.iso)
            return [item]
        self.message = (f"{name[0].upper()}{name[1:]}s of the {org.label} ({period.iso}): "
                        f"{', '.join(a.label for a in found)}." if found else
                        f"The graph records no {name} of the {org.label} on {period.iso}.")
        return found

    def is_standing(self) -> list[AnswerItem]:
        """ "Is Mongolia an observer of the SCO?": yes or no, with the source."""
        org = self.org()
        state = self.p.states[0]
        status = self._standing_asked()
        rows, period = self._standing_rows(org, state, status)
        negated = bool(re.search(r"\b(no longer|not|n't|never)\b", self.low))
        yes = bool(rows) != negated
        item = AnswerItem("yes" if yes else "no", None)
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        name = standing_name(status)
        fact = (f"{state.label} is {_a(name)} {name} of the {org.label} ({period.iso})" if rows
                else f"the graph records no {name} standing of {state.label} in the "
                     f"{org.label} on {period.iso}")
        self.message = f"{'Yes' if yes else 'No'}: {fact}."
        return [item]

    def when_standing(self) -> list[AnswerItem]:
        """ "Since when has Hungary been an OTS observer?": the standing's stated start,
        else that it is known only from its article's date."""
        org, state = self.org(), self.p.states[0]
        status = self._standing_asked()
        rows = [r for r in self.run("membership_dates", org=_iri(org), member=_iri(state))
                if outside_membership(r.get("status")) and _stem(r.get("status")) == status]
        name = standing_name(status)
        found = _collect([r for r in rows if r.get("start")], "start")
        if found:
            self.message = (f"{state.label} has been {_a(name)} {name} of the {org.label} "
                            f"since {', '.join(a.label for a in found)}.")
            return found
        if rows:
            dates = sorted({(r.get("published") or "")[:10] for r in rows} - {""})
            self.message = (f"The graph records {state.label} as {_a(name)} {name} of the "
                            f"{org.label} without a start" + (f" (reported {dates[0]})."
                                                              if dates else "."))
        else:
            self.message = (f"The graph records no {name} standing of {state.label} in the "
                            f"{org.label}.")
        return []

    def status_of(self) -> list[AnswerItem]:
        """ "What is Turkmenistan's status in the CIS?": its standing, suspension or
        membership at the time asked, in the facts format's words."""
        org, state = self.org(), self.p.states[0]
        rows, period = self._standing_rows(org, state, None)
        if rows:
            label = _stem(rows[0]["status"]) or rows[0]["status"].lower()
            name = standing_name(label)
            fact = f"{state.label} is {_a(name)} {name} of the {org.label} ({period.iso})"
        else:
            members, period = self._member_rows(org, state)
            if not members:
                self.message = (f"The graph has no membership or standing of {state.label} "
                                f"in the {org.label} on {period.iso}.")
                return []
            rows = members
            suspended = any((r.get("status") or "").lower() == "suspended" for r in rows)
            label = "suspended" if suspended else "member"
            fact = (f"{state.label}'s membership of the {org.label} is suspended" if suspended
                    else f"{state.label} is a member of the {org.label}") + f" ({period.iso})"
        item = AnswerItem(label, None)
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
        self.message = f"{fact}."
        return [item]

    def standing_instead(self, org: reference.Entity,
                         state: reference.Entity) -> tuple[str, list[dict[str, str]]] | None:
        """The standing short of membership a state holds instead, said as "an observer"."""
        rows, _ = self._standing_rows(org, state, None)
        if not rows:
            return None
        name = standing_name(rows[0].get("status"))
        return f"{_a(name)} {name}", rows
