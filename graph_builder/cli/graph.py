"""Commands on the graph: build it, query it, ask it, count, dump, check and push it."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from contextlib import closing
from pathlib import Path
from typing import Any

import graph_builder as bg
from graph_builder import BlocgraphError
from graph_builder.cli.common import (
    apply_parse,
    command,
    jobs_arg,
    open_graph,
    params,
    printable,
    remote_args,
    store_arg,
)


def _build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    store_arg(p)
    p.add_argument("--no-infer", action="store_true", help="skip inference")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="start from an empty store instead of updating the current graph",
    )
    p.add_argument(
        "--no-extract",
        action="store_true",
        help="use curated facts files only; do not extract facts from article text",
    )
    p.add_argument(
        "--reasoner",
        choices=["fast", "owlrl"],
        default="fast",
        help="inference engine: fast (the OWL 2 RL rules that touch data, read from the "
        "closed ontology and run to a fixpoint in memory; the default) or owlrl (the "
        "reference implementation, slow): same triples",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    jobs_arg(p)


def _one_line_warning(message: Warning | str, *_args: Any, **_kw: Any) -> None:
    print(f"blocgraph build: warning: {message}", file=sys.stderr)


@command("build", options=_build_options)
def build(args: argparse.Namespace) -> int:
    """build the graph from articles and facts files

    Build the graph into the embedded store, then run OWL 2 RL inference and the rules of
    queries/rules/. Each PATH is an article (.txt, .md, .html), a facts file (.json) or a
    folder of them, walked recursively; none means data/. Articles whose facts did not
    change are left as they are; a failed or interrupted build leaves the previous graph
    intact.
    """
    jobs = bg.check_jobs(args.jobs, "--jobs")
    apply_parse(args)
    with warnings.catch_warnings():
        # extraction's notices as one clean line each, as `extract` prints them, not
        # Python's "file:line: Category: message" and the source line after it
        warnings.showwarning = _one_line_warning
        report = bg.open(args.store).build(
            args.paths or [Path("data")],
            infer=not args.no_infer,
            rebuild=args.rebuild,
            extract=not args.no_extract,
            progress=not args.quiet and sys.stderr.isatty(),
            engine=args.reasoner,
            jobs=jobs,
        )
    for warning in report.warnings:
        print(f"blocgraph build: warning: {warning}", file=sys.stderr)
    for path, why in report.skipped:
        print(f"skipped {path}: {why}", file=sys.stderr)
    for problem in report.dropped:
        print(f"dropped an extracted fact: {problem}", file=sys.stderr)
    if not args.quiet:
        print(
            f"built {len(report.built)} article graph(s), {len(report.unchanged)} unchanged, "
            f"{len(report.skipped)} skipped; {report.asserted} asserted + {report.inferred} "
            f"inferred triples in {args.store}/ ({report.seconds:.2f} s)"
        )
    return 0


def _query_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", metavar="NAME|FILE|SPARQL")
    p.add_argument(
        "--param",
        "-p",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="bind a declared parameter (repeatable)",
    )
    p.add_argument(
        "--format",
        "-f",
        choices=["table", "csv", "tsv", "json", "xml"],
        default="table",
        help="output format (default: table); json, xml, csv "
        "and tsv are the SPARQL 1.1 results formats",
    )
    p.add_argument("--list", action="store_true", help="list the named queries and exit")
    p.add_argument("--allow-service", action="store_true",
                   help="run a SERVICE clause (federated query), which fetches from the "
                   "server it names; refused by default, as serve refuses it")
    store_arg(p)
    remote_args(p)


@command("query", options=_query_options)
def query(args: argparse.Namespace) -> int:
    """run a named query, a .rq file or SPARQL text

    Run a named query from queries/ (see --list), a .rq file, or SPARQL text against the
    store. Parameters are bound as RDF terms, never pasted into the query: --param org=CSTO
    binds ?org to the CSTO's IRI.
    """
    if args.list or not args.query:
        if not args.list:
            raise BlocgraphError("query: give a query NAME, a .rq FILE or SPARQL text (or --list)")
        for q in bg.open(args.store).named_queries():
            line = " ".join(
                f"[{p.name}={p.type}]" if p.optional else f"{p.name}={p.type}" for p in q.params
            )
            print(f"{q.name:14} {line}\n{'':14} {q.description}")
        return 0
    results = open_graph(args).query(args.query, params(args.param),
                                     allow_service=args.allow_service)
    if results.triples is not None and args.format != "table":
        raise BlocgraphError(
            f"--format {args.format}: the query answers with triples (CONSTRUCT or DESCRIBE), "
            "which print as Turtle; drop --format"
        )
    if results.triples is not None:
        sys.stdout.write(printable(results.turtle().decode()))
        return 0
    text = bg.result_formats()[args.format](results)
    if args.format != "json":  # JSON escapes them itself
        text = printable(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _dump_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format", "-f", choices=["trig", "nquads", "turtle", "ntriples"], default="trig"
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.add_argument(
        "--split-by-graph",
        type=Path,
        metavar="DIR",
        help="with --format nquads: one gzipped file per named graph in DIR, and "
        "DIR/manifest.json with each graph's name, file and triple count (for bulk loaders)",
    )
    store_arg(p)


@command("dump", options=_dump_options)
def dump(args: argparse.Namespace) -> int:
    """write the whole graph, deterministically ordered

    Write every named graph (ontology, reference, one per article, inferred) to stdout or a
    file. turtle and ntriples merge the graphs; trig and nquads keep them apart.
    --split-by-graph DIR writes one gzipped N-Quads file per graph plus a manifest.
    """
    if args.split_by_graph:
        if args.format != "nquads" or args.output:
            raise BlocgraphError("--split-by-graph DIR writes N-Quads files: give --format "
                                 "nquads and no --output")  # fmt: skip
        try:
            manifest = bg.open(args.store).store.dump_split(args.split_by_graph)
        except OSError as exc:
            raise BlocgraphError(f"{args.split_by_graph}: cannot write ({exc.strerror})") from None
        print(f"{len(manifest['graphs'])} graph(s), {manifest['triples']} triples in "
              f"{args.split_by_graph}/ (manifest.json)", file=sys.stderr)  # fmt: skip
        return 0
    data = bg.open(args.store).dump(args.format)
    if args.output:
        try:
            args.output.write_bytes(data)
        except OSError as exc:
            raise BlocgraphError(f"{args.output}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.buffer.write(data)
    return 0


@command("validate", options=store_arg)
def validate(args: argparse.Namespace) -> int:
    """check the graph against the SHACL shapes

    Check the graph against ontology/shapes.ttl and print each violation on one line: focus
    node, path, message. Exit 1 when there is any. Each constraint is one SPARQL query in
    the store; a progress bar on a terminal names the one running.
    """
    violations = bg.open(args.store).validate(progress=sys.stderr.isatty())
    for v in violations:
        print(v)
    print(f"{len(violations)} violation(s)", file=sys.stderr)
    return 1 if violations else 0


@command("stats", options=store_arg)
def stats(args: argparse.Namespace) -> int:
    """count the triples of each graph"""
    counts = bg.open(args.store).stats()
    for graph, count in counts.graphs.items():
        print(f"{count:8d}  {graph}")
    print(f"{counts.total:8d}  (all)")
    return 0


def _push_options(p: argparse.ArgumentParser) -> None:
    store_arg(p)
    remote_args(p, required=True)
    p.add_argument("--update-endpoint", metavar="URL", help="SPARQL 1.1 Update endpoint")
    p.add_argument(
        "--graph-store", metavar="URL", help="SPARQL 1.1 Graph Store HTTP Protocol endpoint"
    )
    p.add_argument(
        "--chunk-size",
        type=int,
        default=250_000,
        metavar="N",
        help="triples per request: graphs are grouped up to it, larger changes staged "
        "(default: 250000; Oxigraph commits fewer, larger requests faster)",
    )
    p.add_argument("--dry-run", action="store_true", help="list what would be sent; send nothing")
    p.add_argument(
        "--full",
        action="store_true",
        help="send every graph whole, even those the server's manifest says are unchanged",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")


@command("push", options=_push_options)
def push(args: argparse.Namespace) -> int:
    """upload every named graph to a remote triple store

    Replace the remote copy of each named graph (ontology, reference, one per article,
    inferred) with the local one, through the SPARQL 1.1 Graph Store Protocol and/or SPARQL
    Update; pushing twice replaces, never duplicates. With an update endpoint each graph is
    sent in one request (or staged and moved into place by one update), so it is either old
    or new on the server. Only graphs whose content hash differs from the server's manifest
    (graph push/manifest) are sent, as their difference where it is known; --full sends
    all. Remote blocgraph graphs no longer in the local store are removed. Counts are read
    back and checked at the end.
    """
    graph = open_graph(args)
    report = graph.push(
        chunk_size=args.chunk_size,
        dry_run=args.dry_run,
        progress=not args.quiet and sys.stderr.isatty(),
        full=args.full,
    )
    if args.dry_run:
        for name, count in report.graphs:
            print(f"{count:8d}  {name}")
        print(
            f"{report.triples:8d}  in {len(report.graphs)} graph(s), would be sent "
            f"({report.mode}) to {bg.redact(args.endpoint)}, unchanged ones skipped"
        )
        return 0
    for name in report.removed:
        print(f"removed {name} (no longer in the local store)")
    if not args.quiet:
        rate = report.triples_sent / report.seconds if report.seconds else 0.0
        how = ", ".join(f"{n} {kind}" for kind, n in sorted(_kinds(report.sent).items()))
        print(
            f"pushed {len(report.sent)} of {len(report.graphs)} graph(s) ({how or 'none'}; "
            f"{report.unchanged} unchanged), {report.triples_sent} triples in "
            f"{report.seconds:.2f} s ({rate:,.0f} triples/s, {report.mode}); "
            "counts checked on the server"
        )
    return 0


def _kinds(sent: dict[str, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in sent.values():
        out[kind] = out.get(kind, 0) + 1
    return out


def _ask_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="?", metavar="QUESTION")
    p.add_argument("--as-of", metavar="DATE", help="the day 'now' means (default: today)")
    p.add_argument("--known-by", metavar="DATE",
                   help="answer only from the articles published by that day")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--show-sparql", action="store_true", help="print the SPARQL that ran")
    p.add_argument("--examples", action="store_true", help="list the question forms and exit")
    store_arg(p)
    remote_args(p)


@command("ask", options=_ask_options)
def ask(args: argparse.Namespace) -> int:
    """answer a plain question from the graph, with sources

    Answer a question in plain English (who chaired what and when, successions, posts,
    members, summits, conflicts, cooperation) with a named query; each answer shows its
    period and the source article and sentence.
    """
    if args.examples or not args.question:
        if not args.examples:
            raise BlocgraphError("ask: give a QUESTION (see `blocgraph ask --examples`)")
        print(bg.ask_examples())
        return 0
    answer = open_graph(args).ask(args.question, as_of=args.as_of,
                                      known_by=args.known_by)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(printable(answer.to_text(show_sparql=args.show_sparql)))
    return 0


def _extract_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE",
                   help="an article file, or a folder of them (walked as build walks it)")
    p.add_argument("--format", "-f", choices=["json", "jsonl"], default="json")
    p.add_argument("--explain", action="store_true", help="keep the rule behind each fact")
    jobs_arg(p)


@command("extract", options=_extract_options)
def extract(args: argparse.Namespace) -> int:
    """print the facts extracted from articles

    Extract the facts of each ARTICLE (.txt, .md, .html) and print them in the facts JSON
    format, each with its evidence sentence and character offsets into the article text.
    """
    jobs = bg.check_jobs(args.jobs, "--jobs")
    apply_parse(args)
    failed = seen = 0
    with closing(bg.open().extract(args.articles, jobs=jobs)) as outcomes:
        for outcome in outcomes:  # in the order given, whatever the number of jobs
            failed += _print_extracted(outcome, args)
            seen += 1
    return 2 if failed and failed == seen else 0


def _print_extracted(outcome: Any, args: argparse.Namespace) -> int:
    """Print one article's facts (or why it was skipped); 1 when it was skipped."""
    if outcome.facts is None:
        print(f"blocgraph extract: skipped {outcome.error}", file=sys.stderr)
        return 1
    for message, _category, _file, _line in outcome.warnings:
        print(f"blocgraph extract: warning: {message}", file=sys.stderr)
    data = bg.facts_to_dict(outcome.facts, rules=args.explain)
    indent = None if args.format == "jsonl" else 2
    print(json.dumps(data, ensure_ascii=False, indent=indent))
    return 0
