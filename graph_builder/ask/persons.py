"""A person standing for the state they lead: "Who did Tokayev take over from?".

Chairmanships, hand-overs and memberships are held by states, but people ask about them by
the leader's name. When a chair or succession question names no state and one of its names
(capitalised, or any word of a question typed in lower case) is the head of state or of
government of exactly one state in the graph, that state fills the question's state slot and
the answer says whom the name was read as. A name matching leaders of several states, or
none, is left alone: the question is then answered (or refused) as it was asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from graph_builder.ask.model import _entity_of, _iri, _Run
from graph_builder.ask.parse import _MONTHS, _PLAIN, _QUESTION_WORDS, Parsed, chair_words
from graph_builder.ask.triggers import T
from graph_builder.core import reference, titles

# the posts whose holder speaks for the state (graph_builder/core/data/posts.csv titles)
# the titles whose holder stands for the state: the title table's heads of state and of
# government (core/data/posts.csv), as extraction reads them
LEADER_TITLES = titles.leader_titles()


def uncased(p: Parsed) -> bool:
    """Typed all in lower case (but the first letter) or all in capitals: case tells no names."""
    rest = p.question[1:]
    return not re.search(r"[A-Z]", rest) or not re.search(r"[a-z]", p.question)


def name_words(p: Parsed) -> list[str]:
    """Words of the question that may be a person's name."""
    if p.unknown:
        return [w for phrase in p.unknown for w in re.split(r"[\s-]+", phrase.lower())
                if len(w) > 2]
    if not uncased(p):
        return []  # written with capitals: a name would have been found as one
    return [w for w in re.findall(r"[a-z][\w'-]{3,}", p.text)
            if w not in _PLAIN and w not in _QUESTION_WORDS and w not in _MONTHS]


def asks_about_chairs(p: Parsed) -> bool:
    return chair_words(p.text) or bool(T["handover"].search(p.text)) or bool(
        T["took_from"].search(p.text))


def stand_in(p: Parsed, run: _Run) -> str:
    """Fill the state slot from a leader's name; the note to add to the answer, else ""."""
    if p.states or p.title or not asks_about_chairs(p):
        return ""
    names = {w.removesuffix("'s") for w in name_words(p)}
    if not names:
        return ""
    found: dict[str, tuple[reference.Entity, str, str, set[str]]] = {}
    for title in LEADER_TITLES:
        for row in run("post_holders", title=title):
            label = row.get("personLabel") or ""
            words = set(re.split(r"[\s-]+", label.lower()))
            hit = names & words
            if not hit:
                continue
            entity = _entity_of(row.get("of") or "", "state")
            if entity is not None:
                found.setdefault(entity.slug, (entity, label, title, hit))
    if len(found) != 1:
        return ""
    entity, label, title, hit = next(iter(found.values()))
    p.states.append(entity)
    at = min(m.start() for w in hit for m in re.finditer(rf"\b{re.escape(w)}", p.text))
    p.state_spans.append((at, at + len(max(hit, key=len))))  # where the state is named
    p.unknown = [u for u in p.unknown if not names & set(re.split(r"[\s-]+", u.lower()))]
    return f"({label}, {title} of {entity.label}, read as {entity.label}.)"


# a question about a person's post that does not name the post: "who did Youssouf replace
# at the AU Commission", "when does Mark Rutte take office at NATO"
_ABOUT_POST = re.compile(r"\b(replac\w*|succeed\w*|preced\w*|predecessor|successor|took office|"
                         r"take office|"
                         r"takes office|taking office|mandate|term (as|at|in|of)|step\w* down|"
                         r"stood down|resign\w*|sworn in|in office)\b")


def holders_named(rows: list[dict[str, str]], words: set[str],
                  fold: Callable[[str], str] = str.lower) -> list[dict[str, str]]:
    """post_holders rows of the person a question names: those whose name holds every word
    asked, else any of them ("Putin" for "Vladimir Putin"; "Zacarias da Costa" is not
    António Costa). `fold` is how a label is compared (lower case, or without accents)."""
    def label(row: dict[str, str]) -> set[str]:
        return set(re.split(r"[\s-]+", fold(row.get("personLabel") or "")))

    return [r for r in rows if words <= label(r)] or [r for r in rows if words & label(r)]


# a body named by its bare noun: "at the Commission", "the Council's meetings"
_GENERIC_BODY = re.compile(r"\bthe (commission|council|secretariat|assembly|parliament|"
                           r"court|bank|bureau)\b(?! of\b)", re.IGNORECASE)


def title_of_person(p: Parsed, run: _Run) -> str:
    """Fill the post slot from the one post the graph knows the named person to hold (of the
    organisation or state named, if any); the note to add to the answer, else ""."""
    if not _ABOUT_POST.search(p.text) or (p.title and (p.orgs or p.states)):
        return ""
    words = {w.lower() for name in p.persons for w in re.split(r"[\s-]+", name) if len(w) > 2}
    words |= {w.removesuffix("'s") for w in name_words(p)} - {"replace", "succeed", "office",
                                                             "mandate", "secretariat"}
    if not words:
        return ""
    bodies = [*p.orgs, *p.states]

    def named(of: str | None) -> list[dict[str, str]]:
        return holders_named(run("post_holders", of=of), words)

    rows = [r for body in bodies or [None]
            for r in named(_iri(body) if body is not None else None)]
    generic = _GENERIC_BODY.search(p.text)
    if not rows and bodies and generic:
        # "who did Youssouf succeed at the Commission": a body named by its bare noun is the
        # person's post whose title or body says it, not a body of that name elsewhere
        noun = generic.group(1).lower()
        rows = [r for r in named(None) if noun in (r.get("title") or "").lower()
                or noun in (r.get("ofLabel") or "").lower()]
        if rows:
            bodies = []
            p.orgs.clear()
    if p.title:  # "who did Al Ghais succeed as secretary general": the body of that post
        rows = [r for r in rows if (r.get("title") or "").lower() == p.title.lower()]
    posts = {(r.get("title") or "", r.get("of") or "") for r in rows} - {("", "")}
    if len(posts) > 1:
        # several posts: the one the person took up last, when the graph dates one so
        # ("who did Costa succeed": at the European Council, not as Portugal's premier)
        starts = {(r.get("title") or "", r.get("of") or ""): r["start"][:10]
                  for r in sorted(rows, key=lambda r: r.get("start") or "") if r.get("start")}
        latest = max(starts.values(), default=None)
        newest = {post for post, day in starts.items() if day == latest}
        if len(newest) == 1:
            posts = newest
            rows = [r for r in rows if (r.get("title") or "", r.get("of") or "") in newest]
    if len(posts) != 1:
        return ""
    title, of = next(iter(posts))
    entity = _entity_of(of, "organization") or _entity_of(of, "state")
    if entity is None:
        return ""
    p.title_of_person = not p.title
    p.title = title
    if entity not in bodies:
        (p.orgs if entity.kind == "organization" else p.states).append(entity)
    label = rows[0].get("personLabel") or ""
    return f"({label}: {title} of {entity.label}.)"
