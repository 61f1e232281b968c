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

from graph_builder.ask.attendance import AttendanceForms
from graph_builder.ask.base import AskerBase, UnknownName, typo_of
from graph_builder.ask.chair import ChairForms
from graph_builder.ask.events import EventForms
from graph_builder.ask.forms import choose, features
from graph_builder.ask.members import MemberForms
from graph_builder.ask.model import Answer, AnswerItem, Source, Target, _Run
from graph_builder.ask.parse import Parsed, chair_words, parse
from graph_builder.ask.persons import stand_in, title_of_person
from graph_builder.ask.posts import PostForms
from graph_builder.ask.relations import RelationForms
from graph_builder.ask.standing import StandingForms
from graph_builder.ask.succession import SuccessionForms
from graph_builder.ask.triggers import forms
from graph_builder.core.errors import BlocgraphError

__all__ = ["Answer", "AnswerItem", "Source", "Target", "ask", "examples"]


class _Asker(ChairForms, SuccessionForms, MemberForms, StandingForms, PostForms, EventForms,
             AttendanceForms, RelationForms, AskerBase):
    """Every family of forms over one question."""


def _not_read(p: Parsed) -> None:
    """No form fits: a name the graph does not know is said so, with suggestions."""
    found_any = p.orgs or p.states or p.cities
    if p.unknown and not found_any:
        for phrase in p.unknown:
            hint = typo_of(phrase, "organization") or typo_of(phrase)
            if hint:
                raise BlocgraphError(
                    f"unknown organisation or state '{phrase}' (did you mean {', '.join(hint)}?)"
                )


def _not_recorded(question: str, parsed: Parsed) -> Answer:
    if parsed.ambiguous:
        name, bodies = parsed.ambiguous
        return Answer(
            question=question, intent="not_recorded", slots=parsed.slots(), answers=[],
            sparql="", message=f"'{name}' could be any of {len(bodies)} bodies the graph "
            f"knows ({', '.join(bodies[:8])}{', ...' if len(bodies) > 8 else ''}): name "
            f"the one meant.")
    unknown = [w for w in parsed.unknown if w] if not (parsed.orgs or parsed.states) else []
    if unknown:
        return Answer(
            question=question, intent="not_recorded", slots=parsed.slots(), answers=[],
            sparql="", message=f"The graph does not record what this question asks, and "
            f"does not know '{unknown[0]}' (see `blocgraph ask --examples`).")
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


def _day(value: date | str | None, option: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise BlocgraphError(f"{option}: '{value}' is not a date (YYYY-MM-DD)") from None
    if not 1900 <= day.year <= 2100:
        raise BlocgraphError(f"{option}: cannot use the date '{value}': the graph holds "
                             f"years 1900 to 2100")
    return day


# a chair asked for as a person: "who is the chairman of X" (not "which country chairs")
_PERSON_CHAIR = ("chairman", "chairwoman", "chairperson")


# "who is the (new) chair of X", "who was the Forum chair": the chair as a person
_WHO_IS_CHAIR = re.compile(r"\s*who\s+(?:is|was|will\s+be)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                           r"(?:chair|chairperson|chairman|chairwoman)\b(?!-in-office|ship|manship)",
                           re.IGNORECASE)


# a chair asked of the organ of leaders itself ("who chairs the ECOWAS Authority of Heads of
# State", "the Summit of EAC Heads of State"): its chair is a person, the chair state's leader
_ORGAN_OF_LEADERS = re.compile(r"\s*who\b.*\b(?:heads?|leaders)\s+of\s+(?:state|government)s?\b",
                               re.IGNORECASE)


def _as_leaders(asker: _Asker, states: list[AnswerItem]) -> list[AnswerItem]:
    """The leaders of the chair states found, the answer's message saying whom they lead;
    the states themselves when the graph knows no leader of one of them."""
    leaders = asker.chair_leaders(states)
    if not leaders:
        return states
    asker.message = (f"{' and '.join(a.label for a in leaders)}, leader of "
                     f"{' and '.join(a.label for a in states)}. {asker.message}")
    return leaders


def ask(question: str, target: Target, *, as_of: date | str | None = None,
        known_by: date | str | None = None) -> Answer:
    """Answer one plain question from the graph behind `target`.

    `as_of`: the day "now" means (default: `known_by` if given, else today). `known_by`:
    answer only from the articles published by that day (what one could have known then).
    """
    known = _day(known_by, "--known-by")
    as_of = _day(as_of, "--as-of") or known or date.today()
    parsed = parse(question, as_of)
    run = _Run(target, known)
    note = stand_in(parsed, run) or title_of_person(parsed, run)
    form = choose(parsed)
    if form is None:
        if not features(parsed) & {"not_recorded"}:
            _not_read(parsed)
        return _not_recorded(question, parsed)
    intent = form.handler
    asker = _Asker(parsed, target, as_of, known)
    try:
        answers = getattr(asker, intent)()
    except UnknownName as exc:
        return Answer(question=question, intent="unknown_name", slots=parsed.slots(),
                      answers=[], sparql="\n\n".join(asker.run.sparql), message=str(exc),
                      form=form.name)
    if intent == "post_holder" and not answers and parsed.orgs and chair_words(
        "presidency" if parsed.title == "president" else parsed.text
    ):
        # "president of the UN Security Council" is its rotating chair, not a person's post
        retry = _Asker(parsed, target, as_of, known)
        answers = retry.chair()
        if answers:
            intent, asker = "chair", retry
        if answers and parsed.title in _PERSON_CHAIR:
            # "who is the chairman of Caricom": the chair state's leader in person
            answers = _as_leaders(retry, answers)
    if intent == "chair" and not answers and parsed.orgs and parsed.title is None and \
            not re.search(r"\b(which|what) (country|state|nation|member)", parsed.text):
        # a body chaired by a person ("who chairs the European Council"): its president
        parsed.title = "president"
        retry = _Asker(parsed, target, as_of, known)
        found = retry.post_holder()
        if found:
            intent, asker, answers = "post_holder", retry, found
        else:
            parsed.title = None
    if intent == "chair" and answers and (_WHO_IS_CHAIR.match(parsed.text)
                                          or _ORGAN_OF_LEADERS.match(parsed.text)):
        # "who is the current chair of Caricom": a person is asked for, the chair state's
        # leader (as "chairman" is), not the state
        answers = _as_leaders(asker, answers)
    if note and intent in ("succession", "succession_current", "changeover") and answers:
        # "who did Ndayishimiye take over from": a leader asked for the state they lead is
        # answered with the other state's leader, in person
        answers = _as_leaders(asker, answers)
    return Answer(
        question=question,
        intent=intent,
        slots=parsed.slots(),
        answers=answers,
        sparql="\n\n".join(asker.run.sparql),
        message=f"{asker.message} {note}".strip(),
        form=form.name,
    )


def examples() -> str:
    """The first phrasing of every form of the table, with the form's name."""
    return "\n".join(f"{f.examples[0]}  [{f.name}]" for f in forms() if f.examples)
