"""A body's head told through the body: "the Commission, headed by Ursula von der Leyen",
"that body has been led by Antonio Costa since December", "the CSTO is run by X".

No title is written: the post is the head post the article names for that body, if it
names exactly one, else the title of that body's head (lexicon/body_heads.txt). Only a
head now ("is", "has been", no verb after a comma): "was led by" and "will be headed by"
are other times, and "chaired by" is who ran a meeting, not who heads a body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from graph_builder.core import reference, titles
from graph_builder.core.facts import Post
from graph_builder.extract.common import O, evidence, negated
from graph_builder.extract.context import Context, Masked

# "that body", "the Commission": a body named before, by a word of its name
_UNITS = (r"(?:body|commission|council|secretariat|organi[sz]ation|union|alliance|bloc|"
          r"bank|parliament|assembly|court)")


@cache
def _rule() -> re.Pattern[str]:
    from graph_builder.extract import posts as p

    return re.compile(
        r"(?:(?P<body>" + O + r")|\b(?i:that|this|the)\s+(?P<unit>(?i:" + _UNITS + r")))"
        r"(?:\s*,\s*(?:(?:which|that)\s+(?:is|has\s+been)\s+(?:now\s+)?)?|\s+(?:is|has\s+been|"
        r"is\s+now)\s+)(?:currently\s+)?(?:headed|led|run)\s+by\s+" + p._HONORIFIC
        + r"(?P<name>" + p.NAME + r")(?![\w'\u2019-])")


def headed_by(ctx: Context, index: int, sentence: Masked, known: list[Post],
              clean: Callable[[str], str | None], heads: dict[str, str],
              named: Callable[[Context, int, str], str | None]) -> list[Post]:
    """Posts of "BODY, headed by X"; `heads` is the body_heads table, `named` finds the
    body a word such as "commission" stands for."""
    out: list[Post] = []
    for m in _rule().finditer(sentence.masked):
        name = clean(m.group("name"))
        appositive = "," in m.group(0)[:m.start("name") - m.start()]
        if name is None or (not appositive and negated(
                sentence.masked[max(0, m.start() - 25):m.start()])):
            continue  # "Nor does it run the Commission, headed by X": X heads it still
        if m.group("body"):
            body = sentence.org(re.search(r"\d+", m.group("body")).group(0))  # type: ignore[union-attr]
        elif m.group("unit").lower() == "body":
            body = _last_body(ctx, index, m.start())
        else:
            body = named(ctx, index, m.group("unit")) or _organ_of_topic(ctx, m.group("unit"))
        if body is None:
            continue
        posts = {p.post for p in known if p.of == body and titles.is_org_post(p.post)}
        title = posts.pop() if len(posts) == 1 else None if posts else heads.get(body)
        if title:
            out.append(Post(name, title, body, evidence=evidence(sentence), origin="extracted",
                            confidence=0.65, rule="post.headed-by"))
    return out


def _organ_of_topic(ctx: Context, unit: str) -> str | None:
    """"the Commission" in a report about the EU (or one of its bodies): the one body of
    the organisation in focus whose name ends in that word (organisations.csv's parent)."""
    topic = reference.resolve(ctx.topic_org, "organization") if ctx.topic_org else None
    if topic is None:
        return None
    families = {topic.slug, topic.parent} - {None}  # its own bodies, or its sister bodies
    organs = [e.label for e in reference.entities("organization") if e.parent in families
              and (e.full_name or e.label).lower().endswith(" " + unit.lower())]
    return organs[0] if len(organs) == 1 else None


def _last_body(ctx: Context, index: int, position: int) -> str | None:
    """"that body": the body named last before it, in this sentence or the one before."""
    sentence = ctx.sentences[index]
    for _, _, i in reversed(sentence.tokens("O", 0, position)):
        if sentence.org(i):
            return sentence.org(i)
    if index:
        before = ctx.sentences[index - 1]
        for _, _, i in reversed(before.tokens("O")):
            if before.org(i):
                return before.org(i)
    return None
