"""Reading a plain question: its intent and the names, dates and titles it mentions.

The answerer never turns user text into SPARQL. This module only finds *what* is asked
(an intent from a fixed list) and the slots that fill the parameters of a named query:
states, organisations and cities through the reference tables (the same gazetteer the
extractor uses, so "Astana" as a government is Kazakhstan and "the summit in Minsk" is a
city), dates absolute or relative to an "as of" day, and post titles.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from graph_builder.ask.typos import corrected
from graph_builder.core import places, reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.titles import known_titles, post_class

EXAMPLES = (
    "Who chaired the CSTO in 2023?",
    "Which country held the rotating chairmanship of the SCO on 2024-06-15?",
    "Who currently chairs the OSCE?  /  Who chairs BRICS this year?",
    "When did Kazakhstan chair the CSTO?  /  In which years did Finland chair the OSCE?",
    "Who chaired the CSTO before Kazakhstan?  /  Which country chaired it after Belarus?",
    "Who took over the CSTO chairmanship from Belarus?  /  Who handed it to Kazakhstan?",
    "Who will chair the CSTO next?",
    "Which organisations has Kazakhstan chaired?  /  How many times has Russia chaired the CIS?",
    "Who is the secretary general of the CSTO?  /  Who was Armenia's prime minister in 2024?",
    "Which states are members of the CSTO?  /  Is Armenia a member of the CSTO?",
    "Was Belarus a member of the SCO in July 2023?  /  How many members does the SCO have?",
    "When did Sweden join NATO?  /  When did Iran become a full member of the SCO?",
    "When did Georgia leave the CIS?  /  When did Uzbekistan suspend its CSTO membership?",
    "Which states were members of the CSTO after Uzbekistan suspended its membership?",
    "Which countries joined BRICS in 2024?  /  Did Georgia leave the CIS?",
    "Who held the G20 presidency in early 2023?  /  Which country chairs CICA for 2024-2026?",
    "Where did the fourth Council of Europe summit take place?",
    "Where and when was the CSTO summit of 2023 held?  /  Who was absent from it?",
    "Which states clashed with Armenia?  /  When did Armenia and Azerbaijan clash?",
    "With which organisations did Kazakhstan (or Tokayev) propose cooperation?",
)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_CHAIR = re.compile(
    r"\b(chair\w*|presidency|presidencies|presided|presides|preside|presiding|helm|rotating|"
    r"baton|chairmanship|chairship)\b"
)
_QUESTION_WORDS = frozenset(
    "who whom whose which what when where how is are was were did does do has have had will "
    "with from to in on at the a an of for by after before since during and or as this that "
    "i it its their there".split()
)


@dataclass
class Period:
    """The time a question asks about: a day, a month, a year, or "now" (a day)."""

    first: date
    last: date
    precision: str  # day | month | year
    relative: str | None = None  # now | this year | last year | next year

    @classmethod
    def of(cls, value: str) -> Period:
        """The period a graph date covers ("2024" a year, "2024-07" a month): one rule for
        every family of forms that reckons from a date the graph holds."""
        when = PartialDate.parse(value[:10])
        return cls(when.first_day, when.last_day, when.precision)

    @classmethod
    def day(cls, day: date, relative: str | None = None) -> Period:
        return cls(day, day, "day", relative)

    @classmethod
    def now(cls, as_of: date) -> Period:
        """The question's "now": the day it is asked as of."""
        return cls(as_of, as_of, "day", "now")

    @classmethod
    def after(cls, value: str) -> Period:
        """The day after a graph date ends: "after X joined" on a year is the next 1 January."""
        return cls.day(PartialDate.parse(value[:10]).last_day + timedelta(days=1))

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.first.year}"
        if self.precision == "month":
            iso = f"{self.first.year}-{self.first.month:02d}"
            if (self.last.year, self.last.month) != (self.first.year, self.first.month):
                iso += f" to {self.last.year}-{self.last.month:02d}"
            return iso
        return self.first.isoformat()


@dataclass
class Parsed:
    question: str
    text: str  # normalised, lower case
    states: list[reference.Entity] = field(default_factory=list)
    orgs: list[reference.Entity] = field(default_factory=list)
    cities: list[reference.Entity] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    period: Period | None = None
    title: str | None = None
    state_spans: list[tuple[int, int]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    venues: list[reference.Entity] = field(default_factory=list)  # "the Djibouti summit"
    ambiguous: tuple[str, list[str]] | None = None  # "the council": which bodies it may be
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # every name found
    title_of_person: bool = False  # the post slot filled from the person named, not the text

    @property
    def plain(self) -> str:
        """The text with the names blanked: "Costa Rica" holds no "cost", "Council of
        Europe" no meeting."""
        text = self.text
        for start, end in self.name_spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def slots(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.orgs:
            out["organization"] = [o.label for o in self.orgs]
        if self.states:
            out["state"] = [s.label for s in self.states]
        if self.cities:
            out["city"] = [c.label for c in self.cities]
        if self.persons:
            out["person"] = list(self.persons)
        if self.venues:
            out["venue"] = [v.label for v in self.venues]
        if self.title:
            out["post"] = self.title
        if self.period:
            out["date"] = self.period.iso
            if self.period.relative:
                out["relative"] = self.period.relative
        return out


@cache
def _gazetteer():
    from graph_builder.core.names import Gazetteer

    return Gazetteer()


@cache
def _acronyms() -> dict[str, str]:
    """Lower-case acronym -> its spelling, for questions typed without capitals."""
    out: dict[str, str] = {}
    for entity in reference.entities("organization"):
        for name in entity.names:
            letters = name.replace(".", "").replace("-", "")
            if letters.isalnum() and letters.upper() == letters and len(letters) >= 2:
                out[name.lower()] = name
    for entity in reference.entities("state"):
        # a state's own acronym ("the drc", "uae"), not its ISO codes ("is", "kaz")
        for name in entity.names:
            # (two letters too where no ISO code: "the uk", "the rf")
            if name.isalpha() and name.isupper() and len(name) >= 2 and name not in (
                    entity.iso2, entity.iso3):
                out.setdefault(name.lower(), name)
    for word in ("who", "it", "can", "us", "car", *_WORDLIKE):
        out.pop(word, None)
    return out


# acronyms that are also words or word pieces: read as the acronym in lower case only where
# an organisation is expected ("the au", "eco summit", "au member states")
_WORDLIKE = ("eco", "au")
_WORDLIKE_RE = re.compile(
    r"\b(?<=the )(eco|au)\b|\b(?<=of )(eco|au)\b|\b(?<=from )(eco|au)\b|"
    r"\b(eco|au)(?=(?:'s)? (?:summit|member|members|chair\w*|secretary|commission|countries|"
    r"states|session|meeting|presidency)\b)")


# a question word with "is" or "has" run into it ("who's", "whos", "what's")
_CONTRACTED = re.compile(r"\b(who|what|where|when|which|how)(?:'s|s)\b", re.IGNORECASE)


def _clean(question: str) -> str:
    text = question.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", " - ")
    text = _CONTRACTED.sub(lambda m: m.group(1) + (" IS" if m.group(1).isupper() else " is"),
                           text)
    return re.sub(r"\s+", " ", text).strip()


# "Who is the president of Lithuania, the next OSCE chair?": the aside describes the state
# asked about; the question is its president, not the chair of the body the aside names
_APPOSITION = re.compile(r"^((?:who|what)\s+(?:is|was|will\s+be)\s+(?:the\s+)?[\w' -]{2,40}?\s+"
                         r"(?:of|in)\s+[^,?]{2,40}?)\s*,\s+(?:the|a|an|its|this|which|who)\b"
                         r"[^?]*(\?)?$", re.IGNORECASE)


def parse(question: str, as_of: date) -> Parsed:
    """The slots of a question; unknown capitalised names are kept to be reported."""
    text = _APPOSITION.sub(r"\1", corrected(_clean(question)))
    if not text:
        raise BlocgraphError("the question is empty (see `blocgraph ask --examples`)")
    if not re.search(r"[a-z]", text):
        text = text.lower()  # a question typed in capitals reads as one in lower case
    cased = _cased(text)
    for pattern, name in _BODY_ALIASES:
        cased = re.sub(pattern, lambda m, n=name: _pad(n, len(m.group())), cased,
                       flags=re.IGNORECASE)
    parsed = Parsed(question=question, text=text.lower().rstrip("?!. "))
    seen: set[tuple[str, str]] = set()
    spans: list[tuple[int, int]] = []
    for mention in _gazetteer().mentions(cased):
        entity = mention.entity
        if mention.role == "capital-as-state" and entity.kind == "city":
            entity = reference.get("state", entity.country) if entity.country else entity
        key = (entity.kind, entity.slug)
        spans.append((mention.start, mention.end))
        if entity.kind == "state" and (_VENUE.match(cased, mention.end) and not re.search(
                r"\b(of|by|from|for|to)\s+(the\s+)?$", cased[:mention.start])
                or (_HOST_STATE.search(cased[:mention.start]) and not _YES_NO.match(cased))
                or (_HOST_VERB.match(cased, mention.end) and _PLACE_TIME_Q.match(cased))):
            # a state as the place of a gathering ("the Djibouti summit"): not a party to it
            if entity not in parsed.venues:
                parsed.venues.append(entity)
            continue
        if entity.kind == "state":
            parsed.state_spans.append((mention.start, mention.end))
        if key in seen:
            continue
        seen.add(key)
        {"state": parsed.states, "organization": parsed.orgs, "city": parsed.cities}[
            entity.kind
        ].append(entity)
    if not parsed.orgs:
        bare = _BARE_BODY.search(parsed.text)
        if bare:
            found = _bodies_named(bare.group(1))
            if len(found) == 1:
                parsed.orgs.append(found[0])
            elif found:
                parsed.ambiguous = (f"the {bare.group(1)}", [e.label for e in found])
    # "the Entebbe summit", "the Schaan meeting": a town the curated tables lack, known to
    # GeoNames, named as the place of a gathering (looked up by name, never searched for)
    if _GATHERING_WORD.search(cased):
        words = list(_TOWN.finditer(cased))
        pairs = [(a.start(), b.end()) for a, b in zip(words, words[1:], strict=False)
                 if re.fullmatch(r"\s+", cased[a.end():b.start()])]
        for start, end in [*pairs, *((m.start(), m.end()) for m in words)]:
            name = cased[start:end]
            if any(s <= start < e or s < end <= e for s, e in spans) or \
                    name.lower() in _QUESTION_WORDS or \
                    not _TOWN_PLACE.search(cased[:start] + "\0" + cased[end:]):
                continue
            city = places.by_name(name)
            if city is not None and city not in parsed.cities:
                parsed.cities.append(city)
                spans.append((start, end))
    parsed.name_spans = [(s, min(e, len(parsed.text))) for s, e in spans if s < len(parsed.text)]
    parsed.period = _period(text, as_of)
    parsed.title = _title(parsed.text)
    if parsed.title and _honorific(text, parsed.title):
        parsed.title = None  # "President Bio", "Prime Minister Modi": the person's own title
    if parsed.title == "chairperson of the commission" and any(
            "commission" in n.lower() for o in parsed.orgs for n in o.names):
        parsed.title = "head"  # "who heads the European Commission": the body named itself
    parsed.persons = _persons(text, spans)
    words = [
        m for m in re.finditer(r"\b[A-Z][\w'-]+", text)
        if not any(s <= m.start() < e for s, e in spans)
        and m.group().lower() not in _QUESTION_WORDS and m.group().lower() not in _MONTHS
        and m.group().lower() not in _HONORIFICS
        and not re.fullmatch(r"[CLXVI]{2,}", m.group())  # "the XII summit": its number
    ]
    runs: list[list[re.Match[str]]] = []
    for m in words:
        if runs and re.fullmatch(r"\s+", text[runs[-1][-1].end():m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    parsed.unknown = [text[r[0].start():r[-1].end()] for r in runs]
    if parsed.ambiguous:  # "the Council": a body of several, not a name the graph lacks
        word = parsed.ambiguous[0].split()[-1]
        parsed.unknown = [u for u in parsed.unknown if u.lower() != word]
    return parsed


# A state named as a gathering's host ("the summit hosted by Armenia", "when did Kazakhstan
# host the summit"): the gathering is one it hosted, so the state is its venue, not a party.
_HOST_STATE = re.compile(r"\b(hosted|organi[sz]ed) by\s+(the\s+)?$", re.IGNORECASE)
_HOST_VERB = re.compile(r"\s+(host|hosts|hosted|will host|is hosting|was hosting)\b",
                        re.IGNORECASE)
_YES_NO = re.compile(r"\s*(did|does|do|will|is|was|were|has|had)\b", re.IGNORECASE)
_PLACE_TIME_Q = re.compile(r"\s*(when|where|(in )?(what|which) (year|month)|which city|what city|"
                           r"in which city|in what city)\b", re.IGNORECASE)
_VENUE = re.compile(r"(?:'s)?\s+(summit|meeting|session|conference|gathering|talks|"
                    r"ministerial)\b", re.IGNORECASE)

# Bodies news names by their meeting or organ rather than by the organisation.
_BODY_ALIASES = (
    (r"\bTurkic (summit|leaders|heads of state|states summit)\b", "OTS"),
    (r"\bCollective Security Council\b", "CSTO"),
    (r"\bSupreme Eurasian Economic Council\b", "EAEU"),
    (r"\bEurasian Intergovernmental Council\b", "EAEU"),
    (r"\bArab (summit|League summit)\b", "Arab League"),
    (r"\b(the )?Committee of Ministers\b(?! of the Council of Europe)", "Council of Europe"),
    (r"\bIslamic Summit\b", "OIC"),
    (r"\bKremlin\b", "Russia"),
    # the Security Council, unqualified, is the UN's; a state's own ("Russia's Security
    # Council") or the CSTO's (above) is not
    (r"(?<!'s )(?<!s' )(?<!UN )(?<!U\.N\. )(?<!United Nations )(?<!national )(?<!state )"
     r"\bSecurity Council\b", "UNSC"),
)

# A body named by its kind alone ("the Forum", "the Council"): the one organisation of the
# reference tables with that word in a name, else ambiguous and said so.
_BARE_BODY = re.compile(r"\bthe (?:\d+(?:st|nd|rd|th) )?(forum|council|league|commission|"
                        r"community|union|conference|alliance|assembly|commonwealth|"
                        r"cooperation council)(?!\s+of\b)\b")


# Words never part of a name, left in lower case when a question is re-cased for the
# gazetteer (which wants names capitalised, as articles write them).
_PLAIN = frozenset(
    "about above across after against ago all along also among any around as at away back be "
    "been before begin began being below between both but by can chair chaired chairs could "
    "country countries current currently date day did do does during each early end ended "
    "ever every first for former from full go had handed has have held her his hold holds "
    "host hosted how if in into is its join joined just last late later leave left like many "
    "may member members membership month months more most much must new next no nor not now "
    "of off on once one only or other our out over own part past per president presidency "
    "prior same second she should since so some state states still such summit than that the "
    "their them then there these they this those through till time times to today took under "
    "until up upon us very was we were what when where whether which while who whom whose why "
    "will with within without would year years yet you".split()
)


def _cased(text: str) -> str:
    """The question as the gazetteer reads names: acronyms in capitals ("csto", "Csto",
    "c.s.t.o." -> CSTO) and other lower-case words capitalised ("kazakhstan", "south
    africa"), so that letter case never changes which names are found. Offsets are kept."""

    def word(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        if m.start() == 0 and low == "who":
            return w
        if low in _acronyms() and not w.isupper():
            return _acronyms()[low]
        if w.islower() and low not in _PLAIN and low not in _QUESTION_WORDS \
                and low not in _MONTHS and not low.isdigit():
            return w[0].upper() + w[1:]
        return w

    text = re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group().upper(), text)
    text = _WORDLIKE_RE.sub(lambda m: m.group().upper(), text)
    text = re.sub(r"\b[A-Za-z][a-z0-9]*\b", word, text)
    # names of several words, one of them a plain word ("new zealand", "united states",
    # "organization of turkic states"): their own spelling, whatever the case typed
    return _multiword().sub(lambda m: _multiword_names()[m.group().lower()], text)


@cache
def _multiword_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in ("state", "organization", "city"):
        for entity in reference.entities(kind):
            for name in entity.names:
                if " " in name and any(w.lower() in _PLAIN or w.lower() in _QUESTION_WORDS
                                       for w in name.split()):
                    out.setdefault(name.lower(), name)
    return out


@cache
def _multiword() -> re.Pattern[str]:
    names = sorted(_multiword_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])",
                      re.IGNORECASE)


@cache
def _bodies_named(word: str) -> list[reference.Entity]:
    rx = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return [e for e in reference.entities("organization")
            if any(rx.search(n) for n in (*e.names, e.full_name or ""))]


def _pad(name: str, width: int) -> str:
    """A replacement of the same length, so that offsets stay those of the question."""
    return name.ljust(width) if len(name) <= width else name


_PARTICLES = frozenset("al el bin ibn van von de da di du der den la le dos das".split())


_GATHERING_WORD = re.compile(r"\b(summit|meeting|meet|met|session|ministerial|conference|talks|"
                             r"retreat|gathering|held|take place|took place|convene\w*)\b",
                             re.IGNORECASE)
_TOWN = re.compile(r"(?<![\w'-])[A-Z][\w'-]+(?![\w'-])")
# where the town stands (\0): before a gathering word, with at most a body's name between
# ("the Entebbe IGAD summit"), or after "in" / "at" ("did they meet in Entebbe")
_TOWN_PLACE = re.compile(r"\0\s+(?:[A-Z][\w-]*\s+){0,2}(?:summit|meeting|session|ministerial|"
                         r"conference|talks|retreat|gathering)\b|\b(?:in|at)\s+(?:the\s+)?\0")


# a leader's title before a name ("President Bio", "Prime Minister Modi"): no part of it
_HONORIFICS = frozenset({"president", "prime", "minister", "premier", "king", "queen", "emir",
                         "sultan", "sheikh", "chancellor", "dr", "mr", "mrs", "ms"})


def _honorific(text: str, title: str) -> bool:
    """Whether the title is written before a name ("did President Bio take over from"), not
    asked about ("who is the president of Ghana")."""
    words = r"\s+".join(f"(?i:{re.escape(w)})" for w in title.split())
    return bool(re.search(r"(?<!\bthe )(?<!\bThe )\b" + words + r"\s+(?!Of\b)[A-Z][a-z]", text))


def _persons(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Runs of capitalised words that name no state, organisation or city (people)."""
    out: list[str] = []
    current: list[str] = []
    for m in re.finditer(r"[A-Za-z][\w'-]*|\S", text):
        word = m.group()
        inside = any(s <= m.start() < e for s, e in spans)
        particle = bool(re.fullmatch(r"(al|el|ad|as|ash|abu|bin|ibn|ben)-[A-Z][\w'-]*", word)) \
            or (bool(current) and word in _PARTICLES)
        is_name = (
            (word[:1].isupper() or particle)
            and not inside
            and word.lower() not in _QUESTION_WORDS
            and word.lower() not in _MONTHS
            and not word.isupper()
            and word.lower().rstrip(".") not in _HONORIFICS
        )
        if is_name:
            current.append(word.removesuffix("'s"))
        elif current:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def _month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), "month")


def _day_period(year: int, month: int, day: int) -> Period | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Period.day(d)


def _year_period(year: int, relative: str | None = None) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year", relative)


def _period(text: str, as_of: date) -> Period | None:
    low = text.lower()
    _check_dates(low)
    span = re.search(r"\b(1[89]\d{2}|20\d{2})\s*(?:-|to|until|and)\s*(1[89]\d{2}|20\d{2})\b", low)
    if span and int(span.group(1)) < int(span.group(2)):
        return Period(date(int(span.group(1)), 1, 1), date(int(span.group(2)), 12, 31), "month")
    part = re.search(r"\b(early|mid|middle of|late|end of|beginning of|start of)[ -](\d{4})\b",
                     low)
    if part:
        year = int(part.group(2))
        months = {"early": (1, 4), "beginning of": (1, 2), "start of": (1, 2), "mid": (5, 8),
                  "middle of": (5, 8), "late": (9, 12), "end of": (11, 12)}[part.group(1)]
        last = calendar.monthrange(year, months[1])[1]
        return Period(date(year, months[0], 1), date(year, months[1], last), "month")
    patterns: list[tuple[str, str]] = [
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", "ymd"),
        (r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(\d{4})\b", "dmy"),
        (r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", "mdy"),
        (r"\b(\d{4})-(\d{2})\b", "ym"),
        (r"\b" + _MONTH_RE + r"\s+(?:of\s+)?(\d{4})\b", "my"),
        (r"\b(1[89]\d{2}|20\d{2})\b", "y"),
    ]
    for pattern, kind in patterns:
        m = re.search(pattern, low)
        if not m:
            continue
        g = m.groups()
        if kind == "ymd":
            found = _day_period(int(g[0]), int(g[1]), int(g[2]))
        elif kind == "dmy":
            found = _day_period(int(g[2]), _MONTHS[g[1]], int(g[0]))
        elif kind == "mdy":
            found = _day_period(int(g[2]), _MONTHS[g[0]], int(g[1]))
        elif kind == "ym":
            found = _month_period(int(g[0]), int(g[1])) if 1 <= int(g[1]) <= 12 else None
        elif kind == "my":
            found = _month_period(int(g[1]), _MONTHS[g[0]])
        else:
            found = _year_period(int(g[0]))
        if found:
            half = re.search(r"\b(first|second) half of (\d{4})\b", low)
            if half and found.precision == "year":
                year = found.first.year
                found = (Period(date(year, 1, 1), date(year, 6, 30), "month")
                         if half.group(1) == "first"
                         else Period(date(year, 7, 1), date(year, 12, 31), "month"))
            return found
    dm = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE
                   + r"(?![\w-])(?!,?\s*\d)", low)
    md = re.search(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)", low)
    if dm or md:
        # a day without its year ("on 19 May"): that day of the year the question is asked in
        day, month = (int(dm.group(1)), dm.group(2)) if dm else (int(md.group(2)), md.group(1))
        found = _day_period(as_of.year, _MONTHS[month], day)
        if found is None:
            raise BlocgraphError(f"cannot use the date '{(dm or md).group().strip()}': no such day")
        return found
    bare = re.search(r"\b(in|since|by|until|till|from|during|early|late|mid|end of|start of|"
                     r"on|before|after) " + _MONTH_RE + r"(?!\s*\d)", low)
    if bare:
        # a month without its year: that month of the year the question is asked in
        return _month_period(as_of.year, _MONTHS[bare.group(2)])
    if re.search(r"\bthis year\b", low):
        return _year_period(as_of.year, "this year")
    if re.search(r"\blast year\b", low):
        return _year_period(as_of.year - 1, "last year")
    if re.search(r"\bnext year\b", low):
        return _year_period(as_of.year + 1, "next year")
    if re.search(r"\b(tomorrow)\b", low):
        d = as_of + timedelta(days=1)
        return Period.day(d, "tomorrow")
    if re.search(
        r"\b(now|currently|current|at present|presently|today|at the moment|still|"
        r"incumbent|these days)\b",
        low,
    ):
        return Period.now(as_of)
    return None


FIRST_YEAR, LAST_YEAR = 1900, 2100


def _check_dates(low: str) -> None:
    """Dates the graph cannot use are said so, never dropped: a year outside the range
    the graph can hold, an impossible day ("2023-02-30", "30 February 2023")."""
    for m in re.finditer(r"\b(in|since|until|till|before|after|of|by|during|from|year|on) "
                         r"(\d{3,4})\b(?!-\d)", low):
        year = int(m.group(2))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise BlocgraphError(
                f"cannot use the date '{m.group(2)}': the graph holds years "
                f"{FIRST_YEAR} to {LAST_YEAR}")
    for m in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", low):
        if _day_period(int(m.group(1)), int(m.group(2)), int(m.group(3))) is None:
            raise BlocgraphError(f"cannot use the date '{m.group()}': no such day")
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE +
                         r",?\s+(\d{4})\b", low):
        if _day_period(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1))) is None:
            raise BlocgraphError(f"cannot use the date '{m.group()}': no such day")
    for m in re.finditer(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
                         low):
        if _day_period(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2))) is None:
            raise BlocgraphError(f"cannot use the date '{m.group()}': no such day")
    m = re.search(r"\b(\d{4})-(\d{2})\b(?!-)", low)
    if m and not 1 <= int(m.group(2)) <= 12 and not (
            int(m.group(1)) < int(m.group(1)[:2] + m.group(2)) and len(m.group(2)) == 2):
        raise BlocgraphError(f"cannot use the date '{m.group()}': no such month")


def _norm_title(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()


def _title(low: str) -> str | None:
    """The post a question names, in the graph's canonical spelling."""
    text = " " + _norm_title(low) + " "
    if re.search(r"(?<!deputy )(?<!vice )\bchair(man|woman|person)? of the ([\w-]+ ){0,4}"
                 r"commission\b", text):
        return "chairperson of the commission"
    if re.search(r"\bchair\w*\b.*\bexecutive committee\b", text):
        return "chairman of the executive committee"
    if re.search(r"\bchair(man|woman|person)? in office\b", text) and re.match(r"\s*who\b", text):
        if not re.match(r"\s*who\b.*\b(country|state|nation|member)\b", text):
            return "chairperson in office"
    if re.match(r"\s*who (heads|headed|leads|led|is the head of|was the head of|is in charge of|"
                r"runs|ran) the ([\w-]+ ){0,4}commission\b", text):
        return "chairperson of the commission"  # the AU's, the ECOWAS's
    if re.match(r"\s*who (heads|headed|leads|led|is the head of|was the head of|is the leader of|"
                r"was the leader of|runs|ran|is in charge of|was in charge of)\b", text) and \
            not re.match(r"\s*who \w+ (\S+ ){0,2}delegation\b", text):
        return "head"  # (not "who led China's delegation": the representative asked)
    for title in known_titles():  # the one title table (core/data/posts.csv)
        if re.search(r"(?<![\w])" + re.escape(_norm_title(title)) + r"(?![\w])", text):
            return post_class(title)[0]
    return None


def chair_words(low: str) -> bool:
    return bool(_CHAIR.search(low)) or "held the chair" in low


def state_position(parsed: Parsed, low_index: int) -> bool:
    """Whether a state is named before this offset of the question."""
    return any(s < low_index for s, _ in parsed.state_spans)
