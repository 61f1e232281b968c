"""The process that runs one SPARQL request at a time for `blocgraph serve`.

A pyoxigraph query cannot be interrupted from another thread, so each query runs in a
worker process that the server kills when the time limit passes. A worker opens the
store read-only with `Store(root)`, which reopens the current generation after a
rebuild; it negotiates and serialises the answer itself so only bytes cross the pipe.
"""

from __future__ import annotations

import itertools
import json
import signal
import sys
import traceback
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError, NotBuiltError, StoreBusyError
from graph_builder.core.vocab import DEFAULT_VIEW
from graph_builder.graph.results import Results, to_csv, to_json, to_tsv, to_xml
from graph_builder.graph.store import Store
from graph_builder.serve import guard as serve_guard

# Offered formats in order of preference: (format key, canonical media type, also accepted)
TABULAR = [
    ("json", "application/sparql-results+json", ("application/json",)),
    ("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    ("csv", "text/csv", ()),
    ("tsv", "text/tab-separated-values", ()),
]
GRAPH = [
    ("turtle", "text/turtle", ("application/x-turtle",)),
    ("ntriples", "application/n-triples", ("text/plain",)),
    ("jsonld", "application/ld+json", ("application/json",)),
    ("rdfxml", "application/rdf+xml", ("application/xml", "text/xml")),
    ("trig", "application/trig", ()),
]
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}
TABLE_WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
# The `format` / `output` parameter some clients (SPARQLWrapper's default mode) send.
_FORMAT_ALIASES = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "turtle"),
    "nt": (None, "ntriples"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "json-ld": (None, "jsonld"),
    "jsonld": (None, "jsonld"),
    "rdf": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "trig": (None, "trig"),
}


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range matching a media type (RFC 9110 12.5.1)."""
    best, specificity = 0.0, -1
    major = media.split("/")[0]
    for rng, q in ranges:
        if rng == media:
            rank = 2
        elif rng == f"{major}/*":
            rank = 1
        elif rng == "*/*":
            rank = 0
        else:
            continue
        if rank > specificity:
            best, specificity = q, rank
    return best


def negotiate(offers: list[tuple[str, str, tuple[str, ...]]], accept: str | None,
              formats: list[str] | None = None) -> tuple[str, str] | None:
    """(format key, media type) to answer with, or None when nothing acceptable is offered.

    A `format` parameter we know overrides the Accept header; unknown ones are ignored.
    """
    graph = offers is GRAPH
    for fmt in formats or []:
        fmt = fmt.strip().lower()
        alias = _FORMAT_ALIASES.get(fmt)
        key = alias[1 if graph else 0] if alias else None
        for name, media, aliases in offers:
            if name == key or fmt == media or fmt in aliases:
                return name, media
    if not accept or not accept.strip():
        return offers[0][0], offers[0][1]
    ranges = _parse_accept(accept)
    best: tuple[float, str, str] | None = None
    for name, media, aliases in offers:
        q = max(_quality(m, ranges) for m in (media, *aliases))
        if q > 0 and (best is None or q > best[0]):
            best = (q, name, media)
    return (best[1], best[2]) if best else None


def _response(status: int, body: str | bytes, media: str = "text/plain",
              headers: dict[str, str] | None = None) -> dict[str, Any]:
    if isinstance(body, str):
        body = body.encode("utf-8")
    if media.startswith("text/") or media.endswith("+json") or media.endswith("json"):
        media += "; charset=utf-8"
    return {"status": status, "media": media, "body": body, "headers": headers or {}}


def _not_acceptable(offers: list[tuple[str, str, tuple[str, ...]]]) -> dict[str, Any]:
    types = ", ".join(media for _, media, _ in offers)
    return _response(406, f"none of the requested media types can be given; this answer is "
                          f"available as: {types}\n")


def run_query(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    """Run one query with the request's dataset and serialise it as negotiated."""
    if not job.get("allow_service") and serve_guard.uses_service(job["text"]):
        return _response(403, "SERVICE (federated query) is disabled on this server (start "
                              "it with --allow-service to enable it)\n")
    answer = store.query(
        job["text"],
        default_graph=job.get("default_graph"),
        named_graphs=job.get("named_graphs"),
        base_iri=job.get("base_iri"),
    )
    limit = job["max_rows"]
    accept, fmt = job.get("accept"), job.get("format")
    if isinstance(answer, ox.QueryTriples):
        chosen = negotiate(GRAPH, accept, fmt)
        if chosen is None:
            return _not_acceptable(GRAPH)
        triples = list(itertools.islice(answer, limit + 1))
        truncated = len(triples) > limit
        body = ox.serialize(triples[:limit], format=RDF_FORMATS[chosen[0]])
        return _response(200, body, chosen[1], _truncation(truncated))
    chosen = negotiate(TABULAR, accept, fmt)
    if chosen is None:
        return _not_acceptable(TABULAR)
    results = Results.from_oxigraph(answer, limit)
    text = TABLE_WRITERS[chosen[0]](results)
    if results.truncated and chosen[0] == "json":
        text = '{"truncated": true, ' + text[1:]
    return _response(200, text, chosen[1], _truncation(results.truncated))


def _truncation(truncated: bool) -> dict[str, str]:
    return {"X-Blocgraph-Truncated": "true"} if truncated else {}


def run_update(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    """Apply an update as a new store generation, swapped in only if it succeeds."""
    with store.transaction() as (db, meta):
        db.update(job["text"], base_iri=job.get("base_iri"))
        # the build's record of each graph no longer holds: the next build checks them
        meta["updated"] = True
    return _response(200, "update applied\n")


def run_ask(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    from graph_builder.ask import answer as ask_module

    try:
        answer = ask_module.ask(job["question"], store, as_of=job.get("as_of"),
                                known_by=job.get("known_by"))
    except BlocgraphError as exc:  # name the HTTP parameter, not the CLI option
        raise BlocgraphError(str(exc).replace("--as-of", "as_of").replace(
            "--known-by", "known_by")) from None
    return _response(200, json.dumps(answer.to_dict(), ensure_ascii=False, default=str),
                     "application/json")


def run_gexf(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    import io

    from graph_builder.network import write_gexf
    from graph_builder.network.views import to_networkx

    view = job.get("view") or DEFAULT_VIEW
    graph = to_networkx(store, view, dynamic=bool(job.get("dynamic")))
    buffer = io.BytesIO()
    write_gexf(graph, buffer, dynamic=bool(job.get("dynamic")))
    disposition = f'attachment; filename="blocgraph-{view}.gexf"'
    return _response(200, buffer.getvalue(), "application/gexf+xml",
                     {"Content-Disposition": disposition})


def run_graphology(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    """The dynamic states view as graphology's JSON, what the network page imports: written
    from the view directly (network/graphology.py), not by reading the GEXF back."""
    from graph_builder.network.graphology import graphology_json
    from graph_builder.network.views import states_view

    return _response(200, graphology_json(states_view(store, dynamic=True), dynamic=True),
                     "application/json")


HANDLERS = {"query": run_query, "update": run_update, "ask": run_ask, "gexf": run_gexf,
            "graphology": run_graphology}


def handle(store: Store, job: dict[str, Any]) -> dict[str, Any]:
    """One request, never raising: errors become responses without a stack trace."""
    try:
        return HANDLERS[job["op"]](store, job)
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        return _response(400, f"SPARQL syntax error: {message}\n")
    except BlocgraphError as exc:
        status = 503 if isinstance(exc, (NotBuiltError, StoreBusyError)) else 400
        return _response(status, f"{exc}\n")
    except (OSError, ValueError, TypeError) as exc:
        return _response(500, f"the query failed: {' '.join(str(exc).split())}\n")
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return _response(500, "internal error (details are in the server log)\n")


def main(conn: Connection, root: str) -> None:
    """Serve jobs from the pipe until the server closes it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops us, not the terminal
    store = Store(root)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(handle(store, job))
