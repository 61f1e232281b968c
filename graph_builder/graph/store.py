"""The embedded store: a folder of immutable Oxigraph generations, swapped atomically.

A build never writes into the graph that readers see. It writes a new generation (a
RocksDB checkpoint of the current one, cheap because it hard-links files, or an empty
store), and only when everything succeeded does it point `current` at it with one
atomic rename. A build that fails, is interrupted or killed leaves the previous graph
as it was; a server reading the store sees the old graph or the new one, never half.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError, NotBuiltError, QueryError, StoreBusyError
from graph_builder.core.resources import DEFAULT_STORE
from graph_builder.core.vocab import PREFIXES
from graph_builder.graph.results import Results
from graph_builder.graph.sparql_text import uses_from

# The file that makes a folder a blocgraph store: written by the first build, required
# before a build writes into (or deletes from) a folder that already holds anything.
MARKER = "blocgraph-store"
_MARKER_TEXT = (
    "This folder is a blocgraph store: `blocgraph build` writes and deletes the gen-* "
    "generations, current, lock and this file here.\n"
)
# The only names a store creates (and so the only ones it ever deletes).
_OWN = re.compile(r"gen-\d+(\.work)?(\.json)?")


def is_store(folder: Path) -> bool:
    """True when `folder` is a blocgraph store: its marker, or the layout of an older one."""
    try:
        if (folder / MARKER).is_file():
            return True
        current = folder / "current"
        return current.is_symlink() and bool(_OWN.fullmatch(os.readlink(current)))
    except OSError:
        return False


@dataclass(frozen=True)
class Dataset:
    """The graphs one query reads, by the one rule every path (local, served, remote) follows.

    Graphs the request names (the protocol's default-graph-uri / named-graph-uri) win;
    else the query's own FROM / FROM NAMED, exactly those graphs; else the default graph
    is the union of all graphs. Oxigraph's union flag overrides FROM, so it may only be set
    in the last case: setting it always made `FROM <…/inferred>` count the whole store.
    """

    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    from_query: bool = False

    @property
    def union(self) -> bool:
        """True when the default graph is the union of all graphs."""
        return not self.from_query and self.default_graph is None and self.named_graphs is None

    def oxigraph_options(self) -> dict[str, Any]:
        """The keyword arguments of pyoxigraph's Store.query for this dataset."""
        if self.from_query:
            return {}
        if self.union:
            return {"use_default_graph_as_union": True}
        options: dict[str, Any] = {
            "default_graph": [ox.NamedNode(g) for g in self.default_graph or ()]
        }
        if self.named_graphs is not None:
            options["named_graphs"] = [ox.NamedNode(g) for g in self.named_graphs]
        return options


def graph_size(db: ox.Store, graph: str) -> int:
    """Triples in one named graph of an open pyoxigraph store (COUNT in the engine)."""
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(next(iter(db.query(query)))["n"].value)


def dataset_of(
    sparql: str,
    default_graph: Iterable[str] | None = None,
    named_graphs: Iterable[str] | None = None,
) -> Dataset:
    """The dataset of a query: the graphs a request names, its own FROM, or the union."""
    if default_graph is not None or named_graphs is not None:
        return Dataset(
            tuple(default_graph or ()),
            None if named_graphs is None else tuple(named_graphs),
        )
    if uses_from(sparql):
        return Dataset(from_query=True)
    return Dataset()


class Store:
    """One store folder; opens its current generation read-only on first use."""

    def __init__(self, root: Path | str = DEFAULT_STORE) -> None:
        if not str(root).strip():
            raise BlocgraphError("--store: empty path (an unset variable?); name a folder")
        self.root = Path(root)
        self._db: ox.Store | None = None
        self._gen: str | None = None

    # -- reading -----------------------------------------------------------------
    def exists(self) -> bool:
        return (self.root / "current").exists()

    def current_generation(self) -> str | None:
        try:
            return os.readlink(self.root / "current")
        except OSError:
            return None

    @property
    def db(self) -> ox.Store:
        """The current generation, reopened when a build has swapped in a newer one."""
        gen = self.current_generation()
        if gen is None:
            if self.root.exists() and not self.root.is_dir():
                raise BlocgraphError(f"store {self.root}: not a folder")
            raise NotBuiltError(
                f"store {self.root}: no graph built yet (run `blocgraph build` first, "
                "or pass --store DIR)"
            )
        if gen != self._gen or self._db is None:
            try:
                self._db = ox.Store.read_only(str(self.root / gen))
            except OSError as exc:
                raise BlocgraphError(f"store {self.root}: cannot open ({exc})") from None
            self._gen = gen
        return self._db

    def meta(self) -> dict[str, Any]:
        """What the last build recorded: article hashes, counts, options."""
        gen = self.current_generation()
        if gen is None:
            return {}
        path = self.root / f"{gen}.json"
        return json.loads(path.read_text("utf-8")) if path.exists() else {}

    def query(
        self,
        sparql: str,
        *,
        default_graph: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        base_iri: str | None = None,
    ) -> Any:
        """Run SPARQL on the dataset `dataset_of` gives (named graphs, FROM, or the union)."""
        options = dataset_of(sparql, default_graph, named_graphs).oxigraph_options()
        if base_iri is not None:
            options["base_iri"] = base_iri
        return self.db.query(sparql, **options)

    def select(
        self,
        sparql: str,
        *,
        limit: int | None = None,
        default_graph: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
    ) -> Results:
        """Run a query and materialise its answer (rows, boolean or triples)."""
        try:
            solutions = self.query(
                sparql,
                default_graph=default_graph,
                named_graphs=named_graphs,
            )
            if isinstance(solutions, ox.QueryTriples):
                return Results(triples=list(solutions))
            return Results.from_oxigraph(solutions, limit)
        except SyntaxError as exc:
            message = " ".join(str(exc).split())
            raise QueryError(f"SPARQL syntax error: {message}") from None

    def dump(self, fmt: str = "trig") -> bytes:
        """The whole store, sorted, so that the same graph always gives the same bytes."""
        formats = {
            "trig": ox.RdfFormat.TRIG,
            "nquads": ox.RdfFormat.N_QUADS,
            "turtle": ox.RdfFormat.TURTLE,
            "ntriples": ox.RdfFormat.N_TRIPLES,
        }
        if fmt not in formats:
            raise BlocgraphError(f"--format: unknown dump format '{fmt}' ({', '.join(formats)})")
        quads = sorted(
            self.db,
            key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
        )
        if fmt in ("turtle", "ntriples"):
            triples = sorted(
                {ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
            )
            data: list[Any] = triples
        else:
            data = quads
        kwargs: dict[str, Any] = {"format": formats[fmt]}
        if fmt in ("trig", "turtle"):
            kwargs["prefixes"] = PREFIXES
        return ox.serialize(data, **kwargs)

    def dump_split(self, folder: Path | str) -> dict[str, Any]:
        """One gzipped N-Quads file per named graph in FOLDER, and manifest.json naming each
        graph, its file and its triple count: what offline bulk loaders take as they are
        (Virtuoso's ld_dir, QLever, GraphDB's importer, Neptune's loader, `oxigraph load`).
        Files are written under temporary names and renamed, so a file there is complete."""
        import gzip
        import hashlib

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for n, graph in enumerate(self.named_graphs(), start=1):
            tail = graph.rstrip("/").rsplit("/", 1)[-1]
            slug = "".join(c if c.isalnum() or c in "-_." else "-" for c in tail)[:60]
            digest = hashlib.sha256(graph.encode("utf-8")).hexdigest()[:8]
            name = f"{n:05d}-{slug}-{digest}.nq.gz"
            tmp = folder / (name + ".tmp")
            quads = self.db.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            with gzip.open(tmp, "wb", compresslevel=6) as out:
                ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
            os.replace(tmp, folder / name)
            entries.append({"graph": graph, "file": name, "triples": self.count(graph)})
        manifest = {"format": "application/n-quads", "compression": "gzip",
                    "triples": sum(e["triples"] for e in entries), "graphs": entries}  # fmt: skip
        path = folder / "manifest.json"
        path.with_suffix(".json.tmp").write_text(json.dumps(manifest, indent=1), "utf-8")
        os.replace(path.with_suffix(".json.tmp"), path)
        return manifest

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.db.named_graphs())

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self.db)
        return graph_size(self.db, graph)

    def close(self) -> None:
        self._db = None
        self._gen = None

    # -- writing -----------------------------------------------------------------
    def _claim(self) -> None:
        """Make the folder a store, refusing one that holds anything else.

        A build deletes old generations: in a folder of the user's (`--store .`, or a
        variable left empty) it must not touch a single file, so only an empty folder, a
        new one or a store already marked is written to.
        """
        try:
            if self.root.is_dir() and not (self.root / MARKER).is_file():
                if not is_store(self.root) and any(self.root.iterdir()):
                    raise BlocgraphError(
                        f"store {self.root}: a folder that is not a blocgraph store (it holds "
                        f"other files and no '{MARKER}' file); name a new or empty folder"
                    )
            self.root.mkdir(parents=True, exist_ok=True)
            marker = self.root / MARKER
            if not marker.is_file():
                marker.write_text(_MARKER_TEXT, "utf-8")
        except OSError as exc:
            raise BlocgraphError(
                f"store {self.root}: cannot write ({exc.strerror or exc})"
            ) from None

    @contextmanager
    def _lock(self) -> Iterator[None]:
        self._claim()
        with open(self.root / "lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreBusyError(
                    f"store {self.root}: another build is writing to it; try again when it ends"
                ) from None
            yield

    @contextmanager
    def transaction(self, *, fresh: bool = False) -> Iterator[tuple[ox.Store, dict[str, Any]]]:
        """A writable copy of the graph and its metadata, swapped in only on success."""
        if self.root.exists() and not self.root.is_dir():
            raise BlocgraphError(f"store {self.root}: exists and is not a folder")
        with self._lock():
            previous = self.current_generation()
            name = f"gen-{time.time_ns()}"
            target = self.root / name
            # The build writes into a work folder; readers get a checkpoint of it. RocksDB
            # may still compact the work folder (deleting files) while the caller holds the
            # writable store, so the folder `current` names must never be a live one.
            work = self.root / f"{name}.work"
            try:
                if previous and not fresh:
                    ox.Store.read_only(str(self.root / previous)).backup(str(work))
                    meta = self.meta()
                else:
                    meta = {}
                db = ox.Store(str(work))
                yield db, meta
                db.flush()
                db.backup(str(target))  # hard links: cheap, and immutable from here on
                del db
                (self.root / f"{name}.json").write_text(
                    json.dumps(meta, indent=1, sort_keys=True), "utf-8"
                )
                link = self.root / "current.tmp"
                link.unlink(missing_ok=True)
                link.symlink_to(name)
                os.replace(link, self.root / "current")  # the atomic step
            except BaseException:
                shutil.rmtree(target, ignore_errors=True)
                shutil.rmtree(work, ignore_errors=True)
                (self.root / f"{name}.json").unlink(missing_ok=True)
                raise
            # the work folder may still be open in this process: the next build removes it
            self._collect(keep={name, previous, work.name})
        self.close()

    def _collect(self, keep: set[str | None]) -> None:
        """Remove every generation but the new and the previous one (readers may hold it).

        This also clears what a killed build left behind: its generation never became
        current, so it is neither of the two kept.
        """
        for path in self.root.glob("gen-*"):
            if not _OWN.fullmatch(path.name):
                continue  # not a name a build makes: never ours to delete
            name = path.name.removesuffix(".json")
            if name in keep:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
