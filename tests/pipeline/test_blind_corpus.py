"""The blind corpus: text nobody who writes the rules wrote, scored the way `blocgraph eval` does.

`tests/corpus/blind/dev` may be read and tuned on; `tests/corpus/blind/test` is never read by
whoever changes the extraction rules or the question grammar (a helper scores it and reports
figures only). The floors sit a little under the last measured figures (README, "How good is
extraction"), so a change that loses facts on text others wrote fails here, and they are
raised as the rules improve. Precision is floored as well as recall: finding more by
guessing is no progress.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "corpus" / "blind"

# (precision floor, recall floor) per group of fact types, and the question accuracy floor
FLOORS = {
    # measured 2026-12-04 (session 29), 133 articles with the 12 b20 ones (CSTO to the Nordic
    # Council, tuned on after arrival): dev c+m P 0.921 R 0.845, posts 0.941/0.813, events
    # 0.871/0.694, questions 0.66 end to end, 0.82 on gold facts
    "dev": {"chairs+members": (0.90, 0.83), "posts": (0.92, 0.80), "events": (0.85, 0.68),
            "questions": 0.65, "questions_on_gold_facts": 0.80},
    # test, 145 articles with the 12 of b21 (CSTO to the EAEU), never read by the rule
    # writer: c+m P 0.891 R 0.751, posts 0.912/0.748, events 0.706/0.535, questions 0.58 end
    # to end, 0.75 on gold facts
    "test": {"chairs+members": (0.87, 0.74), "posts": (0.89, 0.73), "events": (0.69, 0.52),
             "questions": 0.56, "questions_on_gold_facts": 0.73},
}
GROUPS = {"chairs+members": ("chairmanships", "memberships"), "posts": ("posts",),
          "events": ("events",)}


@pytest.fixture(scope="module", params=["dev", "test"])
def half(request: pytest.FixtureRequest) -> tuple[str, dict]:
    folder = BLIND / request.param
    out = subprocess.run([sys.executable, "-m", "graph_builder", "eval", str(folder), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert out.returncode == 0, out.stderr
    return request.param, json.loads(out.stdout)


@pytest.mark.slow
def test_blind_extraction_floors(half: tuple[str, dict]) -> None:
    name, report = half
    per_type = report["extraction"]["per_type"]
    assert report["extraction"]["articles"] >= 45
    for group, kinds in GROUPS.items():
        tp = sum(per_type[k]["tp"] for k in kinds)
        fp = sum(per_type[k]["fp"] for k in kinds)
        fn = sum(per_type[k]["fn"] for k in kinds)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"blind {name} {group}: P {precision:.2f} R {recall:.2f} (tp {tp} fp {fp} fn {fn})")
        p_floor, r_floor = FLOORS[name][group]
        assert precision >= p_floor, f"{name} {group} precision {precision:.2f} < {p_floor}"
        assert recall >= r_floor, f"{name} {group} recall {recall:.2f} < {r_floor}"


@pytest.mark.slow
def test_blind_questions_floor(half: tuple[str, dict]) -> None:
    name, report = half
    scores = report["questions"]
    print(f"blind {name} questions: {scores['correct']}/{scores['total']} = "
          f"{scores['accuracy']:.1%}, {scores['answered_when_empty']} answered where none is known")
    assert scores["total"] >= 350
    assert scores["accuracy"] >= FLOORS[name]["questions"]
    gold = report["questions_on_gold_facts"]
    print(f"blind {name} questions on gold facts: {gold['correct']}/{gold['total']} = "
          f"{gold['accuracy']:.1%}, {gold['answered_when_empty']} answered where none is known")
    assert gold["accuracy"] >= FLOORS[name]["questions_on_gold_facts"]
