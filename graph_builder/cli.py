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

from . import Blocgraph, __version__
from .errors import BlocgraphError
from .queries import registry
from .results import FORMATTERS
from .store import DEFAULT_STORE

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
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")

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
    return parser


def _params(items: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise BlocgraphError(f"--param '{item}': expected KEY=VALUE")
        out[key.strip()] = value
    return out


def cmd_build(args: argparse.Namespace) -> int:
    graph = Blocgraph(args.store)
    paths = args.paths or [Path("data")]
    report = graph.build(
        paths,
        infer=not args.no_infer,
        rebuild=args.rebuild,
        extract=not args.no_extract,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    for path, why in report.skipped:
        print(f"skipped {path}: {why}", file=sys.stderr)
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
    results = Blocgraph(args.store).query(args.query, _params(args.param))
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


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    return run_demo(args.store, args.out)


COMMANDS = {
    "build": cmd_build,
    "query": cmd_query,
    "dump": cmd_dump,
    "validate": cmd_validate,
    "stats": cmd_stats,
    "demo": cmd_demo,
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
