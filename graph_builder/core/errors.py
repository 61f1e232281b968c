"""The exception types for errors a user can act on.

The CLI prints the message as a single line and exits with its code; the server picks
the HTTP status by the type (a store not built yet or busy is 503, a bad query 400),
never by reading the message. Anything else that escapes is a bug in blocgraph, not in
the user's input.
"""

import re

# line breaks (everything str.splitlines splits on) and terminal control characters: a
# value quoted from hostile input must not break the message over lines or drive the terminal
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


class BlocgraphError(Exception):
    """An error in the user's input or environment, with a message that says what to fix."""

    def __init__(self, message: str, *, exit_code: int = 2) -> None:
        super().__init__(_UNPRINTABLE.sub(_escape, str(message)))
        self.exit_code = exit_code


class NotBuiltError(BlocgraphError):
    """The store folder holds no graph yet: build first (a server answers 503 meanwhile)."""


class StoreBusyError(BlocgraphError):
    """Another build holds the store's lock; trying again later will work."""


class QueryError(BlocgraphError):
    """The SPARQL text does not parse; the message is the parser's, on one line."""


class RemoteError(BlocgraphError):
    """A remote endpoint could not be reached or refused the request (exit code 1)."""

    def __init__(self, message: str, *, exit_code: int = 1) -> None:
        super().__init__(message, exit_code=exit_code)
