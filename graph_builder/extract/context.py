"""One article prepared for the rules: sentences with their names and dates masked.

The rules of every fact family read the same view of a sentence, in which each state,
organisation, city and date is replaced by a placeholder: "⟦S3⟧ assumes the rotating
chairmanship of the ⟦O5⟧ for ⟦T6⟧". A rule then says what it means ("a state assumes
the chairmanship of a body for a period") without caring how the names were spelled,
which is what makes one rule cover "Kazakhstan", "Astana" and "the Kazakh side".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from graph_builder.core.names import Gazetteer
from graph_builder.core.reference import Entity
from graph_builder.extract import anaphora
from graph_builder.extract import date_phrases as dates_mod
from graph_builder.extract import sentences as sentences_mod
from graph_builder.extract.articles import Article

# placeholder kinds: S state (by name, code or its capital acting), A state adjective or
# demonym, O organisation, C city as a place, T date
_PLACEHOLDER = re.compile(r"\u27e6([SAOCT])(\d+)\u27e7")


@dataclass(frozen=True)
class Item:
    kind: str
    start: int  # offset in the article text
    end: int
    text: str
    entity: Entity | None = None
    date: dates_mod.DateMention | None = None


@dataclass
class Masked:
    """A sentence, its items, and the masked text the rules match against."""

    start: int
    end: int
    text: str
    masked: str
    items: list[Item]
    in_title: bool = False
    _scanned: str | None = field(default=None, repr=False, compare=False)
    _placeholders: list[tuple[int, int, str, int]] = field(default_factory=list, repr=False,
                                                           compare=False)

    def item(self, token: str | int) -> Item:
        return self.items[int(token)]

    def label(self, token: str | int) -> str | None:
        item = self.items[int(token)]
        if item.entity is None:
            return None
        if item.entity.kind == "city" and item.kind == "S":
            return None
        return item.entity.label

    def state(self, token: str | int) -> str | None:
        """The state an S or A item names (a capital acting for its state included)."""
        item = self.items[int(token)]
        if item.entity is not None and item.entity.kind == "state":
            return item.entity.label
        return None

    def org(self, token: str | int) -> str | None:
        item = self.items[int(token)]
        if item.entity is not None and item.entity.kind == "organization":
            return item.entity.label
        return None

    def orgs(self) -> list[str]:
        """The organisations the sentence names, in their order."""
        return [o for _, _, i in self.tokens("O") if (o := self.org(i))]

    def org_or(self, topic: str | None) -> str | None:
        """The first organisation the sentence names, else the article's topic: whose a
        table row or timeline entry is when it names none."""
        return next(iter(self.orgs()), topic)

    def kinds(self, kind: str) -> list[tuple[int, Item]]:
        return [(i, it) for i, it in enumerate(self.items) if it.kind == kind]

    def tokens(self, kinds: str, start: int = 0, end: int | None = None) -> list[
        tuple[int, str, int]
    ]:
        """(position in masked text, kind, item index) of placeholders in masked[start:end]."""
        if self._scanned != self.masked:  # the rules call this often; rescan only on change
            self._placeholders = [(m.start(), m.end(), m.group(1), int(m.group(2)))
                                  for m in _PLACEHOLDER.finditer(self.masked)]
            self._scanned = self.masked
        stop = len(self.masked) if end is None else end
        return [(pos, kind, index) for pos, until, kind, index in self._placeholders
                if kind in kinds and pos >= start and until <= stop]


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


@dataclass
class Context:
    article: Article
    published: date | None
    sentences: list[Masked] = field(default_factory=list)
    topic_org: str | None = None
    persons: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # surname -> ...
    # persons the text names with a state but no title, placed by the leaders table alone
    # (extract/posts.py): their surname alone is no mention of them
    full_name_only: set[str] = field(default_factory=set)


def _kind_of(role: str, entity: Entity) -> str:
    if entity.kind == "organization":
        return "O"
    if entity.kind == "city":
        return "C"
    return "A" if role == "demonym" else "S"


def build_context(article: Article) -> Context:
    published = date.fromisoformat(article.published) if article.published else None
    ctx = Context(article, published)
    text = article.text
    gaz = gazetteer()
    regions: list[tuple[int, int, bool]] = []
    if article.title and article.title_offset is not None:
        regions.append((article.title_offset, article.title_offset + len(article.title), True))
    regions.append((article.body_offset, len(text), False))
    learned = gaz.learn_acronyms(text[article.body_offset:]) or None
    counts: Counter[str] = Counter()
    first_orgs: Counter[str] = Counter()
    for region_start, region_end, in_title in regions:
        segment = text[region_start:region_end]
        mentions = gaz.mentions(segment, learned)
        starts = [m.start for m in mentions]
        for sentence in sentences_mod.split(text, region_start, region_end):
            ctx.sentences.append(_mask(sentence, mentions, starts, region_start, published,
                                       in_title))
    _short_council_names(ctx)
    for index, masked in enumerate(ctx.sentences):
        for _, item in masked.kinds("O"):
            assert item.entity is not None
            if anaphora.attributive(masked, item):
                continue  # "at a UN-backed conference": a sponsor, not what the text is about
            counts[item.entity.label] += 1
            if index < 4:
                first_orgs[item.entity.label] += 2 if masked.in_title else 1
    if first_orgs:
        ctx.topic_org = first_orgs.most_common(1)[0][0]
    elif counts:
        ctx.topic_org = counts.most_common(1)[0][0]
    anaphora.resolve(ctx.sentences, _topic_entity(ctx), _anaphor_item)
    return ctx


def _topic_entity(ctx: Context) -> Entity | None:
    for sentence in ctx.sentences:
        for _, item in sentence.kinds("O"):
            if item.entity is not None and item.entity.label == ctx.topic_org:
                return item.entity
    return None


def _anaphor_item(sentence: Masked, text: str, entity: Entity, at: int) -> str:
    """The placeholder of a description that stands for `entity` ("the bloc")."""
    sentence.items.append(Item("O", at, at + len(text), text, entity))
    return f"\u27e6O{len(sentence.items) - 1}\u27e7"


_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s+[A-Z][\w .'-]+)?\s+[-\u2013\u2014]+\s+")


def _short_council_names(ctx: Context) -> None:
    """"the Security Council" after the UN Security Council, or the UN, was named is that
    Council ("The United Nations ... The Security Council's five permanent members")."""
    named = any(it.entity is not None and it.entity.slug in ("unsc", "un")
                for s in ctx.sentences for it in s.items)
    if not named:
        return
    from graph_builder.core.reference import resolve

    unsc = resolve("UNSC", "organization")
    rx = re.compile(r"(?<!Secretaries of the )\bSecurity Council\b(?!s)")
    for sentence in ctx.sentences:
        def replace(m: re.Match[str], sentence: Masked = sentence) -> str:
            before = sentence.masked[:m.start()].split()
            if before and (before[-1][:1].isupper() and before[-1] not in ("The", "UN", "U.N.")
                           or before[-1].endswith(("'s", "\u2019s"))):
                return m.group(0)  # "the Collective Security Council", "Russia's ..."
            at = anaphora.original_offset(sentence, m.start())
            sentence.items.append(Item("O", at, at + len(m.group(0)), m.group(0), unsc))
            return f"\u27e6O{len(sentence.items) - 1}\u27e7"

        sentence.masked = rx.sub(replace, sentence.masked)


_TITLE_BEFORE = re.compile(
    r"(?:\b(?:President|Minister|Secretary|Chancellor|Ambassador|Mr|Ms|Mrs|Dr|General|Senator|"
    r"Governor|Speaker|Chairman|Chairperson|Envoy|[Ss]pokes(?:man|woman|person)|Premier|King|"
    r"Queen|Prince|Emir)\.?\s+(?:of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+)?)$")
_SURNAME_AFTER = re.compile(r"^\s+[A-Z\u00c0-\u00de][a-z\u00df-\u024f]+")


# a demonym that begins another state's name, one the gazetteer does not know as that state
# ("the Kyrgyz Republic" is matched whole as Kyrgyzstan before this is asked)
_OTHER_REPUBLIC = re.compile(r"\s+(?:[A-Z]\w+\s+){0,2}Republic\b")


def _first_name_of_person(sentence: sentences_mod.Sentence, start: int, end: int) -> bool:
    """A city's name used as a first name: a title before it and a surname after it."""
    before = sentence.text[max(0, start - sentence.start - 30):start - sentence.start]
    after = sentence.text[end - sentence.start:end - sentence.start + 30]
    return bool(_TITLE_BEFORE.search(before) and _SURNAME_AFTER.match(after))


def _mask(sentence: sentences_mod.Sentence, mentions: list, starts: list[int], base: int,
          published: date | None, in_title: bool) -> Masked:
    items: list[Item] = []
    dateline = _DATELINE_PLACE.match(sentence.text)
    skip_to = sentence.start + dateline.end() if dateline else sentence.start
    first = bisect.bisect_left(starts, skip_to - base)
    for m in mentions[first:]:
        start, end = m.start + base, m.end + base
        if start >= sentence.end:
            break
        if end <= sentence.end:
            if m.entity.kind == "city" and _first_name_of_person(sentence, start, end):
                continue  # "President Santiago Peña": a first name, not the city
            if m.role == "demonym" and _OTHER_REPUBLIC.match(
                    sentence.text, end - sentence.start):
                continue  # "the Turkish Republic of Northern Cyprus" is not Turkey
            items.append(Item(_kind_of(m.role, m.entity), start, end, m.text, m.entity))
    taken = [(it.start, it.end) for it in items]
    for d in dates_mod.find_dates(sentence.text, published, sentence.start):
        if not any(s < d.end_char and d.start_char < e for s, e in taken):
            items.append(Item("T", d.start_char, d.end_char, d.text, None, d))
    items.sort(key=lambda it: it.start)
    parts: list[str] = []
    cursor = sentence.start
    text = sentence.text
    for i, item in enumerate(items):
        parts.append(text[cursor - sentence.start:item.start - sentence.start])
        parts.append(f"\u27e6{item.kind}{i}\u27e7")
        cursor = item.end
    parts.append(text[cursor - sentence.start:])
    masked = "".join(parts).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    # Markdown emphasis ("**Heléne Björklund**") is no part of a name: blank it, same length
    masked = masked.replace("**", "  ").replace("__", "  ")
    # a bulleted list joined into its sentence reads as a comma list: "- Kenya\n- Uganda"
    masked = re.sub(r"\n\s*(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+", ", ", masked)
    return Masked(sentence.start, sentence.end, sentence.text, masked, items, in_title)
