"""Dates in news sentences, resolved against the article's publication date.

News rarely writes full dates: "last November", "next year", "on Tuesday", "from 1 July".
Each is resolved with the precision the text gives (a year, a month or a day) so that the
graph says what the article says and no more: "for 2024" is the year 2024, not 1 January.
A date whose year the text leaves out takes it from the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: i
    for i, names in enumerate(
        [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for name in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"  # noqa: E501
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_MOD = r"(?:(?P<mod>(?i:last|next|this|past|coming|early|late|mid|the end of|the start of|the beginning of|the first half of|the second half of|the middle of|in late|in early|in mid))[\s-]+)?"  # noqa: E501

_PATTERNS = [
    ("range_dmy", rf"(?P<d1>{_DAY})\s*(?:-|\u2013|to|and)\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
    ("range_mdy", rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|\u2013|to|and)\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
    ("iso", r"(?P<y>\d{4})-(?P<mm>\d{2})-(?P<dd>\d{2})"),
    # "on 09.11.2023", "17/09/2021": day first, as Russian, French and most official English
    # texts write it (a month above 12 is no date)
    ("numeric", r"(?P<dd>[0-3]?\d)[./](?P<mm>0?[1-9]|1[0-2])[./](?P<y>(?:19|20)\d\d)(?!\d|[./]\d)"),
    # ("on 8 October last year": the day of that year)
    ("dmy", rf"(?:{_WEEKDAY},?\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rely>next|last|this)\s+year)?"),  # noqa: E501
    ("mdy", rf"(?:{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rely>next|last|this)\s+year)?"),  # noqa: E501
    ("half", rf"(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next)\s+year)"),  # noqa: E501
    ("yrange", rf"(?P<y>{_YEAR})\s*(?:-|\u2013|/|to)\s*(?P<y2>{_YEAR}|\d\d)\b"),
    # "at the turn of November and December 2024", "in May-June 2023": the first month, of
    # the year written after the second
    ("mmy", rf"(?P<m>{_MONTH})\s*(?:and|or|to|-|\u2013|/)\s*(?P<m2>{_MONTH})\s+(?P<y>{_YEAR})"),
    ("my", rf"{_MOD}(?P<m>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_YEAR})|\s+(?:of\s+)?(?P<rely>next|last|this)\s+year)?"),  # noqa: E501
    ("relyear", r"(?P<rel>(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Tt]he previous|[Tt]he following|[Tt]he coming|[Tt]he past|[Tt]he current|[Tt]he present))\s+year"),  # noqa: E501
    ("relmonth", r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+current)\s+month"),
    # "last summer", "this spring": the year of that season (northern, as the wires write)
    ("relseason", r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+"
                  r"(?P<season>summer|winter|spring|autumn|fall)"),
    # "a year ago", "two years ago"
    # ("Quito had itself taken the chair a year earlier": reckoned from the report)
    ("ago", r"(?P<n>a|one|two|three|four|five|\d)\s+years?\s+(?:ago|earlier)(?!\s+than)"),
    # "today", "tonight", "this evening", "yesterday", "tomorrow", "this weekend"
    ("relday", r"(?i:(?P<day>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|"
               r"weekend)|last\s+night))"),
    # "from Tuesday to Thursday": the days of the report's week (or the one before)
    ("wdrange", rf"from\s+(?P<wd>{_WEEKDAY})\s+(?:to|until|till|through)\s+(?P<wd2>{_WEEKDAY})"),
    # "this week", "earlier this week", "last week": the Monday to Sunday of that week
    ("relweek", r"(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+week"),
    ("weekday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<wd>{_WEEKDAY})"),
    ("year", rf"(?P<y>{_YEAR})(?![-\d])"),
]
# Names compiled with repeated group names are not allowed; compile one regex per pattern.
_COMPILED = [
    (name, re.compile(r"(?<![\w-])(?:" + rx + r")(?![\w])")) for name, rx in _PATTERNS
]


# the patterns that give one day, its year written or inferred
DAY_KINDS = ("dmy", "mdy", "iso", "numeric")


@dataclass(frozen=True)
class DateMention:
    """A date in a sentence: `start`/`end` are the ISO partial dates it covers."""

    start_char: int
    end_char: int
    text: str
    start: str | None  # "2024", "2024-05" or "2024-05-01"
    end: str | None
    kind: str  # the pattern that found it
    relative: bool = False


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _last_day(y: int, m: int) -> str:
    return date(y, m, calendar.monthrange(y, m)[1]).isoformat()


def _infer_year(month: int, published: date | None, mod: str | None) -> int | None:
    """The year of a month named without one: past for "last", future for "next"."""
    if published is None:
        return None
    y = published.year
    mod = (mod or "").lower()
    if "last" in mod or "past" in mod:
        return y if month < published.month else y - 1
    if "next" in mod or "coming" in mod:
        return y if month > published.month else y + 1
    # a bare month: the nearest one, at most ~6 months ahead of publication
    if month - published.month > 6:
        return y - 1
    if published.month - month > 8:
        return y + 1
    return y


def _resolve(kind: str, g: dict[str, str | None], published: date | None) -> tuple[
    str | None, str | None, bool
]:
    y = int(g["y"]) if g.get("y") else None
    pub_year = published.year if published else None
    if kind in ("iso", "numeric"):
        d = _ymd(int(g["y"]), int(g["mm"]), int(g["dd"]))
        return d, d, False
    if kind in ("dmy", "mdy"):
        m = _month(g["m"])
        year = y if y is not None else _infer_year(m, published, None)
        if g.get("rely"):  # "8 October last year"
            if pub_year is None:
                return None, None, True
            year = pub_year + {"next": 1, "last": -1, "this": 0}[g["rely"].lower()]
        if year is None:
            return None, None, True
        d = _ymd(year, m, int(re.sub(r"\D", "", g["d"])))
        return d, d, y is None
    if kind in ("range_dmy", "range_mdy"):
        m = _month(g["m"])
        year = y if y is not None else _infer_year(m, published, None)
        if year is None:
            return None, None, True
        d1 = _ymd(year, m, int(re.sub(r"\D", "", g["d1"])))
        d2 = _ymd(year, m, int(re.sub(r"\D", "", g["d2"])))
        return d1, d2, y is None
    if kind == "half":
        year = y
        if year is None and pub_year is not None:
            year = pub_year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        if year is None:
            return None, None, True
        if g["half"].lower() == "first":
            return f"{year}-01-01", f"{year}-06-30", y is None
        return f"{year}-07-01", f"{year}-12-31", y is None
    if kind == "yrange":
        y2 = g["y2"]
        end_year = int(y2) if len(y2) == 4 else int(str(y)[:2] + y2)
        if end_year < y:
            return None, None, False
        return str(y), str(end_year), False
    if kind == "mmy":
        return _ym(y, _month(g["m"])), _ym(y, _month(g["m2"])), False
    if kind == "my":
        m = _month(g["m"])
        year = y if y is not None else _infer_year(m, published, g.get("mod"))
        if g.get("rely"):  # "July next year"
            if pub_year is None:
                return None, None, True
            year = pub_year + {"next": 1, "last": -1, "this": 0}[g["rely"].lower()]
        if year is None:
            return None, None, True
        return _ym(year, m), _ym(year, m), y is None
    if kind == "relyear":
        if pub_year is None:
            return None, None, True
        rel = g["rel"].lower()
        shift = -1 if ("last" in rel or "previous" in rel or "past" in rel) else (
            1 if ("next" in rel or "following" in rel or "coming" in rel) else 0)
        return str(pub_year + shift), str(pub_year + shift), True
    if kind == "relday":
        if published is None:
            return None, None, True
        word = " ".join(g["day"].lower().split())
        if word == "this weekend":  # the Saturday and Sunday of the publication's week
            saturday = published + timedelta(days=(5 - published.weekday()) % 7)
            if published.weekday() == 6:
                saturday = published - timedelta(days=1)
            return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), True
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        day = (published + timedelta(days=shift)).isoformat()
        return day, day, True
    if kind in ("relseason", "ago"):
        if pub_year is None:
            return None, None, True
        if kind == "ago":
            n = g["n"].lower()
            shift = -int(n) if n.isdigit() else -_COUNTS[n]
            if shift == -1 and published is not None:
                # "a year ago": that month of last year, a point in time, not a year's span
                return _ym(pub_year - 1, published.month), _ym(pub_year - 1,
                                                               published.month), True
        else:
            shift = {"last": -1, "past": -1, "next": 1, "this": 0}[g["rel"].lower()]
        return str(pub_year + shift), str(pub_year + shift), True
    if kind == "relmonth":
        if published is None:
            return None, None, True
        shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        month_index = published.year * 12 + published.month - 1 + shift
        ym = _ym(month_index // 12, month_index % 12 + 1)
        return ym, ym, True
    if kind == "wdrange":
        if published is None:
            return None, None, True
        start_day, end_day = (_WEEKDAYS.index(g[k].lower()) for k in ("wd", "wd2"))
        last = published - timedelta(days=(published.weekday() - end_day) % 7)
        first = last - timedelta(days=(end_day - start_day) % 7)
        return first.isoformat(), last.isoformat(), True
    if kind == "relweek":
        if published is None:
            return None, None, True
        rel = g["rel"].lower().split()[-1]
        monday = published - timedelta(days=published.weekday()) + timedelta(
            weeks={"last": -1, "next": 1}.get(rel, 0))
        sunday = monday + timedelta(days=6)
        # this week's part the report can speak of: "earlier this week" up to its day,
        # "later this week" after it ("met this week" on a Friday: Monday to Friday)
        first = published if g["rel"].lower().startswith("later") else monday
        last = published if rel == "this" and not g["rel"].lower().startswith("later") \
            else sunday
        if first.month != last.month and rel in ("last", "next"):
            return monday.isoformat(), sunday.isoformat(), True  # its seven days
        if first.month != last.month:
            # this week across two months, the day unknown: the month most of its days up
            # to the report are in (the later on a tie, nearer the report)
            before = (date(last.year, last.month, 1) - first).days
            if before > (last - date(last.year, last.month, 1)).days + 1:
                last = date(first.year, first.month, 1)
            else:
                first = date(last.year, last.month, 1)
        return _ym(first.year, first.month), _ym(first.year, first.month), True
    if kind == "weekday":
        if published is None:
            return None, None, True
        target = _WEEKDAYS.index(g["wd"].lower())
        rel = (g.get("rel") or "").lower()
        delta = (published.weekday() - target) % 7
        if rel == "next":
            day = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        elif rel == "last":
            day = published - timedelta(days=delta or 7)
        else:
            day = published - timedelta(days=delta)
        return day.isoformat(), day.isoformat(), True
    if kind == "year":
        return str(y), str(y), False
    return None, None, False


# One scan finds where a date may start; only there are the twelve patterns tried, anchored.
_ANY = re.compile(
    r"\b(?=[\dA-Zlntpcemifsyao])(?<![\w-])(?:"
    + "|".join(re.sub(r"\(\?P<\w+>", "(?:", rx) for _, rx in _PATTERNS) + ")")
# (the weekdays whose initials no month shares, "Tuesday" alone, are cheap starts too)
_CHEAP = re.compile(r"\d|[JFMASOND][a-z]{2}|Tues|Thur|Wedn|year|month|"
                    r"(?i:today|tonight|yesterday|tomorrow|week|"
                    r"weekend|morning|afternoon|evening|night|summer|winter|spring|autumn|fall)")


_ABBREVIATED = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_MONTH_BEFORE = re.compile(r"\b(?:in|since|from|until|till|by|of|early|late|mid|last|next|this|"
                           r"during|before|after)\s+$", re.IGNORECASE)


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """Every date mention in `text`, longest first where two overlap; offsets shifted by offset."""
    candidates: list[tuple[int, int, str, dict]] = []
    if not _CHEAP.search(text):
        return []
    position = 0
    while True:
        hit = _ANY.search(text, position)
        if hit is None:
            break
        start = hit.start()
        furthest = start + 1
        for kind, rx in _COMPILED:
            m = rx.match(text, start)
            if m:
                candidates.append((start, m.end(), kind, m.groupdict()))
                furthest = max(furthest, m.end())
        position = furthest if furthest > start + 1 else start + 1
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[DateMention] = []
    cursor = -1
    for start, end, kind, groups in candidates:
        if start < cursor:
            continue
        if kind == "my" and not groups.get("y") and not groups.get("rely") \
                and groups["m"].rstrip(".").lower() in _ABBREVIATED \
                and not groups.get("mod") and not _MONTH_BEFORE.search(text, 0, start):
            continue  # "Jan Novak", "Dec." alone: a name or an abbreviation, not a month
        if kind == "my" and groups["m"].lower().rstrip(".") == "may" and not groups.get("y") \
                and not groups.get("mod") and not _month_context(text, start):
            continue  # "may" the verb
        if kind == "weekday" and not _weekday_context(text, start):
            continue
        if kind == "mdy" and groups["m"].lower() == "may" and not groups.get("y"):
            continue
        first, last, relative = _resolve(kind, groups, published)
        if first is None:
            continue
        if kind in ("my", "dmy", "mdy") and not groups.get("y") and not groups.get("mod") \
                and not groups.get("rely") and published is not None \
                and first[:7] > published.isoformat()[:7] and _PAST_BEFORE.search(
                    text, max(0, start - 130), start) and not _AHEAD_BEFORE.search(
                    text, max(0, start - 130), start):
            # "Budapest's presidency began in July", written in January: last year's July
            year = str(int(first[:4]) - 1)
            first, last = year + first[4:], year + last[4:]
        elif kind in ("my", "dmy", "mdy") and not groups.get("y") and not groups.get("mod") \
                and not groups.get("rely") and published is not None \
                and first[:7] < published.isoformat()[:7] and _FUTURE_BEFORE.search(
                    text, max(0, start - 50), start):
            # "X is next in line from January", written in June: next year's January
            year = str(int(first[:4]) + 1)
            first, last = year + first[4:], year + last[4:]
        if kind == "weekday" and not groups.get("rel") and published is not None \
                and first < published.isoformat() and _WEEKDAY_AHEAD.search(
                    text, max(0, start - 60), start):
            # "ministers will meet in Baku on Thursday", written on a Wednesday: the next one
            first = last = (date.fromisoformat(first) + timedelta(days=7)).isoformat()
        if kind in ("dmy", "mdy", "my", "range_dmy", "range_mdy") and not groups.get("y") \
                and not groups.get("mod") and not groups.get("rely") and out \
                and not out[-1].relative \
                and out[-1].kind in (*DAY_KINDS, "range_dmy", "range_mdy"):
            # "on 14 August 2008 ... which began on 7 August": the year just given
            year = out[-1].start[:4]
            first, last = year + first[4:], year + last[4:]
        same = re.match(r"\s+(?:of\s+)?(?:the\s+same|that)\s+year\b", text[end:])
        if kind in ("dmy", "mdy", "my") and not groups.get("y") and same and out:
            # "in August of the same year": the year of the date just given
            year = out[-1].start[:4]
            first, last = year + first[4:], year + last[4:]
            end += same.end()
        if kind in ("dmy", "mdy", "my") and not groups.get("y") and not groups.get("mod") \
                and not groups.get("rely") and out and out[-1].start and _THAT_YEAR.search(
                    text, out[-1].end_char - offset, start):
            # "chaired it in 2024 and hosted that year's summit in October": 2024's October
            year = out[-1].start[:4]
            first, last = year + first[4:], year + last[4:]
        cursor = end
        out.append(DateMention(start + offset, end + offset, text[start:end], first, last, kind,
                               relative))
    return out


_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year(?:['\u2019]s)?\b", re.IGNORECASE)
_PAST_VERB = (r"\b(?:began|started|opened|took\s+over|assumed|ended|was|were|had|held|handed|"
              r"passed|took|became|joined|received|inherited|succeeded|replaced)\b")
# a month before publication when a past verb governs it: "has held the chair since 1 January",
# "since Warsaw took over from Sweden in January" (written in December)
_PAST_BEFORE = re.compile(
    r"\bsince\s+$|\bsince\s+(?:receiving|taking|assuming|inheriting|being|its|his|her|"
    r"their)\b[^.;:]{0,110}?\b(?:on|in)\s+$|"
    + _PAST_VERB + r"\s+(?:on\s+|in\s+|since\s+)?$|" + _PAST_VERB
    + r"(?:(?!\b(?:will|shall|would|is\s+to|are\s+to|due|set\s+to|next|expected)\b)[^.;:]){1,30}?"
    r"\b(?:on|in)\s+$", re.IGNORECASE)


# a future or planned clause before the date: "will be held in Montevideo on December 6"
_AHEAD_BEFORE = re.compile(r"\b(?:will|shall|would|is\s+to|are\s+to|to\s+be|due|set\s+to|"
                           r"scheduled|planned|expected|next|upcoming|coming)\b[^.;:]*$",
                           re.IGNORECASE)


# a weekday governed by a verb ahead: "will meet on Thursday", "are due to arrive on Friday"
_WEEKDAY_AHEAD = re.compile(r"\b(?:will|shall|is\s+(?:due|set|scheduled|expected)\s+to|"
                            r"are\s+(?:due|set|scheduled|expected)\s+to|is\s+to|are\s+to|"
                            # the present of a lead: "ministers meet in Pokhara on Thursday"
                            r"meet|meets|gather|gathers|convene|convenes|open|opens|begin|begins)\b"
                            r"[^.;]{0,40}?\bon\s+$", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|next\s+in\s+line|is\s+(?:due|set)\s+to|is\s+to|"
                            r"takes\s+over)\b[^.;]{0,40}?\b(?:from|in|on)\s+$", re.IGNORECASE)


def _month_context(text: str, start: int) -> bool:
    # ("In May, the leaders met": the sentence's first word too)
    return bool(re.search(r"(?:\bin|\bof|\bsince|\buntil|\bby|\bfrom|\bbefore|\bafter|\blate|"
                          r"\bearly|\bmid|\bsince)\s+$", text[max(0, start - 12):start],
                          re.IGNORECASE))


def _weekday_context(text: str, start: int) -> bool:
    if re.match(r"[A-Z][a-z]+day['\u2019]s\s+(?:meeting|summit|session|talks|vote|ceremony|"
                r"gathering|conference)", text[start:start + 40]):
        return True  # "at the end of Tuesday's meeting"
    return bool(re.search(r"(?:\bon|\blast|\bnext|\bthis|\bby|\buntil|\bsince)\s+$",
                          text[max(0, start - 8):start], re.IGNORECASE))


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


def shift_year(iso: str | None, years: int) -> str | None:
    """The year before or after a date's year, at year precision ("2024-07" -> "2023")."""
    return str(int(iso[:4]) + years) if iso else None


def period_of(mention: DateMention) -> tuple[str | None, str | None]:
    """The interval a mention covers: a year stays a year, a day range keeps both ends."""
    return mention.start, mention.end


def expand(iso: str | None, *, end: bool = False) -> str | None:
    """A partial date's first (or last) day, for comparisons."""
    if not iso:
        return None
    parts = iso.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return f"{y}-12-31" if end else f"{y}-01-01"
    if len(parts) == 2:
        return _last_day(y, int(parts[1])) if end else f"{iso}-01"
    return iso
