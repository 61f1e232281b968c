"""Fixtures shared by the whole suite: each seed store is built once per session.

The stores are read-only for the tests that take them; a test that writes copies one
first (helpers.copy_store). Servers started here live for the session too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import Server, build_seed, serve
from helpers import free_port as _free_port


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's curated facts (tests/fixtures) built without extraction."""
    return build_seed(tmp_path_factory.mktemp("seed-facts") / "store", extract=False)


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ built as the README does, through extraction."""
    return build_seed(tmp_path_factory.mktemp("seed-data") / "store")


@pytest.fixture
def free_port() -> Callable[[], int]:
    """A function giving a loopback port nobody listens on."""
    return _free_port


@pytest.fixture(scope="session")
def data_server(data_store: Path) -> Iterator[Server]:
    """`blocgraph serve` on data_store with default options, for the session."""
    with serve(data_store) as server:
        yield server
