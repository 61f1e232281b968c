"""The `blocgraph` command: argument parsing, printing and exit codes over the Python API.

Errors the user can act on arrive as BlocgraphError and leave as one line on stderr
with exit code 2 (1 for a failed check such as validation); nothing else is caught, so a
traceback always means a bug in blocgraph.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from graph_builder import Blocgraph, __version__
from graph_builder.core.errors import BlocgraphError
from graph_builder.graph.results import FORMATTERS
from graph_builder.graph.store import DEFAULT_STORE
from graph_builder.query.named import registry

EPILOG = """examples:
  blocgraph build                       build the graph of data/ into ./.blocgraph
  blocgraph query chairs                every chairmanship, with its source
  blocgraph query chair_on --param org=CSTO --param date=2024-06-15
  blocgraph query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --format csv
  blocgraph dump --format trig -o graph.trig
  blocgraph validate
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blocgraph",
        description="Build a knowledge graph of security blocs from news articles, "
        "infer what follows, and query it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"blocgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def store_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--store",
            type=Path,
            default=DEFAULT_STORE,
            metavar="DIR",
            help=f"the embedded store folder (default: {DEFAULT_STORE}/)",
        )

    p = sub.add_parser(
        "build",
        help="build the graph from articles and facts files",
        description="Build the graph into the embedded store, then run OWL 2 RL inference "
        "and the rules of queries/rules/. Each PATH is an article (.txt, .md, .html), a "
        "facts file (.json) or a folder of them, walked recursively; none means data/. "
        "Articles whose facts did not change are left as they are; a failed or "
        "interrupted build leaves the previous graph intact.",
    )
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
        help="inference engine: fast (OWL 2 RL rules compiled to SPARQL and run in the "
        "store; the default) or owlrl (the reference implementation, slow): same triples",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    jobs_arg(p)

    p = sub.add_parser(
        "query",
        help="run a named query, a .rq file or SPARQL text",
        description="Run a named query from queries/ (see --list), a .rq file, or SPARQL "
        "text against the store. Parameters are bound as RDF terms, never pasted into "
        "the query: --param org=CSTO binds ?org to the CSTO's IRI.",
    )
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
    store_arg(p)
    remote_args(p)

    p = sub.add_parser(
        "dump",
        help="write the whole graph, deterministically ordered",
        description="Write every named graph (ontology, reference, one per "
        "article, inferred) to stdout or a file. turtle and ntriples merge "
        "the graphs; trig and nquads keep them apart.",
    )
    p.add_argument(
        "--format", "-f", choices=["trig", "nquads", "turtle", "ntriples"], default="trig"
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    store_arg(p)

    p = sub.add_parser(
        "validate",
        help="check the graph against the SHACL shapes",
        description="Check the graph against ontology/shapes.ttl and print "
        "each violation on one line: focus node, path, message. Exit 1 when "
        "there is any.",
    )
    store_arg(p)

    p = sub.add_parser("stats", help="count the triples of each graph")
    store_arg(p)

    p = sub.add_parser(
        "demo",
        help="build data/, answer sample questions, write an export",
        description="The main job on the shipped data: build the graph of "
        "data/, print who chaired what and when, the graph's size, and write "
        "exports under out/.",
    )
    store_arg(p)
    p.add_argument("--out", type=Path, default=Path("out"), metavar="DIR")

    p = sub.add_parser(
        "push",
        help="upload every named graph to a remote triple store",
        description="Replace the remote copy of each named graph (ontology, reference, one "
        "per article, inferred) with the local one, through the SPARQL 1.1 Graph Store "
        "Protocol and/or SPARQL Update; pushing twice replaces, never duplicates. With an "
        "update endpoint each graph is staged and moved into place in one update, so it is "
        "either old or new on the server. Remote blocgraph graphs no longer in the local "
        "store are removed. Counts are read back and checked at the end.",
    )
    store_arg(p)
    remote_args(p, required=True)
    p.add_argument("--update-endpoint", metavar="URL", help="SPARQL 1.1 Update endpoint")
    p.add_argument(
        "--graph-store", metavar="URL", help="SPARQL 1.1 Graph Store HTTP Protocol endpoint"
    )
    p.add_argument(
        "--chunk-size",
        type=int,
        default=50_000,
        metavar="N",
        help="triples per request for large graphs (default: 50000)",
    )
    p.add_argument("--dry-run", action="store_true", help="list what would be sent; send nothing")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    p = sub.add_parser(
        "serve",
        help="serve the graph over HTTP: SPARQL endpoint, named queries, ask, web page",
        description="A SPARQL 1.1 Protocol endpoint at /sparql, named queries at "
        "/queries, answers at /ask and a web page at /. Read-only unless "
        "--allow-update; no SERVICE or LOAD unless --allow-service.",
    )
    store_arg(p)
    p.add_argument("--host", default=None, help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7700, help="port (default: 7700)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per query (default: 10)")
    p.add_argument("--max-rows", type=int, default=100_000, metavar="N",
                   help="cap on result rows (default: 100000)")
    p.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                   help="cap on the request body (default: 1000000)")
    p.add_argument("--allow-update", action="store_true",
                   help="accept SPARQL Update from clients that send the --token")
    p.add_argument("--token", metavar="T", help="bearer token required for updates")
    p.add_argument("--allow-service", action="store_true",
                   help="allow SERVICE (federated query) and LOAD")
    p.add_argument("--cors-origin", metavar="ORIGIN", help="allow browser calls from ORIGIN")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="query worker processes (default: number of CPUs, at least 2)")
    p.add_argument("--client-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="seconds a client has to send a request's head, and again its body, "
                   "before the connection is closed (408) (default: 10)")

    p = sub.add_parser(
        "synth",
        help="write a deterministic synthetic corpus of about N triples",
        description="Write seeded synthetic facts files (blocs, members over periods, yearly "
        "chairs, office holders, summits, clashes, proposals) under DIR/facts/, adding up to "
        "about N asserted triples once built with `blocgraph build DIR`. With --articles K, "
        "also write K news-style texts with gold facts under DIR/articles/ for extraction "
        "runs (a build of DIR then extracts them too).",
    )
    p.add_argument("--triples", type=int, required=True, metavar="N")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--seed", type=int, default=0, metavar="S")
    p.add_argument("--articles", type=int, default=0, metavar="K")

    p = sub.add_parser(
        "export",
        help="write the state network as GEXF (Gephi), GraphML or node-link JSON",
        description="Write a network view of the graph. full: states, organisations, "
        "persons and events with typed relations; states: states only, edges counting "
        "shared blocs, chair hand-overs and conflicts. --dynamic adds time spells "
        "(Gephi's timeline shows who chaired when).",
    )
    p.add_argument("format", choices=["gexf", "graphml", "json"])
    p.add_argument("output", type=Path, metavar="OUT")
    p.add_argument("--view", choices=["full", "states"], default="full")
    p.add_argument("--dynamic", action="store_true", help="add start/end spells")
    p.add_argument(
        "--gexf-version", choices=["1.3", "1.2draft"], default=None, help="GEXF only (default 1.3)"
    )
    store_arg(p)

    p = sub.add_parser(
        "analyze",
        help="centrality, communities and conflicts of the states network",
        description="Per state: degree, weighted degree, betweenness, chairmanships, "
        "conflicts; Louvain communities and the edges between them; states in conflict "
        "while sharing a bloc. csv prints the per-state table only.",
    )
    p.add_argument("--format", "-f", choices=["table", "csv", "json"], default="table")
    store_arg(p)

    p = sub.add_parser(
        "plot",
        help="draw the states network to a PNG (needs matplotlib)",
        description="Draw the states view: blocs shaded, colour by community, grey lines "
        "for shared blocs, green arrows for chair hand-overs, red dashes for conflicts.",
    )
    p.add_argument("output", type=Path, metavar="OUT.png")
    p.add_argument("--view", choices=["states"], default="states")
    p.add_argument("--title", default=None)
    store_arg(p)

    p = sub.add_parser(
        "ask",
        help="answer a plain question from the graph, with sources",
        description="Answer a question in plain English (who chaired what and when, "
        "successions, posts, members, summits, conflicts, cooperation) with a named query; "
        "each answer shows its period and the source article and sentence.",
    )
    p.add_argument("question", nargs="?", metavar="QUESTION")
    p.add_argument("--as-of", metavar="DATE", help="the day 'now' means (default: today)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--show-sparql", action="store_true", help="print the SPARQL that ran")
    p.add_argument("--examples", action="store_true", help="list the question forms and exit")
    store_arg(p)
    remote_args(p)

    p = sub.add_parser(
        "eval",
        help="score extraction and question answering against gold files",
        description="For GOLD_DIR with NAME.txt|md|html and NAME.gold.json: extraction "
        "precision/recall/F1 per fact type, and question accuracy on a graph built in a "
        "temporary store from the articles, with each wrong answer listed.",
    )
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p = sub.add_parser(
        "extract",
        help="print the facts extracted from articles",
        description="Extract the facts of each ARTICLE (.txt, .md, .html) and print them "
        "in the facts JSON format, each with its evidence sentence and character offsets "
        "into the article text.",
    )
    p.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE")
    p.add_argument("--format", "-f", choices=["json", "jsonl"], default="json")
    p.add_argument("--explain", action="store_true", help="keep the rule behind each fact")
    jobs_arg(p)
    return parser


def jobs_arg(p: argparse.ArgumentParser) -> None:
    """--jobs N, checked by `_jobs` so a bad value gives the one-line error of any other."""
    p.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        help="extract articles in N processes (default: all cores; 1: in this process). "
        "The result is the same whatever N is",
    )


def _jobs(value: str | None) -> int:
    from graph_builder.extract.pool import check_jobs

    try:
        jobs = None if value is None else int(value)
    except ValueError:
        jobs = value  # type: ignore[assignment]  # check_jobs names it in its error
    return check_jobs(jobs, "--jobs")


def remote_args(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    """The options that name a remote SPARQL endpoint and how to log in to it."""
    p.add_argument(
        "--endpoint",
        required=required,
        metavar="URL",
        help="SPARQL query endpoint of a remote store"
        + ("" if required else " (run there instead of the local store)"),
    )
    p.add_argument("--user", metavar="U", help="HTTP Basic user name")
    p.add_argument(
        "--password",
        metavar="P",
        help="HTTP Basic password (or set BLOCGRAPH_PASSWORD, which stays out of `ps`)",
    )
    p.add_argument("--token", metavar="T", help="bearer token (or set BLOCGRAPH_TOKEN)")
    p.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="seconds per request (60)"
    )


def _endpoint(args: argparse.Namespace):
    """The RemoteEndpoint the options name, or None for the local store."""
    import os

    from graph_builder.query.remote import RemoteEndpoint

    if not getattr(args, "endpoint", None):
        return None
    user = args.user
    password = args.password or (os.environ.get("BLOCGRAPH_PASSWORD") if user else None)
    token = args.token or (None if user else os.environ.get("BLOCGRAPH_TOKEN"))
    return RemoteEndpoint(
        args.endpoint,
        update_url=getattr(args, "update_endpoint", None),
        graph_store_url=getattr(args, "graph_store", None),
        user=user,
        password=password,
        token=token,
        timeout=args.timeout,
    )


def _params(items: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise BlocgraphError(f"--param '{item}': expected KEY=VALUE")
        out[key.strip()] = value
    return out


def cmd_build(args: argparse.Namespace) -> int:
    jobs = _jobs(args.jobs)
    graph = Blocgraph(args.store)
    paths = args.paths or [Path("data")]
    report = graph.build(
        paths,
        infer=not args.no_infer,
        rebuild=args.rebuild,
        extract=not args.no_extract,
        progress=not args.quiet and sys.stderr.isatty(),
        engine=args.reasoner,
        jobs=jobs,
    )
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


def cmd_query(args: argparse.Namespace) -> int:
    if args.list or not args.query:
        if not args.list:
            raise BlocgraphError("query: give a query NAME, a .rq FILE or SPARQL text (or --list)")
        for q in registry().values():
            params = " ".join(
                f"[{p.name}={p.type}]" if p.optional else f"{p.name}={p.type}" for p in q.params
            )
            print(f"{q.name:14} {params}\n{'':14} {q.description}")
        return 0
    results = Blocgraph(args.store, endpoint=_endpoint(args)).query(args.query, _params(args.param))
    if results.triples is not None:
        import pyoxigraph as ox

        sys.stdout.write(ox.serialize(results.triples, format=ox.RdfFormat.TURTLE).decode())
        return 0
    text = FORMATTERS[args.format](results)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    data = Blocgraph(args.store).dump(args.format)
    if args.output:
        try:
            args.output.write_bytes(data)
        except OSError as exc:
            raise BlocgraphError(f"{args.output}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    violations = Blocgraph(args.store).validate()
    for v in violations:
        print(v)
    print(f"{len(violations)} violation(s)", file=sys.stderr)
    return 1 if violations else 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = Blocgraph(args.store).store
    for graph in store.named_graphs():
        print(f"{store.count(graph):8d}  {graph}")
    print(f"{store.count():8d}  (all)")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from graph_builder.query.remote import push, redact

    endpoint = _endpoint(args)
    report = push(
        Blocgraph(args.store).store,
        endpoint,
        chunk_size=args.chunk_size,
        dry_run=args.dry_run,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    if args.dry_run:
        for graph, count in report.graphs:
            print(f"{count:8d}  {graph}")
        print(
            f"{report.triples:8d}  in {len(report.graphs)} graph(s), would be sent "
            f"({report.mode}) to {redact(args.endpoint)}"
        )
        return 0
    for graph in report.removed:
        print(f"removed {graph} (no longer in the local store)")
    if not args.quiet:
        rate = report.triples / report.seconds if report.seconds else 0.0
        print(
            f"pushed {len(report.graphs)} graph(s), {report.triples} triples in "
            f"{report.seconds:.2f} s ({rate:,.0f} triples/s, {report.mode}); "
            "counts checked on the server"
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from graph_builder.demo import run_demo

    return run_demo(args.store, args.out)


def cmd_serve(args: argparse.Namespace) -> int:
    from graph_builder.serve.app import run

    return run(
        args.store,
        host=args.host or "127.0.0.1",
        port=args.port,
        host_given=args.host is not None,
        timeout=args.timeout,
        max_rows=args.max_rows,
        max_body=args.max_body,
        allow_update=args.allow_update,
        token=args.token,
        allow_service=args.allow_service,
        cors_origin=args.cors_origin,
        workers=args.workers,
        client_timeout=args.client_timeout,
    )


def cmd_synth(args: argparse.Namespace) -> int:
    from graph_builder.evaluate.synth import write

    report = write(args.out, args.triples, seed=args.seed, articles_n=args.articles)
    print(
        f"wrote {report.facts_files} facts file(s) with {report.facts} facts "
        f"(about {report.estimated_triples} triples) to {args.out}/facts/"
        + (f" and {report.articles} article(s) to {args.out}/articles/" if report.articles else "")
    )
    return 0


def _network(args: argparse.Namespace, view: str):
    graph = Blocgraph(args.store)
    if not graph.store.exists():
        raise BlocgraphError(f"--store {args.store}: no graph there; run blocgraph build first")
    return graph.to_networkx(view, dynamic=getattr(args, "dynamic", False))


def cmd_export(args: argparse.Namespace) -> int:
    from graph_builder.network import write_gexf, write_graphml, write_json

    if args.gexf_version and args.format != "gexf":
        raise BlocgraphError("--gexf-version applies to the gexf format only")
    G = _network(args, args.view)
    try:
        if args.format == "gexf":
            write_gexf(G, args.output, version=args.gexf_version or "1.3", dynamic=args.dynamic)
        else:
            (write_graphml if args.format == "graphml" else write_json)(G, args.output)
    except OSError as exc:
        raise BlocgraphError(f"{args.output}: cannot write ({exc.strerror})") from None
    print(f"wrote {args.output}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from graph_builder.network.analyze import FORMATS, analyze

    sys.stdout.write(FORMATS[args.format](analyze(_network(args, "states"))))
    return 0


def cmd_plot(args: argparse.Namespace) -> int:
    from graph_builder.network.plot import plot_states

    plot_states(_network(args, args.view), args.output, title=args.title)
    print(f"wrote {args.output}")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    import json

    from graph_builder.ask.answer import ask, examples

    if args.examples or not args.question:
        if not args.examples:
            raise BlocgraphError("ask: give a QUESTION (see `blocgraph ask --examples`)")
        print(examples())
        return 0
    target = _endpoint(args) or Blocgraph(args.store).store
    answer = ask(args.question, target, as_of=args.as_of)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(answer.to_text(show_sparql=args.show_sparql))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from graph_builder.evaluate.questions import run_eval

    return run_eval(args.gold_dir, args.json)


def cmd_extract(args: argparse.Namespace) -> int:
    from contextlib import closing

    from graph_builder.extract import extract_file, warm
    from graph_builder.extract.pool import extract_many

    jobs = _jobs(args.jobs)
    failed = 0
    with closing(extract_many(extract_file, args.articles, jobs, warm)) as outcomes:
        for outcome in outcomes:  # in the order given, whatever the number of jobs
            failed += _print_extracted(outcome, args)
    return 2 if failed and failed == len(args.articles) else 0


def _print_extracted(outcome, args: argparse.Namespace) -> int:
    """Print one article's facts (or why it was skipped); 1 when it was skipped."""
    import json

    from graph_builder.core.facts import to_dict

    if outcome.facts is None:
        print(f"blocgraph extract: skipped {outcome.error}", file=sys.stderr)
        return 1
    for message, _category, _file, _line in outcome.warnings:
        print(f"blocgraph extract: warning: {message}", file=sys.stderr)
    data = to_dict(outcome.facts)
    if not args.explain:
        for items in data.values():
            if isinstance(items, list):
                for item in items:
                    if isinstance(item, dict):
                        item.pop("rule", None)
    indent = None if args.format == "jsonl" else 2
    print(json.dumps(data, ensure_ascii=False, indent=indent))
    return 0


COMMANDS = {
    "extract": cmd_extract,
    "ask": cmd_ask,
    "eval": cmd_eval,
    "synth": cmd_synth,
    "build": cmd_build,
    "query": cmd_query,
    "dump": cmd_dump,
    "validate": cmd_validate,
    "stats": cmd_stats,
    "demo": cmd_demo,
    "export": cmd_export,
    "analyze": cmd_analyze,
    "plot": cmd_plot,
    "serve": cmd_serve,
    "push": cmd_push,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except BlocgraphError as exc:
        print(f"blocgraph {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"blocgraph {args.command}: interrupted; the store is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
