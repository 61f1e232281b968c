"""What an answer is: items with their sources, and the runner of named queries.

The target is anything with `.select(sparql) -> Results`: the embedded store or a remote
endpoint, so the same question gets the same answer locally and remotely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.vocab import (
    ARTICLE_GRAPH_PREFIX,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
)
from graph_builder.graph.rdf import entity_iri, entity_of_iri
from graph_builder.graph.results import Results
from graph_builder.query.named import bind, registry, with_values


class Target(Protocol):
    def select(self, sparql: str) -> Results: ...


@dataclass
class Source:
    article: str
    evidence: str | None = None


@dataclass
class AnswerItem:
    label: str
    iri: str | None = None
    start: str | None = None
    end: str | None = None
    sources: list[Source] = field(default_factory=list)

    def add_source(self, article: str | None, evidence: str | None) -> None:
        if not article:
            return
        for s in self.sources:
            if s.article == article:
                if not s.evidence and evidence:
                    s.evidence = evidence
                return
        self.sources.append(Source(article, evidence))


@dataclass
class Answer:
    question: str
    intent: str
    slots: dict[str, Any]
    answers: list[AnswerItem]
    sparql: str
    message: str
    form: str | None = None  # the row of the form table the question was read as

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "understood_as": {"intent": self.intent, "form": self.form, "slots": self.slots},
            "answers": [
                {
                    "label": a.label,
                    "iri": a.iri,
                    "start": a.start,
                    "end": a.end,
                    "sources": [{"article": s.article, "evidence": s.evidence} for s in a.sources],
                }
                for a in self.answers
            ],
            "sparql": self.sparql,
            "message": self.message,
        }

    def to_text(self, show_sparql: bool = False) -> str:
        lines = [self.message]
        for a in self.answers:
            period = _period_text(a.start, a.end)
            lines.append(f"- {a.label}" + (f" ({period})" if period else ""))
            for s in a.sources:
                lines.append(f"    source: {s.article}")
                if s.evidence:
                    lines.append(f"      \u201c{s.evidence}\u201d")
        if show_sparql and self.sparql:
            lines += ["", self.sparql]
        return "\n".join(lines)


def _period_text(start: str | None, end: str | None) -> str:
    if start and end:
        return start if start == end else f"{start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


_ARTICLE_DATES = """PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?g ?published WHERE { GRAPH ?g { ?a schema:datePublished ?published } }"""


class _Run:
    """Runs named queries for one question and keeps the SPARQL text that was sent.

    With `known_by`, every query reads only the article graphs published by that day (and
    the ontology, reference and inferred graphs): FROM and FROM NAMED clauses name them, so
    it is a filter on each article graph's publication date, not a copy of the store."""

    def __init__(self, target: Target, known_by: date | None = None) -> None:
        self.target = target
        self.known_by = known_by
        self.sparql: list[str] = []
        self._from: str | None = None

    def dataset(self) -> str:
        if self._from is None:
            graphs = [ONTOLOGY_GRAPH, REFERENCE_GRAPH, INFERRED_GRAPH]
            for row in self.target.select(_ARTICLE_DATES).values():
                g, published = row.get("g") or "", row.get("published") or ""
                if not g.startswith(ARTICLE_GRAPH_PREFIX) or not published:
                    continue
                try:
                    day = PartialDate.parse(published[:10]).last_day
                except Exception:  # noqa: BLE001 - an unreadable date: not known by then
                    continue
                if self.known_by is not None and day <= self.known_by:
                    graphs.append(g)
            self._from = "".join(f"FROM <{g}>\n" for g in graphs) + "".join(
                f"FROM NAMED <{g}>\n" for g in graphs)
        return self._from

    def __call__(self, name: str, **params: str) -> list[dict[str, str]]:
        named = registry()[name]
        text = with_values(named.text, bind(named, {k: v for k, v in params.items() if v}))
        if self.known_by is not None:
            text = re.sub(r"^WHERE\b", lambda m: self.dataset() + m.group(), text, count=1,
                          flags=re.M)
        self.sparql.append(text)
        return self.target.select(text).values()


def _iri(entity: reference.Entity) -> str:
    return entity_iri(entity).value


def _entity_of(iri: str, kind: str) -> reference.Entity | None:
    """The reference entity of `kind` an IRI of `_iri` names, else None."""
    entity = entity_of_iri(iri)
    return entity if entity is not None and entity.kind == kind else None

