"""The one exception type for errors a user can act on.

The CLI prints its message as a single line and exits with its code; anything else
that escapes is a bug in blocgraph, not in the user's input.
"""


class BlocgraphError(Exception):
    """An error in the user's input or environment, with a message that says what to fix."""

    def __init__(self, message: str, *, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
