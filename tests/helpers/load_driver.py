"""A mixed load on a running `blocgraph serve`: named queries, raw SPARQL, plain questions.

One copy serves the load test (tests/test_hardening.py) and the benchmark
(benchmarks/bench_load.py). Every request's answer is computed once in-process from the
same store before the load, so each response is checked for its content, not only for
its status: a server that answers fast but wrong, or answers one client with another's
rows, fails. The memory of the server and of its worker processes is sampled during the
run, since a leak per request shows there long before it breaks anything.

The calls fit the synthetic world `blocgraph synth` draws with seed 0 (its real blocs
keep their real members), so their answers are not empty.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from graph_builder import Blocgraph
from graph_builder.ask.answer import ask
from graph_builder.graph.results import to_json
from graph_builder.graph.store import Store
from graph_builder.query.named import registry

AS_OF = "2024-06-01"
JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
PREFIX = ("PREFIX bloc: <https://w3id.org/blocgraph/ontology#>\n"
          "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
ID = "https://w3id.org/blocgraph/id/"
MB = 1024 * 1024


@dataclass(frozen=True)
class Call:
    """One request of the mix; `kind` says how its answer is read and compared."""

    label: str
    method: str
    path: str
    kind: str  # named | sparql | construct | ask
    params: dict[str, str] = field(default_factory=dict)
    form: dict[str, str] | None = None
    body: str | None = None
    text: str = ""  # the query text, the named query's name, or the question
    ordered: bool = False  # the query has ORDER BY: row order is part of the answer

    def send(self, client: httpx.Client, base: str) -> httpx.Response:
        accept = NTRIPLES if self.kind == "construct" else JSON
        headers = {"Accept": accept}
        if self.body is not None:
            headers["Content-Type"] = "application/sparql-query"
        return client.request(self.method, base + self.path, params=self.params or None,
                              data=self.form, content=self.body, headers=headers)


def _orders(text: str) -> bool:
    return "ORDER BY" in " ".join(text.upper().split())


def named(name: str, **params: str) -> Call:
    label = f"/queries/{name}?" + "&".join(f"{k}={v}" for k, v in params.items())
    return Call(label, "GET", f"queries/{name}", "named", params, text=name,
                ordered=_orders(registry()[name].text))


def sparql(label: str, text: str, how: str) -> Call:
    kind = "construct" if "CONSTRUCT" in text else "sparql"
    ordered = _orders(text)
    if how == "GET":
        return Call(label, "GET", "sparql", kind, {"query": text}, text=text, ordered=ordered)
    if how == "form":
        return Call(label, "POST", "sparql", kind, form={"query": text}, text=text,
                    ordered=ordered)
    return Call(label, "POST", "sparql", kind, body=text, text=text, ordered=ordered)


def question(text: str) -> Call:
    return Call(f"/ask {text}", "GET", "ask", "ask", {"q": text, "as_of": AS_OF}, text=text)


MIX = [
    named("chairs", org="CSTO"),
    named("chair_on", org="CSTO", date="2015-06-01"),
    named("chair_during", org="SCO", **{"from": "2010-01-01", "to": "2014-12-31"}),
    named("members", org="CSTO"),
    named("members", org="SCO", member="India"),
    named("events", org="CSTO", type="summit"),
    named("conflicts", state="Armenia"),
    named("succession", org="CIS"),
    named("cooperation", org="SCO"),
    named("posts", of="Kazakhstan"),
    sparql("count chairmanships (GET)", PREFIX + "SELECT (COUNT(*) AS ?n) "
           "{ ?c a bloc:Chairmanship }", "GET"),
    sparql("chaired organisations (form POST)", PREFIX + "SELECT DISTINCT ?org ?label "
           "{ ?c a bloc:Chairmanship ; bloc:organization ?org . ?org rdfs:label ?label }",
           "form"),
    sparql("largest graphs (direct POST)", "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g "
           "{ ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n) ?g LIMIT 10", "direct"),
    sparql("ASK (GET)", PREFIX + "ASK { ?c a bloc:Chairmanship ; "
           f"bloc:chair <{ID}state/kazakhstan> }}", "GET"),
    sparql("CSTO members (direct POST)", PREFIX + "SELECT DISTINCT ?state ?label "
           "{ ?m a bloc:Membership ; bloc:member ?state ; "
           f"bloc:organization <{ID}org/csto> . ?state rdfs:label ?label }}", "direct"),
    sparql("CONSTRUCT labels (form POST)", PREFIX + "CONSTRUCT { ?o rdfs:label ?l } WHERE "
           "{ ?c a bloc:Chairmanship ; bloc:organization ?o . ?o rdfs:label ?l }", "form"),
    question("Who chaired the CSTO in 2015?"),
    question("Which states are members of the SCO?"),
    question("When did Armenia chair the CSTO?"),
    question("Who took over the CSTO chairmanship from Belarus?"),
    question("Who was the president of Kazakhstan in 2010?"),
]


def canonical(call: Call, body: str) -> Any:
    """The content of an answer, in a form two equal answers share (row order kept only
    when the query orders its rows)."""
    if call.kind == "construct":
        return sorted(line for line in body.splitlines() if line.strip())
    data = json.loads(body)
    if call.kind == "ask":
        return data
    if "boolean" in data:
        return {"boolean": data["boolean"]}
    rows = [sorted((var, sorted(term.items())) for var, term in binding.items())
            for binding in data["results"]["bindings"]]
    return {"vars": data["head"]["vars"], "rows": rows if call.ordered else sorted(rows),
            "truncated": data.get("truncated", False)}


def expected(store: Path, call: Call) -> Any:
    """What the server must answer, computed in this process from the same store."""
    if call.kind == "ask":
        answer = ask(call.text, Store(store), as_of=call.params["as_of"]).to_dict()
        return canonical(call, json.dumps(answer, ensure_ascii=False, default=str))
    if call.kind == "named":
        return canonical(call, to_json(Blocgraph(store).query(call.text, call.params)))
    results = Store(store).select(call.text)
    if call.kind == "construct":
        return canonical(call, ox.serialize(results.triples or [],
                                            format=ox.RdfFormat.N_TRIPLES).decode())
    return canonical(call, to_json(results))


def is_empty(answer: Any) -> bool:
    if isinstance(answer, list):
        return not answer
    if "rows" in answer:
        return not answer["rows"]
    if "answers" in answer:
        return not answer["answers"]
    return answer.get("boolean") is not True


# -- memory -------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(p) for p in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _vm_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0  # gone between the listing and the reading (a replaced worker)


def rss_tree(pid: int) -> int:
    """Resident memory of a process and all its descendants (the query workers), bytes."""
    try:
        import psutil
    except ImportError:
        total, todo = 0, [pid]
        while todo:
            current = todo.pop()
            total += _vm_rss(current)
            todo += _children(current)
        return total
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


# -- the run ------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class Report:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, one per request
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds into run, bytes)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    def rss_window(self, first: float, last: float) -> list[int]:
        return [b for t, b in self.rss if first * self.seconds <= t < last * self.seconds]

    def to_dict(self) -> dict[str, Any]:
        first, final = self.rss_window(0, 1 / 3), self.rss_window(2 / 3, 2)
        lat = self.latencies or [0.0]
        return {
            "clients": self.clients,
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "requests_per_second": round(self.requests / self.seconds, 1),
            "p50_ms": round(statistics.median(lat) * 1000, 1),
            "p99_ms": round(percentile(lat, 0.99) * 1000, 1),
            "max_ms": round(max(lat) * 1000, 1),
            "errors": len(self.errors),
            "wrong_answers": len(self.wrong),
            "rss_start_mb": round(self.rss[0][1] / MB, 1) if self.rss else None,
            "rss_end_mb": round(self.rss[-1][1] / MB, 1) if self.rss else None,
            "rss_first_third_max_mb": round(max(first) / MB, 1) if first else None,
            "rss_last_third_max_mb": round(max(final) / MB, 1) if final else None,
        }

    def summary(self) -> str:
        d = self.to_dict()
        return (f"{d['clients']} clients, {d['seconds']} s: {d['requests']} requests, "
                f"{d['requests_per_second']} req/s, p50 {d['p50_ms']} ms, p99 {d['p99_ms']} ms, "
                f"max {d['max_ms']} ms, {d['errors']} errors, {d['wrong_answers']} wrong; "
                f"RSS server+workers {d['rss_start_mb']} MB at start, {d['rss_end_mb']} MB at "
                f"end (max {d['rss_first_third_max_mb']} MB in the first third, "
                f"{d['rss_last_third_max_mb']} MB in the last)")


def check(client: httpx.Client, base: str, call: Call, want: Any) -> str | None:
    """None when the call is answered right; otherwise what went wrong, in one line."""
    response = call.send(client, base)
    if response.status_code != 200:
        return f"error: {call.label}: HTTP {response.status_code}: {response.text[:200]!r}"
    if canonical(call, response.text) != want:
        return f"wrong: {call.label}: {response.text[:200]!r}"
    return None


def run_load(base: str, calls: list[tuple[Call, Any]], *, clients: int = 32,
             seconds: float = 30.0, pid: int | None = None,
             sample_every: float = 0.25) -> Report:
    """`clients` threads, each cycling through `calls` from its own offset until the time
    is up; every response checked against its expected content."""
    report = Report(clients, seconds)
    lock = threading.Lock()
    start = time.monotonic()
    stop = start + seconds

    def client_loop(offset: int) -> None:
        with httpx.Client(timeout=60) as client:
            k = offset
            while time.monotonic() < stop:
                call, want = calls[k % len(calls)]
                k += 1
                began = time.perf_counter()
                try:
                    problem = check(client, base, call, want)
                except httpx.HTTPError as exc:
                    problem = f"error: {call.label}: {exc!r}"
                took = time.perf_counter() - began
                with lock:
                    report.latencies.append(took)
                    if problem:
                        (report.errors if problem.startswith("error") else report.wrong).append(
                            problem)

    def sampler(done: threading.Event, measure: Callable[[], int]) -> None:
        while not done.wait(sample_every):
            report.rss.append((time.monotonic() - start, measure()))

    done = threading.Event()
    watcher = None
    if pid is not None:
        report.rss.append((0.0, rss_tree(pid)))
        watcher = threading.Thread(target=sampler, args=(done, lambda: rss_tree(pid)),
                                   daemon=True)
        watcher.start()
    threads = [threading.Thread(target=client_loop, args=(i,), daemon=True)
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report.seconds = time.monotonic() - start  # the last requests end after the deadline
    done.set()
    if watcher is not None:
        watcher.join()
    return report
