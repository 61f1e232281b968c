"""Query results in the W3C formats other tools read: SPARQL 1.1 JSON, XML, CSV, TSV.

Local (pyoxigraph) and remote (SPARQL endpoint) results are turned into one `Results`
value, so the same rows print the same way whichever store answered.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_PLAIN_NUMBERS = {
    "http://www.w3.org/2001/XMLSchema#integer",
    "http://www.w3.org/2001/XMLSchema#decimal",
    "http://www.w3.org/2001/XMLSchema#double",
}


@dataclass
class Results:
    """A SELECT table (variables and rows of terms or None), or an ASK boolean."""

    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    triples: list[ox.Triple] | None = None

    @classmethod
    def from_oxigraph(cls, solutions: Any, limit: int | None = None) -> Results:
        if isinstance(solutions, ox.QueryBoolean):
            return cls(boolean=bool(solutions))
        variables = [v.value for v in solutions.variables]
        rows: list[list[Term | None]] = []
        truncated = False
        for solution in solutions:
            if limit is not None and len(rows) >= limit:
                truncated = True
                break
            rows.append([solution[v] for v in variables])
        return cls(variables=variables, rows=rows, truncated=truncated)

    def dicts(self) -> list[dict[str, Term]]:
        """Rows as {variable: term}, unbound variables left out."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]

    def turtle(self) -> bytes:
        """A CONSTRUCT or DESCRIBE answer as Turtle."""
        return ox.serialize(self.triples or [], format=ox.RdfFormat.TURTLE)

    def values(self) -> list[dict[str, str]]:
        """Rows as {variable: lexical value}, for printing and for the Python API."""
        return [{v: t.value for v, t in row.items()} for row in self.dicts()]


def term_json(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def to_json(results: Results) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    if results.boolean is not None:
        return json.dumps({"head": {}, "boolean": results.boolean})
    bindings = [{v: term_json(t) for v, t in row.items()} for row in results.dicts()]
    return json.dumps({"head": {"vars": results.variables}, "results": {"bindings": bindings}})


def to_xml(results: Results) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if results.boolean is not None:
        out += ["<head/>", f"<boolean>{str(results.boolean).lower()}</boolean>", "</sparql>"]
        return "\n".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in results.variables))
    out.append("</head><results>")
    for row in results.dicts():
        out.append("<result>")
        for var, term in row.items():
            if isinstance(term, ox.NamedNode):
                inner = f"<uri>{escape(term.value)}</uri>"
            elif isinstance(term, ox.BlankNode):
                inner = f"<bnode>{escape(term.value)}</bnode>"
            elif term.language:
                inner = (
                    f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
                )
            elif term.datatype.value != XSD_STRING:
                dt = quoteattr(term.datatype.value)
                inner = f"<literal datatype={dt}>{escape(term.value)}</literal>"
            else:
                inner = f"<literal>{escape(term.value)}</literal>"
            out.append(f"<binding name={quoteattr(var)}>{inner}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "\n".join(out)


def to_csv(results: Results) -> str:
    """SPARQL 1.1 CSV: plain values, IRIs as is, blank nodes as _:label, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if results.boolean is not None:
        writer.writerow(["_askResult"])
        writer.writerow(["true" if results.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(results.variables)
    for row in results.rows:
        writer.writerow(["" if t is None else _csv_value(t) for t in row])
    return buffer.getvalue()


def _csv_value(term: Term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def to_tsv(results: Results) -> str:
    """SPARQL 1.1 TSV: ?-prefixed header, terms in SPARQL/Turtle syntax."""
    if results.boolean is not None:
        return "?_askResult\n" + ("true" if results.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in results.variables)]
    for row in results.rows:
        lines.append("\t".join("" if t is None else tsv_term(t) for t in row))
    return "\n".join(lines) + "\n"


def tsv_term(term: Term) -> str:
    if isinstance(term, ox.Literal) and term.datatype.value in _PLAIN_NUMBERS:
        return term.value
    return str(term)  # pyoxigraph prints N-Triples syntax, escaped


def to_table(results: Results, *, max_width: int = 60) -> str:
    """A plain text table for people; labels rather than IRIs when both are selected."""
    if results.boolean is not None:
        return "yes" if results.boolean else "no"
    shown = [v for v in results.variables if f"{v}Label" not in results.variables]
    cells = [[v for v in shown]]
    for row in results.dicts():
        cells.append([_short(row[v].value if v in row else "", max_width) for v in shown])
    widths = [max(len(r[i]) for r in cells) for i in range(len(shown))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(
        f"({len(results.rows)} row{'s' if len(results.rows) != 1 else ''}"
        + (", truncated" if results.truncated else "")
        + ")"
    )
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


FORMATTERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv, "table": to_table}
