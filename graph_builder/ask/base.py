"""The state of answering one question: its slots, the query runner and the message."""

from __future__ import annotations

import difflib
from datetime import date

from graph_builder.ask.model import Target, _Run
from graph_builder.ask.parse import Parsed
from graph_builder.core import reference
from graph_builder.core.errors import BlocgraphError


class UnknownName(Exception):
    """A name the question needs that the graph does not know, and no typo of a known one:
    answered "the graph does not know ..." with no answers, not an error."""


def typo_of(word: str, kind: str | None = None) -> list[str]:
    """Known names a one-word unknown name is a misspelling of ("CTSO", "Swedn"), else []."""
    if " " in word.strip() or len(word) < 3:
        return []
    hints = []
    for label in reference.suggest(word, kind):
        entity = reference.resolve(label)
        for name in entity.names if entity else ():
            ratio = difflib.SequenceMatcher(None, word.lower(), name.lower()).ratio()
            if ratio >= 0.8 or (word.isupper() and sorted(word) == sorted(name.upper())):
                hints.append(label)
                break
    return hints


class AskerBase:
    def __init__(self, parsed: Parsed, target: Target, as_of: date,
                 known_by: date | None = None) -> None:
        self.p = parsed
        self.low = parsed.text
        self.run = _Run(target, known_by)
        self.as_of = as_of
        self.message = ""

    # slots ---------------------------------------------------------------------------------
    def org(self, required: bool = True) -> reference.Entity | None:
        if self.p.orgs:
            return self.p.orgs[-1] if "member" in self.low else self.p.orgs[0]
        if required:
            self._unknown("organisation")
        return None

    def state(self, required: bool = True) -> reference.Entity | None:
        if self.p.states:
            return self.p.states[0]
        if required:
            self._unknown("state")
        return None

    def _unknown(self, kind: str) -> None:
        words = [w for w in self.p.unknown if w]
        for word in words:
            hint = typo_of(word, "organization" if kind == "organisation" else "state")
            if hint:
                raise BlocgraphError(
                    f"unknown {kind} '{word}' (did you mean {', '.join(hint)}?)"
                )
        if words:
            raise UnknownName(f"The graph does not know '{words[0]}' as a {kind}: it has "
                              f"nothing to answer with (see `blocgraph ask --examples`).")
        raise UnknownName(f"The question names no {kind} the graph knows: it has nothing "
                          f"to answer with (see `blocgraph ask --examples`).")

    def org_family(self, org: reference.Entity) -> list[reference.Entity]:
        """The organisation, then its bodies ("EU presidency" is the Council of the EU's)."""
        children = [e for e in reference.entities("organization") if e.parent == org.slug]
        return [org, *children]
