"""blocgraph: a knowledge graph of security blocs, built from news articles.

The public Python API, for notebooks and programs; the command line is a thin layer
over it::

    import graph_builder as bg
    g = bg.open("./.blocgraph")
    g.build(["data/"])
    for row in g.query("chair_on", org="CSTO", date="2024-06-15").values():
        print(row["chairLabel"], row["start"])
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import rdflib

from graph_builder.core.errors import BlocgraphError
from graph_builder.graph.build import BuildReport, build
from graph_builder.graph.results import Results
from graph_builder.graph.store import DEFAULT_STORE, Store
from graph_builder.query.named import bind, registry, resolve_query, with_values

if TYPE_CHECKING:
    from graph_builder.query.remote import RemoteEndpoint

__version__ = "0.1.0"
__all__ = ["Blocgraph", "BlocgraphError", "BuildReport", "Results", "open", "__version__"]


class Blocgraph:
    """A graph in an embedded store folder: build it, query it, get it as rdflib."""

    def __init__(
        self,
        store: Store | Path | str = DEFAULT_STORE,
        *,
        endpoint: RemoteEndpoint | None = None,
    ) -> None:
        self.store = store if isinstance(store, Store) else Store(store)
        # Anything with .select(sparql) -> Results, e.g. remote.RemoteEndpoint; queries
        # go there instead of the local store, bound exactly the same way.
        self.endpoint = endpoint

    def build(
        self,
        paths: Iterable[Path | str] = ("data",),
        *,
        infer: bool = True,
        rebuild: bool = False,
        extract: bool = True,
        progress: bool = False,
        engine: str = "fast",
        jobs: int | None = 1,
    ) -> BuildReport:
        """Add or update the articles and facts files under `paths`, then infer.

        Article texts are extracted by `jobs` processes (None: one per core). The default
        is this process alone: a library should not start processes unasked (the CLI's
        default is every core). The resulting store is the same whatever the number.
        """
        from graph_builder.extract import extract_file, warm

        extractor = extract_file if extract else None
        return build(
            self.store,
            [Path(p) for p in paths],
            extractor=extractor,
            infer=infer,
            rebuild=rebuild,
            progress=progress,
            engine=engine,
            jobs=jobs,
            warm=warm,
        )

    def query(self, spec: str, params: dict[str, str] | None = None, /, **kw: str) -> Results:
        """Run a named query, a `.rq` file or SPARQL text; parameters bound as RDF terms."""
        named = resolve_query(spec)
        bindings = bind(named, {**(params or {}), **kw})
        target = self.endpoint if self.endpoint is not None else self.store
        return target.select(with_values(named.text, bindings))

    def queries(self) -> list[str]:
        return sorted(registry())

    def dataset(self) -> rdflib.Dataset:
        """The whole store as an rdflib Dataset (named graphs kept), for rdflib users."""
        ds = rdflib.Dataset()
        ds.parse(data=self.store.dump("nquads"), format="nquads")
        return ds

    def dump(self, fmt: str = "trig") -> bytes:
        return self.store.dump(fmt)

    def to_networkx(self, view: str = "full", dynamic: bool = False):
        """The graph as a networkx graph: view "full" (typed relations) or "states"."""
        from graph_builder.network.views import to_networkx

        return to_networkx(self.store, view=view, dynamic=dynamic)

    def validate(self) -> list:
        from graph_builder.graph.shacl import validate

        return validate(self.store)


def open(store: Store | Path | str = DEFAULT_STORE) -> Blocgraph:  # noqa: A001 - like dbm.open
    """A graph backed by the store folder `store` (created by the first build)."""
    return Blocgraph(store)
