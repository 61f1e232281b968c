"""What every command shares: the registry of commands, the store, remote and jobs options.

A command module declares each command with `@command(...)`, its options in a function
beside the handler; `parser()` assembles them in the order `--help` shows.
"""

from __future__ import annotations

import argparse
import inspect
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import graph_builder as bg
from graph_builder import DEFAULT_STORE, BlocgraphError, __version__

EPILOG = """examples:
  blocgraph build                       build the graph of data/ into ./.blocgraph
  blocgraph query chairs                every chairmanship, with its source
  blocgraph query chair_on --param org=CSTO --param date=2024-06-15
  blocgraph query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --format csv
  blocgraph dump --format trig -o graph.trig
  blocgraph validate
"""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    description: str | None
    options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def command(
    name: str, *, options: Callable[[argparse.ArgumentParser], None] = lambda p: None
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Register the decorated handler as `blocgraph NAME`, with the options it takes.

    The handler's docstring is its help: the first line for `blocgraph --help`, the
    paragraphs after it for `blocgraph NAME --help`.
    """

    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        first, _, rest = inspect.getdoc(run).partition("\n\n")  # type: ignore[union-attr]
        description = " ".join(rest.split()) or None
        COMMANDS[name] = Command(name, " ".join(first.split()), description, options, run)
        return run

    return register


def parser(order: Sequence[str]) -> argparse.ArgumentParser:
    """The whole command line, commands in `order`."""
    top = argparse.ArgumentParser(
        prog="blocgraph",
        description="Build a knowledge graph of security blocs from news articles, "
        "infer what follows, and query it.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"blocgraph {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for name in order:
        cmd = COMMANDS[name]
        kwargs = {"help": cmd.help}
        if cmd.description is not None:
            kwargs["description"] = cmd.description
        cmd.options(sub.add_parser(name, **kwargs))
    return top


def store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        type=str,  # kept as given: `--store ""` (an unset variable) is refused, not "."
        default=DEFAULT_STORE,
        metavar="DIR",
        help=f"the embedded store folder (default: {DEFAULT_STORE}/)",
    )


def jobs_arg(p: argparse.ArgumentParser) -> None:
    """--jobs N, checked by `bg.check_jobs` so a bad value gives the usual one-line error."""
    p.add_argument(
        "--jobs",
        "-j",
        metavar="N",
        help="extract articles in N processes (default: all cores; 1: in this process). "
        "The result is the same whatever N is",
    )
    p.add_argument(
        "--parse",
        choices=["off", "members", "all"],
        help="the syntactic pass after the rules (spaCy, the [parse] extra): 'members' adds "
        "memberships the rules miss at their precision and is the default where spaCy is "
        "installed; 'off' is about five times faster; 'all' also runs the post patterns "
        "(less precise). Same as BLOCGRAPH_PARSE",
    )


def apply_parse(args: argparse.Namespace) -> None:
    """--parse sets BLOCGRAPH_PARSE, which extraction (and its worker processes) read."""
    if getattr(args, "parse", None):
        os.environ["BLOCGRAPH_PARSE"] = args.parse


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


def open_graph(args: argparse.Namespace) -> bg.Blocgraph:
    """The graph the options name: the store, answering from --endpoint when given."""
    if not getattr(args, "endpoint", None):
        return bg.open(args.store)
    user = args.user
    password = args.password or (os.environ.get("BLOCGRAPH_PASSWORD") if user else None)
    token = args.token or (None if user else os.environ.get("BLOCGRAPH_TOKEN"))
    return bg.open(
        args.store,
        endpoint=args.endpoint,
        update_endpoint=getattr(args, "update_endpoint", None),
        graph_store=getattr(args, "graph_store", None),
        user=user,
        password=password,
        token=token,
        timeout=args.timeout,
    )


def params(items: Sequence[str]) -> dict[str, str]:
    """--param KEY=VALUE options as a dict."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise BlocgraphError(f"--param '{item}': expected KEY=VALUE")
        out[key.strip()] = value
    return out


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}
_CONTROL.update({c: f"\\x{c:02x}" for c in range(0x80, 0xA0)})


def printable(text: str) -> str:
    """TEXT for a terminal: control characters (NUL, BEL, ESC, C1...) shown as '\\x1b',
    never sent raw, so a value from the graph cannot ring, move or recolour the terminal;
    line breaks (CSV's CRLF too) and tabs stay, a carriage return alone is shown as '\\r'."""
    text = text.translate(_CONTROL)
    return re.sub(r"\r(?!\n)", r"\\r", text) if "\r" in text else text
