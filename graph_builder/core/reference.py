"""The reference tables: every state, organisation and capital blocgraph knows by name.

Extraction, the RDF writer, the question answerer and the network export must all agree
on what "Kazakhstan" or "CSTO" is, so the names live in three CSV files shipped with the
package (`data/states.csv`, `data/organisations.csv`, `data/cities.csv`) and are read here
once. Everything else asks this module; nothing else parses those files.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from graph_builder.core.errors import BlocgraphError
from graph_builder.core.vocab import fold_accents, slugify

KINDS = ("state", "organization", "city")

# Two-letter ISO codes that are also English words or everyday abbreviations; they stay out
# of `names` so that resolve("IN") or resolve("no") cannot turn into a state.
_UNSAFE_ISO2 = frozenset(
    "AD AL AM AN AR AS AT AU BE BY CA CO DE DO GA GO HE HI ID IL IN IS IT LA MA MD ME MN MO "
    "MS MT MY NA NC ND NE NO OM ON OR PA PE PH PR SA SC SD SE SO ST TN TO TV TX UM US VA WE "
    "WI".split()
)

# Surface forms that name more than one entity; they resolve to nothing rather than guess.
# states whose "Republic of" form names another state or none ("Republic of China": Taiwan)
_NOT_FORMAL = frozenset({"China", "Congo", "Korea", "Ireland"})
_AMBIGUOUS = frozenset({"congo", "the congo", "korea", "korean", "congolese", "guinean republic"})


@dataclass(frozen=True)
class Entity:
    kind: str  # "state" | "organization" | "city"
    slug: str  # "kazakhstan", "csto", "astana"
    label: str  # canonical English label, as written into facts
    full_name: str | None
    names: tuple[str, ...]  # every surface form that names it (label, official, aliases, codes)
    iso2: str | None = None
    iso3: str | None = None
    wikidata: str | None = None
    capital: str | None = None  # state: slug of its capital city entity
    country: str | None = None  # city: slug of its state
    demonyms: tuple[str, ...] = ()
    parent: str | None = None  # organisation: slug of the body it belongs to
    org_kind: str | None = None
    # organisation: months a chair holds it when the table knows (6: the EU Council's and
    # the Council of Europe's rotations, 1: the UNSC's presidency); None: not known
    chair_term_months: int | None = None


@dataclass(frozen=True)
class SurfaceForm:
    """One way of writing an entity's name, for the mention finder."""

    text: str
    entity: Entity
    how: str  # "name" | "code" | "demonym"




_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def normalise(name: str) -> str:
    """The lookup key: case, accents, quotes, dots, a leading "the" and a trailing "'s" ignored.

    "the U.S.", "US", "Türkiye's" and "turkiye" must meet the same key, while "Niger" and
    "Nigeria" must not.
    """
    key = fold_accents(name.translate(_QUOTES)).lower().strip()
    key = re.sub(r"[.,]", "", key)
    key = re.sub(r"[\s\-\u2010-\u2015_/]+", " ", key).strip(" '\"()[]")
    key = re.sub(r"'s$", "", key).strip()
    key = re.sub(r"^the\s+", "", key)
    return key


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def _rows(file_name: str, columns: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    path = resources.files("graph_builder.core") / "data" / file_name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(columns) - set(reader.fieldnames or ())
        if missing:
            listed = ", ".join(sorted(missing))
            raise BlocgraphError(f"data/{file_name}: missing column(s) {listed}")
        for line, row in enumerate(reader, start=2):
            yield line, {key: (value or "").strip() for key, value in row.items() if key}


class _Tables:
    """All entities and the name index, built once per process."""

    def __init__(self) -> None:
        self.by_kind: dict[str, dict[str, Entity]] = {kind: {} for kind in KINDS}
        self.forms: list[SurfaceForm] = []
        self._load_states_and_cities()
        self._load_organisations()
        self.index: dict[str, list[SurfaceForm]] = {}
        for form in self.forms:
            key = normalise(form.text)
            if key and key not in _AMBIGUOUS:
                self.index.setdefault(key, []).append(form)

    def _add(self, entity: Entity, where: str) -> None:
        table = self.by_kind[entity.kind]
        if entity.slug in table:
            raise BlocgraphError(f"{where}: duplicate {entity.kind} slug '{entity.slug}'")
        table[entity.slug] = entity

    def _load_states_and_cities(self) -> None:
        columns = ("slug", "label", "official_name", "iso2", "iso3", "wikidata", "capital",
                   "aliases", "demonyms")
        capitals: dict[str, tuple[str, str, str]] = {}  # city slug -> (label, state slug, where)
        states: list[tuple[Entity, tuple[str, ...]]] = []
        for line, row in _rows("states.csv", columns):
            where = f"data/states.csv line {line}"
            if not row["slug"] or not row["label"]:
                raise BlocgraphError(f"{where}: slug and label are required")
            aliases = _split(row["aliases"])
            iso2, iso3 = row["iso2"] or None, row["iso3"] or None
            codes = [code for code in (iso3, iso2) if code and code not in _UNSAFE_ISO2]
            capital = row["capital"]
            capital_slug = slugify(capital) if capital else None
            demonyms = tuple(_split(row["demonyms"]))
            entity = Entity(
                kind="state", slug=row["slug"], label=row["label"],
                full_name=row["official_name"] or None,
                names=_unique([row["label"], row["official_name"], *aliases, *codes]),
                iso2=iso2, iso3=iso3, wikidata=row["wikidata"] or None,
                capital=capital_slug, demonyms=demonyms,
            )
            self._add(entity, where)
            states.append((entity, tuple(codes)))
            if capital_slug:
                capitals[capital_slug] = (capital, entity.slug, where)

        extra: dict[str, tuple[str, str, list[str], str]] = {}
        for line, row in _rows("cities.csv", ("slug", "label", "country", "aliases")):
            where = f"data/cities.csv line {line}"
            if row["country"] not in self.by_kind["state"]:
                raise BlocgraphError(f"{where}: unknown country '{row['country']}'")
            if row["slug"] != slugify(row["label"]):
                raise BlocgraphError(f"{where}: slug should be '{slugify(row['label'])}'")
            extra[row["slug"]] = (row["label"], row["country"], _split(row["aliases"]), where)

        for slug, (label, country, where) in capitals.items():
            aliases: list[str] = []
            if slug in extra:
                _, other_country, aliases, extra_where = extra.pop(slug)
                if other_country != country:
                    raise BlocgraphError(
                        f"{extra_where}: '{slug}' is the capital of '{country}', "
                        f"not of '{other_country}'"
                    )
            self._add(Entity(kind="city", slug=slug, label=label, full_name=None,
                             names=_unique([label, *aliases]), country=country), where)
        for slug, (label, country, aliases, where) in extra.items():
            self._add(Entity(kind="city", slug=slug, label=label, full_name=None,
                             names=_unique([label, *aliases]), country=country), where)

        taken = {n.lower() for state, _ in states for n in state.names}
        for state, codes in states:
            for name in state.names:
                self.forms.append(SurfaceForm(name, state, "code" if name in codes else "name"))
            # "the Republic of Niger" where the table has only "Niger" (never "Republic of
            # China", which is another state's name)
            formal = f"Republic of {state.label}"
            if state.label not in _NOT_FORMAL and "Republic" not in state.label and \
                    formal not in state.names and formal.lower() not in taken:
                self.forms.append(SurfaceForm(formal, state, "name"))
            for demonym in state.demonyms:
                self.forms.append(SurfaceForm(demonym, state, "demonym"))
        for city in self.by_kind["city"].values():
            for name in city.names:
                self.forms.append(SurfaceForm(name, city, "name"))

    def _load_organisations(self) -> None:
        columns = ("slug", "label", "full_name", "aliases", "wikidata", "kind", "parent",
                   "chair_term_months")
        parents: list[tuple[str, str, str]] = []
        for line, row in _rows("organisations.csv", columns):
            where = f"data/organisations.csv line {line}"
            if not row["slug"] or not row["label"]:
                raise BlocgraphError(f"{where}: slug and label are required")
            entity = Entity(
                kind="organization", slug=row["slug"], label=row["label"],
                full_name=row["full_name"] or None,
                names=_unique([row["label"], row["full_name"], *_split(row["aliases"])]),
                wikidata=row["wikidata"] or None, parent=row["parent"] or None,
                org_kind=row["kind"] or None,
                chair_term_months=_months(row["chair_term_months"], where),
            )
            self._add(entity, where)
            if entity.parent:
                parents.append((entity.slug, entity.parent, where))
            for name in entity.names:
                self.forms.append(SurfaceForm(name, entity, "name"))
        for slug, parent, where in parents:
            if parent not in self.by_kind["organization"]:
                raise BlocgraphError(f"{where}: parent '{parent}' of '{slug}' is not a known body")


def _months(value: str, where: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 60:
        raise BlocgraphError(f"{where}: chair_term_months '{value}' is not a number of months")
    return int(value)


def chair_term_months(name: str) -> int | None:
    """How many months a chair of the organisation `name` holds it, if the table says.

    Rotations differ (a year for most bodies, six months for the Council of the EU, one
    for the UN Security Council); the number lives in organisations.csv, not in the rules
    that compute a start from a successor's.
    """
    entity = resolve(name, "organization")
    return entity.chair_term_months if entity else None


@cache
def _tables() -> _Tables:
    return _Tables()


_HOW_RANK = {"name": 0, "code": 1, "demonym": 2}
_KIND_RANK = {"state": 0, "organization": 1, "city": 2}


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise BlocgraphError(f"unknown entity kind '{kind}' (expected one of {', '.join(KINDS)})")


def resolve(name: str, kind: str | None = None) -> Entity | None:
    """The entity a name denotes, or None when it is unknown or names several things.

    A capital's name is the city unless a state is asked for ("Astana" -> Kazakhstan when
    kind == "state"); a demonym ("Kazakh") is its state.
    """
    _check_kind(kind)
    return _resolve(name, kind)


@lru_cache(maxsize=1 << 16)
def _resolve(name: str, kind: str | None) -> Entity | None:
    """Cached: a large build resolves the same few hundred names hundreds of thousands of
    times, and the tables do not change while the process runs."""
    tables = _tables()
    key = normalise(name)
    candidates: list[tuple[int, int, Entity]] = []
    for form in tables.index.get(key, ()):
        entity = form.entity
        if kind == "state" and entity.kind == "city":
            state = tables.by_kind["state"].get(entity.country or "")
            if state is None or state.capital != entity.slug:
                continue
            entity = state
        if kind is not None and entity.kind != kind:
            continue
        candidates.append((_HOW_RANK[form.how], _KIND_RANK[entity.kind], entity))
    if not candidates:
        if kind == "city":  # a place named in a fact or a question: GeoNames knows it
            from graph_builder.core import places

            return places.by_name(name)
        return None
    best = min((how, kind_rank) for how, kind_rank, _ in candidates)
    chosen = {entity for how, kind_rank, entity in candidates if (how, kind_rank) == best}
    return chosen.pop() if len(chosen) == 1 else None


def get(kind: str, slug: str) -> Entity:
    """The entity with this slug; an unknown slug is a user error, not a KeyError."""
    _check_kind(kind)
    entity = _tables().by_kind[kind].get(slug)
    if entity is None and kind == "city":
        from graph_builder.core import places

        entity = places.by_slug(slug)
    if entity is None:
        hint = difflib.get_close_matches(slug, list(_tables().by_kind[kind]), n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        raise BlocgraphError(f"unknown {kind} '{slug}'{extra}")
    return entity


def state_of_capital(city: Entity | None) -> Entity | None:
    """The state whose capital `city` is ("Caracas": Venezuela), else None: a capital acts
    for its state in news ("Moscow said", "represented Caracas"), another city does not."""
    if city is None or city.kind != "city" or not city.country:
        return None
    state = get("state", city.country)
    return state if state.capital == city.slug else None


def entities(kind: str) -> list[Entity]:
    """Every entity of one kind, in slug order."""
    _check_kind(kind)
    table = _tables().by_kind[kind]
    return [table[slug] for slug in sorted(table)]


def surface_forms() -> list[SurfaceForm]:
    """Every way the tables write a name, for building the mention finder."""
    return list(_tables().forms)


def suggest(name: str, kind: str | None = None, n: int = 3) -> list[str]:
    """The labels nearest to an unknown name, for a "did you mean" hint."""
    _check_kind(kind)
    tables = _tables()
    keys = [
        key for key, forms in tables.index.items()
        if kind is None or any(form.entity.kind == kind for form in forms)
    ]
    labels: list[str] = []
    for key in difflib.get_close_matches(normalise(name), keys, n=n * 3, cutoff=0.6):
        for form in tables.index[key]:
            if (kind is None or form.entity.kind == kind) and form.entity.label not in labels:
                labels.append(form.entity.label)
    return labels[:n]
