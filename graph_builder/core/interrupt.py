"""Ctrl-C while the command line is still starting: one line and exit 130.

Python turns SIGINT into KeyboardInterrupt wherever it lands, and while `blocgraph` is
importing its modules (a few hundred milliseconds on a busy machine) that is a traceback
through importlib. `guard_startup` (called by the package when it is imported as the
command line, never by a program importing the library) answers SIGINT with one line
naming the command until `cli.main` installs Python's own handler again and catches
KeyboardInterrupt itself. Nothing has been written by then, so nothing needs undoing.
"""

from __future__ import annotations

import _signal  # the C module: `signal` would import enum, itself a few ms to interrupt
import os
import sys


def _command() -> str:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return f"blocgraph {args[0]}" if args else "blocgraph"


def _interrupted(_signum: int, _frame: object) -> None:
    try:
        os.write(2, f"{_command()}: interrupted while starting; nothing was done\n".encode())
    finally:
        os._exit(130)


def guard_startup() -> None:
    try:
        _signal.signal(_signal.SIGINT, _interrupted)
    except ValueError:  # not the main thread: leave Python's handler
        pass


def end_startup() -> None:
    """From here on Ctrl-C is KeyboardInterrupt again, which the command catches."""
    try:
        if _signal.getsignal(_signal.SIGINT) is _interrupted:
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)
    except ValueError:
        pass
