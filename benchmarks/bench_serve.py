"""Latency and throughput of `blocgraph serve` against `oxigraph serve-read-only` as baseline.

Both servers hold the same quads (the blocgraph store dumped as N-Quads and loaded into a
fresh Oxigraph database) and both use the union of the graphs as default graph. Each
named query is sent bound the way clients bind it (queries.bind + with_values):
  blocgraph /queries/NAME?param=...  (named-query route)
  blocgraph /sparql                  (the same bound text, form POST)
  oxigraph  /query                   (the same bound text, form POST)
Latency: sequential requests on one keep-alive connection (p50, p99). Throughput:
--concurrency clients at once, requests per second.

    .venv/bin/python benchmarks/bench_serve.py                 # the seed graph (data/)
    .venv/bin/python benchmarks/bench_serve.py --synthetic 1000000
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_builder import Blocgraph, headless  # noqa: E402
from graph_builder.graph.store import Store  # noqa: E402
from graph_builder.query.named import bind, registry, with_values  # noqa: E402

QUERIES = {
    "chairs": {},
    "chair_on": {"org": "CSTO", "date": "2024-06-01"},
}
JSON = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")


def build_store(work: Path, synthetic: int) -> Path:
    store = work / "store"
    if synthetic:
        from graph_builder.evaluate import synth

        corpus = work / "corpus"
        synth.write(corpus, synthetic, seed=0)
        Blocgraph(store).build([corpus])
    else:
        Blocgraph(store).build([ROOT / "data"])
    return store


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(send, requests: int, concurrency: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    with httpx.Client(timeout=60) as client:
        for _ in range(10):
            send(client)
        latencies = []
        for _ in range(requests):
            t = time.perf_counter()
            send(client)
            latencies.append((time.perf_counter() - t) * 1000)

    def worker(n: int) -> None:
        with httpx.Client(timeout=60) as client:
            for _ in range(n):
                send(client)

    share = max(1, requests // concurrency)
    t = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, [share] * concurrency))
    elapsed = time.perf_counter() - t
    return {
        "p50": statistics.median(latencies),
        "p99": percentile(latencies, 0.99),
        "rps": share * concurrency / elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=0, metavar="TRIPLES",
                        help="benchmark a synthetic graph of about this many triples")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None, help="blocgraph query workers")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    processes: list[subprocess.Popen] = []
    try:
        t = time.perf_counter()
        store = build_store(work, args.synthetic)
        triples = Store(store).count()
        print(f"graph: {triples} quads ({'synthetic' if args.synthetic else 'seed, data/'}); "
              f"built in {time.perf_counter() - t:.1f} s")
        dump = work / "dump.nq"
        dump.write_bytes(Store(store).dump("nquads"))
        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        subprocess.run([oxigraph, "load", "--location", str(work / "ox"), "--file", str(dump)],
                       check=True, capture_output=True)

        ours_port, ox_port = free_port(), free_port()
        command = [sys.executable, "-m", "graph_builder", "serve", "--store", str(store),
                   "--port", str(ours_port)]
        if args.workers:
            command += ["--workers", str(args.workers)]
        processes.append(subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True, cwd=ROOT))
        processes.append(subprocess.Popen(
            [oxigraph, "serve-read-only", "--location", str(work / "ox"), "--bind",
             f"127.0.0.1:{ox_port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
        ours = f"http://127.0.0.1:{ours_port}"
        theirs = f"http://127.0.0.1:{ox_port}"
        wait_until_up(ours + "/health", processes[0])
        wait_until_up(theirs + "/", processes[1])

        print(f"{'query':10} {'server':28} {'rows':>5} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'req/s':>8}   ({args.requests} sequential; {args.concurrency} clients)")
        for name, params in QUERIES.items():
            query = registry()[name]
            text = with_values(query.text, bind(query, params))
            targets = {
                "blocgraph /queries/NAME": lambda c, n=name, p=params: c.get(
                    f"{ours}/queries/{n}", params=p, headers={"Accept": JSON}),
                "blocgraph /sparql": lambda c, q=text: c.post(
                    f"{ours}/sparql", data={"query": q}, headers={"Accept": JSON}),
                "oxigraph serve-read-only": lambda c, q=text: c.post(
                    f"{theirs}/query", data={"query": q}, headers={"Accept": JSON}),
            }
            for label, send in targets.items():
                with httpx.Client(timeout=60) as client:
                    response = send(client)
                    response.raise_for_status()
                    rows = len(response.json()["results"]["bindings"])

                def checked(c: httpx.Client, send=send) -> None:  # type: ignore[no-untyped-def]
                    send(c).raise_for_status()

                m = measure(checked, args.requests, args.concurrency)
                print(f"{name:10} {label:28} {rows:5d} {m['p50']:8.2f} {m['p99']:8.2f} "
                      f"{m['rps']:8.0f}", flush=True)
    finally:
        for process in processes:
            headless.stop(process)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
