"""Dates at the precision a text gives them: a year, a month or a day.

News says "for 2024" or "in May 2021"; the graph keeps that precision (xsd:gYear,
xsd:gYearMonth, xsd:date) and also the first and last day it covers, so that queries can
compare plain dates ("who chaired on 2024-06-15" is answered by a chairmanship "for 2024").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError names what is wrong."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"'{text}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        if day is not None:
            date(year, month, day)  # raises ValueError for 2023-02-30
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def xsd_type(self) -> str:
        return {"year": "gYear", "month": "gYearMonth", "day": "date"}[self.precision]

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)
