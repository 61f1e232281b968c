"""Past gatherings listed with their places and dates, each place with its own date.

"Summits in Bishkek in 2019 and in Dushanbe in 2021", "held in Dushanbe (2021), Samarkand
(2022) and New Delhi (2023)", "the 2019 Bishkek and 2022 Samarkand summits", "after
Samarkand in 2022 and New Delhi the year after", and the gapped "Baku hosted it in 2019 and
Bishkek in 2024", and a list of lines "- 2021 - Istanbul (8th summit)": a list of places
each written with a date is one gathering a place, at the date written beside it, not at the
first date of the sentence. A list whose places are not each dated is left to the sentence's
other rules ("leaders of Minsk, Astana and Baku").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder.core.reference import Entity
from graph_builder.extract.context import Masked

_C = r"\u27e6C(\d+)\u27e7"
_T = r"\u27e6T(\d+)\u27e7"
# one place of a list with its date before it, in brackets after it, or after it
_ITEM = re.compile(
    r"(?:\b(?:in|at)\s+)?(?:(?:the\s+)?" + _T.replace("(\\d", "(?P<pre>\\d")
    # "the 2019 Bishkek summit", "2021 - Istanbul", "the 2022 one in Samarkand"
    + r"(?:\s+(?:[\w-]+\s+)?(?:summit|one|meeting|session|gathering)\s+(?:in|at)\s+|\s+|"
      r"\s*[-\u2013\u2014:]\s*))?"
    + _C.replace("(\\d", "(?P<city>\\d")
    + r"(?:\s*\(\s*" + _T.replace("(\\d", "(?P<paren>\\d") + r"\s*\)"
    + r"|\s+(?:in\s+|on\s+)?" + _T.replace("(\\d", "(?P<post>\\d")
    # "Bishkek, 2019; Dushanbe, 2021"
    + r"|,\s+" + _T.replace("(\\d", "(?P<comma>\\d") + r"(?=\s*(?:[;,.]|and\b|$))"
    + r"|\s+(?P<later>the\s+(?:year|month)\s+after|a\s+year\s+later|the\s+next\s+year|"
      r"a\s+month\s+later))?")
# what joins two places of one list (after a remark in brackets: "Istanbul (8th summit), ...")
_SEP = re.compile(r"(?:\s*\([^()]{0,120}\))?"
                  r"(?:\s*[,;]\s*(?:and\s+|then\s+|followed\s+by\s+)?|\s+(?:and|then|or)\s+"
                  r"(?:then\s+|again\s+|later\s+)?)")
# a place gapped after the date of the clause before: "hosted it in 2019 and Bishkek in 2024"
_GAPPED = re.compile(_T + r"\s*(?:,\s*(?:and\s+)?|,?\s+and\s+(?:then\s+)?)$")


@dataclass(frozen=True)
class Listed:
    position: int  # where the place's item starts in the masked sentence
    city: Entity
    date: str
    tokens: tuple[str, ...]  # the date placeholders the item used


def _shifted(iso: str, later: str) -> str:
    """The date a "the year after" / "a month later" item stands for, after `iso`."""
    if "month" in later and len(iso) >= 7:
        y, m = int(iso[:4]), int(iso[5:7])
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    return str(int(iso[:4]) + 1)


def _date(sentence: Masked, m: re.Match[str], before: str | None) -> tuple[str | None, str]:
    """An item's date and the placeholder it came from."""
    for group in ("pre", "paren", "post", "comma"):
        token = m.group(group)
        if token is None:
            continue
        d = sentence.item(token).date
        if d is None or d.start is None:
            return None, token
        if group == "post" and before and d.relative and re.search(
                r"\b(?:following|next)\b", sentence.item(token).text, re.I):
            return _shifted(before, "year"), token  # "and Minsk the following year"
        return d.start, token
    if m.group("later") and before:
        return _shifted(before, m.group("later").lower()), ""
    return None, ""


def listed_places(sentence: Masked) -> list[Listed]:
    """Each place of a dated list of places in the sentence, with its own date."""
    masked = sentence.masked
    if masked.count("\u27e6C") < 2:
        return []
    items = [m for m in _ITEM.finditer(masked)]
    chains: list[list[re.Match[str]]] = []
    for m in items:
        if chains and _SEP.fullmatch(masked, chains[-1][-1].end(), m.start()):
            chains[-1].append(m)
        else:
            chains.append([m])
    out: list[Listed] = []
    for chain in chains:
        gapped = chain[0].group("post") and _GAPPED.search(
            masked[:chain[0].start()])
        if len(chain) < 2 and not gapped:
            continue
        dated: list[Listed] = []
        before: str | None = None
        if gapped:  # the date of the clause before starts the list
            d = sentence.item(gapped.group(1)).date
            before = d.start if d is not None else None
        for m in chain:
            when, token = _date(sentence, m, before)
            city = sentence.item(m.group("city")).entity
            if city is None or city.kind != "city":
                dated = []
                break
            if when is not None:  # ("... New Delhi in 2023 and Astana this week": two dated)
                dated.append(Listed(m.start(), city, when, (token,) if token else ()))
                before = when
        if len(dated) + (1 if gapped else 0) >= 2:
            out += dated
    return out
