"""Reading one article file: its text, title and publication date, without the site chrome.

Saved pages carry more than the article: a weather line, "Today: Friday, 23 February,
2024", navigation, cookie banners. Their dates are not the article's, and treating them
as such would shift every relative date ("last November") by months. Plain text and
Markdown are read as written and the dateline is looked for under the title; HTML goes
through trafilatura, which keeps the article body and reads the page's own metadata.

Offsets: every evidence offset blocgraph reports is a character offset into
`Article.text`. For plain text and Markdown that is the decoded file itself; for HTML it
is the text trafilatura extracted (title line, blank line, then the body), since an HTML
page has no meaningful character offsets of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from graph_builder.core.errors import BlocgraphError
from graph_builder.extract.date_phrases import find_dates
from graph_builder.extract.factboxes import factbox_lines

MAX_BYTES = 20 * 1024 * 1024  # far beyond any news article; larger files are not articles
HTML_SUFFIXES = {".html", ".htm"}


@dataclass(frozen=True)
class Article:
    """One article: `text` is what offsets point into; `body` starts at `body_offset`."""

    path: Path
    title: str | None
    published: str | None  # ISO date "YYYY-MM-DD", or None when the article gives none
    body: str
    text: str
    body_offset: int
    title_offset: int | None = None

    @property
    def name(self) -> str:
        return self.path.name


def read_article(path: Path) -> Article:
    """Read and decode an article file; unreadable, empty or binary files raise BlocgraphError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BlocgraphError(
                f"{path}: {size / 1e6:.1f} MB is too large for a news article "
                f"(limit {MAX_BYTES // (1024 * 1024)} MB); split it or leave it out"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise BlocgraphError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = decode(data, path)
    if not text.strip():
        raise BlocgraphError(f"{path}: the file is empty")
    if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(text):
        return _from_html(path, text)
    return from_text(path, text)


def decode(data: bytes, path: Path) -> str:
    """UTF-8 when it is, else the legacy encoding charset-normalizer finds; binary is refused."""
    if not data:
        raise BlocgraphError(f"{path}: the file is empty")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise BlocgraphError(f"{path}: not a text file (binary content)")
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BlocgraphError(f"{path}: not a text file (no text encoding fits its bytes)")
    text = str(best)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise BlocgraphError(f"{path}: not a text file (binary content)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _from_html(path: Path, html: str) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise BlocgraphError(f"{path}: no article text found in the HTML page")
    title = _clean_title(doc.title or "") or None
    body = doc.text.strip()
    published = None
    if doc.date:
        published = _iso(doc.date)
    first_line, _, rest = body.partition("\n")
    if title and first_line.startswith(title):
        title, body = first_line.strip(), rest.lstrip()
    boxes = factbox_lines(html, body)
    if boxes:
        body = body + "\n\n" + "\n\n".join(boxes)
    head = f"{title}\n\n" if title else ""
    text = head + body
    if published is None:
        found = header_date(text, len(head)) or footer_date(text)
        published = found.isoformat() if found else None
    return Article(path, title, published, body, text, len(head), 0 if title else None)


def _clean_title(title: str) -> str:
    """A page title without the site name appended after " | " or " - "."""
    return re.split(r"\s+[|\u2013\u2014]\s+", title.strip())[0].strip()


def _iso(value: str) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


# --- plain text and Markdown ----------------------------------------------------------------

_CHROME = re.compile(
    r"^\s*(?:"
    r"today\b|now\b|current(?:ly)?\b|last updated\b|updated\b|"  # site clock lines
    r"[^\n:]{1,40}:\s*[+\-\u2212]?\d+(?:[.,]\d+)?\s*\u00b0"  # weather "Yerevan: +6 °C"
    r"|(?:[^|\n]{1,30}\|){2,}"  # navigation "Home | Politics | World"
    r"|(?:home|menu|search|subscribe|sign in|log in|share)\b\s*$"
    r")",
    re.IGNORECASE,
)
_DATELINE_PREFIX = re.compile(
    r"^\s*(?:\*\*?|_)?(?:published|posted|date|dated|first published)\s*(?:on)?\s*[:\-]?\s*",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_WORDS = re.compile(
    r"^[\s,.:|/\-*_()]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|" + _MONTHS
    + r"|\d{1,4}(?:st|nd|rd|th)?|at|am|pm|utc|gmt|[+\-]\d{2}:?\d{2}|\d{1,2}:\d{2}(?::\d{2})?"
    r"|cet|cest|msk|edt|est|bst)(?:[\s,.:|/\-*_()]+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|"
    + _MONTHS + r"|\d{1,4}(?:st|nd|rd|th)?|at|am|pm|utc|gmt|[+\-]\d{2}:?\d{2}"
    r"|\d{1,2}:\d{2}(?::\d{2})?|cet|cest|msk|edt|est|bst))*[\s,.*_]*$",
    re.IGNORECASE,
)


def parse_dateline(line: str) -> date | None:
    """The date a line consisting only of a date states ("Monday, 01 January, 2024, 11:36").

    A place before the date ("Kuala Lumpur, 26 October 2025") and a section after a
    separator ("17 May 2023 · Section: Europe") are allowed.
    """
    line = line.replace("*", "").replace("_", " ").strip()
    for part in re.split(r"\s+[\u00b7|\u2022]\s+", line):
        found = _parse_date_only(part)
        if found is None:
            place = re.match(r"^[A-Z][\w.' /-]{1,40}?,\s+(?=\w)", part)
            found = _parse_date_only(part[place.end():]) if place else None
        if found is not None:
            return found
    return None


def _parse_date_only(line: str) -> date | None:
    text = _DATELINE_PREFIX.sub("", line).strip().strip("*_ ")
    if not text or len(text) > 60 or not _DATE_WORDS.match(text):
        return None
    if not re.search(r"\b\d{4}\b", text):
        return None  # a dateline without a year cannot be trusted
    from dateutil import parser as dateutil_parser

    try:
        parsed = dateutil_parser.parse(text, fuzzy=True, dayfirst=not re.match(r"\d{4}", text),
                                       default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed.year > 1900 else None


def from_text(path: Path, text: str) -> Article:
    """Title and dateline of a plain-text or Markdown article; chrome lines are skipped."""
    published: date | None = None
    meta_title: str | None = None
    scan_from = 0
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("'\"")
            if key.strip().lower() == "title" and value:
                meta_title = value
            elif key.strip().lower() in ("date", "published") and value and published is None:
                published = parse_dateline(value) or _iso_date(value)
        scan_from = front.end()

    title: str | None = meta_title
    title_offset: int | None = None
    body_offset = scan_from
    offset = scan_from
    lines = text[scan_from:].split("\n")
    seen_content = 0
    early_date: date | None = None  # a date above the title: the site's clock or the dateline
    for line in lines:
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if seen_content >= 8:
            break
        if _CHROME.match(stripped):
            continue
        when = parse_dateline(stripped)
        if when is not None:
            if title is None and meta_title is None:
                early_date = early_date or when
                continue
            if published is None:
                published = when
            body_offset = min(offset, len(text))
            break
        if title is None and re.match(r"^(?:#{1,3}\s+)?\S", stripped) and len(stripped) < 300:
            md = re.match(r"^#{1,3}\s+", stripped)
            title = stripped[md.end():] if md else stripped
            title_offset = line_start + (len(line) - len(line.lstrip())) + (md.end() if md else 0)
            body_offset = min(offset, len(text))
            seen_content += 1
            continue
        seen_content += 1
        if seen_content >= 3:
            break
    if published is None:
        published = early_date
    if published is None:
        published = header_date(text, body_offset) or footer_date(text)
    body = text[body_offset:]
    return Article(
        path, title, published.isoformat() if published else None, body, text, body_offset,
        title_offset,
    )


# --- a date the header or the wire dateline gives --------------------------------------------
# Wire copy puts the date in the first line of the body ("ASTANA, 12 May 2023 (Agency) –",
# "MOSCOW, March 15. /TASS/."), bylines carry it ("By J. Doe | Posted 12.05.2023"), and a
# dateline often leaves the year out: then the year comes from the article's own dates.

_NUMERIC_DATE = re.compile(r"(?<![\d.])([0-3]?\d)[./]([01]?\d)[./]((?:19|20)\d\d)(?!\d|\.\d)")
_HEADER_WORD = re.compile(r"(?i)\b(?:published|posted|updated|date[ds]?|issued|released|by)\b")
_EVENT_LEAD = re.compile(r"(?i)\b(?:on|in|since|from|until|by|of|at|before|after)\s*$")
# a day a headline gives to what is to come or to happen: not the day of the report
_HEADLINE_EVENT = re.compile(r"(?i)\b(?:to|will|set|due|scheduled|planned|slated|expected|"
                             r"until|till|ahead|before|next)\b[^.;:|]*?\b(?:on|for|in|from|at|"
                             r"by|until)?\s*$")
_CLOCK = re.compile(r"(?i)^\s*(?:today|now|current time|local time)\b")
_FULL_KINDS = ("dmy", "mdy", "iso", "range_dmy", "range_mdy")


_CAPS_MONTH = re.compile(r"\b(?:" + _MONTHS.upper() + r")\b\.?")
_DAY_OF = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+")


def _full_dates(line: str) -> list[tuple[int, date, bool]]:
    """(position, date, has_year) of the day-precise dates a line names."""
    out: list[tuple[int, date, bool]] = []
    # the formal "this 3rd day of March 2025" of communiqués, as "3 March 2025" (same length)
    line = _DAY_OF.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), line)
    # datelines in capitals ("NAIROBI, 3 MARCH 2025"): the month as the date rules spell it
    line = _CAPS_MONTH.sub(lambda m: m.group(0).title(), line)
    for m in _NUMERIC_DATE.finditer(line):
        try:
            out.append((m.start(), date(int(m.group(3)), int(m.group(2)), int(m.group(1))), True))
        except ValueError:
            continue
    for d in find_dates(line, date(2000, 1, 1)):
        if d.kind in _FULL_KINDS and d.start and len(d.start) == 10:
            has_year = bool(re.search(r"\b(?:19|20)\d\d\b", d.text))
            out.append((d.start_char, date.fromisoformat(d.start), has_year))
    return sorted(out, key=lambda t: t[0])


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_DATE = re.compile(
    r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*[(,]?\s*"
    r"((?:\d{1,2}\s+[a-z]{3,9}|[a-z]{3,9}\.?\s+\d{1,2}))\b(?!,?\s*(?:19|20)\d\d)")
# a year the report looks ahead to ("takes over the chair in 2025") does not date the report
_FUTURE_YEAR = re.compile(r"(?i)\b(?:will|would|shall|next|takes?\s+over|to\s+take|due|planned|"
                          r"scheduled|until|through|by)\b(?:[^.;]|(?<=[A-Z][a-z]{2})\.){0,40}?"
                          r"\b((?:19|20)\d\d)\b")
_WILL_YEAR = re.compile(r"(?i)\b(?:will|shall)\s+(?:\w+\s+)?(?:pass|take\s+over|assume|hold|"
                        r"be\s+held|host|chair)\b[^.;]{0,100}?\b(?:on|from|in)\s+(?:\d{1,2}\s+[A-Za-z]+\s+)?"
                        r"((?:19|20)\d\d)\b")
# and one it looks back to ("the previous session was held on 23 November 2022"): the
# report is later than that year
_EARLIER_YEAR = re.compile(r"(?i)\b(?:previous|preceding|prior|earlier)\b"
                           r"(?:[^.;]|(?<=[A-Z][a-z]{2})\.){0,60}?\b((?:19|20)\d\d)\b")
# "The bloc was founded in 1969", "created in 1996": its history, no clue to the report's year
_HISTORY_YEAR = re.compile(r"(?i)\b(?:founded|established|created|set\s+up|formed|launched|"
                           r"dat(?:es|ing)\s+(?:back\s+)?(?:to|from))\s+(?:[^.;\d]{0,30}?\s)?"
                           r"(?:in\s+)?(?:\w+\s+)?((?:19|20)\d\d)\b")
_ON_WEEKDAY = re.compile(r"(?i)\b(?:on|this|late|early|since|from|until|last)?\s*"
                         r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b")


_NEXT_YEAR = re.compile(r"(?i)\bnext\s+(?:\w+\s+){0,8}?(?:in|for)\s+((?:19|20)\d\d)\b")
_SPAN_WORD = re.compile(r"(?i)(until|through|by)$")
_PAST_VERB = re.compile(r"(?i)\b(\w+ed|was|were|had|held|led|ran|took|gave|won|left)\b")


def _past_span(body: str, m: re.Match[str]) -> bool:
    """ "which steered the alliance through 2023": a span a past verb of its clause closes
    is no year ahead ("will chair until 2025" is)."""
    word = re.match(r"\S+", m.group(0))
    if word is None or not _SPAN_WORD.match(word.group()):
        return False
    before = body[max(0, m.start() - 80):m.start()]
    clause = re.split(r"[.;,]\s", before)[-1]
    return bool(_PAST_VERB.search(clause)) and not re.search(r"(?i)\b(will|shall)\b", clause)


def _likely_year(text: str, day: date) -> int | None:
    """The year of a dateline that leaves it out ("VALLETTA, Dec 6 (dpa) -").

    Wire copy says "on Friday" for what happened that day or the day before, so the year in
    which the dateline's day falls right on or after the weekdays the report names is the
    year it was filed in; among the years the article names (and their neighbours) the one
    that fits most weekdays wins, then the one it names most, then the later one.
    """
    body = text[:8000]
    named = [int(y) for y in re.findall(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])", body)]
    if not named:
        return None
    counts: dict[int, int] = {}
    for y in named:
        counts[y] = counts.get(y, 0) + 1
    this_year = date.today().year  # a report is not filed in the future
    candidates = {y + d for y in counts for d in (-1, 0, 1) if y + d <= this_year}
    if not candidates:
        return None
    future = {int(m.group(1)) for m in _FUTURE_YEAR.finditer(body) if not _past_span(body, m)}
    # "the chairmanship will pass from Belarus to Kazakhstan on 1 January 2024": a year a
    # sentence puts after its "will", however far
    future |= {int(m.group(1)) for m in _WILL_YEAR.finditer(body)}
    history = {int(m.group(1)) for m in _HISTORY_YEAR.finditer(body)} - future
    earlier = ({int(m.group(1)) for m in _EARLIER_YEAR.finditer(body)} - future) | history
    # a report is about its own time, not the history it recalls ("founded in 1969")
    past = [y for y in counts if y <= this_year and y not in future | history]
    latest = max(past) if past else None  # a report is about its own time
    # "the first in-person meeting since 2018", filed years later: a later year none of
    # whose neighbours is named, taken only when the weekdays fit it
    since = latest if latest is not None else max(history) + 1 if history else None
    extra = set(range(since, this_year + 1)) - candidates if since is not None else set()
    candidates |= extra
    # "China will host the next meeting in 2018": the report is of the year before
    nexts = {int(m.group(1)) for m in _NEXT_YEAR.finditer(body)} & future
    weekdays = [_WEEKDAY_NAMES.index(m.group(1).lower()) for m in _ON_WEEKDAY.finditer(body)]
    explicit = [d for _, d, has_year in _full_dates(body) if has_year
                and d.year not in future | earlier]
    pairs = [(_WEEKDAY_NAMES.index(m.group(1).lower()), m.group(2))
             for m in _WEEKDAY_DATE.finditer(body)]

    def score(year: int) -> tuple[int, int, int, int, int, int, int]:
        try:
            filed = day.replace(year=year)
        except ValueError:
            return (-99, -1, 0, 0, 0, 0, year)
        # not in or before a year it looks back to
        order = -sum(1 for e in earlier if year <= e)
        offsets = [(filed.weekday() - w) % 7 for w in weekdays]
        fits = sum(1 for o in offsets if o in (0, 1))
        # the lead's weekday is the reported day's ("concluded here on Friday")
        # (worth more than the later weekdays: "on Tuesday ... On Sunday, the opening day")
        fits += 2 if offsets and offsets[0] in (0, 1) else 0
        same_day = sum(1 for o in offsets if o == 0)
        for weekday, when in pairs:  # "on Wednesday (Oct 9)": that day's weekday in that year
            found = _full_dates(f"{when} {year}")
            if found and found[0][1].weekday() == weekday:
                fits += 5
        # a full date of the days just before ("since 1 January 2024" in a 9 January report)
        fits += sum(2 for d in explicit if d.year == year and 0 <= (filed - d).days <= 10)
        near = -abs(latest - year) if latest is not None else 0
        before_next = int(year + 1 in nexts and (latest is None or year >= latest))
        # an unnamed later year needs a weekday that fits it
        if year in extra and fits < 1 and not before_next:
            return (order, -1, before_next, same_day, near, 0, year)
        return (order, fits, before_next, same_day, near, counts.get(year, 0), year)

    return max(candidates, key=score)


def header_date(text: str, body_offset: int) -> date | None:
    """The publication date of an article whose header has no line that is only a date."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line.strip()))
        offset += len(line) + 1
        if len(lines) >= 14 or offset > body_offset + 1500:
            break
    best: tuple[int, date] | None = None
    yearless: date | None = None
    for start, line in lines:
        if _CLOCK.match(line):
            continue
        long = len(line) > 400  # a paragraph: only a wire dateline at its head dates the report
        found = _full_dates(line[:200])
        if not found:
            continue
        first_body = start >= body_offset and sum(
            1 for s, _ in lines if body_offset <= s < start) < 4  # among the body's first lines
        for pos, day, has_year in found:
            in_body = start >= body_offset
            lead = line[:pos]
            at_wire = (first_body and pos <= 50
                       and re.match(r"[*_#\s]*[(\[A-Z]", line) is not None  # "**MOSCOW, ...**"
                       and not _EVENT_LEAD.search(lead))
            if not in_body and _HEADLINE_EVENT.search(lead):
                continue  # "Leaders to meet in Dushanbe on 10 October 2025": the event's day
            keyed = _HEADER_WORD.search(line[:pos]) is not None and len(line) < 120
            if not (at_wire or keyed or not in_body or pos < 3) or (long and not at_wire):
                continue  # a date inside a sentence of the body says when something happened
            if not has_year:
                yearless = yearless or day
                continue
            rank = 0 if keyed else 1 if at_wire else 2  # "Issued: 13 June" over the dateline
            if best is None or rank < best[0]:
                best = (rank, day)
            break
        if best is not None and best[0] == 0:
            break
    if best is not None:
        return best[1]
    if yearless is not None:
        year = _likely_year(text, yearless)
        if year is not None:
            try:
                return yearless.replace(year=year)
            except ValueError:
                return None
    return None


# Communiqués and press releases often date themselves at the end, not in a header:
# "Done at Abuja, this 3rd day of March 2025", "Issued by the Secretariat on 3 March 2025",
# or a closing line that is only a place and a date.
_CLOSING = re.compile(r"(?i)^\W*(?:done|adopted|signed|issued|released|made)\b")


def footer_date(text: str) -> date | None:
    """The date an article states in its closing lines, when its header states none."""
    lines = [line.strip() for line in text.rstrip().split("\n") if line.strip()][-6:]
    for line in reversed(lines):
        if len(line) > 200:
            continue
        only = parse_dateline(line)
        if only is not None:
            return only
        if _CLOSING.match(line):
            dated = [day for _, day, has_year in _full_dates(line) if has_year]
            if dated:
                return dated[-1]
    return None


def _iso_date(value: str) -> date | None:
    iso = _iso(value)
    return date.fromisoformat(iso) if iso else None
