"""Question accuracy: asking gold questions of a graph and comparing answer sets.

`blocgraph eval GOLD_DIR` scores two things on the same folder: extraction (facts found
against the gold facts, `graph_builder.evaluate.extraction.score_extraction`) and question answering
(each gold question asked of a graph built in a temporary store from the articles of the
folder). Answers and expected labels are compared after alias normalisation, so "Russian
Federation" answers "Russia", and a date answers at the precision asked or finer.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_builder.core import leaders, reference
from graph_builder.core.errors import BlocgraphError
from graph_builder.evaluate.extraction import gold_pairs, score_extraction

_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def normalise_label(label: str) -> str:
    """The comparison key of an answer label: entity slug, date, yes/no, or folded text."""
    text = label.strip()
    if _DATE.match(text):
        return text
    entity = reference.resolve(text)
    if entity is not None:
        return f"{entity.kind}:{entity.slug}"
    return reference.normalise(text)


def _same(got: str, want: str) -> bool:
    if got == want:
        return True
    if _DATE.match(got) and _DATE.match(want):
        return got.startswith(want + "-") or want.startswith(got + "-")
    g, w = got.split(), want.split()
    if len(g) > 1 and len(w) > 1 and ":" not in got and ":" not in want:
        # "Luiz Inacio Lula da Silva" vs "Lula da Silva", "Nazarbaev" vs "Nazarbayev"
        fold = leaders.fold_transliteration
        return fold(g[-1]) == fold(w[-1]) and fold(g[0]) == fold(w[0])
    return False


def answers_match(got: Iterable[str], expected: Iterable[str]) -> bool:
    """Whether two answer sets are the same after normalisation."""
    g = {normalise_label(x) for x in got}
    w = {normalise_label(x) for x in expected}
    if len(g) != len(w):
        return False
    return all(any(_same(a, b) for b in w) for a in g) and all(
        any(_same(a, b) for a in g) for b in w
    )


@dataclass
class QuestionResult:
    question: str
    expected: list[str]
    got: list[str]
    correct: bool
    intent: str | None = None
    error: str | None = None
    as_of: str | None = None


@dataclass
class QuestionScore:
    results: list[QuestionResult] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.results)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    @property
    def wrong(self) -> list[QuestionResult]:
        return [r for r in self.results if not r.correct]

    @property
    def answered_when_empty(self) -> list[QuestionResult]:
        """Answers given where the gold says the graph should have none."""
        return [r for r in self.results if not r.expected and r.got]

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "answered_when_empty": len(self.answered_when_empty),
            "wrong": [
                {"q": r.question, "expected": r.expected, "got": r.got, "intent": r.intent,
                 "error": r.error, "as_of": r.as_of}
                for r in self.wrong
            ],
        }


def score_questions(target: Any, questions: Iterable[dict[str, Any]],
                    known_by_date: bool = False) -> QuestionScore:
    """Ask each question ({"q", "a", optional "as_of"}) of the graph behind `target`.

    `known_by_date`: answer each only from the articles published by its day, as the one
    who wrote it on that day could (a later article's answer to "who will succeed X" is
    right in hindsight, but not what was known then)."""
    from graph_builder.ask.answer import ask

    score = QuestionScore()
    for item in questions:
        as_of = item.get("as_of")
        try:
            answer = ask(item["q"], target, as_of=as_of,
                         known_by=as_of if known_by_date else None)
            got = [a.label for a in answer.answers]
            intent, error = answer.intent, None
        except BlocgraphError as exc:
            got, intent, error = [], None, str(exc)
        expected = [str(a) for a in item.get("a", [])]
        ok = error is None and answers_match(got, expected)
        score.results.append(
            QuestionResult(item["q"], expected, got, ok, intent, error, as_of)
        )
    return score


def gold_questions(gold_dir: Path) -> list[dict[str, Any]]:
    """The questions of every gold file; "now" in a question means the article's date."""
    out: list[dict[str, Any]] = []
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise BlocgraphError(f"{path}: cannot read gold file ({exc})") from None
        for q in data.get("questions", []) or []:
            if not isinstance(q, dict) or "q" not in q:
                continue
            item = dict(q)
            published = data.get("published")
            if "as_of" not in item and published and re.match(r"^\d{4}-\d{2}-\d{2}$", published):
                item["as_of"] = published
            item["source"] = path.name
            out.append(item)
    return out


def facts_from_gold(gold_dir: Path, out_dir: Path) -> list[str]:
    """Write each NAME.gold.json of gold_dir as a facts file NAME.json in out_dir.

    Gold facts are facts without evidence; an item naming something blocgraph does not know
    is dropped (and reported) so that one unknown city does not lose the whole article.
    Lets the question bank be measured on the gold graph, apart from extraction quality.
    """
    from graph_builder.core import facts as F

    dropped: list[str] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        data = json.loads(path.read_text("utf-8"))
        doc: dict[str, Any] = {"article": data["article"], "published": data.get("published")}
        for kind in F.FACT_KINDS:
            kept = []
            for item in data.get(kind, []) or []:
                if not isinstance(item, dict) or item.get("optional"):
                    continue  # uncertain in the gold itself: not a fact of the gold graph
                item = _known_parts(kind, item)
                one = {"article": data["article"], "published": data.get("published"),
                       kind: [item]}
                try:
                    F.from_dict(one, path.name)
                except BlocgraphError as exc:
                    dropped.append(f"{path.name}: {kind}: {exc}")
                    continue
                kept.append(item)
            doc[kind] = kept
        stem = path.name.removesuffix(".gold.json")
        (out_dir / f"{stem}.json").write_text(json.dumps(doc, indent=1), "utf-8")
    return dropped


def _known_parts(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """An event keeps its known participants and place when some others are unknown."""
    if kind != "events":
        return item
    item = dict(item)
    for key in ("participants", "absent"):
        item[key] = [n for n in item.get(key) or [] if reference.resolve(n, "state")]
    if item.get("place") and reference.resolve(item["place"], "city") is None:
        # a town the tables lack: kept as extraction at its best keeps it (a city minted in
        # the article's graph), which only an extracted fact may name
        item["origin"] = "extracted"
    if item.get("host") and reference.resolve(item["host"], "state") is None:
        item["host"] = None
    if item.get("organization") and reference.resolve(item["organization"], "organization") is None:
        item["organization"] = None
    return item


def score_on_gold_facts(
    gold_dir: Path, questions: list[dict[str, Any]] | None = None,
    known_by_date: bool = False,
) -> tuple[QuestionScore, list[str]]:
    """Question accuracy on a graph built from the gold facts alone (no extraction).

    Measures question understanding apart from extraction: the graph holds exactly what the
    gold files say. Returns the score and the gold items dropped as naming unknown things.
    """
    from graph_builder import Blocgraph

    questions = gold_questions(gold_dir) if questions is None else questions
    with tempfile.TemporaryDirectory(prefix="blocgraph-goldq-") as tmp:
        facts = Path(tmp) / "facts"
        dropped = facts_from_gold(Path(gold_dir), facts)
        graph = Blocgraph(Path(tmp) / "store")
        graph.build([facts], extract=False)
        score = score_questions(graph.store, questions, known_by_date)
        graph.store.close()
    return score, dropped


def _extraction_score(gold_dir: Path) -> Any:
    try:
        from graph_builder.evaluate.extraction import score_extraction
    except ImportError:
        return None
    return score_extraction(gold_dir)


def _as_dict(score: Any) -> Any:
    if score is None:
        return None
    if hasattr(score, "to_dict"):
        return score.to_dict()
    from dataclasses import asdict, is_dataclass

    return asdict(score) if is_dataclass(score) else score


def run_eval(gold_dir: Path, as_json: bool = False) -> int:
    """`blocgraph eval`: extraction scores and question accuracy for one gold folder."""
    from graph_builder import Blocgraph

    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise BlocgraphError(f"{gold_dir}: not a folder")
    if not list(gold_dir.glob("*.gold.json")):
        raise BlocgraphError(f"{gold_dir}: no *.gold.json files")
    extraction = score_extraction(gold_dir)
    questions = gold_questions(gold_dir)
    with tempfile.TemporaryDirectory(prefix="blocgraph-eval-") as tmp:
        graph = Blocgraph(Path(tmp) / "store")
        # only the articles paired with a gold file: a folder may hold others, and subfolders
        # (a blind half beside a dev half) are scored on their own
        report = graph.build([article for article, _ in gold_pairs(gold_dir)])
        score = score_questions(graph.store, questions)
        graph.store.close()
    on_gold, _dropped = score_on_gold_facts(gold_dir, questions)
    if as_json:
        out = {
            "gold_dir": str(gold_dir),
            "extraction": extraction.to_dict(),
            "questions": score.to_dict(),
            "questions_on_gold_facts": on_gold.to_dict(),
            "skipped_articles": [[str(p), why] for p, why in report.skipped],
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if extraction is not None:
        text = extraction.to_text() if hasattr(extraction, "to_text") else str(extraction)
        print(text.rstrip())
        print()
    else:
        print("extraction: not scored (graph_builder.evaluate.extraction is not available)")
    for path, why in report.skipped:
        print(f"skipped {path}: {why}", file=sys.stderr)
    print(
        f"questions: {score.correct}/{score.total} right, accuracy {score.accuracy:.1%}; "
        f"{len(score.answered_when_empty)} answered where none was expected"
    )
    print(
        f"questions on the gold facts (understanding alone): {on_gold.correct}/"
        f"{on_gold.total}, accuracy {on_gold.accuracy:.1%}; "
        f"{len(on_gold.answered_when_empty)} answered where none was expected"
    )
    for r in score.wrong:
        why = f" [{r.error}]" if r.error else ""
        print(f"  wrong: {r.question}\n    expected {r.expected}, got {r.got}{why}")
    return 0


