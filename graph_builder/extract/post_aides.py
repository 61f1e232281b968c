"""Posts defined by whom they serve: "Yuri Ushakov, an aide to the Russian president",
"Gamal Roshdy, spokesman for Secretary-General Ahmed Aboul Gheit", "a spokeswoman for
Foreign Minister Sergei Lavrov, Maria Zakharova".

The title is the role and the office served ("aide to the president" is the table's
"presidential aide"; core/data/posts.csv has these compounds as aliases), whatever stands
between them: a state's adjective or possessive ("the Russian president", "Kenya's
president"), or the served official's name. The post is of that state; where the official
is named, of the state or body that official holds office in (a post found earlier in the
article). Roles and served offices are data: lexicon/post_aide_roles.txt.
"""

from __future__ import annotations

import re
from functools import cache

from graph_builder.core import leaders, titles
from graph_builder.core.facts import Post
from graph_builder.core.reference import resolve
from graph_builder.extract import phrases
from graph_builder.extract.common import evidence, negated
from graph_builder.extract.context import Context
from graph_builder.extract.posts import NAME

_MARKER = "# -- served"


@cache
def _words() -> tuple[str, str]:
    roles = phrases.lines("post_aide_roles.txt", before=_MARKER)
    served = phrases.lines("post_aide_roles.txt")[len(roles):]
    return "|".join(sorted(roles, key=len, reverse=True)), "|".join(
        sorted(served, key=len, reverse=True))


@cache
def _shapes() -> list[re.Pattern[str]]:
    roles, served = _words()
    office = (r"(?:the\s+)?(?:\u27e6[SAO](?P<i>\d+)\u27e7(?:'s|\u2019s)?\s+)?"
              r"(?P<served>(?i:" + served + r"))(?:\s+of\s+(?:the\s+)?\u27e6[SO]"
              r"(?P<j>\d+)\u27e7)?(?:\s+(?P<official>" + NAME + r"))?")
    role = r"(?P<role>(?i:" + roles + r"))"
    return [
        # "Yuri Ushakov, an aide to the Russian president"
        re.compile(r"(?P<name>" + NAME + r")\s*,\s+(?:(?:an?|the|a\s+senior|the\s+chief)\s+"
                   r"(?:[\w-]+\s+)?)?" + role + r"\s+(?:to|for|of)\s+" + office),
        # "according to aide to the Belarusian President Valery Ivanov" (translated text, no
        # article): the name is the aide's, unless the leaders table or another sentence of
        # the article has it as the office's holder
        re.compile(r"\b(?i:according\s+to|said|says|told)\s+" + role
                   + r"\s+(?:to|for|of)\s+" + office.replace("(?P<official>", "(?P<name>")),
        # "spokesman for Secretary-General Ahmed Aboul Gheit, Gamal Roshdy"
        re.compile(r"\b" + role + r"\s+(?:to|for|of)\s+" + office + r"\s*,\s+(?P<name>"
                   + NAME + r")(?=\s*[,.;]|\s+(?:said|told|says|added|noted))"),
    ]


def _title(role: str, served: str) -> str | None:
    """The table's title for "ROLE to the SERVED" ("aide to the president"), if any."""
    role = re.sub(r"\s+", " ", role.lower())
    served = re.sub(r"\s+|-", " ", served.lower())
    for phrase in (f"{role} to the {served}", f"{role} for the {served}",
                   f"{role} of the {served}"):
        found = titles.canonical(phrase)
        if found:
            return found
    return titles.canonical(role)  # "spokesman" of a body: the table's plain role


def extract_aides(ctx: Context, posts: list[Post]) -> list[Post]:
    """`posts` with the posts of those who serve an office added, each with its sentence
    as evidence; an aide's name read as the served office's holder ("aide to the
    President Valery Ivanov" as President Ivanov) is taken out."""
    holders = {p.person.split()[-1]: p.of for p in posts if p.of}
    out: dict[tuple[str, str], Post] = {}
    wrong: set[tuple[str, str | None]] = set()  # (aide, the office served) read as held
    for sentence in ctx.sentences:
        masked = sentence.masked
        for rx in _shapes():
            for m in rx.finditer(masked):
                if negated(masked[max(0, m.start() - 30):m.start("role")]):
                    continue
                title = _title(m.group("role"), m.group("served"))
                if title is None:
                    continue
                of = None
                if m.group("i"):
                    of = sentence.state(m.group("i")) or sentence.org(m.group("i"))
                elif m.group("j"):
                    of = sentence.state(m.group("j")) or sentence.org(m.group("j"))
                elif m.groupdict().get("official"):
                    of = holders.get(m.group("official").split()[-1])
                if of is None and titles.is_org_post(m.group("served")):
                    of = ctx.topic_org  # "spokesman for the Secretary-General"
                if of is None:
                    continue
                holder = resolve(of)
                if titles.is_state_post(title) and (holder is None or holder.kind != "state"):
                    continue
                name = m.group("name")
                if name is None:
                    continue
                served = titles.canonical(m.group("served"))
                if "official" not in m.groupdict():
                    known = leaders.known_post(name)
                    elsewhere = any(p.person == name and p.post == served and p.evidence
                                    and p.evidence.text != sentence.text for p in posts)
                    if elsewhere or (known and served and known[1] == served):
                        continue  # "aide to President Lukashenko": the name is the principal
                    wrong.add((name, served))
                key = (name, title)
                if key not in out:
                    out[key] = Post(name, title, of, evidence=evidence(sentence),
                                    origin="extracted", confidence=0.7, rule="post.aide")
    kept = [p for p in posts if (p.person, p.post) not in wrong]
    return kept + list(out.values())


__all__ = ["extract_aides"]
