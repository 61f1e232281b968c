"""Post forms: who holds or held a post of a state, an organisation or a body."""

from __future__ import annotations

import re

from graph_builder.ask.helpers import (
    _bounds,
    _collect,
    _covers,
    _date_in,
    _merge_dates,
)
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.parse import Period
from graph_builder.ask.triggers import T
from graph_builder.core import reference, titles
from graph_builder.core.dates import PartialDate
from graph_builder.core.facts import outside_membership


class PostForms:
    """Holders of posts at the time asked."""

    # posts ------------------------------------------------------------------------------------
    def post_holder(self) -> list[AnswerItem]:
        if T["yes_no"].search(self.low):
            # "will Costa's mandate be renewed": a yes/no question is never answered with a
            # holder's name
            self.message = ("The graph records who held a post and when, and does not "
                            "answer this yes/no question; ask who holds the post.")
            return []
        title = self.p.title or ""
        holder = self._post_of()
        office = None if self.p.title_of_person else _named_office(self.low, self.p)
        exact = [] if title == "head" else self.run(
            "post_holders", of=_iri(holder), title=title)
        # the graph's own spelling of a longer title only where the plain one finds nobody
        named = None if exact else self._titles_named(holder, title)
        if named:
            holder, rows = named
            title = rows[0].get("title") or title
        elif office and title in ("head", "director", "president", "chairperson", "chair",
                                  "chairman", "secretary general"):
            # "who heads the X's board": a body the graph names no post of
            self.message = (f"The graph has no post of the {office} of {holder.label} "
                            f"(it knows the posts: "
                            f"{', '.join(self._titles_of(holder)) or 'none'}).")
            return []
        elif title == "head" and _QUALIFIED.search(self.low):
            # "who leads Gabon's new military government": not the head the graph knows
            self.message = (f"The graph does not record who leads the "
                            f"{_QUALIFIED.search(self.low).group()} of {holder.label}; it "
                            f"records posts such as president or secretary general.")
            return []
        elif title == "head":  # "who heads X": its usual head's title, the first the graph has
            heads = (("secretary general", "chairperson of the commission", "executive director",
                      "executive secretary", "president") if holder.kind == "organization"
                     else titles.leader_titles())
            for title in heads:
                rows = self.run("post_holders", of=_iri(holder), title=title)
                if rows:
                    break
        else:
            rows = exact
        neighbour = self._post_neighbour(rows, holder, title)
        if neighbour is not None:
            return neighbour
        period = self.p.period or Period.now(self.as_of)
        if _OUTGOING.search(self.low) and not self.p.title_of_person:
            # "who is the outgoing chairperson": the holder before the one in post then
            now = self._by_time(rows, period)
            if len(now) == 1:
                return self._beside(rows, {now[0].iri}, True, holder, title)
        if T["post_end"].search(self.low) or T["until_when"].search(self.low) or \
                T["post_start"].search(self.low) and T["when"].search(self.low) or \
                T["post_since"].search(self.low):
            return self._post_dates(rows, holder, title)
        join = re.search(r"\bwhen (.+?) (joined|became|was admitted|acceded)\b", self.low)
        if join and self.p.states and self.p.orgs:
            member = self.run("members", org=_iri(self.p.orgs[0]), member=_iri(self.p.states[0]))
            start = next((r["start"] for r in member if r.get("start")
                          and not outside_membership(r.get("status"))), None)
            if start:
                period = Period.of(start)
        elected = _ELECTED.search(self.low)
        future = self.p.period is None and bool(T["future"].search(self.low)) and not elected
        if elected:
            # "who was elected secretary general (in 2024)": the holding that began then;
            # else one elected to begin after the day asked, or the one begun last by it
            found = self._begun(rows, self.p.period) if self.p.period else (
                self._next_holder(rows) or self._begun(rows, None))
            found = found or self._by_time(rows, period)
        elif future:
            # "who will be the next secretary general", "who was elected": the holding that
            # begins last, after the day asked if the graph has one
            found = self._next_holder(rows)
        else:
            found = self._by_time(rows, period)
        if len(found) > 1 and re.search(r"\b(new|newly|latest|newest)\b", self.low):
            # "who is the new secretary general": of those in post, the one who began last
            found = self._begun(rows, None, among={a.iri for a in found}) or found
        of = holder.label
        if found:
            self.message = f"{' and '.join(a.label for a in found)}: {title} of {of}" + (
                f" ({period.iso})." if self.p.period or join else "."
            )
        elif getattr(self, "unattested", None):
            known = "; ".join(f"{name} in articles of {year}" if year else
                              f"{name} in an undated article" for name, year in self.unattested)
            self.message = (f"The graph has no {title} of {of} in {period.iso}; it knows "
                            f"{known}, with no dates for the post.")
        else:
            self.message = f"The graph has no {title} of {of}" + (
                f" in {period.iso}." if self.p.period else "."
            )
        return found

    def _post_neighbour(self, rows: list[dict[str, str]], holder: reference.Entity,
                        title: str) -> list[AnswerItem] | None:
        """ "Who did Youssouf replace", "who succeeded Faki", "X's predecessor": the holder
        of the same post just before (or after) the one named, by the holdings' dates (an
        undated one by its article's date). None when the question names no holder of it or
        asks no such thing."""
        before = _PREDECESSOR.search(self.low)
        after = None if before else _SUCCESSOR.search(self.low)
        named = {r["person"] for r in rows if _surname_in(r.get("personLabel") or "", self.low)}
        one = bool(named) and _one_person([r.get("personLabel") or "" for r in rows
                                            if r["person"] in named])
        if not (before or after) or not one:
            return None
        return self._beside(rows, named, bool(before), holder, title)

    def _beside(self, rows: list[dict[str, str]], named: set[str], before: bool,
                holder: reference.Entity, title: str) -> list[AnswerItem]:
        """The holder of the post just before (or after) the person `named` (one person's
        IRIs), by the holdings' dates."""

        def when(r: dict[str, str]) -> str:
            return (r.get("start") or r.get("end") or r.get("published") or "")[:10]

        # a stated date beats the day an undated holding was reported (another article
        # naming the same holder undated must not move their term)
        mine = [r for r in rows if r["person"] in named]
        own = min((r["start"][:10] for r in mine if r.get("start")), default="") or \
            min((when(r) for r in mine if when(r)), default="")
        others: dict[str, str] = {}
        for person in {r["person"] for r in rows} - named:
            theirs = [r for r in rows if r["person"] == person]
            # (their own stated dates before the day a later article mentions them)
            keys = [r["end"] for r in theirs if r.get("end")] or \
                [r["start"] for r in theirs if r.get("start")] or \
                [r.get("published") or "" for r in theirs]
            if max(keys)[:10]:
                others[person] = max(keys)[:10]
        if before:
            fits = {k: v for k, v in others.items() if own and v <= own}
            pick = max(fits.values(), default=None)
        else:
            fits = {k: v for k, v in others.items() if own and v > own}
            pick = min(fits.values(), default=None)
        chosen = [r for r in rows if pick is not None and others.get(r["person"]) == pick]
        found = _collect(chosen, "personLabel", "person")
        name = next(r.get("personLabel") for r in rows if r["person"] in named)
        side = "before" if before else "after"
        self.message = (f"{' and '.join(a.label for a in found)} held the post of {title} of "
                        f"{holder.label} {side} {name}." if found else
                        f"The graph has no {title} of {holder.label} {side} {name}.")
        return found

    def chair_leaders(self, chairs: list[AnswerItem]) -> list[AnswerItem]:
        """The leaders of the chair states found for "who is the chairman of X": a bloc
        chaired by states is chaired in person by the chair state's leader. A leader the
        chairmanship's own article names comes first; none known leaves the states."""
        asked = self.p.period or Period.now(self.as_of)
        out: list[AnswerItem] = []
        for chair in chairs:
            state = reference.resolve(chair.label, "state")
            if state is None:
                return []
            articles = {s.article for s in chair.sources}
            periods = [asked]
            if chair.start or chair.end:  # the leader during that chair's own term first
                first = _bounds(chair.start or chair.end or "", None)[0]
                last = _bounds(None, chair.end or chair.start or "")[1]
                periods.insert(0, Period(first, last, "year"))
            found: list[AnswerItem] = []
            own: list[dict[str, str]] = []  # the leaders the chairmanship's own article names
            for title in titles.leader_titles():
                rows = self.run("post_holders", of=_iri(state), title=title)
                own += [r for r in rows if r.get("article") in articles and not r.get("end")]
                held = next((h for period in periods if (h := self._by_time(rows, period))), [])
                if any(s.article in articles for a in held for s in a.sources):
                    found = held
                    break
                found = found or held
            if own and _one_person([r.get("personLabel") or "" for r in own]) and not any(
                    a.iri in {r["person"] for r in own} for a in found):
                # "who did Lula take over from": the leader the hand-over's article names
                # for the giving state, not one the graph dates to another year
                found = _collect(own, "personLabel", "person")
            if not found:
                return []
            if len(found) > 1 and _one_person([a.label for a in found]):
                # one leader the articles spell two ways: the fuller name, sources joined
                keep = max(found, key=lambda a: len(a.label))
                for other in found:
                    for s in other.sources:
                        keep.add_source(s.article, s.evidence)
                found = [keep]
            out += found
        return out

    def minister_of(self) -> list[AnswerItem]:
        """ "Which minister led India's delegation?": the one minister (foreign, defence,
        ...; not the prime minister, who heads the government) the graph knows of the state
        at the time asked. Several ministers, or none: said so, none picked."""
        state = self.state()
        rows = [r for r in self.run("post_holders", of=_iri(state))
                if _MINISTER.search(r.get("title") or "")
                and not titles.is_leader_title(r.get("title") or "")
                and not _NOT_MINISTER.search(r.get("title") or "")]
        period = self.p.period or self._gathering_day() or \
            Period.now(self.as_of)
        found = self._by_time(rows, period)
        if len(found) == 1:
            held = sorted({r.get("title") or "" for r in rows
                           if r.get("person") == found[0].iri} - {""})
            self.message = f"{found[0].label}: {' and '.join(held)} of {state.label}."
            return found
        self.message = (
            f"The graph knows several ministers of {state.label} then "
            f"({', '.join(a.label for a in found)}) and does not record which one is meant."
            if found else f"The graph has no minister of {state.label} at that time.")
        return []

    def _gathering_day(self) -> Period | None:
        """ "which minister led Russia's delegation at the G20 in Rio": the day of the one
        gathering the question names (by its place or organisation), as the time asked."""
        if not (self.p.cities or self.p.venues or re.search(
                r"\b(summit|meeting|session|talks|conference)\b", self.low)):
            return None
        events, _what = self._events(("summit", "meeting"))
        days = {e["row"]["date"] for e in events.values() if e["row"].get("date")}
        if len(days) != 1:
            return None
        return Period.of(days.pop())

    def _titles_of(self, holder: reference.Entity) -> list[str]:
        rows = self.run("post_holders", of=_iri(holder))
        return sorted({r.get("title") or "" for r in rows} - {""})

    def _titles_named(self, holder: reference.Entity, title: str
                      ) -> tuple[reference.Entity, list[dict[str, str]]] | None:
        """A post of the graph whose title the question spells out, fully or as its known
        head word plus the words that name it ("the African Union Commission's chairperson"
        for "chairperson of the AU Commission", "New Zealand's permanent representative to
        the UN", "who heads the OSCE Office for ..." for its director). None when the
        question's title is the graph's own (the plain lookup finds it) or no title fits."""
        asked = _words(self.low) | {w for e in (*self.p.orgs, *self.p.states, *self.p.cities)
                                    for n in (*e.names, e.label) for w in _words(n.lower())}
        holders = [holder, *[e for e in (*self.p.states, *self.p.orgs) if e != holder]]
        want = _words(title) - _ROLE_HEADS if title != "head" else set()
        for h in holders:
            rows = self.run("post_holders", of=_iri(h))
            fits: dict[str, list[dict[str, str]]] = {}
            for r in rows:
                t = r.get("title") or ""
                if not t or t == title:
                    continue
                words = _words(t)
                rest = words - _ROLE_HEADS
                if title == "head":
                    ok = len(rest) >= 2 and rest <= asked and bool(words & _ROLE_HEADS)
                else:
                    ok = bool(rest) and (_words(title) <= words) and rest <= asked and \
                        len(rest) > len(want)
                if ok:
                    fits.setdefault(t, []).append(r)
            if fits:
                best = max(fits, key=lambda t: len(_words(t)))
                return h, fits[best]
        return None

    def _post_dates(self, rows: list[dict[str, str]], holder: reference.Entity,
                    title: str) -> list[AnswerItem]:
        """ "When does X's term as secretary general end?", "when did X resign as ...",
        "when did X take office": the end (or start) of the holding, of the person named,
        else of the holder at the time asked. No date stated: said so, nothing guessed."""
        ending = bool(T["post_end"].search(self.low) or T["until_when"].search(self.low))
        key = "end" if ending else "start"
        named = [r for r in rows if _surname_in(r.get("personLabel") or "", self.low)]
        if named:
            rows = named
        elif any(len(w) > 3 and w not in _words(title) for w in self.p.persons):
            rows = []  # a person the graph does not know in this post
        else:
            period = self.p.period or Period.now(self.as_of)
            current = {a.iri for a in self._by_time(rows, period)}
            rows = [r for r in rows if r.get("person") in current]
        dated = [r for r in rows if r.get(key)]
        found = _merge_dates(_collect(dated, key, None, "start", "end"))
        who = " and ".join(sorted({r.get("personLabel") or "" for r in rows} - {""})) or \
            f"the {title}"
        verb = "ends" if ending else "began"
        self.message = (f"{who}'s term as {title} of {holder.label} {verb}: "
                        f"{', '.join(a.label for a in found)}." if found else
                        f"The graph has no {'end' if ending else 'start'} date of {who}'s "
                        f"term as {title} of {holder.label}.")
        return found

    def _begun(self, rows: list[dict[str, str]], period: Period | None,
               among: set[str | None] | None = None) -> list[AnswerItem]:
        """The holding(s) that began in `period`, else (no period) the one that began last
        by the day asked; `among`: only those persons."""
        dated = [r for r in rows if r.get("start") and (among is None or r["person"] in among)
                 and _bounds(r["start"], None)[0] <= self.as_of]
        if period is not None:
            return _collect([r for r in dated if _date_in(r["start"], period)],
                            "personLabel", "person")
        if not dated:
            return []
        last = max(_bounds(r["start"], None)[0] for r in dated)
        return _collect([r for r in dated if _bounds(r["start"], None)[0] == last],
                        "personLabel", "person")

    def _next_holder(self, rows: list[dict[str, str]]) -> list[AnswerItem]:
        dated = [r for r in rows if r.get("start")]
        later = [r for r in dated if _bounds(r["start"], None)[0] > self.as_of]
        pool = later or [r for r in dated if r.get("published") and _bounds(
            r["start"], None)[0] >= _bounds(r["published"][:10], None)[0]]
        if not pool:
            return []
        first = min if later else max
        when = first(_bounds(r["start"], None)[0] for r in pool)
        return _collect([r for r in pool if _bounds(r["start"], None)[0] == when],
                        "personLabel", "person")

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
        covering = [r for r in dated if _covers(r.get("start"), r.get("end"), period)
                    and (r.get("start") or _reported_by(r, rows, period))]

        # (a person whose own dated holding began before is a predecessor: an undated later
        # mention of them, "the outgoing chairperson", ends no one's term)
        earlier = {o["person"] for o in dated for r in dated if o["person"] != r["person"]
                   and o.get("start") and r.get("start") and not r.get("end")
                   and _bounds(o["start"], None)[0] < _bounds(r["start"], None)[0]}

        def replaced(r: dict[str, str]) -> bool:
            # an open-ended holding ends when someone else is reported later in the post
            if r.get("end") or not r.get("start"):
                return False
            since = _bounds(r["start"], None)[0]
            for o in rows:
                if o["person"] == r["person"] or not o.get("start") and o["person"] in earlier:
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
        elif undated and period.precision != "day" and not any(
                _published_in(r, period) for r in undated):
            # an undated post is attested on its article's date, not true for all time
            self.unattested = sorted({(r.get("personLabel") or "", (r.get("published") or
                                       "")[:4]) for r in undated})
            chosen = []
        elif undated and period.precision == "day" and not any(
                _attested_near(r, period) for r in undated):
            # known only from articles long after (or long before) the day asked
            self.unattested = sorted({(r.get("personLabel") or "", (r.get("published") or
                                       "")[:4]) for r in undated})
            chosen = []
        elif undated:
            undated = [r for r in undated if period.precision != "day" or
                       _attested_near(r, period)]

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



# "who was elected secretary general": the election already made, not one ahead
_ELECTED = re.compile(r"\b(was|were|has been|have been|had been|got)\s+(newly\s+|just\s+)?"
                      r"(elected|appointed|named|chosen|picked|installed|sworn in|confirmed)\b")
# the holder leaving the post at the time asked: "the outgoing secretary general"
_OUTGOING = re.compile(r"\b(outgoing|departing|retiring|leaving|exiting)\b")
# who held a post before (or after) the one named
_PREDECESSOR = re.compile(r"\bwho did .+ (replace|succeed)\b|\b(predecessor|before|preceded|"
                          r"prior to|previous)\b")
_SUCCESSOR = re.compile(r"^(who|which \w+) (replaced|succeeded|replaces|succeeds|will replace|"
                        r"will succeed|followed|follows|took over from)\b|\b(successor|after)\b")


def _attested_near(row: dict[str, str], period: Period) -> bool:
    """An undated post counts on a day from a month before its article to a year after it:
    the article attests it on its date, not before it was written nor for ever after."""
    if not row.get("published"):
        return True
    pub = PartialDate.parse(row["published"][:10]).first_day
    return -31 <= (period.first - pub).days <= 366


# a body the question qualifies beyond the state or organisation ("new military government",
# "the opposition", "the delegation"): the graph's heads of state are not its leaders
_QUALIFIED = re.compile(r"\b((new|interim|transitional|military|rebel|opposition|exiled|"
                        r"caretaker|provisional)( \w+)*? (government|council|regime|junta|"
                        r"authorities|forces|army|party)|junta|opposition|rebels?|delegation|"
                        r"army|armed forces|military)\b")


def _reported_by(row: dict[str, str], rows: list[dict[str, str]], period: Period) -> bool:
    """A holding with an end but no start is known from its first article on (a year of
    slack before it), not back to any year: "secretary general until 2025-12-31" says
    nothing about 2010."""
    dates = [r["published"][:10] for r in rows
             if r["person"] == row["person"] and r.get("published")]
    if not dates:
        return True
    first = PartialDate.parse(min(dates)).first_day
    return (first - period.last).days <= 366


def _published_in(row: dict[str, str], period: Period) -> bool:
    """Whether the row's article was published during the period (when it attests it)."""
    if not row.get("published"):
        return False
    pub = PartialDate.parse(row["published"][:10])
    return pub.first_day <= period.last and pub.last_day >= period.first


_ROLE_HEADS = frozenset("head director chair chairperson chairman chairwoman president "
                        "secretary general executive leader chief".split())
_STOP = frozenset("of the for to on in at and a an its is was who s".split())
_OFFICES = ("office", "board", "secretariat", "commission", "committee", "directorate",
            "department", "bureau", "agency", "mission", "institute", "court", "tribunal",
            "parliament", "assembly", "bank", "fund", "division", "unit", "centre", "center")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))
            if w not in _STOP}


def _one_person(labels: list[str]) -> bool:
    """Whether names are one person spelt two ways ("Moussa Faki", "Moussa Faki Mahamat")."""
    words = [_words(label) for label in labels]
    return all(a <= b or b <= a for a in words for b in words)


def _surname_in(name: str, low: str) -> bool:
    """Whether a word of a person's name (beyond initials) is in the question."""
    asked = set(re.findall(r"[\w]+", low))
    return any(len(w) > 2 and w in asked for w in re.findall(r"[\w]+", name.lower()))


def _named_office(low: str, parsed: object) -> str | None:
    """A body inside a state or organisation the question names ("the CICA secretariat",
    "the Board of the Eurasian Economic Commission"), outside the names it found."""
    spans = getattr(parsed, "state_spans", [])
    low = re.sub(r"\b(in|of|left|leave|leaves|take|took|takes|assumed?) office\b", " ", low)
    for m in re.finditer(r"\b(" + "|".join(_OFFICES) + r")\b", low):
        if any(s <= m.start() < e for s, e in spans):
            continue
        words = set()
        for e in (*getattr(parsed, "orgs", []), *getattr(parsed, "states", [])):
            for n in (*e.names, e.label):
                words |= set(re.findall(r"[a-z]+", n.lower()))
        if m.group(1) in words:
            continue  # the organisation's own name ("the European Commission")
        return m.group(1)
    return None


_MINISTER = re.compile(r"\bminister\b")
# beside the head of government (the title table's leaders), former and deputy heads of
# government are not "a minister" of a delegation
_NOT_MINISTER = re.compile(r"\b(former|deputy prime|first minister|chief minister)\b")
