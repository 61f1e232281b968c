"""Where a report was filed from: its dateline ("BISHKEK, 28 November 2025 (Wire) - ",
"MINSK, 23 November. /Agency/.", a press release's "Harare - " under its heading lines) and
the one city a headline names. The events rules place the reported gathering there when
its own sentence names no place; the post rules read the dateline's state."""

from __future__ import annotations

import re

from graph_builder.core.reference import Entity, resolve
from graph_builder.extract.context import Context

# "BISHKEK - ", "ASTANA, Nov 28 (Steppe Press) -- ", "MINSK. Jan 9. ", "Honiara, Tuesday 9
# September 2025 - ", "ASTANA, 4 July 2024 /Agency/. " (the translated agencies'): the city
# a wire report was filed from
# "ST. PETERSBURG, December 22.": the abbreviation's full stop is not the end of the city
_SAINT = r"(?:(?:S[Tt]|S[Tt][Ee]|M[Tt]|F[Tt])\.\s*)?"
DATELINE = re.compile(
    r"^\s*(?:\(\w+\)\s*[-\u2013\u2014]+\s*)?(?P<city>" + _SAINT
    + r"[A-Z][A-Za-z .'-]+?)(?:\s*[,.]\s+"
    r"[^-\u2013\u2014\n]{0,60}?)?\s*(?:\([^)]{1,40}\)\s*)?(?:[-\u2013\u2014]+|:)\s"
    r"|^\s*(?P<city2>" + _SAINT + r"[A-Z][A-Z .'-]+?)[.,]\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.\s"
    r"|[^/\n]{3,30}?\s*/[^/\n]{1,30}/\.?(?:\s|$))")



# a line of its own that is only a place and a date: "Strasbourg, 17 March 2022"
# (or with its state between: "Abuja, Federal Republic of Nigeria, 15 December 2024")
_PLACE_DATE_LINE = re.compile(r"^\s*(?:\u27e6C(?P<token>\d+)\u27e7|(?P<city>[A-Z][A-Za-z .'-]+?)),"
                              r"(?:\s*\u27e6S\d+\u27e7\s*,)?\s+\u27e6T\d+\u27e7\s*\.?\s*$")
_HEADER_LINE = re.compile(r"^\s*(?P<city>[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+){0,2}),\s+"
                          r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+\d{4}\s*$")
# a byline before it: "By the Europe correspondent", "By Jane Roe, Reuters"
_BYLINE = re.compile(r"^\s*(?:By|From)\s+[^.]{1,80}$")


# what may follow a dateline on its own line: a date, an agency ("23 November. /Agency/.")
_ONLY_DATE = re.compile(r"\s*(?:(?:\w+,?\s+)?\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|"
                        r"[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})?\s*[./]?\s*(?:/[^/\n]{1,40}/\.?)?\s*$")
_HEADING = re.compile(r"^\s*[^\n.!?]{3,150}[^\n.!?:;,\"'\u201d\s]\s*$")


def _titled(name: str) -> str:
    """"ST. PETERSBURG" as the tables write it."""
    return name.title() if name.isupper() else name


def dateline_city(ctx: Context) -> tuple[Entity | None, int]:
    """The city a report was filed from, and the index of its first sentence of news (after
    a byline and a place-and-date line of their own)."""
    first = next((i for i, s in enumerate(ctx.sentences) if not s.in_title), 0)
    lead = ctx.sentences[0] if ctx.sentences and first > 0 else None
    if lead is not None and (m := DATELINE.match(lead.text)) and "\n" not in lead.text.strip():
        # no headline: the reader took the wire's first line ("DUSHANBE, Oct 10 (Agency) -
        # Turkmenistan will chair ...") for the title; it is the report's first sentence
        name = (m.group("city") or m.group("city2")).strip()
        city = resolve(_titled(name), "city")
        if city is not None and len(lead.text) > m.end() + 40:
            return city, 0
    article = ctx.article
    for line in article.text[:article.body_offset].splitlines()[-4:]:
        header = _HEADER_LINE.match(line)  # the reader took "Strasbourg, 17 March 2022" as
        if header:  # the article's date: its place is still the dateline
            city = resolve(header.group("city").strip(), "city")
            if city is not None:
                return city, first
    for index in range(first + 1, min(first + 3, len(ctx.sentences))):
        line = _PLACE_DATE_LINE.match(ctx.sentences[index].masked)
        if line and "\n" not in ctx.sentences[index].text.strip() and "\n" not in \
                ctx.sentences[index - 1].text.strip() and ctx.sentences[index - 1].text.rstrip()[
                    -1:] not in ".!?\"":
            # a heading line before the place-and-date line ("66th Ordinary Session of the
            # Authority" / "Abuja, Federal Republic of Nigeria, 15 December 2024")
            token = line.group("token")
            city = ctx.sentences[index].item(token).entity if token else \
                resolve(_titled(line.group("city").strip()), "city")
            if city is not None:
                return city, index + 1
    # (a press release's heading lines: "PRESS RELEASE", "FOR IMMEDIATE RELEASE - 17 August
    # 2024", its headline, then "Harare - The Government ...")
    for index in range(first, min(first + 5, len(ctx.sentences))):
        sentence = ctx.sentences[index]
        if _BYLINE.match(sentence.text) and "\n" not in sentence.text.strip():
            continue
        line = _PLACE_DATE_LINE.match(sentence.masked)
        if line:
            city = sentence.item(line.group("token")).entity if line.group("token") else \
                resolve(_titled(line.group("city").strip()), "city")
            return city, index + 1 if city is not None else first
        m = DATELINE.match(sentence.text)
        if not m and _HEADING.match(sentence.text) and index + 1 < len(ctx.sentences):
            continue  # a heading line above the dateline ("15th Ordinary Session of ...")
        if not m:
            return None, first
        name = (m.group("city") or m.group("city2")).strip()
        city = resolve(_titled(name), "city")
        # "MINSK, 23 November. /Agency/." alone on its line: the news starts after it
        alone = _ONLY_DATE.match(sentence.text, m.end()) is not None
        if city is None and alone and index + 1 < len(ctx.sentences):
            continue  # "FOR IMMEDIATE RELEASE - 17 August 2024": a date line, no place
        if not alone:
            return city, index
        while index + 2 < len(ctx.sentences) and _HEADING.match(ctx.sentences[index + 1].text):
            index += 1  # "Issued: 13 June 2023" under "Djibouti City, Republic of ... - 12 June"
        return city, index + 1 if index + 1 < len(ctx.sentences) else index
    return None, first


def headline_city(ctx: Context) -> Entity | None:
    """The one city the headline names ("G20 ends in Johannesburg with ..."): where the
    gathering the article reports is, when its body names no place."""
    cities: list[Entity] = []
    for sentence in ctx.sentences:
        if not sentence.in_title:
            break
        for _, _, i in sentence.tokens("C"):
            entity = sentence.item(i).entity
            if entity is not None and entity.kind == "city" and entity not in cities:
                cities.append(entity)
    return cities[0] if len(cities) == 1 else None
