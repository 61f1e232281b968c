"""`blocgraph serve` in a subprocess and headless Chromium: started one way for all callers.

`make docs` (graph_builder.docs), the browser and service tests (tests/helpers) and the
workbench benchmark start a server on a store and a browser to look at it; each used to
carry its own copy of the start-up loop and the browser flags. A caller that wants a tool
missing to mean something else (a skipped test, an exit with a message) passes `missing`.

Kept out of the package's import path: Selenium is an extra (`test`, `docs`).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
# Flags every headless browser takes: no sandbox (root in CI), no shared memory, no network
# of its own, no first-run pages.
BASE_FLAGS = ("--headless", "--no-sandbox", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run")
# WebGL for sigma.js without a GPU
SWIFTSHADER = ("--enable-unsafe-swiftshader", "--use-angle=swiftshader")
PORT_TRIES = 3


class Missing(LookupError):
    """A program the caller needs (Chromium, chromedriver) is not installed."""


class NotServing(RuntimeError):
    """`blocgraph serve` exited or did not answer in time."""


def _missing(what: str) -> NoReturn:
    raise Missing(what)


def free_port(preferred: int | None = None) -> int:
    """PREFERRED when nobody listens on it, else a loopback TCP port nobody listens on."""
    for wanted in ([preferred] if preferred else []) + [0]:
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds it
            try:
                s.bind(("127.0.0.1", wanted))
            except OSError:
                continue
            return s.getsockname()[1]
    raise OSError("no free loopback port")


def find_binary(*names: str) -> str | None:
    """The first of NAMES on PATH or in /usr/bin (Debian's place when PATH is bare)."""
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists()
                                       else None)
        if found:
            return found
    return None


@contextmanager
def serving(store: Path, *options: str, port: int | None = None, seconds: float = 60,
            stdout: int | None = subprocess.PIPE) -> Iterator[tuple[subprocess.Popen, str]]:
    """`blocgraph serve` on STORE (on PORT when it is free) until left: its process and base
    URL, once /health answers; stopped with Ctrl-C (SIGINT) on leaving.

    The port is free when picked but may be taken before the server binds it (by a second
    test worker, say): a server that exits because its port is in use is started again on
    another port, up to PORT_TRIES times. NotServing when it exits otherwise or does not
    answer within SECONDS.
    """
    for attempt in range(PORT_TRIES):
        chosen = free_port(port if attempt == 0 else None)
        process = subprocess.Popen(
            [sys.executable, "-m", "graph_builder", "serve", "--store", str(store), "--port",
             str(chosen), *options], cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE,
            text=True)  # fmt: skip
        url = f"http://127.0.0.1:{chosen}/"
        error = _wait_until_up(process, url, seconds)
        if error is None:
            break
        if attempt == PORT_TRIES - 1 or "in use" not in error:
            raise NotServing(error)
    try:
        yield process, url
    finally:
        stop(process)


def stop(process: subprocess.Popen, seconds: float = 15) -> None:
    """Stop a server as Ctrl-C does (SIGINT), killing it if it is still up after SECONDS."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process: subprocess.Popen, url: str, seconds: float) -> str | None:
    """None once PROCESS answers /health at URL; else why not (it exited, or never answered)."""
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            return f"blocgraph serve exited: {process.stderr.read().strip()}"
        try:
            if httpx.get(url + "health", timeout=2).status_code == 200:
                return None
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            return f"blocgraph serve did not answer within {seconds:g} s"
        time.sleep(0.1)


@contextmanager
def chromium(*flags: str, capabilities: dict[str, Any] | None = None,
             prefix: str = "blocgraph-chromium-",
             missing: Callable[[str], NoReturn] = _missing) -> Iterator[Any]:
    """A headless Chromium WebDriver with BASE_FLAGS and FLAGS in a fresh profile, quit and
    its profile removed on leaving. Without Chromium or chromedriver, `missing(why)`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = find_binary("chromium", "chromium-browser", "google-chrome")
    driver_path = find_binary("chromedriver")
    if browser is None or driver_path is None:
        wanted = "chromium, chromium-browser or google-chrome" if browser is None else \
            "chromedriver"
        missing(f"no {wanted} found: tests/setup.sh installs them when run as root "
                "(`apt-get install -y chromium chromium-driver`)")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    profile = tempfile.mkdtemp(prefix=prefix)
    for flag in (*BASE_FLAGS, *flags, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
