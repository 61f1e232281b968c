"""A state's leader with no title noun: "Myanmar's leader Senior General Min Aung Hlaing",
"Belarusian leader Alexander Lukashenko", and the leader named before and then by the
state's adjective alone: "Javier Milei skipped the summit ... the Argentine leader came".

"Leader" is no office: the post is the one the reader knows the person by (the leaders
table's), else "leader" itself, and only with the state written right before it ("Russian
opposition leader X" is no leader of Russia). A back-reference ("the Argentine leader",
"the Kenyan president") is the one person of that state the sentence or the one before
names in full whom the table places there; two such people, or none, give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from graph_builder.core import leaders
from graph_builder.core.facts import Post
from graph_builder.extract.common import SA, S, evidence, negated
from graph_builder.extract.context import Context, Masked

# the title words a back-reference uses: a leader's, never a minister's
_BACK_TITLES = r"(?:leader|president|prime\s+minister|premier|head\s+of\s+state)"


@cache
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from graph_builder.extract import posts as p

    leader = re.compile(
        r"(?<![\w'\u2019-])(?:(?P<st>" + SA + r")|(?P<sp>" + S + r")'s)\s+(?i:leader)\s*,?\s+"
        + p._HONORIFIC + r"(?P<name>" + p.NAME + r")(?![\w'\u2019-])")
    back = re.compile(
        r"\b(?i:the)\s+(?P<st>" + SA + r")\s+(?P<title>(?i:" + _BACK_TITLES + r"))\b"
        r"(?!\s*,?\s+(?:[A-Z]|\u27e6))(?!\s+of\b)")
    name = re.compile(r"(?<![\w'\u2019-])" + p.NAME + r"(?![\w'\u2019-])")
    return leader, back, name


def leader_posts(sentence: Masked, clean: Callable[[str], str | None]) -> list[Post]:
    """"Myanmar's leader Min Aung Hlaing": the table's post of the person, else "leader"."""
    out: list[Post] = []
    for m in _rules()[0].finditer(sentence.masked):
        name = clean(m.group("name"))
        state = sentence.state(_index(m.group("st") or m.group("sp")))
        if name is None or state is None or negated(
                sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        known = leaders.known_post(name)
        if leaders.state_of(name) not in (None, state):
            continue  # the table places them elsewhere: "Russia's leader" next to them
        title = known[1] if known and known[0] == state else "leader"
        out.append(Post(name, title, state, evidence=evidence(sentence), origin="extracted",
                        confidence=0.6, rule="post.state-leader"))
    return out


def back_references(ctx: Context, index: int, clean: Callable[[str], str | None]) -> list[Post]:
    """"the Argentine leader" after "Javier Milei": the one full name of the sentence or
    the one before whom the table places in that state holds the table's post."""
    sentence = ctx.sentences[index]
    out: list[Post] = []
    for m in _rules()[1].finditer(sentence.masked):
        state = sentence.state(_index(m.group("st")))
        if state is None or negated(sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        texts = [s.text for s in ctx.sentences[max(0, index - 1):index + 1]]
        people = {n for text in texts for x in _rules()[2].finditer(text)
                  for n in _known_in(x.group(0), clean, state)}
        if len(people) != 1:
            continue
        name = people.pop()
        known = leaders.known_post(name)
        title = " ".join(m.group("title").lower().split())
        if title == "leader":
            if not known:
                continue
            title = known[1]
        elif known and known[1] != leaders_title(title):
            continue  # "the Kenyan president" after the Kenyan prime minister's name
        out.append(Post(name, leaders_title(title), state, evidence=evidence(sentence),
                        origin="extracted", confidence=0.55, rule="post.back-reference"))
    return out


def _known_in(words: str, clean: Callable[[str], str | None], state: str) -> list[str]:
    """The name of `state`'s leader in a run of capitalised words ("When Javier Milei")."""
    parts = words.split()
    for i in range(len(parts) - 1):
        name = clean(" ".join(parts[i:]))
        if name and leaders.state_of(name) == state:
            return [name]
    return []


def _index(token: str) -> int:
    return int(re.search(r"\d+", token).group(0))  # type: ignore[union-attr]


def leaders_title(title: str) -> str:
    from graph_builder.core import titles

    return titles.normalise_post(title)
