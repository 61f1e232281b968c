"""The table of question forms (queries/forms/ask.toml) and its compiled trigger words."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph_builder.core.resources import queries_dir


@dataclass(frozen=True)
class Form:
    """One row of the form table: what a question must hold to be read as this form."""

    name: str
    handler: str
    query: str
    slots: tuple[str, ...] = ()
    no_slots: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    period: str = "any"
    examples: tuple[str, ...] = field(default_factory=tuple)


def forms_file() -> Any:
    return queries_dir() / "forms" / "ask.toml"


@cache
def table() -> dict[str, Any]:
    with forms_file().open("rb") as f:
        return tomllib.load(f)


@cache
def triggers() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(rx) for name, rx in table()["triggers"].items()}


@cache
def forms() -> tuple[Form, ...]:
    out = []
    for row in table()["forms"]:
        row = {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
        out.append(Form(**row))
    return tuple(out)


class _Triggers:
    """T["leave"].search(text): a trigger of the table by name, for the handlers."""

    def __getitem__(self, name: str) -> re.Pattern[str]:
        return triggers()[name]


T = _Triggers()
