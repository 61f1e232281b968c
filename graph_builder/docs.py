"""`make docs`: what docs/ holds, made from the project itself.

- `docs/ontology/index.html`: the ontology as HTML (pyLODE's OntPub profile);
- `docs/seed-states.png`: the states network of the seed build (data/), as `blocgraph
  plot` draws it;
- `docs/workbench-*.png`: a screenshot of each view of the workbench (ask, article page,
  timeline, network, entity page, SPARQL), served from the seed build and taken in headless
  Chromium through Selenium, as the browser tests drive it.

Each file is made in a scratch folder first and copied over only when it differs from
the one in docs/ (the HTML ignoring the pyLODE release it names, the pictures pixel by
pixel), so running `make docs` again with nothing changed leaves the checkout clean.

Kept out of the package's import path: pyLODE, Selenium and matplotlib are extras
(`docs`, `test`, `plot`) that blocgraph itself never needs.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from typing import Any, NoReturn

from graph_builder import headless
from graph_builder.core.resources import ontology_file

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_eab27d500f391317"
# pyLODE writes its own release into the page: not a change of the ontology
PYLODE_VERSION = re.compile(r'<a href="https://github.com/rdflib/pyLODE/release/[^"]*" '
                            r'id="version">[^<]*</a>')
WINDOW = (1400, 1000)
SAME_PIXELS = 0.0005


def render(out_dir: Path) -> Path:
    """The ontology's HTML page into OUT_DIR/index.html."""
    # pyLODE's loader calls logging.basicConfig(level=DEBUG) on import: a handler set first
    # makes that call do nothing, so `make docs` prints no DEBUG lines
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        from pylode import OntPub
    except ImportError:
        raise SystemExit("the ontology page needs pyLODE: pip install -e '.[docs]' "
                         "(make docs does)") from None

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    OntPub(ontology=str(ontology_file())).make_html(destination=str(target))
    return target


def same_html(a: Path, b: Path) -> bool:
    def text(p: Path) -> str:
        return PYLODE_VERSION.sub("", p.read_text(encoding="utf-8"))
    return b.exists() and text(a) == text(b)


def same_picture(a: Path, b: Path) -> bool:
    """Whether two PNGs show the same picture: their bytes may differ by metadata, and
    Chromium's anti-aliasing of a rounded corner by a pixel row from run to run, so up to
    SAME_PIXELS of the pixels may differ."""
    if not b.exists():
        return False
    if a.read_bytes() == b.read_bytes():
        return True
    from PIL import Image, ImageChops

    with Image.open(a) as x, Image.open(b) as y:
        if x.size != y.size:
            return False
        diff = ImageChops.difference(x.convert("RGB"), y.convert("RGB")).convert("L")
        changed = sum(diff.point(lambda v: 255 if v > 8 else 0).histogram()[255:])
        return changed <= SAME_PIXELS * x.size[0] * x.size[1]


def place(made: Path, target: Path, same: Callable[[Path, Path], bool]) -> str:
    """Copy MADE over TARGET unless SAME says they match; a line saying which."""
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    if same(made, target):
        return f"{shown}: unchanged"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(made, target)
    return f"wrote {shown}"


# -- the seed build, served, in headless Chromium ----------------------------------------

def build_seed(store: Path) -> Path:
    from graph_builder import Blocgraph

    Blocgraph(store).build([ROOT / "data"])
    return store


@contextmanager
def serving(store: Path, *options: str, port: int | None = None) -> Iterator[str]:
    """`blocgraph serve` on STORE in a subprocess (on PORT when it is free); yields its base
    URL once it answers (graph_builder.headless, as the tests start it)."""
    with ExitStack() as stack:
        try:
            _process, url = stack.enter_context(headless.serving(
                store, *options, port=port, seconds=120, stdout=subprocess.DEVNULL))
        except headless.NotServing as error:
            raise SystemExit(str(error)) from None
        yield url


def _exit(why: str) -> NoReturn:
    raise SystemExit(why)


def chromium(window: tuple[int, int] = WINDOW) -> AbstractContextManager[Any]:
    """Headless Chromium under Selenium, with SwiftShader's WebGL for sigma.js (no GPU);
    without Chromium or chromedriver, an exit that names them."""
    return headless.chromium(*headless.SWIFTSHADER, "--hide-scrollbars",
                             f"--window-size={window[0]},{window[1]}",
                             prefix="blocgraph-docs-chromium-", missing=_exit)


def until(driver: Any, predicate: Callable[[Any], Any], timeout: float = 60) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: predicate(d))


def ready(driver: Any, view: str) -> None:
    """Wait until the workbench's VIEW has started (workbench.js sets data-VIEW-ready)."""
    until(driver, lambda d: d.execute_script(
        f"return document.body.dataset.{view}Ready === 'true'"))


def _ask(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url + "#ask")
    ready(driver, "ask")
    driver.find_element(By.ID, "wb-question").send_keys("Who chaired the CSTO in 2024?")
    driver.find_element(By.ID, "wb-ask-button").click()
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#wb-answer blockquote"))


def _timeline(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url + "#timeline")
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#tl-chart a.tl-chair"))


def _network(driver: Any, url: str) -> None:
    driver.get(url + "#network")
    ready(driver, "network")
    until(driver, lambda d: d.execute_script(
        "return document.getElementById('nw-canvas').dataset.visibleNodes"))
    time.sleep(0.5)  # sigma draws on the next animation frame


def _sparql(driver: Any, url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url + "#sparql")
    until(driver, lambda d: d.execute_script("return !!window.blocgraphYasgui"))
    driver.execute_script("window.blocgraphYasgui.getTab().getYasqe().query()")
    until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#sq-yasgui .yasr a[href*='/id/']"))
    time.sleep(0.3)
    # YASR's "N results in 0.062 seconds": the time differs at each run, the picture should not
    driver.execute_script(r"""
      for (const e of document.querySelectorAll('#sq-yasgui .yasr *'))
        if (!e.children.length && /in [\d.]+ seconds?/.test(e.textContent))
          e.textContent = e.textContent.replace(/ in [\d.]+ seconds?/, '');""")


def _page(path: str) -> Callable[[Any, str], None]:
    def go(driver: Any, url: str) -> None:
        driver.get(url + path)
        until(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    return go


VIEWS: list[tuple[str, Callable[[Any, str], None]]] = [
    ("ask", _ask),
    ("article", _page(f"articles/{SEED}")),
    ("timeline", _timeline),
    ("network", _network),
    ("entity", _page("id/state/kazakhstan")),
    ("sparql", _sparql),
]


def screenshots(url: str, out: Path) -> list[Path]:
    """A PNG of each workbench view of the server at URL, into OUT."""
    written = []
    with chromium() as driver:
        for name, go in VIEWS:
            go(driver, url)
            driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
            path = out / f"workbench-{name}.png"
            driver.save_screenshot(str(path))
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph_builder.docs",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs",
                        help="the docs folder (default: docs/ of the checkout)")
    parser.add_argument("--no-screenshots", action="store_true",
                        help="only the ontology page and the seed network picture")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out.name == "ontology":  # the former argument, docs/ontology
        out = out.parent
    if not (ROOT / "graph_builder" / "serve" / "web" / "dist" / "workbench.js").exists() \
            and not args.no_screenshots:
        print("the workbench bundle is not built: run `bash web/setup.sh` (make docs does)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="blocgraph-docs-") as scratch:
        work = Path(scratch)
        print(place(render(work / "ontology"), out / "ontology" / "index.html", same_html))
        store = build_seed(work / "store")
        from graph_builder import Blocgraph

        made = Path(Blocgraph(store).plot(work / "seed-states.png"))
        print(place(made, out / "seed-states.png", same_picture))
        if not args.no_screenshots:
            shots = work / "shots"
            shots.mkdir()
            # the default port, as a reader's own `blocgraph serve` shows it (the SPARQL
            # view prints the endpoint's URL), so the pictures match from run to run
            with serving(store, "--articles", os.fspath(ROOT / "data"), port=7700) as url:
                for path in screenshots(url, shots):
                    print(place(path, out / path.name, same_picture))
    return 0


if __name__ == "__main__":
    sys.exit(main())
