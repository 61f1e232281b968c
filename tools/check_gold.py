"""Check gold files without extracting anything: schema, dates, names the reference tables know.

Writers of blind gold use it so their gold is well formed before any extraction run; it
never reads or runs the extraction rules. Usage: python tools/check_gold.py FILE.gold.json ...
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph_builder.core import reference
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import FACT_KINDS, from_dict

KINDS = {"organization": "organization", "chair": "state", "member": "state",
         "previous": "state", "proposer": "state", "partner": "organization",
         "host": "state"}


def check(path: Path) -> list[str]:
    problems: list[str] = []
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        return [f"cannot read ({exc.strerror or exc})"]
    except ValueError as exc:
        return [f"not JSON ({exc})"]
    if not isinstance(data, dict):
        return ["not a gold file (a JSON object with the facts format's keys)"]
    facts_part = {k: v for k, v in data.items() if k != "questions"}
    try:
        from_dict(facts_part, path.name, check_names=False)
    except BlocgraphError as exc:
        problems.append(str(exc))
    for kind in FACT_KINDS:
        for i, item in enumerate(data.get(kind) or []):
            for field, ekind in KINDS.items():
                value = item.get(field)
                if value and reference.resolve(value, ekind) is None:
                    problems.append(f"{kind}[{i}].{field}: unknown {ekind} {value!r} "
                                    f"(did you mean {reference.suggest(value, ekind)})")
            if kind == "posts" and item.get("of") and reference.resolve(item["of"]) is None:
                problems.append(f"posts[{i}].of: {item['of']!r} is neither a state nor an "
                                "organisation blocgraph knows")
            for field in ("participants", "absent"):
                for name in item.get(field) or []:
                    if reference.resolve(name, "state") is None:
                        problems.append(f"{kind}[{i}].{field}: unknown state {name!r}")
            place = item.get("place") if kind == "events" else None
            if place and reference.resolve(place, "city") is None:
                problems.append(f"events[{i}].place: city {item['place']!r} is not in the "
                                "reference table (kept, but scored as unknown)")
    for i, q in enumerate(data.get("questions") or []):
        if not isinstance(q, dict) or "q" not in q or not isinstance(q.get("a"), list):
            problems.append(f"questions[{i}]: needs 'q' (text) and 'a' (list of answers)")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="check_gold.py", description="Check gold files (NAME.gold.json) without "
        "extracting anything: the facts format, dates, and names the reference tables know.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="gold files to check")
    argv = parser.parse_args(argv).files
    bad = 0
    for name in argv:
        problems = check(Path(name))
        for p in problems:
            print(f"{name}: {p}")
        bad += bool(problems)
    print(f"{len(argv)} file(s) checked, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
