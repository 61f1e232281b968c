"""Extraction quality on the seed article and the corpus, with the issue's targets."""

import shutil
from pathlib import Path

import pytest

from graph_builder.evaluate.extraction import score_extraction
from graph_builder.extract import extract_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "articles" / "000_eab27d500f391317.txt"
SEED_GOLD = ROOT / "tests" / "gold" / "000_eab27d500f391317.gold.json"
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(scope="module")
def seed_score(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    shutil.copy(SEED, folder)
    shutil.copy(SEED_GOLD, folder)
    return score_extraction(folder)


@pytest.mark.parametrize("kind", ["chairmanships", "memberships", "posts"])
def test_seed_finds_every_gold_fact(seed_score, kind):
    assert seed_score.per_type[kind]["recall"] == 1.0, seed_score.missed


def test_seed_has_no_spurious_chairmanship(seed_score):
    assert seed_score.per_type["chairmanships"]["fp"] == 0, seed_score.spurious


def test_seed_facts_carry_evidence_and_previous_chair():
    facts = extract_file(SEED)
    text = SEED.read_text("utf-8")
    for _, fact in facts.all_facts():
        assert fact.origin == "extracted" and fact.rule and fact.confidence
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
    kz = [c for c in facts.chairmanships if c.chair == "Kazakhstan"]
    assert kz and kz[0].start == "2024" and kz[0].end == "2024" and kz[0].previous == "Belarus"
    clashes = sorted(e.date for e in facts.events if e.type == "clash")
    assert clashes == ["2021-05", "2022-09"]
    summit = [e for e in facts.events if e.type == "summit"]
    assert summit and summit[0].absent == ["Armenia"] and summit[0].date == "2023-11"


@pytest.fixture(scope="module")
def corpus_score():
    return score_extraction(CORPUS)


TARGETS = {"chairmanships": (0.95, 0.90), "memberships": (0.95, 0.90),
           "posts": (0.85, 0.80), "events": (0.85, 0.80)}


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_corpus_meets_targets(corpus_score, kind):
    precision, recall = TARGETS[kind]
    got = corpus_score.per_type[kind]
    assert got["precision"] >= precision and got["recall"] >= recall, got
