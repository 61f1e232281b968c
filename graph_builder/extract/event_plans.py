"""Gatherings announced with their year: "Chile is set to host the next APEC summit in
2027", "China will host next year's summit", "The alliance will meet next in The Hague in
2025".

The rules of events.py read a gathering from its place and its kind word; an announcement
often gives the host state or the city and a year but no "held in". The kind is the word
written ("summit", "meeting", "session"), or, for "will meet", a summit where the sentence
or the one before speaks of one. Each is dated as written; modality.py marks it planned
when the year is after the report's.
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Event
from graph_builder.core.reference import resolve
from graph_builder.extract.common import evidence, hedged, negated
from graph_builder.extract.context import Context

_HOST_NEXT = re.compile(
    r"\u27e6[SA](?P<host>\d+)\u27e7(?:'s)?\s+(?:(?:is|was)\s+(?:set|due|scheduled|expected)\s+"
    r"to|will|is\s+to|has\s+(?:offered|agreed)\s+to|offered\s+to|agreed\s+to)\s+host\s+the\s+"
    # ("Bolivia will host the Andean Community summit in 2026": a year ahead, "next" unsaid)
    r"(?:next\s+|\d{1,3}(?:st|nd|rd|th)\s+)?(?:\u27e6O(?P<o1>\d+)\u27e7\s+)?(?:(?:annual|regular|ordinary)\s+)?"
    # ("the 31st leaders' meeting")
    r"(?P<leaders>leaders'?\s+|heads\s+of\s+state\s+)?"
    r"(?P<kind>summit|meeting|session|ministerial)(?:\s+of\s+(?:the\s+)?\u27e6O(?P<o2>\d+)\u27e7)?"
    r"(?:\s+in\s+\u27e6C(?P<city>\d+)\u27e7)?\s+(?:in|for)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"\u27e6T(?P<t>\d+)\u27e7",
    re.IGNORECASE)
_MEET_NEXT = re.compile(
    r"(?:\u27e6O(?P<o1>\d+)\u27e7|\b(?:the\s+)?(?:leaders|alliance|bloc|heads\s+of\s+state|"
    r"ministers|they))\s+(?:will|are\s+to|are\s+due\s+to|is\s+to|is\s+due\s+to)\s+(?:next\s+)?"
    r"meet\s+(?:again\s+)?(?:next\s+)?in\s+\u27e6C(?P<city>\d+)\u27e7\s+(?:in|on)\s+"
    r"\u27e6T(?P<t>\d+)\u27e7", re.IGNORECASE)
# "the next meeting of the Council of Heads of State will be held on 9 October 2026 in
# Turkmenistan", "The next CIS summit will take place in October 2026": no city given
_NEXT_HELD = re.compile(
    r"\bthe\s+next\s+(?:\u27e6O(?P<o1>\d+)\u27e7\s+)?(?:(?:annual|regular|ordinary|informal)\s+)?"
    r"(?P<kind>summit|meeting|session)(?:\s+of\s+(?:the\s+)?(?:\u27e6O(?P<o2>\d+)\u27e7|"
    r"(?P<organ>Council\s+of\s+Heads\s+of\s+State|heads\s+of\s+state)|"
    # "the next meeting of the Presidential Council": an organ the tables do not name
    r"(?P<body>(?:[A-Z][\w'-]+\s+){0,3}(?:Council|Conference|Assembly|Summit)\b)))?"
    r"(?:\s+of\s+(?:the\s+)?\u27e6O(?P<o3>\d+)\u27e7)?\s+(?:(?:will|is\s+to|is\s+due\s+to|"
    r"is\s+scheduled\s+to)\s+(?:be\s+held|take\s+place|convene|meet)\s+(?:in|on)|"
    r"is\s+(?:scheduled|planned|set)\s+for)\s+\u27e6T(?P<t>\d+)\u27e7"
    r"(?!\s+in\s+\u27e6C)(?:\s+in\s+(?:the\s+)?\u27e6S(?P<host>\d+)\u27e7|,?\s+and\s+will\s+"
    r"(?:take\s+place|be\s+held)\s+in\s+(?:the\s+)?\u27e6S(?P<host2>\d+)\u27e7)?", re.IGNORECASE)
# "China will host next year's summit", "Azerbaijan is to host the 2026 CICA summit"
_HOST_YEAR = re.compile(
    r"\u27e6[SA](?P<host>\d+)\u27e7(?:'s)?\s+(?:(?:is|was)\s+(?:set|due|scheduled|expected)\s+"
    r"to|will|is\s+to|has\s+(?:offered|agreed)\s+to|offered\s+to|agreed\s+to)\s+host\s+"
    r"(?:the\s+)?\u27e6T(?P<t>\d+)\u27e7(?:'s|\u2019s)?\s+(?:\u27e6O(?P<o1>\d+)\u27e7\s+)?"
    r"(?:(?:annual|regular|ordinary)\s+)?(?P<kind>summit|meeting|session|ministerial)"
    r"(?:\s+of\s+(?:the\s+)?\u27e6O(?P<o2>\d+)\u27e7)?(?:\s+in\s+\u27e6C(?P<city>\d+)\u27e7)?",
    re.IGNORECASE)
# "the 20th summit, which Colombia will host next year", "Next year's summit will be in Lima"
_WHICH_HOSTS = re.compile(
    r"\bthe\s+(?:next\s+|\d{1,3}(?:st|nd|rd|th)\s+)?(?:\u27e6O(?P<o1>\d+)\u27e7\s+)?"
    r"(?P<kind>summit|meeting|session|ministerial),?\s+which\s+\u27e6[SA](?P<host>\d+)\u27e7\s+"
    r"(?:will|is\s+to|is\s+due\s+to|is\s+set\s+to)\s+host\s+(?:in\s+)?\u27e6T(?P<t>\d+)\u27e7"
    r"|\u27e6T(?P<t2>\d+)\u27e7['\u2019]s\s+(?:\u27e6O(?P<o2>\d+)\u27e7\s+)?(?P<kind2>summit|meeting|"
    r"session)\s+(?:will|is\s+to|is\s+due\s+to)\s+(?:be\s+held\s+|take\s+place\s+|be\s+)?in\s+"
    r"\u27e6C(?P<city>\d+)\u27e7", re.IGNORECASE)
_SUMMIT_WORD = re.compile(r"\bsummit", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:(?:is|are)\s+due\s+to|expected\s+to)\b", re.IGNORECASE)


def planned_gatherings(ctx: Context) -> list[Event]:
    """Announced gatherings with a year, each with its sentence as evidence."""
    out = []
    for index, sentence in enumerate(ctx.sentences):
        masked = sentence.masked
        # ("is due to host", "is expected to host": the plan these rules file as planned)
        if negated(masked) or hedged(_PLANNED.sub("", masked)):
            continue
        before = ctx.sentences[index - 1].masked if index else ""
        for rx in (_HOST_NEXT, _HOST_YEAR, _MEET_NEXT, _NEXT_HELD, _WHICH_HOSTS):
            for m in rx.finditer(masked):
                when = sentence.item(m.groupdict().get("t") or m.group("t2")).date
                if when is None:
                    continue
                groups = m.groupdict()
                token = groups.get("o1") or groups.get("o2") or groups.get("o3")
                org = sentence.org(token) if token else ctx.topic_org
                kind = (groups.get("kind") or groups.get("kind2") or "").lower()
                if kind in ("session", "ministerial"):
                    kind = "meeting"
                if groups.get("organ") or groups.get("leaders") or (
                        kind != "summit" and _SUMMIT_WORD.search(masked)):
                    kind = "summit"  # "the next meeting of the Council of Heads of State"
                if not kind:
                    leaders = re.match(r"(?:the\s+)?(?:leaders|heads\s+of\s+state)", m.group(0),
                                       re.I)
                    kind = "summit" if leaders or _SUMMIT_WORD.search(masked + " " + before) \
                        else "meeting"
                city = sentence.label(groups["city"]) if groups.get("city") else None
                host_token = groups.get("host") or groups.get("host2")
                host = sentence.state(host_token) if host_token else None
                if host and city is None:
                    # "Dushanbe will host the next summit": the capital named is the place
                    # (not "Colombia will host": a state, though a Cuban town is so called)
                    named = resolve(sentence.item(host_token).text, "city")
                    state = resolve(host, "state")
                    city = named.label if named and state and named.country == state.slug \
                        else None
                out.append(Event(kind, city, when.start, [], [], organization=org, host=host,
                                 evidence=evidence(sentence), origin="extracted",
                                 confidence=0.6, rule="event.planned-next"))
    return out


__all__ = ["planned_gatherings"]
