"""Clashes between states: two sides named in the sentence, and the date it gives.

A clash is worded many ways: the word itself ("clashes", "skirmishes", "fighting"), fire
between the sides ("exchanged fire", "troops fired at each other"), a war or invasion with
its sides ("the 2020 war between Armenia and Azerbaijan"), a border conflict or incident,
armed men of one state acting on another's ("Azerbaijani forces attacked Armenian
positions", lexicon/clash_attacks.txt), strikes of an army, and a ceasefire between two
states (its date is the fighting's). A war of another sort ("the trade war between ...",
lexicon/clash_not_armed.txt) is none. Each date the sentence gives after the trigger is a
clash; with none after, the one just before it ("the September 2022 border conflict").
When the sentence names only one side or none but speaks of "the two neighbours" or "their
border", the sides are the states of the sentence before.
"""

from __future__ import annotations

import re

from graph_builder.core import places
from graph_builder.core.facts import Event
from graph_builder.extract import phrases
from graph_builder.extract.common import C, evidence, negated
from graph_builder.extract.context import Masked

# fire between two sides: "exchanged fire", "traded artillery fire", "troops fired at each
# other", "cross-border firing", "shelling across the border", "shelled each other's posts"
_FIRE = (r"(?:exchang(?:ed|es|ing)|trad(?:ed|es|ing))\s+(?:\w+\s+)?(?:fire|shelling|shots)|"
         r"exchanges?\s+of\s+(?:\w+\s+)?fire|fired\s+(?:at|on)\s+each\s+other|"
         r"shell(?:ed|ing)\s+each\s+other|(?:cross-border|border)\s+(?:firing|shelling|fire)|"
         r"firefights?|gunfights?")
_CLASH = re.compile(
    r"\b(?P<type>clash(?:es|ed)?|skirmish(?:es|ed)?|fighting|border\s+war|hostilities|"
    r"confrontation|fought|invasion|war|"
    # "heavy battles between the armies of X and Y" (a "battle over the budget" is none)
    r"battles?(?=\s+(?:\S+\s+){0,3}?between\b)|battled|"
    # "the border conflict", "the conflict between X and Y" (not "the conflict in Ukraine")
    r"(?:(?:border|armed|military)\s+)conflict|conflict(?=\s+between\b)|"
    r"(?:(?:border|armed|military|deadly|shooting)\s+)+incidents?|"
    r"(?:(?:military|armed|border)\s+)escalation|escalation(?=\s+between\b)|"
    r"(?:air|missile|drone|surgical|military|artillery|retaliatory|cross-border)[\s-]*strikes?|"
    # "Russia invaded Ukraine", "launched an offensive against", "Azerbaijan's attack on
    # Armenia" (not "an attack on Russia's plan")
    r"invaded(?=\s+(?:the\s+)?\u27e6[SA])|"
    r"(?:launched|began|started|mounted|opened)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?offensive|"
    r"(?<=['\u2019]s\s)(?:[\w-]+\s+)?(?:attack|assault|incursion|aggression|offensive)"
    r"(?=\s+(?:on|against|into)\s+(?:the\s+)?\u27e6[SA]\d+\u27e7(?!['\u2019]s))|"
    # "a ceasefire between Thailand and Cambodia", "agreed a truce": the fighting it ends
    r"(?:ceasefire|cease-fire|truce|armistice)(?=\s+between\b)|"
    r"(?<=agreed\s)(?:a\s+|to\s+a\s+)?(?:ceasefire|cease-fire|truce)|"
    r"(?:reached|signed|brokered|declared)\s+(?:a|an)\s+(?:\w+\s+)?(?:ceasefire|cease-fire|truce)|"
    + _FIRE + r")\b", re.IGNORECASE)
# armed men of one side acting on the other's: "Azerbaijani forces attacked Armenian positions"
_ARMED = (r"\b(?:forces|troops|army|armies|military|soldiers|border\s+guards|guards|units|"
          r"artillery|jets|drones|warplanes|navy|coast\s+guards?|militaries)\b")
_ATTACK = re.compile(_ARMED + r"\s+(?:\w+\s+){0,2}?(?P<type>" + r"|".join(
    sorted(phrases.lines("clash_attacks.txt"), key=len, reverse=True)) + r")\b", re.IGNORECASE)
_NOT_ARMED = phrases.words("clash_not_armed.txt")
_WAR_SIDES = re.compile(r"\b(?:war|invasion)\s+(?:between|with|against|of|on)\b|\bfought\b|"
                        r"'s\s+invasion|invasion\s+of", re.IGNORECASE)
# a date that bounds the fighting or the truce, not the day of either: "has held since 2020"
_NOT_ON = re.compile(r"\b(?:since|until|till|for|by|through|before)\s+(?:the\s+)?$",
                     re.IGNORECASE)
# the sides named in the sentence before: "the two neighbours", "their border"
_PAIR_BACK = re.compile(r"\b(?:the\s+two\s+(?:countries|neighbours|neighbors|states|sides|"
                        r"nations|armies|militaries)|their\s+(?:\w+\s+)?(?:border|frontier)|"
                        r"both\s+(?:sides|countries|armies))\b", re.IGNORECASE)
# a date written into the clash's own phrase: "the 2020 war", "the September 2022 border"
_JUST_BEFORE = re.compile(r"\u27e6T\d+\u27e7(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}")
_REGION = re.compile(r"\bin\s+the\s+(?P<place>[A-Z][\w-]+\s+(?:Valley|Region|Strait|Corridor|"
                     r"Mountains|Pass|Plateau|Heights))\b")


def _trigger(masked: str) -> tuple[re.Match[str], str] | None:
    """The first word in the sentence that says two sides fought, with its kind of word."""
    found = [m for m in _CLASH.finditer(masked)] + [m for m in _ATTACK.finditer(masked)]
    for m in sorted(found, key=lambda m: m.start("type")):
        word = " ".join(m.group("type").lower().split())
        if negated(masked[max(0, m.start() - 30):m.start()]):
            continue
        before = masked[max(0, m.start("type") - 25):m.start("type")]
        if re.search(r"\b(?:war|conflict|battles?|strikes?|escalation|confrontation)$", word) \
                and _NOT_ARMED.search(before.split(",")[-1]):
            continue  # "the trade war between the US and China"
        if word in ("war", "invasion", "fought") and not _WAR_SIDES.search(masked):
            continue
        return m, word
    return None


def _sides(sentence: Masked, previous: Masked | None) -> list[str]:
    states: list[str] = []
    for _, _, i in sentence.tokens("SA"):
        state = sentence.state(i)
        if state and state not in states:
            states.append(state)
    if len(states) < 2 and previous is not None and _PAIR_BACK.search(sentence.masked):
        before = [s for _, _, i in previous.tokens("SA") if (s := previous.state(i))]
        before = list(dict.fromkeys(before))
        if len(before) == 2:
            return before
    return states


def clashes(sentence: Masked, previous: Masked | None = None) -> list[Event]:
    """The clashes one sentence states (`previous` may name their sides)."""
    masked = sentence.masked
    found = _trigger(masked)
    if found is None:
        return []
    clash, word = found
    states = _sides(sentence, previous)
    if len(states) < 2:
        return []
    kind = "confrontation" if word == "confrontation" else "clash"
    region = _REGION.search(sentence.text)
    place = region.group("place") if region else _clash_town(sentence, clash.end())
    at = clash.start("type")
    dated = [(pos, i) for pos, _, i in sentence.tokens("T", at)
             if not _NOT_ON.search(masked[max(0, pos - 12):pos])]
    if not dated:
        before = [(pos, i) for pos, _, i in sentence.tokens("T", 0, at)
                  if not _NOT_ON.search(masked[max(0, pos - 12):pos])][-1:]
        # "In May 2021 they clashed" (a clash or fire anywhere before); "the 2020 war
        # between ...", "the September 2022 border conflict" (a war just before it)
        near = clash.re is _ATTACK or word.startswith(("clash", "skirmish", "fought", "fight")) or \
            re.fullmatch(_FIRE, word, re.IGNORECASE) is not None
        dated = [b for b in before if near or _JUST_BEFORE.fullmatch(masked, b[0], at)]
    out = []
    for _, i in dated:
        d = sentence.item(i).date
        if d is None:
            continue
        out.append(Event(kind, place, d.start[:7], states[:2], [], evidence=evidence(sentence),
                         origin="extracted", confidence=0.7, rule="event.clash"))
        if word in ("war", "invasion", "fought"):
            break
    return out  # an undated clash cannot be told apart from the others


def _clash_town(sentence: Masked, after: int) -> str | None:
    """"troops fired at each other across the border at Goma": the town the fire was at."""
    rest = sentence.masked[after:after + 70]
    m = re.search(r"\b(?:at|near|in|around)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
                  r"(?:" + C + r"|(?P<name>[A-Z][\w'\u2019-]+)(?![\w\u27e6]))", rest)
    if not m:
        return None
    if m.group("name"):
        city = places.by_name(m.group("name"))
        return city.label if city is not None else None
    entity = sentence.item(m.group(1)).entity
    return entity.label if entity is not None and entity.kind == "city" else None
