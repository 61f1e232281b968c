"""Synthetic corpora of any size: the same kind of facts as the news, minted from a seed.

(The world itself is evaluate/synth_world.py; this module writes the articles about it.)

Scale can only be measured on data of the right shape, and no one can ship a million
triples of curated news. So a seeded "world" is drawn once — blocs with members over
periods, yearly rotating chairs, office holders with invented names, summits — and then
as many "articles" as the requested size needs, each a facts file restating part of that
world (the same chairmanship or summit reported by many articles, as in real news) plus
new meetings, clashes and proposals. Everything comes from `random.Random` seeded by
strings, never by the order of generation, so one seed always writes the same bytes and
article 7 is the same whether 10 or 10,000 are written. Chairs never overlap within an
organisation, so `blocgraph validate` stays clean on a synthetic build.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from graph_builder.core.errors import BlocgraphError
from graph_builder.evaluate.synth_world import (
    _CORE,
    _KNOWN_MEMBERS,  # noqa: F401 - the tests read the world's fixed blocs here
    _STATE_TITLES,
    FIRST_YEAR,
    LAST_YEAR,
    World,
    make_world,
)

# Approximate triples one fact of each kind adds to its article graph (measured on builds;
# instants and intervals shared inside an article make these averages, not exact figures).
_COST = {
    "chairmanships": 15.6,
    "memberships": 15.2,
    "posts": 27.3,
    "events": 17.1,
    "cooperation_proposals": 10.2,
}
_ARTICLE_COST = 30
_REFERENCE_COST = {"state": 7, "organization": 4, "city": 4}

# -- sentences ------------------------------------------------------------------------------

_CHAIR_SENTENCES = (
    "{chair} took over the rotating chairmanship of the {org} for {year}{after}.",
    "The {org} was chaired by {chair} in {year}{after}.",
    "For {year}, {chair} holds the chair of the {org}{after}.",
    "{chair} presided over the {org} throughout {year}{after}, officials recalled.",
    "Diplomats noted that {chair} held the {org} chairmanship in {year}{after}.",
)
_MEMBER_SENTENCES = (
    "{member} has been a member of the {org} since {start}.",
    "{member} joined the {org} in {start}.",
    "The {org}, which {member} joined in {start}, met again this year.",
    "A member of the {org} since {start}, {member} sent a delegation.",
)
_POST_SENTENCES = (
    "{person}, the {post} of {of}, attended the talks.",
    "{of}'s {post} {person} spoke to reporters after the session.",
    "{person} has served as {post} of {of} since {start}.",
    "The {post} of {of}, {person}, outlined the government's position.",
)
_SUMMIT_SENTENCES = (
    "Leaders of {participants} gathered in {place} on {day} for the {org} summit{absent}.",
    "The {org} summit opened in {place} on {day} with {participants} taking part{absent}.",
    "{place} hosted the {org} summit on {day}; delegations of {participants} attended{absent}.",
)
_MEETING_SENTENCES = (
    "Officials of {participants} met in {place} on {day}.",
    "Talks between {participants} took place in {place} on {day}.",
    "Delegations from {participants} held a meeting in {place} on {day}.",
)
_CLASH_SENTENCES = (
    "Forces of {participants} exchanged fire near the border on {day}.",
    "A border clash between {participants} was reported on {day}.",
    "Troops of {participants} clashed on {day}, according to both defence ministries.",
)
_CONFRONTATION_SENTENCES = (
    "Relations between {participants} worsened on {day} after a diplomatic row.",
    "A standoff between {participants} escalated on {day}.",
)
_COOPERATION_SENTENCES = (
    "{proposer} proposed closer cooperation between the {org} and the {partner}.",
    "{proposer} called for the {org} to work with the {partner}.",
    "At the meeting, {proposer} suggested links between the {org} and the {partner}.",
)
_FILLER = (
    "The talks covered regional security, trade and transport corridors.",
    "Observers said the agenda was dominated by border issues.",
    "A joint statement was expected at the end of the week.",
    "Analysts described the meeting as routine.",
    "Several agreements on customs and logistics were signed.",
    "The secretariat said preparations had taken months.",
    "Security in the capital was tightened for the occasion.",
)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _day_text(day: str) -> str:
    d = date.fromisoformat(day)
    return f"{d.day} {d.strftime('%B')} {d.year}"


# -- articles -------------------------------------------------------------------------------


class _Article:
    """One synthetic article's facts, each with the sentence that states it."""

    def __init__(self, world: World, index: int, size: tuple[int, int], prefix: str) -> None:
        self.world = world
        self.rng = world.rng("article", prefix, index)
        self.index = index
        core = [o for o in _CORE if o in world.members]
        if index <= len(core):  # the first articles cover the core blocs, at any size
            self.org = core[index - 1]
        else:
            self.org = self.rng.choice(core if self.rng.random() < 0.5 else world.orgs)
        self.year = self.rng.randrange(FIRST_YEAR + 1, LAST_YEAR + 1)
        self.target = self.rng.randrange(*size)
        self.name = f"{prefix}-{index:06d}"
        self.items: dict[str, list[dict[str, Any]]] = {
            "chairmanships": [], "memberships": [], "posts": [], "events": [],
            "cooperation_proposals": [],
        }
        self.seen: set[str] = set()

    def count(self) -> int:
        return sum(len(v) for v in self.items.values())

    def add(self, kind: str, fact: dict[str, Any], sentence: str) -> None:
        key = json.dumps([kind, fact], sort_keys=True)
        if key in self.seen:
            return
        self.seen.add(key)
        fact["evidence"] = {"text": sentence}
        self.items[kind].append(fact)

    def chairmanship(self, org: str, year: int) -> None:
        chair = self.world.chair(org, year)
        if chair is None:
            return
        prev = self.world.chair(org, year - 1)
        fact = {"organization": org, "chair": chair, "start": str(year), "end": str(year)}
        after = ""
        if prev and prev != chair:
            fact["previous"] = prev
            after = f", succeeding {prev}"
        sentence = self.rng.choice(_CHAIR_SENTENCES).format(
            chair=chair, org=org, year=year, after=after)
        self.add("chairmanships", fact, sentence)

    def membership(self, org: str) -> None:
        members = [m for m in self.world.members[org] if m[1] <= self.year]
        if not members:
            return
        state, start, end = self.rng.choice(members)
        fact = {"organization": org, "member": state, "start": str(start), "end":
                str(end) if end else None}
        sentence = self.rng.choice(_MEMBER_SENTENCES).format(member=state, org=org, start=start)
        self.add("memberships", fact, sentence)

    def post(self, of: str, title: str, year: int) -> None:
        t = self.world.holder(of, title, year)
        fact = {"person": t.person, "post": title, "of": of, "start": t.start, "end": t.end}
        sentence = self.rng.choice(_POST_SENTENCES).format(
            person=t.person, post=title, of=of, start=t.start[:4])
        self.add("posts", fact, sentence)

    def summit(self, org: str, year: int) -> None:
        fact = self.world.summit(org, year)
        if len(fact["participants"]) < 2:
            return
        absent = f", without {_and(fact['absent'])}" if fact["absent"] else ""
        sentence = self.rng.choice(_SUMMIT_SENTENCES).format(
            participants=_and(fact["participants"]), place=fact["place"],
            day=_day_text(fact["date"]), org=org, absent=absent)
        self.add("events", fact, sentence)

    def _day(self) -> str:
        start = date(self.year, 1, 1)
        return (start + timedelta(days=self.rng.randrange(365))).isoformat()

    def meeting(self) -> None:
        a, b = self.rng.sample(self.world.states, 2)
        host = self.rng.choice((a, b))
        place = self.rng.choice(self.world.cities_of[host])
        fact = {"type": "meeting", "place": place, "date": self._day(),
                "participants": sorted((a, b)), "absent": []}
        sentence = self.rng.choice(_MEETING_SENTENCES).format(
            participants=_and(fact["participants"]), place=place, day=_day_text(fact["date"]))
        self.add("events", fact, sentence)

    def clash(self) -> None:
        pair = list(self.rng.choice(self.world.rivals))
        kind = self.rng.choice(("clash", "clash", "confrontation"))
        fact = {"type": kind, "date": self._day(), "place": None, "participants": pair,
                "absent": []}
        templates = _CLASH_SENTENCES if kind == "clash" else _CONFRONTATION_SENTENCES
        sentence = self.rng.choice(templates).format(
            participants=_and(pair), day=_day_text(fact["date"]))
        self.add("events", fact, sentence)

    def cooperation(self) -> None:
        org = self.org
        members = self.world.members_in(org, self.year) or [m[0] for m in self.world.members[org]]
        partner = self.rng.choice([o for o in self.world.orgs if o != org])
        proposer = self.rng.choice(members)
        fact = {"proposer": proposer, "organization": org, "partner": partner}
        sentence = self.rng.choice(_COOPERATION_SENTENCES).format(
            proposer=proposer, org=org, partner=partner)
        self.add("cooperation_proposals", fact, sentence)

    def fill(self) -> _Article:
        """The article's core (its bloc's chair and summit) then a weighted mix of facts."""
        org, year, world = self.org, self.year, self.world
        self.chairmanship(org, year - 1)
        self.chairmanship(org, year)
        self.summit(org, year)
        actions = (
            (3, lambda: self.chairmanship(self.rng.choice(world.orgs),
                                          self.rng.randrange(FIRST_YEAR, LAST_YEAR + 1))),
            (3, lambda: self.membership(self.rng.choice((org, self.rng.choice(world.orgs))))),
            (5, lambda: self.post(self.rng.choice(world.members_in(org, year) or world.states),
                                  self.rng.choice(_STATE_TITLES), year)),
            (1, lambda: self.post(self.rng.choice(world.orgs), "secretary general",
                                  self.rng.randrange(FIRST_YEAR, LAST_YEAR + 1))),
            (1, lambda: self.summit(self.rng.choice(world.orgs), year)),
            (4, self.meeting),
            (2, self.clash),
            (2, self.cooperation),
        )
        weights = [w for w, _ in actions]
        attempts = 0
        while self.count() < self.target and attempts < self.target * 5:
            attempts += 1
            self.rng.choices(actions, weights)[0][1]()
        return self

    def published(self) -> str:
        return date(self.year, 12, 31).isoformat() if self.year < LAST_YEAR else \
            f"{LAST_YEAR}-06-30"

    def title(self) -> str:
        return f"{self.org} in {self.year}: chairs, summits and talks"

    def facts(self) -> dict[str, Any]:
        return {"article": f"{self.name}.txt", "published": self.published(),
                "title": self.title(), "origin": "curated", **self.items}

    def text(self) -> tuple[str, dict[str, Any]]:
        """A news-style text stating every fact, and the facts with evidence offsets."""
        place = self.world.capitals[self.world.chair(self.org, self.year) or self.world.states[0]]
        dateline = f"{place.upper()}, {_day_text(self.published())} — "
        parts: list[str] = [self.title(), "", ""]
        body = dateline
        offset = len("\n".join(parts))
        facts = self.facts()
        sentences = [(kind, f) for kind in self.items for f in facts[kind]]
        self.rng.shuffle(sentences)
        paragraph_len = 0
        for _kind, fact in sentences:
            text = fact["evidence"]["text"]
            if body and not body.endswith(("\n\n", "— ")):
                body += " "
            start = offset + len(body)
            body += text
            fact["evidence"] = {"text": text, "start": start, "end": start + len(text)}
            paragraph_len += 1
            if self.rng.random() < 0.3:
                body += " " + self.rng.choice(_FILLER)
            if paragraph_len >= self.rng.randrange(2, 5):
                body += "\n\n"
                paragraph_len = 0
        return "\n".join(parts) + body.rstrip() + "\n", facts


# -- writing --------------------------------------------------------------------------------


@dataclass
class SynthReport:
    facts_files: int = 0
    facts: int = 0
    estimated_triples: int = 0
    articles: int = 0


def estimate(doc: dict[str, Any]) -> float:
    """Triples a facts document adds to its article graph, by the calibrated costs."""
    return _ARTICLE_COST + sum(_COST[kind] * len(doc.get(kind, [])) for kind in _COST)


def _entities(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for f in doc["chairmanships"]:
        yield "organization", f["organization"]
        yield "state", f["chair"]
    for f in doc["memberships"]:
        yield "organization", f["organization"]
        yield "state", f["member"]
    for f in doc["events"]:
        if f.get("place"):
            yield "city", f["place"]
        for s in f["participants"] + f["absent"]:
            yield "state", s
    for f in doc["cooperation_proposals"]:
        yield "organization", f["organization"]
        yield "organization", f["partner"]
        yield "state", f["proposer"]


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def articles(world: World, size: tuple[int, int] = (20, 121), prefix: str = "synth"
             ) -> Iterator[dict[str, Any]]:
    """Facts documents 1, 2, 3... of this world, endlessly."""
    index = 1
    while True:
        yield _Article(world, index, size, prefix).fill().facts()
        index += 1


def write(out: Path, triples: int, *, seed: int = 0, articles_n: int = 0) -> SynthReport:
    """Write facts files under out/facts/ adding up to about `triples` asserted triples.

    With `articles_n`, also write that many news-style texts under out/articles/, each with
    its gold facts (`.gold.json`, evidence offsets into the text), for extraction runs.
    """
    if triples < 1000:
        raise BlocgraphError(f"--triples {triples}: give at least 1000")
    if articles_n < 0:
        raise BlocgraphError(f"--articles {articles_n}: cannot be negative")
    world = make_world(seed)
    report = SynthReport()
    facts_dir = out / "facts"
    for folder in (facts_dir, out / "articles"):
        if folder.exists() and any(folder.iterdir()):
            raise BlocgraphError(f"{folder}: not empty; synth writes into a new folder")
    facts_dir.mkdir(parents=True, exist_ok=True)
    used: set[tuple[str, str]] = set()
    total = 0.0
    for doc in articles(world):
        cost = estimate(doc)
        new = set(_entities(doc)) - used
        extra = sum(_REFERENCE_COST[kind] for kind, _ in new)
        if report.facts_files and total + (cost + extra) / 2 > triples:
            break
        used |= new
        total += cost + extra
        name = Path(doc["article"]).stem
        (facts_dir / f"{name}.json").write_text(_dump(doc), "utf-8")
        report.facts_files += 1
        report.facts += sum(len(doc[k]) for k in _COST)
    report.estimated_triples = round(total)
    if articles_n:
        news_dir = out / "articles"
        news_dir.mkdir(parents=True, exist_ok=True)
        for index in range(1, articles_n + 1):
            article = _Article(world, index, (8, 26), "news").fill()
            text, gold = article.text()
            (news_dir / f"{article.name}.txt").write_text(text, "utf-8")
            for kind in _COST:
                for fact in gold[kind]:
                    fact.pop("evidence", None)
            year = article.year
            chair = world.chair(article.org, year)
            gold["questions"] = [
                {"q": f"Who chaired the {article.org} in {year}?", "a": [chair] if chair else []}
            ]
            (news_dir / f"{article.name}.gold.json").write_text(_dump(gold), "utf-8")
        report.articles = articles_n
    return report
