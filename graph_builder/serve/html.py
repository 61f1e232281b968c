"""HTML for the analyst's pages: every value escaped, every link a path of this server or
an http(s) IRI, no inline script or style (a strict Content-Security-Policy holds).

The routes that use these live in serve/pages.py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from starlette.responses import HTMLResponse

from graph_builder.core import vocab
from graph_builder.serve import worker as serve_worker

ID = vocab.ID


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def local_path(iri: str) -> str | None:
    """The server path of an IRI of ours ('/id/state/kazakhstan'), else None."""
    if iri.startswith(ID) and len(iri) > len(ID):
        return "/id/" + iri[len(ID):]
    return None


def safe_href(iri: str) -> str | None:
    """Where a link to IRI may point: our path, or the IRI itself when it is http(s)."""
    path = local_path(iri)
    if path:
        return path
    if re.match(r"https?://[^\s<>\"']+$", iri):
        return iri
    return None


def short(iri: str) -> str:
    for prefix, ns in vocab.PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def link(iri: str, text: str | None = None) -> str:
    href = safe_href(iri)
    shown = esc(text if text is not None else short(iri))
    return f'<a href="{esc(href)}">{shown}</a>' if href else shown


def term_html(term: dict[str, str], labels: dict[str, str]) -> str:
    if term["type"] == "uri":
        return link(term["value"], labels.get(term["value"]))
    if term["type"] == "bnode":
        return esc("_:" + term["value"])
    lang = f' <span class="lang">@{esc(term["xml:lang"])}</span>' if "xml:lang" in term else ""
    return f"<span class=\"literal\">{esc(term['value'])}</span>{lang}"


def page(title: str, body: str, *, scripts: Iterable[str] = ()) -> HTMLResponse:
    tags = "".join(f'<script src="{esc(s)}" defer></script>' for s in scripts)
    return HTMLResponse(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)} · blocgraph</title>"
        "<link rel=\"stylesheet\" href=\"/static/pages.css\">"
        f"{tags}</head><body>"
        "<nav class=\"top\" aria-label=\"blocgraph\"><a href=\"/\">blocgraph workbench</a>"
        " · <a href=\"/#ask\">Ask</a> · <a href=\"/#timeline\">Timeline</a>"
        " · <a href=\"/#network\">Network</a> · <a href=\"/#sparql\">SPARQL</a></nav>"
        f"<main>{body}</main></body></html>\n"
    )


def article_path(file_name: str) -> str:
    return "/articles/" + Path(file_name).stem


def wants_html(accept: str | None) -> bool:
    """True unless the client prefers an RDF format to HTML."""
    if not accept or not accept.strip():
        return True
    ranges = serve_worker._parse_accept(accept)
    html_q = max(serve_worker._quality(m, ranges) for m in ("text/html", "application/xhtml+xml"))
    rdf_q = max(serve_worker._quality(m, ranges) for _, media, aliases in serve_worker.GRAPH
                for m in (media, *aliases) if m not in ("text/plain", "application/json"))
    if html_q == 0 and rdf_q == 0:
        return True  # what nobody asked for: the page (browsers' odd headers)
    return html_q >= rdf_q


def evidence_html(ev: dict[str, str], highlight: Iterable[str] = ()) -> str:
    """One source: the sentence (names in it highlighted), its article and how it was got."""
    text = esc(ev.get("text", ""))
    for name in sorted({h for h in highlight if h and len(h) > 1}, key=len, reverse=True):
        pattern = re.compile(r"(?<![\w>])(" + re.escape(esc(name)) + r")(?![\w<])", re.I)
        text = pattern.sub(r'<mark class="name">\1</mark>', text)
    where = ""
    if ev.get("file"):
        anchor = f"#ev-{ev['id']}" if ev.get("id") else ""
        where = (f' <a class="article" href="{esc(article_path(ev["file"]) + anchor)}">'
                 f"{esc(ev.get('headline') or ev['file'])}</a>")
    how = [ev[k] for k in ("origin", "rule") if ev.get(k)]
    if ev.get("confidence"):
        how.append(f"confidence {ev['confidence']}")
    meta = f' <span class="how">({esc(", ".join(how))})</span>' if how else ""
    return f'<blockquote class="evidence">“{text}”{where}{meta}</blockquote>'


def highlighted(text: str, spans: list[dict[str, Any]], number: dict[str, int]) -> str:
    """The text as HTML (its line breaks kept by the style sheet) with each span in a
    <mark>; where spans overlap, each segment is marked with every fact covering it."""
    cuts = {0, len(text)}
    usable = [s for s in spans if s["start"] is not None and s["end"] is not None
              and 0 <= s["start"] < s["end"] <= len(text)]
    for s in usable:
        cuts |= {s["start"], s["end"]}
    points = sorted(cuts)
    first_seen: set[str] = set()
    out = []
    for a, b in zip(points, points[1:], strict=False):
        covering = [s for s in usable if s["start"] <= a and b <= s["end"]]
        chunk = esc(text[a:b])
        if not covering:
            out.append(chunk)
            continue
        ids = ""
        for s in covering:
            if s["start"] == a and s["id"] not in first_seen:
                first_seen.add(s["id"])
                ids += f'<span class="anchor" id="ev-{esc(s["id"])}"></span>'
        refs = " ".join(f"[{number[s['id']]}]" for s in covering)
        title = "; ".join(f"[{number[s['id']]}] {s['rule']} {s['confidence']}".strip()
                          for s in covering)
        out.append(f'{ids}<mark class="fact" title="{esc(title)}" data-facts="{esc(refs)}">'
                   f"{chunk}</mark>")
    # evidence whose offsets do not fit the text is still shown
    missing = [s for s in spans if s not in usable]
    tail = "".join(f'<p><mark class="fact" id="ev-{esc(s["id"])}">{esc(s["text"])}</mark></p>'
                   for s in missing if s["id"] not in first_seen)
    return '<div class="text">' + "".join(out) + "</div>" + tail
