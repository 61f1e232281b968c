"""Conflict and cooperation forms between states and organisations."""

from __future__ import annotations

import re

from graph_builder.ask.helpers import (
    _collect,
    _date_in,
    _merge_dates,
)
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.persons import name_words, uncased
from graph_builder.ask.triggers import T


class RelationForms:
    """Clashes between states and proposed cooperation."""

    # conflicts and cooperation ----------------------------------------------------------------
    def conflicts(self) -> list[AnswerItem]:
        states = self.p.states
        if not states and self.p.unknown:
            self._unknown("state")  # "which states clashed in Goma": a place it does not know
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
        if len(states) > 1 and T["yes_no"].search(self.low):
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
        if not persons and state is None and uncased(self.p):
            # a name typed in lower case ("did putin suggest ..."): the words of the question
            # that are a word of the name of someone who proposed cooperation
            words = set(name_words(self.p))
            persons = sorted({w for r in self.run("cooperation") for w in words & set(
                re.split(r"[\s-]+", (r.get("byLabel") or "").lower()))})
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


