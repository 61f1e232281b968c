"""Rotating chairmanships and presidencies: who holds one, for which period, after whom.

News states a chairmanship in a handful of ways: a state assumes, takes over, holds or will
chair it; an outgoing chair hands over or passes the baton; a body meets under a state's
chairmanship; a list goes on "followed by X in September". The rules below read masked
sentences (see context.py) so that one rule covers every spelling of the states and bodies.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from graph_builder.core import reference
from graph_builder.core.facts import Chairmanship
from graph_builder.core.reference import Entity
from graph_builder.extract import phrases
from graph_builder.extract.chair_asides import aside_terms
from graph_builder.extract.chair_persons import surnames, surnames_as_states
from graph_builder.extract.chair_pronouns import pronoun_terms
from graph_builder.extract.chair_succession import (
    PREDECESSOR_RULES,
    date_predecessors,
    late_gatherings,
    stated_terms,
    summit_terms,
)
from graph_builder.extract.chair_timelines import label_state, timeline_terms
from graph_builder.extract.common import (
    ANY,
    SA,
    A,
    O,
    S,
    T,
    clause_end,
    coordinated_before,
    evidence,
    negated,
)
from graph_builder.extract.context import Context, Item, Masked
from graph_builder.extract.date_phrases import DAY_KINDS
from graph_builder.extract.state_actors import persons_as_states
from graph_builder.extract.timeline_lines import line_date

CHAIR_NOUN = (
    r"(?:(?:rotating|annual|six-month|one-year|two-year|monthly|current|new|pro[\s-]tempore|"
    r"symbolic|body's|bloc's|group's|organi[sz]ation's|union's|forum's|"
    r"Council's|year-long|\w+-year)\s+)*"
    r"(?:chairmanship|chairpersonship|presidency|chair(?!man\b|s\b|ed\b)|helm|baton|gavel|hammer|"
    # "the presiding in the Commonwealth passes to Russia" (translated from Russian)
    r"reins|(?<=\bthe\s)presiding\b(?!\s+(?:officer|judge|country|state|nation|over|member)\b))"
)
_KEYWORD = re.compile(
    r"chairmanship|chairpersonship|presidency|\bchair\b|\bchairs\b|\bchaired\b|helm|baton|steer|"
    r"\bthe\s+presiding\b|"
    r"\breins\b|\bturn\s+to\s+(?:chair|lead|preside|hold)|\bin\s+charge\s+of\b|"
    r"\b(?:be|is|was)\s+led\s+by\b|"
    r"\bchair(?:man|person|woman)\b|"
    r"at\s+the\s+head\s+of|presid(?:e|es|ed|ing)\b|holder|"
    r"presid(?:ed|es|ing)\s+over|gavel|hammer|chairing",
)  # matched against the lower-cased sentence
# (after the state: "the Kazakh side", translated official English for the state itself)
_GAP = r"(?:\s+side\b)?(?:,\s*(?:which|who|whose)[^,]{0,80},|\s+(?:which|that|who)|" \
       r",\s+(?:in\s+turn|too|meanwhile|however|for\s+its\s+part|itself|also|then|now|" \
       r"as\s+expected|as\s+planned),|" \
       r",\s*(?:which|who)|" \
       r",\s+(?:\u27e6[SA]\d+\u27e7's\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:president|leader|" \
       r"prime\s+minister|king|emir|head\s+of\s+state)(?:\s+of\s+\u27e6S\d+\u27e7)?,|" \
       r",\s*whose\s+(?:country|government|nation|(?:then-?|former\s+)?(?:president|leader|" \
       r"prime\s+minister))|" \
       r",\s*" + T + r"(?=\s+[a-z])|" \
       r",\s+(?:a|an|the)\s+(?!\u27e6)[^,;]{1,50},){0,2}" \
       r"(?:\s+(?:is|was)\s+next\s+in\s+line\s+and)?" \
       r"(?:\s+for\s+the\s+(?:first|second|third|fourth|fifth|\w+th|last)\s+time)?" \
       r"(?:\s+(?:has|have|had|will|would|formally|officially|then|also|last|first|now|next|" \
       r"on|in\s+turn|in|this|today|yesterday|already|again|is|was|to|just|itself|himself|" \
       r"herself|\w+ly|" \
       r"agreed|thus|" \
       r"therefore|hence|so|all|both|each|twice|once|remains?|remained|stays?|" \
       r"due|set|scheduled|confirmed|chosen|elected|designated|expected|likely|poised|slated|" \
       r"tipped|going|about|ready|preparing|" + T + r"|" \
       r"\w+day))*\s+"
_TAKE = (
    r"(?:assum(?:es|ed|e|ing)|t(?:ook|akes?|aking|aken)(?:\s+over|\s+up)?|receiv(?:es|ed|e|ing)|"
    r"inherit(?:s|ed)?|hold(?:s|ing)?|held|beg(?:an|ins|in)|start(?:s|ed)?|open(?:s|ed)?|"
    r"(?:has\s+)?been\s+holding|became|becomes|become|retain(?:s|ed)?|kept|keeps|"
    r"succeed(?:s|ed)?|wins?|won|gets?|got|follow(?:s|ed)?\s+with|exercis(?:es|ed|e|ing)|"
    r"(?:(?:has|have|had|was|were|is|been)\s+)*entrusted\s+with|step(?:s|ped)?\s+into)"
)
_INTRINSIC = (
    r"(?:chair(?:s|ed|ing)?|presid(?:es|ed|e|ing)\s+(?:over|in)|(?:has|have|had)\s+chaired|"
    # "which (himself) served as chair of the Andean Community during 2021"
    r"(?:(?:him|her|it)self\s+)?(?:served|serves|serving|has\s+served|had\s+served|acted)\s+as\s+"
    r"(?:the\s+)?(?:rotating\s+)?(?:chair(?:man|person|woman)?|president)\s+of(?=\s+(?:the\s+)?"
    r"\u27e6O\d+\u27e7)|"
    r"(?:has|have|had)\s+presided(?=\s+(?:since|from|until|for|during|between)\b)|"
    r"(?:lead(?:s|ing)?|led)(?=\s+\u27e6O\d+\u27e7)|"
    r"(?:is|was|are|remains)\s+(?:now\s+|currently\s+|still\s+)?in\s+charge\s+of(?=\s+(?:the\s+)?"
    r"\u27e6O\d+\u27e7)|"
    r"(?:lead(?:s|ing)?|led)\s+(?:the|it)\s*(?:(?:continental|regional|\d+-member|\d+-nation)\s+)?"
    r"(?:organi[sz]ation|bloc|group|grouping|body|union|council|alliance|association|community|"
    r"forum|\d+-member\s+\w+|\u27e6O\d+\u27e7)?|"
    r"wrap(?:s|ped)?\s+up|end(?:s|ed)|conclud(?:es|ed)|complet(?:es|ed)|clos(?:es|ed))"
)
_END_VERBS = re.compile(r"wrap|end|conclud|complet|clos", re.IGNORECASE)
_OF_ORG = re.compile(r"^\s*(?:of|in|at|over)\s+(?:the\s+)?(?:\w+\s+){0,4}?" + O)
_ORG_BEFORE = re.compile(O + r"(?:'s)?\s+(?:\w+\s+){0,2}$")

# the verbs of a chair that moves on: "the presidency passed to X", "it will rotate to X"
_PASS = (r"(?:pass(?:es|ed)?|transferred|handed(?:\s+over)?|went|go(?:es)?(?:\s+over)?|falls|fell|"
         r"belongs|belonged|mov(?:e|es|ed)(?:\s+on)?|rotat(?:e|es|ed))")
_CHAIR_HEAD = (r"(?:chairmanship|presidency|chair|helm|baton|gavel|"
               r"powers\s+of\s+(?:the\s+)?chairman|(?<=\bthe\s)presiding(?=\s+(?:in|of|passes|goes)\b))")

_RULES: list[tuple[str, re.Pattern[str]]] = [
    # "Kazakhstan assumes the rotating chairmanship of the CSTO for 2024"
    ("chair.take", re.compile(
        SA + r"(?:'s\s+(?:government|leader|president|prime minister|(?:permanent\s+)?"
        r"(?:representative|ambassador|envoy)(?:\s+to\s+(?:the\s+)?" + ANY + r")?"
        r"(?:,\s+[^,;\u27e6]{1,40},)?))?" + _GAP + _TAKE
        + r"\s+(?:over\s+)?(?:as\s+)?(?:(?:the|its|a|his|her)\s+)?"
        + r"(?:(?:functions?|duties|responsibilities|powers|role)\s+of\s+(?:the\s+)?)?"
        + r"(?:" + T + r"\s+)?"
        + r"(?:(?:rotating|annual|pro[\s-]tempore|current)\s+)?"
        + r"(?:" + O + r"(?:'s)?\s+)?(?P<noun>" + CHAIR_NOUN + r"|" + r"it\b)", re.IGNORECASE)),
    # an apposition's state: "the host, Solomon Islands, takes over the rotating chair"
    ("chair.take", re.compile(
        r"(?<=,\s)(?:the\s+)?" + SA + r",\s+(?:(?:formally|officially|now|then|also|\w+ly)\s+)?"
        + _TAKE + r"\s+(?:over\s+)?(?:(?:the|its)\s+)?(?:(?:rotating|annual|pro[\s-]tempore)\s+)?"
        + r"(?:" + O + r"(?:'s)?\s+)?(?P<noun>" + CHAIR_NOUN + r")", re.IGNORECASE)),
    # "Malta took over as chair of the OSCE"
    ("chair.as-chair", re.compile(
        # not the predecessor: "X took over from Samoa as chair" (the taker is X)
        r"(?<!\bfrom\s)(?<!\bfollows\s)(?<!\bfollowed\s)(?<!\bsucceeds\s)(?<!\bsucceeded\s)"
        r"(?<!\breplaces\s)(?<!\breplaced\s)" + SA + r",?(?:" + _GAP + r"(?:t(?:ook|akes?)\s+over"
        r"(?:\s+from\s+(?:the\s+)?\u27e6[SA]\d+\u27e7(?:\s+side)?)?|(?:was|were|is|has\s+been)\s+(?:elected|"
        r"confirmed|chosen|designated|named|appointed)|became|becomes|serv(?:es|ed|e|ing))\s+|"
        r"\s+(?=as\s))(?:as\s+)?(?:the\s+)?(?:new\s+|incoming\s+|next\s+)?(?:\u27e6O\d+\u27e7\s+)?"
        r"(?:chair|chairman|chairperson|president)\b(?!\s+of\s+(?:the\s+)?(?:\u27e6O\d+\u27e7\s+)?(?:commission|organ|"
        r"committee|republic|government))"
        # "as president of the ASEAN dialogue": an office of something the body runs
        r"(?!\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7\s+(?!summit|meeting|session|assembly|authority|council|heads|in\b|on\b|for\b|at\b"
        r"|and\b|this\b|next\b|until\b|from\b)[a-z])",
        re.IGNORECASE)),
    # "Armenia chaired the CSTO last year", "Russia will chair in 2025"
    ("chair.verb", re.compile(SA + _GAP + r"(?P<verb>" + _INTRINSIC + r")\b", re.IGNORECASE)),
    # "Poland takes over for the first half of 2025" (the noun was in an earlier clause)
    ("chair.takes-over", re.compile(
        SA + _GAP + r"(?:t(?:ook|akes?|aking|aken)\s+over|will\s+take\s+over)\b"
        r"(?!\s+(?:the|its|a)\s)"
        r"(?:\s+(?:(?:in|on|for|from|until)\s+(?:the\s+)?)?" + T + r")?", re.IGNORECASE)),
    # "under Kazakhstan's chairmanship", "the Hungarian presidency"
    ("chair.possessive", re.compile(
        r"(?:" + S + r"'s|" + A + r")\s+(?:[\w-]+\s+)?(?:" + T + r"\s+)?(?:" + O + r"\s+)?"
        r"(?:rotating\s+|year-long\s+)?(?:chairmanship|presidency)\b", re.IGNORECASE)),
    # "thanked Uzbekistan for its chairmanship, which began in November 2022"
    ("chair.possessive", re.compile(
        SA + r"\s+for\s+its\s+(?:(?:rotating|successful|year-long)\s+)?"
        r"(?:chairmanship|presidency)\b",
        re.IGNORECASE)),
    # "under the chairmanship of Kazakhstan"
    ("chair.of-state", re.compile(
        r"(?:chairmanship|presidency)\s+of\s+(?:the\s+)?" + S + r"(?!\s*(?:of|'s))",
        re.IGNORECASE)),
    # "outgoing chair Belarus", "Belarus, the outgoing chair"
    ("chair.outgoing", re.compile(
        r"outgoing\s+(?:chair|chairman|president|presidency|holder),?\s+(?:the\s+)?" + SA
        + r"|" + SA + r",\s+(?:the\s+)?(?:(?:outgoing|incoming|current|host|new)\s+(?:and\s+)?)+"
        r"(?:chair|chairman|holder|presidency)\b",
        re.IGNORECASE)),
    # "Kazakhstan handed the rotating chairmanship to China", "passes baton to Kazakhstan"
    ("chair.handover", re.compile(
        SA + r"(?:[^;]{0,120}?)\b(?:hand(?:s|ed|ing)?(?:\s+over)?|pass(?:es|ed|ing)?(?:\s+on)?|"
        r"transfer(?:s|red|ring)?|giv(?:es|ing)|gave|cede[sd]?)\b[^;]{0,80}?\bto\s+"
        r"(?:(?:the|his|her|its|their)\s+)?(?:(?:incoming|new)\s+)?(?:chair\s+)?" + SA,
        re.IGNORECASE)),
    # "receiving it from Italy", "taking over from Romania", "succeeding Belgium"
    ("chair.from", re.compile(
        r"(?:(?:(?:t(?:ook|akes?|aking|aken)|assum(?:ed|es|ing))\s+(?:it\s+|over\s+|the\s+"
        r"(?:\u27e6O\d+\u27e7(?:'s)?\s+)?"
        + CHAIR_NOUN
        # "took over the chair of the Forum from Samoa"
        + r"(?:\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7)?\s+){0,2}(?:over\s+)?"
        r"(?:(?:on\s+|in\s+)?\u27e6T\d+\u27e7\s+)?|receiv(?:ed|es|ing)\s+"
        r"(?:it|the\s+\w+)\s+|(?:chairmanship|presidency|chair|baton)\s+)from|succeed(?:ed|s|ing)|"
        r"replac(?:ed|es|ing))\s+(?:the\s+)?(?:(?:chairmanship|presidency)\s+of\s+(?:the\s+)?)?"
        + SA, re.IGNORECASE)),
    # "the chairmanship that Moscow has held since 1 January"
    ("chair.relative", re.compile(
        r"(?:chairmanship|presidency|chair)(?:\s+of\s+(?:the\s+)?" + ANY + r")?"
        r"\s+(?:that|which)\s+" + SA + r"\s+(?:has\s+|had\s+|"
        r"will\s+)?(?:held|holds|hold|took\s+over|assumed|assumes|took|takes)\b",
        re.IGNORECASE)),
    # "the chairmanship was held by Tajikistan"
    ("chair.passive", re.compile(
        r"(?:(?:chairmanship|presidency|chair)(?:\s+of\s+(?:the\s+)?" + ANY + r")?|" + O + r")\s+"
        r"(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:(?:currently|now|still|this\s+year)\s+)?"
        r"(?:held|taken\s+over|assumed|taken|chaired|presided\s+over|led|headed|exercised|"
        r"carried\s+out|performed|steered)\s+by\s+(?:the\s+)?"
        r"\u27e6[SA](?P<chair>\d+)\u27e7",
        re.IGNORECASE)),
    # an earlier holder named by the office: "the previous presidency, held by Belarus",
    # "the preceding chair, Kazakhstan,"
    ("chair.previous", re.compile(
        r"\b(?:previous|outgoing|preceding|former|last|past)\s+(?:(?:rotating|annual|"
        r"six-month|one-year|year-long)\s+)?(?:chairmanship|presidency|chair)"
        r"(?:\s+of\s+(?:the\s+)?" + ANY + r")?(?:,?\s+(?:which\s+was\s+|that\s+was\s+)?"
        r"(?:held|led|exercised|steered)\s+by|,)\s+(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7",
        re.IGNORECASE)),
    # the chairmanship as the subject: "the chairmanship of the Conference for 2024-2026 was
    # formally transferred to Azerbaijan", "the presidency passed from India to Astana"
    ("chair.passed-to", re.compile(
        _CHAIR_HEAD + r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
        r"(?:" + ANY + r"|summit|council|session|bloc|union|group|organi[sz]ation)"
        # "the chairmanship of the Presidential Council, the Council of Foreign Ministers and
        # the Commission will pass to Bolivia": the organs listed
        r"(?:(?:,|,?\s+and)\s+(?:of\s+)?the\s+(?:[A-Z][\w']*\s+){0,5}?(?:Council|Commission|Assembly|"
        r"Conference|Secretariat|Summit|Committee|Parliament|Court)(?:\s+of\s+[A-Z][\w']*(?:\s+[A-Z][\w']*){0,2})?)*)?"
        r"(?:\s+(?:(?:for|in|from|on)\s+)?" + T + r")?,?\s+(?:(?:was|were|is|has\s+been|will\s+be|"
        r"had\s+been|formally|officially|then|now|duly|will|is\s+due\s+to|is\s+set\s+to|"
        r"is\s+expected\s+to|is\s+to|shall|be)\s+)*" + _PASS
        + r"(?:\s+(?:on|in|from)\s+" + T
        + r")?(?:\s+from\s+(?:the\s+)?(?:Republic\s+of\s+)?" + SA + r")?\s+to\s+(?:the\s+)?"
        r"(?:Republic\s+of\s+)?\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # the body or its gathering hands its own chair on: "At its November summit in Oslo the
    # Nordic Council passed the presidency to Iceland", "The CSTO leaders meeting in Minsk on
    # 23 November handed the chairmanship to Kazakhstan" (no state in between: that one gives)
    ("chair.passed-to", re.compile(
        r"(?:\b(?:at|during)\s+(?:its|the)\s+(?:\w+\s+){0,2}?" + T + r"\s+(?:[^;,\u27e6]|"
        r"\u27e6[CT]\d+\u27e7){0,40}?)?" + O + r"(?:'s)?(?:[^;,\u27e6]|\u27e6[CT]\d+\u27e7){0,80}?"
        r"\b(?:hand(?:s|ed)|pass(?:es|ed)|transfer(?:s|red)|gave|gives)(?:\s+over|\s+on)?\s+"
        r"(?:the|its)\s+(?:(?:rotating|annual|one-year|year-long)\s+)?" + _CHAIR_HEAD
        + r"\s+to\s+(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # "decided to hand the presidency of the bloc over to Bolivia from 1 January"
    ("chair.passed-to", re.compile(
        r"\bhand(?:s|ed|ing)?\s+(?:the\s+)?(?:(?:rotating|annual|pro\s+tempore)\s+)?" + _CHAIR_HEAD
        + r"(?:\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7)?\s+over\s+to\s+(?:the\s+)?"
        r"\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # "the presidency of the summit passed to Iraq from Bahrain": Bahrain held it before
    ("chair.from", re.compile(
        _CHAIR_HEAD + r"[^;]{0,60}?\b" + _PASS + r"\s+to\s+(?:the\s+)?\u27e6[SA]\d+\u27e7\s+from\s+"
        r"(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # "the presidency passed from India to Astana": India held it before
    ("chair.from", re.compile(
        _CHAIR_HEAD + r"[^;]{0,40}?\b" + _PASS + r"\s+from\s+(?:the\s+)?" + SA + r"\s+to\b",
        re.IGNORECASE)),
    # "Kyrgyzstan will steer the Organization of Turkic States through 2025"
    ("chair.verb", re.compile(
        SA + _GAP + r"(?P<verb>steer(?:s|ed|ing)?|head(?:s|ed)?|lead(?:s)?|led)\s+(?:the\s+)?"
        + O, re.IGNORECASE)),
    # "closed Kyrgyzstan's year at the head of the alliance", "Tonga's term in the chair"
    ("chair.possessive", re.compile(
        S + r"'s\s+(?:\w+\s+){0,2}?(?:year|term|tenure|stint|months?)\s+"
        r"(?:(?:at\s+the\s+(?:head|helm)|in\s+the\s+chair|as\s+(?:the\s+)?chair)"
        r"(?:\s+of\s+(?:the\s+)?" + O + r")?)",
        re.IGNORECASE)),
    # "Hungary today began its six-month turn at the head of the Council", "Cyprus opens its
    # term in the chair": the turn begins at the report unless a date is stated
    ("chair.turn", re.compile(
        SA + r"\s+(?:(?:[\w-]+|\u27e6T\d+\u27e7)\s+){0,2}?(?:began|begins|started|starts|"
        r"opened|opens|assumed|assumes|took\s+up|takes\s+up|has\s+(?:begun|started|opened|assumed|taken\s+up))\s+"
        r"(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:turn|term|year|stint|tenure|months?)\s+"
        r"(?:at\s+the\s+(?:head|helm)|in\s+the\s+chair|as\s+(?:the\s+)?(?:rotating\s+)?"
        r"(?:chair|president|presidency|holder)|holding\s+the\s+(?:rotating\s+)?"
        r"(?:presidency|chair(?:manship)?))(?:\s+of\s+(?:the\s+)?" + O + r")?",
        re.IGNORECASE)),
    # "Angola is the current chairperson of the African Union"
    ("chair.is-chair", re.compile(
        SA + r"\s+(?:is|was|remains)\s+(?:now\s+)?(?:the\s+)?(?:(?:current|new|incoming|"
        r"rotating)\s+)?(?:chair|chairman|chairperson|chair\s+country)\s+of\s+(?:the\s+)?" + O
        # "Malaysia is the current chair.", "Malaysia is this year's chair"
        + r"|" + SA + r"\s+(?:is|was|remains)\s+(?:now\s+)?(?:the\s+|\u27e6T\d+\u27e7['\u2019]s\s+|"
        r"\u27e6O\d+\u27e7['\u2019]s\s+)(?:(?:current|new|rotating|present)\s+)*(?:chair|chairman|"
        r"chair\s+country|presiding\s+country|holder\s+of\s+the\s+(?:rotating\s+)?(?:chair|"
        r"chairmanship|presidency))(?=\s*[.;,]|\s*$|\s+(?:for|in|since|from|until)\s+\u27e6T)"
        # "The current chair is Malaysia", "This year's chair is Malaysia"
        r"|(?:^|(?<=[,;:]\s))(?:(?:the|its)\s+|\u27e6T\d+\u27e7['\u2019]s\s+|\u27e6O\d+\u27e7['\u2019]s\s+)"
        r"(?:(?:current|present|rotating|new)\s+)*(?:chair(?:man|manship)?|presidency|chair\s+country|"
        r"presiding\s+country|holder\s+of\s+the\s+(?:rotating\s+)?(?:chair|chairmanship|presidency))"
        r"(?:\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7)?(?:\s+(?:(?:for|in)\s+)?\u27e6T\d+\u27e7)?"
        r"\s+(?:is|was)\s+(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7(?!['\u2019]s)",
        re.IGNORECASE)),
    # "Angola, this year's holder of the rotating presidency", "the presiding country, Angola"
    ("chair.holder", re.compile(
        SA + r",\s+(?:the\s+)?(?:this\s+year's|\u27e6T\d+\u27e7's|current|present)\s+"
        r"(?:\u27e6O\d+\u27e7(?:'s)?\s+)?(?:rotating\s+)?(?:holder|chair|chair\s+country)"
        r"(?:\s+of\s+(?:the\s+)?(?:rotating\s+)?(?:chairmanship|presidency|chair))?"
        r"|\b(?:presiding|chairing)\s+(?:country|state|nation),?\s+(?:the\s+)?" + SA,
        re.IGNORECASE)),
    # the chair named in apposition to its office: "the current holder of the rotating
    # presidency, Kazakhstan, ...", "The chair of the SCO, Kazakhstan, hosted", "As SCO
    # chair, Kazakhstan put security first", "In its capacity as chair, Astana ..."
    ("chair.holder", re.compile(
        r"(?:^|(?<=[,;:(]\s)|\b(?:[Aa]s|[Cc]apacity\s+as|[Tt]he|[Ii]ts)\s+)"
        r"(?<!outgoing\s)(?<!previous\s)(?<!former\s)(?<!next\s)(?<!last\s)(?<!incoming\s)"
        r"(?:(?:the|its)\s+)?(?:\u27e6O\d+\u27e7(?:'s)?\s+)?(?:(?:current|present|sitting|"
        r"rotating|this\s+year's|\u27e6T\d+\u27e7['\u2019]s)\s+)*(?:holder\s+of\s+the\s+(?:rotating\s+)?(?:chairmanship|"
        r"presidency|chair)|chair(?:man)?(?:\s+country)?|presiding\s+(?:country|state)|"
        r"chairing\s+(?:country|state))(?:\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7)?"
        r"(?:\s+(?:for|in)\s+\u27e6T\d+\u27e7)?,\s+(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7"
        r"(?!\s*'s|\s+(?:and|or)\s)", re.IGNORECASE)),
    # "Kazakhstan, the SCO's chair for 2023-2024,", "Kazakhstan, the 2024 chair,"
    ("chair.holder", re.compile(
        SA + r",\s+(?:the\s+)?(?:\u27e6O\d+\u27e7(?:'s)?\s+)?(?:(?:current|present|sitting|"
        r"rotating|\u27e6T\d+\u27e7)\s+)*(?:chair|chairman|holder|chair\s+country|presiding\s+"
        r"country)(?:\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7)?(?=\s+(?:for|in|from|between)\s+\u27e6T|\s*,)",
        re.IGNORECASE)),
    # "The SCO chairmanship now rests with Kazakhstan", "the presidency lies with Hungary"
    ("chair.holder", re.compile(
        r"(?:chairmanship|presidency|chair)(?:\s+of\s+(?:the\s+)?" + ANY + r")?\s+(?:(?:now|"
        r"currently|still|this\s+year)\s+)?(?:rests|lies|resides|sits)\s+with\s+(?:the\s+)?"
        r"\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # "The SCO, chaired this year by Kazakhstan, met in Astana"
    ("chair.holder", re.compile(
        O + r",\s+(?:(?:currently|now|this\s+year)\s+)?(?:chaired|presided\s+over|led)\s+"
        r"(?:(?:this\s+year|\u27e6T\d+\u27e7|currently)\s+)?by\s+(?:the\s+)?"
        r"\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # "It is now China's turn to lead the SCO", "China's turn to chair comes next"
    ("chair.turn", re.compile(
        S + r"'s\s+turn\s+(?:to\s+(?:chair|lead|preside(?:\s+over)?|hold\s+the\s+(?:rotating\s+)?"
        r"(?:chair|chairmanship|presidency))|at\s+the\s+(?:helm|head)|in\s+the\s+chair)",
        re.IGNORECASE)),
    # "Kazakhstan was the first state to preside in the CICA, in 2002"
    ("chair.verb", re.compile(
        SA + r"\s+(?:was|is|became)\s+(?:also\s+)?the\s+(?:first|second|third|last|latest|\w+th)\s+"
        r"(?:[\w-]+\s+)?(?:state|country|nation|member)\s+to\s+(?P<verb>chair|preside(?:\s+over|\s+in)?|"
        r"hold\s+the\s+(?:rotating\s+)?(?:chair|chairmanship|presidency)|lead)\b", re.IGNORECASE)),
    # "Azerbaijan, in the chair since 2024, hosted the talks"
    ("chair.holder", re.compile(
        SA + r",\s+(?:(?:now|currently|itself)\s+)?(?:in\s+the\s+chair|at\s+the\s+(?:helm|head)"
        r"(?:\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7)?)(?=\s+(?:since|from|for|in|until)\s+\u27e6T|,)",
        re.IGNORECASE)),
    # "Angola stepped in for Ghana as the state that will chair the African Union in 2025"
    ("chair.as-state", re.compile(
        SA + r"[^,;]{0,40}?\bas\s+the\s+(?:state|country|nation)\s+(?:that|which|to)\s+"
        r"(?:will\s+)?(?:chair|preside\s+over|hold\s+the\s+(?:chair|presidency))", re.IGNORECASE)),
    # "Angola succeeds Mauritania at the helm of the African Union"
    ("chair.succeeds", re.compile(
        SA + _GAP + r"(?:succeed(?:s|ed|ing)?|replac(?:es|ed|ing)|follow(?:s|ed)?)\s+(?:the\s+)?"
        + SA + r"(?:'s\s+\S+)?\s+(?:at\s+the\s+"
        r"(?:helm|head)|as\s+(?:the\s+)?(?:new\s+|rotating\s+)?(?:\u27e6O\d+\u27e7\s+)?(?:chair|chairman|chairperson|president|holder)|in\s+the\s+"
        r"(?:chair|presidency)"
        # "Switzerland follows Finland in 2026" after a sentence about the chair
        r"|(?=(?:in|from)\s+\u27e6T\d+\u27e7\s*[.;]?\s*$))", re.IGNORECASE)),
    # "the Icelandic prime minister, whose country steered the Nordic Council last year"
    ("chair.whose-country", re.compile(
        SA + r"(?:'s)?\s+(?:[\w-]+\s+){0,3}?(?:president|prime\s+minister|leader|king|emir|"
        r"minister|counterpart|delegation|envoy)[^,;]{0,40},?\s+whose\s+country\s+"
        r"(?:(?:has|had|also|currently|will)\s+)*(?:chairs|chaired|chair|steered|steers|leads|led|"
        r"holds|held|presides|presided|took\s+over)\b", re.IGNORECASE)),
    # "The presidency rotates every six months. In December it will pass to Argentina."
    ("chair.it-passes", re.compile(
        r"\bit\s+(?:(?:will|is\s+due\s+to|is\s+set\s+to|then|now)\s+)*" + _PASS
        + r"\s+to\s+(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7"
        # "Ukraine did not take the chairmanship, and then it was assumed by Belarus"
        r"|\bit\s+(?:was|has\s+been|had\s+been)\s+(?:then\s+)?(?:assumed|taken\s+over|taken|held)\s+"
        r"by\s+(?:the\s+)?\u27e6[SA](?P<chair_b>\d+)\u27e7", re.IGNORECASE)),
    # "so the Dominican Republic is next in line from January"
    ("chair.next-in-line", re.compile(SA + r"\s+(?:is|was)\s+next\s+in\s+line\b(?!\s+to\s+(?!chair|"
                                      r"hold|take))", re.IGNORECASE)),
    # "Earlier chairs of the Conference were Kazakhstan, Turkey, China and Tajikistan"
    ("chair.past-list", re.compile(
        r"\b(?:earlier|previous|past|former|recent|prior)\s+(?:(?:rotating|annual)\s+)?"
        r"(?:chairs|chairmen|presidencies|holders|chairmanships|chair\s+countries|"
        r"presiding\s+countries)(?:\s+of\s+(?:the\s+)?(?:(?:rotating|annual)\s+)?"
        r"(?:chairmanship|presidency|chair|" + ANY + r"))?(?:\s+of\s+(?:the\s+)?" + ANY
        + r")?\s+(?:were|have\s+been|had\s+been|included|include|have\s+included|"
        r"comprise)(?:\s*:)?\s+(?:the\s+)?\u27e6[SA](?P<chair>\d+)\u27e7", re.IGNORECASE)),
    # "South Africa's Cyril Ramaphosa, whose country currently chairs the G20"
    ("chair.whose-country", re.compile(
        SA + r"'s?\s+(?:[A-Z][\w'\u00c0-\u024f-]+\s+){0,3}[A-Z][\w'\u00c0-\u024f-]+,\s+whose\s+"
        r"(?:country|government|nation)\s+(?:(?:has|had|also|currently|will|now)\s+)*"
        r"(?:chairs|chaired|chair|steered|steers|leads|led|holds|held|presides|presided|"
        r"took\s+over)\b")),
    # "China, whose 2024-2025 chairmanship of the SCO ends in Tianjin", "Warsaw, whose
    # presidency ended on Monday"
    ("chair.whose-term", re.compile(
        SA + r",\s*whose\s+(?:(?:\u27e6T\d+\u27e7|rotating|six-month|one-year|year-long|current|"
        r"annual|first|second)\s+)*(?:\u27e6O\d+\u27e7\s+)?(?:chairmanship|presidency)\b",
        re.IGNORECASE)),
    # "Madagascar will host the 45th summit in August 2025 and take over the chair then"
    ("chair.host-and-take", re.compile(
        SA + r"\s+(?:(?:will|is\s+to|shall|is\s+due\s+to|\w+ly)\s+)*(?:host|hold|convene|"
        r"organi[sz]e)s?\s+(?:(?:[^,;\u27e6]|\u27e6[COT]\d+\u27e7){0,80}?\s)?(?:in|on)\s+"
        r"(?P<t>\u27e6T\d+\u27e7)(?:\s+(?:in|at)\s+(?:(?:[^,;\u27e6]|\u27e6C\d+\u27e7){0,30}?))?,?\s+"
        r"and\s+(?:(?:will|then|also)\s+)*(?:take\s+over|assume|take\s+up|take)\s+(?:the\s+)?"
        + CHAIR_NOUN, re.IGNORECASE)),
    # "Bola Tinubu, President of Nigeria and Chairman of the Authority": the state's leader
    # in the body's chair
    ("chair.title-and-chair", re.compile(
        r"\b(?:President|Prime\s+Minister|Head\s+of\s+State|King|Emir|Sultan)\s+of\s+(?:the\s+)?"
        r"\u27e6S(?P<chair>\d+)\u27e7,?\s+and\s+(?:the\s+)?(?:current\s+|sitting\s+)?"
        r"(?:Chair|Chairman|Chairperson|Chairwoman)\s+of\s+(?:the\s+)?(?:Authority|Assembly|"
        r"Summit|Conference|\u27e6O\d+\u27e7)\b(?!\s+(?:Commission|Committee|Organ))")),
    # "Ireland will follow in the second half of 2026" after a sentence about the chair
    ("chair.follows", re.compile(SA + _GAP + r"follow(?:s|ed)?(?=\s+(?:in|from|on)\s+(?:the\s+)?"
                                 r"\u27e6T\d+\u27e7\s*[.;]?\s*$)", re.IGNORECASE)),
    # "followed by Slovenia in September", "then Denmark"
    ("chair.followed", re.compile(r"followed\s+by\s+" + SA + r"(?:\s+in\s+" + T + r")?",
                                  re.IGNORECASE)),
    # a turn in a sequence, dated: "Kuwait follows in 2024", "Oman is next in 2025"
    ("chair.follows", re.compile(SA + r"\s+(?:then\s+)?(?:follows|will\s+follow|comes\s+next|"
                                 r"is\s+(?:up\s+)?next|takes\s+(?:its|the)\s+turn)\s+(?:in|for)\s+"
                                 r"(?:the\s+)?" + T, re.IGNORECASE)),
]
# a chair that is still to come: "Russia will chair", "is due to take over"
_WILL = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due\s+|set\s+|scheduled\s+)?to)\b",
                   re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|to|next|is due|due to|shall)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|through|ending|ends?|ended|to)\s+"
                    r"(?:the\s+(?:end|middle)\s+of\s+)?"
                    r"(?:the\s+)?$", re.IGNORECASE)
_UNTIL_FAR = re.compile(r"\b(?:until|till)\b(?![^,;]*\b(?:from|since|for|starting|when|on)\b)"
                        r"(?:(?!\u27e6T)[^,;]){0,40}$",
                        re.IGNORECASE)
_FOR_MONTH = re.compile(r"\bfor\s+(?:the\s+month\s+of\s+)?$", re.IGNORECASE)
_FOR_THE = re.compile(r"\bfor\s+the\s+$", re.IGNORECASE)
# How long a rotating chair is held where it is not a year (organisations.csv): the
# predecessor of a chair that began on a known date began one term earlier.


def _rotation_months(org: str, default: int | None = 12) -> int | None:
    """How long the body's rotating chair lasts, from the organisations table."""
    return reference.chair_term_months(org) or default


# Where the stretch that may date a chair phrase stops: a relative clause about something
# else, or another state. A clause that goes on about the chair ("X, the outgoing chair, who
# led the union throughout 2023") and a predecessor ("took over from Y in May") do not stop it.
_STRETCH_STOP = re.compile(
    # "took the chair from Armenia, chair since November 2021": the giver's own term
    r",\s+(?:the\s+)?(?:outgoing\s+|previous\s+)?(?:chair(?:man|person|woman)?|president|"
    r"holder)\s+(?:since|from|in|for|through)\b|"
    r",\s+(?!(?:which|who|whose|and|but|while)\b)[a-z]+ed\b|"
    + SA + r"(?=,\s*(?:which|who|whose)\b)|,\s*(?:which|who|whose)\b"
    r"(?!\s+(?:country\s+|\w+ly\s+|also\s+|has\s+|had\s+|will\s+)*"
    r"(?:chair|led|lead|held|hold|presid|took\s+over|takes\s+over|assum|steer|head))"
    r"|(?<!from\s)(?<!from\sthe\s)(?<!succeeding\s)(?<!replacing\s)" + SA, re.IGNORECASE)


_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b", re.IGNORECASE)
# the predecessor's own relative clause with a date: "from Malaysia's envoy, Dato' Ramlan,
# who held the presidency for the month of June", "from Bahrain, which chaired in 2024"
_PREDECESSOR_DATED = re.compile(
    r"(?:'s\s+[^,;]{1,60})?(?:,\s+[^,;\u27e6]{1,40})?(?P<rel>,\s*(?:(?:which|who)\s+(?:had\s+|has\s+)?"
    r"(?:held|chaired|presided|hosted|led|steered|took|ran|headed|helmed|guided)|"
    # "from India, whose term had run from July 2023"
    r"whose\s+(?:\w+\s+)?(?:term|presidency|chairmanship|tenure|turn|year)\s+(?:had\s+|has\s+)?"
    r"(?:run|ran|lasted|covered|spanned|began|started|opened))\b)"
    r"(?:[^;,\u27e6]|\u27e6[CO]\d+\u27e7){0,60}?"
    r"\u27e6T\d+\u27e7",
    re.IGNORECASE)
_PREDECESSOR_CLAUSE = re.compile(r"\bfrom\s+(?:the\s+)?\u27e6[SA]\d+\u27e7(?:,\s+[^,;]{1,50})?"
                                 r"(?=,\s*(?:which|who|whose)\b)", re.IGNORECASE)


def _next_state(sentence: Masked, start: int, end: int) -> int:
    m = _STRETCH_STOP.search(sentence.masked, start, end)
    stop = m.start() if m else end
    clause = _PREDECESSOR_CLAUSE.search(sentence.masked, start, stop)
    return clause.end() if clause else stop


# what a "whose presidency" clause goes on to say: it is over, or when it began
_TERM_OVER = re.compile(
    r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?\u27e6O\d+\u27e7)?(?:\s+under\s+[^,;]{0,60}?)?"
    r"\s+(?:has\s+|had\s+|just\s+)*(?:ended|expired|finished|closed|concluded|wound\s+up)\b"
    r"(?:\s+(?:on|in)\s+(?P<t>\u27e6T\d+\u27e7))?", re.IGNORECASE)
_TERM_BEGUN = re.compile(
    r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?\u27e6O\d+\u27e7)?\s+(?:has\s+|had\s+)?"
    r"(?:began|begun|started|opened)\s+(?:on\s+|in\s+)?(?P<t>\u27e6T\d+\u27e7)", re.IGNORECASE)


def _gap_period(sentence: Masked, verb_at: int, subject_at: int, left: int) -> tuple[
    str | None, str | None, bool
]:
    """A date between subject and verb ("Russia on Monday took over") or "in T, when S"."""
    masked = sentence.masked
    m = re.search(r"\bon\s+" + T, masked[subject_at:verb_at])
    if m and not _RELATIVE.search(masked, subject_at, subject_at + m.start()):
        # (not "Croatia, which became a member on 1 July 2013, presides": the clause's date)
        d = sentence.item(m.group(1)).date
        return d.start, None, True
    m = re.search(T + r"\s+saw\s+$", masked[left:subject_at])
    if m:  # "2024 saw Angola preside over the union"
        d = sentence.item(m.group(1)).date
        return d.start, d.end, True
    m = re.search(T + r"(?:\s+(?!when\b)[\w-]+){0,3}?(?:\s+(?:in|at)\s+(?:the\s+)?"
                  r"(?:[\w-]+\s+){0,2}?\u27e6C\d+\u27e7)?,?\s+when\s+$", masked[left:subject_at])
    if m:
        d = sentence.item(m.group(1)).date
        # "in 2024, when Manama will take over": when it begins, not how long it lasts
        return d.start, None, True
    return None, None, False


_EU = {"EU": "Council of the EU"}


def _org_for(sentence: Masked, position: int, ctx: Context, near_only: bool = False) -> str | None:
    org = _org_near(sentence, position, ctx, near_only)
    return _EU.get(org or "", org)


def _org_near(sentence: Masked, position: int, ctx: Context, near_only: bool) -> str | None:
    """The body a chair phrase at `position` is about: named after it, before it, or the topic."""
    after = sentence.masked[position:position + 160]
    m = _OF_ORG.match(after)
    if m:
        return sentence.org(m.group(1))
    before = sentence.masked[max(0, position - 60):position]
    m = _ORG_BEFORE.search(before)
    if m:
        return sentence.org(m.group(1))
    if near_only:
        return ctx.topic_org
    # only bodies of the same clause: "X follows with the presidency for 2025, so that three
    # BRICS members ..." is not a BRICS presidency
    masked = sentence.masked
    stop = _CLAUSE_STOP.search(masked, position)
    clause_end = stop.start() if stop else len(masked)
    clause_start = max(masked.rfind(";", 0, position), masked.rfind(":", 0, position), 0)
    # "Malta's Permanent Representative to the UN took over the council presidency": the body
    # an envoy is accredited to is not the one chaired
    tokens = [(pos, i) for pos, _, i in sentence.tokens("O", clause_start, clause_end)
              if not _ENVOY_TO.search(masked, max(0, pos - 40), pos)]
    if not tokens:
        return ctx.topic_org
    orgs = [o for _, i in tokens if (o := sentence.org(i))]
    if len(set(orgs)) == 1:
        return orgs[0]
    if orgs:
        # the nearest one after the phrase, else the nearest before it
        for pos, i in tokens:
            if pos >= position:
                return sentence.org(i)
        return orgs[-1]
    return ctx.topic_org


# the body written just before a chair noun: "takes ⟦O1⟧ helm", "assumes ⟦O1⟧'s presidency"
_BODY_OF_NOUN = re.compile(r"\u27e6O(\d+)\u27e7(?:'s)?\s+"
                           r"(?:(?:rotating|annual|pro[\s-]tempore)\s+)?$")
_ENVOY_TO = re.compile(r"\b(?:[Rr]epresentative|[Aa]mbassador|[Ee]nvoy|[Mm]ission|[Dd]elegate)s?\s+"
                       r"(?:to|at)\s+(?:the\s+)?$")
_CLAUSE_STOP = re.compile(r"[;:]|,\s+(?:so|while|but|whereas|because|although|though|even)\b")




_NEXT_TOKEN = re.compile(r"\u27e6[A-Z]+\d+\u27e7\s*\u27e6T(\d+)\u27e7")


def _year_after(sentence: Masked, pos: int, text: str) -> str | None:
    """The year a relative year right after a date without its own year gives it: in "on
    1 December this year" the masker leaves "1 December" and "this year" apart, and the day
    took the year of the date before it in the sentence."""
    if re.search(r"\d{4}", text):
        return None
    m = _NEXT_TOKEN.match(sentence.masked, pos)
    if m is None:
        return None
    after = sentence.item(m.group(1)).date
    if after is None or after.kind != "relyear" or not re.fullmatch(r"\d{4}", after.start):
        return None
    return after.start


_FOUNDING = re.compile(r"\b(?:since|after)\s+(?:its|the\s+\w+'s|the)\s+(?:founding|foundation|"
                      r"creation|establishment|inception|birth|launch)\s+(?:in\s+\u27e6C\d+\u27e7\s+)?"
                      r"(?:in\s+|on\s+)?$", re.IGNORECASE)


def _period(sentence: Masked, start: int, end: int, through_year: bool = False
            ) -> tuple[str | None, str | None, bool]:
    """(start, end, explicit) of the first date in masked[start:end]; with `through_year`, a
    term held "through 2024" (no other date) is that year's: "had led the body through 2024"."""
    through: tuple[str | None, str | None, bool] = (None, None, False)
    for pos, _, i in sentence.tokens("T", start, end):
        d = sentence.item(i).date
        assert d is not None
        first, last = d.start, d.end
        lead = sentence.masked[max(0, pos - 30):pos]
        year = _year_after(sentence, pos, d.text)
        if year:  # "on 1 December this year": the day is of the year written after it
            first, last = year + first[4:], last and year + last[4:]
        if _FOUNDING.search(sentence.masked, max(0, pos - 60), pos):
            continue  # "led it for the fifth time since its founding in 1967": not the term
        ends_here = _UNTIL.search(lead) or _UNTIL_FAR.search(sentence.masked, max(0, pos - 70),
                                                             pos)
        if ends_here and not re.search(r"\bfrom\s+$", lead):
            if through_year and d.kind == "year" and re.search(r"\bthrough\s+$", lead) \
                    and not through[2]:
                through = (d.start, d.end, True)
            continue  # "until November": where it ends, not where it starts
        if d.kind == "relyear" and _FOR_THE.search(lead) and re.match(r"(?i)next|coming|following",
                                                                       d.text):
            # "for the next year" is the twelve months from now, not next calendar year
            first = last = str(int(first) - 1)
        if re.search(r"(?:since|from|starting|beginning|as\s+of)\s+(?:\w+\s+)?$", lead,
                     re.IGNORECASE) and (len(first) == 10 or d.kind != "relyear"):
            last = None  # "since 2020": when it began, not a one-year term
        elif re.search(r"\bsince\s+the\s+(?:(?!\u27e6T)[^,;.]){0,50}$",
                       sentence.masked[max(0, pos - 60):pos], re.IGNORECASE):
            last = None  # "since the 14th summit in Mecca in 2019"
        if d.kind in (*DAY_KINDS, "weekday") and not re.search(r"\bon\s+$", lead):
            last = None if not re.search(r"\b(?:for|in)\s+$", lead) else last
        if d.kind in (*DAY_KINDS, "weekday"):
            last = None
        if d.kind == "ago" and first and len(first) == 7:
            last = None  # "took over a year ago": when it began, the term still running
        if d.kind in ("my", "relmonth") and not _FOR_MONTH.search(lead):
            # "since July 2023", "in November": the month a chair began; only "for July"
            # (a monthly presidency) makes the month the whole term
            last = None
        return first, last, True
    return through


# a date opening the sentence ("Next year the chairmanship will pass to X")
# (or a clause: "The heads of state decided that in 2024 the chairmanship will pass to X")
_FRONT_DATE = re.compile(r"(?:^|\s[-\u2013\u2014]\s|\b(?:that|and)\s+(?=(?i:in|from|as\s+of|"
                         r"starting)\s))\s*(?:(?i:In|From|On|Since|As\s+of|Starting|"
                         r"During)\s+)?(?P<t>\u27e6T\d+\u27e7),?\s")

# "Iceland led the Nordic Council in 1998": leading a named body is chairing it (a delegation
# or talks led is not, so only the verb right before the body's name)
_LEADS_BODY = re.compile(r"\b(?:led|leads|headed|heads)\s+(?:the\s+)?\u27e6O\d+\u27e7")


# the next holder named in a fragment after a sentence about the chair: "Next in line:
# Tajikistan, in 2025", "A: Estonia, from July" (an interview's answer), "Then Peru."
_NEXT_FRAGMENT = re.compile(
    r"\s*(?:A\s*:|Answer\s*:|Next\s+in\s+line\s*[:\u2014-]|Next\s+up\s*[:\u2014-]|"
    r"Next\s*:|After\s+that\s*:|Then\s*:)\s*(?:the\s+)?\u27e6S(?P<chair>\d+)\u27e7"
    r"(?:,?\s*(?:(?:from|in|as\s+of|starting|starting\s+in)\s+)?(?P<t>\u27e6T\d+\u27e7))?"
    r"\s*[.!]?\s*$")


# a question about who holds the chair, and an answer that is a state alone (explainers)
_CHAIR_QUESTION = re.compile(
    r"\b(?i:who|which\s+(?:country|state|member))\s+(?i:chairs|holds\s+the\s+(?:chair|presidency|"
    r"chairmanship)|is\s+(?:the\s+)?chair(?:ing)?|presides\s+over|leads)\b[^?]*\?\s*$")
_ANSWER = re.compile(r"^\s*(?:A\s*:\s*)?(?:the\s+)?\u27e6S(?P<chair>\d+)\u27e7\s*[.!]?\s*$")


_IT = re.compile(r"^(\s*)(?:It|The\s+country|The\s+state)\b(?!')")


def _as_state_token(sentence: Masked, start: int, end: int, item: Item) -> Masked:
    """The sentence with masked[start:end] replaced by a state placeholder of its own."""
    items = [*sentence.items, item]
    masked = sentence.masked[:start] + f"\u27e6S{len(items) - 1}\u27e7" + sentence.masked[end:]
    return Masked(sentence.start, sentence.end, sentence.text, masked, items, sentence.in_title)


def _it_as_state(sentence: Masked, state: Entity) -> Masked:
    """ "It" opening the sentence after a one-state answer is that state."""
    m = _IT.match(sentence.masked)
    if m is None:
        return sentence
    return _as_state_token(sentence, m.end(1), m.end(),
                           Item("S", sentence.start, sentence.start, state.label, state))


# "It is Malaysia's fifth turn as chair; it took over this year from Laos": the pronoun of a
# second clause is the one state the first clause names
_CLAUSE_IT = re.compile(r"^(?:(?:It|This)\s+is\s+)?(?:the\s+)?\u27e6S(?P<s>\d+)\u27e7"
                        r"(?:['\u2019]s)?(?:[^;\u27e6]|\u27e6T\d+\u27e7)*?(?:;|,\s+and)\s+(?:then\s+)?(?P<it>it)\s+"
                        r"(?=(?:\w+\s+)?(?:took|takes|assumed|assumes|received|receives|inherited|"
                        r"holds|held|has\s+held|will\s+hand|handed|hands|passes|passed)\b)")


def _clause_it(sentence: Masked) -> Masked:
    m = _CLAUSE_IT.match(sentence.masked)
    if m is None or sentence.state(m.group("s")) is None:
        return sentence
    # a token of its own (the rules skip a state token already taken in the sentence)
    return _as_state_token(sentence, m.start("it"), m.end("it"), sentence.item(m.group("s")))


def _answer_chair(question: Masked, answer: Masked, ctx: Context, token: str
                  ) -> list[Chairmanship]:
    """The chair a one-state answer names, of the body and period its question asks about."""
    chair = answer.state(token)
    orgs = [o for _, _, i in question.tokens("O") if (o := question.org(i))]
    org = _EU.get(orgs[0], orgs[0]) if orgs else ctx.topic_org
    start, end, _ = _period(question, 0, len(question.masked))
    if not chair or not org:
        return []
    return [Chairmanship(org, chair, start, end, evidence=evidence(answer), origin="extracted",
                         confidence=0.7, rule="chair.answer")]


def _fragment_chair(sentence: Masked, ctx: Context, m: re.Match[str], org: str | None
                    ) -> list[Chairmanship]:
    """The next holder a fragment names; a month written without its year that is already
    behind the publication is next year's (the next holder's term is still to come)."""
    chair = sentence.state(m.group("chair"))
    start = None
    if m.group("t"):
        start, _, _ = _period(sentence, m.start("t"), m.end("t"))
        d = sentence.item(m.group("t")[2:-1]).date
        if start and ctx.published and d is not None and not re.search(r"\d{4}", d.text) \
                and len(start) == 7 and start < ctx.published.isoformat()[:7]:
            start = f"{int(start[:4]) + 1}{start[4:]}"
    if not chair or not org:
        return []
    return [Chairmanship(org, chair, start, None, evidence=evidence(sentence),
                         origin="extracted", confidence=0.6, rule="chair.next-fragment")]


_HELD_SINCE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:chaired|held|led|presided|headed)\b"
                         r"[^.;]*\bsince\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|shall|is\s+(?:due|set|to)|are\s+(?:due|set|to))\b", re.IGNORECASE)


def _since_last_year(facts: list[Chairmanship], sentence: Masked, published: date | None
                     ) -> None:
    """A chair held "since it took over in November", a month written without its year, in a
    report of spring, began in November of the year before: a term the sentence says is
    already held cannot start after the report."""
    if published is None or not _HELD_SINCE.search(sentence.masked) or _AHEAD.search(
            sentence.masked):
        return
    yearless = {d.start for _, _, i in sentence.tokens("T")
                if (d := sentence.item(i).date) is not None and not re.search(r"\d{4}", d.text)}
    month = published.isoformat()[:7]
    for fact in facts:
        if fact.start and len(fact.start) == 7 and fact.start > month and fact.start in yearless:
            fact.start = f"{int(fact.start[:4]) - 1}{fact.start[4:]}"


_HALF_YEAR = re.compile(r"\b(?:in|during|for|over)\s+the\s+(?P<half>first|second)\s+half\s+of\s+"
                        r"(?:the|this)\s+year\b", re.IGNORECASE)


def _half_of_year(facts: list[Chairmanship], sentence: Masked, published: date | None) -> None:
    """ "whose country held the presidency in the first half of the year": the masker reads no
    date there, yet it is the report's year's half, for the state named last before it."""
    m = _HALF_YEAR.search(sentence.masked)
    if published is None or m is None or len(_HALF_YEAR.findall(sentence.masked)) > 1:
        return
    before = [sentence.state(i) for _, _, i in sentence.tokens("SA", 0, m.start())]
    holder = next((st for st in reversed(before) if st), None)
    first = m.group("half").lower() == "first"
    year = published.year
    for fact in facts:
        if fact.chair == holder and fact.start is None:
            fact.start = f"{year}-01-01" if first else f"{year}-07-01"
            fact.end = f"{year}-06-30" if first else f"{year}-12-31"


_NTH_TIME = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|\w+th|\d+(?:st|nd|rd|th))\s+"
                       r"time\s+(?:that\s+)?(?:the\s+)?\u27e6S\d+\u27e7\s+(?:has|had|have)\s+"
                       r"(?:\w+\s+)?(?:held|chaired|taken|assumed|led|presided)", re.IGNORECASE)


def _counted_terms(facts: list[Chairmanship], sentence: Masked) -> list[Chairmanship]:
    """ "the second time that X has held the chairmanship (since 2011)" counts X's terms; it
    states no term of its own (the one held now is told elsewhere), so what it yields with
    no date or only a "since" date is dropped."""
    if not _NTH_TIME.search(sentence.masked):
        return facts
    return [f for f in facts if f.start and f.end]


def extract_chairs(ctx: Context) -> list[Chairmanship]:
    found: list[Chairmanship] = []
    takers: dict[str, Chairmanship] = {}  # the latest chair taken up, by body
    known = surnames(ctx)  # "Mauritania's ... Ghazouani": the state a surname stands for
    previous_keyword = False
    last_org: str | None = None  # the body of the previous sentence's chair facts
    question: Masked | None = None  # a question about the chair just before
    answered: Entity | None = None  # the state a one-state answer just named
    for sentence in ctx.sentences:
        masked = sentence.masked
        answer = _ANSWER.match(masked) if question is not None else None
        if answer:  # "## Who chairs ASEAN in 2025?" "Malaysia."
            found.extend(_answer_chair(question, sentence, ctx, answer.group("chair")))
            question, answered = None, sentence.item(answer.group("chair")).entity
            continue
        if answered is not None:  # "A: Kazakhstan. It took the chairmanship over ..."
            sentence, answered = _it_as_state(sentence, answered), None
            masked = sentence.masked
        question = sentence if _CHAIR_QUESTION.search(masked) else None
        fragment = _NEXT_FRAGMENT.match(masked) if last_org and previous_keyword else None
        if fragment:  # "Q: Who takes over? A: Estonia, from July." after a chair sentence
            found.extend(_fragment_chair(sentence, ctx, fragment, last_org))
            continue
        has_keyword = bool(_KEYWORD.search(masked.lower())) or bool(
            _LEADS_BODY.search(masked)) or bool(
            _AFTER_PAIRS.search(masked) and _LEAD_WORD.search(masked))
        if not has_keyword and not (previous_keyword and re.search(
                r"take[sn]?\s+over|took\s+over|followed\s+by|succeed(?:s|ed)\b|follows\s+\u27e6S|\bfollow(?:s|ed)?\s+(?:in|from|on)\s+\u27e6T|next\s+in\s+line|hold\s+it|(?:got|gets|received|"
                r"receives|keeps|kept|took|takes|holds|held|has\s+had)\s+it\b|\bit\s+(?:will\s+|is\s+due"
                r"\s+to\s+)?(?:pass|go|move|rotate)|"
                # "The chairmanship rotates. In 2018 it was held by Bolivia, which passed it"
                r"\bit\s+(?:was|had\s+been|has\s+been)\s+(?:held|taken\s+over|assumed)\s+by|"
                r"\bpassed\s+it\s+(?:on\s+)?to\b", masked, re.I)):
            previous_keyword = False
            last_org = None
            continue
        previous_keyword = has_keyword or previous_keyword
        facts = _sentence_chairs(sentence, ctx, last_org, continues=not has_keyword,
                                 known=known)
        _since_last_year(facts, sentence, ctx.published)
        _fronted_date(facts, sentence)
        _entry_date(facts, sentence, ctx)
        facts = _counted_terms(facts, sentence)
        _half_of_year(facts, sentence, ctx.published)
        entry = label_state(sentence)  # a timeline entry: its term is the label's
        facts = [f for f in facts if f.chair != entry]
        _previous_of_recent(facts, takers)
        found.extend(facts)
        # a question in between ("Q: And who takes over?") keeps the body for the answer
        last_org = facts[-1].organization if facts else (
            last_org if masked.rstrip().endswith("?") else None)
    found.extend(pronoun_terms(ctx))
    found.extend(timeline_terms(ctx))
    found.extend(aside_terms(ctx))
    facts = late_gatherings(summit_terms(_merge(found), ctx.published))
    date_predecessors(facts, stated_terms(ctx, known), said=_term_months)
    return facts


def _previous_of_recent(facts: list[Chairmanship], takers: dict[str, Chairmanship]) -> None:
    """"The previous presidency, held by Belarus" in a sentence that names no one taking over
    is the presidency before the one the article last reported taken up; `takers` is kept
    up to date with this sentence's takers."""
    for fact in facts:
        if fact.rule != "chair.previous" or any(f.previous == fact.chair for f in facts):
            continue
        taker = takers.get(fact.organization)
        if taker is not None and taker.chair != fact.chair and taker.previous is None:
            taker.previous = fact.chair
    for fact in facts:
        if fact.rule not in _NOT_TAKER:
            takers[fact.organization] = fact


def _make(sentence: Masked, ctx: Context, org: str | None, chair: str | None, start: str | None,
          end: str | None, rule: str, confidence: float) -> Chairmanship | None:
    if not org or not chair:
        return None
    return Chairmanship(_chaired_body(org, ctx), chair, start, end, evidence=evidence(sentence),
                        origin="extracted", confidence=confidence, rule=rule)


def _chaired_body(org: str, ctx: Context) -> str:
    """A body with no rotating chair of its own stands for its organ that has one, where the
    article names it (lexicon/chair_organs.txt): "Panama will take over the Presidency" in a
    report on the UN Security Council is the Council's presidency, not the UN's."""
    entity = reference.resolve(org, "organization")
    organ = _chair_organs().get(entity.slug) if entity is not None else None
    if organ is None:
        return org
    named = {it.entity.slug: it.entity.label for s in ctx.sentences for it in s.items
             if it.kind == "O" and it.entity is not None}
    return named.get(organ, org)


@cache
def _chair_organs() -> dict[str, str]:
    return dict(line.split() for line in phrases.lines("chair_organs.txt"))


# a chair of a body the tables do not know: a capitalised name, not a placeholder
# (an organ named like "the Council of Foreign Ministers" may be the body's own: kept)
_UNKNOWN_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){1,4}(?:grouping|group|caucus|"
                           r"coalition|club)\b")
_CHAIRED_MEETING = re.compile(
    r"\s+(?:(?:the|a|an|this|that|its|their|today's|\w+day's)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|session|talks|summit|conference|debate|discussion|gathering|panel|hearing|"
    r"negotiations|round)s?\b", re.IGNORECASE)
# "chairs the current session, having received the presidency from X": the body's chair
_RECEIVED_CHAIR = re.compile(r"\bhaving\s+(?:received|taken\s+over|assumed|inherited|taken)\s+"
                             r"(?:the\s+)?(?:rotating\s+)?(?:chairmanship|presidency|chair)\b",
                             re.IGNORECASE)
_POSSESSIVE_TAIL = re.compile(
    # "the Peruvian chairmanship of the forum in 2024", "the Bolivian chairmanship in the
    # Andean Community in 2023"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?" + O + r")?\s+(?:in|for|of)\s+(?:the\s+)?" + T
    + r"|(?:\s+(?:of|in)\s+(?:the\s+)?" + O + r")?,\s*which\s+(?:began|begins|started|starts|"
    r"opened|ran|runs|lasted|lasts|has\s+run|ended|ends)\s+(?:(?:[^,;\u27e6]|\u27e6C\d+\u27e7){0,50}?\s)?"
    r"(?:(?:in|on|from|since|at\s+the\s+start\s+of)\s+)?(?:the\s+)?" + T
    + r"|(?:\s+of\s+(?:the\s+)?" + O + r")?\s+(?:began|begins|started|starts|"
    r"opened|opens)\s+(?:on|in)\s+" + T, re.IGNORECASE)
# the confidence of a chairmanship dated only by the publication year ("X takes over the
# chair"): it gives way to a date the article states elsewhere for the same chair
WEAK = 0.55
# the chair clauses a date written before their subject dates
_FRONTABLE = ("chair.verb", "chair.take", "chair.takes-over", "chair.as-chair")
# a date written right before the subject of a chair clause
_DATE_BEFORE_SUBJECT = re.compile(r"\b(?:on|from|in)\s+\u27e6T\d+\u27e7,?\s+(?:the\s+)?$",
                                  re.IGNORECASE)
_ANAPHOR = re.compile(r"\b(?:that|this|the\s+same)\s+(?:chairmanship|presidency|chair|post|role)\b",
                      re.IGNORECASE)


def _sentence_chairs(sentence: Masked, ctx: Context, last_org: str | None = None,
                     continues: bool = False, known: dict | None = None) -> list[Chairmanship]:
    """The chairs one sentence states; `continues` when it goes on about the chair of the
    sentence before ("The presidency rotates. Slovakia got it from Hungary.")."""
    sentence = _clause_it(persons_as_states(_capitals_as_states(sentence)))
    sentence = surnames_as_states(sentence, known or {})
    masked = sentence.masked
    out: list[Chairmanship] = []
    at: dict[int, int] = {}  # id(fact) -> where its match starts
    handled: set[int] = set()
    pub_year = str(ctx.published.year) if ctx.published else None
    # a sentence that names no body continues the previous one ("Finland took that
    # chairmanship in 2018"): its body is the previous sentence's, not the article's topic
    carried = last_org if last_org and (_ANAPHOR.search(masked) or "\u27e6O" not in masked) \
        else None

    def org_for(position: int, near_only: bool = False) -> str | None:
        if carried:
            return carried
        return _org_for(sentence, position, ctx, near_only)

    for rule, rx in _RULES:
        for m in rx.finditer(masked):
            if rule == "chair.handover":
                out.extend(_handover(sentence, ctx, m, org_for))
                continue
            if rule == "chair.it-passes" and not (continues or _KEYWORD.search(masked.lower())):
                continue
            if rule == "chair.past-list":
                out.extend(_past_list(sentence, ctx, m, org_for))
                continue
            token = m.groupdict().get("chair") or next(g for g in m.groups() if g is not None)
            if rule in ("chair.take", "chair.verb", "chair.as-chair", "chair.takes-over",
                        "chair.outgoing") and int(token) in handled:
                continue
            chair = sentence.state(token)
            if chair is None or _national_presidency(sentence, m, token, rule):
                continue
            left = masked.rfind(".", 0, m.start())
            left = max(left, masked.rfind(";", 0, m.start()), 0)
            if rule == "chair.it-passes":  # "X did not take it, and then it was assumed by Y"
                left = max(left, masked.rfind(",", 0, m.start()))
            if negated(masked[left:m.end()]) or negated(masked[m.start():m.end() + 2]):
                continue
            if rule == "chair.take" and m.group("noun").lower() == "it" and not _KEYWORD.search(
                    masked.lower()) and "hold" not in m.group(0).lower() and not continues:
                continue
            if rule == "chair.verb" and _CHAIRED_MEETING.match(masked, m.end()) and not \
                    _RECEIVED_CHAIR.search(masked, m.end()):
                continue  # chairs a meeting, unless it took the body's chair with it
            if rule == "chair.verb" and re.match(r"\s+by\b", masked[m.end():]):
                continue  # "the meeting on Gabon was chaired by ...": what was chaired, not who
            if rule in ("chair.take", "chair.as-chair") and _UNKNOWN_BODY.match(masked, m.end()):
                continue  # "the chair of the Smaller Island States grouping": another body
            if rule == "chair.verb" and _END_VERBS.search(m.group("verb")):
                after = masked[m.end():m.end() + 60]
                if not re.match(r"\s+(?:its|the|her|his)?\s*(?:" + T + r"\s+)?(?:" + O
                                + r"\s+)?(?:\w+\s+){0,2}?" + CHAIR_NOUN, after, re.IGNORECASE):
                    continue
            end_clause = clause_end(masked, m.end())
            verb_at = m.end()
            passed_weak = False
            if rule == "chair.possessive":
                start, end, explicit = _period(sentence, m.start(), m.end())
                if not explicit:
                    tail = _POSSESSIVE_TAIL.match(masked[m.end():])
                    if tail:
                        start, end, explicit = _period(sentence, m.end(), m.end() + tail.end())
                if not explicit and pub_year and re.search(r"'s\s+(?:\w+\s+)?year\s+(?:at|in|as)\b",
                                                           m.group(0)):
                    start, end, explicit = pub_year, pub_year, True
                    passed_weak = True  # "closed X's year at the head": the year written in
            elif rule == "chair.passed-to":
                # not into a clause about the one it came from ("from Y, which hosted ...")
                about_giver = _RELATIVE.search(masked, m.end(), end_clause)
                start, end, explicit = _period(sentence, m.start(),
                                               about_giver.start() if about_giver else end_clause)
                front = _FRONT_DATE.search(masked)
                if not explicit and front and front.end() <= m.start():
                    # "In the coming year the chairmanship will pass to X": dated up front
                    start, end, explicit = _period(sentence, front.start("t"), front.end())
                if not explicit and re.search(r"\b(?:passed|(?:was|were)\s+(?:transferred|"
                                              r"handed)|went|moved|rotated|" + O + r"[^;]*?"
                                              r"\bhanded)\b", m.group(0), re.I):
                    start, end, explicit, passed_weak = pub_year, None, True, True
            elif rule == "chair.it-passes":
                start, end, explicit = _period(sentence, left, end_clause)
            elif rule == "chair.host-and-take":
                start, end, explicit = _period(sentence, m.start("t"), m.end("t"))
            elif rule == "chair.whose-term":
                start, end, explicit = _period(sentence, m.start(), m.end())
                ended = _TERM_OVER.match(masked, m.end(), end_clause)
                if ended:
                    start = end = None
                    when = sentence.item(ended.group("t")[2:-1]).date if ended.group("t") else None
                    end = when.start if when else None
                elif not explicit:
                    begun = _TERM_BEGUN.match(masked, m.end(), end_clause)
                    if begun:
                        start, end, explicit = _period(sentence, begun.start("t"), begun.end("t"))
            else:
                # the date may be inside the match ("followed by Slovenia in September")
                after = m.end(1) if rule in ("chair.takes-over", "chair.followed",
                                             "chair.follows") else (
                    m.start() if rule == "chair.passed-to" else m.end())
                stop = _next_state(sentence, after, end_clause)
                prior = _PRIOR_TERM_AT.search(masked, after, stop)
                stop = prior.start() if prior else stop  # not the earlier term's year
                start, end, explicit = _period(sentence, after, stop,
                                               through_year=not _FUTURE.search(m.group(0)))
                if not explicit:
                    start, end, explicit = _gap_period(sentence, verb_at, m.start(), left)
                if not explicit and rule in _FRONTABLE:
                    # "From 1 January, Russia will chair the organisation"; "reminded them that
                    # on 1 January 2025 the Bolivian side would take over": a date before the
                    # subject, fronted or just before it
                    front = _FRONT_DATE.search(masked)
                    if front and front.end() <= m.start():
                        start, end, explicit = _period(sentence, front.start("t"), front.end())
                    just_before = None if explicit else _DATE_BEFORE_SUBJECT.search(
                        masked, max(0, m.start() - 40), m.start())
                    if just_before:
                        start, end, explicit = _period(sentence, just_before.start(),
                                                       just_before.end())
            if not explicit and rule in ("chair.followed", "chair.follows", "chair.takes-over"):
                if not (rule == "chair.takes-over" and re.search(
                        r"\bnext\s+year\b", masked[m.end():end_clause], re.I)):
                    continue
            weak = passed_weak  # dated only by the publication year: gives way to a stated date
            if not explicit and rule in ("chair.holder", "chair.is-chair"):
                # "Kazakhstan, the 2023 chair,": dated inside the phrase; else "this year's"
                start, end, explicit = _period(sentence, m.start(), m.end())
                if not explicit:
                    start, end, weak = pub_year, pub_year, True
            if not explicit and rule == "chair.turn":
                start, end, explicit = _period(sentence, m.start(), m.end())  # "today began"
                end = None if end == start else end  # the day it began, not a one-day term
                if not explicit:
                    start, end, weak = pub_year, None, True  # "began its turn": at the report
            if not explicit and rule == "chair.take" and re.search(
                    r"assum|t(?:ook|akes?)|receiv|inherit|beg|start|open|\bgot\b|\bgets\b",
                    m.group(0), re.I):
                start, end, weak = pub_year, None, True
            if not explicit and rule == "chair.as-chair" and re.search(
                    r"\b(?:elected|chosen)\b", masked[max(0, m.start() - 150):m.end()], re.I):
                start, end, weak = pub_year, None, True  # "was elected chair": at the report
            if not explicit and rule in ("chair.verb", "chair.takes-over"):
                if re.search(r"\bnext\s+year\b", masked[m.end():end_clause], re.I):
                    start = end = str(int(pub_year) + 1) if pub_year else None
            if rule == "chair.from":
                # "from Bahrain, which hosted the previous session a year ago": its own clause
                # dates the predecessor's term; nothing else in the sentence does
                start, end = None, None
                clause = _PREDECESSOR_DATED.match(masked, m.end())
                if clause:
                    # "from Belarus, which steered the alliance through 2023": that year's
                    start, end, _ = _period(sentence, clause.start("rel"), clause.end(),
                                            through_year=True)
            if rule == "chair.verb" and not explicit and _FUTURE.search(m.group(0)):
                continue
            if rule in ("chair.from", "chair.succeeds") and _OTHER_OFFICE.search(
                    masked, left, m.start()):
                continue  # "elected Chairperson of the Organ ..., succeeding X": another office
            if explicit and _WILL.search(masked, left, m.end()):
                start = _ahead(sentence, ctx, start)
            if _SUPPOSED.search(masked[left:m.start()]) and rule != "chair.verb":
                continue  # "could take over": supposed; "is due to take over in 2025": planned
            confidence = WEAK if weak else {"chair.take": 0.9, "chair.verb": 0.8,
                                            "chair.possessive": 0.6}.get(rule, 0.75)
            org = org_for(m.end(), near_only=rule == "chair.possessive")
            inside = [sentence.org(i) for _, _, i in sentence.tokens("O", m.start(), m.end())]
            if rule in ("chair.passed-to", "chair.from", "chair.possessive") and any(inside) \
                    and not carried:
                org = _EU.get(next(o for o in inside if o), next(o for o in inside if o))
            elif rule == "chair.take" and not carried and (
                    own := _BODY_OF_NOUN.search(masked, 0, m.start("noun"))):
                # "Malaysia takes Asean helm as EU talks stall": the body before the noun
                org = _EU.get(sentence.org(own.group(1)) or "", sentence.org(own.group(1)))
            fact = _make(sentence, ctx, org, chair, start, end, rule, confidence)
            if fact and rule == "chair.whose-term" and _TERM_OVER.match(masked, m.end(),
                                                                         end_clause):
                fact.rule = "chair.previous"  # "Warsaw, whose presidency ended": the one before
            if fact:
                out.append(fact)
                at[id(fact)] = m.start()
                handled.add(int(token))
                if rule in ("chair.verb", "chair.take"):
                    out.extend(_coordinated_chairs(sentence, fact, m.start()))
                    out.extend(_elided_chairs(sentence, fact, m.end()))
                out.extend(_more_years(sentence, ctx, fact, m.end(), end_clause))
    out.extend(_after_list(sentence, ctx, org_for))
    out.extend(_person_whose_country(sentence, ctx, org_for))
    _link_predecessors(out, at)
    _date_predecessors(out, masked)
    return out


# a capital where a chair goes or comes from is its state acting: "the presidency passed from
# India to Astana", "taking over from Budapest" (the gazetteer reads "to"/"from" as a place)
_CAPITAL_SLOT = re.compile(r"\b(?:to|from|succeed(?:s|ed|ing)?|replac(?:es|ed|ing))\s+(?:the\s+)?"
                           r"\u27e6C(\d+)\u27e7(?!\s*(?:summit|meeting|session|conference))",
                           re.IGNORECASE)


# "Beijing now holds the SCO presidency", "Astana chairs the organisation this year": a
# capital opening a clause whose verb is a chair's
_CAPITAL_SUBJECT = re.compile(
    r"(?:^|[;:]\s*|,\s+(?:and|while|but)\s+|\band\s+|\bthat\s+)\u27e6C(\d+)\u27e7(?=\s+(?:(?:now|"
    r"currently|formally|officially|will|has|had|then|also|last|first|previously|once|itself|"
    r"is\s+(?:due|set)\s+to)\s+)*"
    r"(?:holds|held|chairs|chaired|chair|assumed|assumes|assume|took\s+over|takes\s+over|"
    r"take\s+over|presides|presided|preside|hands|handed|passed|passes|steers|steered)\b)",
    re.IGNORECASE)
# "Warsaw, whose presidency ended on Monday": a capital whose term it is
_CAPITAL_WHOSE = re.compile(r"\u27e6C(\d+)\u27e7(?=,\s*whose\s+(?:[\w-]+\s+){0,2}"
                            r"(?:presidency|chairmanship|term)\b)", re.IGNORECASE)


def _capitals_as_states(sentence: Masked) -> Masked:
    """The sentence with each capital in a giving or taking slot masked as its state."""
    items: list | None = None
    masked = sentence.masked
    slots = [*_CAPITAL_SLOT.finditer(sentence.masked), *_CAPITAL_WHOSE.finditer(sentence.masked),
             *_CAPITAL_SUBJECT.finditer(sentence.masked)]
    for m in slots:
        index = int(m.group(1))
        state = reference.state_of_capital(sentence.items[index].entity)
        if state is None:
            continue
        items = items or list(sentence.items)
        items[index] = dataclasses.replace(items[index], kind="S", entity=state)
        masked = masked.replace(f"\u27e6C{index}\u27e7", f"\u27e6S{index}\u27e7")
    if items is None:
        return sentence
    return Masked(sentence.start, sentence.end, sentence.text, masked, items, sentence.in_title)


def _coordinated_chairs(sentence: Masked, fact: Chairmanship, start: int) -> list[Chairmanship]:
    """"Turkey and China have also chaired the CICA": every state of the subject."""
    m = coordinated_before(sentence.masked, start, 120)
    if m is None:
        return []
    out = []
    for _, _, i in sentence.tokens("SA", m.start(), m.end()):
        chair = sentence.state(i)
        if chair and chair != fact.chair:
            out.append(Chairmanship(fact.organization, chair, fact.start, fact.end,
                                    evidence=fact.evidence, origin="extracted",
                                    confidence=fact.confidence, rule=fact.rule))
    return out


# "Peru will chair in 2026, and Chile in 2027": a later clause with its verb left out
_ELIDED = re.compile(r"(?:,\s*|,?\s+and\s+|,?\s+then\s+|;\s*)(?:then\s+)?(?:the\s+)?"
                     r"\u27e6S(?P<chair>\d+)\u27e7\s+(?:in|for)\s+(?P<t>\u27e6T\d+\u27e7)"
                     r"(?=\s*(?:[.;,]|and\b|$))")
_DATE_AFTER_VERB = re.compile(r"(?:[^,;.\u27e6]|\u27e6O\d+\u27e7){0,40}(?:in|for)\s+"
                              r"\u27e6T\d+\u27e7")


def _elided_chairs(sentence: Masked, fact: Chairmanship, end: int) -> list[Chairmanship]:
    """The states of gapped clauses after a dated chair verb: each holds the chair in its own
    year ("South Korea will chair in 2025, and China in 2026, then Chile in 2027")."""
    dated = _DATE_AFTER_VERB.match(sentence.masked, end)
    if dated is None or not fact.start:
        return []
    out: list[Chairmanship] = []
    at = dated.end()
    while (m := _ELIDED.match(sentence.masked, at)) is not None:
        chair = sentence.state(m.group("chair"))
        d = sentence.item(m.group("t")[2:-1]).date
        if chair and d is not None and d.start and chair != fact.chair:
            out.append(Chairmanship(fact.organization, chair, d.start, d.end,
                                    evidence=fact.evidence, origin="extracted",
                                    confidence=0.7, rule=fact.rule + "-elided"))
        at = m.end()
    return out


# "President Kassym-Jomart Tokayev, whose country holds the alliance's chairmanship this year":
# the official's state, known from the posts of the article
_PERSON_WHOSE_COUNTRY = re.compile(
    r"\b(?:President|Prime\s+Minister|King|Emir|Sultan|Chancellor|Premier)\s+"
    r"(?P<who>(?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+),\s+whose\s+country\s+(?:(?:has|had|also|currently|"
    r"now)\s+)*(?:chairs|chaired|holds|held|presides|presided|leads|led|steers|steered|took\s+over)\b")


def _person_whose_country(sentence: Masked, ctx: Context, org_for: Callable[..., str | None]
                          ) -> list[Chairmanship]:
    out: list[Chairmanship] = []
    for m in _PERSON_WHOSE_COUNTRY.finditer(sentence.masked):
        who = m.group("who")
        of = next((of for person, (_, of) in ctx.persons.items()
                   if person == who or person.split()[-1] == who.split()[-1]), None)
        state = reference.resolve(of, "state") if of else None
        if state is None or negated(sentence.masked[m.start():m.end()]):
            continue
        stop = clause_end(sentence.masked, m.end())
        start, end, explicit = _period(sentence, m.end(), stop)
        org = org_for(m.end())
        if explicit and org:
            out.append(Chairmanship(org, state.label, start, end, evidence=evidence(sentence),
                                    origin="extracted", confidence=0.75,
                                    rule="chair.whose-country"))
    return out


_ITEM_DATE = re.compile(r"\s*\(\s*(?:in\s+)?" + T + r"\s*\)|\s+(?:in|for)\s+" + T, re.IGNORECASE)
_LIST_MORE = re.compile(r"(?:\s*,\s*|,?\s+and\s+|,?\s+then\s+)(?:the\s+)?\u27e6[SA](\d+)\u27e7")


def _past_list(sentence: Masked, ctx: Context, m: re.Match[str],
               org_for: Callable[..., str | None]) -> list[Chairmanship]:
    """Every state of a list of earlier chairs, each dated by its own year where the list gives
    one ("Russia (2019-2020) and Tajikistan (2020-2021)", "Kazakhstan in 2019, Kyrgyzstan in
    2021"), else undated."""
    if negated(sentence.masked[max(0, m.start() - 30):m.end()]):
        return []
    masked = sentence.masked
    org = org_for(m.start())
    items: list[tuple[str, str | None]] = []
    token, at = m.group("chair"), m.end()
    while True:
        dated = _ITEM_DATE.match(masked, at)
        when = sentence.item(dated.group(1) or dated.group(2)).date if dated else None
        items.append((token, when.start if when is not None else None))
        at = dated.end() if dated else at
        more = _LIST_MORE.match(masked, at)
        if more is None:
            break
        token, at = more.group(1), more.end()
    out = []
    for token, start in items:
        chair = sentence.state(token)
        if chair and org:
            out.append(Chairmanship(org, chair, start, None, evidence=evidence(sentence),
                                    origin="extracted", confidence=0.7, rule="chair.past-list"))
    return out


# "the fifth small economy in a row to lead the group, after Malta in 2019, Fiji in 2020 and
# Iceland in 2021": the earlier terms, one chair a year
_AFTER_PAIRS = re.compile(r"\bafter\s+(?P<pairs>(?:the\s+)?" + SA + r"\s+in\s+" + T
                          + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?" + SA + r"\s+in\s+" + T
                          + r")+)"
                          # "After the Philippines in 2026, the chair in 2027 goes to Singapore"
                          r"|^\s*After\s+(?P<pairs1>(?:the\s+)?" + SA + r"\s+in\s+" + T + r"),",
                          re.IGNORECASE)
_PAIR = re.compile(SA + r"\s+in\s+" + T)
_LEAD_WORD = re.compile(r"\b(?:lead|led|preside|presided|steer|steered|helm|turn)\b", re.IGNORECASE)


def _after_list(sentence: Masked, ctx: Context, org_for: Callable[..., str | None]
                ) -> list[Chairmanship]:
    out: list[Chairmanship] = []
    for m in _AFTER_PAIRS.finditer(sentence.masked):
        if negated(sentence.masked[max(0, m.start() - 60):m.start()]):
            continue
        org = org_for(m.start())
        pairs = "pairs" if m.group("pairs") else "pairs1"
        for pair in _PAIR.finditer(sentence.masked, m.start(pairs), m.end(pairs)):
            chair = sentence.state(pair.group(1))
            d = sentence.item(pair.group(2)).date
            if chair and org and d is not None and d.start:
                out.append(Chairmanship(org, chair, d.start, d.end, evidence=evidence(sentence),
                                        origin="extracted", confidence=0.7,
                                        rule="chair.after-list"))
    return out


# an office of another organ of the body: "Chairperson of the Organ on Politics"
_OTHER_OFFICE = re.compile(
    r"\b(?:chair|chairman|chairperson|president|head)\s+of\s+(?:the\s+)?(?:\u27e6O\d+\u27e7\s+)?"
    r"(?:organ|commission|committee|court|tribunal|parliament|secretariat|bank|board)\b",
    re.IGNORECASE)


def _ahead(sentence: Masked, ctx: Context, start: str | None) -> str | None:
    """A day or month written without its year that is already behind the report, in a
    sentence about what will happen ("From 1 January, Russia will chair"), is next year's."""
    if not start or len(start) < 7 or not ctx.published:
        return start
    if start >= ctx.published.isoformat()[:len(start)]:
        return start
    for _, _, i in sentence.tokens("T"):
        d = sentence.item(i).date
        if d is not None and d.start == start and not re.search(r"\d{4}", d.text):
            return f"{int(start[:4]) + 1}{start[4:]}"
    return start


# a chair the text only supposes: planned chairs ("is due to", "is set to", "is expected to")
# are facts with a future date, kept; what "could" or "might" happen is not
_SUPPOSED = re.compile(r"\b(?:could|would|might|may|hopes?\s+to|wants?\s+to|seeks?\s+to|"
                       r"aims?\s+to|according\s+to\s+diplomats|no\s+formal\s+decision)\b",
                       re.IGNORECASE)
# "the fifth time Malaysia chairs ASEAN, after 1977, 1997, 2005 and 2015": one term a year
_YEAR_LIST = re.compile(T + r"(?:\s*,\s*(?:in\s+)?" + T + r")*,?\s+and\s+(?:in\s+)?" + T)


# "..., a post it previously held in 2018": an earlier term of the same holder
_PRIOR_TERM = (r",\s+(?:a|an|the)\s+(?:post|role|office|position|chair|chairmanship|"
               r"presidency|function)\s+(?:that\s+|which\s+)?(?:it|they|she|he)\s+"
               r"(?:had\s+)?(?:previously|last|also|first|once|already|earlier)\s+"
               r"(?:held|had|occupied|filled)(?:\s+once)?")
_PRIOR_TERM_AT = re.compile(_PRIOR_TERM, re.IGNORECASE)
# "Brazil presides over the G20 this year, as it did in 2008": an earlier term, by year
_AS_BEFORE = re.compile(r"[^;.]{0,40}?(?:,?\s+as\s+(?:it|they|she|he)\s+"
                        r"(?:also\s+|last\s+|first\s+)?did|"
                        # "..., a post it previously held in 2018", "a role it last had in 2010"
                        r"(?:" + _PRIOR_TERM + r"))"
                        r"\s+(?:in\s+)?" + T + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:in\s+)?" + T
                        + r")*")


def _more_years(sentence: Masked, ctx: Context, fact: Chairmanship, start: int,
                end: int) -> list[Chairmanship]:
    """The other years of a list of past terms, after the one the rule dated."""
    m = _YEAR_LIST.search(sentence.masked, start, end) or _AS_BEFORE.match(
        sentence.masked, start)
    if m is None:
        return []
    out = []
    for _, _, i in sentence.tokens("T", m.start(), m.end()):
        d = sentence.item(i).date
        if d is None or d.kind != "year" or d.start == fact.start:
            continue
        out.append(Chairmanship(fact.organization, fact.chair, d.start, d.end,
                                evidence=fact.evidence, origin="extracted",
                                confidence=0.7, rule=fact.rule + "-years"))
    return out


_NOT_TAKER = (*PREDECESSOR_RULES, "chair.possessive", "chair.of-state")
# a date fronted before the clause that names the chair: "From 1 January 2025 the rotating
# presidency belongs to Kyrgyzstan", "After Brazil, in 2026 the chair will be held by India"
_FRONTED = re.compile(r"^(?:(?:[^,;]{0,40},\s*)?(?:from|in|on|as\s+of|starting|beginning)\s+"
                      r"(?:\w+\s+){0,2}?)?\u27e6T(\d+)\u27e7\s*,?\s+(?![-\u2013\u2014]|\u27e6T)",
                      re.IGNORECASE)


_NEXT_CLAUSE = re.compile(r";|,\s+(?:and|while|whereas|but)\s+")


def _entry_date(facts: list[Chairmanship], sentence: Masked, ctx: Context) -> None:
    """A chair told in the second sentence of a timeline line is of the line's date, not
    the report's: an undated or report-dated taker takes the label's date."""
    when = line_date(ctx, sentence) if facts else None
    if not when:
        return
    published = str(ctx.published.year) if ctx.published else None
    for fact in facts:
        if fact.rule in _NOT_TAKER:
            continue
        if fact.start is None or (fact.start == published and fact.confidence == WEAK):
            fact.start, fact.end = when, None


def _fronted_date(facts: list[Chairmanship], sentence: Masked) -> None:
    """An undated chair (not a predecessor) takes the date fronted in its sentence."""
    m = _FRONTED.match(sentence.masked)
    if m is None:
        return
    when = sentence.item(m.group(1)).date
    if when is None or not when.start:
        return
    # the fronted date rules the first clause: a date of the next clause ("in 2023 the chair
    # belonged to the Azerbaijani side, and in 2022 Uzbekistan chaired") is that clause's
    cut = _NEXT_CLAUSE.search(sentence.masked, m.end())
    later = {sentence.item(i).date.start for _, _, i in sentence.tokens(
        "T", cut.start()) if sentence.item(i).date is not None} if cut else set()
    for fact in facts:
        if fact.rule in _NOT_TAKER:
            continue
        at = [pos for pos, _, i in sentence.tokens("SA") if sentence.state(i) == fact.chair]
        first_clause = bool(at) and (cut is None or at[0] < cut.start())
        if fact.start is None or (first_clause and fact.start in later):
            fact.start = when.start


def _link_predecessors(facts: list[Chairmanship], at: dict[int, int]) -> None:
    """"X took over from Y", "X, succeeding Y": Y is X's predecessor, and Y's term ends
    where X's begins (`_close_terms`); the taker is the nearest chair named before "from"."""
    for fact in facts:
        if fact.rule not in ("chair.from", "chair.previous") or id(fact) not in at:
            continue
        # "the previous presidency, held by Belarus, ...; Russia took over": either side
        before = at[id(fact)] if fact.rule == "chair.from" else 1 << 30
        takers = [f for f in facts if f.rule not in _NOT_TAKER and f.chair != fact.chair
                  and f.organization == fact.organization and at.get(id(f), 1 << 30)
                  < before]
        if takers:
            taker = max(takers, key=lambda f: at[id(f)])
            taker.previous = taker.previous or fact.chair


_PRESIDENCY_OF_BODY = re.compile(r"\s*(?:of|in|at)\s+(?:the\s+)?(?:\w+\s+){0,2}?\u27e6O")


def _national_presidency(sentence: Masked, m: re.Match[str], token: str, rule: str) -> bool:
    """"Trump's presidency", "the presidency of Kazakhstan": a head of state's office, not a
    bloc's chair, unless a body is named with it ("the EU presidency", "presidency of the G7")."""
    text = m.group(0).lower()
    if "presiden" not in text or "chair" in text:
        return False
    masked = sentence.masked
    noun = text.rfind("presiden")
    at = m.start() + noun
    body_near = "\u27e6O" in masked[max(0, at - 25):at] or bool(
        _PRESIDENCY_OF_BODY.match(masked, m.start() + text.find(" ", noun) if " " in text[noun:]
                                  else m.end()))
    if body_near:
        return False
    item = sentence.item(token)
    if rule == "chair.of-state":
        return True  # "the presidency of Kazakhstan" with no body at hand
    return item.start == item.end  # an official masked as their state: their own office


def _date_predecessors(facts: list[Chairmanship], masked: str) -> None:
    """A predecessor began one term before its successor, where the text says its term ended."""
    if not _TERM_ENDED.search(masked):
        return
    for fact in facts:
        if fact.start or fact.rule not in ("chair.from", "chair.handover-outgoing",
                                           "chair.outgoing"):
            continue
        successor = next((f for f in facts if f.start and f.chair != fact.chair
                          and f.organization == fact.organization
                          and f.rule not in ("chair.from", "chair.handover-outgoing",
                                             "chair.outgoing", "chair.possessive")), None)
        if successor is None:
            continue
        successor.previous = successor.previous or fact.chair
        months = _rotation_months(fact.organization)
        if re.search(r"six-month|half-year", masked, re.I):
            months = 6
        elif re.search(r"\bmonthly\b|one-month", masked, re.I):
            months = 1
        fact.start = _minus_months(successor.start, months)


_TERM_ENDED = re.compile(
    r"\bwhose\s+(?:[\w-]+\s+){0,2}(?:term|tenure|presidency|chairmanship|"
    r"mandate)\s+(?:had\s+|has\s+)?(?:ended|ends|expired|finished|closed)", re.IGNORECASE)


def _minus_months(iso: str, months: int) -> str:
    parts = iso.split("-")
    if len(parts) == 1:
        return str(int(parts[0]) - (1 if months >= 12 else 0))
    index = int(parts[0]) * 12 + int(parts[1]) - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


_HAND_VERB = re.compile(r"\b(?:hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|transfer(?:s|red|ring)?|"
                        r"giv(?:es|ing)|gave|cede[sd]?)\b", re.IGNORECASE)


_YEAR_END = re.compile(r"\u27e7?\s+(?:at|by|from)\s+(?:the\s+)?(?:(?:end|close|turn)\s+of\s+"
                       r"(?:the|this)\s+year|year'?s\s+end)\b", re.IGNORECASE)
_DATELINE_DATE = re.compile(r"[^.]{0,60}?\u27e6T\d+\u27e7\s*[-\u2013\u2014]\s")


def _handover(sentence: Masked, ctx: Context, m: re.Match[str],
              org_for: Callable[[int], str | None]) -> list[Chairmanship]:
    masked = sentence.masked
    if not _KEYWORD.search(masked.lower()) and not re.search(
            r"\b(?:pass|hand|gave|give|transferr)\w*\s+it\b", m.group(0), re.IGNORECASE):
        return []  # ("passed it to Colombia" after a sentence about the chairmanship)
    if negated(masked[m.start():m.end()]):
        return []
    giver = sentence.state(m.group(1))
    verb = _HAND_VERB.search(masked, m.end(1), m.start(2))
    if verb:
        # "India, Pakistan join the bloc as Kazakhstan hands baton to China": the giver is
        # the state the verb follows, not the sentence's first
        near = [i for pos, _, i in sentence.tokens("SA", m.end(1), verb.start())
                if verb.start() - pos < 40 and sentence.state(i)]
        if near and re.search(r"\b(?:as|while|when|after|and|but)\b",
                              masked[m.end(1):verb.start()]):
            giver = sentence.state(near[-1])
    taker = sentence.state(m.group(2))
    if not giver or not taker or giver == taker:
        return []
    org = org_for(m.start())
    start, end, explicit = _period(sentence, m.end(2),
                                   _next_state(sentence, m.end(2), clause_end(masked, m.end())))
    taker_pos = m.start(2)
    if not explicit and ctx.published and _YEAR_END.match(masked, m.end(2)):
        # "will hand it to Malta at the end of the year": Malta's term is next year's (a
        # date before, "took over on 1 January 2023 and will hand it ...", is the giver's)
        start, end, explicit = str(ctx.published.year + 1), None, True
    # a date between the giver and the verb belongs to the giver ("wraps up 2023 ... passes")
    # (up to another state: "from Finland, which chaired in 2019, and will hand over" is
    # Finland's date)
    others = [pos for kind in "SA" for pos, _, _ in sentence.tokens(kind, m.end(1), taker_pos)]
    g_start, g_end, g_explicit = _period(sentence, m.end(1), min(others, default=taker_pos))
    if g_explicit and not explicit:
        g_start, g_end = g_start, g_end
    if g_explicit and explicit and g_start == start:
        g_start = g_end = None
    verbs = list(_HAND_VERB.finditer(masked, m.end(1), taker_pos))
    if not explicit and verbs:
        # "..., and at the end of Tuesday's meeting it passed the chair to X": a day (or a
        # month: "at the ceremony in October Laos handed it to ...") in the handing clause is
        # when the taker's term begins, not a period of the giver's
        verb_at = verbs[-1].start()
        clause_from = max(m.end(1), masked.rfind(",", 0, verb_at))
        day, _, day_explicit = _period(sentence, clause_from, taker_pos)
        if day_explicit and day and len(day) >= 7:
            start, end, explicit = day, None, True
            if g_start == day:
                g_start = g_end = None
                g_explicit = False
    if not explicit:
        # "At the Arusha meeting in November, X handed the chairmanship to Y"
        clause_from = max(masked.rfind(";", 0, m.start()), 0)
        dateline = _DATELINE_DATE.match(masked)  # "MINSK, 5 March - Last year X handed ..."
        if dateline and dateline.end() <= m.start():
            clause_from = max(clause_from, dateline.end())
        before = sentence.tokens("T", clause_from, m.start())
        if len(before) == 1:
            d = sentence.item(before[0][2]).date
            if d is not None and d.start:
                start, end, explicit = d.start, None, True
    weak = False
    # a headline tells the news of its day in the present: "Kazakhstan hands baton to China"
    headline_now = sentence.in_title and re.search(
        r"\b(?:hands|passes|gives|transfers|cedes)\b", masked[m.end(1):m.start(2)][:60])
    if not explicit and ctx.published and (not sentence.in_title or headline_now) and not re.search(
            r"\b(?:will|would|to|shall)\s+(?:\w+\s+)?$", masked[m.end(1):m.start(2)][:60]):
        # handed over now, with no period given: the taker holds it from this year
        start, end, explicit, weak = str(ctx.published.year), None, True, True
    out = []
    new = _make(sentence, ctx, org, taker, start if explicit else None, end, "chair.handover",
                WEAK if weak else 0.85)
    if new:
        new.previous = giver
        out.append(new)
    giver_end = g_end if g_explicit else None
    if explicit and not weak and start and len(start) >= 7:
        # handed over that day: the giver's term ends there
        giver_end = giver_end or _day_before_first(start)
    old = _make(sentence, ctx, org, giver, g_start if g_explicit else None,
                giver_end, "chair.handover-outgoing", 0.8)
    if old:
        out.append(old)
    return out


def _merge(found: list[Chairmanship]) -> list[Chairmanship]:
    """One chairmanship per (body, chair, start); an undated one joins a dated one."""
    dated: dict[tuple[str, str, str], Chairmanship] = {}
    undated: dict[tuple[str, str], Chairmanship] = {}
    for fact in found:
        if fact.start:
            key = (fact.organization, fact.chair, fact.start[:4])
            if key in dated:
                old = dated[key]
                if len(fact.start) > len(old.start or "") and fact.rule != "chair.possessive":
                    fact.previous = fact.previous or old.previous
                    dated[key] = fact
                else:
                    old.previous = old.previous or fact.previous
                    old.end = old.end or fact.end
            else:
                dated[key] = fact
        else:
            undated.setdefault((fact.organization, fact.chair), fact)
            if fact.previous:
                undated[(fact.organization, fact.chair)].previous = fact.previous
    out = list(dated.values())
    for f in out:
        same = undated.get((f.organization, f.chair))
        if same and not f.end and same.end:
            f.end = same.end
    # a chair dated by the report's year alone gives way to the same chair dated by the
    # text: a year apart, or a term still running in its own sentence ("has presided since
    # 2020, when the chairmanship passed to Astana"; not "a role it last held in 2011")
    out = [f for f in out if f.confidence != WEAK or not any(
        o.organization == f.organization and o.chair == f.chair and o.confidence != WEAK
        and (abs(int(o.start[:4]) - int(f.start[:4])) <= 1 or (
            o.end is None and o.evidence is not None and f.evidence is not None
            and o.evidence.start == f.evidence.start)) for o in out)]
    for (org, chair), fact in undated.items():
        same = [f for f in out if f.organization == org and f.chair == chair]
        if same:
            for f in same:
                f.previous = f.previous or fact.previous
            continue
        if fact.rule in ("chair.possessive", "chair.of-state"):
            continue  # too weak alone: "Kazakhstan's chairmanship" names no period
        out.append(fact)
    out = _december_handovers(out)
    _close_terms(out)
    return out


def _december_handovers(facts: list[Chairmanship]) -> list[Chairmanship]:
    """A hand-over late in a year begins the term of the next: "Norway handed the chair to
    Iceland on 10 December; Iceland holds it next year" is Iceland's one term, from next year,
    not a second one from the day of the ceremony. With no such sentence the day stands."""
    out = []
    for fact in facts:
        start = fact.start or ""
        if fact.rule != "chair.handover" or len(start) < 7 or int(start[5:7]) < 11:
            out.append(fact)
            continue
        following = str(int(start[:4]) + 1)
        term = next((f for f in facts if f is not fact and f.organization == fact.organization
                     and f.chair == fact.chair and (f.start or "")[:4] == following), None)
        if term is not None:
            term.previous = term.previous or fact.previous
            continue
        out.append(fact)
    return out


_TERM_WORDS = [
    (re.compile(r"\b(?:six-month(?:ly)?|six\s+months|half-year(?:ly)?)\b", re.I), 6),
    (re.compile(r"\b(?<!six-)(?:monthly|one-month|for\s+(?:a|one|the)\s+month)\b", re.I), 1),
    (re.compile(r"\b(?:one-year|year-long|for\s+(?:a|one)\s+year|twelve\s+months|"
                r"12\s+months)\b", re.I), 12),
]


def _term_months(fact: Chairmanship) -> int | None:
    """The length of a term the fact's own sentence states, or the body's fixed one-month term."""
    text = fact.evidence.text if fact.evidence else ""
    for rx, months in _TERM_WORDS:
        if rx.search(text):
            return months
    return 1 if _rotation_months(fact.organization, None) == 1 else None


def _close_terms(facts: list[Chairmanship]) -> None:
    """Ends that the article gives only indirectly: a stated term length from a dated start,
    or the start of the successor who took over from this chair."""
    for fact in facts:
        if fact.end or not fact.start or len(fact.start) < 7:
            continue
        months = _term_months(fact)
        if months:
            fact.end = _plus_term(fact.start, months)
    for fact in facts:
        if not fact.previous or not fact.start or len(fact.start) < 7:
            continue
        # the giver's term just before (its latest one begun earlier), not an older term of
        # the same state ("Denmark" of 2012 is not ended by the hand-over of 2025)
        olds = [old for old in facts if old.organization == fact.organization
                and old.chair == fact.previous and (not old.start or old.start < fact.start)]
        dated = [old for old in olds if old.start]
        latest = max(dated, key=lambda old: old.start or "") if dated else None
        for old in olds:
            if not old.end and (old is latest or latest is None):
                old.end = _day_before_first(fact.start)


def _day_before_first(iso: str) -> str:
    """A term that begins on the first of a month follows one that ended the day before;
    one handed over at a summit mid-month ends that very day."""
    if len(iso) == 10 and iso.endswith("-01"):
        return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()
    return iso


def _plus_term(iso: str, months: int) -> str:
    """The last day of a term from a first day, or the month the term ends in (month precision)."""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 2:
        if months == 1:
            return iso
        index = parts[0] * 12 + parts[1] - 1 + months
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    index = parts[0] * 12 + parts[1] - 1 + months
    first = date(index // 12, index % 12 + 1, min(parts[2], 28))
    if parts[2] > 28:
        first = first.replace(day=min(parts[2], calendar.monthrange(first.year, first.month)[1]))
    return (first - timedelta(days=1)).isoformat()


__all__ = ["extract_chairs", "CHAIR_NOUN", "ANY", "A"]
