"""Chairs stated ahead of time: a plan or an expectation is answered as one, never as fact.

"Kazakhstan will take over the chair on 1 January", in a report of December, is what the
article expected, not what happened. Extraction marks such a statement on its evidence
(bloc:modality, graph_builder/extract/modality.py); a graph of curated facts carries no
mark, and there a start after the article's publication date says the same. A chair is
known only ahead of time when every article that states that term states it so: one
report of it holding (or done) makes it a fact like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graph_builder.ask.model import AnswerItem
from graph_builder.core.dates import PartialDate


@dataclass(frozen=True)
class Ahead:
    """How a chair is known when only stated ahead of time: the mark and who says so."""

    modality: str  # "planned" or "expected"
    start: str | None
    articles: tuple[str, ...]

    def phrase(self, label: str, org_label: str, as_of: date) -> str:
        """ "Russia is planned to chair the CSTO from 2026-01-01, per ARTICLE." """
        per = ", ".join(self.articles)
        first = PartialDate.parse(self.start[:10]).first_day if self.start else None
        if first is not None and first <= as_of:
            return (f"{label}'s chairmanship of the {org_label} from {self.start} is known "
                    f"only as {self.modality} ahead of time, per {per}.")
        when = f" from {self.start}" if self.start else ""
        return f"{label} is {self.modality} to chair the {org_label}{when}, per {per}."


def _row_ahead(row: dict[str, str]) -> str | None:
    mark = (row.get("modality") or "").lower()
    if mark in ("planned", "expected"):
        return mark
    start, published = row.get("startDate") or "", (row.get("published") or "")[:10]
    if start and len(published) == 10 and start[:10] > published:
        return "planned"  # curated facts: a term that begins after its report
    return None


def _matches(row: dict[str, str], item: AnswerItem) -> bool:
    start = row.get("startDate") or ""
    if item.start:
        return start.startswith(item.start[:10]) or item.start.startswith(start[:len(
            item.start)]) if start else False
    return True


def ahead_of_time(item: AnswerItem, rows: list[dict[str, str]]) -> Ahead | None:
    """The plan or expectation `item` (a chair, with its start and sources) is known by,
    or None when some article states it as holding or done (or nothing says how)."""
    mine = [r for r in rows if r.get("chair") == item.iri and _matches(r, item)
            and r.get("article") in {s.article for s in item.sources}]
    if not mine:
        return None
    marks = [_row_ahead(r) for r in mine]
    if any(m is None for m in marks):
        return None
    modality = "expected" if "expected" in marks else "planned"
    articles = tuple(sorted({r["article"] for r in mine if r.get("article")}))
    return Ahead(modality, item.start, articles)


def split(items: list[AnswerItem], rows: list[dict[str, str]]
          ) -> tuple[list[AnswerItem], dict[str, Ahead]]:
    """The chairs stated as holding, and those known only ahead of time (by IRI)."""
    ahead = {a.iri or a.label: found for a in items
             if (found := ahead_of_time(a, rows)) is not None}
    return [a for a in items if (a.iri or a.label) not in ahead], ahead


def notes(items: list[AnswerItem], rows: list[dict[str, str]], org_label: str,
          as_of: date) -> str:
    """One sentence for each chair of `items` known only ahead of time, else ""."""
    _stated, ahead = split(items, rows)
    return " ".join(ahead[a.iri or a.label].phrase(a.label, org_label, as_of)
                    for a in items if (a.iri or a.label) in ahead)


def keep_stated_over_planned(items: list[AnswerItem], rows: list[dict[str, str]],
                             day: date) -> list[AnswerItem]:
    """On one day, a chair stated as holding by a report of that term's start or later is
    not replaced by one only planned to begin by then: the plan may not have happened."""
    stated, ahead = split(items, rows)
    if not stated or not ahead:
        return items
    planned_from = [PartialDate.parse(p.start[:10]).first_day for p in ahead.values()
                    if p.start]
    latest_plan = max(planned_from) if planned_from else day
    reported = [r for r in rows if r.get("chair") in {a.iri for a in stated}
                and (r.get("published") or "")[:10] >= latest_plan.isoformat()]
    return stated if reported else items
