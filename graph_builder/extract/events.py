"""Summits, meetings and clashes: where, when, who came and who stayed away.

A summit is often named many times ("the CSTO summit in Minsk") and dated once ("hosted by
Minsk last November"); mentions are gathered per place and take the first date the article
gives for that place. The place may be a city ("in Minsk"), a state's capital named by the
state ("in the Kyrgyz capital"), or, for the meeting the article reports, the city of its
dateline ("BISHKEK - The leaders met on Thursday"). A summit is a meeting of leaders: the
word itself, or leaders / heads of state meeting. A clash names its sides (capitals acting
for states count: "clashes with Baku") and each date it gives is one clash.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from graph_builder.core import places
from graph_builder.core.facts import Event
from graph_builder.core.reference import Entity, get
from graph_builder.core.vocab import slugify
from graph_builder.extract import phrases
from graph_builder.extract.clashes import clashes as clashes_in
from graph_builder.extract.common import SA, C, T, evidence, negated
from graph_builder.extract.context import Context, Masked
from graph_builder.extract.date_phrases import DateMention
from graph_builder.extract.datelines import DATELINE, dateline_city
from graph_builder.extract.datelines import headline_city as _headline_city
from graph_builder.extract.event_lists import listed_places
from graph_builder.extract.timeline_lines import line_date

# the organ of leaders that meets: its session is a summit ("the session of the Supreme
# Eurasian Economic Council", "the Council of Heads of State met", lexicon/summit_organs.txt)
_SUMMIT_ORGANS = r"\b(?:" + "|".join(phrases.lines("summit_organs.txt")) + r")\b"
_MEETING = re.compile(r"\b(?P<type>summits?|meetings?|gatherings?|sessions?|talks|conferences?|met|"
                      r"gathered|gathers?|convened|ministerial|came\s+together|assembled|"
                      r"huddled|retreat|sat\s+down(?=\s+(?:in|at|together)\b)|"
                      # the leaders' organ itself held: "the next council of heads of state
                      # will be held in Turkmenistan"
                      r"(?:" + _SUMMIT_ORGANS + r")(?=[^.;]{0,40}?\b(?:held|met|convene[sd]?|"
                      r"meets?\s+in|take\s+place|took\s+place)\b))\b", re.IGNORECASE)
# where a gathering is: "in Minsk", "hosted by Minsk", "the Minsk summit", "Minsk hosted the
# leaders", and a live report's "from Tianjin, where the leaders have gathered"
_PLACE = re.compile(r"(?:\b(?:in|at|to|near|outside|hosted\s+by|capital\s+of|city\s+of)\s+"
                    r"(?:the\s+)?"
                    r"(?:(?:\w+\s+){0,2}?|(?:\w+\s+)?(?:town|city|resort|capital)\s+of\s+)" + C
                    + r"|" + C + r"\s+(?:summit|meeting|gathering|session)"
                    + r"|" + C + r"\s+(?:hosted|hosts|is\s+hosting|was\s+hosting|played\s+host)\b"
                    + r"|\bfrom\s+" + C + r",\s+where\b)")
# "the chairmanship passed to Baku": the state taking over, not where anyone met
_HANDED_TO = re.compile(r"\b(?:pass(?:ed|es)?|hand(?:ed|s)?(?:\s+over)?|went|goes|mov(?:ed|es)|"
                        r"transferred|over)\s+to\s+$|"
                        # "the handover from Yerevan to Minsk": capitals for their states
                        r"\bfrom\s+\u27e6C\d+\u27e7\s+to\s+$", re.IGNORECASE)
# "in the Kyrgyz capital", "in the capital of Kyrgyzstan"
# "in the Kyrgyz capital", "in the capital of Kyrgyzstan", and as the sentence's subject or
# object, "the Kyrgyz capital hosted the summit", "Kazakhstan's capital welcomed the leaders"
_CAPITAL = re.compile(r"\bthe\s+" + SA + r"\s+capital\b|\bcapital\s+of\s+" + SA + r"|"
                      + SA + r"['\u2019]s\s+capital\b(?!\s+of\b)", re.IGNORECASE)
_SUMMIT = re.compile(r"\bsummits?\b|\bleaders\b|\bheads\s+of\s+(?:state|government)\b|"
                     r"\bleaders'|" + _SUMMIT_ORGANS, re.IGNORECASE)
_UNREAL = phrases.words("event_unreal.txt")
# called off or hypothetical: the lines above the planned ones
_CALLED_OFF = re.compile(r"\b(?:" + "|".join(phrases.lines("event_unreal.txt",
                                                             before="# -- planned"))
                         + r")\b", re.IGNORECASE)
# "a summit is planned for Cusco", "scheduled for Lima": where a planned gathering is to be
_PLANNED_FOR = re.compile(r"\b(?:planned|scheduled|set|due|slated)\s+(?:to\s+take\s+place\s+)?"
                          r"(?:for|in)\s+(?:the\s+)?(?:" + C + r"|(?P<name>[A-Z][\w'\u2019-]+"
                          r"(?:\s+[A-Z][\w'\u2019-]+){0,2})(?![\w\u27e6]))")
# a planned gathering placed in a state alone: "the next council will be held in Turkmenistan
# on 9 October 2026", "Madagascar will host the 45th Ordinary Summit in August 2025"
_PLANNED_IN_STATE = re.compile(
    r"\b(?:be\s+held|take\s+place|convene|meet|gather)\s+in\s+(?:the\s+)?" + SA
    + r"(?![^.;]{0,12}\bcapital\b)|" + SA + r"\s+(?:will|is\s+to|is\s+due\s+to)\s+"
    r"(?:\w+\s+)?host\b", re.IGNORECASE)
_ABSENT = re.compile(
    SA + r"(?:'s\s+(?:delegation|leader|president|prime minister))?[^.;]{0,40}?\b(?:had\s+no\s+"
    r"representation|failed\s+to\s+send|sent\s+no|did\s+not\s+(?:attend|send|come)|was\s+absent|"
    r"skipped|stayed\s+away|boycotted|missed)|" + SA + r"'s\s+absence|\bwithout\s+" + SA
    + r"|absence\s+of\s+(?:the\s+)?" + SA, re.IGNORECASE)
# "held in Arusha", "in the mountain resort of Gyeongju": a city the curated table does not
# search for, looked up by name in GeoNames (graph_builder.core.places)
_PLACE_NAME = re.compile(
    r"\b(?:in|at|on(?=\s+(?:the\s+)?(?:\S+\s+)?islands?\b))\s+(?:the\s+)?(?:(?:\w+\s+|"
    r"\u27e6[SA]\d+\u27e7\s+)?(?P<kind>city|town|resort|port|capital|village|island)"
    r"\s+of\s+)?"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})(?![\w\u27e6])"
    # "a ministerial council near Cartagena": the nearest city names the venue's place
    r"|\bnear\s+(?P<near>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)(?![\w\u27e6])")


def _named_place(name: str) -> Entity:
    """A town the tables do not know, which the text calls one ("the resort of Gabala"):
    its name is the place; the state it lies in is left unknown."""
    return Entity("city", slugify(name), name, None, (name,))


def _capital(state: Entity | None) -> Entity | None:
    if state is None or state.kind != "state" or not state.capital:
        return None
    try:
        return get("city", state.capital)
    except Exception:  # noqa: BLE001 - a capital missing from the city table is no place
        return None


# a gathering held in a state whose capital bears its name: "held in Kuwait", "in Singapore"
_IN_CITY_STATE = re.compile(r"\b(?:held|met|meeting|gathered|convened|took\s+place|take\s+place|"
                            r"summit|session)\s+in\s+" + SA + r"(?!['\u2019]s)", re.IGNORECASE)


def _city_state(state: Entity | None) -> Entity | None:
    """The city a state's name stands for when its capital is named after it (Kuwait City,
    Singapore, Djibouti City), written as the text names it; else None."""
    if state is None or state.kind != "state" or state.capital not in (
            state.slug, f"{state.slug}-city"):
        return None
    if state.capital == state.slug:
        return _capital(state)
    return Entity("city", state.slug, state.label, None, (state.label,), country=state.slug)


def _places(sentence: Masked, named: dict[str, Entity]) -> list[tuple[int, Entity]]:
    """(position, city) of each place the sentence names for a gathering; `named` holds the
    towns the article has called one, found again by name alone ("met in Gabala")."""
    masked = sentence.masked
    out: list[tuple[int, Entity]] = []
    if "\u27e6C" in masked:
        for m in _PLACE.finditer(masked):
            token = next(g for g in m.groups() if g is not None)
            if _HANDED_TO.search(masked[max(0, m.start() - 30):m.start() + 3]):
                continue
            entity = sentence.item(token).entity
            if entity is not None and entity.kind == "city":
                out.append((m.start(), entity))
    for m in _PLACE_NAME.finditer(masked):
        if masked[m.end():m.end() + 8].lower().startswith(" airport"):
            continue  # "met at Manas airport": a greeting on arrival, not the venue
        name = m.group("name") or m.group("near")
        city = places.by_name(name) or named.get(name)
        if city is None and m.group("kind"):
            city = _named_place(m.group("name"))  # "in the mountain resort of Gabala"
            named[m.group("name")] = city
        if city is not None and all(c.label != city.label for _, c in out):
            out.append((m.start(), city))
    for m in _IN_CITY_STATE.finditer(masked):  # "held in Kuwait on 28 November"
        city = _city_state(sentence.item(m.group(1)).entity)
        if city is not None and all(c.label != city.label for _, c in out):
            out.append((m.start(), city))
    if "capital" in masked:
        for m in _CAPITAL.finditer(masked):
            item = sentence.item(next(g for g in m.groups() if g is not None))
            city = _capital(item.entity)
            if city is not None:
                out.append((m.start(), city))
    return sorted(out, key=lambda pair: pair[0])


# (a prime minister is a leader: "Prime Minister Eke, whose country hosted the meeting")
_OWN_MEETING = re.compile(r"(?<!prime\s)minister|ministerial|council|committee|secretar|envoys|"
                          r"officials",
                          re.IGNORECASE)
def _organ_meets(sentence: Masked) -> bool:
    """"the 76th Session of the Nordic Council": a body's own organ meets (its name masked)."""
    for m in re.finditer(r"\b(?:session|meeting)\s+of\s+(?:the\s+)?\u27e6O(\d+)\u27e7",
                         sentence.masked, re.IGNORECASE):
        if re.search(r"council|committee|assembly", sentence.item(m.group(1)).text, re.I):
            return True
    return False


# the dateline's city written as a pointer: "convened here", "in this Black Sea resort",
# "met in the capital", "in the host city" (not "the capital of X": that names its own)
_HERE = re.compile(r"\bhere\b|\bin\s+this\s+(?:\w+\s+)?(?:city|capital|town|resort)\b"
                   r"|\b(?:in|at)\s+the\s+(?:capital|host\s+(?:city|capital))\b(?!\s+of\b)")
# "the summit in the city", "the city hosted the leaders": the city named last before (else
# the dateline's), "flew to Dushanbe on Monday ... the summit in the city opened"
_THE_CITY = re.compile(r"\b(?:in|at|to)\s+the\s+(?:[a-z]+\s+)?city\b(?!\s+of\b)|\bthe\s+city\s+"
                       r"(?:hosted|hosts|welcomed|played\s+host|was\s+hosting|is\s+hosting)\b")
# a date that bounds something, not a gathering's day: "since May", "pass to X from 1 January"
_NOT_START = re.compile(r"\b(?:for|since|until|till|by|up\s+to|through|towards|beyond)\s+$",
                        re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_MET = re.compile(r"\b(?:met|gathered|convened|was\s+held|were\s+held|took\s+place|"
                  r"held\s+(?:its|their)|assembled|sat\s+down)\b", re.IGNORECASE)
# a date, then a when-clause at a gathering: "since July 2022, when it was chosen at the summit"
_WHEN_AT = re.compile(r"\u27e6T\d+\u27e7,?\s+when\b[^.;\u27e6]{0,60}?\b(?:at|during)\s+"
                      r"(?:the|its|a)\b", re.IGNORECASE)
# the day a chair is taken, before the gathering's word: "will take over the chairmanship on 1
# January and plans to host the summit in Rio" dates the term, not the summit
_AND_THEN = re.compile(r"\band\s+(?:\w+\s+)?(?:plans?|intends?|will|is|hopes?|expects?|"
                       r"wants?|aims?)\b", re.IGNORECASE)
_CHAIR_DAY = re.compile(r"\b(?:chair(?:man|woman|person)?(?:ship)?|presidency)\b[^.;,]{0,30}?"
                        r"\b(?:on|from|as\s+of|in)\s+$", re.IGNORECASE)
_ONLINE = re.compile(r"\b(?:online|virtual(?:ly)?|by\s+video(?:\s+link)?|video\s*conference)\b",
                     re.IGNORECASE)
_TRAVEL = re.compile(r"\b(?:flew|flown|travell?ed|arrived|went|headed|came)\s+(?:\w+\s+)?"
                     r"(?:to|in|into)\s+(?:the\s+)?(?:\u27e6[CS]|[A-Z])")
_SAME_CITY = re.compile(r"\bthe\s+same\s+city\b", re.IGNORECASE)
# "the previous session of the Council": the bare name of the reported gathering's organ
_SAME_ORGAN = re.compile(r"\b(?:session|meeting)s?\s+of\s+the\s+council\b(?!\s+of\b)|"
                         r"\bthe\s+council['\u2019]s\s+(?:\w+\s+)?session\b|"
                         # "the previous gathering in Yerevan", "the previous ordinary session,
                         # the 13th,", "the Ufa meeting in 2015": one series with the report's
                         r"\b(?:previous|last|preceding|former|earlier)\s+(?:ordinary\s+|annual\s+|"
                         r"regular\s+)?(?:session|meeting|gathering)\b|"
                         r"\bthe\s+\u27e6C\d+\u27e7\s+(?:meeting|gathering|session)\b",
                         re.IGNORECASE)
# "held virtually in Colombo": the city it was hosted from is its place
_ONLINE_IN = re.compile(r"\b(?:online|virtual(?:ly)?)\s+(?:\w+\s+)?in\s+\u27e6C", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|to\s+be\s+held|next)\b", re.IGNORECASE)


def _segment(masked: str, position: int) -> tuple[int, int]:
    """The clause around `position`: between semicolons, colons and dashes."""
    start, end = 0, len(masked)
    marks = list(re.finditer(r"[;:]|\s[\u2013\u2014-]\s", masked))
    dashes = [m for m in marks if m.group(0).strip() not in ";:"]
    if len(dashes) == 2 and dashes[1].start() - dashes[0].end() < 160:
        # "the Committee of Ministers - its executive arm - decided ...": an aside in dashes
        marks = [m for m in marks if m not in dashes]
    for m in marks:
        if m.end() <= position:
            start = m.end()
        elif m.start() >= position:
            end = m.start()
            break
    return start, end


_BILATERAL = re.compile(r"\b(?:held\s+talks\s+with|met\s+with|bilateral|on\s+the\s+sidelines\s+of|"
                        r"one-on-one|tete-a-tete)\b", re.IGNORECASE)


def _kind(sentence: Masked, position: int, words: list[int]) -> str:
    """A summit if the word nearest the place says so, or leaders (not ministers) meet, or
    the organ meeting is the leaders' (read in the text: the organ may be masked as a body)."""
    nearest = min(words, key=lambda w: abs(w - position))
    if sentence.masked[nearest:nearest + 6].lower().startswith("summit"):
        return "summit"
    start, end = _segment(sentence.masked, position)  # the clause of the place says the kind
    masked = sentence.masked[start:end]
    if _BILATERAL.search(masked):
        return "meeting"  # "on the sidelines of the summit, X held talks with Y in Guayaquil"
    if re.search(r"(?<!\bprime\s)\bminist(?:er|erial)", masked, re.IGNORECASE):
        return "meeting"
    return "summit" if _SUMMIT.search(masked) or re.search(
        _SUMMIT_ORGANS, sentence.text, re.IGNORECASE) else "meeting"


_GATHERING = r"(?:summit|meeting|session|gathering|conference)"
_CLOSE_DATE = re.compile(r"(?:(?:in|at)\s+(?:the\s+)?)?(?:" + C + r"\s+(?:" + _GATHERING + r"\s+)?|"
                         + _GATHERING + r"\s+)(?:in|on|of)\s+" + T, re.IGNORECASE)


# a venue this close to the city a report is filed from is in that city's area ("Harare - ...
# at the New Parliament Building in Mount Hampden"), as the reports' own readers place it
_SUBURB_KM = 25.0


def _metropolis(place: Entity | None, dateline: Entity | None) -> Entity | None:
    """The dateline's city for a venue in its suburbs, else the venue."""
    if place is None or dateline is None or place.label == dateline.label \
            or not place.country or place.country != dateline.country:
        return place
    km = places.km_between(place.label, dateline.label)
    return dateline if km is not None and km < _SUBURB_KM else place


def _gathering_date(mention: DateMention, published: date | None) -> str | None:
    """When a gathering a date phrase dates took place: "in the second half of 2002" is some
    day of 2002, not its 1 July; "a year ago" is the report's month a year before."""
    if mention.kind == "half" and mention.start:
        return mention.start[:4]
    if mention.kind == "ago" and mention.start and published is not None \
            and re.fullmatch(r"(?:a|one)\s+year\s+ago", mention.text, re.IGNORECASE):
        return f"{mention.start[:4]}-{published.month:02d}"
    return mention.start


# a timeline entry's label: a date opening the line, then a dash or colon
_ENTRY_DATE = re.compile(r"^[\s*_#>\u2022-]*\u27e6T(\d+)\u27e7[*_]*\s*[-\u2013\u2014:]\s")


def _date_of(sentence: Masked, position: int, taken: frozenset[str] = frozenset(),
             published: date | None = None, line_when: str | None = None) -> str | None:
    """The date of a gathering named at `position`: a day if the sentence gives one (a
    gathering happens on a day), else the first date after it, else the last before it;
    never a date `taken` by another place's gathering (a listed place's own date)."""
    masked = sentence.masked
    # a date written with the gathering's own phrase: "the Kazan summit in October"
    close = _CLOSE_DATE.match(masked, position)
    if close and close.group(2) not in taken:
        d = sentence.item(close.group(2)).date
        if d is not None:
            return _gathering_date(d, published)
    entry = _ENTRY_DATE.match(masked)
    if entry and entry.end() <= position:
        # "- **November 1999** – The Istanbul summit adopts ...": a timeline entry's date
        # dates what the entry tells, whatever dates its clauses give ("agrees that X will
        # chair in 2010")
        d = sentence.item(entry.group(1)).date
        if d is not None and d.start and entry.group(1) not in taken:
            return _gathering_date(d, published)
    found: list[tuple[bool, bool, int, str]] = []
    # a date of another clause ("...; Bahrain hosted the previous one a year ago") is its own
    start, end = _segment(masked, position)
    for pos, _, i in sentence.tokens("T", start, end):
        d = sentence.item(i).date
        if pos < position and _CHAIR_DAY.search(masked[max(0, pos - 60):pos]) \
                and _AND_THEN.search(masked, pos, position):
            continue  # (a chair taken at the summit, no second verb, is dated by it)
        # "has chaired since July 2022, when it was chosen at the summit in Sucre": the
        # when-clause's gathering is on the day the span begins
        if d is None or str(i) in taken or (_NOT_START.search(masked[max(0, pos - 12):pos])
                                            and not (pos < position and _WHEN_AT.match(masked,
                                                                                      pos))) \
                or (d.start == d.end and _FROM.search(masked[max(0, pos - 6):pos])):
            continue  # ("from 5 to 6 July" is the gathering's own span)
        when = _gathering_date(d, published)
        if when:
            found.append((len(when) == 10, pos >= position, pos, when))
    if not found:
        # "- **12 July 2013** — Talks in Brussels. The summit in Cuenca adopts ...": the
        # timeline line's date (extract/timeline_lines.py)
        return line_when
    days = [f for f in found if f[0]]
    pool = days or found
    after = [f for f in pool if f[1]]
    return after[0][3] if after else pool[-1][3]


def extract_events(ctx: Context) -> list[Event]:
    events: dict[tuple[str, str], Event] = {}
    dates: dict[tuple[str, str], list[tuple[int, str]]] = {}  # (priority, date), lower first
    absent: dict[str, set[str]] = {}
    clashes: list[Event] = []
    dateline, first_body = dateline_city(ctx)
    headline_city = _headline_city(ctx) if dateline is None else None
    main: tuple[str, str] | None = None  # the gathering the article reports
    own: set[tuple[str, str]] = set()  # meetings named as such (of ministers, of a council)
    headline: set[tuple[str, str]] = set()  # gatherings first named in the title
    headline_pointed: set[tuple[str, str]] = set()  # ... placed there by the dateline only
    unplaced_summit = False
    loose: list[tuple[str, str, set[str]]] = []  # (kind, date, states) of unplaced mentions
    beside: list[Masked] = []  # ministers meeting alongside the summit, no place of their own
    named: dict[str, Entity] = {}  # towns the tables do not know, named as towns in the text
    again: dict[tuple[str, str], set[str]] = {}  # "in 2008 and again in 2015": later years
    last_city: Entity | None = None  # the city the report named last
    loose_evidence: Masked | None = None  # the first sentence of an unplaced gathering
    main_city: Entity | None = None  # where the reported gathering is
    travelled = travelled_before = False  # someone of the report went to a city by then
    previous_day: str | None = None  # the one day the sentence before gave, if it placed none
    summit_number: str | None = None  # the number of the first numbered summit
    headline_summit = False  # the headline or a heading names a summit
    headline_name: str | None = None  # its number and name ("14th Ordinary Session of ...")
    names: dict[tuple[str, str], str] = {}  # each gathering's numbered name, if written
    again_names: dict[tuple[tuple[str, str], str], str] = {}  # ... of another at its place
    ordinals: dict[str, tuple[str, str]] = {}  # "the 66th session": a place's first number, kind
    for index, sentence in enumerate(ctx.sentences):
        masked = sentence.masked
        in_title = sentence.in_title and index != first_body  # (a lead taken for one)
        if index < first_body and not DATELINE.match(sentence.text) and not _MINISTERS.search(
                sentence.text) and re.search(_SUMMIT_ORGANS + r"|\bsummit", sentence.text, re.I):
            headline_summit = True
            m = _ORDINAL.search(masked)  # the headline's "14th Ordinary Session of the Assembly"
            if m and summit_number is None:
                summit_number, headline_name = m.group(1), _unmasked(sentence, m.group(0))
        found_words = [m for m in _MEETING.finditer(masked)
                       if not _GREETED.search(masked[max(0, m.start() - 12):m.start()])]
        meeting = found_words[0] if found_words else None
        window = masked[max(0, meeting.start() - 40):meeting.end() + 40] if meeting else ""
        planned = bool(meeting) and _UNREAL.search(window) is not None
        if meeting and not negated(masked[max(0, meeting.start() - 30):meeting.start()]) \
                and not (planned and (_CALLED_OFF.search(window) or in_title)):
            places: list[tuple[int, Entity | None]] = list(_places(sentence, named))
            listed = [] if planned or in_title else listed_places(sentence)
            if listed:  # "in Dushanbe (2021), Samarkand (2022)": each place its own date
                labels = {item.city.label for item in listed}
                places = sorted([p for p in places if p[1] is None or p[1].label not in labels]
                                + [(item.position, item.city) for item in listed],
                                key=lambda pair: pair[0])
            own_date = {item.position: item.date for item in listed}
            line_when = line_date(ctx, sentence)  # a timeline line's date, for each place
            taken = frozenset(t for item in listed for t in item.tokens)
            pointed = False  # the place is the report's, not written in the sentence
            in_state: str | None = None  # the state alone a planned gathering is placed in
            if planned:  # a planned gathering: its place and date written, else no fact
                places = _planned_places(sentence, places)
                if not places and (m := _PLANNED_IN_STATE.search(masked)):
                    in_state = sentence.state(next(g for g in m.groups() if g is not None))
                    places = [(m.start(), None)] if in_state else []
            elif _ONLINE.search(masked) and not (places and _ONLINE_IN.search(masked)):
                places = [(meeting.start(), None)]  # held online: no place
                pointed = True
            elif not places and (last_city or dateline) is not None and not in_title \
                    and _THE_CITY.search(masked) and not _FUTURE.search(masked):
                # "in the city": the one named last; "in the same city": the reported one's
                same = main_city if _SAME_CITY.search(masked) else None
                places = [(meeting.start(), same or last_city or dateline)]
                pointed = True
            elif not places and dateline is not None and (index == first_body or (
                    (index - first_body < 3 or _HERE.search(masked))
                    and not _FUTURE.search(masked))):
                places = [(meeting.start(), dateline)]  # "BISHKEK - The leaders met on ..."
                pointed = True
            elif not places and headline_city is not None and index == first_body \
                    and not _FUTURE.search(masked):
                places = [(meeting.start(), headline_city)]  # "G20 ends in Johannesburg"
                pointed = True
            if not places and re.search(r"\bsummit\b", masked, re.I) and not in_title \
                    and not planned:
                unplaced_summit = True
            words = [m.start() for m in found_words]
            if not places and not in_title and not planned:
                _unplaced(sentence, meeting.start(), words, loose, beside)
                if loose_evidence is None and loose:
                    loose_evidence, travelled_before = sentence, travelled
            nearest = min(places, key=lambda pair: min(abs(pair[0] - w) for w in words)) \
                if places else None
            for position, place in places:
                place = _metropolis(place, dateline)
                # a place far from every meeting word is where someone is, not where they met
                if (position, place) != nearest and min(abs(position - w) for w in words) > 80 \
                        and position not in own_date:
                    continue
                if (_UNTIL if planned else _YET_TO_COME).search(
                        masked[max(0, position - 50):position]):
                    continue  # "will hold it until the leaders gather in Astana"
                kind = _kind(sentence, position, words)
                if main and not _MINISTERS.search(masked) and (
                        planned and _NEXT_ONE.search(masked) or _SAME_ORGAN.search(masked)):
                    # "the next session will be held in Moscow", "the previous session of the
                    # Council, held in Yerevan": the same organ as the reported gathering's
                    kind = main[0]
                label = place.label if place else f"in {in_state}" if in_state else ""
                numbered = _ordinal_match(masked, position)
                number = numbered.group(1) if numbered else None
                first_number = ordinals.get(label)
                if number and first_number and first_number[0] != number \
                        and not _MINISTERS.search(masked):
                    kind = first_number[1]  # "the 65th session" after the 66th: one series
                elif number and summit_number not in (None, number) \
                        and not _MINISTERS.search(masked):
                    kind = "summit"  # "the 14th summit" ... "since the 13th Ordinary Session"
                key = (kind, label)
                when = None if in_title else own_date.get(position) or _date_of(
                    sentence, position, taken, ctx.published, line_when)
                if planned and not when:
                    continue  # "the next summit will be held in Astana": when is not said
                if in_state and len(when or "") < 7:
                    # "Dushanbe will host the next summit in 2008": no place of its own here;
                    # event_plans.py records it, placed by its host only
                    continue
                if planned:
                    when = _ahead(sentence, when, ctx.published)
                elif when and len(when) == 7 and ctx.published and \
                        when > ctx.published.isoformat()[:7] and _MET.search(masked) \
                        and not _FUTURE.search(masked) and not re.search(
                            r"\b(?:19|20)\d\d\b", sentence.text):
                    # "In May, the leaders met in Cuenca" written in March: last May
                    when = f"{int(when[:4]) - 1}{when[4:]}"
                if when and not planned:
                    for year in _more_years(sentence, position, when):
                        again.setdefault(key, set()).add(year)
                if numbered and when and key not in names and (key, when) not in again_names:
                    names[key] = _unmasked(sentence, numbered.group(0))  # "the 12th OTS summit"
                if number and kind == "summit" and summit_number is None and when:
                    summit_number = number
                if when and not planned and number and not pointed and ordinals.setdefault(
                        label, (number, kind))[0] != number:
                    # "the 66th session ... in Abuja" then "at the 65th session in Abuja on 7
                    # July": another gathering at the same place, on its own date
                    again.setdefault(key, set()).add(when)
                    again_names[(key, when)] = _unmasked(sentence, numbered.group(0))
                    when = None
                elif not when and not planned and not in_title and previous_day \
                        and not _EARLIER.search(masked) and not _FUTURE.search(masked):
                    # "On 26 October, leaders signed ... The ceremony took place at the opening of
                    # the summit at the Kuala Lumpur Convention Centre": the day just given
                    dates.setdefault(key, []).append((3, previous_day))
                if when:
                    # "will meet ..." (not "X will chair next year, Y said, as leaders met")
                    priority = 1 if _FUTURE.search(
                        masked[max(0, meeting.start() - 40):meeting.start()]) else 0
                    dates.setdefault(key, []).append((priority, when))
                    dates.setdefault(("", label), []).append((priority + 2, when))
                if key not in events:
                    host = get("state", place.country).label if place and place.country \
                        else in_state
                    events[key] = Event(
                        kind, place.label if place else None, None, [host] if host else [], [],
                        host=host, organization=ctx.topic_org, evidence=evidence(sentence),
                        origin="extracted", confidence=0.7, rule=f"event.{kind}")
                    if in_title:
                        headline.add(key)
                        if pointed:
                            headline_pointed.add(key)
                if kind == "meeting" and (_OWN_MEETING.search(masked) or _organ_meets(sentence)):
                    own.add(key)
                if main is None and index == first_body:
                    main, main_city = key, place
                for m in _ABSENT.finditer(masked):
                    token = next(g for g in m.groups() if g is not None)
                    state = sentence.state(token)
                    if state:
                        absent.setdefault(label, set()).add(state)
        days = [d.start for _, _, i in sentence.tokens("T")
                if (d := sentence.item(i).date) is not None and d.start and len(d.start) == 10]
        previous_day = days[0] if len(days) == 1 and not sentence.tokens("C") \
            and not in_title else None
        # "Putin flew to Astana on Wednesday": the report's gathering may be away from its
        # dateline
        travelled = travelled or (not in_title and index > first_body - 1 and bool(
            _TRAVEL.search(masked)))
        if not in_title:  # the city "the city" points back to
            cities = [e for _, _, i in sentence.tokens("C")
                      if (e := sentence.item(i).entity) is not None and e.kind == "city"]
            last_city = cities[-1] if cities else last_city
        clashes.extend(clashes_in(sentence, ctx.sentences[index - 1] if index else None))
    city = dateline or headline_city
    if loose and loose_evidence is not None and city is not None and not travelled_before and (
            not events or (main is None and loose[0][0] == "summit"
                           and ("summit", city.label) not in events
                           and not any(k[0] == "summit" and not dates.get(k) for k in events))):
        # "ASTANA - ... The SCO summit opened on 3 July": no place for the report's own
        # gathering (the first sentence spoke of something else), none in the report, or
        # only for other summits already dated ("the previous summit, held in Yerevan in 2022")
        host = get("state", city.country).label if city.country else None
        key = (loose[0][0], city.label)
        events[key] = Event(
            loose[0][0], city.label, None, [host] if host else [], [], host=host,
            organization=ctx.topic_org, evidence=evidence(loose_evidence), origin="extracted",
            confidence=0.6, rule=f"event.{loose[0][0]}-dateline")
        dates.setdefault(key, []).append((4, loose[0][1]))
        loose = loose[1:]
    _date_loose(events, dates, loose, main)
    out = []
    for key, event in events.items():
        # its own dates first, then any date given for a gathering in the same place
        found = sorted(dates.get(key, []) + dates.get(("", key[1]), []), key=lambda p: p[0])
        event.date = found[0][1] if found else None
        if key in headline and dateline is not None and key[1] == dateline.label \
                and travelled and all(p >= 4 for p, _ in found):
            continue  # "Summit wrap" / "MOSCOW - Putin flew to Minsk ...": not the dateline's
        if not event.date and key in headline_pointed and any(
                k[0] == key[0] and k[1] and k[1] != key[1] and dates.get(k) for k in events):
            continue  # "Summit notes" / "MOSCOW - ... the summit opened in Astana": Astana's
        if not event.date and key in headline and ctx.published:
            event.date = ctx.published.isoformat()  # a headline reports what just happened
        if not event.date and (key == main or main is None) \
                and dateline is not None and ctx.published and key[1] == dateline.label:
            # "LIMA, 16 November - APEC leaders met in Lima.": the gathering a report from its
            # city tells of, undated, is of the report's month (also when the report opens
            # with no gathering: "ASTANA - India joined ... at the bloc's summit in the city")
            event.date = ctx.published.isoformat()[:7]
        if not event.date:
            continue
        if key[0] == "meeting" and key not in own and ("summit", key[1]) in events:
            continue  # "travelled to Moscow for the meeting": the summit held there
        if key == main and event.type == "meeting" and (unplaced_summit or (
                headline_summit and key not in own)):
            # a summit named elsewhere in the report, or its headline's ("15th Ordinary
            # Session of the Assembly of Heads of State" / "The Assembly met in Djibouti")
            event.type, event.rule = "summit", "event.summit"
        event.absent = sorted(absent.get(key[1], set()))
        if key == main:
            _attendance(ctx, event)
        event.participants = [p for p in event.participants if p not in event.absent]
        out.append(event)
        event.name = event.name or names.get(key) or (
            headline_name if key == main and event.type == "summit" else None)
        out += [replace(event, date=year, participants=[], absent=[],
                        name=again_names.get((key, year)))
                for year in sorted(again.get(key, set()) - {event.date})]
    reported = events.get(main) if main else None
    return out + _beside_summit(ctx, out, beside, reported) + clashes


# one place given several past years: "hosted the forum in 2008 and again in 2015",
# "was held in Astana in 2005, 2011 and 2017"
_YEAR_LIST = re.compile(r"\bin\s+" + T + r"(?:\s*(?:,|,?\s+and)\s+(?:again\s+)?(?:in\s+)?"
                        + T + r")+")


def _more_years(sentence: Masked, position: int, when: str) -> list[str]:
    """The other years of a year list right after a past gathering's place: each year is a
    gathering of its own there, not one gathering with a list of dates."""
    if len(when) != 4:
        return []
    m = _YEAR_LIST.search(sentence.masked, position, position + 90)
    if m is None:
        return []
    years = [sentence.item(i).date for i in re.findall(r"\u27e6T(\d+)\u27e7", m.group(0))]
    if any(d is None or len(d.start) != 4 for d in years) or when not in {
            d.start for d in years if d is not None}:
        return []
    return [d.start for d in years if d is not None and d.start != when]


_YET_TO_COME = re.compile(r"\b(?:until|till|will|next)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till)\b", re.IGNORECASE)
_NEXT_ONE = re.compile(r"\bnext\s+(?:\w+\s+)?(?:session|meeting|one)\b", re.IGNORECASE)


def _ahead(sentence: Masked, when: str, published: object) -> str:
    """A planned gathering's date is not behind the article: "will meet in Minsk in
    October" written in March is next October; "the 2025 session ... on 3 March" is 2025's."""
    today = published.isoformat() if hasattr(published, "isoformat") else None
    if not today or when >= today[:len(when)] or len(when) < 7:
        return when
    years = [d.start for _, _, i in sentence.tokens("T")
             if (d := sentence.item(i).date) is not None and len(d.start) == 4]
    later = [y for y in years if y > today[:4]]
    year = later[0] if later else str(int(when[:4]) + 1)
    return year + when[4:]


_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,3}?(?:summit|session|meeting|"
                      r"conference)s?\b", re.IGNORECASE)


def _ordinal_match(masked: str, position: int) -> re.Match[str] | None:
    """The numbered name of the gathering named just before or at `position` ("the 65th
    Ordinary Session in Abuja")."""
    start, end = _segment(masked, position)
    found = list(_ORDINAL.finditer(masked, max(start, position - 120), min(end, position + 40)))
    if not found:
        return None
    return min(found, key=lambda m: min(abs(m.start() - position), abs(m.end() - position)))


def _ordinal(masked: str, position: int) -> str | None:
    m = _ordinal_match(masked, position)
    return m.group(1) if m else None


def _unmasked(sentence: Masked, text: str) -> str:
    """A stretch of masked text with its placeholders written out again."""
    return re.sub(r"\u27e6[A-Z](\d+)\u27e7", lambda m: sentence.item(m.group(1)).text, text)


def _planned_places(sentence: Masked, found: list[tuple[int, Entity | None]]) \
        -> list[tuple[int, Entity | None]]:
    """The places a planned gathering is written with: those found, and "planned for X"."""
    out = list(found)
    for m in _PLANNED_FOR.finditer(sentence.masked):
        if m.group("name"):
            city = places.by_name(m.group("name"))
        else:
            entity = sentence.item(m.group(1)).entity
            city = entity if entity is not None and entity.kind == "city" else None
        if city is not None and all(c is None or c.label != city.label for _, c in out):
            out.append((m.start(), city))
    return sorted(out, key=lambda pair: pair[0])
# "was met at the airport by X": a greeting, not a gathering
_GREETED = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.IGNORECASE)
# a gathering before the one reported: its date is not the reported one's
_EARLIER = re.compile(r"\b(?:previous|last|preceding|earlier|past|first|founding|inaugural)\s+"
                      r"(?:\w+\s+)?(?:summit|session|meeting)", re.IGNORECASE)
# ministers meeting beside the summit: "Prior to the Summit, the Council of Foreign Ministers
# met", "the ministers' session held the same day"
_BESIDE = re.compile(r"\b(?:prior\s+to|ahead\s+of|on\s+the\s+eve\s+of|on\s+the\s+sidelines\s+of|"
                     r"alongside|before)\s+the\s+(?:\w+\s+){0,2}summit\b|\bthe\s+same\s+day\b",
                     re.IGNORECASE)
_MINISTERS = re.compile(r"(?<!\bprime\s)\bminist(?:ers?|erial)\b", re.IGNORECASE)
# ministers who meet, not one minister who speaks ("the Minister of Foreign Affairs told
# journalists on the eve of the summit")
_MINISTERS_MEET = re.compile(r"\bminist(?:ers|erial)\b", re.IGNORECASE)


def _unplaced(sentence: Masked, position: int, words: list[int],
              loose: list[tuple[str, str, set[str]]], beside: list[Masked]) -> None:
    """A gathering named without a place: its date may belong to a gathering placed in
    another sentence ("Uzbekistan hosted a summit on Thursday" / "the summit in Tashkent"),
    and ministers meeting beside the summit meet where it is."""
    masked = sentence.masked
    if _FUTURE.search(masked) or _EARLIER.search(masked):
        return
    if _MINISTERS_MEET.search(masked) and _BESIDE.search(masked):
        beside.append(sentence)
        return
    # the date must be written with the gathering ("hosted a summit ... on Thursday"), not in
    # another clause of the sentence ("whose armies fought for five days in late July")
    near = [pos for pos, _, i in sentence.tokens("T") if any(
        0 <= pos - w <= 50 or 0 <= w - pos <= 20 for w in words)]
    when = _date_of(sentence, position) if near else None
    if when and len(when) >= 7:  # a month or a day: a year alone dates nothing exactly
        states = {sentence.state(i) for _, _, i in sentence.tokens("SA")} - {None}
        loose.append((_kind(sentence, position, words), when, states))


def _date_loose(events: dict[tuple[str, str], Event],
                dates: dict[tuple[str, str], list[tuple[int, str]]],
                loose: list[tuple[str, str, set[str]]], main: tuple[str, str] | None) -> None:
    """Give an unplaced mention's date to the one gathering of its kind that has none: the
    one its host state holds, else the reported one, else the only one."""
    for kind, when, states in loose:
        undated = [key for key in events if key[0] == kind
                   and not dates.get(key) and not dates.get(("", key[1]))]
        hosted = [key for key in undated if events[key].host in states]
        pick = hosted if len(hosted) == 1 else [main] if main in undated else undated
        if len(pick) == 1:
            dates.setdefault(pick[0], []).append((4, when))


def _beside_summit(ctx: Context, out: list[Event], beside: list[Masked],
                   reported: Event | None) -> list[Event]:
    """Ministers' meetings held beside the summit the article reports (else the first one
    it names), at its place and date."""
    summits = [e for e in out if e.type == "summit" and e.date]
    if reported in summits:
        summits = [reported]
    if not beside or not summits or any(
            e.type == "meeting" and e.place == summits[0].place for e in out):
        return []
    summit = summits[0]
    return [Event("meeting", summit.place, summit.date, [], [], host=summit.host,
                  organization=ctx.topic_org, evidence=evidence(beside[0]), origin="extracted",
                  confidence=0.6, rule="event.meeting-beside")]


_STATES = r"(?P<who>(?:" + SA + r"(?:'s\s+" + SA + r")?\s*(?:,\s*|,?\s+and\s+))*" + SA \
    + r"(?:'s\s+" + SA + r")?)"
# "Armenia sent no delegation", "Moldova, too, stayed away", "Modi did not travel to ..."
_STAYED_AWAY = re.compile(
    _STATES + r"(?:'s\s+(?:delegation|leader|president|prime\s+minister|head\s+of\s+state))?"
    r"(?:,\s*(?:too|also|again|however),)?(?:(?!\u27e6[SA])[^.;:]){0,80}?\b(?:did\s+not|didn't|"
    r"would\s+not|chose\s+not\s+to|declined\s+to|refused\s+to|failed\s+to)\s+(?:travel|attend|"
    r"come|go|send|take\s+part|join|show\s+up|turn\s+up)\b|" + _STATES.replace("who", "who2")
    + r"(?:,\s*(?:too|also|again|however),)?(?:(?!\u27e6[SA])[^.;:]){0,80}?\b(?:stayed\s+away|"
    r"stays\s+away|skipped|skips|boycotted|boycotts|sent\s+no|was\s+not\s+represented|"
    r"were\s+not\s+represented|(?:was|were)\s+absent|had\s+no\s+representation|missed\s+the|"
    r"was\s+missing|were\s+missing)\b"
    r"|\bwithout\s+(?:the\s+)?(?P<who3>" + SA + r")"
    r"|\babsence\s+of\s+(?:the\s+)?(?P<who4>" + SA + r")|(?P<who5>" + SA + r")'s\s+absence"
    r"|\b(?:chair|seat)\s+(?:reserved\s+for|of)\s+(?P<who6>" + SA + r")\s+(?:stayed|remained|"
    r"was|stood)\s+(?:empty|vacant)", re.IGNORECASE)
_PRESENT = re.compile(
    r"\b(?:took\s+part|takes\s+part|taking\s+part|attended|attending|(?:were|was)\s+present|"
    r"at\s+the\s+table|joined\s+by|among\s+the\s+(?:leaders|heads|participants|guests)|"
    r"participated|in\s+attendance)\b", re.IGNORECASE)
# "the leaders of Russia, Belarus and Kazakhstan": only the states listed
_LEADERS_OF = re.compile(
    r"\b(?:leaders|presidents|heads\s+of\s+(?:state|government)|delegations|prime\s+ministers)"
    r"\s+of\s+(?:the\s+)?(?P<list>" + SA + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?" + SA
    + r")*)", re.IGNORECASE)
_NOT_PRESENT = re.compile(r"\b(?:not|never|no\s+longer|stopped|ceased|observers?|guests?|"
                          r"invited|will|would|next)\b", re.IGNORECASE)
_REPRESENTED = re.compile(
    r"\brepresented\s+(?:by|at\s+(?:a\s+)?lower|\u27e6)|lower[\s-]level|\bsent\s+(?!no\b)"
    r"(?:[\w\u27e6\u27e7]+\s+){0,3}?(?:minister|ministers|deputy|envoy|delegation|ambassador|"
    r"premier|\u27e6S)|\bled\s+the\s+(?:[\w\u27e6\u27e7]+\s+)?delegation|\binstead\b|\bin\s+(?:his|her)\s+place\b|\bon\s+(?:his|her|its)\s+"
    r"behalf\b", re.IGNORECASE)


def _attendance(ctx: Context, event: Event) -> None:
    """Who came to the gathering the article reports and who stayed away, from any sentence
    about it: a clause that names another place or another month is about something else.
    A state whose leader stayed away but which sent someone lower down took part."""
    absent: list[str] = []
    present: list[str] = []
    represented: set[str] = set()
    month = (event.date or "")[:7]
    sentences = ctx.sentences
    for index, sentence in enumerate(sentences):
        masked = sentence.masked
        for clause_start, clause in _clauses(masked):
            if not _same_gathering(sentence, clause_start, clause, event, month):
                continue
            away: list[str] = []
            for m in _STAYED_AWAY.finditer(clause):
                if re.search(r"\b(?:if|whether|could|might|may)\b", clause[:m.start()], re.I):
                    continue
                group = next(g for g in ("who", "who2", "who3", "who4", "who5", "who6")
                             if m.group(g))
                for _, _, i in sentence.tokens("SA", clause_start + m.start(group),
                                               clause_start + m.end(group)):
                    state = sentence.state(i)
                    if state and state not in away:
                        away.append(state)
                rest = masked[clause_start + m.end():]
                following = sentences[index + 1].masked if index + 1 < len(sentences) \
                    and not sentence.in_title else ""
                for state in away:
                    if _REPRESENTED.search(rest) or (_REPRESENTED.search(following) and any(
                            sentences[index + 1].state(i) == state
                            for _, _, i in sentences[index + 1].tokens("SA"))):
                        represented.add(state)
            absent += [a for a in away if a not in absent]
            for m in _LEADERS_OF.finditer(clause):
                if sentence.in_title or _NOT_PRESENT.search(clause[max(0, m.start() - 30):
                                                                      m.start()]):
                    continue
                for _, _, i in sentence.tokens("SA", clause_start + m.start("list"),
                                               clause_start + m.end("list")):
                    state = sentence.state(i)
                    if state and state not in away and state not in present:
                        present.append(state)
            trigger = _PRESENT.search(clause)
            if trigger and not sentence.in_title and not _NOT_PRESENT.search(
                    clause[max(0, trigger.start() - 30):trigger.end()]):
                for _, _, i in sentence.tokens("SA", clause_start, clause_start + len(clause)):
                    state = sentence.state(i)
                    if state and state not in away and state not in present:
                        present.append(state)
    came = [s for s in present + sorted(represented) if s not in event.participants]
    event.participants = event.participants + list(dict.fromkeys(came))
    gone = [s for s in absent if s not in represented and s not in present
            and s not in event.participants]
    event.absent = sorted(set(event.absent) | set(gone))
    event.participants = [p for p in event.participants if p not in event.absent]


def _clauses(masked: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"[;:]", masked):
        out.append((start, masked[start:m.start()]))
        start = m.end()
    out.append((start, masked[start:]))
    return out


def _same_gathering(sentence: Masked, offset: int, clause: str, event: Event,
                    month: str) -> bool:
    """Whether a clause may speak of `event`: it names no other city and no other month."""
    end = offset + len(clause)
    for _, _, i in sentence.tokens("C", offset, end):
        entity = sentence.item(i).entity
        if entity is not None and entity.label != event.place:
            return False
    for _, _, i in sentence.tokens("T", offset, end):
        d = sentence.item(i).date
        if d is None or not month or not d.start.startswith(month[:len(d.start)]) \
                and not month.startswith(d.start):
            return False
    return True

