"""Post forms: who holds or held a post of a state, an organisation or a body."""

from __future__ import annotations

import re

from graph_builder.ask.helpers import (
    _bounds,
    _collect,
    _covers,
)
from graph_builder.ask.model import AnswerItem, _iri
from graph_builder.ask.parse import Period
from graph_builder.ask.triggers import T
from graph_builder.core import reference
from graph_builder.core.dates import PartialDate


class PostForms:
    """Holders of posts at the time asked."""

    # posts ------------------------------------------------------------------------------------
    def post_holder(self) -> list[AnswerItem]:
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
        future = self.p.period is None and bool(T["future"].search(self.low))
        if future:
            # "who will be the next secretary general", "who was elected": the holding that
            # begins last, after the day asked if the graph has one
            found = self._next_holder(rows)
        else:
            found = self._by_time(rows, period)
        of = holder.label
        if found:
            self.message = f"{' and '.join(a.label for a in found)}: {title} of {of}" + (
                f" ({period.iso})." if self.p.period or join else "."
            )
        elif getattr(self, "unattested", None):
            known = "; ".join(f"{name} in articles of {year}" for name, year in self.unattested)
            self.message = (f"The graph has no {title} of {of} in {period.iso}; it knows "
                            f"{known}, with no dates for the post.")
        else:
            self.message = f"The graph has no {title} of {of}" + (
                f" in {period.iso}." if self.p.period else "."
            )
        return found

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



def _attested_near(row: dict[str, str], period: Period) -> bool:
    """An undated post counts on a day from a month before its article to a year after it:
    the article attests it on its date, not before it was written nor for ever after."""
    if not row.get("published"):
        return True
    pub = PartialDate.parse(row["published"][:10]).first_day
    return -31 <= (period.first - pub).days <= 366


def _published_in(row: dict[str, str], period: Period) -> bool:
    """Whether the row's article was published during the period (when it attests it)."""
    if not row.get("published"):
        return False
    pub = PartialDate.parse(row["published"][:10])
    return pub.first_day <= period.last and pub.last_day >= period.first
