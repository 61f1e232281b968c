"""Consistency checks for the evaluation corpus and the question bank.

The corpus is hand-written data; these checks catch the slips that would silently
skew an evaluation (a gold file naming a missing article, a date the scorer cannot
parse, an interval that ends before it starts, a question without an answer list).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from graph_builder.ask.triggers import forms

TESTS = Path(__file__).resolve().parents[1]
CORPUS = TESTS / "corpus"
BANK = TESTS / "questions" / "bank.json"

GOLD_KEYS = {
    "article",
    "published",
    "chairmanships",
    "memberships",
    "posts",
    "events",
    "cooperation_proposals",
    "questions",
}
EVENT_TYPES = {"summit", "meeting", "clash", "confrontation"}
# the form names the grammar table (queries/forms/ask.toml) defines, and "outside" for a
# question about what the graph does not record: one list, the table's
FORMS = {f.name for f in forms()} | {"outside"}
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

GOLD_FILES = sorted(CORPUS.glob("*.gold.json"))


def _check_date(value: object, where: str) -> None:
    """Accept None or an ISO date at year, month or day precision that exists."""
    if value is None:
        return
    assert isinstance(value, str) and ISO_PARTIAL.match(value), f"{where}: bad date {value!r}"
    dt.date(*_lower(value))  # raises for 2023-02-30 or month 13


def _lower(value: str) -> tuple[int, int, int]:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return parts[0], parts[1], parts[2]


def _upper(value: str) -> tuple[int, int, int]:
    parts = [int(p) for p in value.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 31


def _check_interval(item: dict, where: str) -> None:
    _check_date(item.get("start"), where)
    _check_date(item.get("end"), where)
    if item.get("start") and item.get("end"):
        assert _lower(item["start"]) <= _upper(item["end"]), f"{where}: ends before it starts"


def _labels(value: object, where: str) -> None:
    assert isinstance(value, list), f"{where}: not a list"
    assert all(isinstance(v, str) and v.strip() for v in value), f"{where}: empty label"


def _article_words(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        tree = lxml_html.fromstring(text)
        articles = tree.xpath("//article")
        assert articles, f"{path.name}: no <article> element"
        text = articles[0].text_content()
    return len(text.split())


def test_corpus_size_and_formats() -> None:
    assert len(GOLD_FILES) >= 24
    suffixes = [json.loads(p.read_text())["article"].rsplit(".", 1)[1] for p in GOLD_FILES]
    assert suffixes.count("md") >= 2
    assert suffixes.count("html") >= 2


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    missing = GOLD_KEYS - gold.keys()
    assert not missing, f"missing keys {sorted(missing)}"

    article = CORPUS / gold["article"]
    assert article.is_file(), f"article {gold['article']} not found beside the gold file"
    assert gold_path.name == article.name.rsplit(".", 1)[0] + ".gold.json"
    assert 250 <= _article_words(article) <= 700

    assert re.match(r"^\d{4}-\d{2}-\d{2}$", gold["published"])
    _check_date(gold["published"], "published")

    for i, c in enumerate(gold["chairmanships"]):
        where = f"chairmanships[{i}]"
        assert c["organization"] and c["chair"], where
        _check_interval(c, where)
    for i, m in enumerate(gold["memberships"]):
        where = f"memberships[{i}]"
        assert m["organization"] and m["member"], where
        _check_interval(m, where)
    for i, p in enumerate(gold["posts"]):
        where = f"posts[{i}]"
        assert p["person"] and p["post"] and p["of"], where
        assert p["post"] == p["post"].lower(), f"{where}: post must be lower case"
        _check_interval(p, where)
    for i, e in enumerate(gold["events"]):
        where = f"events[{i}]"
        assert e["type"] in EVENT_TYPES, where
        assert e["place"] is None or isinstance(e["place"], str), where
        _check_date(e["date"], where)
        _labels(e["participants"], where + ".participants")
        _labels(e["absent"], where + ".absent")
        assert not set(e["participants"]) & set(e["absent"]), f"{where}: present and absent"
    for i, c in enumerate(gold["cooperation_proposals"]):
        assert {"proposer", "organization", "partner"} <= c.keys(), f"cooperation_proposals[{i}]"

    assert 3 <= len(gold["questions"]) <= 8
    for i, q in enumerate(gold["questions"]):
        assert isinstance(q["q"], str) and q["q"].endswith("?"), f"questions[{i}]"
        _labels(q["a"], f"questions[{i}].a")


def test_question_bank() -> None:
    bank = json.loads(BANK.read_text(encoding="utf-8"))
    assert isinstance(bank, list) and len(bank) >= 100
    for i, item in enumerate(bank):
        assert isinstance(item.get("q"), str) and item["q"].strip(), f"bank[{i}]"
        assert "a" in item, f"bank[{i}] has no answer list"
        _labels(item["a"], f"bank[{i}].a")
        assert item.get("form") in FORMS, f"bank[{i}]: form {item.get('form')!r}"
        if "as_of" in item:
            dt.date.fromisoformat(item["as_of"])
    assert sum(1 for item in bank if not item["a"]) >= 12
    questions = [item["q"] for item in bank if "as_of" not in item]
    assert len(questions) == len(set(questions)), "duplicate question without as_of"
