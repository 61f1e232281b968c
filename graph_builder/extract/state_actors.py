"""A person named with their state stands for the state where a rotating chair changes hands.

Texts often hand a chair from one leader to another: "the gavel passed from Kenya's Otieno
to Rwanda's Habimana", "transferred from the President of Kyrgyzstan to the head of state of
Russia", "handed the chair to the Chinese president". For bodies chaired by states the state
holds the chair; the chair rules read states, so the person phrase is rewritten, in the
masked sentence only, to its state's placeholder. Only phrases in a giving or taking slot
(after to, from, succeed, replace, or opening the sentence; not after "by": "chaired
by Kenya's minister" is who ran a meeting) are rewritten: elsewhere the
person is a person (a post, an attendee). The titles are data: lexicon/state_leader_titles.txt.
"""

from __future__ import annotations

import re
from importlib import resources

from graph_builder.extract.context import Masked


def _titles() -> str:
    text = resources.files("graph_builder.extract").joinpath(
        "lexicon/state_leader_titles.txt").read_text("utf-8")
    phrases = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return "|".join(re.sub(r"[\s-]+", r"[\\s-]+", p) for p in phrases if p)


_TITLE = r"(?i:" + _titles() + r")"
_NAME = r"(?:[A-Z][\w'\u2019.-]+\s+){0,3}[A-Z][\w'\u2019-]+"
_SLOT = r"(?P<pre>^|\b(?i:to|from|succeed(?:s|ed|ing)?|replac(?:es|ed|ing))\s+)"
_STATE = r"(?P<s>\u27e6[SA]\d+\u27e7)"
_FORMS = [
    # "Kenya's Otieno", "Kenya's President William Otieno", "Kenya's leader"
    re.compile(_SLOT + r"(?i:the\s+)?" + r"(?P<s>\u27e6S\d+\u27e7)'s\s+(?:(?:" + _TITLE
               + r")\b\s*(?:" + _NAME + r")?|" + _NAME + r")(?![\w'])"
               # "Malaysia's Permanent Representative to the UN": a title, not a name
               r"(?!\s+(?:to|of|at)\s+(?:the\s+)?(?:\u27e6O|United\s+Nations))"),
    # "the President of Kyrgyzstan", "the head of state of Russia"
    re.compile(_SLOT + r"(?i:the\s+|his\s+|her\s+)?(?:" + _TITLE + r")\s+of\s+(?i:the\s+)?"
               + _STATE),
    # "the Chinese president", "his Burundian counterpart", "Kazakh President Tokayev"
    re.compile(_SLOT + r"(?i:the\s+|his\s+|her\s+|their\s+)?" + _STATE + r"\s+(?:" + _TITLE
               + r")\b(?:\s+" + _NAME + r")?"),
    # "President Otieno of Kenya"
    re.compile(_SLOT + r"(?:" + _TITLE + r")\s+" + _NAME + r"\s+of\s+(?i:the\s+)?" + _STATE),
]


def persons_as_states(sentence: Masked) -> Masked:
    """The sentence with each leader phrase in a chair slot masked as the leader's state."""
    masked = sentence.masked
    for form in _FORMS:
        masked = form.sub(lambda m: m.group("pre") + m.group("s"), masked)
    if masked == sentence.masked:
        return sentence
    return Masked(sentence.start, sentence.end, sentence.text, masked, sentence.items,
                  sentence.in_title)
