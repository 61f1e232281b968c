"""Plain questions answered from the graph, each answer with the article that states it.

A question becomes slots (`parse`: names through the gazetteer, dates, posts), the form
table (`queries/forms/ask.toml`, read by `forms`) picks the form those slots and its trigger
words fit, the form's handler (one module per family: `chair`, `members`, `posts`,
`events`, `relations`) binds the slots to the parameters of named queries as RDF terms
(`queries.bind` and `queries.with_values`, never pasted text), and the rows become answers
with sources. What the graph does not hold is said, not guessed: a question no form fits
gets "The graph does not record ..." and no answers.
"""

from __future__ import annotations

import re
from datetime import date

from graph_builder.ask.base import AskerBase
from graph_builder.ask.chair import ChairForms
from graph_builder.ask.events import EventForms
from graph_builder.ask.forms import choose, features
from graph_builder.ask.members import MemberForms
from graph_builder.ask.model import Answer, AnswerItem, Source, Target
from graph_builder.ask.parse import Parsed, chair_words, parse
from graph_builder.ask.posts import PostForms
from graph_builder.ask.relations import RelationForms
from graph_builder.ask.triggers import forms
from graph_builder.core import reference
from graph_builder.core.errors import BlocgraphError

__all__ = ["Answer", "AnswerItem", "Source", "Target", "ask", "examples"]


class _Asker(ChairForms, MemberForms, PostForms, EventForms, RelationForms, AskerBase):
    """Every family of forms over one question."""


def _not_read(p: Parsed) -> None:
    """No form fits: a name the graph does not know is said so, with suggestions."""
    found_any = p.orgs or p.states or p.cities
    if p.unknown and not found_any:
        for phrase in p.unknown:
            hint = reference.suggest(phrase, "organization") or reference.suggest(phrase)
            if hint:
                raise BlocgraphError(
                    f"unknown organisation or state '{phrase}' (did you mean {', '.join(hint)}?)"
                )


def _not_recorded(question: str, parsed: Parsed) -> Answer:
    return Answer(
        question=question,
        intent="not_recorded",
        slots=parsed.slots(),
        answers=[],
        sparql="",
        message="The graph does not record what this question asks (it records chairmanships, "
        "memberships, posts, events with their parties, clashes and proposed cooperation; "
        "see `blocgraph ask --examples`).",
    )


def ask(question: str, target: Target, *, as_of: date | str | None = None) -> Answer:
    """Answer one plain question from the graph behind `target`."""
    if isinstance(as_of, str):
        try:
            as_of = date.fromisoformat(as_of)
        except ValueError:
            raise BlocgraphError(f"--as-of: '{as_of}' is not a date (YYYY-MM-DD)") from None
    as_of = as_of or date.today()
    parsed = parse(question, as_of)
    form = choose(parsed)
    if form is None:
        if not features(parsed) & {"not_recorded"}:
            _not_read(parsed)
        return _not_recorded(question, parsed)
    intent = form.handler
    asker = _Asker(parsed, target, as_of)
    answers = getattr(asker, intent)()
    if intent == "post_holder" and not answers and parsed.orgs and chair_words(
        "presidency" if parsed.title == "president" else parsed.text
    ):
        # "president of the UN Security Council" is its rotating chair, not a person's post
        retry = _Asker(parsed, target, as_of)
        answers = retry.chair()
        if answers:
            intent, asker = "chair", retry
    if intent == "chair" and not answers and parsed.orgs and parsed.title is None and \
            not re.search(r"\b(which|what) (country|state|nation|member)", parsed.text):
        # a body chaired by a person ("who chairs the European Council"): its president
        parsed.title = "president"
        retry = _Asker(parsed, target, as_of)
        found = retry.post_holder()
        if found:
            intent, asker, answers = "post_holder", retry, found
        else:
            parsed.title = None
    return Answer(
        question=question,
        intent=intent,
        slots=parsed.slots(),
        answers=answers,
        sparql="\n\n".join(asker.run.sparql),
        message=asker.message,
        form=form.name,
    )


def examples() -> str:
    """The first phrasing of every form of the table, with the form's name."""
    return "\n".join(f"{f.examples[0]}  [{f.name}]" for f in forms() if f.examples)
