"""Membership forms: members at a date, is X a member, joining, leaving, counts."""

from __future__ import annotations

import re
from datetime import timedelta

from graph_builder.ask.helpers import (
    _collect,
    _covers,
    _date_in,
    _known_count,
    _members_at,
    _merge_dates,
    _NoDate,
)
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.parse import Period
from graph_builder.ask.triggers import T
from graph_builder.core import reference, totals
from graph_builder.core.dates import PartialDate
from graph_builder.core.facts import outside_membership
from graph_builder.graph.rdf import entity_of_iri

# "is X leaving / staying in ORG": the word that asks about a membership's coming end
_GOING = re.compile(r"\b(leaving|quitting|exiting|pulling out|withdrawing|leave|quit|exit|"
                    r"withdraw|staying|stay|remain|remains|remaining)\b")
_STAYING = frozenset({"staying", "stay", "remain", "remains", "remaining"})


# the last to join: "the bloc's 11th member", "its newest member", "the latest to join"
_NEWEST = re.compile(r"\b(\d{1,3}(st|nd|rd|th)|newest|latest|most recent)\s+(full\s+)?"
                     r"(member|member state|state|country|to join)\b")


class MemberForms:
    """Memberships at the time asked and their changes."""

    # membership -------------------------------------------------------------------------------
    _ENDED = ("former", "withdrawn", "expelled", "left")  # a suspended member is one still

    def _member_rows(self, org: reference.Entity, state: reference.Entity | None,
                     period: Period | None = None) -> tuple[list[dict[str, str]], Period]:
        period = period or self.p.period or Period.now(self.as_of)
        rows = []
        if state is not None:
            # one member's rows decide, unless an undated one reported after the time asked
            # needs the other members' lists of earlier articles (see _members_at)
            rows = self.run("membership_dates", org=_iri(org), member=_iri(state))
            if any(not (r.get("start") or r.get("end")) and (r.get("published") or "")[:10]
                   > period.last.isoformat() for r in rows):
                rows = []
            else:
                rows = rows or [{}]
        if not rows:
            rows = self.run("membership_dates", org=_iri(org))
        rows = [r for r in rows if r]
        kept = _members_at(rows, period, self._ENDED)
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
        """The dates a member joined (starts) or left (ends) an organisation, finest first.
        A suspension is the start of a suspended membership (its end is the suspension
        lifted); only where the graph has no suspended period is it a membership's end."""
        rows = self.run("membership_dates", org=_iri(org), member=_iri(member))
        suspended = [r for r in rows if (r.get("status") or "").lower() == "suspended"]
        if suspending and leaving and any(r.get("start") for r in suspended):
            picked, key = [r for r in suspended if r.get("start")], "start"
        elif leaving:
            picked = [r for r in rows if r.get("end")]
            if suspending:
                picked = [r for r in picked if r.get("status") == "suspended"] or picked
            key = "end"
        else:
            picked = [r for r in rows if r.get("start")
                      and not outside_membership(r.get("status"))]
            key = "start"
        return _merge_dates(_collect(picked, key, None, "start", "end"))

    def when_member(self) -> list[AnswerItem]:
        member, org = self._member_and_org()
        leaving = bool(T["leave"].search(self.low))
        suspending = bool(re.search(r"\b(suspen\w*|froze|freez\w*)\b", self.low))
        found = self._change_dates(org, member, leaving, suspending)
        if re.search(r"\b(what|which) year\b", self.low):
            found = _merge_dates([AnswerItem(a.label[:4], a.iri, a.start, a.end, a.sources)
                                  for a in found])
        if found and T["rejoin"].search(self.low):
            found = [max(found, key=lambda a: a.label)]
        elif len(found) > 1 and not leaving:
            found = self._one_joining(found)
        verb = ("was suspended from" if suspending else "left") if leaving else "joined"
        self.message = (
            f"{member.label} {verb} the {org.label} on: {', '.join(a.label for a in found)}."
            if found else
            f"The graph has no date on which {member.label} {verb} the {org.label}."
        )
        return found

    def when_member_any(self) -> list[AnswerItem]:
        """ "When did Sweden join?" with no organisation named: the one body the graph dates
        the state's joining (or leaving) of, else the bodies that fit, said, not picked."""
        state = self.p.states[0]
        leaving = bool(T["leave"].search(self.low))
        orgs: dict[str, str] = {}
        for r in self.run("membership_dates", member=_iri(state)):
            if outside_membership(r.get("status")) or not r.get("org"):
                continue
            when = (r.get("end") or ((r.get("start") or "") if (r.get("status") or "").lower()
                                     in self._ENDED else "")) if leaving else r.get("start")
            if when and when[:10] <= self.as_of.isoformat():
                orgs[r["org"]] = r.get("orgLabel") or r["org"]
        if len(orgs) != 1:
            self.message = (f"The question names no organisation, and the graph dates "
                            f"{state.label}'s {'leaving' if leaving else 'joining'} of "
                            + (f"several ({', '.join(sorted(orgs.values()))}): name the one "
                               f"meant." if orgs else "none."))
            return []
        org = entity_of_iri(next(iter(orgs)))
        if org is None:
            return []
        self.p.orgs.append(org)
        return self.when_member()

    def _one_joining(self, found: list[AnswerItem]) -> list[AnswerItem]:
        """Several dates of one joining (admitted, then a full member once it ratified): the
        time the question gives picks among them, "full", "formally" or "effective" the
        last, being admitted or joining the first."""
        period = self.p.period
        if period is not None and period.relative is None:
            inside = [a for a in found if _date_in(a.label, period)]
            if inside:
                found = inside
        if len(found) <= 1:
            return found
        if re.search(r"\b(full|fully|formal\w*|official\w*|effective\w*|ratif\w*|complet\w*|"
                     r"finali[sz]\w*)\b", self.low):
            return [max(found, key=lambda a: PartialDate.parse(a.label).first_day)]
        return [min(found, key=lambda a: PartialDate.parse(a.label).first_day)]

    def _relative_period(self, org: reference.Entity) -> Period | None:
        """ "members after Uzbekistan suspended its membership": the day after that change."""
        clause = re.search(r"\b(after|since|following|once|before|until|prior to)\b(.+)$",
                           self.low)
        if not clause or not self.p.states or not (
                T["leave"].search(clause.group(2)) or T["join"].search(clause.group(2))):
            return None
        member = self.p.states[0]
        leaving = bool(T["leave"].search(clause.group(2)))
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
        return Period.day(day)

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
        """Yes or no, with the source. A member whose membership is suspended at the time
        asked is no member in good standing: "is X a member" is no, "is X suspended" yes.
        A negated question ("is X no longer a member", "isn't X a member") is answered
        about the fact it negates, yes meaning the negation holds."""
        state, org = self._member_and_org()
        going = _GOING.search(self.low)
        if going and self.p.period is None:
            answered = self._staying_or_leaving(state, org, going.group(1) in _STAYING)
            if answered is not None:
                return answered
        asks_suspended = bool(re.search(r"\bsuspen\w*\b", self.low))
        if re.search(r"\bever\b", self.low) and self.p.period is None:
            return self._ever(state, org, asks_suspended)
        rows, period = self._member_rows(org, state)
        suspended = [r for r in rows if (r.get("status") or "").lower() == "suspended"]
        latest = max(rows, key=lambda r: (r.get("start") or "", r.get("published") or ""),
                     default=None)
        is_suspended = bool(suspended) and latest is not None and latest in suspended
        holds = is_suspended if asks_suspended else bool(rows) and not is_suspended
        negated = bool(re.search(r"\b(no longer|not|n't|never|ceased to be)\b", self.low))
        yes = holds != negated
        item = AnswerItem("yes" if yes else "no", None)
        for r in (suspended if is_suspended else rows):
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        if is_suspended:
            fact = f"{state.label}'s membership of the {org.label} is suspended ({period.iso})"
        elif rows:
            fact = f"{state.label} is a member of the {org.label} ({period.iso})"
        elif (instead := self.standing_instead(org, state)) is not None:
            fact = f"{state.label} is {instead[0]} of the {org.label}, not a member ({period.iso})"
            for r in instead[1]:
                item.add_source(r.get("article"), r.get("evidence"))
        else:
            fact = (f"the graph has no membership of {state.label} in the {org.label} "
                    f"on {period.iso}")
        self.message = f"{'Yes' if yes else 'No'}: {fact}."
        return [item]

    def suspended_members(self) -> list[AnswerItem]:
        """ "Which member states are suspended from the AU?": members whose suspension
        holds on the day asked (a later restoration ends it), or how many."""
        org = self.org()
        period = self.p.period or Period.now(self.as_of)
        rows = self.run("membership_dates", org=_iri(org))
        restored = {}
        for r in rows:
            if (r.get("status") or "member").lower() == "member" and r.get("start"):
                restored[r["member"]] = max(restored.get(r["member"], ""), r["start"])
        held = []
        for r in rows:
            if (r.get("status") or "").lower() != "suspended":
                continue
            since = r.get("start") or (r.get("published") or "")[:10] or None
            if not _covers(since, r.get("end"), period):
                continue
            back = restored.get(r["member"])
            if back and back > (r.get("start") or "") and \
                    PartialDate.parse(back).first_day <= period.last:
                continue
            held.append(r)
        found = _collect(held, "memberLabel", "member")
        if re.search(r"\b(how many|number of)\b", self.low):
            item, self.message = _known_count(found, "suspended member", org.label, period.iso)
            return [item]
        self.message = (f"Suspended from the {org.label} ({period.iso}): "
                        + ", ".join(a.label for a in found) + "." if found else
                        f"The graph records no suspended member of the {org.label} on "
                        f"{period.iso}.")
        return found

    def _ever(self, state: reference.Entity, org: reference.Entity,
              suspended: bool) -> list[AnswerItem]:
        """ "Was Madagascar ever suspended from SADC?", "Has Georgia ever been a member of
        the CIS?": any time the graph records, not the day asked."""
        rows = [r for r in self.run("membership_dates", org=_iri(org), member=_iri(state))
                if not outside_membership(r.get("status"))]
        if suspended:
            rows = [r for r in rows if (r.get("status") or "").lower() == "suspended"]
        negated = bool(re.search(r"\b(not|n't|never)\b", self.low))
        item = AnswerItem("yes" if bool(rows) != negated else "no", None)
        for r in rows:
            item.add_source(r.get("article"), r.get("evidence"))
            item.start, item.end = item.start or r.get("start"), item.end or r.get("end")
        what = "suspended from" if suspended else "a member of"
        self.message = (f"Yes: the graph records {state.label} as {what} the {org.label}"
                        + (f" ({item.start or ''}{'–' + item.end if item.end else ''})."
                           if item.start or item.end else ".") if rows else
                        f"No: the graph records {state.label} as {what} the {org.label} at "
                        f"no time.")
        if negated:
            self.message = ("Yes" if not rows else "No") + self.message[self.message.index(":"):]
        return [item]

    def _staying_or_leaving(self, state: reference.Entity, org: reference.Entity,
                            staying: bool) -> list[AnswerItem] | None:
        """ "Is X leaving ORG?", "Is X staying in ORG?": a leaving is known only as a
        membership end the graph records on or after the day asked. Without one, "leaving"
        is not known (the graph records no plans: no answer) and "staying" is the
        membership now (None: asked as "is X a member")."""
        rows = self.run("membership_dates", org=_iri(org), member=_iri(state))
        ending = [r for r in rows if r.get("end")
                  and PartialDate.parse(r["end"][:10]).last_day >= self.as_of]
        if not ending:
            if staying:
                return None
            self.message = (f"The graph records no end of {state.label}'s membership of the "
                            f"{org.label} after {self.as_of.isoformat()}; it does not record "
                            f"plans to leave.")
            return []
        item = AnswerItem("no" if staying else "yes", None, None, ending[0].get("end"))
        for r in ending:
            item.add_source(r.get("article"), r.get("evidence"))
        self.message = (f"{'No' if staying else 'Yes'}: {state.label}'s membership of the "
                        f"{org.label} ends {ending[0]['end']}.")
        return [item]

    def member_changes(self) -> list[AnswerItem]:
        """ "Which countries joined BRICS in 2024?", "Who left the CIS?" """
        org = self.p.orgs[-1]
        leaving = bool(T["leave"].search(self.low))
        rows = self.run("membership_dates", org=_iri(org))
        period = self.p.period if self.p.period and self.p.period.relative != "now" else None
        if leaving:
            rows = [r for r in rows if r.get("end") or (r.get("status") or "") in self._ENDED]
            rows = [r for r in rows if period is None or _date_in(r.get("end"), period)]
        else:
            rows = [r for r in rows if r.get("start") and not outside_membership(r.get("status"))
                    and (period is None or _date_in(r["start"], period))]
        found = _collect(rows, "memberLabel", "member", "start", "end")
        verb = "left" if leaving else "joined"
        when = f" in {period.iso}" if period else ""
        key = "end" if leaving else "start"
        day = self.as_of.isoformat()

        def known_on(r: dict[str, str]) -> str:
            """The day a row's change is known by: its date, else its article's."""
            return (r.get(key) or r.get("published") or "")[:10]

        def still_to_come(a: AnswerItem) -> bool:
            mine = [r for r in rows if r.get("member") == a.iri]
            return any(known_on(r) > day for r in mine if r.get(key)) and not any(
                known_on(r) and known_on(r) <= day for r in mine)

        ahead = [a for a in found if still_to_come(a)]
        for a in ahead:  # the date it is due, not an undated report's
            dates = sorted(r[key] for r in rows if r.get("member") == a.iri and r.get(key))
            setattr(a, key, dates[-1] if dates else getattr(a, key))
        done = [a for a in found if a not in ahead]
        coming = re.search(r"\b(leaving|joining|entering|will|going to|set to|due to|"
                           r"to leave|to join|planned|expected|about to)\b", self.low)
        if coming and period is None:
            # "which countries are leaving": those still to leave, not those long gone
            found = ahead
            if not ahead:
                self.message = (f"The graph has no member still to {'leave' if leaving else 'join'}"
                                f" the {org.label} after {self.as_of.isoformat()}" + (
                                    f"; it records these as having {verb} it: "
                                    + ", ".join(a.label for a in done) if done else "") + ".")
                return []
        elif ahead:
            found = done  # "which countries left": not those still to leave (said below)
        if not leaving and period is None and len(done) > 1 and _NEWEST.search(self.low):
            # "which country became ASEAN's 11th member", "its newest member": the last to join
            last = max(a.start or "" for a in done)
            done = found = [a for a in done if (a.start or "") == last]
        self.message = " ".join(filter(None, [
            f"{verb.capitalize()} the {org.label}{when}: {', '.join(a.label for a in done)}."
            if done else "",
            # a departure or accession dated after the day asked is not done yet
            f"To {'leave' if leaving else 'join'} the {org.label} after "
            f"{self.as_of.isoformat()}: " + ", ".join(f"{a.label} ({getattr(a, key)})"
                                                      for a in ahead) + "."
            if ahead else ""]))
        if not done:
            self.message = (f"The graph has no member that {verb} the {org.label}{when} by "
                            f"{self.as_of.isoformat()}. {self.message}").strip()
        return found

    def did_change(self) -> list[AnswerItem]:
        """ "Did Georgia leave the CIS?", "Has Sweden joined NATO?" """
        member, org = self._member_and_org()
        leaving = bool(T["leave"].search(self.low))
        rows = self.run("membership_dates", org=_iri(org), member=_iri(member))
        if leaving:
            rows = [r for r in rows if r.get("end") or (r.get("status") or "") in
                    (*self._ENDED, "suspended")]
        else:
            rows = [r for r in rows if not outside_membership(r.get("status"))]
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
        """How many members: a total an article of the graph states ("the 22-member
        League", "its 57 member states"), else how many the graph knows, said as such."""
        found = self.members()
        org = self.org()
        stated = self._stated_total(org)
        if stated is not None:
            joined, left = self._changes_since(org, stated[3]) if stated[3] else ([], [])
            total = stated[0] + len(joined) - len(left)
        if stated is not None and total >= len(found):
            item = AnswerItem(str(total))
            item.add_source(stated[1], stated[2])
            self.message = (f"The {org.label} has {total} members, as {stated[1]} states"
                            + (f" ({stated[0]} on {stated[3]}"
                               + (f", then {', '.join(joined)} joined"
                                  if joined else "")
                               + (f", {', '.join(left)} left"
                                  if left else "") + ")" if joined or left else "")
                            + f"; the graph knows {len(found)} of them by name.")
            return [item]
        if not found:
            return []
        listed = self._one_list(org, found)
        if listed and not self._one_sentence(org, found):
            listed = None
        if listed and all((r.get("status") or "").lower() == "suspended"
                          for r in self.run("membership_dates", org=_iri(org))
                          if r.get("article") == listed):
            listed = None  # a list of the suspended members is not the membership
        if listed:
            # one article lists every member the graph knows: that list is the count
            item = AnswerItem(str(len(found)))
            for a in found:
                for src in a.sources:
                    item.add_source(src.article, src.evidence)
            self.message = (f"The graph knows {len(found)} members of the {org.label}, all "
                            f"listed by {listed}: " + ", ".join(a.label for a in found)
                            + "; no article in it states how many there are in all.")
            return [item]
        # no article states the total nor lists them all: the members known by name are
        # said, never passed off as the count that was asked
        self.message = (f"No article of the graph states how many members the {org.label} "
                        f"has; the graph knows {len(found)} of them by name: "
                        + ", ".join(a.label for a in found) + ".")
        return []

    _FULL_LIST = 5  # fewer members named in one article are examples, not a list

    @staticmethod
    def _one_list(org: reference.Entity, found: list[AnswerItem]) -> str | None:
        """The article that names every member found (at least _FULL_LIST of them), if any:
        a membership list, not members mentioned in passing."""
        if len(found) < MemberForms._FULL_LIST:
            return None
        articles = None
        for a in found:
            mine = {s.article for s in a.sources}
            articles = mine if articles is None else articles & mine
        return sorted(articles)[0] if articles else None

    def _one_sentence(self, org: reference.Entity, found: list[AnswerItem]) -> bool:
        """Whether one sentence names every member found, where the graph keeps sentences:
        members named one by one across an article ("Qatar did not send its minister") are
        some of them, not a list of all. Curated facts, with no sentences, are taken as the
        list their curator wrote."""
        rows = self.run("membership_dates", org=_iri(org))
        texts: dict[str, set[str]] = {}
        for r in rows:
            if r.get("evidence"):
                texts.setdefault(r["evidence"], set()).add(r.get("member") or "")
        if not texts:
            return True
        # a list, and those who joined on a stated date after it ("before Kuwait the
        # members were ...; Kuwait joined in 2024")
        joined = {r.get("member") for r in rows if r.get("start")}
        wanted = {a.iri for a in found}
        return any(len(members) >= self._FULL_LIST and wanted - members <= joined
                   for members in texts.values())

    def _stated_total(self, org: reference.Entity) -> tuple[int, str, str] | None:
        """The member count stated in the evidence of the organisation's facts (memberships,
        chairs, its gatherings and its posts: "the 57-member OIC opened its summit"), from
        the latest article published by the day asked."""
        best: tuple[str, int, str, str] | None = None
        published = {a: d.isoformat() for a, d in self._published().items()}
        for r in self.run("member_counts", org=_iri(org)):  # the totals extraction found
            pub = published.get(r.get("article") or "", "")[:10]
            if r.get("count") and not (pub and pub > self.as_of.isoformat()) and (
                    best is None or pub > best[0]):
                best = (pub, int(r["count"]), r.get("article") or "", r.get("evidence") or "")
        rows = [*self.run("membership_dates", org=_iri(org)), *self.run("chairs", org=_iri(org)),
                *self.run("events", org=_iri(org)), *self.run("posts", of=_iri(org))]
        for r in rows:
            text = r.get("evidence") or ""
            pub = (r.get("published") or published.get(r.get("article") or "", ""))[:10]
            if not text or (pub and pub > self.as_of.isoformat()):
                continue
            total = totals.stated(text)
            if total and (best is None or pub > best[0]):
                best = (pub, total, r.get("article") or "", text)
        return None if best is None else (best[1], best[2], best[3], best[0])

    def _changes_since(self, org: reference.Entity, day: str) -> tuple[list[str], list[str]]:
        """The states the graph dates as joining, and as leaving, after `day` and by the day
        asked: a total stated then is that many off now ("31 allies" before Sweden joined)."""
        rows = self.run("membership_dates", org=_iri(org))
        asked = self.as_of.isoformat()
        first: dict[str, str] = {}
        left: list[str] = []
        for r in rows:
            if outside_membership(r.get("status")):
                continue
            ended = (r.get("status") or "").lower() in self._ENDED
            start = r.get("start") or ""
            if not ended and len(start) >= 7:  # a day or a month: a year is too coarse
                first[r["member"]] = min(start, first.get(r["member"], start))
            when = r.get("end") or (start if ended else "")
            if ended and len(when) >= 7 and day < when[:10] <= asked:
                left.append(r["member"])
        joined = [m for m, start in first.items() if day < start[:10] <= asked and m not in left]
        label = {r["member"]: r.get("memberLabel") or r["member"] for r in rows}
        return sorted({label[m] for m in joined}), sorted({label[m] for m in left})


    def founders(self) -> list[AnswerItem]:
        """ "Which states founded the SCO?": the members whose membership starts earliest,
        when the graph dates the start of at least two of them (else it does not know)."""
        org = self.p.orgs[-1]
        rows = [r for r in self.run("membership_dates", org=_iri(org))
                if r.get("start") and not outside_membership(r.get("status"))]
        if not rows:
            self.message = f"The graph does not record the founding members of the {org.label}."
            return []
        first_year = min(r["start"][:4] for r in rows)
        rows = [r for r in rows if r["start"][:4] == first_year]
        asked = self.p.period.first.year if self.p.period and self.p.period.relative is None \
            else None
        dates = [*(r.get("date") for r in self.run("events", org=_iri(org))),
                 *(r.get("start") for r in self.run("chairs", org=_iri(org)))]
        earlier = sorted(d[:4] for d in dates if d and d[:4] < first_year)
        if earlier or (asked is not None and str(asked) != first_year):
            # the first members the graph dates are not the founders when the organisation
            # is known before them, or founded in another year than the one asked
            self.message = (f"The graph does not record the founding members of the "
                            f"{org.label}: the first it dates joined in {first_year}"
                            + (f", and it knows the {org.label} from {earlier[0]}." if earlier
                               else "."))
            return []
        found = _collect(rows, "memberLabel", "member", "start", "end")
        self.message = (f"Members of the {org.label} from its first year in the graph "
                        f"({first_year}): {', '.join(a.label for a in found)}.")
        return found

    def orgs_of_member(self) -> list[AnswerItem]:
        """ "Which organisations is Armenia a member of": each organisation the graph holds
        the state a member of at the time asked (now by default), by the same rule as "is X a
        member of Y"; the graph's list, never said to be all the state belongs to."""
        state = self.state()
        found: list[AnswerItem] = []
        period = self.p.period
        for org in reference.entities("organization"):
            rows, period = self._member_rows(org, state, self.p.period)
            rows = [r for r in rows if not outside_membership(r.get("status"))]
            if rows:
                item = AnswerItem(org.label, _iri(org), None)
                for r in rows:
                    item.add_source(r.get("article"), r.get("evidence"))
                found.append(item)
        when = period.iso if period else ""
        self.message = (f"Organisations the graph records {state.label} a member of ({when}): "
                        f"{', '.join(a.label for a in found)}." if found else
                        f"The graph records {state.label} a member of no organisation ({when}).")
        return found
