"""Office holders named by surname or in a plural title: "President Tokayev said",
"Kazakh President Tokayev", "Foreign Ministers Sergei Lavrov and Wang Yi", "Presidents
Putin, Xi and Modi", "the presidents of Russia and China, Vladimir Putin and Xi Jinping".

The title says the post but not whose: the state comes from the text when it is written
there (an adjective before the title, the person's post or "X of Y" earlier in the
article), else from the reader's knowledge of who holds such posts (core/leaders.py). A
name neither the article nor the table places gives no post: "Foreign Minister Kovacs
said" is a foreign minister of somewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from graph_builder.core import leaders, reference, titles
from graph_builder.core.facts import Post
from graph_builder.extract.common import SA, S, evidence, negated
from graph_builder.extract.context import Context, Masked


@cache
def _rules() -> dict[str, re.Pattern[str]]:
    """The patterns, built from the name and title pieces of posts.py (imported late: posts
    calls this module)."""
    from graph_builder.extract import posts as p

    word = p._NAME_WORD
    # a surname alone: one name word that no other name word follows ("President Tokayev
    # said"); two or more are the full-name rules' ("President Kassym-Jomart Tokayev")
    alone = (r"(?P<sur>" + word + r")(?![\w'\u2019-])(?!\s+(?:" + p._PARTICLE + r"\s+)*[" + p._UP
             + r"])")
    item = r"(?:" + p.NAME + "|" + word + r")(?![\w'\u2019-])(?!\s+of\b)"
    items = item + r"(?:(?:\s*,\s*|,?\s+and\s+)" + item + r")+"
    title = r"(?i:" + p.TITLE + r")"
    pair = r"(?:the\s+)?" + SA + r"\s*,\s+" + p._HONORIFIC + p.NAME + r"(?![\w'\u2019-])"
    return {
        "surname": re.compile(
            r"(?<![\w'\u2019-])(?:(?P<st>" + SA + r")\s+|(?P<sp>" + S + r")'s\s+)?" + p._MOD
            + r"(?P<title>" + title + r")\s+" + p._HONORIFIC + alone),
        # "Presidents Putin and Xi", "Foreign Ministers Sergei Lavrov and Wang Yi"
        "plural": re.compile(
            r"(?<![\w'\u2019-])(?P<lead>" + title + r"s)\s+(?P<items>" + items + r")"),
        # "the presidents of Kazakhstan, Kassym-Jomart Tokayev; Kyrgyzstan, Sadyr Japarov;
        # and Tajikistan, Emomali Rahmon": (state, name) pairs after a plural title
        "pairs": re.compile(
            r"(?<![\w'\u2019-])(?P<lead>" + title + r"s)\s+of\s+(?P<pairs>" + pair
            + r"(?:\s*;\s*(?:and\s+)?" + pair + r")+)"),
        # "the presidents of Russia and China, Vladimir Putin and Xi Jinping"
        "respectively": re.compile(
            r"(?<![\w'\u2019-])(?P<lead>" + title + r"s)\s+of\s+(?:the\s+)?(?P<states>" + SA
            + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?" + SA + r")+),?\s+(?P<items>" + items
            + r")"),
    }


def _item_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", text) if n.strip()]


def _called(name: str, word: str) -> bool:
    """Whether a full name is the one a surname calls: its last word or, in the Chinese or
    Korean order, its first ("Xi" of "Xi Jinping")."""
    words = reference.normalise(name).split()
    key = reference.normalise(word)
    return bool(words) and (words[-1] == key or words[0] == key) and len(words) > 1


def _in_article(ctx: Context, word: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(full name, post, holder) of the people the article has placed whom `word` calls:
    those with a post found so far, then "Name of State" written anywhere."""
    for person, (post, of) in ctx.persons.items():
        if _called(person, word):
            yield person, post, of
    for full, state in _placed(ctx):
        if _called(full, word):
            yield full, None, state


@cache
def _placed_rx() -> re.Pattern[str]:
    from graph_builder.extract import posts as p

    return re.compile(r"(?P<name>" + p.NAME + r")\s+of\s+(?:the\s+)?" + SA)


def _placed(ctx: Context) -> list[tuple[str, str]]:
    """"Name of State" pairs; "Foreign Trade of Chile" (a portfolio) is no name."""
    from graph_builder.extract import posts as p

    out: list[tuple[str, str]] = []
    for sentence in ctx.sentences:
        if " of \u27e6" not in sentence.masked:
            continue
        for m in _placed_rx().finditer(sentence.masked):
            state = sentence.state(m.group(m.lastindex or 0)) if m.lastindex else None
            if state and not p._WORDS_NOT_NAMES.search(m.group("name")):
                out.append((m.group("name"), state))
    return out


def place(ctx: Context, word: str, title: str, written: str | None) -> tuple[str, str] | None:
    """(person, holder) of an official the text calls by `word` under `title`: the holder
    `written` before the title, else the one the article or the table gives; None when
    neither knows them. A state's title needs a state, a body's title a body."""
    state_post = titles.is_state_post(title)
    org_post = titles.is_org_post(title)
    for full, _, of in _in_article(ctx, word):
        if written:
            return full, written
        kind = resolve_kind(of)
        if of and ((state_post and kind == "state") or (org_post and kind == "organization")):
            return full, of
    known = leaders.by_surname(word) if state_post or not org_post else None
    if written:
        if known and known[1] == written and known[0]:
            return known[0], written
        return (word, written) if known is None or known[1] == written else None
    if known and state_post:
        return known[0] or word, known[1]
    return None


def resolve_kind(label: str | None) -> str | None:
    if not label:
        return None
    if reference.resolve(label, "state") is not None:
        return "state"
    return "organization" if reference.resolve(label, "organization") is not None else None


def _post(sentence: Masked, name: str, title: str, of: str, rule: str) -> Post:
    return Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                confidence=0.7, rule=rule)


def surname_posts(ctx: Context, sentence: Masked) -> list[tuple[re.Match[str], Post]]:
    """"President Tokayev", "Kazakh President Tokayev": one post each, with its match (the
    caller reads the words around it: "former", "incoming")."""
    from graph_builder.extract import posts as p

    out: list[tuple[re.Match[str], Post]] = []
    for m in _rules()["surname"].finditer(sentence.masked):
        word = m.group("sur")
        if p._STOP_NAMES.match(word) or p._WORDS_NOT_NAMES.search(word) or negated(
                sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        title = p._title(m.group("title"))
        token = p._index_of(m.group("st") or m.group("sp"))
        written = sentence.state(token) if token else None
        if token and written is None:
            continue
        found = place(ctx, word, title, written)
        if found:
            out.append((m, _post(sentence, found[0], title, found[1], "post.title-surname")))
    return out


def plural_posts(ctx: Context, sentence: Masked) -> list[Post]:
    """"Presidents Putin and Xi": a post for each holder the article or the table places;
    "the presidents of Russia and China, Putin and Xi": the states in the order written;
    "the presidents of Kazakhstan, Tokayev; Kyrgyzstan, Japarov": each state its name."""
    from graph_builder.extract import posts as p

    out: list[Post] = []
    rules = _rules()
    for m in rules["respectively"].finditer(sentence.masked):
        title = titles.singular(" ".join(m.group("lead").lower().split()))
        states = [sentence.state(i) for i in re.findall(r"\u27e6[SA](\d+)\u27e7",
                                                          m.group("states"))]
        names = _item_names(m.group("items"))
        if title and len(states) == len(names) and all(states) and not negated(
                sentence.masked[max(0, m.start() - 25):m.start()]):
            for name, state in zip(names, states, strict=True):
                if len(name.split()) > 1 or place(ctx, name, title, state):
                    out.append(_post(sentence, name, title, state, "post.plural-title"))
    for m in rules["pairs"].finditer(sentence.masked):
        title = titles.singular(" ".join(m.group("lead").lower().split()))
        if title is None or negated(sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        for one in _pair_rx().finditer(m.group("pairs")):
            state = sentence.state(one.group("st"))
            name = p._clean_name(one.group("name"))
            if state and name:
                out.append(_post(sentence, name, title, state, "post.plural-pairs"))
    done = {post.person for post in out}
    for m in rules["plural"].finditer(sentence.masked):
        title = titles.singular(" ".join(m.group("lead").lower().split()))
        if title is None or negated(sentence.masked[max(0, m.start() - 25):m.start()]):
            continue
        for name in _item_names(m.group("items")):
            if name in done:
                continue
            found = _place_name(ctx, name, title)
            if found:
                out.append(_post(sentence, found[0], title, found[1], "post.plural-title"))
    return out


@cache
def _pair_rx() -> re.Pattern[str]:
    from graph_builder.extract import posts as p

    return re.compile(r"\u27e6[SA](?P<st>\d+)\u27e7\s*,\s+" + p._HONORIFIC + r"(?P<name>" + p.NAME
                      + r")(?![\w'\u2019-])")


def _place_name(ctx: Context, name: str, title: str) -> tuple[str, str] | None:
    """A full name is placed by the article or the table; a surname as `place` does."""
    if len(name.split()) == 1:
        return place(ctx, name, title, None)
    for person, (_, of) in ctx.persons.items():
        if reference.normalise(person) == reference.normalise(name) and of:
            return name, of
    state = leaders.state_of(name)
    return (name, state) if state and titles.is_state_post(title) else None
