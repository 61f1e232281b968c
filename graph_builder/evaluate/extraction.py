"""Scoring extraction against gold files: precision, recall and F1 per fact type.

A gold file `NAME.gold.json` sits beside its article `NAME.txt|.md|.html` (or scores the
shipped article of that name, as `tests/gold/` scores the seed). Facts match on
`facts.fact_key` (chairmanship: body, chair, start year; membership: body, member; post:
surname, post, holder; event: type, place, month), so the score measures what the graph
would answer, not the wording. Gold items marked "optional" are neither missed nor spurious.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import FACT_KINDS, _fact_from_dict, fact_key
from graph_builder.core.vocab import ARTICLE_SUFFIXES


@dataclass
class ExtractionScore:
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    overall: dict[str, float] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "per_type": self.per_type, "overall": self.overall,
                "missed": self.missed, "spurious": self.spurious}

    def to_text(self) -> str:
        """The table `blocgraph eval` prints, then every missed and spurious fact."""
        lines = [f"extraction over {self.articles} article(s)",
                 f"{'type':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for kind, row in [*self.per_type.items(), ("overall", self.overall)]:
            lines.append(f"{kind:24} {row['precision']:6.2f} {row['recall']:6.2f} "
                         f"{row['f1']:6.2f} {row['tp']:5d} {row['fp']:5d} {row['fn']:5d}")
        for item in self.missed:
            lines.append(f"  missed   {item['article']}: {item['type']} {item['key']}")
        for item in self.spurious:
            lines.append(f"  spurious {item['article']}: {item['type']} {item['key']} "
                         f"({item['rule']}) {(item['evidence'] or '')[:120]}")
        return "\n".join(lines)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def gold_pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(article, gold file) pairs in a folder; a gold file whose article is nowhere is an error.

    The article is looked for beside its gold file (`NAME.txt|.md|.html`, or the file its
    `"article"` field names), then in the shipped `data/` folder, so that the seed's gold in
    `tests/gold/` scores the seed article without a copy of it.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise BlocgraphError(f"{gold_dir}: not a folder")
    shipped = _shipped_articles()
    pairs = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        names = [stem + s for s in ARTICLE_SUFFIXES]
        named = _article_field(gold)
        if named and named not in names:
            names.append(named)  # after the stem's own names, which came first before
        article = next((gold_dir / n for n in names if (gold_dir / n).is_file()), None)
        if article is None:
            article = next((shipped[n] for n in names if n in shipped), None)
        if article is None:
            where = f" or in {shipped_dir()}" if shipped_dir() else ""
            raise BlocgraphError(f"{gold}: no article {' or '.join(names)} beside it{where}")
        pairs.append((article, gold))
    return pairs


def _article_field(gold: Path) -> str | None:
    """The bare file name a gold file's "article" field gives, if it gives one."""
    try:
        named = json.loads(gold.read_text("utf-8")).get("article")
    except (OSError, ValueError, AttributeError):
        return None  # score_extraction reports an unreadable gold file with its reason
    return Path(named).name if isinstance(named, str) and named.strip() else None


def shipped_dir() -> Path | None:
    """The `data/` folder blocgraph ships (the seed article), in a checkout or a wheel."""
    from graph_builder.core.resources import resource_dir

    try:
        return resource_dir("data")
    except FileNotFoundError:
        return None


def _shipped_articles() -> dict[str, Path]:
    """File name -> path of every article under the shipped data/ folder."""
    root = shipped_dir()
    if root is None:
        return {}
    return {p.name: p for p in sorted(root.rglob("*"))
            if p.suffix in ARTICLE_SUFFIXES and p.is_file()}


# kinds a gold file judges only where it lists them (as "member_counts": [] for none)
_JUDGED_WHEN_LISTED = ("member_counts",)


def score_extraction(gold_dir: Path) -> ExtractionScore:
    """Extract each article of `gold_dir` that has a gold file and score it."""
    from graph_builder.extract import extract_file

    counts = {kind: [0, 0, 0] for kind in FACT_KINDS}
    score = ExtractionScore()
    for article, gold_path in gold_pairs(gold_dir):
        try:
            gold = json.loads(gold_path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise BlocgraphError(f"{gold_path}: cannot read gold file ({exc})") from None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            facts = extract_file(article)
        score.articles += 1
        for kind in FACT_KINDS:
            if kind not in gold and kind in _JUDGED_WHEN_LISTED:
                continue  # gold written before the kind existed does not judge it
            wanted: dict[tuple, bool] = {}
            for item in gold.get(kind, []):
                key = fact_key(kind, _fact_from_dict(kind, item, "gold"))
                wanted[key] = wanted.get(key, True) and bool(item.get("optional", False))
            got: dict[tuple, Any] = {}
            for fact in getattr(facts, kind):
                got.setdefault(fact_key(kind, fact), fact)
            c = counts[kind]
            for key, optional in wanted.items():
                if key in got:
                    if not optional:
                        c[0] += 1
                elif not optional:
                    c[2] += 1
                    score.missed.append({"article": article.name, "type": kind,
                                         "key": list(key)})
            for key, fact in got.items():
                if key not in wanted:
                    c[1] += 1
                    ev = fact.evidence.text if fact.evidence else None
                    score.spurious.append({"article": article.name, "type": kind,
                                           "key": list(key), "rule": fact.rule,
                                           "evidence": ev})
    for kind, (tp, fp, fn) in counts.items():
        score.per_type[kind] = _prf(tp, fp, fn)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    score.overall = _prf(*total)
    return score
