"""Attendance forms: who attended a gathering, who stayed away, did a state or a person go.

The graph records states at gatherings (participants, absentees, hosts), not people in a
room: a person is asked about through the state whose post they hold, and the answer says
when the graph cannot tell whether that person went.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from graph_builder.ask.helpers import _collect
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.persons import LEADER_TITLES, holders_named
from graph_builder.ask.triggers import T
from graph_builder.core import reference

_NEGATED = re.compile(r"\b(not|n.t|never|fail\w*|no|without)\b")
_WH = re.compile(r"\b(who|whom|whose|which|what|where|when|how|why)\b")
# "which leaders attended": the people who head the states the graph records there
_LEADERS = re.compile(r"\b(leaders?|heads? of (state|government)|presidents|prime ministers|"
                      r"premiers|monarchs)\b")
# the posts that head a state, the first the one named for it when an article names several
_HEADS = ("president", "prime minister", "king", "emir", "sultan", "chancellor", "premier",
          "acting president", "crown prince", "supreme leader")


def is_head(title: str) -> bool:
    """A head of state or of government ("interim president" too), not a deputy."""
    title = re.sub(r"^(interim|acting|transitional|caretaker) ", "", title.lower())
    return title in LEADER_TITLES or title in _HEADS


def stood_in(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Of the people an event's article names for one state (post_holders rows): the
    ministers, when the others named are its heads of state or government: at a gathering
    the minister is the one who went (a head named beside them stayed away, or is only
    mentioned). Any other mix ([] here) is not read."""
    ministers = [r for r in rows if re.search(r"\b(minister|ambassador|envoy)\b",
                                                r.get("title") or "")
                 and not is_head(r.get("title") or "")]
    heads = [r for r in rows if is_head(r.get("title") or "")]
    people = {r.get("person") for r in rows}
    if ministers and heads and people == {r.get("person") for r in ministers + heads} and \
            not {r.get("person") for r in ministers} & {r.get("person") for r in heads}:
        return ministers
    return []


# a head of state, and who goes in their place when the article names them beside it
STATE_HEADS = ("president", "king", "emir", "sultan", "supreme leader", "monarch")
_DEPUTIES = ("premier", "prime minister", "vice president", "vice-president", "crown prince")


def deputised(asked: list[dict[str, str]], named: list[dict[str, str]]
              ) -> list[dict[str, str]]:
    """Of the people an event's article names for one state: its head of government or
    vice president, when the person asked is its head of state ("did Xi attend" of a
    summit whose article names Premier Li of China: the premier went)."""
    if not any((r.get("title") or "") in STATE_HEADS for r in asked):
        return []
    people = {r.get("personLabel") for r in asked}
    return [r for r in named if (r.get("title") or "") in _DEPUTIES
            and r.get("personLabel") not in people]


def _surnames(names: list[str]) -> set[str]:
    """The words of the names a question gives, folded, that can pick a person out."""
    return {w for name in names for w in re.split(r"[\s-]+", _fold(name)) if len(w) > 2}


def _fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" is asked as "erdogan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


_WHICH_STATES = re.compile(r"\s*(which|what) (countries|states|nations|country|state|nation)\b")


class AttendanceForms:
    """Who was at a gathering and who was not, as lists or yes/no with the source."""

    def absent(self) -> list[AnswerItem]:
        types = ("summit",) if "summit" in self.low else (
            ("meeting",) if "meeting" in self.low else ("summit", "meeting"))
        events, what = self._events(types, one=True, by_person=True)
        if events and len(types) == 1 and not any(e["parties"] for e in events.values()):
            # "the Dushanbe meeting" of a summit there, beside a ministers' meeting the
            # graph records no party of: the gathering of either kind whose parties it has
            either, _ = self._events(("summit", "meeting"), one=True, by_person=True)
            either = {k: e for k, e in either.items() if e["parties"]}
            if len(either) == 1:
                events = either
        # who was there, unless the question asks who stayed away ("who missed", "which
        # states did not send anyone")
        attended = not (T["absence"].search(self.low) or _NEGATED.search(self.low))
        role = "participant" if attended else "absent"
        subjects = self._attendees()
        if T["yes_no"].search(self.low) or (subjects and not _WH.search(self.low)):
            # "did X attend", or a bare "armenia attend csto summit astana?"
            if subjects and re.search(r"\bin person\b", self.low):
                away = {p["party"] for e in events.values() for p in e["parties"]
                        if p.get("role") == "absent"}
                if all(_iri(s) in away for s in subjects):
                    # "did Pashinyan attend in person": his state stayed away altogether
                    return self._did_attend(events, what, subjects)
                self.message = (f"The graph records the states at the {what}, not who was "
                                f"there in person (or by video link).")
                return []
            if subjects:
                return self._did_attend(events, what, subjects)
            # a yes/no question is never answered with a list
            self.message = ("The graph does not know whom the question asks about "
                            f"(it records the states at the {what}).")
            return []
        rows = [p for e in events.values() for p in e["parties"] if p.get("role") == role]
        found = _collect(rows, "partyLabel", "party", "date", None)
        if found and attended and _LEADERS.search(self.low) and not _WHICH_STATES.match(self.low):
            # ("which countries' presidents attended" asks for the countries)
            return self._leaders(events, what, found)
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
            if re.search(r"\bhow many\b", self.low) and len(events) > 1:
                self.message = (f"The graph has {len(events)} gatherings that fit the "
                                f"{what}, so it gives no one count: " + self.message)
                return []
            if re.search(r"\bhow many\b", self.low):
                # "how many states attended": the number the graph lists, never the list
                count = AnswerItem(str(len(found)))
                for a in found:
                    for src in a.sources:
                        count.add_source(src.article, src.evidence)
                self.message = f"The graph lists {len(found)}: " + self.message
                return [count]
        return found

    def _attendees(self) -> list[reference.Entity]:
        """The states a yes/no question asks about: named, or through a person's post."""
        hosts = {c.country for c in self.p.cities if c.country}
        states = [s for s in self.p.states if s.slug not in hosts or len(self.p.states) == 1]
        if states:
            return states
        persons = [w for p in self.p.persons for w in p.split() if len(w) > 2]
        if not persons:  # a name typed in lower case ("did putin attend")
            from graph_builder.ask.parse import _MONTHS, _PLAIN, _QUESTION_WORDS

            persons = [w for w in re.findall(r"[a-z][\w'-]{3,}", self.low)
                       if w not in _PLAIN and w not in _QUESTION_WORDS and w not in _MONTHS
                       and not T["absent"].fullmatch(w) and not T["summit"].fullmatch(w)]
        if not persons:
            return []
        surnames = _surnames(persons)
        self._asked_persons = surnames
        found: list[reference.Entity] = []
        matching = self._holders_named(surnames, states_only=True)
        for row in matching:
            try:
                state = reference.get("state", row["of"].rsplit("/", 1)[1])
            except Exception:  # noqa: BLE001 - an IRI outside the reference tables
                continue
            if state not in found:
                found.append(state)
        return found

    def _holders_named(self, surnames: set[str], states_only: bool = False
                       ) -> list[dict[str, str]]:
        """post_holders rows of the person asked: every word of the name asked, else any of
        them ("Putin" for "Vladimir Putin"); `states_only`: posts of a state."""
        rows = [r for r in self.run("post_holders")
                if not states_only or r.get("of", "").rsplit("/", 2)[-2:-1] == ["state"]]
        return holders_named(rows, surnames, _fold)

    def _named_in(self) -> set[str]:
        """The articles that name the person the question asks about."""
        return {r["article"] for r in self._holders_named(_surnames(self.p.persons))
                if r.get("article")}

    def _did_attend(self, events: dict[str, dict[str, Any]], what: str,
                    subjects: list[reference.Entity]) -> list[AnswerItem]:
        """ "Did X attend the summit?", "Was X absent?": yes or no with the source, from the
        event's participants and absentees; no event, or no party listed, is said so."""
        asks_absence = bool(T["absence"].search(self.low))
        iris = {_iri(s) for s in subjects}
        who = " and ".join(s.label for s in subjects)
        parties = [p for e in events.values() for p in e["parties"]]
        present = [p for p in parties if p.get("party") in iris and p.get("role") in
                   ("participant", "host")]
        away = [p for p in parties if p.get("party") in iris and p.get("role") == "absent"]
        if not events:
            self.message = f"The graph has no {what}."
            return []
        if not present and not away and not any(p.get("role") in ("participant", "absent")
                                                for p in parties):
            self.message = f"The graph does not record who attended the {what}."
            return []
        if self.p.title and not (present or away):
            # "did Kenya's president attend": the graph records states at events, and this
            # state is not among the parties it lists
            self.message = (f"The graph does not record whether the {self.p.title} of {who} "
                            f"attended the {what}.")
            return []
        persons = getattr(self, "_asked_persons", None)
        if persons and present and not away:
            # a person standing for a state that attended: the graph records the state, and
            # the person only when the event's article names no one else of it
            articles = {a for e in events.values() for a in e["sources"]}
            named = [r for s in subjects for r in self.run("post_holders", of=_iri(s))
                     if r.get("article") in articles]
            mine = [r for r in named if persons & set(
                re.split(r"[\s-]+", _fold(r.get("personLabel") or "")))]
            others = sorted({r.get("personLabel") or "" for r in named if r not in mine}
                            - {""} - {r.get("personLabel") for r in mine})
            hosts = {p.get("party") for p in present if p.get("role") == "host"}
            standing = [r for r in stood_in(named) if r not in mine and r.get(
                "personLabel") not in {m.get("personLabel") for m in mine}]
            if not standing and not hosts:
                standing = deputised(mine, named)
            if others and standing and not hosts and not asks_absence and any(
                    is_head(r.get("title") or "") for r in mine):
                # a head of state or government asked about, and the article names a
                # minister of that state at the gathering: the minister stood in for them
                item = AnswerItem("no")
                for r in standing:
                    item.add_source(r.get("article"), r.get("evidence"))
                m = standing[0]
                self.message = (f"Probably not: the graph records {who} at the {what}, and "
                                f"its article names {m.get('personLabel')} ({m.get('title')}"
                                f") of {who} there; it holds no statement that "
                                f"{mine[0].get('personLabel')} attended.")
                return [item]
            if others:
                self.message = (f"The graph records {who} at the {what}, not who attended in "
                                f"person; its article also names {', '.join(others)} of "
                                f"{who}.")
                return []
        if self.p.title and not persons and present and not away:
            # "was China's premier at the New Delhi summit": the graph records the state;
            # the post's holder attended only if the event's article names that holder and
            # no one else of the state (a president and a premier both named: either went)
            articles = {a for e in events.values() for a in e["sources"]}
            named = [r for s in subjects for r in self.run("post_holders", of=_iri(s))
                     if r.get("article") in articles]
            holders = {r.get("personLabel") for r in named
                       if (r.get("title") or "") == self.p.title}
            others = sorted({r.get("personLabel") or "" for r in named} - holders - {""})
            if others or (not holders and not is_head(self.p.title)):
                self.message = (
                    f"The graph records {who} at the {what}, not who attended in person; "
                    + (f"its article also names {', '.join(others)} of {who}." if holders
                       else f"its article names no {self.p.title} of {who}."))
                return []
        attended = bool(present) and not away
        yes = not attended if asks_absence else attended
        item = AnswerItem("yes" if yes else "no")
        for p in present or away:
            item.add_source(p.get("article"), p.get("evidence"))
        if not (present or away):
            for e in events.values():
                for art, ev in e["sources"].items():
                    item.add_source(art, ev)
            self.message = (f"{'Yes' if yes else 'No'}: the graph lists the parties of the "
                            f"{what} without {who}.")
        else:
            self.message = (f"{'Yes' if yes else 'No'}: {who} "
                            f"{'attended' if attended else 'was absent from'} the {what}.")
            if self.p.title and not persons and attended:
                self.message += (f" The graph records states at gatherings; the article "
                                 f"names no {self.p.title} of {who}, so the answer is the "
                                 f"state's.")
        return [item]

    def _leaders(self, events: dict[str, dict[str, Any]], what: str,
                 states: list[AnswerItem]) -> list[AnswerItem]:
        """ "Which leaders attended": for each state at the gathering, the head of state or
        government its article names; a state whose article names none is given as the
        state, and the answer says so."""
        articles = {a for e in events.values() for a in e["sources"]}
        out: list[AnswerItem] = []
        unnamed: list[str] = []
        for state in states:
            rows = [r for r in self.run("post_holders", of=state.iri or "")
                    if r.get("article") in articles and (r.get("title") or "") in _HEADS
                    and not r.get("end")]
            rows.sort(key=lambda r: _HEADS.index(r.get("title") or ""))
            if not rows:
                out.append(state)
                unnamed.append(state.label)
                continue
            first = rows[0]
            item = AnswerItem(first.get("personLabel") or "", first.get("person"))
            for r in rows[:1] + [r for r in rows if r.get("person") == first.get("person")]:
                item.add_source(r.get("article"), r.get("evidence"))
            out.append(item)
        self.message = (f"Leaders of the states the graph records at the {what}: "
                        + ", ".join(a.label for a in out) + "."
                        + (f" The article names no leader of {', '.join(unnamed)}."
                           if unnamed else ""))
        return out
