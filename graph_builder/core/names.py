"""Finding the states, organisations and cities an article names, and in what role.

The extractor needs more than string matching: "Yerevan had no representation" is Armenia
acting, while "the summit in Minsk" is only a place, and "Kazakh Foreign Minister" names
Kazakhstan through an adjective. The gazetteer is built once from `graph_builder.core.reference`;
one regular expression over first words finds candidate starts, and the rest of each name
is matched token by token so that the longest name wins ("Republic of Armenia", not
"Armenia"; "Nigeria", never "Niger").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from graph_builder.core import reference
from graph_builder.core.metonymy import capital_role
from graph_builder.core.reference import Entity, SurfaceForm

ROLES = ("name", "demonym", "capital-as-state", "capital-as-place", "acronym")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: Entity
    role: str  # one of ROLES


# --- text folding -------------------------------------------------------------------------
# Accented letters fold to their base letter one for one, so offsets in the folded text are
# offsets in the article.


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2B0):
        base = "".join(
            ch for ch in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(ch)
        )
        if len(base) == 1 and base.isascii():
            table[code] = base
    table.update({0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x2010: "-", 0x2011: "-", 0x2013: "-"})
    return table


_FOLD = _fold_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match[str]) -> str:
    char = match.group()
    return _FOLD.get(ord(char), char)


def _fold(text: str) -> tuple[str, str]:
    """The text with accents folded (case kept) and the same text in lower case."""
    folded = text if text.isascii() else _NON_ASCII.sub(_fold_char, text)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a letter whose lower case is longer than itself
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in folded)
    return folded, lowered


def _fold_lower(text: str) -> str:
    return _fold(text)[1]


_TOKEN = re.compile(r"[a-z0-9]+")
_WORD = r"(?<![A-Za-z0-9])"
_END = r"(?![A-Za-z0-9])"


def _gap_key(gap: str) -> str:
    """Separators between two words of a name: spaces and hyphens are interchangeable."""
    return re.sub(r"[\s\-]+", "", gap)


# --- the gazetteer's entries -----------------------------------------------------------------

# Phrases that contain a name but do not refer to its entity; they are consumed silently.
_BLOCKED = (
    "Indian Ocean", "Persian Gulf", "Northern Ireland", "Irish Sea", "New Mexico",
    "Gulf of Mexico", "New Guinea", "Gulf of Guinea", "Niger Delta", "Niger River",
    "Congo River", "Congo Basin", "British Columbia", "American Samoa", "Latin America",
    "Latin American", "South America", "South American", "North America", "North American",
    "Central America", "Central American", "South China Sea", "East China Sea",
    "Washington Post", "Washington Times", "New York Times", "Congo", "Korean Peninsula",
    "Security Council",
)

# Capitals whose names are common first names or words; resolve() still knows them.
_NOT_IN_TEXT = frozenset({"male", "victoria", "kingston", "moroni", "georgetown", "nassau",
                          "saint john's", "st john's", "st. john's", "praia", "roseau"})

# Upper-case forms that are also English words: ignored on lines written all in capitals.
_WORDLIKE_CAPS = frozenset({"US", "WHO", "IT", "ECO", "CAN", "AU", "CAR", "RF", "OIF"})

_PLACE_WORDS = frozenset({"GUAM"})  # "Guam" in title case is the island, not the body

_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le",
                         "&", "to", "at"})


@dataclass(frozen=True)
class _Entry:
    tokens: tuple[str, ...]  # lower-case folded words
    gaps: tuple[str, ...]  # separator between word i and i+1, spaces and hyphens removed
    exact: tuple[str, ...] | None  # original spelling when the form must match case exactly
    entity: Entity | None  # None for a blocked phrase
    how: str  # "name" | "code" | "demonym" | "acronym" | "blocked"
    final_dot: bool = False  # the form ends in "." ("U.S."), which the mention keeps


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in letters) and len(letters) <= 6


def _entry(form: str, entity: Entity | None, how: str, exact: bool = False) -> _Entry | None:
    folded = _fold_lower(form)
    spans = [m.span() for m in _TOKEN.finditer(folded)]
    if not spans:
        return None
    tokens = tuple(folded[s:e] for s, e in spans)
    gaps = tuple(_gap_key(folded[spans[i][1]:spans[i + 1][0]]) for i in range(len(spans) - 1))
    spelling = tuple(form[s:e] for s, e in spans) if exact or _is_acronym(form) else None
    if spelling is not None and how == "name":
        how = "acronym"
    return _Entry(tokens, gaps, spelling, entity, how, form.rstrip().endswith("."))


def _plurals(demonym: str) -> Iterable[str]:
    yield demonym
    if not re.search(r"(s|sh|ch|ese|x|z|i-kiribati)$", demonym.lower()) and " " not in demonym:
        yield demonym + "s"


_HOW_RANK = {"blocked": 0, "acronym": 1, "name": 1, "code": 2, "demonym": 3}
_KIND_RANK = {"state": 0, "organization": 1, "city": 2}


def _choose(entries: list[_Entry]) -> list[_Entry]:
    """Among forms with the same words, keep the best per case rule; drop ties (ambiguity)."""
    best: dict[bool, list[_Entry]] = {}
    for entry in entries:
        best.setdefault(entry.exact is not None, []).append(entry)
    kept: list[_Entry] = []
    for group in best.values():
        def rank(entry: _Entry) -> tuple[int, int]:
            kind = entry.entity.kind if entry.entity else "state"
            return _HOW_RANK[entry.how], _KIND_RANK[kind]

        top = min(rank(entry) for entry in group)
        winners = [entry for entry in group if rank(entry) == top]
        if len({entry.entity for entry in winners}) == 1:
            kept.append(winners[0])
    return kept


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, shared prefixes factored out.

    The first letter must be a capital (every name is written with one); the rest of the
    word matches in any case.
    """
    trie: dict = {}
    for word in words:
        word = word[0].upper() + word[1:]
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    first = []
    for ch, child in sorted(trie.items()):
        rest = build(child)
        first.append(re.escape(ch) + (f"(?i:{rest})" if rest else ""))
    return "(?:" + "|".join(first) + ")"


def _group(entries: Iterable[_Entry]) -> dict[str, list[_Entry]]:
    by_words: dict[tuple[str, ...], list[_Entry]] = {}
    for entry in entries:
        by_words.setdefault(entry.tokens + entry.gaps, []).append(entry)
    by_first: dict[str, list[_Entry]] = {}
    for group in by_words.values():
        for entry in _choose(group):
            by_first.setdefault(entry.tokens[0], []).append(entry)
    for candidates in by_first.values():
        candidates.sort(key=lambda entry: (-len(entry.tokens), entry.exact is None))
    return by_first


# --- acronyms defined in the article --------------------------------------------------------

_CAP_WORD = r"[A-Z][\w'\u2019.&-]*"
_LINK = r"(?:of|the|for|and|on|in|de|du|des|la|le|to|at|&)"
# "Collective Security Treaty Organization (CSTO)": the bracket is found first and the name
# read back from it within a bounded stretch, so a long run of capitalised words with no
# bracket after it costs linear time (one regex over the whole run was quadratic)
_BRACKETED = re.compile(r"[ \t]*\([ \t]*([A-Z][A-Za-z0-9&-]{1,9})[ \t]*\)")
_NAME_BEFORE = re.compile(r"(" + _CAP_WORD + r"(?:[ \t]+(?:" + _CAP_WORD + "|" + _LINK + r"))*)\Z")
_NAME_REACH = 240  # characters a spelled-out name may take before its bracket


def _defined(text: str) -> list[tuple[str, str]]:
    """(name, acronym) for each "Name (ACR)" of the text."""
    pairs = []
    for m in _BRACKETED.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, m.start() - _NAME_REACH), m.start())
        if name:
            pairs.append((name.group(1), m.group(1)))
    return pairs
_DEFINED_AFTER = re.compile(r"\b([A-Z][A-Z0-9&-]{1,9})[ \t]*\(([A-Z][^()\n]{4,120})\)")


def _initials_fit(acronym: str, words: list[str]) -> bool:
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    significant = [word for word in words if word.lower() not in _CONNECTORS]
    if len(letters) < 2 or not significant:
        return False
    if letters[0] != significant[0][0].upper():
        return False
    pool = "".join(significant).upper()
    position = 0
    for letter in letters:
        position = pool.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _phrase_candidates(phrase: str, acronym: str) -> list[str]:
    """Trailing runs of the phrase whose initials can spell the acronym, longest first."""
    words = phrase.split()
    found: list[str] = []
    for first in range(len(words)):
        if words[first].lower() in _CONNECTORS:
            continue
        tail = words[first:]
        while tail and tail[-1].lower() in _CONNECTORS:
            tail = tail[:-1]
        if tail and _initials_fit(acronym, tail):
            found.append(" ".join(tail))
    return found


# --- the gazetteer --------------------------------------------------------------------------

_Learned = tuple[dict[str, list[_Entry]], "re.Pattern[str] | None"]


def _acronym_variants(form: str) -> tuple[str, ...]:
    """How news also writes a body's acronym: "Nato", "Asean", "C.S.T.O.".

    Only acronyms of three letters or more that are not English words in title case
    ("Who", "Eco", "Oas" is kept out by _WORDLIKE_CAPS); the variants match case exactly.
    """
    if not (form.isascii() and form.isalpha() and form.isupper() and 3 <= len(form) <= 6):
        return ()
    if form in _WORDLIKE_CAPS or form in _PLACE_WORDS or form.lower() in _CONNECTORS:
        return ()
    return (form.capitalize(), ".".join(form) + ".")


class Gazetteer:
    """All known surface forms, compiled once; `mentions` runs in one pass over a text."""

    def __init__(self) -> None:
        entries: list[_Entry] = []
        for form in reference.surface_forms():
            entries.extend(self._entries_for(form))
        for phrase in _BLOCKED:
            entry = _entry(phrase, None, "blocked")
            if entry:
                entries.append(entry)
        self._by_first = _group(entries)
        self._longest = {first: len(found[0].tokens) for first, found in self._by_first.items()}
        self._learned_cache: dict[tuple, _Learned] = {}
        self._capital_of = {
            state.capital: state for state in reference.entities("state") if state.capital
        }
        self._starts = re.compile(_WORD + _trie_pattern(self._by_first) + _END)

    @staticmethod
    def _entries_for(form: SurfaceForm) -> Iterable[_Entry]:
        if form.how == "code":
            return  # bare ISO codes collide with ordinary words; aliases carry the safe ones
        if form.entity.kind == "city" and reference.normalise(form.text) in _NOT_IN_TEXT:
            return
        texts = _plurals(form.text) if form.how == "demonym" else (form.text,)
        if form.entity.kind == "organization":
            texts = (*texts, *_acronym_variants(form.text))
        for text in texts:
            entry = _entry(text, form.entity, form.how)
            if entry:
                yield entry

    def learn_acronyms(self, text: str) -> dict[str, Entity]:
        """Acronyms an article defines in brackets, mapped to what they stand for.

        "Collective Security Treaty Organization (CSTO)" maps CSTO to the known body; a full
        name the tables do not know becomes an ad-hoc organisation named by its acronym.
        """
        learned: dict[str, Entity] = {}
        pairs = _defined(text)
        pairs += [(m.group(2), m.group(1)) for m in _DEFINED_AFTER.finditer(text)]
        for phrase, acronym in pairs:
            if acronym in learned:
                continue
            candidates = _phrase_candidates(phrase.strip(), acronym)
            if not candidates:
                continue
            entity = next(
                (found for found in map(reference.resolve, candidates) if found is not None),
                None,
            )
            if entity is None and self._knows_acronym(acronym):
                continue  # a known acronym with an unknown spelled-out form: keep the known one
            if entity is None:
                full = re.sub(r"^(?:The|the)\s+", "", candidates[0])
                entity = Entity(
                    kind="organization", slug=reference.slugify(acronym), label=acronym,
                    full_name=full, names=(acronym, full),
                )
            learned[acronym] = entity
        return learned

    def _knows_acronym(self, acronym: str) -> bool:
        entry = _entry(acronym, None, "acronym", exact=True)
        return entry is not None and any(
            known.tokens == entry.tokens and known.exact == entry.exact
            for known in self._by_first.get(entry.tokens[0], ())
        )

    def _learned_entries(self, learned: dict[str, Entity]) -> _Learned:
        """Entries for what an article taught, minus what the tables already say; cached."""
        key = tuple(sorted(learned.items(), key=lambda item: item[0]))
        cached = self._learned_cache.get(key)
        if cached is not None:
            return cached
        entries: list[_Entry] = []
        for acronym, entity in key:
            entry = _entry(acronym, entity, "acronym", exact=True)
            known = self._by_first.get(entry.tokens[0], ()) if entry else ()
            if entry and not any(k.tokens == entry.tokens and k.entity == entity for k in known):
                entries.append(entry)
            if entity.full_name and reference.resolve(entity.full_name) is None:
                full = _entry(entity.full_name, entity, "name")
                if full:
                    entries.append(full)
        grouped = _group(entries)
        pattern = re.compile(_WORD + _trie_pattern(grouped) + _END) if grouped else None
        if len(self._learned_cache) > 256:
            self._learned_cache.clear()
        self._learned_cache[key] = (grouped, pattern)
        return grouped, pattern

    def mentions(self, text: str, learned: dict[str, Entity] | None = None) -> list[Mention]:
        """Every mention in order; overlapping candidates resolve to the longest one."""
        cased, folded = _fold(text)
        extra, extra_starts = self._learned_entries(learned) if learned else ({}, None)
        spans = [m.span() for m in self._starts.finditer(cased)]
        longest = self._longest
        if extra and extra_starts is not None:
            spans = sorted(set(spans) | {m.span() for m in extra_starts.finditer(cased)})
            longest = dict(longest)
            for first, entries in extra.items():
                longest[first] = max(longest.get(first, 0), len(entries[0].tokens))
        found: list[Mention] = []
        cursor = 0
        for start, first_end in spans:
            if start < cursor:
                continue
            first = folded[start:first_end]
            size = longest.get(first, 1)
            words = [(start, first_end)] if size == 1 else self._words_at(folded, start, size)
            match = self._best(text, folded, words, extra)
            if match is None:
                continue
            entry, end = match
            cursor = end
            if entry.entity is not None:
                found.append(self._mention(text, start, end, entry))
        return found

    @staticmethod
    def _words_at(folded: str, start: int, limit: int) -> list[tuple[int, int]]:
        words: list[tuple[int, int]] = []
        for m in _TOKEN.finditer(folded, start):
            words.append(m.span())
            if len(words) == limit:
                break
        return words

    def _best(
        self, text: str, folded: str, words: list[tuple[int, int]],
        extra: dict[str, list[_Entry]],
    ) -> tuple[_Entry, int] | None:
        """The longest entry that fits the words at this start (candidates come longest first)."""
        first = folded[words[0][0]:words[0][1]]
        candidates = self._by_first.get(first, ())
        if extra and first in extra:
            candidates = sorted([*extra[first], *candidates], key=lambda e: -len(e.tokens))
        available = len(words)
        for entry in candidates:
            n = len(entry.tokens)
            if n <= available and self._fits(text, folded, words, entry):
                end = words[n - 1][1]
                if entry.final_dot and text.startswith(".", end):
                    end += 1
                return entry, end
        return None

    @staticmethod
    def _fits(text: str, folded: str, words: list[tuple[int, int]], entry: _Entry) -> bool:
        for i, token in enumerate(entry.tokens):
            s, e = words[i]
            if folded[s:e] != token:
                return False
            if entry.exact is not None and text[s:e] != entry.exact[i]:
                return False
            if i and _gap_key(folded[words[i - 1][1]:s]) != entry.gaps[i - 1]:
                return False
        first_start = words[0][0]
        if entry.exact is None:
            if entry.how != "blocked" and not text[first_start].isupper():
                return False
        elif "".join(entry.exact) in _WORDLIKE_CAPS and _line_is_upper(text, first_start):
            return False
        return True

    def _mention(self, text: str, start: int, end: int, entry: _Entry) -> Mention:
        entity = entry.entity
        assert entity is not None
        role = {"demonym": "demonym", "acronym": "acronym"}.get(entry.how, "name")
        if entity.kind == "city" and entity.slug in self._capital_of:
            role = capital_role(text, start, end)
            if role == "capital-as-state":
                entity = self._capital_of[entity.slug]
        return Mention(start, end, text[start:end], entity, role)


def _line_is_upper(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.upper() == line and any(ch.isalpha() for ch in line)
