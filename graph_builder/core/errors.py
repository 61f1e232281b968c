"""The one exception type for errors a user can act on.

The CLI prints its message as a single line and exits with its code; anything else
that escapes is a bug in blocgraph, not in the user's input.
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
