"""The seeded world a synthetic corpus restates: blocs, members over periods, chairs, posts.

Drawn once per seed with `random.Random` seeded by strings, never by the order of
generation, so one seed always gives the same world; evaluate/synth.py then writes as
many articles about it as a size needs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from graph_builder.core import reference

FIRST_YEAR = 1992
LAST_YEAR = 2025

# A few real blocs keep their real members, so queries and demos read naturally.
_KNOWN_MEMBERS = {
    "CSTO": ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"],
    "SCO": ["China", "India", "Iran", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia",
            "Tajikistan", "Uzbekistan"],
    "CIS": ["Armenia", "Azerbaijan", "Belarus", "Kazakhstan", "Kyrgyzstan", "Moldova",
            "Russia", "Tajikistan", "Uzbekistan"],
    "EAEU": ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia"],
}
# Half the articles are about one of these, as half the news a bloc-watcher reads would be.
_CORE = ("CSTO", "SCO", "CIS", "EAEU", "OSCE", "NATO", "EU")
_ORG_KINDS = ("security-bloc", "political-union", "economic-union", "forum")
# The organisations a synthetic world draws from, frozen: a body added to the reference
# tables later (the Confederation of Sahel States, 2026-12-03) must not reshuffle every
# seed's corpus, or the benchmarks' figures would no longer compare with their baselines
# and the load test's calls would find other rows.
_SYNTH_ORGS = frozenset(
    "african-union andean-community apec arab-league arctic-council asean benelux bimstec "
    "brics bsec caricom celac cica cis comesa commonwealth-of-nations council-of-europe cplp "
    "csto eac eaeu eccas eco ecowas efta eu francophonie g20 g7 g8 gcc guam igad mercosur "
    "nato nordic-council oas oecd oic opec osce ots pacific-islands-forum saarc sadc sco "
    "sica un unasur union-for-the-mediterranean union-state wto".split())
_STATE_TITLES = ("president", "prime minister", "foreign minister", "defence minister")

_GIVEN = (
    "Aldan Berik Daulet Erlan Farid Galym Ilyas Kairat Marat Nurlan Ruslan Timur Yerzhan "
    "Anvar Bakhtiyor Davron Jamshid Rustam Sardor Andrei Dmitri Igor Pavel Viktor Oleg "
    "Alina Dana Gulnara Madina Saule Zarina Irina Olga Tatiana Elena Marta Ines Lucia "
    "Tomas Jonas Matti Lars Henrik Pierre Luca Marco Stefan Milan Goran Aram Tigran Levon "
    "Nino Ana Keti Mehmet Ayse Selim Omar Layla Karim Samir Ravi Anika Wei Lin Hiro Aiko"
).split()
_SYLLABLES = (
    "ba be bo da de di ga gu ka ke ko la le lo ma mi mu na no ra re ri sa se so ta te "
    "to va ve za zo kha shi tur bek dor mir zan vel"
).split()
_SUFFIXES = ("ov", "ova", "enko", "yan", "ski", "sen", "ez", "ani", "ev", "uly", "zade", "")


@dataclass(frozen=True)
class Tenure:
    person: str
    start: str
    end: str


@dataclass
class World:
    """The synthetic world of one seed: organisations, members over periods, office holders."""

    seed: int
    orgs: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    members: dict[str, list[tuple[str, int, int | None]]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    cities_of: dict[str, list[str]] = field(default_factory=dict)
    rivals: list[tuple[str, str]] = field(default_factory=list)

    def rng(self, *key: object) -> random.Random:
        """A generator seeded by what it is for, so output never depends on call order."""
        return random.Random("/".join(map(str, (self.seed, *key))))

    def members_in(self, org: str, year: int) -> list[str]:
        return [s for s, start, end in self.members[org] if start <= year and (end is None
                                                                                or end >= year)]

    def chair(self, org: str, year: int) -> str | None:
        """Alphabetical rotation among the members of that year, one chair a year."""
        members = sorted(self.members_in(org, year))
        if not members:
            return None
        offset = self.rng("rotation", org).randrange(len(members))
        return members[(year + offset) % len(members)]

    def holders(self, of: str, title: str) -> list[Tenure]:
        return self._holders.setdefault((of, title), self._draw_holders(of, title))

    @cached_property
    def _holders(self) -> dict[tuple[str, str], list[Tenure]]:
        return {}

    def _draw_holders(self, of: str, title: str) -> list[Tenure]:
        rng = self.rng("holders", of, title)
        out, year = [], FIRST_YEAR - rng.randrange(0, 6)
        while year <= LAST_YEAR:
            length = rng.randrange(2, 9)
            start = date(year, rng.randrange(1, 13), rng.randrange(1, 29))
            end = date(year + length, start.month, start.day) - timedelta(days=1)
            out.append(Tenure(person_name(rng), start.isoformat(), end.isoformat()))
            year += length
        return out

    def holder(self, of: str, title: str, year: int) -> Tenure:
        for tenure in self.holders(of, title):
            if tenure.start[:4] <= str(year) <= tenure.end[:4]:
                return tenure
        return self.holders(of, title)[-1]

    def summit(self, org: str, year: int) -> dict[str, Any]:
        """The organisation's yearly summit: same date, place and absentees in every article."""
        rng = self.rng("summit", org, year)
        members = self.members_in(org, year)
        chair = self.chair(org, year) or rng.choice(self.states)
        k = max(0, min(len(members) - 2, rng.choice((0, 0, 1, 2))))
        absent = sorted(rng.sample(members, k=k))
        day = date(year, rng.randrange(4, 12), rng.randrange(1, 29)).isoformat()
        return {
            "type": "summit",
            "name": f"{org} summit {year}",
            "organization": org,
            "place": self.capitals[chair],
            "host": chair,
            "date": day,
            "participants": sorted(set(members) - set(absent)),
            "absent": absent,
        }


def person_name(rng: random.Random) -> str:
    surname = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randrange(2, 4)))
    return f"{rng.choice(_GIVEN)} {(surname + rng.choice(_SUFFIXES)).capitalize()}"


def make_world(seed: int = 0) -> World:
    """Draw the organisations, their members and rivalries of one seed."""
    world = World(seed=seed)
    cities = reference.entities("city")
    states = [s for s in reference.entities("state") if s.capital]
    for state in states:
        capital = reference.get("city", state.capital)
        world.capitals[state.label] = capital.label
        world.cities_of[state.label] = [c.label for c in cities if c.country == state.slug]
    world.states = sorted(world.capitals)
    rng = world.rng("world")
    orgs = [o for o in reference.entities("organization")
            if o.org_kind in _ORG_KINDS and o.slug in _SYNTH_ORGS]
    for org in orgs:
        known = _KNOWN_MEMBERS.get(org.label)
        chosen = known or rng.sample(world.states, k=rng.randrange(5, 31))
        members = []
        for state in sorted(chosen):
            start = FIRST_YEAR if known else rng.randrange(FIRST_YEAR - 10, LAST_YEAR - 5)
            end = None if known or rng.random() > 0.1 else rng.randrange(start + 1, LAST_YEAR)
            members.append((state, start, end))
        world.members[org.label] = members
    world.orgs = sorted(world.members)
    pairs = {tuple(sorted(rng.sample(world.states, 2))) for _ in range(120)}
    world.rivals = sorted(pairs)  # type: ignore[arg-type]
    return world
