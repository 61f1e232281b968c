"""Network export and analysis on a synthetic graph: time and peak memory of each step.

Writes synthetic facts files (random but seeded: chairmanships, memberships, posts, summits
and clashes among the states and organisations of the reference tables) into a temporary
folder, builds them into a store, then times ``to_networkx`` + the GEXF writer for both
views, static and dynamic, GraphML/JSON of the states view, and ``analyze``.

    .venv/bin/python benchmarks/bench_network.py               # about 100k triples
    .venv/bin/python benchmarks/bench_network.py --articles 4000   # about 1M
    .venv/bin/python benchmarks/bench_network.py --store DIR   # reuse a built store

Peak memory is measured by a second run of each step under tracemalloc (Python objects
only; pyoxigraph's own memory is in the process maximum RSS printed at the end).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from graph_builder import Blocgraph
from graph_builder.core import reference
from graph_builder.network import write_gexf, write_graphml, write_json
from graph_builder.network.analyze import analyze
from graph_builder.network.views import to_networkx

FIRST = ["Anna", "Boris", "Chen", "Dana", "Emil", "Farid", "Gulnara", "Ivan", "Lena", "Marat"]
LAST = ["Abdullaev", "Bekov", "Chernov", "Dosanov", "Erlanov", "Fomin", "Garin", "Ismailov"]
POSTS = ["president", "prime minister", "foreign minister", "defence minister"]


def synth_facts(folder: Path, articles: int, seed: int = 7) -> int:
    """Write ``articles`` facts files; returns the number of facts written."""
    rng = random.Random(seed)
    states = [e.label for e in reference.entities("state")]
    orgs = [e.label for e in reference.entities("organization")]
    members = {org: rng.sample(states, rng.randint(6, 30)) for org in orgs}
    ev = {"text": "synthetic"}
    total = 0
    for i in range(articles):
        org = rng.choice(orgs)
        year = rng.randint(1995, 2024)
        people = [
            f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}-{k}" for k in range(rng.randint(2, 5))
        ]
        facts = {
            "article": f"synth_{i:06d}.txt",
            "published": f"{year}-{rng.randint(1, 12):02d}-01",
            "origin": "curated",
            "chairmanships": [
                {
                    "organization": org,
                    "chair": rng.choice(members[org]),
                    "start": str(y),
                    "end": str(y),
                    "evidence": ev,
                }
                for y in (year, year + 1)
            ],
            "memberships": [
                {
                    "organization": org,
                    "member": m,
                    "start": str(rng.randint(1950, 2010)) if rng.random() < 0.5 else None,
                    "end": None,
                    "evidence": ev,
                }
                for m in rng.sample(members[org], min(8, len(members[org])))
            ],
            "posts": [
                {
                    "person": p,
                    "post": rng.choice(POSTS),
                    "of": rng.choice(members[org]),
                    "start": str(year - rng.randint(0, 5)),
                    "end": None,
                    "evidence": ev,
                }
                for p in people
            ],
            "events": [
                {
                    "type": "summit",
                    "organization": org,
                    "date": f"{year}-{rng.randint(1, 12):02d}",
                    "participants": rng.sample(members[org], min(5, len(members[org]))),
                    "absent": [],
                    "evidence": ev,
                },
                {
                    "type": "clash",
                    "date": f"{year}-{rng.randint(1, 12):02d}",
                    "participants": rng.sample(states, 2),
                    "evidence": ev,
                },
            ],
        }
        for kind in ("chairmanships", "memberships", "posts", "events"):
            total += len(facts[kind])
        (folder / f"synth_{i:06d}.json").write_text(json.dumps(facts), encoding="utf-8")
    return total


def measure(name: str, step: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    step()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{name:34} {seconds:8.2f} s   peak {peak / 2**20:8.1f} MiB (Python heap)", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="synthetic articles")
    parser.add_argument("--store", type=Path, help="an existing store to use instead")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-network-") as tmp:
        work = Path(tmp)
        if args.store:
            graph = Blocgraph(args.store)
        else:
            facts_dir = work / "facts"
            facts_dir.mkdir()
            n = synth_facts(facts_dir, args.articles)
            graph = Blocgraph(work / "store")
            start = time.perf_counter()
            graph.build([facts_dir], extract=False)
            print(
                f"built {args.articles} synthetic articles ({n} facts) in "
                f"{time.perf_counter() - start:.1f} s"
            )
        counts = graph.store.meta().get("counts", {})
        print(f"store: {graph.store.count()} quads ({counts})\n")

        for view in ("full", "states"):
            for dynamic in (False, True):
                tag = f"{view}{' dynamic' if dynamic else ''}"
                G = measure(
                    f"to_networkx {tag}",
                    lambda v=view, d=dynamic: to_networkx(graph.store, v, dynamic=d),
                )
                out = work / f"{view}-{int(dynamic)}.gexf"
                measure(
                    f"write_gexf {tag}", lambda G=G, d=dynamic, o=out: write_gexf(G, o, dynamic=d)
                )
                print(
                    f"  {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
                    f"{out.stat().st_size / 2**20:.1f} MiB GEXF"
                )
        states = to_networkx(graph.store, "states")
        measure("write_graphml states", lambda: write_graphml(states, work / "s.graphml"))
        measure("write_json states", lambda: write_json(states, work / "s.json"))
        result = measure("analyze (states view)", lambda: analyze(states))
        print(
            f"  {len(result.communities)} communities, {len(result.bridges)} bridges, "
            f"{len(result.conflicts_in_bloc)} in-bloc conflict pairs"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess max RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
