"""Question understanding alone: gold questions asked of a graph built from the gold facts.

    .venv/bin/python benchmarks/ask_gold.py tests/corpus/blind/dev [--wrong] [--json OUT]
        [--form FORM] [--end-to-end] [--known-by-date]

The gold facts of FOLDER (its *.gold.json files) become facts files, the graph is built from
them without extraction, and each gold question is asked as of its article's publication
date. Prints accuracy, answers given where none was expected, and (with --wrong) every miss
grouped by the form `ask` read it as (with --end-to-end, the misses of both). --end-to-end
also builds from the articles (slow).
--known-by-date answers each question only from the articles published by its day.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph_builder.evaluate.questions import (  # noqa: E402
    QuestionScore,
    gold_questions,
    score_on_gold_facts,
)


def _report(name: str, score: QuestionScore, wrong: bool) -> None:
    print(f"{name}: {score.correct}/{score.total} = {score.accuracy:.3f}; "
          f"answered where none expected: {len(score.answered_when_empty)}; "
          f"not read: {sum(1 for r in score.results if r.error and 'cannot read' in r.error)}; "
          f"errors: {sum(1 for r in score.results if r.error)}")
    by_intent = collections.Counter((r.intent or "error") for r in score.wrong)
    print("  misses by form:", dict(by_intent.most_common()))
    if wrong:
        groups: dict[str, list] = collections.defaultdict(list)
        for r in score.wrong:
            groups[r.intent or "error"].append(r)
        for intent, rows in sorted(groups.items()):
            print(f"\n== {intent} ({len(rows)})")
            for r in rows:
                why = f" [{r.error}]" if r.error else ""
                print(f"  {r.question}  (as of {r.as_of})\n    expected {r.expected}, "
                      f"got {r.got}{why}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--wrong", action="store_true", help="list every miss")
    ap.add_argument("--json", type=Path, help="write the scores as JSON here")
    ap.add_argument("--form", help="only questions `ask` reads as this form (after the run)")
    ap.add_argument("--end-to-end", action="store_true",
                    help="also score on a graph extracted from the articles")
    ap.add_argument("--known-by-date", action="store_true",
                    help="answer each question only from the articles published by its day")
    args = ap.parse_args(argv)
    questions = gold_questions(args.folder)
    t0 = time.perf_counter()
    score, dropped = score_on_gold_facts(args.folder, questions, args.known_by_date)
    if args.form:
        score = QuestionScore([r for r in score.results if r.intent == args.form])
    _report("on gold facts", score, args.wrong)
    print(f"  ({len(dropped)} gold items dropped as unknown names; "
          f"{time.perf_counter() - t0:.1f} s)")
    out = {"gold_facts": score.to_dict(), "dropped": dropped}
    if args.end_to_end:
        import tempfile

        from graph_builder import Blocgraph
        from graph_builder.evaluate.extraction import gold_pairs
        from graph_builder.evaluate.questions import score_questions

        with tempfile.TemporaryDirectory() as tmp:
            graph = Blocgraph(Path(tmp) / "store")
            graph.build([a for a, _ in gold_pairs(args.folder)])
            e2e = score_questions(graph.store, questions, args.known_by_date)
            graph.store.close()
        _report("end to end", e2e, args.wrong)
        out["end_to_end"] = e2e.to_dict()
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
