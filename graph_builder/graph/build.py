"""From files to a built graph: find the inputs, get each article's facts, write, infer.

Each article becomes one named graph, replaced as a whole when its facts change and left
alone when they did not, so building twice gives the same store and adding one article
rewrites one graph. All writing happens inside one store transaction: any error leaves
the previous graph in place.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from tqdm import tqdm

from graph_builder.core import facts as facts_mod
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import ArticleFacts
from graph_builder.core.vocab import (
    ARTICLE_GRAPH_PREFIX,
    ID,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    article_graph,
    article_slug,
    slugify,
)
from graph_builder.extract.pool import Extracted, check_jobs, extract_many
from graph_builder.graph.infer import (
    Inference,
    InferenceReport,
    ontology_fingerprint,
    ontology_quads,
)
from graph_builder.graph.inputs import Inputs, collect
from graph_builder.graph.rdf import article_quads, reference_quads
from graph_builder.graph.store import Store, graph_size

_BULK = 200_000
FORMAT_VERSION = 1

Extractor = Callable[[Path], ArticleFacts]


@dataclass
class BuildReport:
    """What a build did, for the CLI to print and tests to check."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    inference: InferenceReport | None = None
    asserted: int = 0
    inferred: int = 0
    seconds: float = 0.0


def _fingerprint(facts: ArticleFacts) -> str:
    """The dataclasses' repr: every field, in order, and far cheaper than their JSON form."""
    return hashlib.sha256(f"{FORMAT_VERSION}\0{facts!r}".encode()).hexdigest()


def source_key(paths: list[Path]) -> str:
    """The bytes a facts-only article is built from: unchanged bytes, unchanged graph."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}".encode())
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def gather_facts(
    inputs: Inputs,
    extractor: Extractor | None,
    report: BuildReport,
    progress: bool,
    sources: dict[str, str] | None = None,
    jobs: int = 1,
    warm: Callable[[], object] | None = None,
) -> dict[str, ArticleFacts]:
    """Each article's facts: extracted from its text, with curated files merged on top.

    An article given only as facts files whose bytes match `sources` (what the store was
    built from) is not read again: an incremental build of a large corpus reads one file.
    With `jobs` > 1 the texts are extracted in worker processes (see `parallel`) while
    this loop takes their outcomes in order, so notices and facts come out as with one.
    """
    stems = sorted(set(inputs.articles) | set(inputs.facts))
    texts = [inputs.articles[s] for s in stems if s in inputs.articles] if extractor else []
    # a generator either way: `closing` needs its close()
    outcomes = extract_many(extractor, texts, jobs, warm) if extractor else (o for o in ())
    with closing(outcomes):  # stopping early (an error, Ctrl-C) stops the workers too
        return _gather(inputs, stems, outcomes, report, progress, sources)


def _gather(
    inputs: Inputs,
    stems: list[str],
    outcomes: Iterator[Extracted],
    report: BuildReport,
    progress: bool,
    sources: dict[str, str] | None,
) -> dict[str, ArticleFacts]:
    out: dict[str, ArticleFacts] = {}
    bar = tqdm(stems, desc="reading", unit="article", disable=not progress, file=sys.stderr)
    for stem in bar:
        if stem not in inputs.articles and sources is not None:
            key = source_key(inputs.facts[stem])
            if sources.get(stem) == key:
                report.unchanged.append(stem)
                continue
            report.sources[stem] = key
        curated = None
        for path in inputs.facts.get(stem, []):
            loaded = facts_mod.read_facts(path)
            curated = facts_mod.merge(curated, loaded) if curated else loaded
        extracted = None
        outcome = next(outcomes, None) if stem in inputs.articles else None
        if outcome is not None:  # one outcome per article, in stem order
            outcome.replay_warnings()
            if outcome.facts is not None:
                extracted = outcome.facts
                for problem in facts_mod.drop_unresolved(extracted, str(inputs.articles[stem])):
                    report.dropped.append(problem)
            else:
                where = str(inputs.articles[stem])
                why = outcome.error or "no facts"
                # the error names the file; the skip line names it already
                report.skipped.append((where, why.removeprefix(f"{where}: ")))
                if curated is None:
                    continue
        elif stem in inputs.articles and curated is None:
            report.skipped.append((str(inputs.articles[stem]), "no facts (no curated facts file)"))
            continue
        merged = facts_mod.merge(extracted, curated)
        if extracted is not None and curated is not None:
            merged.article = extracted.article
        if "/" in stem:  # named by its path: so are its sources
            merged.article = stem
        out[stem] = merged
    return out



@contextmanager
def _writing(store: Store, *, fresh: bool) -> Iterator[tuple[ox.Store, dict]]:
    """The store's transaction, with a store the build cannot write into as one line.

    The marker check catches an unwritable new store; an existing one made read-only (or
    immutable, which stops root too) failed only when RocksDB made the work folder, as an
    OSError traceback. The transaction has already put the previous graph back.
    """
    try:
        with store.transaction(fresh=fresh) as opened:
            yield opened
    except OSError as exc:
        detail = exc.strerror or str(exc) or type(exc).__name__
        raise BlocgraphError(f"store {store.root}: cannot write ({detail}); the previous "
                             "graph is untouched") from None


def build(
    store: Store,
    paths: Iterable[Path],
    *,
    extractor: Extractor | None = None,
    infer: bool = True,
    rebuild: bool = False,
    progress: bool = False,
    engine: str = "fast",
    jobs: int | None = 1,
    warm: Callable[[], object] | None = None,
) -> BuildReport:
    """Build the graph of the given inputs into the store, then infer what follows.

    `jobs` processes extract the article texts, None meaning one per core (`extractor`
    must then be a module-level function, which worker processes can import; `warm` runs
    once in each); the store is written here, in the same order whatever `jobs` is.
    """
    jobs = check_jobs(jobs)
    started = time.perf_counter()
    report = BuildReport()
    stored = {} if rebuild or not store.exists() else store.meta()
    inputs = collect(list(paths), stored.get("paths", {}))
    report.warnings.extend(inputs.warnings)
    damaged = _damaged(store, stored) if stored.get("updated") else set()
    previous = {k: v for k, v in stored.get("sources", {}).items() if k not in damaged}
    all_facts = gather_facts(inputs, extractor, report, progress, previous, jobs, warm)
    ontology = ontology_quads()
    ontology_fp = ontology_fingerprint(ontology)
    with _writing(store, fresh=rebuild) as (db, meta):
        known: dict[str, str] = meta.setdefault("articles", {})
        entities: dict[str, list[str]] = meta.setdefault("entities", {})
        # article -> the slug of its graph, unique in the store (a store built before
        # slugs were allotted used the plain slug of each name)
        slugs: dict[str, str] = meta.setdefault("graphs", {})
        for key in known:
            slugs.setdefault(key, slugify(key))
        taken = set(slugs.values())
        meta.setdefault("sources", {}).update(report.sources)
        meta.setdefault("paths", {}).update(inputs.paths)
        updated = bool(meta.pop("updated", False))
        for key in damaged:  # written again if among the inputs, else at its next build
            known.pop(key, None)
            if key not in report.sources:
                meta["sources"].pop(key, None)
        if updated:
            meta.pop("ontology", None)  # an update may have dropped it too
            missing = sorted(damaged - set(all_facts))
            if missing:
                report.warnings.append(
                    f"{len(missing)} article graph(s) changed by a SPARQL update are not "
                    f"among the inputs and stay as the update left them until built again: "
                    + ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
                )
        full = meta.get("ontology") != ontology_fp or meta.get("infer") != infer
        full = full or updated
        full = full or meta.get("engine") != engine
        added: list[str] = []
        pending: list[ox.Quad] = []
        if meta.get("ontology") != ontology_fp:
            db.remove_graph(ox.NamedNode(ONTOLOGY_GRAPH))
            db.extend(ontology)
            meta["ontology"] = ontology_fp
        inference = Inference(ontology, engine, meta.setdefault("tbox", {})) if infer else None
        items = sorted(all_facts.items())
        bar = tqdm(items, desc="writing", unit="graph", disable=not progress, file=sys.stderr)
        for stem, facts in bar:
            fp = _fingerprint(facts)
            if known.get(stem) == fp:
                report.unchanged.append(stem)
                continue
            if stem not in slugs:
                slugs[stem] = article_slug(stem, taken)
                taken.add(slugs[stem])
            quads = article_quads(facts, slugs[stem])
            graph = quads[0].graph_name
            if stem in known:  # a replaced graph may take inferences with it: recompute
                full = True
                db.remove_graph(graph)
            pending.extend(quads)
            if inference is not None:
                inference.stated(quads)
            if len(pending) > _BULK:  # large loads skip the transaction: the generation is private
                db.bulk_extend(pending)
                pending.clear()
            added.append(graph.value)
            entities[stem] = sorted(
                {t.value for q in quads for t in (q.subject, q.object) if _is_entity(t)}
            )
            known[stem] = fp
            report.built.append(stem)
        db.extend(pending)
        if full or added:
            _refresh_reference(db, {iri for iris in entities.values() for iri in iris})
            if inference is None:
                db.remove_graph(ox.NamedNode(INFERRED_GRAPH))
            else:
                report.inference = inference.run(db, None if full else [*added, REFERENCE_GRAPH])
            meta["infer"] = infer
            meta["engine"] = engine
        unchanged = set() if updated else {
            article_graph(stem, slugs.get(stem)) for stem in report.unchanged
        }
        meta["counts"] = counts(db, meta.setdefault("sizes", {}), unchanged)
        report.asserted = meta["counts"]["asserted"]
        report.inferred = meta["counts"]["inferred"]
    report.seconds = time.perf_counter() - started
    return report


def _damaged(store: Store, meta: dict) -> set[str]:
    """The articles whose graph a SPARQL update changed: its size is not the one recorded.

    Checked only after an update (the serve worker marks the store), so an ordinary
    incremental build counts nothing.
    """
    sizes = meta.get("sizes", {})
    slugs = meta.get("graphs", {})
    out = set()
    for key in meta.get("articles", {}):
        graph = article_graph(key, slugs.get(key))
        if graph_size(store.db, graph) != sizes.get(graph):
            out.add(key)
    return out


_ENTITY_PREFIXES = tuple(f"{ID}{kind}/" for kind in ("state", "org", "city"))


def _is_entity(term: object) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(_ENTITY_PREFIXES)


def _refresh_reference(db: ox.Store, iris: set[str]) -> None:
    """Describe exactly the states, organisations and cities the article graphs name.

    The build records which entities each article graph names, so this needs no scan of
    the store; organisations' parent bodies are described too, so partOf chains resolve.
    """
    reference = ox.NamedNode(REFERENCE_GRAPH)
    db.remove_graph(reference)
    quads = list(reference_quads(iris))
    parents = {q.object.value for q in quads if q.predicate.value.endswith("#partOf")}
    if parents - iris:
        quads = list(reference_quads(iris | parents))
    db.extend(quads)


def counts(
    db: ox.Store, sizes: dict[str, int] | None = None, unchanged: set[str] | None = None
) -> dict[str, int]:
    """Triples per kind of graph: asserted (articles, reference), ontology, inferred.

    `sizes` (graph -> triples, kept in the store's metadata) is updated in place; graphs in
    `unchanged` keep their recorded size, so adding one article to a million-triple store
    counts one article graph and the shared graphs instead of the whole store.
    """
    sizes = {} if sizes is None else sizes
    keep = unchanged or set()
    present = {g.value for g in db.named_graphs()}
    for graph in [g for g in sizes if g not in present]:
        del sizes[graph]
    for graph in sorted(present):
        if graph not in keep or graph not in sizes:
            sizes[graph] = graph_size(db, graph)
    out = {"asserted": 0, "ontology": 0, "inferred": 0, "articles": 0}
    for graph, n in sizes.items():
        if graph == INFERRED_GRAPH:
            out["inferred"] += n
        elif graph == ONTOLOGY_GRAPH:
            out["ontology"] += n
        else:
            out["asserted"] += n
            out["articles"] += graph.startswith(ARTICLE_GRAPH_PREFIX)
    return out
