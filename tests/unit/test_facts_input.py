"""Curated facts files are read strictly: what a person typed twice or could not see is refused.

Issue 16: duplicate keys (point 7) were accepted with the last winning; a file nested
100,000 levels deep raised RecursionError; control characters in names reached the terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import read_facts

CHAIR = '{"organization": "CSTO", "chair": "Kazakhstan", "start": "2024"}'


def facts_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.json"
    path.write_text(text, "utf-8")
    return path


def test_a_key_given_twice_is_refused_with_its_line(tmp_path: Path) -> None:
    text = ('{\n "article": "a.txt",\n "chairmanships": [\n  {"organization": "CSTO",\n'
            '   "chair": "Kazakhstan",\n   "chair": "Russia", "start": "2024"}\n ]\n}\n')
    with pytest.raises(BlocgraphError, match=r"a\.json: line 6: key 'chair' given twice"):
        read_facts(facts_file(tmp_path, text))


def test_a_top_level_key_given_twice_is_refused(tmp_path: Path) -> None:
    text = '{"article": "a.txt",\n"published": "2024", "published": "2023"}'
    with pytest.raises(BlocgraphError, match="line 2: key 'published' given twice"):
        read_facts(facts_file(tmp_path, text))


def test_the_same_key_in_sibling_objects_is_fine(tmp_path: Path) -> None:
    other = CHAIR.replace("Kazakhstan", "Belarus").replace("2024", "2023")
    text = f'{{"article": "a.txt", "chairmanships": [{CHAIR}, {other}]}}'
    assert len(read_facts(facts_file(tmp_path, text)).chairmanships) == 2


@pytest.mark.parametrize("opening", ["[", '{"a": '])
def test_a_file_nested_100000_deep_is_one_line(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    path = facts_file(tmp_path, opening * 100_000 + "1" + closing * 100_000)
    with pytest.raises(BlocgraphError, match="nested too deeply"):
        read_facts(path)
