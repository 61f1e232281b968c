"""Named queries: the `.rq` files of `queries/`, their parameters, and safe binding.

A parameter value is never pasted into query text. It is turned into one RDF term (an
IRI resolved through the reference tables, a typed date, a plain literal), serialised
by pyoxigraph with N-Triples escaping, and bound to the query variable of the same name
by a VALUES block. So a value such as `x" } ; DROP ALL #` stays one string literal and
cannot change the query. The same bound text runs on the embedded store and on a remote
endpoint, so both answer alike. (Oxigraph's own substitutions would need every parameter
in the SELECT projection.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.resources import queries_dir
from graph_builder.core.vocab import XSD
from graph_builder.graph.rdf import entity_iri, person_iri

PARAM_TYPES = (
    "organization",
    "state",
    "city",
    "entity",
    "person",
    "date",
    "string",
    "integer",
    "iri",
)
_HEADER = re.compile(r"^#\s*(name|description|param):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(\s+optional)?\s*(?:-\s*(.*))?$")
# a comment line marking a group that takes the VALUES block of the parameters
_MARK = re.compile(r"^([ \t]*)#[ \t]*@parameters\b[^\n]*$", re.MULTILINE)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its description and declared parameters."""

    name: str
    text: str
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None

    @classmethod
    def parse(cls, text: str, name: str, path: Path | None = None) -> NamedQuery:
        description: list[str] = []
        params: list[Param] = []
        for line in text.splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            m = _HEADER.match(line)
            if m and m.group(1) == "name":
                name = m.group(2).strip() or name
            elif m and m.group(1) == "description":
                description.append(m.group(2).strip())
            elif m and m.group(1) == "param":
                p = _PARAM.match(m.group(2).strip())
                if not p or p.group(2) not in PARAM_TYPES:
                    where = path or name
                    raise BlocgraphError(f"{where}: bad parameter declaration '{m.group(2)}'")
                params.append(Param(p.group(1), p.group(2), bool(p.group(3)), p.group(4) or ""))
            elif description and not m:
                description.append(line.lstrip("# ").strip())
        return cls(name, text, " ".join(d for d in description if d), tuple(params), path)

    def param(self, key: str) -> Param:
        for p in self.params:
            if p.name == key:
                return p
        takes = ", ".join(p.name for p in self.params) or "no parameters"
        raise BlocgraphError(f"query '{self.name}' has no parameter '{key}' (it takes: {takes})")


@cache
def registry() -> dict[str, NamedQuery]:
    """Every named query shipped in `queries/`, by name."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(queries_dir().glob("*.rq")):
        q = NamedQuery.parse(path.read_text("utf-8"), path.stem, path)
        out[q.name] = q
    return out


def resolve_query(spec: str) -> NamedQuery:
    """A named query, a `.rq` file, or SPARQL text, in that order."""
    if spec in registry():
        return registry()[spec]
    if spec.endswith(".rq") or (len(spec) < 256 and "\n" not in spec and Path(spec).is_file()):
        path = Path(spec)
        try:
            return NamedQuery.parse(path.read_text("utf-8"), path.stem, path)
        except OSError as exc:
            raise BlocgraphError(f"{spec}: cannot read query file ({exc.strerror})") from None
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        return NamedQuery.parse(spec, "query")
    if re.search(r"[\s{}]", spec):  # no name has a space or a brace: SPARQL, if misspelt
        return NamedQuery.parse(spec, "query")
    known = ", ".join(registry())
    raise BlocgraphError(
        f"unknown query '{spec}' (named queries: {known}; or a .rq file or SPARQL)"
    )


def term_for(param: Param, value: str, query: str = "query") -> ox.NamedNode | ox.Literal:
    """The single RDF term a parameter value stands for; errors name the parameter."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if param.type in ("organization", "state", "city", "entity") and not _is_iri(value):
        kind = None if param.type == "entity" else param.type
        entity = reference.resolve(value, kind)
        if entity is None:
            hint = reference.suggest(value, kind)
            did = f" (did you mean {', '.join(hint)}?)" if hint else ""
            raise BlocgraphError(f"--param {param.name}: unknown {param.type} '{value}'{did}")
        return entity_iri(entity)
    if param.type in ("organization", "state", "city", "entity", "iri", "person") and _is_iri(
        value
    ):
        try:
            return ox.NamedNode(value)
        except ValueError:
            raise BlocgraphError(f"--param {param.name}: '{value}' is not a valid IRI") from None
    if param.type == "iri":
        raise BlocgraphError(f"--param {param.name}: '{value}' is not an IRI")
    if param.type == "person":
        return person_iri(value)
    if param.type == "date":
        try:
            day = PartialDate.parse(value)
        except ValueError as exc:
            raise BlocgraphError(f"--param {param.name}: {exc}") from None
        if day.precision != "day":
            raise BlocgraphError(f"--param {param.name}: '{value}' is not a full date (YYYY-MM-DD)")
        return ox.Literal(str(day), datatype=ox.NamedNode(XSD + "date"))
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise BlocgraphError(f"--param {param.name}: '{value}' is not an integer")
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(value)


def _is_iri(value: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$", value))


def bind(query: NamedQuery, params: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check the parameters against the declaration and turn each into its RDF term."""
    bound = {key: term_for(query.param(key), value, query.name) for key, value in params.items()}
    missing = [p.name for p in query.params if not p.optional and p.name not in bound]
    if missing:
        raise BlocgraphError(
            f"query '{query.name}' needs --param {missing[0]}=... ({query.param(missing[0]).type})"
        )
    return bound


def with_values(text: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with a VALUES block binding each parameter, for endpoints without substitution.

    Each value is one term serialised by pyoxigraph (N-Triples escaping), placed inside a
    group of the WHERE clause, so it cannot close the block or add operations. It goes
    first in the WHERE clause, or, where the query marks groups with a `# @parameters`
    comment line, into each marked group instead: a group evaluates on its own, so a
    FILTER on a parameter inside it sees the value only when the block is there, and the
    filter can then drop rows before the lookups that follow the group.
    """
    if not bindings:
        return text
    names = sorted(bindings)
    block = (
        "VALUES ("
        + " ".join(f"?{n}" for n in names)
        + ") { ("
        + " ".join(str(bindings[n]) for n in names)
        + ") }"
    )
    if _MARK.search(text):
        return _MARK.sub(lambda m: m.group(0) + "\n" + m.group(1) + block, text)
    match = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if match is None:
        raise BlocgraphError("parameters need a query with a WHERE clause")
    return text[: match.end()] + "\n  " + block + "\n" + text[match.end() :]
