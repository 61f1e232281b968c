"""Commands around the graph: serve it, draw and export its network, evaluate, synthesise."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import graph_builder as bg
from graph_builder.cli.common import command, store_arg


def _demo_options(p: argparse.ArgumentParser) -> None:
    store_arg(p)
    p.add_argument("--out", type=Path, default=Path("out"), metavar="DIR")


@command("demo", options=_demo_options)
def demo(args: argparse.Namespace) -> int:
    """build data/, answer sample questions, write an export

    The main job on the shipped data: build the graph of data/, print who chaired what and
    when, the graph's size, and write exports under out/.
    """
    return bg.demo(args.store, args.out)


def _serve_options(p: argparse.ArgumentParser) -> None:
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
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="answer requests whose Host header is NAME too (repeatable; '*' any); "
                   "by default only the --host address, and localhost for a loopback one")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="query worker processes (default: number of CPUs, at least 2)")
    p.add_argument("--client-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="seconds a client has to send a request's head, and again its body, "
                   "before the connection is closed (408) (default: 10)")
    p.add_argument("--articles", action="append", type=Path, default=None, metavar="DIR",
                   help="where the article pages find the articles' text (repeatable; "
                   "default: ./data when it exists)")


@command("serve", options=_serve_options)
def serve(args: argparse.Namespace) -> int:
    """serve the graph over HTTP: SPARQL endpoint, named queries, ask, web page

    A SPARQL 1.1 Protocol endpoint at /sparql, named queries at /queries, answers at /ask
    and a web page at /. Read-only unless --allow-update; no SERVICE or LOAD unless
    --allow-service.
    """
    return bg.open(args.store).serve(
        host=args.host or "127.0.0.1",
        port=args.port,
        host_given=args.host is not None,
        allow_hosts=args.allow_host,
        timeout=args.timeout,
        max_rows=args.max_rows,
        max_body=args.max_body,
        allow_update=args.allow_update,
        token=args.token,
        allow_service=args.allow_service,
        cors_origin=args.cors_origin,
        workers=args.workers,
        client_timeout=args.client_timeout,
        articles=args.articles,
    )


def _synth_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--triples", type=int, required=True, metavar="N")
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.add_argument("--seed", type=int, default=0, metavar="S")
    p.add_argument("--articles", type=int, default=0, metavar="K")


@command("synth", options=_synth_options)
def synth(args: argparse.Namespace) -> int:
    """write a deterministic synthetic corpus of about N triples

    Write seeded synthetic facts files (blocs, members over periods, yearly chairs, office
    holders, summits, clashes, proposals) under DIR/facts/, adding up to about N asserted
    triples once built with `blocgraph build DIR`. With --articles K, also write K
    news-style texts with gold facts under DIR/articles/ for extraction runs (a build of DIR
    then extracts them too).
    """
    report = bg.synth(args.out, args.triples, seed=args.seed, articles=args.articles)
    print(
        f"wrote {report.facts_files} facts file(s) with {report.facts} facts "
        f"(about {report.estimated_triples} triples) to {args.out}/facts/"
        + (f" and {report.articles} article(s) to {args.out}/articles/" if report.articles else "")
    )
    return 0


def _export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("format", choices=["gexf", "graphml", "json"])
    p.add_argument("output", type=Path, metavar="OUT")
    p.add_argument("--view", choices=list(bg.NETWORK_VIEWS), default=bg.DEFAULT_VIEW,
                   help=f"which network (default: {bg.DEFAULT_VIEW}, as /export.gexf of serve)")
    p.add_argument("--dynamic", action="store_true", help="add start/end spells")
    p.add_argument(
        "--gexf-version", choices=["1.3", "1.2draft"], default=None, help="GEXF only (default 1.3)"
    )
    store_arg(p)


@command("export", options=_export_options)
def export(args: argparse.Namespace) -> int:
    """write the state network as GEXF (Gephi), GraphML or node-link JSON

    Write a network view of the graph. full: states, organisations, persons and events with
    typed relations; states: states only, edges counting shared blocs, chair hand-overs and
    conflicts. --dynamic adds time spells (Gephi's timeline shows who chaired when).
    """
    G = bg.open(args.store).export(
        args.format,
        args.output,
        view=args.view,
        dynamic=args.dynamic,
        gexf_version=args.gexf_version,
    )
    print(f"wrote {args.output}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    return 0


def _analyze_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", "-f", choices=["table", "csv", "json"], default="table")
    store_arg(p)


@command("analyze", options=_analyze_options)
def analyze(args: argparse.Namespace) -> int:
    """centrality, communities and conflicts of the states network

    Per state: degree, weighted degree, betweenness, chairmanships, conflicts; Louvain
    communities and the edges between them; states in conflict while sharing a bloc. csv
    prints the per-state table only.
    """
    sys.stdout.write(bg.open(args.store).analyze().format(args.format))
    return 0


def _plot_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("output", type=Path, metavar="OUT.png")
    p.add_argument("--view", choices=["states"], default="states")
    p.add_argument("--title", default=None)
    store_arg(p)


@command("plot", options=_plot_options)
def plot(args: argparse.Namespace) -> int:
    """draw the states network to a PNG (needs matplotlib)

    Draw the states view: blocs shaded, colour by community, grey lines for shared blocs,
    green arrows for chair hand-overs, red dashes for conflicts.
    """
    written = bg.open(args.store).plot(args.output, view=args.view, title=args.title)
    print(f"wrote {written}")
    return 0


def _eval_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


@command("eval", options=_eval_options)
def evaluate(args: argparse.Namespace) -> int:
    """score extraction and question answering against gold files

    For GOLD_DIR with NAME.gold.json and its article NAME.txt|md|html (beside it, or the
    shipped article of that name, as for tests/gold): extraction precision/recall/F1
    per fact type, and question accuracy on a graph built in a temporary store from the
    articles, with each wrong answer listed.
    """
    return bg.evaluate(args.gold_dir, args.json)
