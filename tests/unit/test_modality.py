"""Facts stated ahead of time keep that mark: planned or expected, on their evidence.

Our own sentences: a report that a state will take the chair, or is expected to join, is a
fact with a date, but not one the report saw happen; another article may later report it
done, so the mark sits on this article's evidence (bloc:modality), not on the fact.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.sentences import extract_text

from graph_builder.core.facts import from_dict, to_dict
from graph_builder.graph.rdf import article_quads

HEAD = "Bloc news\n\n{date}\n\n"


@pytest.mark.parametrize("date, sentence, kind, modality", [
    ("12 November 2024", "Kazakhstan will take over the chairmanship of the CSTO on "
     "1 January 2025.", "chairmanships", "planned"),
    ("3 June 2023", "Belarus is set to take over the chairmanship of the CSTO in 2024.",
     "chairmanships", "planned"),
    ("3 June 2023", "Belarus is expected to host the next CSTO summit in Minsk in November "
     "2023.", "events", "expected"),
    ("2 January 2024", "Kazakhstan took over the chairmanship of the CSTO on 1 January 2024.",
     "chairmanships", None),
    ("5 September 2024", "The next CSTO summit will be held in Minsk on 28 November 2024.",
     "events", "planned"),
    # the planning word is about a later clause, not the hand-over reported done
    ("4 July 2023", "On 4 July 2023 the SCO presidency passed from India to Kazakhstan, and "
     "Astana is due to host the next summit.", "chairmanships", None),
])
def test_a_fact_stated_ahead_of_time_is_marked(tmp_path: Path, date: str, sentence: str,
                                                kind: str, modality: str | None) -> None:
    facts = extract_text(tmp_path, HEAD.format(date=date) + sentence + "\n")
    found = getattr(facts, kind)
    assert found, f"no {kind} in: {sentence}"
    assert {f.modality for f in found} == {modality}


def test_the_mark_survives_json_and_reaches_the_evidence(tmp_path: Path) -> None:
    facts = extract_text(tmp_path, HEAD.format(date="12 November 2024")
                         + "Kazakhstan will take over the chairmanship of the CSTO on "
                           "1 January 2025.\n")
    data = to_dict(facts)
    assert data["chairmanships"][0]["modality"] == "planned"
    again = from_dict(data, "a.json")
    assert again.chairmanships[0].modality == "planned"
    marks = [q for q in article_quads(again) if q.predicate.value.endswith("#modality")
             or q.predicate.value.endswith("/modality")]
    assert [m.object.value for m in marks] == ["planned"]
    assert "/evidence/" in marks[0].subject.value  # on the statement, not on the fact


def test_a_curated_file_may_state_a_modality_and_only_a_known_one() -> None:
    base = {"article": "a.txt", "published": "2024-11-12",
            "chairmanships": [{"organization": "CSTO", "chair": "Kazakhstan",
                               "start": "2025-01-01", "modality": "planned"}]}
    assert from_dict(base, "a.json").chairmanships[0].modality == "planned"
    base["chairmanships"][0]["modality"] = "rumoured"
    with pytest.raises(Exception, match="modality|rumoured"):
        from_dict(base, "a.json")
