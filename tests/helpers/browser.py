"""Headless Chromium through chromedriver, started the one way the browser tests need.

Chromium and chromedriver are Debian packages (tests/setup.sh installs them as root); they
are found on PATH or in /usr/bin, and where neither has them the test says so in one line
(helpers.missing: a skip, or a failure under CI=true).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from helpers import missing

# Flags every test browser takes: no sandbox (root in CI), no shared memory, no network of
# its own, no first-run pages.
BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run")


def find_binary(*names: str) -> str:
    """The first of NAMES on PATH or in /usr/bin; else skip (fail under CI=true)."""
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists()
                                       else None)
        if found:
            return found
    missing(f"none of {', '.join(names)} found: tests/setup.sh installs them when run as "
            "root (`apt-get install -y chromium chromium-driver`)")


@contextmanager
def chromium(*flags: str, capabilities: dict[str, Any] | None = None,
             prefix: str = "blocgraph-chromium-") -> Iterator[Any]:
    """A headless Chromium WebDriver with BASE_FLAGS and FLAGS in a fresh profile, quit and
    its profile removed on leaving."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = find_binary("chromium", "chromium-browser", "google-chrome")
    profile = tempfile.mkdtemp(prefix=prefix)
    for flag in (*BASE_FLAGS, *flags, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    driver = webdriver.Chrome(options=options,
                              service=Service(executable_path=find_binary("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
