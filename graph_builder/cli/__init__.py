"""The `blocgraph` command: argument parsing, printing and exit codes over the Python API.

Each command is one handler with its options beside it (cli/graph.py: the graph and
its queries; cli/tools.py: serving, networks, evaluation); a handler makes one call to
the package face (`graph_builder`) and prints. Errors the user can act on arrive as
BlocgraphError and leave as one line on stderr with the error's exit code (2, or 1 for a
failed check or a remote failure); nothing else is caught, so a traceback always means a
bug in blocgraph.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from graph_builder.cli import graph, tools
from graph_builder.cli.common import COMMANDS, parser
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.interrupt import end_startup

# the order `blocgraph --help` lists them in
ORDER = (
    "build", "query", "dump", "validate", "stats", "demo", "push", "serve", "synth",
    "export", "analyze", "plot", "ask", "eval", "extract",
)  # fmt: skip
assert set(ORDER) == set(COMMANDS), "every command module is imported above"
__all__ = ["graph", "main", "tools"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; returns the exit code."""
    try:
        args = parser(ORDER).parse_args(argv)
    except KeyboardInterrupt:
        print("blocgraph: interrupted while starting; nothing was done", file=sys.stderr)
        return 130
    finally:
        end_startup()
    if not args.command:
        parser(ORDER).print_help()
        return 2
    try:
        return COMMANDS[args.command].run(args)
    except BlocgraphError as exc:
        print(f"blocgraph {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        # a command that wrote elsewhere says what it did (push: what reached the server)
        what = str(exc) or "the store is unchanged"
        print(f"blocgraph {args.command}: interrupted; {what}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
