"""The state of answering one question: its slots, the query runner and the message."""

from __future__ import annotations

from datetime import date

from graph_builder.ask.model import Target, _Run
from graph_builder.ask.parse import Parsed
from graph_builder.core import reference
from graph_builder.core.errors import BlocgraphError


class AskerBase:
    def __init__(self, parsed: Parsed, target: Target, as_of: date) -> None:
        self.p = parsed
        self.low = parsed.text
        self.run = _Run(target)
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
            hint = reference.suggest(word, "organization" if kind == "organisation" else "state")
            if hint:
                raise BlocgraphError(
                    f"unknown {kind} '{word}' (did you mean {', '.join(hint)}?)"
                )
        if words:
            raise BlocgraphError(
                f"unknown {kind} '{words[0]}' (see `blocgraph ask --examples`)"
            )
        raise BlocgraphError(
            f"the question names no {kind} I know (see `blocgraph ask --examples`)"
        )

    def org_family(self, org: reference.Entity) -> list[reference.Entity]:
        """The organisation, then its bodies ("EU presidency" is the Council of the EU's)."""
        children = [e for e in reference.entities("organization") if e.parent == org.slug]
        return [org, *children]
