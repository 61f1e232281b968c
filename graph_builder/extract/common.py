"""What the rule modules share: placeholder patterns, negation, and evidence."""

from __future__ import annotations

import re

from graph_builder.core.facts import Evidence
from graph_builder.extract.context import Masked

S = r"\u27e6S(\d+)\u27e7"  # a state (or its capital acting for it)
A = r"\u27e6A(\d+)\u27e7"  # a state's adjective or demonym
SA = r"\u27e6[SA](\d+)\u27e7"
O = r"\u27e6O(\d+)\u27e7"  # noqa: E741 - an organisation
C = r"\u27e6C(\d+)\u27e7"  # a city as a place
T = r"\u27e6T(\d+)\u27e7"  # a date
ANY = r"\u27e6[SAOCT]\d+\u27e7"
# a list of states: "A, B and the C"
STATE_LIST = r"(?:the\s+)?" + SA + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?" + SA + r")*"

_NEGATION = re.compile(
    r"\b(?:not|never|no longer|neither|nor|n't|cannot|could have|would have|might|may have|"
    r"if|unless|whether|rumou?red|reportedly considering|refused to|declined to|"
    r"failed to|denied|denies|hypothetical|instead of)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:could|would|might|may|expected to|is expected|are expected|hopes? to|plans? to|"
    r"wants? to|seeks? to|aims? to|intends? to|is due to|according to diplomats|"
    r"no formal decision)\b",
    re.IGNORECASE,
)


# "Kazakhstan, Kyrgyzstan and Russia " before a verb whose subject is the last state: the
# states coordinated with it share the verb ("Finland and Sweden joined", "Turkey and China
# have also chaired")
_COORDINATED = re.compile(r"(?:(?:the\s+)?" + SA + r"\s*,\s*)*(?:the\s+)?" + SA
                          + r",?\s+and\s+(?:the\s+)?$")


def coordinated_before(masked: str, start: int, window: int = 200) -> re.Match[str] | None:
    """The states coordinated before the subject that begins at `start`, if any."""
    return _COORDINATED.search(masked, max(0, start - window), start)


def negated(text: str) -> bool:
    """Whether a stretch of masked text denies or only supposes what it says."""
    return bool(_NEGATION.search(text))


def hedged(text: str) -> bool:
    return bool(_HEDGE.search(text))


def evidence(sentence: Masked) -> Evidence:
    return Evidence(sentence.text, sentence.start, sentence.end)


def clause_end(masked: str, position: int) -> int:
    """Where the clause that starts at `position` ends: a semicolon or a sentence end."""
    m = re.compile(r"[;:]|\s-\s|\s\u2014\s|, (?:while|but|whereas|and then)\b").search(
        masked, position)
    return m.start() if m else len(masked)
