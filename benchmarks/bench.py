"""`make bench`: blocgraph at 10k, 100k and 1M triples, beside the libraries it replaces.

For each size a seeded synthetic corpus is written (graph_builder.evaluate.synth), built into a
fresh store, queried, exported and dumped; in the same run the same data goes through
rdflib (parse, SPARQL, Turtle) and owlrl (closure, within a time budget). Every
measurement runs in its own child process so that peak memory (ru_maxrss) is the
measurement's own, a cold query really follows a fresh open of the store, and a baseline
that would take hours is stopped and reported as "over budget".

Prints one Markdown table and writes it, with the machine it ran on, to
benchmarks/last-run.md. This is a benchmark, not a test: it never fails on a missed target,
it reports it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (10_000, 100_000, 1_000_000)
QUERY_BUDGET = 3.0  # seconds of warm runs per query (at most WARM_RUNS runs)
WARM_RUNS = 200
COLD_RUNS = 7
ASK_QUESTIONS = (
    "Who chaired the CSTO in 2015?",
    "Is Kazakhstan a member of the SCO?",
    "Who was the president of Kazakhstan in 2010?",
)


# -- helpers shared by parent and workers ---------------------------------------------------


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(**record: Any) -> None:
    """One JSON line to the parent; partial results survive a worker killed over budget."""
    print(json.dumps(record), flush=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def query_specs(seed: int) -> list[tuple[str, dict[str, str]]]:
    """One typical, parameterised call of each named query, on names the world contains."""
    from graph_builder.evaluate import synth
    from graph_builder.query.named import registry

    world = synth.make_world(seed)
    first = next(synth.articles(world))  # article 1 of every corpus is about the CSTO
    year = int(first["title"].split(" in ")[1][:4])
    org = first["chairmanships"][0]["organization"]
    of = first["posts"][0]["of"] if first["posts"] else "Kazakhstan"
    clashes = [e for e in first["events"] if e["type"] in ("clash", "confrontation")]
    rival = clashes[0]["participants"][0] if clashes else world.rivals[0][0]
    proposals = first["cooperation_proposals"]
    proposer = proposals[0]["proposer"] if proposals else of
    specs = {
        "chairs": {"org": org},
        "chair_on": {"org": org, "date": f"{year}-06-15"},
        "chair_during": {"org": org, "from": f"{year - 1}-01-01", "to": f"{year}-12-31"},
        "members": {"org": org},
        "posts": {"of": of},
        "events": {"org": org, "type": "summit"},
        "conflicts": {"state": rival},
        "succession": {"org": org},
        "cooperation": {"proposer": proposer},
    }
    names = registry()
    out = [(name, params) for name, params in specs.items() if name in names]
    out += [(name, {}) for name in sorted(names) if name not in specs]
    return out


def query_text(name: str, params: dict[str, str]) -> str:
    from graph_builder.query.named import bind, resolve_query, with_values

    named = resolve_query(name)
    return with_values(named.text, bind(named, params))


# -- workers (run as `bench.py --worker NAME --args JSON`) ---------------------------------


def w_build(a: dict[str, Any]) -> None:
    from graph_builder.graph.build import build
    from graph_builder.graph.store import Store

    store = Store(a["store"])
    report = build(store, [Path(p) for p in a["paths"]], rebuild=a.get("rebuild", False))
    inf = report.inference
    emit(
        seconds=report.seconds,
        asserted=report.asserted,
        inferred=report.inferred,
        built=len(report.built),
        inference_seconds=inf.seconds if inf else None,
        inference_added=inf.inferred if inf else None,
        engine=inf.engine if inf else None,
        maxrss_mb=maxrss_mb(),
    )


def w_queries(a: dict[str, Any]) -> None:
    from graph_builder import Blocgraph

    for name, params in a["specs"]:
        cold: list[float] = []
        stop = time.perf_counter() + QUERY_BUDGET
        while len(cold) < COLD_RUNS and (not cold or time.perf_counter() < stop):
            g = Blocgraph(a["store"])
            g.store.db  # noqa: B018 - open the store outside the timed call
            t = time.perf_counter()
            g.query(name, params)
            cold.append(time.perf_counter() - t)
            g.store.close()
        g = Blocgraph(a["store"])
        rows = len(g.query(name, params).rows)
        warm: list[float] = []
        deadline = time.perf_counter() + QUERY_BUDGET
        while len(warm) < WARM_RUNS and (len(warm) < 3 or time.perf_counter() < deadline):
            t = time.perf_counter()
            g.query(name, params)
            warm.append(time.perf_counter() - t)
        emit(query=name, rows=rows, warm=warm, cold=cold)


def w_http(a: dict[str, Any]) -> None:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_builder", "serve", "--store", a["store"],
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.time() + 120
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.time() > deadline or server.poll() is not None:
                    emit(error="server did not start")
                    return
                time.sleep(0.2)
            for name, params in a["specs"]:
                headers = {"Accept": "application/sparql-results+json"}
                first = None
                times: list[float] = []
                stop = time.perf_counter() + QUERY_BUDGET
                while len(times) < WARM_RUNS and (len(times) < 3 or time.perf_counter() < stop):
                    t = time.perf_counter()
                    r = client.get(f"/queries/{name}", params=params, headers=headers)
                    elapsed = time.perf_counter() - t
                    if r.status_code != 200:
                        emit(query=name, error=f"HTTP {r.status_code}: {r.text[:120]}")
                        break
                    if first is None:
                        first = elapsed
                    else:
                        times.append(elapsed)
                emit(query=name, warm=times, first=first)
            for question in a.get("questions", []):
                times = []
                for _ in range(10):
                    t = time.perf_counter()
                    r = client.get("/ask", params={"q": question})
                    times.append(time.perf_counter() - t)
                emit(ask=question, warm=times, status=r.status_code)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


def w_ask(a: dict[str, Any]) -> None:
    from graph_builder.ask import answer as ask_module
    from graph_builder.graph.store import Store

    store = Store(a["store"])
    for question in a["questions"]:
        times = []
        for _ in range(20):
            t = time.perf_counter()
            ask_module.ask(question, store)
            times.append(time.perf_counter() - t)
        emit(ask=question, warm=times)


def w_gexf(a: dict[str, Any]) -> None:
    from graph_builder.graph.store import Store
    from graph_builder.network.gexf import write_gexf
    from graph_builder.network.views import to_networkx

    store = Store(a["store"])
    t = time.perf_counter()
    graph = to_networkx(store, "full", dynamic=True)
    write_gexf(graph, a["out"], dynamic=True)
    emit(seconds=time.perf_counter() - t, nodes=graph.number_of_nodes(),
         edges=graph.number_of_edges(), maxrss_mb=maxrss_mb())


def w_dump(a: dict[str, Any]) -> None:
    """blocgraph dump (Turtle), plus the N-Triples files the baselines read."""
    import pyoxigraph as ox

    from graph_builder.core.vocab import INFERRED_GRAPH
    from graph_builder.graph.store import Store

    store = Store(a["store"])
    t = time.perf_counter()
    data = store.dump("turtle")
    emit(turtle_seconds=time.perf_counter() - t, turtle_bytes=len(data))
    Path(a["all"]).write_bytes(store.dump("ntriples"))
    Path(a["nquads"]).write_bytes(store.dump("nquads"))
    db = store.db
    asserted = (
        ox.Triple(q.subject, q.predicate, q.object)
        for g in db.named_graphs() if g.value != INFERRED_GRAPH
        for q in db.quads_for_pattern(None, None, None, g)
    )
    with open(a["asserted"], "wb") as handle:
        ox.serialize(asserted, handle, format=ox.RdfFormat.N_TRIPLES)
    mem = ox.Store()
    t = time.perf_counter()
    mem.bulk_load(path=a["all"], format=ox.RdfFormat.N_TRIPLES)
    emit(load_seconds=time.perf_counter() - t, triples=len(mem))


def w_rdflib(a: dict[str, Any]) -> None:
    import rdflib

    graph = rdflib.Graph()
    t = time.perf_counter()
    graph.parse(a["all"], format="nt")
    emit(parse_seconds=time.perf_counter() - t, triples=len(graph), maxrss_mb=maxrss_mb())
    t = time.perf_counter()
    out = graph.serialize(format="turtle", encoding="utf-8")
    emit(turtle_seconds=time.perf_counter() - t, turtle_bytes=len(out))
    del out, graph
    # the named queries read named graphs (GRAPH ?g), so they run on a Dataset whose
    # default graph is the union, as in the store
    graph = rdflib.Dataset(default_union=True)
    t = time.perf_counter()
    graph.parse(a["nquads"], format="nquads")
    emit(dataset_parse_seconds=time.perf_counter() - t)
    for name, params in a["specs"]:
        text = query_text(name, params)
        times: list[float] = []
        stop = time.perf_counter() + a["query_budget"]
        rows = 0
        try:
            while len(times) < 50 and (not times or time.perf_counter() < stop):
                t = time.perf_counter()
                rows = len(list(graph.query(text)))
                times.append(time.perf_counter() - t)
        except Exception as exc:  # noqa: BLE001 - an rdflib failure is a result to report
            emit(query=name, error=f"{type(exc).__name__}: {exc}"[:120])
            continue
        emit(query=name, warm=times, rows=rows)
    emit(maxrss_mb=maxrss_mb())


def w_owlrl(a: dict[str, Any]) -> None:
    import owlrl
    import rdflib

    graph = rdflib.Graph()
    t = time.perf_counter()
    graph.parse(a["asserted"], format="nt")
    before = set(graph)
    emit(parse_seconds=time.perf_counter() - t, triples=len(before))
    t = time.perf_counter()
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(graph)
    seconds = time.perf_counter() - t
    new = [tr for tr in graph if tr not in before]
    try:
        from graph_builder.graph.infer import is_noise

        kept = sum(1 for tr in new if not is_noise(*tr))
    except ImportError:
        kept = None
    emit(closure_seconds=seconds, added=len(new), added_kept=kept, maxrss_mb=maxrss_mb())


WORKERS = {
    "build": w_build, "queries": w_queries, "http": w_http, "ask": w_ask, "gexf": w_gexf,
    "dump": w_dump, "rdflib": w_rdflib, "owlrl": w_owlrl,
}


# -- the parent -----------------------------------------------------------------------------


def run_worker(
    name: str, args: dict[str, Any], timeout: float, *, budget_after: str | None = None,
    budget: float | None = None,
) -> tuple[list[dict[str, Any]], bool]:
    """Run a worker; kill it at `timeout`, or `budget` seconds after it emits `budget_after`."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--args",
           json.dumps(args)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    lines: queue.Queue[str | None] = queue.Queue()
    errors: list[str] = []

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    def drain_err() -> None:
        assert proc.stderr is not None
        errors.extend(proc.stderr.readlines()[-5:])

    threading.Thread(target=pump, daemon=True).start()
    threading.Thread(target=drain_err, daemon=True).start()
    records: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    killed = False
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            proc.kill()
            killed = True
            break
        if line is None:
            break
        try:
            record = json.loads(line)
        except ValueError:
            continue
        records.append(record)
        if budget_after and budget is not None and budget_after in record:
            deadline = min(deadline, time.monotonic() + budget)
    proc.wait()
    if proc.returncode not in (0, None) and not killed:
        print(f"  worker {name} failed: {''.join(errors).strip()[-600:]}", file=sys.stderr)
    return records, killed


def corpus(work: Path, size: int, seed: int) -> Path:
    from graph_builder.evaluate import synth

    out = work / f"corpus-{size}-s{seed}"
    done = out / ".complete"
    if not done.exists():
        shutil.rmtree(out, ignore_errors=True)
        synth.write(out, size, seed=seed)
        done.write_text("ok")
    return out


def extra_article(work: Path, seed: int) -> Path:
    """One more article, not part of any corpus, for the incremental build."""
    from graph_builder.evaluate import synth

    out = work / f"extra-s{seed}"
    if not out.exists():
        out.mkdir(parents=True)
        doc = next(synth.articles(synth.make_world(seed), prefix="extra"))
        (out / "extra-000001.json").write_text(json.dumps(doc, indent=1), "utf-8")
    return out


def bench_size(size: int, opts: argparse.Namespace) -> dict[str, Any]:
    work: Path = opts.work
    seed = opts.seed
    log = lambda msg: print(f"[{size:>9,}] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    res: dict[str, Any] = {"size": size, "loadavg_start": os.getloadavg()[0]}
    src = corpus(work, size, seed)
    store = work / f"store-{size}-s{seed}"
    shutil.rmtree(store, ignore_errors=True)
    specs = query_specs(seed)

    log("build")
    recs, killed = run_worker("build", {"store": str(store), "paths": [str(src / "facts")],
                                        "rebuild": True}, opts.build_budget)
    if killed or not recs:
        res["build"] = "over budget" if killed else "failed"
        return res
    res["build"] = recs[-1]
    log(f"built in {recs[-1]['seconds']:.1f} s")

    log("queries (in-process)")
    recs, _ = run_worker("queries", {"store": str(store), "specs": specs}, 1800)
    res["queries"] = {r["query"]: r for r in recs if "query" in r}

    if True:  # the service is part of every install
        log("queries (HTTP)")
        questions = list(ASK_QUESTIONS)
        recs, _ = run_worker("http", {"store": str(store), "specs": specs,
                                      "questions": questions}, 1800)
        res["http"] = {r["query"]: r for r in recs if "query" in r}
        res["http_ask"] = [r for r in recs if "ask" in r]
        errors = [r["error"] for r in recs if "error" in r and "query" not in r]
        if errors:
            res["http_error"] = errors[0]

    if True:
        log("ask")
        recs, _ = run_worker("ask", {"store": str(store), "questions": list(ASK_QUESTIONS)}, 600)
        res["ask"] = recs

    if True:
        log("GEXF export")
        recs, killed = run_worker("gexf", {"store": str(store),
                                           "out": str(work / f"export-{size}.gexf")}, 1800)
        res["gexf"] = recs[-1] if recs else ("over budget" if killed else "failed")

    log("dump")
    nt_all, nt_asserted = work / f"all-{size}.nt", work / f"asserted-{size}.nt"
    nquads = work / f"all-{size}.nq"
    recs, _ = run_worker("dump", {"store": str(store), "all": str(nt_all),
                                  "asserted": str(nt_asserted), "nquads": str(nquads)}, 1800)
    res["dump"] = {k: v for r in recs for k, v in r.items()}

    log("rdflib baseline")
    recs, killed = run_worker("rdflib", {"all": str(nt_all), "nquads": str(nquads), "specs": specs,
                                         "query_budget": 10.0}, opts.rdflib_budget)
    res["rdflib"] = {"queries": {r["query"]: r for r in recs if "query" in r},
                     "killed": killed}
    for r in recs:
        res["rdflib"].update({k: v for k, v in r.items() if k not in ("query", "warm", "rows")})

    log("owlrl baseline")
    recs, killed = run_worker("owlrl", {"asserted": str(nt_asserted)}, opts.owlrl_budget + 900,
                              budget_after="parse_seconds", budget=opts.owlrl_budget)
    res["owlrl"] = {k: v for r in recs for k, v in r.items()}
    res["owlrl"]["over_budget"] = killed

    log("incremental build (one more article)")
    recs, killed = run_worker("build", {"store": str(store), "paths": [
        str(src / "facts"), str(extra_article(work, seed))]}, opts.build_budget)
    res["incremental"] = recs[-1] if recs else ("over budget" if killed else "failed")
    for path in (nt_all, nt_asserted, nquads):
        path.unlink(missing_ok=True)
    if not opts.keep:
        shutil.rmtree(store, ignore_errors=True)
    res["loadavg_end"] = os.getloadavg()[0]
    return res


# -- the table ------------------------------------------------------------------------------


def ms(v: float | None) -> str:
    if v is None:
        return "n/a"
    return f"{v * 1000:.2f} ms" if v < 0.01 else (f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s")


def sec(v: float | None) -> str:
    return "n/a" if v is None else (f"{v:.2f} s" if v < 100 else f"{v:.0f} s")


def ratio(ours: float | None, base: float | None) -> str:
    if not ours or not base:
        return ""
    return f" ({base / ours:.1f}×)" if base >= ours else f" ({base / ours:.2f}×)"


def cell(ours: str, base: str | None = None, r: str = "") -> str:
    return ours if base is None else f"{ours} / {base}{r}"


def rows_for(results: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = []

    def add(label: str, fn) -> None:
        values = []
        for res in results:
            try:
                values.append(fn(res))
            except (KeyError, TypeError, AttributeError, ValueError):
                values.append("n/a")
        rows.append((label, values))

    def build(res: dict[str, Any]) -> dict[str, Any]:
        b = res["build"]
        if isinstance(b, str):
            raise ValueError(b)
        return b

    def build_or(res: dict[str, Any], fn) -> str:
        return res["build"] if isinstance(res["build"], str) else fn(res["build"])

    add("asserted + inferred triples", lambda r: build_or(
        r, lambda b: f"{b['asserted']:,} + {b['inferred']:,}"))
    add("build: load + inference + rules + store (target ≤ 60 s at 1M)",
        lambda r: build_or(r, lambda b: sec(b["seconds"])))
    add("incremental build, one article added (target ≤ 2 s)", lambda r: (
        r["incremental"] if isinstance(r["incremental"], str)
        else sec(r["incremental"]["seconds"])))

    def inference(r: dict[str, Any]) -> str:
        b, o = build(r), r["owlrl"]
        base = "over budget" if o.get("over_budget") else sec(o.get("closure_seconds"))
        rr = "" if o.get("over_budget") else ratio(b["inference_seconds"], o.get("closure_seconds"))
        return cell(f"{sec(b['inference_seconds'])} ({b['engine']})", base, rr)

    add("inference / owlrl closure (target ≥ 20× at 100k)", inference)

    def added(r: dict[str, Any]) -> str:
        b, o = build(r), r["owlrl"]
        if o.get("over_budget"):
            return cell(f"{b['inference_added']:,}", "over budget")
        kept = o.get("added_kept")
        base = f"{kept:,} kept of {o['added']:,}" if kept is not None else f"{o['added']:,}"
        return cell(f"{b['inference_added']:,}", base)

    add("triples added by inference / by owlrl", added)
    add("load N-Triples: pyoxigraph / rdflib parse", lambda r: cell(
        sec(r["dump"]["load_seconds"]),
        "over budget" if "parse_seconds" not in r["rdflib"] else sec(r["rdflib"]["parse_seconds"]),
        ratio(r["dump"]["load_seconds"], r["rdflib"].get("parse_seconds"))))
    names = []
    for res in results:
        for name in res.get("queries", {}):
            if name not in names:
                names.append(name)
    for name in names:
        def q(r: dict[str, Any], name: str = name) -> str:
            warm = r["queries"][name]["warm"]
            p50 = statistics.median(warm)
            base = r["rdflib"]["queries"].get(name)
            if base is not None and "error" in base:
                return cell(ms(p50), "rdflib error")
            if base is None:
                return cell(ms(p50), "over budget" if r["rdflib"]["killed"] else "n/a")
            b50 = statistics.median(base["warm"])
            return cell(ms(p50), ms(b50), ratio(p50, b50))

        def detail(r: dict[str, Any], name: str = name) -> str:
            e = r["queries"][name]
            out = (f"p99 {ms(percentile(e['warm'], 0.99))}; cold p50 "
                   f"{ms(statistics.median(e['cold']))} p99 {ms(percentile(e['cold'], 0.99))}")
            return out + f"; {e['rows']} rows"

        def http(r: dict[str, Any], name: str = name) -> str:
            if "http" not in r:
                return "n/a"
            e = r["http"].get(name)
            if e is None or not e.get("warm"):
                return "n/a" + (f" ({e['error'][:40]})" if e and "error" in e else "")
            return f"p50 {ms(statistics.median(e['warm']))} p99 {ms(percentile(e['warm'], 0.99))}"

        add(f"`{name}` p50 warm / rdflib (target ≤ 2 ms)", q)
        add(f"`{name}` warm p99, cold", detail)
        add(f"`{name}` over HTTP (target p50 ≤ 10 ms)", http)

    def ask(r: dict[str, Any]) -> str:
        if "ask" not in r or not r["ask"]:
            return "n/a"
        times = [t for e in r["ask"] for t in e["warm"]]
        return f"p50 {ms(statistics.median(times))} p99 {ms(percentile(times, 0.99))}"

    add("`ask` in-process (target ≤ 50 ms)", ask)

    def http_ask(r: dict[str, Any]) -> str:
        entries = [e for e in r.get("http_ask", []) if e.get("status") == 200]
        if not entries:
            return "n/a"
        times = [t for e in entries for t in e["warm"]]
        return f"p50 {ms(statistics.median(times))} p99 {ms(percentile(times, 0.99))}"

    add("`ask` over HTTP", http_ask)
    add("GEXF export (full view, dynamic)", lambda r: "n/a" if "gexf" not in r else (
        r["gexf"] if isinstance(r["gexf"], str)
        else f"{sec(r['gexf']['seconds'])} ({r['gexf']['nodes']:,} nodes, "
             f"{r['gexf']['edges']:,} edges)"))
    add("Turtle: blocgraph dump / rdflib serialize", lambda r: cell(
        sec(r["dump"]["turtle_seconds"]),
        sec(r["rdflib"]["turtle_seconds"]) if "turtle_seconds" in r["rdflib"] else "over budget",
        ratio(r["dump"]["turtle_seconds"], r["rdflib"].get("turtle_seconds"))))
    add("peak memory: build / rdflib parse+queries+Turtle (target ≤ 2 GB at 1M)", lambda r: cell(
        build_or(r, lambda b: f"{b['maxrss_mb']:,.0f} MB"),
        f"{r['rdflib']['maxrss_mb']:,.0f} MB" if "maxrss_mb" in r["rdflib"] else "n/a"))
    return rows


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    versions = []
    for pkg in ("pyoxigraph", "rdflib", "owlrl", "reasonable"):
        try:
            from importlib.metadata import version

            versions.append(f"{pkg} {version(pkg)}")
        except Exception:  # noqa: BLE001 - a missing package is just not listed
            continue
    return (f"{model}, {os.cpu_count()} cores{mem}; Python {platform.python_version()} on "
            f"{platform.system()} {platform.release()}; {', '.join(versions)}")


def table(results: list[dict[str, Any]]) -> str:
    head = "| | " + " | ".join(f"{r['size']:,} triples" for r in results) + " |"
    sep = "|---|" + "---|" * len(results)
    lines = [head, sep]
    for label, values in rows_for(results):
        lines.append(f"| {label} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def write_report(results: list[dict[str, Any]], out: Path, started: str) -> str:
    sizes = ", ".join(f"{r['size']:,}" for r in results)
    loads = [f"{r['loadavg_start']:.1f}–{r.get('loadavg_end', r['loadavg_start']):.1f}"
             for r in results if "loadavg_start" in r]
    load = (f" One-minute load average during the run (per size): {', '.join(loads)}; "
            "figures above the core count mean other work shared the CPU." if loads else "")
    text = (
        "# blocgraph benchmark\n\n"
        f"Run {started} with `benchmarks/bench.py` (sizes: "
        f"{sizes}).\n\n"
        f"Machine: {machine()}.{load}\n\n"
        "Cells read `blocgraph / baseline (ratio)`; a ratio above 1 means blocgraph is "
        "faster. Baselines, measured in the same run on the same triples: rdflib in-memory "
        "Graph (parse the N-Triples dump, run the same named-query text, serialise Turtle) and "
        "owlrl's OWL 2 RL closure of the asserted graphs plus the ontology, stopped after the "
        "budget. Query latencies are in-process (`Blocgraph.query`, results materialised); "
        "cold = the first run after reopening the store.\n\n"
        + table(results) + "\n"
    )
    out.write_text(text, "utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    p.add_argument("--quick", action="store_true", help="10k triples only")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp"))
                   / "blocgraph-bench")
    p.add_argument("--owlrl-budget", type=float, default=120.0, metavar="S")
    p.add_argument("--rdflib-budget", type=float, default=900.0, metavar="S")
    p.add_argument("--build-budget", type=float, default=1800.0, metavar="S")
    p.add_argument("--out", type=Path, default=HERE / "last-run.md")
    p.add_argument("--json", type=Path, help="also write the raw measurements here")
    p.add_argument("--keep", action="store_true", help="keep the built stores")
    p.add_argument("--render", type=Path, metavar="JSON",
                   help="only print and write the table of a --json file of an earlier run")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--args", help=argparse.SUPPRESS)
    opts = p.parse_args(argv)
    if opts.worker:
        WORKERS[opts.worker](json.loads(opts.args))
        return 0
    if opts.render:
        results = json.loads(opts.render.read_text("utf-8"))
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(opts.render.stat().st_mtime))
        print(write_report(results, opts.out, stamp))
        return 0
    sizes = [10_000] if opts.quick else opts.sizes
    opts.work.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results = []
    for size in sizes:
        results.append(bench_size(size, opts))
        if opts.json:
            opts.json.write_text(json.dumps(results, indent=1), "utf-8")
        write_report(results, opts.out, started)
    text = write_report(results, opts.out, started)
    print(text)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
