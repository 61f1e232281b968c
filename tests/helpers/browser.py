"""Headless Chromium through chromedriver, started the one way the browser tests need.

graph_builder.headless starts it (for `make docs` too). Chromium and chromedriver are
Debian packages (tests/setup.sh installs them as root); they are found on PATH or in
/usr/bin, and where neither has them the test says so in one line (helpers.missing: a
skip, or a failure under CI=true).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from graph_builder import headless
from helpers import missing


@contextmanager
def chromium(*flags: str, capabilities: dict[str, Any] | None = None,
             prefix: str = "blocgraph-chromium-") -> Iterator[Any]:
    """A headless Chromium WebDriver with headless.BASE_FLAGS and FLAGS in a fresh profile;
    without Chromium or chromedriver the test skips (fails under CI=true)."""
    with headless.chromium(*flags, capabilities=capabilities, prefix=prefix,
                           missing=missing) as driver:
        yield driver
