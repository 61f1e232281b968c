"""The facts of one article: the hand-over point between extraction and the graph.

Extraction writes them, people curate corrections (`data/facts/*.json`), the RDF mapping reads
them. One JSON form serves all three, checked against `ontology/facts.schema.json`, so a
curated file and an extracted one can be merged and compared key by key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from graph_builder.core import leaders, reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.resources import ontology_file
from graph_builder.core.titles import post_key

FACT_KINDS = ("chairmanships", "memberships", "posts", "events", "cooperation_proposals",
              "member_counts")


@dataclass(frozen=True)
class Evidence:
    """The sentence stating a fact and where it stands in the article text."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass
class _Fact:
    evidence: Evidence | None = field(default=None, kw_only=True)
    origin: str = field(default="curated", kw_only=True)
    confidence: float | None = field(default=None, kw_only=True)
    rule: str | None = field(default=None, kw_only=True)
    optional: bool = field(default=False, kw_only=True)
    note: str | None = field(default=None, kw_only=True)
    id: str | None = field(default=None, kw_only=True)
    # "planned" or "expected" when the article states the fact ahead of time
    # (graph_builder/extract/modality.py); None when it is stated as done or holding
    modality: str | None = field(default=None, kw_only=True)


@dataclass
class Chairmanship(_Fact):
    organization: str
    chair: str
    start: str | None
    end: str | None = None
    previous: str | None = None


@dataclass
class Membership(_Fact):
    organization: str
    member: str
    start: str | None = None
    end: str | None = None
    status: str | None = None


@dataclass
class Post(_Fact):
    person: str
    post: str
    of: str | None
    start: str | None = None
    end: str | None = None


@dataclass
class Event(_Fact):
    type: str
    place: str | None = None
    date: str | None = None
    participants: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    name: str | None = None
    organization: str | None = None
    host: str | None = None


@dataclass
class CooperationProposal(_Fact):
    proposer: str
    organization: str | None = None
    partner: str | None = None
    by: str | None = None
    detail: str | None = None


@dataclass
class MemberCount(_Fact):
    """How many members an article says an organisation has ("the 55-member African
    Union"): a total the graph cannot count from the members it knows by name. Attested at
    the article's date, like every fact with no stated period."""

    organization: str
    count: int


FACT_CLASSES: dict[str, type[_Fact]] = {
    "chairmanships": Chairmanship,
    "memberships": Membership,
    "posts": Post,
    "events": Event,
    "cooperation_proposals": CooperationProposal,
    "member_counts": MemberCount,
}


@dataclass
class ArticleFacts:
    """Everything blocgraph knows about one article, ready to become its named graph."""

    article: str
    published: str | None = None
    title: str | None = None
    chairmanships: list[Chairmanship] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    cooperation_proposals: list[CooperationProposal] = field(default_factory=list)
    member_counts: list[MemberCount] = field(default_factory=list)
    rejected: dict[str, list[_Fact]] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return Path(self.article).stem

    def all_facts(self) -> list[tuple[str, _Fact]]:
        return [(kind, f) for kind in FACT_KINDS for f in getattr(self, kind)]

    def is_empty(self) -> bool:
        return not self.all_facts()


@cache
def _schema() -> dict[str, Any]:
    return json.loads(ontology_file("facts.schema.json").read_text(encoding="utf-8"))


@cache
def _fast_validator() -> Callable[[Any], Any]:
    """fastjsonschema compiles the schema to Python: ~50x quicker on large facts files.

    Imported here, not at the top: the serve workers import this module (through the
    IRI rules) and never check a facts file.
    """
    import fastjsonschema

    return fastjsonschema.compile(_schema())


@cache
def _validator() -> Any:
    """jsonschema, only to name the error once fastjsonschema has found one."""
    import jsonschema

    cls = jsonschema.validators.validator_for(_schema())
    return cls(_schema(), format_checker=cls.FORMAT_CHECKER)


def _json_path(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def validate(data: Any, source: str) -> None:
    """Raise BlocgraphError naming the file and JSON path of the first schema violation."""
    if isinstance(data, dict):
        unknown = [k for k in data if k not in _schema()["properties"]]
        if unknown:
            raise BlocgraphError(
                f"{source}: unknown fact type or key '{unknown[0]}' "
                f"(known: {', '.join(FACT_KINDS)}, article, published, title, reject)"
            )
    from fastjsonschema import JsonSchemaException

    try:
        _fast_validator()(data)
        return
    except JsonSchemaException:
        pass  # jsonschema names the best-matching error and its path
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))
    if error is not None:
        raise BlocgraphError(f"{source}: {_json_path(error.absolute_path)}: {error.message}")


def _fact_from_dict(kind: str, item: dict[str, Any], origin: str) -> _Fact:
    cls = FACT_CLASSES[kind]
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in item.items() if k in known}
    if isinstance(values.get("evidence"), dict):
        values["evidence"] = Evidence(**values["evidence"])
    values.setdefault("origin", origin)
    for key in ("participants", "absent"):
        if key in values and values[key] is None:
            values[key] = []
    return cls(**values)


def from_dict(data: dict[str, Any], source: str, *, check_names: bool = True) -> ArticleFacts:
    """Validate and load a facts document; `source` names it in error messages."""
    validate(data, source)
    origin = data.get("origin", "curated")
    facts = ArticleFacts(
        article=data["article"], published=data.get("published"), title=data.get("title")
    )
    for kind in FACT_KINDS:
        for item in data.get(kind, []):
            getattr(facts, kind).append(_fact_from_dict(kind, item, origin))
    for kind, items in data.get("reject", {}).items():
        facts.rejected[kind] = [_fact_from_dict(kind, item, origin) for item in items]
    _check_dates(facts, source)
    if check_names:
        check_references(facts, source)
    return facts


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json's object hook that refuses a key given twice instead of keeping the last."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return out


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?|[{}\[\]]')


def _duplicate_line(text: str, key: str) -> int | None:
    """The line of the first key repeated within one object of `text` (1-based)."""
    stack: list[set[str] | None] = []  # the keys of each open object (None: an array)
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "{[":
            stack.append(set() if token == "{" else None)
        elif token in "}]":
            if stack:
                stack.pop()
        elif match.group(1) and stack and stack[-1] is not None:
            try:
                name = json.loads(token[: token.rindex('"') + 1])
            except ValueError:
                continue
            if name in stack[-1] and name == key:
                return text.count("\n", 0, match.start()) + 1
            stack[-1].add(name)
    return None


def read_facts(path: Path) -> ArticleFacts:
    """Read a facts JSON file; every problem is one line naming the file and where."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BlocgraphError(f"{path}: cannot read facts file ({exc})") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise BlocgraphError(
            f"{path}: line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    except RecursionError:
        raise BlocgraphError(
            f"{path}: nested too deeply to be a facts file (objects and lists "
            "hundreds of levels deep)"
        ) from None
    except _DuplicateKey as exc:
        line = _duplicate_line(text, exc.key)
        where = f"line {line}: " if line else ""
        raise BlocgraphError(
            f"{path}: {where}key '{exc.key}' given twice in one object (which one is meant?)"
        ) from None
    if not isinstance(data, dict):
        raise BlocgraphError(
            f"{path}: a facts file holds one JSON object, not {type(data).__name__}"
        )
    _no_control_characters(data, str(path))
    return from_dict(data, str(path))


# C0 controls, DEL and C1 controls: never in a name, title or date; an evidence sentence
# may hold line breaks and tabs, as the article text does.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control_characters(data: Any, source: str, where: tuple[Any, ...] = ()) -> None:
    """Refuse a control character (NUL, BEL, ESC...) anywhere in a curated file, naming
    the file and field: printed later by `query` or `ask`, it would drive the terminal."""
    if isinstance(data, dict):
        for key, value in data.items():
            _no_control_characters(value, source, (*where, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _no_control_characters(value, source, (*where, i))
    elif isinstance(data, str):
        pattern = _CONTROL_IN_TEXT if where[-2:-1] == ("evidence",) and where[-1] == "text" \
            else _CONTROL
        found = pattern.search(data)
        if found:
            raise BlocgraphError(
                f"{source}: {_json_path(where)}: control character "
                f"U+{ord(found.group()):04X} in {data[:40]!r} (names, titles and dates hold "
                "printable characters only)"
            )


def to_dict(facts: ArticleFacts, *, evidence: bool = True, rules: bool = True) -> dict[str, Any]:
    """The JSON form of the facts, without empty or internal fields.

    `rules=False` leaves out the rule that found each fact (`extract` without --explain).
    """
    out: dict[str, Any] = {"article": facts.article, "published": facts.published}
    if facts.title:
        out["title"] = facts.title
    for kind in FACT_KINDS:
        items = []
        for fact in getattr(facts, kind):
            d = {k: v for k, v in asdict(fact).items() if v not in (None, False) or k == "end"}
            if not evidence:
                for k in ("evidence", "origin", "confidence", "rule"):
                    d.pop(k, None)
            elif d.get("evidence") is not None:
                d["evidence"] = {k: v for k, v in d["evidence"].items() if v is not None}
            if not rules:
                d.pop("rule", None)
            items.append(d)
        out[kind] = items
    return out


def _check_dates(facts: ArticleFacts, source: str) -> None:
    for kind, fact in facts.all_facts():
        start = getattr(fact, "start", None)
        end = getattr(fact, "end", None)
        for name in ("start", "end", "date"):
            value = getattr(fact, name, None)
            if value:
                try:
                    PartialDate.parse(value)
                except ValueError as exc:
                    raise BlocgraphError(f"{source}: {kind}: {exc}") from None
        if start and end and PartialDate.parse(end).last_day < PartialDate.parse(start).first_day:
            raise BlocgraphError(f"{source}: {kind}: end {end} is before start {start}")


_STATE_FIELDS = {
    "chairmanships": ("chair", "previous"),
    "memberships": ("member",),
    "posts": (),
    "events": ("participants", "absent", "host"),
    "cooperation_proposals": ("proposer",),
    "member_counts": (),
}
_ORG_FIELDS = {
    "chairmanships": ("organization",),
    "memberships": ("organization",),
    "posts": (),
    "events": ("organization",),
    "cooperation_proposals": ("organization", "partner"),
    "member_counts": ("organization",),
}


def _unknown(kind: str, name: str, source: str, where: str) -> BlocgraphError:
    hint = reference.suggest(name, kind if kind in ("state", "organization", "city") else None)
    did_you_mean = f" (did you mean {', '.join(hint)}?)" if hint else ""
    return BlocgraphError(f"{source}: {where}: unknown {kind} '{name}'{did_you_mean}")


def check_references(facts: ArticleFacts, source: str) -> None:
    """Every state, organisation and place a fact names must be one blocgraph knows."""
    for kind in FACT_KINDS:
        for i, fact in enumerate(getattr(facts, kind)):
            _check_fact(kind, i, fact, source)


def drop_unresolved(facts: ArticleFacts, source: str) -> list[str]:
    """Remove facts that name something blocgraph does not know; say which, one line each.

    Curated files must be right (an unknown name there is an error), but extraction may
    meet a name the tables lack; the article's other facts still go into the graph.
    """
    problems = []
    for kind in FACT_KINDS:
        kept = []
        for i, fact in enumerate(getattr(facts, kind)):
            try:
                _check_fact(kind, i, fact, source)
                kept.append(fact)
            except BlocgraphError as exc:
                problems.append(str(exc))
        setattr(facts, kind, kept)
    return problems


def _check_fact(kind: str, i: int, fact: _Fact, source: str) -> None:
    where = f"{kind}[{i}]"
    for name in _STATE_FIELDS[kind]:
        values = getattr(fact, name)
        for value in values if isinstance(values, list) else [values]:
            if value and reference.resolve(value, "state") is None:
                raise _unknown("state", value, source, f"{where}.{name}")
    for name in _ORG_FIELDS[kind]:
        value = getattr(fact, name)
        if value and reference.resolve(value, "organization") is None:
            raise _unknown("organization", value, source, f"{where}.{name}")
    if kind == "posts" and fact.of and reference.resolve(fact.of) is None:
        raise _unknown("state or organization", fact.of, source, f"{where}.of")
    if kind == "events" and fact.place and reference.resolve(fact.place, "city") is None \
            and fact.origin != "extracted":
        # (a town the text itself names as a place, which the tables lack, is kept: the
        # graph mints it; a curated file's unknown city is more likely a typo)
        raise _unknown("city", fact.place, source, f"{where}.place")


def slug_of(name: str | None, kind: str | None = None) -> str | None:
    """The canonical slug of a name, or the name lower-cased when blocgraph does not know it."""
    if not name:
        return None
    entity = reference.resolve(name, kind)
    return entity.slug if entity else name.strip().lower()


# A membership status short of full membership ("observer", "partner" for a dialogue partner
# or partner country, "associate"): the graph keeps the standing but writes no bloc:memberOf,
# and questions about members leave the state out. Words rather than the schema's three
# values, so that curated files and gold written as "associated state" or "dialogue
# partner" are read alike.
_OUTSIDE_WORDS = ("observer", "partner", "associat", "applicant", "candidate", "guest")


def outside_membership(status: str | None) -> bool:
    """Whether a membership of this status is a standing short of membership."""
    low = (status or "").lower()
    return any(word in low for word in _OUTSIDE_WORDS)


def fact_key(kind: str, fact: _Fact) -> tuple:
    """What makes two statements the same fact, for curation and evaluation alike.

    A chairmanship is matched on organisation, chair and start year; a membership on
    organisation, member and whether it is full (an observer is not a member); a post on
    the holder's surname, the post and what it is of; an event on type, place and month.
    """
    if kind == "chairmanships":
        year = fact.start[:4] if fact.start else None
        return (slug_of(fact.organization, "organization"), slug_of(fact.chair, "state"), year)
    if kind == "memberships":
        standing = "outside" if outside_membership(fact.status) else "member"
        return (slug_of(fact.organization, "organization"), slug_of(fact.member, "state"),
                standing)
    if kind == "posts":
        # folded: "Erdoğan" and "Erdogan", "Atambaev" and "Atambayev" are one person
        # written two ways
        surname = leaders.fold_transliteration(reference.normalise(fact.person.split()[-1])) \
            if fact.person.strip() else ""
        return (surname, post_key(fact.post, fact.of), slug_of(fact.of))
    if kind == "events":
        month = fact.date[:7] if fact.date else None
        return (fact.type, slug_of(fact.place, "city"), month)
    if kind == "member_counts":
        return (slug_of(fact.organization, "organization"), fact.count)
    if kind == "cooperation_proposals":
        return (
            slug_of(fact.proposer, "state"),
            slug_of(fact.organization, "organization"),
            slug_of(fact.partner, "organization"),
        )
    raise ValueError(kind)


def merge(extracted: ArticleFacts | None, curated: ArticleFacts | None) -> ArticleFacts:
    """Curated facts on top of extracted ones: curated adds, rejects, and wins on conflicts."""
    if extracted is None:
        assert curated is not None
        return curated
    if curated is None:
        return extracted
    merged = replace(
        extracted,
        published=curated.published or extracted.published,
        title=curated.title or extracted.title,
    )
    for kind in FACT_KINDS:
        rejected = {fact_key(kind, f) for f in curated.rejected.get(kind, [])}
        curated_items = getattr(curated, kind)
        curated_keys = {fact_key(kind, f) for f in curated_items}
        kept = [
            f
            for f in getattr(extracted, kind)
            if fact_key(kind, f) not in rejected and fact_key(kind, f) not in curated_keys
        ]
        setattr(merged, kind, kept + list(curated_items))
    return merged
