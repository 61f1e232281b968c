"""The analyst's pages of `blocgraph serve`: entities at /id/..., articles at /articles/NAME.

Every IRI under https://w3id.org/blocgraph/id/ has a page at the same path on the server
(Linked Data conventions): a browser gets HTML listing the node's labels, its Wikidata
link, the facts it takes part in (memberships, chairmanships, posts, events) each with
the sentence it came from, and every other statement; `Accept: text/turtle`,
`application/ld+json` (or any RDF format /sparql offers) gets the node's description,
what it says and what is said of it. An article's page shows its text with each extracted
fact highlighted where its evidence lies, and the facts listed beside it (type, values,
confidence, rule, extracted or curated: the graph holds the facts after the curated
corrections were merged in, so that is what is shown).

The pages are rendered here, every value escaped (a label or sentence holding `<script>`
stays text) and every link either a path of this server or an http(s) IRI, with no inline
script or style, so a strict Content-Security-Policy holds. The data comes from SPARQL
queries run by the same worker pool as /sparql, under the same time limit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from graph_builder.core import vocab
from graph_builder.serve.html import (  # noqa: F401 - the pages' HTML helpers
    article_path,
    esc,
    evidence_html,
    highlighted,
    link,
    local_path,
    page,
    safe_href,
    short,
    term_html,
    wants_html,
)

Select = Callable[[str], Awaitable[list[dict[str, dict[str, str]]]]]
Describe = Callable[[Request, str], Awaitable[Response]]

ID = vocab.ID
BLOC = vocab.BLOC
PAGE_FACTS = 400  # facts on one page of an entity; more go on further pages (?page=N)
MAX_PAGE_FACTS = 2000  # the most ?per=K may ask for on one page
MAX_STATEMENTS = 2000  # of a node's own statements; past it the page says how many there are
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,200}")
# The most specific class first: a fact's page and row name it by the first it has.
FACT_KINDS = [
    ("Chairmanship", "Chairmanships"),
    ("Membership", "Memberships"),
    ("PostHolding", "Posts"),
    ("Summit", "Events"),
    ("Meeting", "Events"),
    ("ArmedClash", "Events"),
    ("Confrontation", "Events"),
    ("CooperationProposal", "Cooperation"),
    ("MemberCount", "Member counts"),
    ("Event", "Events"),
]
SECTIONS = ["Chairmanships", "Memberships", "Posts", "Events", "Cooperation", "Member counts",
            "Other facts"]
HIDDEN_VALUES = {BLOC + "evidence", BLOC + "source", vocab.RDF + "type"}
PREFIXES = "\n".join(f"PREFIX {k}: <{v}>" for k, v in vocab.PREFIXES.items())


@dataclass
class Fact:
    iri: str
    kind: str = "Other"
    section: str = "Other facts"
    role: str = ""
    evidence: list[dict[str, str]] | None = None
    values: list[tuple[str, dict[str, str]]] | None = None


def _value(row: dict[str, dict[str, str]], key: str) -> str | None:
    term = row.get(key)
    return term["value"] if term else None


def _kind(types: set[str]) -> tuple[str, str]:
    for name, section in FACT_KINDS:
        if BLOC + name in types:
            return name, section
    return "Other", "Other facts"


def create_routes(select: Select, describe: Describe,
                  article_dirs: Callable[[], list[Path]]) -> list[Route]:
    """The routes of the pages; `select` runs a SELECT and gives its JSON bindings."""

    async def labels_of(iris: Iterable[str]) -> dict[str, str]:
        wanted = sorted({i for i in iris if i.startswith(ID)})
        out: dict[str, str] = {}
        for start in range(0, len(wanted), 400):
            chunk = " ".join(f"<{i}>" for i in wanted[start:start + 400])
            if not chunk:
                continue
            rows = await select(
                f"{PREFIXES}\nSELECT ?s ?l WHERE {{ VALUES ?s {{ {chunk} }} ?s rdfs:label ?l "
                "FILTER(LANG(?l) = \"en\" || LANG(?l) = \"\") }")
            for row in rows:
                out.setdefault(row["s"]["value"], row["l"]["value"])
        return out

    async def entity(request: Request) -> Response:
        rest = request.path_params["rest"]
        iri = ID + rest
        if not rest or any(c in rest for c in "<>\"{}|\\^` \n"):
            return page("Not found", "<h1>Not found</h1><p>No such entity.</p>")
        formats = [v for k, v in request.query_params.multi_items() if k == "format"]
        if formats or not wants_html(request.headers.get("accept")):
            text = (f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{ "
                    f"{{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}")
            response = await describe(request, text)
            response.headers["Vary"] = "Accept"
            return response
        number, per = _page_params(request)
        out_rows = await select(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }} LIMIT {MAX_STATEMENTS}")
        counted = await select(f"""{PREFIXES}
SELECT (COUNT(DISTINCT ?fact) AS ?n) WHERE {{ ?fact ?role <{iri}> . ?fact bloc:evidence ?any }}""")
        total = int(_value(counted[0], "n") or 0) if counted else 0
        # one page of the facts, in the order of their dates (then IRIs), the same each time
        facts_rows = await select(f"""{PREFIXES}
SELECT ?fact ?role ?type WHERE {{
  {{ SELECT ?fact (SAMPLE(?r) AS ?role) (MIN(?d) AS ?when) WHERE {{
       ?fact ?r <{iri}> . ?fact bloc:evidence ?any
       OPTIONAL {{ ?fact bloc:startDate|bloc:date ?d }}
     }} GROUP BY ?fact ORDER BY ?when ?fact LIMIT {per} OFFSET {(number - 1) * per} }}
  ?fact a ?type
}}""")
        own_evidence = await select(f"{PREFIXES}\nSELECT ?ev WHERE {{ <{iri}> bloc:evidence ?ev }}")
        if not out_rows and not facts_rows:
            in_rows = await select(f"SELECT ?s WHERE {{ ?s ?p <{iri}> }} LIMIT 1")
            if not in_rows:
                response = page("Not found", f"<h1>Not found</h1><p>The graph says nothing "
                                             f"about <code>{esc(iri)}</code>.</p>")
                response.status_code = 404
                return response
        facts: dict[str, Fact] = {}
        types: dict[str, set[str]] = {}
        for row in facts_rows:
            f = facts.setdefault(row["fact"]["value"], Fact(row["fact"]["value"],
                                                            role=row["role"]["value"]))
            types.setdefault(f.iri, set()).add(row["type"]["value"])
        for f in facts.values():
            f.kind, f.section = _kind(types.get(f.iri, set()))
        shown = list(facts.values())
        await fill_facts(shown)
        own_facts = [Fact(iri)] if own_evidence else []
        if own_facts:
            await fill_facts(own_facts)
        iris = {iri} | {r["o"]["value"] for r in out_rows if r["o"]["type"] == "uri"}
        for f in shown + own_facts:
            iris |= {t["value"] for _, t in f.values or [] if t["type"] == "uri"}
        labels = await labels_of(iris)
        name = labels.get(iri) or rest.rsplit("/", 1)[-1]
        body = [f"<h1>{esc(name)}</h1>", f'<p class="iri"><code>{esc(iri)}</code> · '
                f'<a href="{esc("/id/" + rest)}?format=turtle">Turtle</a> · '
                f'<a href="{esc("/id/" + rest)}?format=jsonld">JSON-LD</a></p>']
        kinds = sorted({r["o"]["value"] for r in out_rows if r["p"]["value"] == vocab.RDF + "type"
                        and r["o"]["value"].startswith(BLOC)})
        if kinds:
            body.append("<p class=\"types\">" + ", ".join(link(k) for k in kinds) + "</p>")
        wikidata = [r["o"]["value"] for r in out_rows if r["o"]["value"].startswith(vocab.WD)]
        for wd in wikidata:
            qid = wd[len(vocab.WD):]
            body.append(f'<p class="wikidata">Wikidata: <a href="https://www.wikidata.org/wiki/'
                        f'{esc(qid)}" rel="external">{esc(qid)}</a></p>')
        if rest.startswith("article/"):
            files = [r["o"]["value"] for r in out_rows if r["p"]["value"] == BLOC + "fileName"]
            for file in files:
                body.append(f'<p><a class="article" href="{esc(article_path(file))}">The article '
                            "with its facts highlighted</a></p>")
        if own_facts:
            body.append("<section><h2>Sources</h2>")
            body += [evidence_html(ev, [name]) for ev in own_facts[0].evidence or []]
            body.append("</section>")
        pager = pager_html(f"/id/{rest}", number, per, len(shown), total)
        body.append(pager)
        for section in SECTIONS:
            rows = [f for f in shown if f.section == section]
            if not rows:
                continue
            body.append(f"<section><h2>{esc(section)}</h2><ul class=\"facts\">")
            for f in sorted(rows, key=fact_sort_key):
                body.append(fact_html(f, labels, name))
            body.append("</ul></section>")
        if total > per:
            body.append(pager)
        body.append("<section><h2>All statements</h2>")
        if len(out_rows) >= MAX_STATEMENTS:
            n = await select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{iri}> ?p ?o }}")
            body.append(f'<p class="pager">showing {len(out_rows):,} of '
                        f'{int(_value(n[0], "n") or 0):,} statements; /sparql has them '
                        "all</p>")
        body.append("<table class=\"statements\">"
                    "<thead><tr><th scope=\"col\">property</th><th scope=\"col\">value</th>"
                    "</tr></thead><tbody>")
        for row in sorted(out_rows, key=lambda r: (r["p"]["value"], r["o"]["value"])):
            body.append(f"<tr><td>{link(row['p']['value'])}</td>"
                        f"<td>{term_html(row['o'], labels)}</td></tr>")
        body.append("</tbody></table></section>")
        return page(name, "".join(body))

    async def fill_facts(facts: list[Fact]) -> None:
        if not facts:
            return
        for start in range(0, len(facts), 200):
            chunk = facts[start:start + 200]
            values = " ".join(f"<{f.iri}>" for f in chunk)
            by = {f.iri: f for f in chunk}
            for f in chunk:
                f.values, f.evidence = [], []
            rows = await select(f"SELECT ?fact ?p ?o WHERE {{ VALUES ?fact {{ {values} }} "
                                "?fact ?p ?o }")
            for row in rows:
                p = row["p"]["value"]
                if p not in HIDDEN_VALUES and p.startswith(BLOC):
                    by[row["fact"]["value"]].values.append((p, row["o"]))  # type: ignore[union-attr]
            for ev in await evidence_of(values):
                by[ev["fact"]].evidence.append(ev)  # type: ignore[union-attr]

    async def evidence_of(values: str) -> list[dict[str, str]]:
        rows = await select(f"""{PREFIXES}
SELECT ?fact ?ev ?text ?file ?headline ?conf ?rule ?origin WHERE {{
  VALUES ?fact {{ {values} }}
  ?fact bloc:evidence ?ev .
  OPTIONAL {{ ?ev bloc:text ?text }}
  OPTIONAL {{ ?ev bloc:article ?a . ?a bloc:fileName ?file
              OPTIONAL {{ ?a schema:headline ?headline }} }}
  OPTIONAL {{ ?ev bloc:confidence ?conf }} OPTIONAL {{ ?ev bloc:rule ?rule }}
  OPTIONAL {{ ?ev bloc:origin ?origin }}
}}""")
        out = []
        for row in rows:
            ev = row["ev"]["value"]
            out.append({
                "fact": row["fact"]["value"], "id": ev_id(ev), "text": _value(row, "text") or "",
                "file": _value(row, "file") or "", "headline": _value(row, "headline") or "",
                "confidence": _value(row, "conf") or "", "rule": _value(row, "rule") or "",
                "origin": _value(row, "origin") or "",
            })
        return out

    async def article(request: Request) -> Response:
        name = request.path_params["name"]
        if not NAME.fullmatch(name):
            return not_found(name)
        stem = name.rsplit(".", 1)[0] if name.endswith(vocab.ARTICLE_SUFFIXES) else name
        rows = await select(f"""{PREFIXES}
SELECT ?a ?file ?headline ?published WHERE {{
  ?a a schema:NewsArticle ; bloc:fileName ?file .
  FILTER (STRSTARTS(?file, "{stem}.") || ?a = <{ID}article/{stem}>)
  OPTIONAL {{ ?a schema:headline ?headline }} OPTIONAL {{ ?a schema:datePublished ?published }}
}} LIMIT 1""")
        if not rows:
            return not_found(name)
        row = rows[0]
        iri, file = row["a"]["value"], row["file"]["value"]
        headline = _value(row, "headline") or file
        graph = vocab.ARTICLE_GRAPH_PREFIX + iri[len(ID + "article/"):]
        ev_rows = await select(f"""{PREFIXES}
SELECT ?fact ?type ?ev ?text ?s ?e ?conf ?rule ?origin WHERE {{
  GRAPH <{graph}> {{
    ?fact bloc:evidence ?ev . ?fact a ?type .
    OPTIONAL {{ ?ev bloc:text ?text }}
    OPTIONAL {{ ?ev bloc:startOffset ?s }} OPTIONAL {{ ?ev bloc:endOffset ?e }}
    OPTIONAL {{ ?ev bloc:confidence ?conf }} OPTIONAL {{ ?ev bloc:rule ?rule }}
    OPTIONAL {{ ?ev bloc:origin ?origin }}
  }}
}}""")
        facts: dict[str, Fact] = {}
        types: dict[str, set[str]] = {}
        spans: dict[str, dict[str, Any]] = {}
        for r in ev_rows:
            fact = r["fact"]["value"]
            facts.setdefault(fact, Fact(fact))
            types.setdefault(fact, set()).add(r["type"]["value"])
            ev = r["ev"]["value"]
            spans.setdefault(ev, {
                "fact": fact, "id": ev_id(ev), "text": _value(r, "text") or "",
                "start": _int(_value(r, "s")), "end": _int(_value(r, "e")),
                "confidence": _value(r, "conf") or "", "rule": _value(r, "rule") or "",
                "origin": _value(r, "origin") or "",
            })
        for f in facts.values():
            f.kind, f.section = _kind(types[f.iri])
        values = " ".join(f"<{f}>" for f in facts)
        if values:
            for r in await select(f"SELECT ?fact ?p ?o WHERE {{ GRAPH <{graph}> {{ "
                                  f"VALUES ?fact {{ {values} }} ?fact ?p ?o }} }}"):
                p = r["p"]["value"]
                if p not in HIDDEN_VALUES and p.startswith(BLOC):
                    f = facts[r["fact"]["value"]]
                    f.values = (f.values or []) + [(p, r["o"])]
        labels = await labels_of(t["value"] for f in facts.values() for _, t in f.values or []
                                 if t["type"] == "uri")
        text, problem = read_text(file, article_dirs())
        ordered = sorted(spans.values(), key=lambda s: (s["start"] is None, s["start"] or 0,
                                                         s["fact"]))
        number = {s["id"]: n for n, s in enumerate(ordered, 1)}
        body = [f"<h1>{esc(headline)}</h1>",
                f'<p class="iri">{esc(file)}'
                + (f" · published {esc(_value(row, 'published'))}" if _value(row, "published")
                   else "")
                + f' · <a href="{esc(local_path(iri) or "")}">entity page</a> · '
                f"{len(facts)} facts, {len(spans)} evidence spans</p>",
                '<div class="article-layout"><article class="article-text" '
                'aria-label="article text">']
        if text is None:
            body.append(f'<p class="notice">{esc(problem)}</p>')
            for s in ordered:
                body.append(f'<p><mark class="fact" id="ev-{esc(s["id"])}">'
                            f"{esc(s['text'])}</mark></p>")
        else:
            body.append(highlighted(text, ordered, number))
        body.append('</article><aside class="fact-list" aria-label="facts"><h2>Facts</h2><ol>')
        for s in ordered:
            f = facts[s["fact"]]
            vals = "; ".join(f"{esc(short(p).split(':', 1)[-1])}: {term_html(t, labels)}"
                             for p, t in sorted(f.values or [], key=lambda v: v[0]))
            how = ", ".join(x for x in (s["origin"], s["rule"],
                                        f"confidence {s['confidence']}" if s["confidence"]
                                        else "") if x)
            body.append(
                f'<li id="fact-{number[s["id"]]}" class="origin-{esc(s["origin"] or "unknown")}">'
                f'<a href="#ev-{esc(s["id"])}" class="jump">[{number[s["id"]]}]</a> '
                f'<strong>{link(f.iri, f.kind)}</strong> {vals}'
                f'<div class="how">{esc(how)}</div></li>')
        body.append("</ol></aside></div>")
        return page(headline, "".join(body))

    def not_found(name: str) -> Response:
        response = page("Not found", f"<h1>Not found</h1><p>No article '{esc(name)}' in the "
                                     "graph.</p>")
        response.status_code = 404
        return response

    return [
        Route("/id/{rest:path}", entity),
        Route("/articles/{name}", article),
    ]


def _page_params(request: Request) -> tuple[int, int]:
    """?page=N (from 1) and ?per=K (facts a page, at most MAX_PAGE_FACTS); bad values are
    the first page of PAGE_FACTS rather than an error."""
    def number(key: str, default: int, top: int) -> int:
        try:
            value = int(request.query_params.get(key, default))
        except ValueError:
            return default
        return min(max(value, 1), top)
    return number("page", 1, 10**6), number("per", PAGE_FACTS, MAX_PAGE_FACTS)


def pager_html(path: str, number: int, per: int, shown: int, total: int) -> str:
    """"showing facts A–B of M", with links to the previous and next pages when there are."""
    if total == 0:
        return ""
    first = (number - 1) * per + 1
    if shown == 0:
        text = f"no facts on page {number}: there are {total:,}"
    else:
        text = f"showing facts {first:,}–{first + shown - 1:,} of {total:,}"
    per_part = f"&amp;per={per}" if per != PAGE_FACTS else ""
    links = []
    if number > 1:
        back = min(number - 1, max(1, -(-total // per)))
        links.append(f'<a rel="prev" href="{esc(path)}?page={back}{per_part}">previous '
                     f"{per:,}</a>")
    if first - 1 + shown < total and shown:
        links.append(f'<a rel="next" href="{esc(path)}?page={number + 1}{per_part}">next '
                     f"{min(per, total - first + 1 - shown):,}</a>")
    return (f'<nav class="pager" aria-label="pages of facts"><span>{esc(text)}</span>'
            + "".join(f" · {a}" for a in links) + "</nav>")


def ev_id(iri: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", iri.rsplit("/", 1)[-1])


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def fact_sort_key(f: Fact) -> tuple[str, str]:
    start = next((t["value"] for p, t in f.values or [] if p in (BLOC + "startDate",
                                                                 BLOC + "date")), "")
    return (start, f.iri)


def fact_html(f: Fact, labels: dict[str, str], name: str) -> str:
    role = short(f.role).split(":", 1)[-1]
    vals = "; ".join(f"{esc(short(p).split(':', 1)[-1])}: {term_html(t, labels)}"
                     for p, t in sorted(f.values or [], key=lambda v: v[0]))
    sources = "".join(evidence_html(ev, [name, *labels.values()]) for ev in f.evidence or [])
    return (f'<li class="fact"><strong>{link(f.iri, f.kind)}</strong> '
            f'<span class="role">(as {esc(role)})</span> {vals}{sources}</li>')


_INDEX: dict[tuple[str, ...], dict[str, Path]] = {}


def read_text(file: str, dirs: list[Path]) -> tuple[str | None, str]:
    """The article's text as the build read it (offsets point into it), or why there is none."""
    key = tuple(str(d) for d in dirs)
    index = _INDEX.get(key)
    if index is None:
        index = {}
        for d in dirs:
            if d.is_file():
                index.setdefault(d.name, d)
                continue
            for path in sorted(d.rglob("*")) if d.is_dir() else []:
                if path.suffix.lower() in vocab.ARTICLE_SUFFIXES and path.is_file():
                    index.setdefault(path.name, path)
        _INDEX[key] = index
    path = index.get(file)
    if path is None:
        _INDEX.pop(key, None)  # a file added since: look again next time
        where = ", ".join(str(d) for d in dirs) or "no folder"
        return None, (f"The text of {file} was not found in {where} (start the server with "
                      "--articles DIR); the evidence sentences follow.")
    from graph_builder.extract.articles import read_article

    try:
        return read_article(path).text, ""
    except Exception as exc:  # noqa: BLE001 - shown to the reader, never a trace
        return None, f"{file}: {exc}"


def json_bindings(body: bytes) -> list[dict[str, dict[str, str]]]:
    return json.loads(body)["results"]["bindings"]
