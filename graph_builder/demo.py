"""`blocgraph demo`: the main job on the shipped data, as the README's first command.

It shows a new user in one run what blocgraph does: builds the graph of the shipped `data/`
(found beside the package, not in the current folder, so it runs from anywhere), answers
"who chaired when", says how big the graph is, and writes exports other tools open.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from graph_builder import Blocgraph
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.resources import resource_dir
from graph_builder.graph.results import to_table

SAMPLE_QUESTIONS = (
    "Which country held the rotating chairmanship of the CSTO in 2023?",
    "Who chairs the CSTO now?",
    "Who took over the CSTO chairmanship from Belarus?",
    "When did Kazakhstan chair the CSTO?",
    "Which member state was absent from the 2023 CSTO summit in Minsk?",
)


def shipped_data() -> Path:
    """The `data/` folder that comes with blocgraph: the seed article and its curated facts."""
    try:
        return resource_dir("data")
    except FileNotFoundError:
        raise BlocgraphError("blocgraph demo: the shipped data/ folder is missing from this "
                             "installation; reinstall blocgraph") from None


def run_demo(store: Path, out: Path) -> int:
    graph = Blocgraph(store)
    data = shipped_data()
    report = graph.build([data])
    print(
        f"Built {store}/ from {data}/: {len(report.built)} article graph(s) written, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."
    )
    for path, why in report.skipped:
        print(f"  skipped {path}: {why}")
    print("\nWho chaired what, and when (query: chairs)")
    print(to_table(graph.query("chairs")))
    for date in ("2023-06-15", "2024-06-15"):
        rows = graph.query("chair_on", org="CSTO", date=date).values()
        names = ", ".join(sorted({r["chairLabel"] for r in rows})) or "nobody in the graph"
        print(f"\nWho chaired the CSTO on {date}?  {names}")
    print("\nWho handed the chair to whom (query: succession)")
    print(to_table(graph.query("succession")))
    today = datetime.date.today().isoformat()  # "now" means today, as for `blocgraph ask`
    print(f"\nQuestions in plain English (blocgraph ask), as of {today}")
    for question in SAMPLE_QUESTIONS:
        answer = graph.ask(question, as_of=today)
        labels = ", ".join(a.label for a in answer.answers) or answer.message
        print(f"  {question}\n    -> {labels}")
    counts = graph.store.meta().get("counts", {})
    print(
        f"\nGraph size: {counts.get('asserted', 0)} asserted triples "
        f"({counts.get('articles', 0)} article graphs), {counts.get('inferred', 0)} inferred, "
        f"{counts.get('ontology', 0)} in the ontology."
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / "blocgraph.trig").write_bytes(graph.dump("trig"))
    print(f"Wrote {out / 'blocgraph.trig'}")
    from graph_builder.network import write_gexf

    write_gexf(graph.to_networkx("full", dynamic=True), out / "blocgraph.gexf", dynamic=True)
    print(f"Wrote {out / 'blocgraph.gexf'} (full view with its timeline; open it in Gephi)")
    return 0
