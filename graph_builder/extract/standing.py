"""Standings short of full membership: observers, dialogue partners, associates.

Blocs have rings round their members: the SCO its observers and dialogue partners, the EAEU
and the OTS their observer states, BRICS its partner countries, Mercosur its associated
states. The member rules keep such states out (lexicon/outsider_words.txt); this module says
what they are instead: a membership whose status is "observer", "partner" or "associate",
which the graph keeps apart from membership (no bloc:memberOf) and questions about members
leave out. Shapes, over the masked sentence:

- a copula or apposition: "Mongolia has been an SCO observer since 2004", "Hungary, an
  observer state of the organisation," "Iran attended as an observer";
- the noun before its states: "observer states Afghanistan and Mongolia", "its dialogue
  partners, Turkey and Egypt";
- the status held or given: "Egypt holds dialogue-partner status in the SCO", "the bloc
  granted Laos observer status", "admitted Turkmenistan as an observer".

The nouns are data (lexicon/standing_nouns.txt); a noun after words such as "election" or
"international" (lexicon/standing_not_before.txt) is people watching, not a standing. A
denied, supposed or sought standing ("applied for observer status", "could become an
observer") is no fact.
"""

from __future__ import annotations

import re
from functools import cache

from graph_builder.core.facts import Membership
from graph_builder.extract import phrases
from graph_builder.extract.common import evidence, hedged, negated
from graph_builder.extract.context import Context, Masked

_STATE = r"(?:the\s+)?\u27e6S\d+\u27e7"
_LIST = (r"(?P<list>" + _STATE + r"(?:(?:\s*,\s*|,?\s+and\s+|,?\s+as\s+well\s+as\s+)"
         + _STATE + r")*)")
_ORG = r"\u27e6O(?P<{}>\d+)\u27e7"
_DET = r"(?:(?:an?|the|its|their|one\s+of\s+(?:the|its)|" + _ORG.format("o1") + \
    r"(?:'s|\u2019s)?)\s+)?"
_ADJ = (r"(?:(?:permanent|official|new|newest|latest|first|only|current|formal|full|second|"
        r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|other|\d+(?:st|nd|rd|th)|"
        r"associate)\s+)*")
_OWN = r"(?:" + _ORG.format("o2") + r"(?:'s|\u2019s)?\s+)?"
_OF = r"(?:\s+(?:of|in|to|at|with|within)\s+(?:the\s+)?" + _ORG.format("o3") + r")?"
_COPULA = (r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|became|become|becomes|"
           r"remains?|remained|will\s+become|will\s+be|"
           r"(?:joined|joins|participates?|participated|attends?|attended|took\s+part|"
           r"takes?\s+part|taking\s+part|sits?|sat|serves?|served)"
           # "take part in its work as dialogue partners"
           r"(?:\s+(?:in|on|at|with|within)?\s*(?:(?:the\s+)?\u27e6O\d+\u27e7|its\s+(?:work|"
           r"meetings|activities)|the\s+(?:work|meetings|activities)\s+of\s+(?:the\s+)?"
           r"\u27e6O\d+\u27e7))?"
           r"\s+as|(?:was|were)\s+(?:admitted|accepted|"
           r"made|welcomed)(?:\s+(?:to|into|in)\s+(?:the\s+)?\u27e6O\d+\u27e7)?\s+as|"
           r"(?:was|were)\s+(?:formally\s+|officially\s+)?granted\s+the\s+status\s+of)")
_HOLD = (r"(?:(?:has|have|had)\s+(?:long\s+|also\s+)?(?=held|enjoyed|had|kept)|"
         r"(?:will|would|still|also)\s+(?=hold|enjoy|have|keep))?"
         r"(?:has|have|had|holds?|held|enjoys?|enjoyed|keeps?|kept|(?:was|were|has\s+been|have\s+been)\s+"
         r"(?:granted|given|accorded|awarded)|received|receives?|obtained|gained|acquired|got|"
         r"won|secured)")
# between the states and their verb: an aside, or "which"/"that" of a relative clause
# ("are among the states that hold observer status")
_AFTER_LIST = (r"(?:\s*,[^,;]{1,60},)?(?:\s*,?\s+(?:which|that|who)|\s+(?:is|are|was|were)\s+"
               r"(?:among|one\s+of)\s+(?:the\s+)?(?:\w+\s+)?(?:states|countries|nations|those)"
               r"\s+(?:that|which|who))?\s+(?:also\s+|still\s+|now\s+|already\s+)?")
_GIVE = r"(?:grant(?:s|ed|ing)?|g[ai]ve|giv(?:es|ing)|accord(?:s|ed)?|confer(?:s|red)?|" \
    r"award(?:s|ed)?|approv(?:e|es|ed))"
_ADMIT = r"(?:admit(?:s|ted|ting)?|accept(?:s|ed|ing)?|welcom(?:e|es|ed|ing))"
# a date after the standing: "an observer since 2004", "observer status in 2021"
_SINCE = re.compile(r"\s*,?\s*(?:since|in|from|as\s+of|as\s+from)\s+\u27e6T(\d+)\u27e7")
# the same standing for more states after it: "Russia holds observer status, as does Thailand"
_AS_DOES = re.compile(r"[^;.]{0,60}?,?\s+as\s+(?:does|do|did|has|have|is|are|was|were)\s+"
                      r"(?P<list>(?:the\s+)?\u27e6S\d+\u27e7(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?"
                      r"\u27e6S\d+\u27e7)*)")
_ALSO_SINCE = re.compile(r"\s*,?\s+and\s+(?:since|from|as\s+of)\s+\u27e6T(?P<t>\d+)\u27e7\s*,?\s+"
                         r"(?:also\s+)?(?P<list>(?:the\s+)?\u27e6S\d+\u27e7(?:(?:\s*,\s*|,?\s+and\s+)"
                         r"(?:the\s+)?\u27e6S\d+\u27e7)*)")
# seeking or asking for a standing is not having it
_SOUGHT = re.compile(r"\b(?:appl(?:y|ies|ied|ying|ication)|request\w*|seek\w*|sought|bid\w*|"
                     r"want\w*|hop(?:e|es|ed|ing)|ask\w*\s+for|candida\w+|aspir\w*|"
                     r"former(?:ly)?|previously|once|until|ex-|no\s+longer)\b", re.IGNORECASE)


@cache
def standing_nouns() -> list[tuple[str, str]]:
    """(status, noun fragment) of each line of lexicon/standing_nouns.txt, in its order; the
    table rows of member_tables.py read the same nouns."""
    table = []
    for line in phrases.lines("standing_nouns.txt"):
        status, fragment = line.split(":", 1)
        table.append((status.strip(), fragment.strip()))
    return table


@cache
def _nouns() -> list[tuple[str, re.Pattern[str]]]:
    """(status, its noun pattern) of lexicon/standing_nouns.txt."""
    # (a fragment's closing lookahead, "partners?(?=\s+of ...)", looks past the noun: left out)
    return [(status, re.compile(r"(?:" + re.sub(r"\(\?=.*\)$", "", fragment) + r")$",
                                re.IGNORECASE))
            for status, fragment in standing_nouns()]


def _noun() -> str:
    fragments = [fragment for _, fragment in standing_nouns()]
    return r"(?P<noun>" + "|".join(sorted(fragments, key=len, reverse=True)) + r")\b"


@cache
def _shapes() -> list[tuple[str, re.Pattern[str]]]:
    noun = _noun()
    return [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
        # "Mongolia has been an SCO observer", "Iran attended as an observer of the SCO"
        ("standing.copula", _LIST + _AFTER_LIST + _COPULA + r"\s+(?:also\s+|still\s+|now\s+)?"
         + _DET + _ADJ + _OWN + noun + _OF
         + r"(?!\s+status)"),
        # "Hungary, an observer state of the organisation," (one state before the comma)
        ("standing.apposition", r"(?<![,\u27e7]\s)(?P<list>" + _STATE + r")\s*,\s+"
         + r"(?:an?|the|its|one\s+of\s+(?:the|its))\s+(?:" + _ORG.format("o1")
         + r"(?:'s|\u2019s)?\s+)?" + _ADJ + _OWN + noun + _OF + r"(?!\s+status)"),
        # "Uzbekistan and Cuba, both observers, sent delegations"
        ("standing.apposition", _LIST + r"\s*,\s+(?:both|all|each|all\s+\w+)\s+(?:of\s+them\s+)?"
         + _ADJ + _OWN + noun + _OF + r"(?!\s+status)"),
        # "observer states Afghanistan and Mongolia", "its dialogue partners, Turkey and Egypt"
        ("standing.noun-list", r"(?P<before>\b[\w-]+\s+)?" + _DET + _OWN + _ADJ + noun + _OF
         + r"(?:\s*[,:(\u2013\u2014]\s*|\s+-\s+|\s+)(?:(?:such\s+as|like|including|namely|"
         r"among\s+them|among\s+whom|are|were|include|included)\s+)?" + _LIST),
        # "Egypt holds dialogue-partner status in the SCO", "Laos was granted observer status"
        ("standing.status", _LIST + _AFTER_LIST + _HOLD + r"\s+(?:(?:an?|the|its)\s+)?" + _OWN
         + noun + r"[\s-]+(?:status|seat|role)"
         + _OF),
        # "Chile has participated in the Andean Community as an associate member since 2006"
        ("standing.takes-part", _LIST + _AFTER_LIST + r"(?:(?:has|have|had)\s+)?(?:participat\w*|"
         r"t(?:akes?|ook|aken|aking)\s+part)\s+in\s+(?:the\s+)?(?:work\s+of\s+(?:the\s+)?)?"
         + _ORG.format("o1") + r"\s+as\s+(?:an?\s+)?" + _ADJ + noun),
        # "Norway, unlike the others, has the status of associate member of the forum"
        ("standing.status", _LIST + _AFTER_LIST + _HOLD + r"\s+the\s+status\s+of\s+"
         + r"(?:an?\s+)?" + _OWN + noun + _OF),
        # "decided to grant Chile and Peru the status of APEC dialogue partners"
        ("standing.granted", r"(?P<giver>\u27e6O\d+\u27e7[^;]{0,40}?)?\b" + _GIVE
         + r"\s+" + _LIST + r"\s+the\s+status\s+of\s+(?:an?\s+)?" + _OWN + noun + _OF),
        # "the leaders decided to grant the status of dialogue partner to Egypt and Qatar"
        ("standing.granted", r"(?P<giver>\u27e6O\d+\u27e7[^;]{0,40}?)?\b" + _GIVE
         + r"\s+(?:(?:the|a)\s+)?(?:status\s+of\s+(?:an?\s+)?)?" + _OWN + noun
         + r"(?:[\s-]+status)?" + _OF + r"\s+(?:to|on)\s+" + _LIST),
        # "Namibia's President Hage Geingob, whose country is an associate observer"
        ("standing.whose-country", r"(?P<list>" + _STATE + r")(?:'s|\u2019s)\s+[^,;]{1,60},\s+"
         r"whose\s+(?:country|state|nation|government)\s+(?:is|was|has\s+been|remains)\s+"
         + _DET + _ADJ + _OWN + noun + _OF),
        # "Among the observer states, President of Belarus A and President of Iran B came"
        ("standing.among", r"^(?:[\w,]+\s+){0,3}?\b(?:[Aa]mong|[Oo]f|[Ff]rom)\s+(?:the\s+|its\s+)?"
         + _OWN + _ADJ + noun + _OF + r"\s*,\s+(?P<list>[^;]*?)(?=;|\s+(?:while|whereas|but)\b|$)"),
        # "several other states, including Peru and Ghana, follow its work as observers"
        ("standing.including", r"\b(?:including|such\s+as|among\s+them|notably)\s+" + _LIST
         + r"\s*,?[^;:.\u27e6]{0,60}?\bas\s+(?:an?\s+)?" + _OWN + noun + _OF),
        # translated word order: "The status of observer state at the Union has the Republic
        # of Uzbekistan and Cuba"
        ("standing.status", r"\bstatus\s+of\s+(?:an?\s+)?" + _ADJ + noun + _OF
         + r"\s+(?:has|have|had|is\s+held\s+by|belongs\s+to|is\s+enjoyed\s+by)\s+" + _LIST),
        # "the bloc granted Laos observer status", "admitted Turkmenistan as an observer"
        ("standing.granted", r"(?P<giver>\u27e6O\d+\u27e7[^;]{0,40}?)?\b" + _GIVE
         + r"\s+" + _LIST + r"\s+(?:(?:an?|the)\s+)?" + noun + r"[\s-]+status"),
        ("standing.admitted", r"(?P<giver>\u27e6O\d+\u27e7[^;]{0,40}?)?\b" + _ADMIT
         + r"\s+" + _LIST + r"\s+as\s+(?:(?:an?|new|its)\s+)*" + noun + _OF),
        # "Chile is not a member; it is an associate member", "Norway is not a full member
        # but an observer": the standing the negation sets apart from membership
        ("standing.not-member-but", _LIST + r"\s+(?:is|was|remains|has\s+never\s+been)\s+"
         r"(?:not|never)?\s*(?:yet\s+)?(?:an?\s+)?(?:full(?:-fledged)?\s+)?member\b"
         r"(?:\s+(?:state\s+)?of\s+(?:the\s+)?" + _ORG.format("o1") + r")?\s*"
         r"(?:;\s*(?:it|they)\s+(?:is|are|remains?|has\s+been)|,?\s+but\s+(?:is\s+|remains\s+|"
         r"has\s+been\s+)?|[,;]\s+(?:only\s+)?)\s*(?:an?\s+|only\s+an?\s+)?" + _ADJ + noun + _OF),
        # "the bloc admitted Laos as a partner (in 2024)": a partner by admission, which
        # "a partner" alone is not ("a trading partner")
        ("standing.admitted-partner", r"(?P<giver>\u27e6O\d+\u27e7[^;]{0,40}?)?\b" + _ADMIT
         + r"\s+" + _LIST + r"\s+as\s+(?:(?:an?|new|its)\s+)*(?P<noun>partners?)\b" + _OF),
        ("standing.admitted-partner", _LIST + r"\s+(?:was|were|has\s+been|have\s+been)\s+"
         r"(?:formally\s+|also\s+)?" + _ADMIT + r"\s+as\s+(?:(?:an?|new|its)\s+)*"
         r"(?P<noun>partners?)\b" + _OF),
    ]]


@cache
def _not_before() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases.lines("standing_not_before.txt"))
                      + r")\s+$", re.IGNORECASE)


def _status(noun: str) -> str | None:
    for status, rx in _nouns():
        if rx.match(noun.strip()):
            return status
    return None


def _org(sentence: Masked, m: re.Match[str], ctx: Context) -> str | None:
    """The body the standing is in: named with the noun, else the giver, else the last one
    before in the sentence, else the organisation in focus."""
    for group in ("o3", "o2", "o1"):
        token = m.groupdict().get(group)
        if token:
            return sentence.org(token)
    before = [sentence.org(i) for _, _, i in sentence.tokens("O", 0, m.start("list"))]
    before = [o for o in before if o]
    return before[-1] if before else ctx.topic_org


def extract_standing(ctx: Context) -> list[Membership]:
    """Observers, dialogue partners and associates each sentence names, with its evidence."""
    found: dict[tuple[str, str, str], Membership] = {}
    for sentence in ctx.sentences:
        masked = sentence.masked
        for rule, rx in _shapes():
            for m in rx.finditer(masked):
                status = _status(m.group("noun")) or (
                    "partner" if rule == "standing.admitted-partner" else None)
                if status is None:
                    continue
                if status == "observer" and _not_before().search(
                        masked[max(0, m.start("noun") - 30):m.start("noun")]):
                    continue
                if rule == "standing.noun-list" and m.group("before") and \
                        _not_before().search(m.group("before")):
                    continue
                lead = masked[max(0, m.start() - 40):m.end()]
                if rule == "standing.not-member-but":
                    lead = masked[max(0, m.start() - 40):m.start()]  # its own "not" is the point
                if negated(lead) or hedged(lead) or _SOUGHT.search(lead):
                    continue
                org = _org(sentence, m, ctx)
                if org is None:
                    continue
                since = _SINCE.match(masked, m.end())
                start = sentence.item(since.group(1)).date.start if since else None
                spans = [(m.start("list"), m.end("list"))]
                more = _AS_DOES.match(masked, m.end())
                if more:
                    spans.append((more.start("list"), more.end("list")))
                also = _ALSO_SINCE.match(masked, m.end())  # "..., and since 2024 also Iran"
                later = sentence.item(also.group("t")).date if also else None
                if also:
                    spans.append((also.start("list"), also.end("list")))
                for pos, _, i in (t for span in spans for t in sentence.tokens("S", *span)):
                    state = sentence.state(i)
                    if state is None:
                        continue
                    if also and pos >= also.start("list") and later is not None:
                        start = later.start
                    old = found.get((org, state, status))
                    if old is not None:
                        old.start = old.start or start  # "Turkmenistan, ... since 2021"
                        continue
                    found[(org, state, status)] = Membership(
                        org, state, start, None, status, evidence=evidence(sentence),
                        origin="extracted", confidence=0.75, rule=rule)
    return list(found.values())


__all__ = ["extract_standing", "standing_nouns"]
