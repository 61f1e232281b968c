"""Who holds which post: "Kazakh President Kassym-Jomart Tokayev", "X, the foreign minister
of Y", "Russia's permanent representative, Vassily Nebenzia", "Talgat Kaliyev, director of
the Institute of ... of Kazakhstan".

A person found here also becomes an actor for the other rules: once the article has said
that Tokayev is Kazakhstan's president, "Tokayev proposed" is Kazakhstan proposing, so the
person's later mentions (full name or surname, with or without the title) are masked as
their state (see `mask_persons`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import posts as posts_mod
from ..facts import Post
from ..reference import Entity, resolve
from .common import SA, O, S, evidence, negated
from .context import Context, Item, Masked

_EXTRA_TITLES = (
    "permanent representative", "deputy ambassador", "ambassador", "envoy", "special envoy",
    "crown prince", "deputy foreign minister", "high representative", "chairperson-in-office",
    "chairman-in-office", "secretary-general", "chairperson", "chairman", "commissioner",
    "speaker", "defence chief", "army chief", "national security adviser", "finance minister",
    "economy minister", "interior minister", "trade minister", "justice minister",
    "energy minister", "deputy secretary general", "executive secretary", "director general",
    "director-general", "governor", "mayor", "senator", "special representative",
    "external affairs minister", "senior adviser", "executive director", "chief of staff",
    "minister for european affairs", "european affairs minister", "ombudsman",
)
_MINISTER_OF = r"minister\s+(?:of|for)\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}"
_TITLES = sorted({*posts_mod.known_titles(), *_EXTRA_TITLES}, key=len, reverse=True)
TITLE = (r"(?:(?:first\s+|deputy\s+|acting\s+|vice\s+)?(?:" + _MINISTER_OF + "|"
         + "|".join(re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]") for t in
                    _TITLES if t != "presidential") + r"))")
_HONORIFIC = r"(?:(?:Sheikh|Sheik|Prince|Princess|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Emir|King|Queen|" \
             r"Sultan|General|Gen\.|Admiral|Marshal|Ambassador)\s+)*"
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'][A-Za-z]?[a-z]+)*|al-[A-Z][a-z]+|[A-Z]\.)"
_PARTICLE = r"(?:bin|bint|ibn|al|el|da|de|del|dos|van|von|der|di|le|la|Al)"
NAME = (_NAME_WORD + r"(?:\s+(?:" + _PARTICLE + r"\s+)*" + _NAME_WORD + r"){1,4}"
        r"(?:\s+(?:Jr|Sr)\.|\s+(?:II|III|IV|V|VI))?")
_STOP_NAMES = re.compile(
    r"^(?:The|A|An|In|On|At|But|And|After|Before|Since|While|When|Both|Its|His|Her|Their|"
    r"This|That|These|Those|Speaking|According|However|Minister|President|Secretary|"
    r"Council|Committee|General|Union|Republic|Kingdom|States|Islamic|Federation|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_WORDS_NOT_NAMES = re.compile(
    r"\b(?:Council|Committee|Union|Organi[sz]ation|Ministry|Assembly|Parliament|Summit|"
    r"Declaration|Treaty|Charter|Forum|Institute|University|Bank|Agency|Office|Group|Court|"
    r"Secretariat|Commission|Government|Kremlin|Cabinet)\b"
)

_FLAGS = re.IGNORECASE
_T = r"(?i:" + TITLE + r")"
_RULES = [
    ("post.adj-title-name", re.compile(
        r"(?:(?P<st>" + SA + r")|(?P<sp>" + S + r")'s|(?P<org>" + O + r")(?:'s)?)\s+"
        r"(?P<mod>(?i:new|outgoing|former|then|incumbent|current|acting)\s+)?"
        r"(?P<title>" + _T + r")\s*,?\s+" + _HONORIFIC + r"(?P<name>" + NAME + r")")),
    ("post.name-title-of", re.compile(
        r"(?P<name>" + NAME + r"),\s+(?:(?i:the|its|his|her|their)\s+)?"
        r"(?P<mod>(?i:new|outgoing|former|then|incumbent|current|acting)\s+)?"
        r"(?:(?P<st>" + SA + r")\s+)?(?P<title>" + _T + r")"
        r"(?:\s+(?:of|to|at|for)\s+(?:the\s+)?(?P<of>" + SA + "|" + O + r"))?"
        r"(?!\s*,?\s+(?:Sheikh\s+|Prince\s+)?[A-Z][a-z])")),
    ("post.director-of", re.compile(
        r"(?P<name>" + NAME + r"),\s+(?:the\s+)?(?P<title>(?i:(?:deputy\s+|acting\s+)?"
        r"(?:director|head|chairman|chair|rector|dean|president|founder|leader|professor)"
        r"\s+(?:of|at)\s+the\s+)(?P<inst>[A-Z][\w-]*(?:\s+(?:(?:of|for|and|on|the)\s+)?"
        r"[A-Z][\w-]*)*?))\s+(?:of|in)\s+(?P<of>" + S + r")")),
    ("post.title-name", re.compile(
        r"\b(?<![\u27e7\w]\s)(?<!'s\s)(?<![A-Za-z])(?P<title>" + _T + r")\s+" + _HONORIFIC
        + r"(?P<name>" + NAME + r")")),
]
_TWO_CAPS = re.compile(r"[A-Z][\w'-]*\.?\s+(?:" + _PARTICLE + r"\s+)*[A-Z]")
_STATE_POSTS = {"president", "prime minister", "foreign minister", "defence minister", "king",
                "vice president", "deputy prime minister", "crown prince", "chancellor"}


def _clean_name(name: str) -> str | None:
    name = re.sub(r"'s$", "", name.strip())
    if _STOP_NAMES.match(name) or _WORDS_NOT_NAMES.search(name):
        return None
    if len(name.split()) < 2:
        return None
    return name


def _title(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.strip().lower()).replace("secretary-general",
                                                            "secretary general")
    return posts_mod.normalise_post(raw)


def extract_posts(ctx: Context) -> list[Post]:
    found: dict[tuple[str, str, str | None], Post] = {}
    for sentence in ctx.sentences:
        if not _TWO_CAPS.search(sentence.masked):
            continue  # every rule needs a name of two capitalised words
        for rule, rx in _RULES:
            for m in rx.finditer(sentence.masked):
                post = _post(sentence, ctx, rule, m)
                if post is None:
                    continue
                key = (post.person.split()[-1], post.post, post.of)
                if key not in found:
                    found[key] = post
                    ctx.persons.setdefault(post.person, (post.post, post.of))
    return list(found.values())


def _post(sentence: Masked, ctx: Context, rule: str, m: re.Match[str]) -> Post | None:
    name = _clean_name(m.group("name"))
    if name is None:
        return None
    groups = m.groupdict()
    if (groups.get("mod") or "").strip().lower() in ("former", "then"):
        return None
    if re.search(r"\b(?:former|ex|late|then|previous)[\s-]+$",
                 sentence.masked[max(0, m.start() - 12):m.start()], re.I):
        return None
    if re.search(r"\s(?:Jr|Sr)$", name) and sentence.masked[m.end("name"):].startswith("."):
        name += "."
    if negated(sentence.masked[max(0, m.start() - 25):m.start()]):
        return None
    of = None
    for key in ("st", "sp", "org", "of"):
        token = groups.get(key)
        if token:
            index = re.search(r"\d+", token).group(0)
            of = sentence.label(index)
            if of:
                break
    if rule == "post.director-of":
        title = re.sub(r"\s+", " ", m.group("title").strip())
        title = title[0].lower() + title[1:]
        title = re.sub(r"^(director|head|chairman|chair|rector|dean|president|founder|leader"
                       r"|professor)", lambda x: x.group(1).lower(), title, flags=re.I)
        return Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                    confidence=0.7, rule=rule)
    title = _title(m.group("title"))
    if (groups.get("mod") or "").strip().lower() == "acting":
        title = "acting " + title
    if of is None and rule == "post.title-name":
        states = {sentence.state(i) for _, _, i in sentence.tokens("SA", 0, m.start())} - {None}
        later = {sentence.state(i) for _, _, i in sentence.tokens("SA", m.start())} - {None}
        if not states and not later:
            states = _previous_states(ctx, sentence)
        if title in _STATE_POSTS | {"foreign minister", "defence minister"} and len(states) == 1:
            of = states.pop()
        elif title == "secretary general" and ctx.topic_org:
            of = ctx.topic_org
        else:
            return None
    if of is None:
        return None
    if rule == "post.name-title-of" and not (groups.get("st") or groups.get("of")):
        return None
    return Post(name, title, of, evidence=evidence(sentence), origin="extracted",
                confidence=0.85 if rule != "post.title-name" else 0.6, rule=rule)


def _previous_states(ctx: Context, sentence: Masked) -> set[str]:
    index = next((i for i, s in enumerate(ctx.sentences) if s is sentence), 0)
    if index == 0:
        return set()
    before = ctx.sentences[index - 1]
    return {before.state(i) for _, _, i in before.tokens("SA")} - {None}


@lru_cache(maxsize=1024)
def _state_entity(label: str) -> Entity | None:
    return resolve(label, "state")


def mask_persons(ctx: Context) -> None:
    """Mask each later mention of a state's official as that state, for the other rules."""
    actors: dict[str, Entity] = {}
    for person, (_, of) in ctx.persons.items():
        entity = _state_entity(of) if of else None
        if entity is None:
            continue
        actors[person] = entity
        surname = person.split()[-1]
        if len(surname) > 3:
            actors.setdefault(surname, entity)
    if not actors:
        return
    names = "|".join(re.escape(n) for n in sorted(actors, key=len, reverse=True))
    who_rx = re.compile(r"(?<![\w-])(?:" + names + r")\b")
    for sentence in ctx.sentences:
        hits = list(who_rx.finditer(sentence.masked))
        if not hits:
            continue
        masked = sentence.masked
        parts: list[str] = []
        cursor = 0
        for hit in hits:
            if hit.start() < cursor:
                continue
            # what stands before the name and belongs to the mention: "Kazakh President ..."
            window_start = max(cursor, hit.start() - 120)
            lead = _LEAD.search(masked, window_start, hit.start())
            begin = lead.start() if lead else hit.start()
            sentence.items.append(Item("S", sentence.start, sentence.start,
                                       masked[begin:hit.end()], actors[hit.group(0)]))
            parts.append(masked[cursor:begin])
            parts.append(f"\u27e6S{len(sentence.items) - 1}\u27e7")
            cursor = hit.end()
        parts.append(masked[cursor:])
        sentence.masked = "".join(parts)


# a mention's lead-in, matched backwards from the name: state, title, honorific, given names
_LEAD = re.compile(r"(?<![\w-])(?:" + SA + r"\s+)?(?:(?i:" + TITLE + r")\s+)?" + _HONORIFIC
                   + r"(?:[A-Z][\w-]+\s+){0,3}$|(?:" + SA + r"\s+)$")
