"""The holder a new office holder succeeds held the same post: "Masadykov was appointed
secretary general, taking over from Imangali Tasmagambetov", "He will take over from Jens
Stoltenberg on October 1", "Youssouf replaces Chad's Moussa Faki Mahamat".

Only a body's own posts (held_in "organization" in core/data/posts.csv: secretary
general, chairperson of the commission) pass this way: a rotating chair handed from one
leader to the next is the chairmanship of their states (extract/chairs.py), not a post.
The successor is the one official with such a post in the sentence, or, when the sentence
opens with "He" or "She", the one the sentence before named. The predecessor's post ended
when the successor's began, else by the report (a past verb), else on the date written
after the name ("will take over from X on 1 October").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from graph_builder.core import titles
from graph_builder.core.facts import Post
from graph_builder.extract.common import S, T, evidence, negated
from graph_builder.extract.context import Masked


@cache
def _rule() -> re.Pattern[str]:
    from graph_builder.extract import posts as p

    return re.compile(
        r"\b(?P<verb>succeed(?:s|ed|ing)?|(?:took|takes|take|taking)\s+over\s+from|"
        r"replac(?:es|ed|ing|e)|in\s+place\s+of)\s+(?:(?:" + S + r")'s\s+)?(?:the\s+)?"
        r"(?:(?i:outgoing|incumbent)\s+)?" + p._HONORIFIC + r"(?P<name>" + p.NAME + r")"
        r"(?![\w'\u2019-])(?P<when>\s+(?:on|in)\s+" + T + r")?")


@cache
def _passive() -> re.Pattern[str]:
    """"X was succeeded by Y", "X has been replaced by Y": X is the predecessor."""
    from graph_builder.extract import posts as p

    return re.compile(
        r"(?P<name>" + p.NAME + r")(?![\w'\u2019-])(?:,[^,;]{1,60},)?\s+(?P<verb>(?:was|has\s+been|"
        r"will\s+be)\s+(?:succeeded|replaced))\s+by\b")


_PRONOUN = re.compile(r"^\s*(?:He|She)\b")


def predecessors(sentence: Masked, here: list[Post], before: list[Post],
                 published: date | None) -> list[Post]:
    """The posts of the holders this sentence says someone succeeded."""
    if not re.search(r"succeed|over\s+from|replac|in\s+place\s+of", sentence.masked):
        return []
    mine = [p for p in here if titles.is_org_post(p.post) and p.of]
    if not mine and _PRONOUN.match(sentence.masked):
        mine = [p for p in before if titles.is_org_post(p.post) and p.of]
    if len({(p.post, p.of) for p in mine}) != 1:
        return []
    successor = mine[-1]
    out: list[Post] = []
    for m in [*_rule().finditer(sentence.masked), *_passive().finditer(sentence.masked)]:
        name = m.group("name")
        if name == successor.person or negated(sentence.masked[max(0, m.start() - 25):
                                                                m.start()]):
            continue
        end = successor.start
        if end is None and m.groupdict().get("when"):
            token = re.search(r"\d+", m.group("when"))
            mention = sentence.item(token.group(0)).date if token else None
            end = mention.start if mention else None
        past = m.group("verb").startswith(("succeeded", "took", "replaced", "taking",
                                            "succeeding", "replacing", "was", "has"))
        if end is None and past and published is not None:
            end = (published - timedelta(days=1)).isoformat()
        post = Post(name, successor.post, successor.of, evidence=evidence(sentence),
                    origin="extracted", confidence=0.65, rule="post.predecessor")
        out.append(replace(post, end=end) if end else post)
    return out
