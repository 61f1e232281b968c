"""Definite descriptions of the organisation in focus: "the bloc", "the 10-member alliance".

News names a body once and then calls it "the organization", "the bloc", "the grouping" or
"the Commonwealth"; about a quarter of the facts in others' text are stated only that way.
Each such phrase becomes a placeholder of the organisation in focus (the last one named in
this sentence or the two before it, else the article's topic), so that every rule reads it
as if the body were named. The head nouns are data (`lexicon/org_anaphora.txt`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from graph_builder.core import reference
from graph_builder.core.reference import Entity

_WINDOW = 2  # sentences back in which a named body stays in focus


@cache
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("graph_builder.extract").joinpath("lexicon/org_anaphora.txt")
    free: set[str] = set()
    named: set[str] = set()
    for line in text.read_text("utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if not word:
            continue
        (named if word.endswith("!") else free).add(word.rstrip("!"))
    return frozenset(free), frozenset(named)


@cache
def _pattern() -> re.Pattern[str]:
    free, named = _nouns()
    heads = "|".join(sorted(free | named, key=len, reverse=True))
    # the + up to three modifiers (no placeholder, no possessive, no capitalised name unless
    # hyphenated like "Moscow-led") + head noun, not followed by "of" ("the union of states")
    modifier = (r"(?:(?!(?:of|the|a|an|and|or|in|for|to|with|on|at|by|from|its|their|his|her|"
                r"that|this|whose|which|who)\b)"
                r"(?:\d+(?:-[a-z]+)*|[a-z]+(?:-[a-zA-Z]+)*|[A-Z][a-z]+-[a-z]+|pan-[A-Z][a-z]+|"
                r"\u27e6[CSA]\d+\u27e7-[a-z]+)"
                r"\s+)")
    return re.compile(
        r"\b(?P<det>[Tt]he|[Tt]his|[Tt]hat)\s+(?P<mods>" + modifier + r"{0,3})"
        r"(?P<head>" + heads + r")\b(?!\s+of\b)(?!-\w)"
        # "the West African bloc ECOWAS", "the alliance (NATO)": the name follows, no anaphor
        r"(?!,?\s*\(?\u27e6O)", re.IGNORECASE)


def _fits(head: str, entity: Entity) -> bool:
    free, named = _nouns()
    if head in free:
        return True
    names = " ".join([entity.label, entity.full_name or "", *entity.names]).lower()
    return head in names


def resolve(sentences: list, topic: Entity | None, make_item) -> None:
    """Replace descriptions of the body in focus by its placeholder, sentence by sentence.

    `make_item(sentence, text, entity, offset)` appends the item and returns the placeholder
    text. A place or state inside the description ("the Vienna-based organization") keeps its
    own placeholder: only the words after it become the body's.
    """
    recent: list[tuple[int, Entity]] = []  # (sentence index, body) in text order
    rx = _pattern()
    for index, sentence in enumerate(sentences):
        named_items = [it for it in sentence.items
                       if it.kind == "O" and it.entity is not None
                       and not attributive(sentence, it)]
        named_here = [(it.start, it.entity) for it in named_items]

        def focus(at: int, possessive: bool = False, index: int = index,
                  named_here: list = named_here) -> Entity | None:
            before = [e for start, e in named_here if start < at]
            if before:
                return before[-1]
            window = [e for seen_at, e in recent if index - seen_at <= _WINDOW]
            later = {e for start, e in named_here if at < start <= at + 60}
            if not window and possessive and len(later) == 1:
                return later.pop()  # "the bloc's eleventh member of the SCO": named after it
            if not window or topic in window:
                return topic  # the article's own body, unless another one took over
            return window[-1]

        def replace(m: re.Match[str], sentence=sentence, focus=focus,
                    named_here: list = named_here) -> str:
            head = m.group("head").lower()
            mods = m.group("mods").lower()
            if m.group("det").lower() != "the" and head not in ("bloc", "alliance", "grouping",
                                                               "organization", "organisation"):
                return m.group(0)
            if re.search(r"\b(?:same|other|new|first|second)\b", mods):
                return m.group(0)
            if head == "council" and m.group("head")[0].isupper():
                return m.group(0)  # "the Council": in EU texts one of several councils
            if re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", m.group("mods")):
                return m.group(0)  # "the Smaller Island States grouping": a name of its own
            inner = list(_PLACEHOLDER.finditer(m.group(0)))
            keep = inner[-1].end() + len(re.match(r"-[a-z]+\s+", m.group(0)[inner[-1].end():])
                                         .group(0)) if inner else 0
            at = original_offset(sentence, m.start() + keep)
            # "the Vienna-based organization" describes the article's own body by its seat
            entity = topic if inner and topic is not None else focus(
                at, sentence.masked[m.end():m.end() + 2] in ("'s", "\u2019s"))
            if entity is not None and not _fits(head, entity):
                # "the council" after the General Assembly was named: the nearest body named
                # before whose name holds the noun, else the topic if it does
                entity = _nearest_fitting(head, at, named_here, recent, topic)
            if entity is None:
                return m.group(0)
            return m.group(0)[:keep] + make_item(sentence, m.group(0)[keep:], entity, at)

        if rx.search(sentence.masked):
            sentence.masked = rx.sub(replace, sentence.masked)
        _its_members(sentence, index, recent, topic, make_item)
        for it in named_items:  # (the bodies named, not the descriptions just resolved)
            if not titular(sentence, it):
                recent.append((index, it.entity))


# "Its members include A and B" opening a sentence: the members of the body the sentence before
# named, which need not be the article's own ("The CSTO met. Separately, the EAEU held talks.
# Its members include Armenia ...")
_ITS_MEMBERS = re.compile(r"(?:^|\s[-\u2013\u2014]\s)(?P<its>Its)\s+"
                          r"(?=(?:[\w-]+\s+){0,2}(?:members?|member\s+states|member\s+countries|founders|membership)\b)")


def _its_members(sentence, index: int, recent: list, topic: Entity | None, make_item) -> None:
    """Read a sentence-opening "Its members" as the members of the one body the sentence
    before named, when that is not the topic (the rules read an unnamed body as the topic)."""
    m = _ITS_MEMBERS.search(sentence.masked)
    if m is None:
        return
    before = {e.label: e for seen_at, e in recent if seen_at == index - 1}
    if len(before) != 1:
        return
    entity = next(iter(before.values()))
    if topic is not None and entity.label == topic.label:
        return
    at = original_offset(sentence, m.start("its"))
    placeholder = make_item(sentence, "Its", entity, at)
    sentence.masked = sentence.masked[:m.start("its")] + placeholder + "'s" + \
        sentence.masked[m.end("its"):]


# a body named only as the sponsor or setting of something else ("at a UN-backed conference",
# "during a UN conference", "under the auspices of the UN"): not the body "the bloc" means
_SPONSOR_AFTER = re.compile(r"-(?:backed|brokered|sponsored|hosted|organi[sz]ed|convened|run)\b")
_SETTING_BEFORE = re.compile(r"(?:\b(?:a|an)\s+|\bauspices\s+of\s+(?:the\s+)?)$", re.IGNORECASE)


def attributive(sentence, item) -> bool:
    """Whether a body's mention only sponsors or sets something else."""
    after = sentence.text[item.end - sentence.start:item.end - sentence.start + 16]
    before = sentence.text[max(0, item.start - sentence.start - 24):item.start - sentence.start]
    return bool(_SPONSOR_AFTER.match(after) or _SETTING_BEFORE.search(before))


# a body named inside a person's title ("Zhang Ming, Secretary-General of the SCO, attended")
# describes the person: the next sentence's "the organization" is still the article's body
_TITLE_BEFORE = re.compile(
    r"(?:secretar(?:y|ies)[- ]generals?|executive\s+secretary|secretary|director[- ]general|"
    r"director|spokes(?:man|woman|person)|envoy|ambassador|representative|commissioner|"
    r"chief\s+of\s+staff)\s+(?:of|to|at)\s+(?:the\s+)?$", re.IGNORECASE)


# ... or before it: "Peru met the UN Secretary-General", "NATO's secretary general said"
_TITLE_AFTER = re.compile(
    r"^(?:'s|\u2019s)?\s+(?:(?:deputy|assistant|special|acting|former|new|top|chief|foreign[- ]"
    r"policy|human[- ]rights|refugee|aid)\s+){0,2}(?:secretar(?:y|ies)[- ]generals?|"
    r"executive\s+secretary|director[- ]general|spokes(?:man|woman|person)|envoys?|"
    r"ambassadors?|representatives?|commissioners?|chief|head|officials?|diplomats?)\b",
    re.IGNORECASE)


def titular(sentence, item) -> bool:
    """Whether a body's mention only says whose official a person is."""
    before = sentence.text[max(0, item.start - sentence.start - 40):item.start - sentence.start]
    after = sentence.text[item.end - sentence.start:item.end - sentence.start + 48]
    return bool(_TITLE_BEFORE.search(before) or _TITLE_AFTER.match(after))


def _nearest_fitting(head: str, at: int, named_here: list, recent: list,
                     topic: Entity | None) -> Entity | None:
    """The body a head noun of its name ("council", "union") fits, named last before `at`."""
    before = [e for start, e in named_here if start < at] + [e for _, e in recent]
    for entity in [*before[::-1], topic]:
        if entity is not None and _fits(head, entity):
            return entity
    return None


_PLACEHOLDER = re.compile(r"\u27e6[SAOCT](\d+)\u27e7")


def original_offset(sentence, masked_pos: int) -> int:
    """The article offset of a position in a sentence's masked text."""
    shift = 0
    for m in _PLACEHOLDER.finditer(sentence.masked, 0, masked_pos):
        item = sentence.items[int(m.group(1))]
        shift += (item.end - item.start) - (m.end() - m.start())
    return sentence.start + masked_pos + shift


def topic_entity(label: str | None) -> Entity | None:
    return reference.resolve(label, "organization") if label else None
