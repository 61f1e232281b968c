"""Fixtures shared by the whole suite: each seed store is built once per session.

The stores are read-only for the tests that take them; a test that writes copies one
first (helpers.copy_store). Servers started here live for the session too.

`make test` runs the suite in two processes (pytest-xdist, `-n 2 --dist loadgroup`): a
session fixture is then made once per worker, in that worker's own temporary folder
(tmp_path_factory), and servers listen on ports each worker picks free. Tests that measure
time or memory share the xdist group helpers.TIMED, so they never run beside each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import Server, build_seed, serve
from helpers import free_port as _free_port

WIDE_SCOPES = ("class", "module", "package")


@pytest.hookimpl(wrapper=True, tryfirst=True)  # around xdist, which reads the groups
def pytest_collection_modifyitems(config: pytest.Config,
                                  items: list[pytest.Item]) -> Iterator[None]:
    """The tests of one file that share a module-scoped fixture (a server, a built store, a
    scored corpus) form one xdist group, so under `--dist loadgroup` the fixture is made
    once, on one worker, instead of once on each. A test already in a group keeps it."""
    for item in items:
        if item.get_closest_marker("xdist_group") is not None:
            continue
        defs = getattr(item, "_fixtureinfo", None)
        defs = defs.name2fixturedefs.values() if defs is not None else ()
        if any(chain and chain[-1].scope in WIDE_SCOPES for chain in defs):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    result = yield
    if getattr(config.option, "loadgroup", False):  # set on xdist's workers
        _keep_group_ids(items)
    return result


def _keep_group_ids(items: list[pytest.Item]) -> None:
    """xdist tells the scheduler a test's group by writing `id@group` into the item's
    `_nodeid`; pytest 9.2 keeps the id in `_id`, so the suffix was lost and loadgroup
    silently spread every group over both workers (pytest-xdist issue 1386, fixed in its
    pull request 1388, not yet released). Copy the suffixed id over where it differs: with
    an xdist or pytest that keep it themselves, nothing differs and nothing is done."""
    from _pytest.nodeid import NodeId

    for item in items:
        written = item.__dict__.get("_nodeid")
        if written and written != item.nodeid and getattr(item, "_id", None) is not None:
            # names alone, no params: "test[a]@group" stays one name, read back as written
            path, _, rest = written.partition("::")
            item._id = NodeId(path=path, names=tuple(rest.split("::")))
@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's curated facts (tests/fixtures) built without extraction."""
    return build_seed(tmp_path_factory.mktemp("seed-facts") / "store", extract=False)


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ built as the README does, through extraction."""
    return build_seed(tmp_path_factory.mktemp("seed-data") / "store")


@pytest.fixture(scope="session")
def synth_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic corpus of about 10,000 triples, seed 0, as facts files (read-only:
    a test that moves files copies it first)."""
    from graph_builder.evaluate import synth

    corpus = tmp_path_factory.mktemp("synth-10k") / "corpus"
    synth.write(corpus, 10_000, seed=0)
    return corpus


@pytest.fixture(scope="session")
def synth_10k_store(synth_10k: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """synth_10k built as `build --no-extract` does (fast reasoner), once per session: the
    slow tests that need a 10k graph read this one instead of building their own."""
    from graph_builder import Blocgraph

    store = tmp_path_factory.mktemp("synth-10k-store") / "store"
    Blocgraph(store).build([synth_10k], extract=False)
    return store


@pytest.fixture(scope="session")
def synth_100k_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic graph of about 100,000 triples (seed 0), built as `build --no-extract`
    does, once per session (read-only): the load test and the workbench at 100k read it."""
    from graph_builder import Blocgraph
    from graph_builder.evaluate import synth

    work = tmp_path_factory.mktemp("synth-100k")
    synth.write(work / "corpus", 100_000, seed=0)
    Blocgraph(work / "store").build([work / "corpus"], extract=False)
    return work / "store"


@pytest.fixture
def free_port() -> Callable[[], int]:
    """A function giving a loopback port nobody listens on."""
    return _free_port


@pytest.fixture(scope="session")
def data_server(data_store: Path) -> Iterator[Server]:
    """`blocgraph serve` on data_store with default options, for the session."""
    with serve(data_store) as server:
        yield server
