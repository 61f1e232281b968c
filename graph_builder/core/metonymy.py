"""A capital's name: its government acting ("Yerevan had no representation") or a place.

News writes "clashes with Baku" and "Astana will focus" for the state, "the summit in Minsk"
for the city. One decision, from the words around the name, used by the gazetteer
(`graph_builder.core.names`) for every capital it finds.
"""

from __future__ import annotations

import re

_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|into|near|outside|inside|via|across|around|through|visit(?:s|ed|ing)?"
    r"|arriv(?:e|es|ed|ing)|back)\s+(?:the\s+)?(?:city\s+of\s+)?"
    r"|\b(?:capital|city|town)\s*,?\s*(?:of\s+)?)$",
    re.IGNORECASE,
)
_STATE_BEFORE = re.compile(
    r"\b(?:with|against|between|versus|vs\.?|towards?|by|on|"
    r"(?:assist|support|help|urg|accus|warn|pressur|sanction|criticiz|criticis|blam|back|"
    r"recogniz|recognis|invit|persuad|convinc|reassur|condemn|punish|threaten|ask|allow|forc|"
    r"join|pressing|call(?:ed|s|ing)?\s+on)(?:e|es|ed|d|s|ing)?)\s+$",
    re.IGNORECASE,
)
_VERBS = (
    "will would shall should can could may might must has have had is was are were does did "
    "says said tells told insists insisted wants wanted claims accuses denies warns urges plans "
    "seeks sought rejects hopes believes considers demands refuses responds threatens continues "
    "remains sees saw views maintains expects intends blames calls argues stresses supports "
    "opposes backs condemns welcomes signals signs sends sent recalls proposes offers agrees "
    "announces fears needs knows knew thinks thought regards accepts asks favors favours prefers "
    "recognizes recognises objects protests retaliates vows pledges promises reiterates "
    "emphasizes emphasises notes suggests made makes took takes gave gives began chose won lost "
    "kept held brought went came put set left met stood became withdrew"
).split()
_ADVERBS = (
    "also now still then reportedly repeatedly already officially previously recently "
    "allegedly again never not further firmly strongly publicly formally swiftly quickly "
    "clearly apparently"
).split()
_VERB_AFTER = re.compile(
    r"^(?:\s*,[^,.;]{1,40},)?\s+(?:(?:" + "|".join(_ADVERBS) + r")\s+)?"
    r"(?:(?:" + "|".join(_VERBS) + r")\b|(?!host|based)[a-z]{2,}ed\b)",
)
# "Moscow and Minsk agreed": the first of two coordinated capitals takes the shared verb.
_COORDINATED = re.compile(r"^\s+(?:and|or)\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?")
_POSSESSIVE = re.compile(r"^['\u2019]s\b")
_BETWEEN = re.compile(r"\bbetween\b[^.;:()]*\band\s+$", re.IGNORECASE)


def capital_role(text: str, start: int, end: int) -> str:
    """Whether the capital named at text[start:end] acts as its government or is a place.

    A possessive ("Minsk's position"), a verb after it ("Astana will focus"), or "with",
    "against", "between ... and" before it make it the state; a place preposition ("in
    Minsk", "the capital of Minsk") or nothing telling makes it a place.
    """
    before = text[max(0, start - 80):start]
    after = text[end:end + 80]
    if _POSSESSIVE.match(after):
        return "capital-as-state"
    if after.startswith("-"):
        return "capital-as-place"  # "Minsk-based"
    if _PLACE_BEFORE.search(before):
        return "capital-as-place"
    if _STATE_BEFORE.search(before) or _BETWEEN.search(before):
        return "capital-as-state"
    if _VERB_AFTER.match(after):
        return "capital-as-state"
    coordinated = _COORDINATED.match(after)
    if coordinated and _VERB_AFTER.match(after[coordinated.end():]):
        return "capital-as-state"
    return "capital-as-place"
