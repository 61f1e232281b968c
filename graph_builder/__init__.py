"""blocgraph: a knowledge graph of security blocs, built from news articles.

The public Python API, for notebooks and programs; the command line is a thin layer
over it::

    import graph_builder as bg
    g = bg.open("./.blocgraph")
    g.build(["data/"])
    for row in g.query("chair_on", org="CSTO", date="2024-06-15").values():
        print(row["chairLabel"], row["start"])
    print(g.ask("Who chaired the CSTO in 2023?").to_text())

`open(store, endpoint=URL)` chooses once where queries, questions and counts go (the
embedded store, or a remote SPARQL endpoint the store can also be pushed to); every
method then uses that target. Nothing heavy is imported here: a serve worker that
imports `graph_builder.query.named` pays for pyoxigraph, not for rdflib, owlrl,
jsonschema or tqdm, which each method imports when it runs.
"""

from __future__ import annotations

import sys as _sys

if _sys.argv and (_sys.argv[0] == "-m" or _sys.argv[0].replace("\\", "/").rsplit("/", 1)[-1]
                  .removesuffix(".exe") == "blocgraph"):
    # Started as the command line: Ctrl-C while it is still importing is one line and
    # exit 130, not a KeyboardInterrupt traceback; cli.main takes Ctrl-C over from here.
    from graph_builder.core.interrupt import guard_startup

    guard_startup()

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph_builder.core.errors import (
    BlocgraphError,
    NotBuiltError,
    QueryError,
    RemoteError,
    StoreBusyError,
)
from graph_builder.core.resources import DEFAULT_STORE
from graph_builder.core.vocab import DEFAULT_VIEW, NETWORK_VIEWS

if TYPE_CHECKING:
    import networkx
    import rdflib

    from graph_builder.ask.answer import Answer
    from graph_builder.extract.pool import Extracted
    from graph_builder.graph.build import BuildReport
    from graph_builder.graph.results import Results
    from graph_builder.graph.shacl import Violation
    from graph_builder.graph.store import Store
    from graph_builder.network.analyze import Analysis
    from graph_builder.query.named import NamedQuery
    from graph_builder.query.push import PushReport
    from graph_builder.query.remote import RemoteEndpoint

__version__ = "0.1.0"
__all__ = [
    "Blocgraph",
    "BlocgraphError",
    "BuildReport",
    "DEFAULT_STORE",
    "DEFAULT_VIEW",
    "NETWORK_VIEWS",
    "NotBuiltError",
    "QueryError",
    "RemoteError",
    "Results",
    "Stats",
    "StoreBusyError",
    "__version__",
    "ask_examples",
    "check_jobs",
    "demo",
    "evaluate",
    "facts_to_dict",
    "open",
    "redact",
    "result_formats",
    "synth",
]


@dataclass(frozen=True)
class Stats:
    """Triples per named graph of the target, and in all."""

    graphs: dict[str, int]
    total: int


class Blocgraph:
    """A graph: an embedded store folder, and optionally the remote endpoint it answers from.

    Building, dumping, validating and the network views read the local store; queries,
    questions and counts go to `target`, the endpoint when one is given, else the store.
    """

    def __init__(
        self,
        store: Store | Path | str = DEFAULT_STORE,
        *,
        endpoint: RemoteEndpoint | str | None = None,
    ) -> None:
        from graph_builder.graph.store import Store

        self.store = store if isinstance(store, Store) else Store(store)
        self.endpoint = _endpoint(endpoint)

    @property
    def target(self) -> Store | RemoteEndpoint:
        """Where queries and questions run, chosen once: the endpoint, else the store."""
        return self.endpoint if self.endpoint is not None else self.store

    @property
    def built(self) -> bool:
        """True when the local store holds a graph."""
        return self.store.exists()

    # -- building ------------------------------------------------------------------
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
        from graph_builder.graph.build import build

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

    def extract(self, paths: Iterable[Path | str], *, jobs: int | None = 1) -> Iterator[Extracted]:
        """Each article's facts (or why it was skipped), in the order given; writes nothing.

        A folder stands for its articles, walked as `build` walks it. Close the iterator
        (contextlib.closing) when stopping early: that stops the worker processes at once.
        """
        from graph_builder.extract import extract_file, warm
        from graph_builder.extract.pool import extract_many
        from graph_builder.graph.inputs import article_files

        files = article_files(Path(p) for p in paths)
        return extract_many(extract_file, files, check_jobs(jobs), warm)

    # -- reading -------------------------------------------------------------------
    def query(self, spec: str, params: dict[str, str] | None = None, /, *,
              allow_service: bool = False, **kw: str) -> Results:
        """Run a named query, a `.rq` file or SPARQL text; parameters bound as RDF terms.

        A federated `SERVICE` clause makes this process fetch from the IRI it names, so on
        the local store it is refused unless `allow_service` (the CLI's --allow-service),
        as `serve` refuses it; a remote endpoint decides for itself."""
        from graph_builder.graph.sparql_text import has_keyword
        from graph_builder.query.named import bind, resolve_query, with_values

        named = resolve_query(spec)
        bindings = bind(named, {**(params or {}), **kw})
        text = with_values(named.text, bindings)
        federated = self.endpoint is None and has_keyword(text, "SERVICE")
        if federated and not allow_service:
            raise QueryError("the query has a SERVICE clause, which would fetch from another "
                             "server; pass --allow-service to run it")
        try:
            return self.target.select(text)
        except OSError as exc:
            if not federated:
                raise
            reason = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
            raise QueryError(f"SERVICE: the federated query failed ({reason})") from None

    def queries(self) -> list[str]:
        """The names of the shipped named queries."""
        return sorted(q.name for q in self.named_queries())

    def named_queries(self) -> list[NamedQuery]:
        """The shipped named queries with their descriptions and parameters."""
        from graph_builder.query.named import registry

        return list(registry().values())

    def ask(self, question: str, *, as_of: date | str | None = None,
            known_by: date | str | None = None) -> Answer:
        """Answer a plain-English question with a named query, each answer with its sources;
        `known_by`: only from the articles published by that day."""
        from graph_builder.ask.answer import ask

        return ask(question, self.target, as_of=as_of, known_by=known_by)

    def stats(self) -> Stats:
        """Triples per named graph, counted where the target is."""
        if self.endpoint is not None:
            counts = self.endpoint.graph_counts()
            return Stats(dict(sorted(counts.items())), sum(counts.values()))
        graphs = {g: self.store.count(g) for g in self.store.named_graphs()}
        return Stats(graphs, self.store.count())

    def dump(self, fmt: str = "trig") -> bytes:
        """The whole local store in `fmt`, sorted, so the same graph gives the same bytes."""
        return self.store.dump(fmt)

    def dataset(self) -> rdflib.Dataset:
        """The whole store as an rdflib Dataset (named graphs kept), for rdflib users."""
        import rdflib

        ds = rdflib.Dataset()
        ds.parse(data=self.store.dump("nquads"), format="nquads")
        return ds

    def validate(self, *, progress: bool | Callable[[int, int, str], None] = False,
                 engine: str = "oxigraph") -> list[Violation]:
        """Every violation of ontology/shapes.ttl in the local graph.

        `progress`: True for a bar on stderr, or a function called with (checks done,
        checks in all, the next check's name). `engine`: "oxigraph" (each constraint a
        SPARQL query in the store) or "pyshacl" (the reference, much slower)."""
        from graph_builder.graph.shacl import validate

        if progress is True:
            import sys

            from tqdm import tqdm

            bar = tqdm(total=None, desc="validating", unit="check", file=sys.stderr)

            def report(done: int, total: int, label: str) -> None:
                bar.total = total
                bar.n = done
                bar.set_postfix_str(label, refresh=True)
                if done == total:
                    bar.close()

            return validate(self.store, engine=engine, progress=report)
        return validate(self.store, engine=engine, progress=progress or None)

    # -- writing elsewhere -----------------------------------------------------------
    def push(self, endpoint: RemoteEndpoint | str | None = None, **options: Any) -> PushReport:
        """Make the endpoint's blocgraph graphs the local store's (default: `self.endpoint`).

        Only graphs whose hash differs from the server's manifest are sent; `options` are
        those of query.push.PushOptions (chunk_size, dry_run, progress, prune, full).
        """
        from graph_builder.query.push import push

        endpoint = _endpoint(endpoint) or self.endpoint
        if endpoint is None:
            raise BlocgraphError("push needs an endpoint: open(store, endpoint=URL)")
        return push(self.store, endpoint, **options)

    def serve(self, **options: Any) -> int:
        """Serve the local store over HTTP until interrupted (see serve.app.run's options)."""
        from graph_builder.serve.app import run

        return run(self.store.root, **options)

    # -- networks --------------------------------------------------------------------
    def to_networkx(self, view: str = "full", dynamic: bool = False) -> networkx.Graph:
        """The graph as a networkx graph: view "full" (typed relations) or "states"."""
        from graph_builder.network.views import to_networkx

        if not self.built:
            raise NotBuiltError(
                f"--store {self.store.root}: no graph there; run blocgraph build first"
            )
        return to_networkx(self.store, view=view, dynamic=dynamic)

    def export(
        self,
        fmt: str,
        out: Path | str,
        *,
        view: str = "full",
        dynamic: bool = False,
        gexf_version: str | None = None,
    ) -> networkx.Graph:
        """Write a network view as gexf, graphml or json; returns the graph written."""
        from graph_builder.network import write_gexf, write_graphml, write_json

        if gexf_version and fmt != "gexf":
            raise BlocgraphError("--gexf-version applies to the gexf format only")
        graph = self.to_networkx(view, dynamic=dynamic)
        try:
            if fmt == "gexf":
                write_gexf(graph, out, version=gexf_version or "1.3", dynamic=dynamic)
            else:
                (write_graphml if fmt == "graphml" else write_json)(graph, out)
        except OSError as exc:
            raise BlocgraphError(f"{out}: cannot write ({exc.strerror})") from None
        return graph

    def analyze(self) -> Analysis:
        """Centrality, communities and conflicts of the states network."""
        from graph_builder.network.analyze import analyze

        return analyze(self.to_networkx("states"))

    def plot(self, out: Path | str, *, view: str = "states", title: str | None = None) -> Path:
        """Draw the states network to OUT, a PNG unless it ends in .svg or .pdf (needs the
        [plot] extra, matplotlib); returns the file written, OUT itself."""
        from graph_builder.network.plot import plot_states

        return Path(plot_states(self.to_networkx(view), out, title=title))


def open(  # noqa: A001 - like dbm.open
    store: Store | Path | str = DEFAULT_STORE,
    *,
    endpoint: RemoteEndpoint | str | None = None,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
    token: str | None = None,
    timeout: float = 60.0,
) -> Blocgraph:
    """A graph backed by the store folder `store`, answering from `endpoint` when given."""
    return Blocgraph(store, endpoint=_endpoint(
        endpoint, update_url=update_endpoint, graph_store_url=graph_store, user=user,
        password=password, token=token, timeout=timeout))


def _endpoint(endpoint: RemoteEndpoint | str | None, **options: Any) -> RemoteEndpoint | None:
    """`endpoint` as a RemoteEndpoint: a URL is made one with `options` (those of
    query.remote.RemoteEndpoint). The one place the face turns a URL into an endpoint, so
    the constructor, `push` and `open` cannot read a URL differently."""
    if not isinstance(endpoint, str):
        return endpoint
    from graph_builder.query.remote import RemoteEndpoint

    return RemoteEndpoint(endpoint, **options)


# -- tools that need no graph ------------------------------------------------------------
def check_jobs(jobs: int | str | None, name: str = "jobs") -> int:
    """A number of extraction processes (None: every core), or an error naming `name`."""
    from graph_builder.extract.pool import check_jobs as check

    if isinstance(jobs, str):
        try:
            jobs = int(jobs)
        except ValueError:
            pass  # check names it in its error
    return check(jobs, name)  # type: ignore[arg-type]


def ask_examples() -> str:
    """The question forms `ask` understands, one a line."""
    from graph_builder.ask.answer import examples

    return examples()


def facts_to_dict(facts: Any, *, evidence: bool = True, rules: bool = True) -> dict[str, Any]:
    """The JSON form of an article's facts (the format of data/facts/*.json)."""
    from graph_builder.core.facts import to_dict

    return to_dict(facts, evidence=evidence, rules=rules)


def result_formats() -> dict[str, Any]:
    """The writers of query results by format name: table, csv, tsv, json, xml."""
    from graph_builder.graph.results import FORMATTERS

    return FORMATTERS


def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    from graph_builder.query.remote import redact as strip

    return strip(url)


def synth(out: Path | str, triples: int, *, seed: int = 0, articles: int = 0) -> Any:
    """Write a seeded synthetic corpus of about `triples` triples under `out`."""
    from graph_builder.evaluate.synth import write

    return write(Path(out), triples, seed=seed, articles_n=articles)


def evaluate(gold_dir: Path | str, as_json: bool = False) -> int:
    """Score extraction and questions against a gold folder, printing the report."""
    from graph_builder.evaluate.questions import run_eval

    return run_eval(Path(gold_dir), as_json)


def demo(store: Path | str, out: Path | str) -> int:
    """The README's first command: build data/, answer samples, write exports."""
    from graph_builder.demo import run_demo

    if not str(store).strip():
        raise BlocgraphError("--store: empty path (an unset variable?); name a folder")
    return run_demo(Path(store), Path(out))


def __getattr__(name: str) -> Any:
    """The result and report types, imported when first asked for (they pull in more)."""
    if name == "Results":
        from graph_builder.graph.results import Results

        return Results
    if name == "BuildReport":
        from graph_builder.graph.build import BuildReport

        return BuildReport
    if name == "Store":
        from graph_builder.graph.store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
