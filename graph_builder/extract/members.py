"""Membership: lists of member states, joining, remaining, suspending, withdrawing.

Observers, partners, applicants and invitees are not members, and "is not yet a member"
is no membership: the list rules stop at such words and every rule checks for negation.
"""

from __future__ import annotations

import re

from graph_builder.core.facts import Membership
from graph_builder.core.reference import resolve
from graph_builder.extract.common import (
    SA,
    STATE_LIST,
    O,
    S,
    T,
    coordinated_before,
    evidence,
    hedged,
    negated,
)
from graph_builder.extract.context import Context, Masked
from graph_builder.extract.member_mentions import (
    STAYED_AWAY,
    at_members_table,
    inside,
    office_holders,
    outsider_spans,
    references,
    table_states,
)
from graph_builder.extract.plural_subjects import plural_subject

# an aside between a subject and its verb ("Ukraine, which joined in 1995, left"): no state in it,
# else the verb is that state's ("Uzbekistan's leader, while Georgia, which left the CIS")
_ASIDE = r"(?:(?!\u27e6[SA])[^,]){1,80}"
_BODY = r"(?:bloc|organi[sz]ation|group|union|alliance|conference|body|Council|Commonwealth|" \
    r"Union|Alliance|League|Conference|forum|Forum)"


def _lexicon(name: str) -> str:
    """An alternation of the phrases in lexicon/NAME (one per line, '#' comments)."""
    from importlib import resources

    text = resources.files("graph_builder.extract").joinpath(f"lexicon/{name}").read_text("utf-8")
    phrases = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    return "|".join(re.sub(r"\s+", r"\\s+", p) for p in phrases if p)


_LIST_VERBS = _lexicon("member_list_verbs.txt")
_LIST_TRIGGER = re.compile(
    r"\b(?:(?:full|founding|permanent|non-permanent|elected|current|original|new|other|"
    r"remaining|present|rotating|\w+teen|\w+ty|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\s+){0,2}(?:member\s+states|members|participating\s+states|partner\s+states|"
    r"member\s+countries|membership)\s+(?:of\s+(?:the\s+)?(?:(?P<org>" + O + r")|" + _BODY
    + r")\s+)?(?:(?:in|for)\s+" + T + r"\s+)?"
    r"(?:are|were|include|included|comprise|is\s+made\s+up\s+of|now\s+(?:are|include)|"
    # "a membership that also includes A, B and C"
    r"(?:that|which)\s+(?:also\s+|now\s+)?(?:includes|included|comprises))\b"
    r"|(?:(?P<org2>" + O + r")|(?:The|the)\s+" + _BODY + r"|\b[Ii]t)(?:'s)?"
    r"(?:,\s*which|,[^,;]{1,60},|,(?=\s+(?:(?:currently|now)\s+)?(?:comprising|consisting\s+of|"
    r"made\s+up\s+of|bringing\s+together|uniting|encompassing)\b))?\s+"
    r"(?:(?:currently|now|also)\s+)?"
    r"(?:" + _LIST_VERBS + r")\b"
    # "the organisation has nine member states: A, B ...", "28 member states, from A and B"
    r"|\b(?:has|have|had|counts?|numbers?)\s+(?:\w+(?:-\w+)?\s+){0,3}(?:full\s+)?(?:member\s+states|"
    r"members|member\s+countries|partner\s+states)\s*(?::|[\u2013\u2014]|\s-\s|,\s*(?:from|including|namely))"
    # "the Forum's 18 members, including Australia and New Zealand"
    r"|(?:(?P<org5>" + O + r")'s|\b[Ii]ts)\s+(?:\w+\s+)?(?:full\s+)?(?:member\s+states|members|"
    r"member\s+countries)\s*,?\s+(?:including|such\s+as|among\s+them)\s+(?=(?:the\s+)?\u27e6S)"
    # "the remaining members, A, B and C,", "its member states: A, B"
    # "the six founding states of 2001 -- A, B and C --"
    r"|\b(?:member\s+states|members|member\s+countries|participating\s+states|founding\s+"
    r"(?:states|countries|nations))(?:\s+of\s+(?:the\s+)?(?P<org4>" + O + r"))?(?:\s+(?:of|in)\s+"
    + T + r")?(?:\s*\(\d+\))?\??\s*(?:[,:\u2013\u2014]|\s--?)\s*"
    r"(?:(?:are|were|include)\s*:?\s*)?(?=(?:the\s+)?\u27e6S)"
    # "ECOWAS is a 12-member organisation: A, B ..."
    r"|\b(?:is|was|remains|becomes|became)\s+(?:now\s+|today\s+)?an?\s+(?:\d+|\w+)-(?:member|nation|"
    r"state|country)\s+(?:organi[sz]ation|bloc|group(?:ing)?|body|community|union|alliance|"
    r"\u27e6O\d+\u27e7)\s*(?::|[\u2013\u2014]|\s-\s)\s*(?=(?:the\s+)?\u27e6S)"
    # "on paper the bloc still has five: A, B, C, D and E"
    r"|\b(?:has|have|had|counts?|numbers?)\s+(?:(?:still|now|only|just|today)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?)"
    r"\s*(?::|[\u2013\u2014]|\s-\s)\s*(?=(?:the\s+)?\u27e6S)",
    re.IGNORECASE)
# the body whose members a list trigger names: "⟦O3⟧'s founding members"
_OWNER_BEFORE = re.compile(r"(\u27e6O\d+\u27e7)(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}$")
_NUMBER = (r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
           r"\w+ty(?:-\w+)?)")
# "Eight countries: A, B ..." (the answer to "Who are the members?"), "its 10 members: A, B"
_COUNT_LIST = re.compile(r"^(?:(?:It|The\s+\w+)\s+has\s+)?" + _NUMBER + r"\s+(?:full\s+)?"
                         r"(?:member\s+)?(?:countries|states|nations|members)\s*(?::|\u2014|-)\s*"
                         r"(?=(?:the\s+)?\u27e6S)", re.IGNORECASE)
# a list of states: "A, B and the C"
_LIST = STATE_LIST
# "Bolivia joins Argentina, Brazil, Paraguay and Uruguay as a full member"
_JOINS_LIST = re.compile(r"\b(?:joins|joined|joining)\s+(?P<list>" + _LIST + r")"
                         r"\s+(?:as\s+(?:a\s+|an\s+)?(?:full(?:-fledged)?\s+)?members?|in\s+(?:the\s+)?"
                         r"(?P<org>" + O + r"))", re.IGNORECASE)
# "Set up in 1967 by Kenya, Uganda and Tanzania, the community ...": its founders, fronted
_FOUNDED_FRONT = re.compile(
    r"^(?:(?:First|Originally)\s+)?(?:[Ff]ounded|[Cc]reated|[Ss]et\s+up|[Ee]stablished|[Ff]ormed|"
    r"[Ll]aunched|[Ss]tarted)\b[^;:.]{0,60}?\bby\s+(?P<list>" + _LIST + r"),\s+(?:the\s+)?(?P<org>"
    + O + r")")
# "It was set up in Shanghai in 2001 by China, Russia, Kazakhstan ...": its founders
_FOUNDED_BY = re.compile(
    r"(?:(?P<org>" + O + r")|\b(?:It|it))\s+was\s+(?:set\s+up|founded|established|created|formed|"
    r"launched|started)\b(?:[^;:.]{0,60}?)\bby\s+(?:(?:the\s+)?(?:\w+\s+)?(?:states|countries|"
    r"nations|governments)\s*[:,\u2013\u2014-]*\s*)?(?=(?:the\s+)?\u27e6S)", re.IGNORECASE)
# "the grouping was joined by Myanmar in 1997 and by Bhutan and Nepal in 2004"
_JOINED_BY = re.compile(
    r"(?:" + O + r"|\b[Ii]t)\s+(?:was|has\s+been|had\s+been|were)\s+"
    r"(?:(?:later|then|since|also)\s+)?joined\s+by\s+(?P<list>" + _LIST + r")")
_JOINED_BY_MORE = re.compile(r"\s+(?:in|on)\s+" + T + r"|\s*,?\s+(?:and\s+)?(?:then\s+|later\s+)?"
                             r"by\s+(?P<list>" + _LIST + r")")
# Lists whose members the sentence names by what they are: the body is the one in focus
_NAMED_LISTS = [
    # "They include A, B and C" after a sentence about the members; "The six countries are"
    ("member.they", re.compile(
        r"^(?:They|These|The\s+(?:\w+\s+)?(?:countries|states|nations|members|member\s+states))\s+"
        r"(?:are|were|include|included|comprise)\s+(?P<list>" + _LIST + r")", re.IGNORECASE)),
    # "the four members - A, B, C and D - can agree", "its six member states: A, B, ..."
    ("member.count-apposition", re.compile(
        r"\b(?:the|its|all)\s+(?:" + _NUMBER + r"\s+)(?:(?:full|current|remaining|present)\s+)?"
        r"(?:members|member\s+states|member\s+countries)\s*(?:[:\u2013\u2014]|\s--?)\s*"
        r"(?P<list>" + _LIST + r")", re.IGNORECASE)),
    # "the original four - A, B, C and D -", "the founding six: A, B ..."
    ("member.founders", re.compile(
        r"\bthe\s+(?:original|founding|first)\s+(?:" + _NUMBER + r"|members|member\s+states)"
        r"\s*(?:[:\u2013\u2014]|\s--?|,)\s*(?P<list>" + _LIST + r")", re.IGNORECASE)),
    # "India and Pakistan were formally granted the status of member states"
    ("member.granted", re.compile(
        r"(?P<list>" + _LIST + r")\s+(?:was|were|has\s+been|have\s+been)\s+(?:(?:formally|"
        r"officially|finally|also)\s+)?(?:granted|given|accorded|awarded)\s+(?:the\s+)?"
        r"(?:status\s+of\s+(?:an?\s+)?)?(?:full(?:-fledged)?\s+)?(?:member\s+states?|"
        r"membership|members?)\b", re.IGNORECASE)),
    # "A, B and C all took their seats as full members"
    ("member.seats", re.compile(
        r"(?P<list>" + _LIST + r")\s+(?:(?:all|both|now|formally)\s+)?(?:took|take|takes|taking|"
        r"took\s+up|have\s+taken)\s+(?:up\s+)?(?:their|its)\s+(?:seats?|places?)\s+"
        r"(?:at\s+the\s+table\s+)?as\s+(?:full(?:-fledged)?\s+|new\s+)?members?\b",
        re.IGNORECASE)),
    # "Its founders were A, B", "the founding members are A and B"
    ("member.founders", re.compile(
        r"\b(?:founders|founding\s+(?:members|states|countries|nations)|(?:first|original|"
        r"founding)\s+(?:\w+\s+)?signatories)\s+(?:were|are|include|"
        r"included|comprised)\s+(?P<list>" + _LIST + r")", re.IGNORECASE)),
    # "A and B are founding members", "X is a full member"
    ("member.are-members", re.compile(
        r"(?P<list>" + _LIST + r")\s+(?:are|is|were|was|remain|remains|has\s+been|have\s+been)\s+"
        r"(?:(?:all|both|now|also|still|already)\s+)?(?:a\s+|an\s+)?(?:(?:full(?:-fledged)?|founding|"
        r"permanent|original)\s+)?members?(?:\s+states?)?\b(?!\s+of)(?!\s+\w+ing\b)"
        # "Kenya, Tanzania and Uganda are the original three"
        r"|(?P<list_o>" + _LIST + r")\s+(?:are|were)\s+(?:(?:also|all)\s+)?the\s+(?:original|"
        r"founding)\s+(?:" + _NUMBER + r"|members|states|countries|founders)\b",
        re.IGNORECASE)),
    # "X is one of the bloc's six members", "X, one of the alliance's founding members,"
    ("member.one-of", re.compile(
        r"(?P<list>" + SA + r"),?\s+(?:(?:is|was|remains|counts\s+as)(?:,\s+\w+,)?\s+)?one\s+of\s+"
        r"(?:(?:the\s+)?(?P<org>" + O + r")'s\s+|its\s+|the\s+)?(?:\w+\s+){0,2}?(?:members|"
        r"member\s+states|founders)\b(?:\s+of\s+(?:the\s+)?(?P<org_b>" + O + r"))?"
        r"(?:,?\s+(?:alongside|together\s+with|along\s+with|with)\s+(?P<list_b>" + _LIST + r"))?",
        re.IGNORECASE)),
    # "Both countries are also members of the CSTO and of the EAEU": the states just named
    ("member.group", re.compile(
        r"\b(?:[Bb]oth(?:\s+countries|\s+states)?|[Tt]he\s+(?:two|three|four)(?:\s+\w+)?|"
        r"[Tt]he\s+(?:trio|pair))\s+(?:are|were|remain)\s+(?:also\s+)?(?:both\s+)?(?:full\s+)?"
        r"members\s+of\s+(?:the\s+)?(?P<orgs>" + O + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:of\s+)?"
        r"(?:the\s+)?" + O + r")*)", re.IGNORECASE)),
    # "A, B and C make up the bloc"
    ("member.make-up", re.compile(
        r"(?P<list>" + _LIST + r")\s+(?:make|makes|made|form|forms|formed)\s+up\s+(?:the\s+)?"
        r"(?P<org>" + O + r")", re.IGNORECASE)),
    # "the six member states (A, B and C)"
    ("member.parenthesis", re.compile(
        r"\b(?:member\s+states|members|member\s+countries)\s*\((?P<list>" + _LIST + r")\)",
        re.IGNORECASE)),
    # "Russia and Georgia, both members at the time,": a list in apposition
    ("member.both-members", re.compile(
        r"(?P<list>" + SA + r"(?:(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?" + SA + r")+),\s+"
        r"(?:both|all)\s+(?:(?:full|founding)\s+)?members\b"
        r"(?:\s+of\s+(?:the\s+)?(?P<org>" + O + r"))?",
        re.IGNORECASE)),
    # "A and B were elected by the General Assembly as non-permanent members of the council,
    # together with C and D"
    ("member.elected", re.compile(
        r"(?P<list>" + _LIST + r")\s+(?:(?:both|all|were|was|have\s+been|has\s+been|"
        r"had\s+been)\s+)+elected\b[^;.]{0,80}?\bas\s+(?:a\s+|an\s+)?(?:(?:non-permanent|permanent|full|new)\s+)?"
        r"members?\s+of\s+(?:the\s+)?(?P<org>" + O + r")(?:[^;]{0,80}?\b(?:together|along)\s+"
        r"with\s+(?P<list_b>" + _LIST + r"))?", re.IGNORECASE)),
    # "has yet to win the approval of two allies, Turkey and Hungary": a count, then the list
    ("member.count-apposition", re.compile(
        r"\b" + _NUMBER + r"\s+(?:(?:fellow|other|existing|remaining|founding|full)\s+)?"
        r"(?:allies|members|member\s+states|member\s+countries),\s+(?P<list>" + _LIST + r")",
        re.IGNORECASE)),
    # "the alliance's newest member, Finland,"
    ("member.newest", re.compile(
        r"(?:(?P<org>" + O + r")'s|\b[Ii]ts)\s+(?:newest|latest|youngest|oldest|\w+(?:st|nd|rd|th))"
        r"\s+(?:full\s+)?member(?:\s+state)?,?\s+(?P<list>" + SA + r")"
        # "The eighth member is, of course, Russia itself"
        r"|\bThe\s+(?:\w+(?:st|nd|rd|th)|last|final)\s+member(?:\s+state)?\s+(?:is|was)"
        r"(?:,\s*(?:of\s+course|naturally|however)\s*,)?\s+(?P<list_o>" + SA + r")",
        re.IGNORECASE)),
]
_ACCESSION_DONE = (r"(?:formali[sz]ed|completed|approved|finali[sz]ed|confirmed|sealed|"
                   r"took\s+effect|takes\s+effect|became\s+effective|went\s+through|"
                   r"came\s+into\s+force)")
_INTO = r"(?:\s+(?:to|into|in|of)\s+(?:the\s+)?(?P<org>" + O + r"))?"
# Joining told as a noun or another verb: "Iran's accession was formalised", "the admission of
# Iran was approved", "Iran gained full membership", "Iran entered the bloc", "came in in 2007"
_ACCESSIONS = [
    # "the decision on granting Belarus full membership had been adopted"
    re.compile(r"\bgrant(?:ing|ed|s)?\s+(?P<list>" + _LIST + r")\s+(?:full\s+)?membership" + _INTO
               + r"(?=[^.;]{0,60}?\b(?:adopted|approved|taken|agreed|confirmed|formali[sz]ed)\b|"
               r"\s+(?:in|on|at)\s+\u27e6T)"
               # "the leaders adopted the decision on granting Iran full membership"
               r"|\b(?:adopted|approved|took|signed|endorsed)\s+(?:the\s+|a\s+)?(?:decision|"
               r"resolution)\s+(?:on|to)\s+grant(?:ing)?\s+(?P<list_f>" + _LIST + r")\s+"
               r"(?:full\s+)?membership", re.IGNORECASE),
    re.compile(r"(?P<list>" + SA + r")'s\s+(?:accession|admission|entry|membership)" + _INTO
               + r"\s+(?:(?:was|has\s+been|had\s+been|is|were)\s+)?(?:(?:formally|officially|"
               r"finally|now)\s+)?" + _ACCESSION_DONE, re.IGNORECASE),
    re.compile(r"\b(?:accession|admission|entry)\s+of\s+(?P<list>" + _LIST + r")" + _INTO
               + r"\s+(?:(?:was|has\s+been|had\s+been|were)\s+)?(?:(?:formally|officially|"
               r"finally)\s+)?" + _ACCESSION_DONE, re.IGNORECASE),
    re.compile(r"(?P<list>" + _LIST + r")\s+(?:(?:formally|officially|finally|also)\s+)?"
               r"(?:gained|obtained|won|secured|received|(?:was|were)\s+granted)\s+(?:full\s+)?"
               r"membership" + _INTO, re.IGNORECASE),
    re.compile(r"(?P<list>" + _LIST + r")\s+(?:(?:formally|officially|finally)\s+)?entered\s+"
               r"(?:the\s+)?(?P<org>" + O + r")", re.IGNORECASE),
    re.compile(r"(?P<list>" + _LIST + r")\s+(?:came\s+in|signed\s+up)(?:\s+together)?"
               r"(?=\s+(?:in|on|at)\s)", re.IGNORECASE),
]
# "..., South Sudan was admitted in 2016 and the DRC in 2022": the later joiner of an ellipsis
_ELLIPTIC_JOIN = re.compile(
    r"(?:,|\band|\bthen|\bwith)\s+(?:the\s+)?(?P<list>" + SA + r"(?:\s+and\s+(?:the\s+)?" + SA
    + r")?)\s+(?:(?:together|jointly)\s+)?in\s+" + T + r"(?=\s*(?:[,.;]|and\b|$))"
    r"|(?P<list_f>" + SA + r")\s+(?:followed|came\s+next)(?:,)?\s+in\s+" + T, re.IGNORECASE)
_JOIN_WORDS = re.compile(r"\b(?:joined|admitted|came\s+in|acceded|accepted|became\s+(?:a\s+)?"
                         r"members?|founded|founders|followed|came\s+next)\b", re.IGNORECASE)
_MEMBER_OF_AFTER = re.compile(r"[^.;]{0,60}?\bmember\s+(?:state\s+)?of\s+(?:the\s+)?" + O)
_ORG_SUBJECT = re.compile(r"(" + O + r")(?:\s+(?:now|still|today|only|currently|also))?\s*$")
_ARE_MEMBERS = re.compile(
    r"(?P<list>(?:both\s+)?" + SA + r"(?:(?:,\s*|,?\s+and\s+)" + SA + r")+)\s+are\s+"
    r"(?:(?:now|also|still|all|both|full|founding)\s+)*members\s+of\s+(?:the\s+)?"
    r"(?:(?P<org>" + O + r")|"
    + _BODY + r")"
    # "Armenia and Belarus belong to the CSTO"
    r"|(?P<list2>(?:both\s+)?" + SA + r"(?:(?:,\s*|,?\s+and\s+)" + SA + r")*)\s+(?:also\s+|all\s+)?"
    r"(?:(?:has|had|have)\s+)?belong(?:s|ed)?(?:\s+to\s+(?:the\s+)?(?:(?P<org2>" + O + r")|it\b|"
    r"(?:bloc|organi[sz]ation|group|union|alliance|community)\b)|(?=\s+since\s))",
    re.IGNORECASE)
# "Ukraine, which joined in 1995, remains one of them" after a sentence about the members
_ONE_OF_THEM = re.compile(SA + r"(?:,[^;]{1,100},)?\s+(?:is|was|remains|remained)\s+(?:still\s+)?"
                          r"one\s+of\s+them\b", re.IGNORECASE)
# "Russia, China and India are among them" after a sentence about the members
_AMONG = re.compile(
    r"(?P<list>" + SA + r"(?:(?:,\s*|,?\s+and\s+)" + SA + r")+)\s+(?:are\s+(?:also\s+)?)?among\s+"
    r"(?:them|its\s+members|the\s+(?:\w+\s+)?members)"
    # "Kazakhstan is among the founders"
    r"|(?P<list_f>" + SA + r"(?:(?:,\s*|,?\s+and\s+)" + SA + r")*)\s+(?:is|are|was|were)\s+"
    r"(?:also\s+)?among\s+(?:the\s+|its\s+)?(?:founders|founding\s+(?:members|states|nations|"
    r"countries)|original\s+members)\b", re.IGNORECASE)
# "Sudan, a member of the League,", "Ukraine, a member since 1995,"
_APPOSITION = re.compile(
    r"(?P<who>\u27e6[SAO]\d+\u27e7),\s+(?:(?:which|that|who)\s+(?:has\s+been|had\s+been|is|was|"
    r"became|remains)\s+)?(?:a|an|itself\s+a|also\s+a)\s+(?:(?:full|founding|"
    r"permanent|long-standing|longtime)\s+)?(?:(?P<org0>" + O + r")\s+)?member(?:\s+state)?"
    r"(?:\s+of\s+(?:the\s+)?(?:(?P<org>" + O + r")|" + _BODY + r"))?"
    r"(?:\s+(?:since|in)\s+\u27e6T\d+\u27e7)?\s*[,.]", re.IGNORECASE)
# "the island also sits on the UN Security Council as a non-permanent member"
_SITS_ON = re.compile(r"\b(?:sits|sat|serves|served|has\s+a\s+seat|held\s+a\s+seat)\s+on\s+"
                      r"(?:the\s+)?(?P<org>" + O + r")\s+as\s+(?:a|an)\s+(?:[\w-]+\s+)?member\b",
                      re.IGNORECASE)
_LIST_STOP = re.compile(
    r";|\b(?:observers?|partners?(?!\s+(?:states|countries)\b)|dialogue|applicants?|candidates?|invited|invitees?|guests?|"
    r"except|but\s+not|while|whereas|not\s+members?|associate)\b", re.IGNORECASE)
# a list of states alone, parted by semicolons (a factbox's long official names)
_SEMICOLON_LIST = re.compile(r"\s*(?:(?:the\s+)?\u27e6S\d+\u27e7\s*(?:;|,|;?\s*and)\s*)+"
                             r"(?:the\s+)?\u27e6S\d+\u27e7\s*[.;]?\s*$")
# a list opened by a dash ends at the next one: "the member states -- A, B and C -- paused"
_OPENING_DASH = re.compile(r"(?:\s--?|[\u2013\u2014])\s*$")
CLOSING_DASH = re.compile(r"\s--?\s|[\u2013\u2014]")
_JOIN = re.compile(
    # "Five of those - A, B and C - founded the organisation": a list closed by a dash
    r"\u27e6[SAO](\d+)\u27e7(?:\s+--?|\s*[\u2013\u2014]|,(?=\s+(?:co-)?founded|\s+set\s+up))?"
    # "Bolivian President Luis Arce, whose country joined the bloc in 2024"
    r"(?:(?:\s+[^,;.\u27e6]{1,60})?,\s+whose\s+(?:country|nation|government|state))?"
    r"(?:," + _ASIDE + r",)?\s+(?:(?:has|had|have|formally|officially|"
    r"finally|also|then|"
    r"\w+ly|on\s+\u27e6T\d+\u27e7|in\s+\u27e6T\d+\u27e7)\s+)*"
    r"(?P<verb>joined|join|joins|became\s+(?:a|the|an)\s+(?:full(?:-fledged)?\s+|full\s+|new\s+|"
    r"\w+\s+)*member(?:\s+state)?\s+of|becomes\s+(?:a|the|an)\s+(?:\w+\s+)*member(?:\s+state)?"
    r"\s+of|was\s+admitted\s+(?:as\s+(?:a|the)\s+(?:\w+\s+)*member\s+)?(?:to|into)|"
    r"(?:was\s+|were\s+|being\s+)?admitted\s+as\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?members?\s+of|"
    r"completed\s+its\s+accession\s+to|(?:co-)?founded|set\s+up|created|established|formed|"
    # "Chile has taken part in the bloc since 1969", "took part in the founding of the bloc"
    r"(?:(?:has|have|had)\s+)?(?:taken\s+part|participated|t(?:ook|akes?)\s+part)\s+in(?:\s+the\s+"
    r"(?:founding|creation|establishment)\s+of)?|"
    r"launched|sat\s+as\s+(?:a|the)\s+(?:\w+\s+)*member\s+of|"
    r"acceded\s+to|accedes\s+to|(?:was|were)\s+(?:incorporated|integrated|accepted|added|"
    r"brought)\s+(?:in)?to|(?:has|have)\s+become\s+(?:a\s+|an\s+)?(?:full(?:-fledged)?\s+)?"
    r"members?\s+of)"
    r"\s+(?:the\s+)?(?P<org>" + O + r"(?!'s|\u2019s)|(?:it|the\s+(?:bloc|group|"
    r"organi[sz]ation|union|alliance|body|commonwealth|conference|league))\b)"
    # "became the 31st member", "completed its accession", "joined in 2015"
    r"|\u27e6[SAO](\d+)\u27e7(?:,\s*which|,[^,]{1,80},)?\s+(?:(?:has|had|have|formally|officially|finally|"
    r"also|then|\w+ly)\s+)*(?:became\s+(?:a|the|an)\s+(?:\w+\s+){0,2}member\b(?!\s+of)|"
    # "Albania and Croatia became the 27th and 28th allies"
    r"became\s+(?:the\s+|\u27e6O\d+\u27e7['\u2019]s\s+)(?:[\w'\u2019]+\s+){0,3}?(?:ally|allies|members|"
    r"member\s+states)\b"
    r"(?!\s+of)|"
    r"became\s+(?:(?:full|new|full-fledged)\s+)?members\b(?!\s+of)|"
    r"(?:has|have)\s+become\s+(?:a\s+|an\s+)?(?:full(?:-fledged)?\s+)?members?\b(?!\s+of)|"
    r"(?:was|were)\s+(?:let\s+in|brought\s+in)|"
    # "set the format up in 2006", "came on board in 2011"
    r"set\s+(?:it|the\s+(?:\w+\s+)?(?:format|group|grouping|bloc|club|forum|body|"
    r"organi[sz]ation|alliance|union|community))\s+up\b|"
    r"came\s+(?:on\s+board|aboard)(?=\s+(?:in|on|at|last|earlier)\b)|"
    r"(?:was|were)\s+(?:added|admitted|accepted)(?:\s+(?:together|jointly|formally))?"
    r"(?=\s+(?:in|on|at|last|earlier)\b)|"
    # "Congo is the most recent arrival, having joined in 2018"
    r"(?:(?:is|was)\s+[^,.;\u27e6]{1,60})?,\s+having\s+(?:joined|acceded|been\s+admitted)(?=\s+(?:in|on|"
    r"at|last|earlier)\b)|"
    r"completed\s+its\s+accession\b(?!\s+to)|was\s+admitted\s+as\s+(?:a|an|the)\s+(?:\w+\s+){0,2}"
    r"member\b(?!\s+(?:of|to|into)\b)|(?:joined|acceded)(?=\s+(?:in|on|at|last|"
    r"earlier)\b))", re.IGNORECASE)
# a headline's present tense: "Finland joins Nato", "Timor-Leste becomes Asean's 11th member"
_PRESENT_JOIN = re.compile(r"\b(?:joins|becomes|enters|is\s+admitted|accedes)\b", re.IGNORECASE)
_ALONG_WITH = re.compile(r"(?:\s+(?:in|on)\s+" + T + r")?,?\s+(?:along|together)\s+with\s+"
                         r"(?P<list>" + _LIST + r")")
_ADMIT = re.compile(
    r"(?:admit(?:s|ted|ting)?|welcom(?:ed|es|ing)|accept(?:s|ed)?)\s+(?:the\s+)?"
    + r"\u27e6[SAO](\d+)\u27e7"
    + r"(?:\s+as\s+(?:its|a|the|\u27e6O\d+\u27e7's)\s+(?:[\w'-]+\s+){0,4}?member)", re.IGNORECASE)
# "launched the procedure for admitting X as a member": an admission begun, not made
_PROCESS_OF = re.compile(r"\b(?:procedures?|process|talks|negotiations|road\s*map|bids?|"
                         r"applications?|requests?)\s+(?:for|of|on|to|towards)\s+$", re.IGNORECASE)
# "the four countries that joined the group at the start of the year: A, B and C"
_JOINED_LIST = re.compile(
    r"\b(?:countries|states|nations|members|newcomers)\s+(?:that|which|who)\s+(?:(?:have|had|"
    r"formally|officially|\w+ly)\s+)*(?:joined|were\s+admitted\s+to)\s+(?:the\s+)?(?:(?P<org>"
    + O + r")|(?:" + _BODY + r"|group)\b)[^:;.]{0,80}?:", re.IGNORECASE)
# "Damascus resumed its seat", "Syria was readmitted to the League"; "readmitted Syria"
_RESTORE = re.compile(
    SA + r"(?:," + _ASIDE + r",)?\s+(?:\w+\s+){0,2}?(?:resumed\s+its\s+(?:seat|membership|place)|"
    r"(?:was|has\s+been|had\s+been)\s+(?:formally\s+)?(?:readmitted|reinstated|welcomed\s+back)|"
    r"rejoined|returned\s+to|"
    # "Gabon walked out in January 1995 and came back in July 2016"
    r"(?:left|quit|withdrew|walked\s+out|pulled\s+out|suspended\s+its\s+membership)\b(?:[^.;\u27e6]|\u27e6T\d+\u27e7){0,60}?\band\s+(?:later\s+|then\s+)?"
    r"(?:rejoined|came\s+back|returned))(?:\s+(?:in|to|of|into)\s+(?:the\s+)?(?P<org>" + O + r"))?"
    r"|(?:readmit(?:s|ted|ting)?|reinstat(?:es|ed|ing)|welcom(?:ed|es)\s+back|restor(?:ed|es|e|ing)"
    r"\s+(?:the\s+)?membership\s+of)\s+(?:the\s+)?" + SA, re.IGNORECASE)
_YEAR_START = re.compile(r"\b(?:at|from)\s+the\s+(?:start|beginning|turn)\s+of\s+(?:the|this)\s+"
                         r"year\b", re.IGNORECASE)
_REMAIN = re.compile(
    SA + r"(?:," + _ASIDE + r",)?\s+(?:\w+\s+)?(?:remain(?:s|ed)?|is\s+still|was\s+still|stays|"
    r"is|was|continues\s+to\s+be|(?:has|had|have)\s+(?:\w+\s+)?been)\s+"
    r"(?:(?:now|already|also|still|long)\s+)?(?:as\s+)?(?:a|an)\s+"
    r"(?:(?:full(?:-fledged)?|founding|"
    # (not "an associate member of": a standing, standing.py's)
    r"permanent|reliable|(?!associate\b|observer\b|affiliate\b|partner\b|candidate\b|non\b|"
    r"former\b|suspended\b)\w+)\s+)*member\s+(?:state\s+)?of\s+(?:the\s+)?(?P<org>" + O
    + r"|(?:the\s+)?(?:bloc|organi[sz]ation|group|union|alliance))", re.IGNORECASE)
# "With Finland now in the alliance", "with Belarus now a full member of the bloc": a
# member stated in passing, in the clause that sets the scene
_WITH_NOW = re.compile(
    r"\bwith\s+" + SA + r"\s+(?:now|already)\s+(?:(?:a|an)\s+(?:(?:full(?:-fledged)?|"
    r"founding|permanent)\s+)?member\s+(?:state\s+)?of|in|inside|part\s+of)\s+(?:the\s+)?"
    r"(?P<org>" + O + r"|(?:bloc|organi[sz]ation|group(?:ing)?|union|alliance|pact)\b)",
    re.IGNORECASE)
_SUSPEND = re.compile(
    SA + r"(?:," + _ASIDE + r",)?\s+(?:\w+\s+){0,2}?(?P<verb>suspend(?:s|ed)?|froze|freezes|"
    r"frozen|has\s+frozen|had\s+frozen)\s+(?:its|their|his|her)\s+(?:participation|membership)"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?P<org>" + O + r"))?", re.IGNORECASE)
_SUSPENDED = re.compile(
    SA + r"'s\s+membership\s+(?:of\s+(?:the\s+)?(?P<org>" + O + r")\s+)?(?:had\s+been|has\s+been|"
    r"was)\s+suspended"
    r"|\bmembership\s+of\s+(?:the\s+)?" + SA + r"\s+(?:in\s+(?:the\s+)?(?:(?P<org2>" + O + r")|"
    r"(?:[a-z]+\s+){0,2}[a-z]+)\s+)?"
    r"(?:had\s+been|has\s+been|was|is|remains)\s+suspended", re.IGNORECASE)
# "Burkina Faso, Mali, Guinea and Sudan remain suspended", "Niger was suspended"
_SUSPENDED_LIST = re.compile(
    r"(?P<list>" + _LIST + r")"
    r"(?:,[^,;]{1,40},)?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|remains?|stay(?:s)?|"
    r"are|is|also|still|already|now|formally)\s+)+(?:suspended\b(?!\s+(?:its|their|talks|aid))|"
    r"under\s+suspension\b)"
    # "Venezuela, suspended since 2016,"
    # "Mali, a country that has been suspended from ECOWAS since 2021,"
    r"|(?P<list_a>" + _LIST + r"),\s+(?:(?:which\s+(?:has\s+been|was|is|remains)|still|itself|"
    r"(?:a|an|the)\s+(?:country|state|nation|member(?:\s+state)?)\s+(?:that|which)\s+(?:has\s+been|"
    r"had\s+been|was|is|remains))\s+)?"
    r"suspended\s+(?:since|in|from|after)\b"
    # "ECOWAS suspends Guinea's participation in its bodies"
    r"|\u27e6O\d+\u27e7\s+(?:(?:has|had|also|formally|then|\w+ly)\s+)*(?:suspends|suspended)\s+"
    r"(?P<list_b>" + _LIST + r")(?:'s|\u2019s)\s+(?:participation|membership)"
    # "the bloc suspended Venezuela from all its bodies", "ECOWAS suspended Niger in 2023"
    r"|\u27e6O\d+\u27e7\s+(?:(?:has|had|also|formally|then|\w+ly)\s+)*(?:suspends|suspended)\s+"
    r"(?P<list_c>" + _LIST + r")(?=\s+(?:from|in|on|over|after|following|for|until|"
    r"indefinitely)\b|\s*[,.;]|\s*$)"
    # "the council shut Bolivia out of every body and activity", "barred Mali from all its
    # activities": a suspension in other words
    r"|\b(?:shut|shuts|barred|bars|excluded|excludes)\s+(?P<list_d>" + _LIST + r")\s+"
    r"(?:out\s+of|from)\s+(?:every|all|each)\s+(?:(?:of\s+)?(?:its|the|their)\s+)?(?:\w+\s+){0,2}?(?:bod(?:y|ies)|"
    r"activit(?:y|ies)|organs?|institutions?|meetings?|decision-making)\b", re.IGNORECASE)
# "Six countries under suspension after coups - Burkina Faso, Gabon, Guinea ... -"
_SUSPENDED_NAMED = re.compile(
    r"\b(?:countries|states|members|member\s+states|nations|governments)\s+(?:(?:currently|still|"
    r"now)\s+)?(?:under\s+suspension|suspended)\b[^;:.\u2013\u2014]{0,100}?(?:[:\u2013\u2014]|\s-\s)"
    r"\s*(?P<list>" + _LIST + r")", re.IGNORECASE)
# "Venezuela's withdrawal took effect in 2019", "Nicaragua completed its exit in November 2023"
_WITHDRAWAL = re.compile(
    SA + r"'s\s+(?:notice\s+of\s+|planned\s+|formal\s+)?(?:withdrawal|exit|departure)"
    r"(?:\s+from\s+(?:the\s+)?(?P<org>" + O + r"))?\s+"
    r"(?:(?:took|takes|has\s+taken|will\s+take)\s+effect|(?:becomes|became|will\s+become|"
    r"will\s+be|is|was)\s+(?:effective|final|complete))|"
    + SA + r"\s+(?:completed|finali[sz]ed)\s+its\s+"
    r"(?:withdrawal|exit|departure)(?:\s+from\s+(?:the\s+)?(?P<org2>" + O + r"))?",
    re.IGNORECASE)
# "the departure of Mali, Burkina Faso and Niger from ECOWAS took effect"
_DEPARTURE_OF = re.compile(
    r"\b(?:withdrawal|exit|departure|expulsion)\s+of\s+(?P<list>" + _LIST + r")\s+from\s+"
    r"(?:the\s+)?(?P<org>" + O + r")", re.IGNORECASE)
# leaving told in apposition or fronted: "Russia, expelled from the Council of Europe in 2022,",
# "Uzbekistan, a former member that left in 2012,", "Since its exit from OPEC in 2019, Qatar"
_LEFT_SHAPES = [
    re.compile(r"(?P<list>" + SA + r"),\s+(?:(?:which|that|who)\s+(?:was|were|had\s+been|"
               r"has\s+been)\s+)?(?:expelled|ousted|thrown\s+out)\s+(?:from|of)\s+(?:the\s+)?"
               r"(?P<org>" + O + r")"),
    re.compile(r"(?P<list>" + SA + r"),\s+(?:a|an|the)\s+former\s+(?:full\s+)?member(?:\s+state)?\b"
               r"(?:\s+of\s+(?:the\s+)?(?P<org>" + O + r"))?"),
    re.compile(r"\b(?:Since|After|Following|With)\s+its\s+(?:exit|withdrawal|departure|expulsion)\s+"
               r"from\s+(?:the\s+)?(?P<org>" + O + r")(?:\s+in\s+" + T + r")?\s*,\s+(?:the\s+)?"
               r"(?P<list>" + SA + r")"),
]
_WITHDRAW = re.compile(
    SA + r"(?:,\s*which|\s+which)?(?:," + _ASIDE + r",)?\s+(?:\w+\s+){0,2}?(?P<verb>withdrew|"
    r"withdraws|left|leaves|leaving|quit|quits|quitting|pulled\s+out\s+of|"
    r"(?:shall\s+|will\s+)?(?:ceased?|ceases)\s+to\s+be\s+(?:a\s+)?members?\s+of|"
    r"(?:was|were|has\s+been|had\s+been)\s+expelled\s+from|exited|"
    # "Ukraine ended its participation in the CIS", "renounced its membership of the bloc"
    r"(?:ended|terminated|renounced|gave\s+up|relinquished)\s+(?:its|their)\s+(?:\w+\s+)?"
    r"(?:membership|participation)\s+(?:in|of)|"
    # "Venezuela denounced the Andean Community treaty in 2006": a withdrawal
    r"denounced(?=\s+(?:the\s+)?\u27e6O\d+\u27e7['\u2019s]*\s+(?:treaty|charter|agreement|accord)\b))"
    r"\s+(?:from\s+)?(?:the\s+)?"
    r"(?P<org>" + O + r"(?!'s|\u2019s)|it\b|the\s+(?:bloc|organi[sz]ation|"
    r"group|union|alliance|commonwealth|conference|league)"
    # "and Georgia left in 2009": the body was named earlier in the sentence
    r"|(?=(?:in|on)\s+\u27e6T))", re.IGNORECASE)


_MEMBER_WORD = re.compile(r"member|join|admit|belong|consists|followed|came\s+next|let\s+in|"
                          r"on\s+board|aboard|formed|launched|signator|"
                          r"brought|admission|entry|entered|came\s+in|signed\s+up|"
                          r"they\s+(?:are|include)|make\s+up|made\s+up|"
                          r"founders|participating|set up|founded|established|"
                          r"created|accepted|\ball(?:y|ies)\b|\bpart\s+in\b|participated|denounc|shut|barred|"
                          r"incorporated|integrated|added|started|exit|departure|"
                          r"accede|suspen|froze|frozen|withdr|left|leave|leaving|quit|"
                          r"countries|states|nations|" + _LIST_VERBS.lower() + "|"
                          r"reinstat|restor|resumed|returned|participation|expuls|renounce|"
                          r"quit|pulled out|exit|comprise|consists|brings together|among|expel|"
                          r"accession|found|sits|seat|allies|elected|one of them|"
                          r"\b(?:has|have|had|counts?)\s+(?:still\s+|now\s+)?[\w-]+\s*:")


# a question about who belongs ("## Who belongs?", "Q: Which states are members of the
# CSTO?", "Who are its members?") and an answer that is a list of states alone (explainers)
_MEMBER_QUESTION = re.compile(
    r"\b(?:who|which|what)\b(?:\s+(?:countries|states|nations|governments))?\s+"
    r"(?:belongs?\b|(?:is|are)\s+(?:\w+\s+){0,3}?(?:members?\b|in\s+it\b|in\s+the\b)|"
    r"makes?\s+up\b|(?:is|are)\s+part\s+of\b|"
    # "Who are the six?"
    r"(?:are|were)\s+the\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|\w+ty(?:-\w+)?)\b)[^?]*\?\s*$", re.IGNORECASE)
_NOT_MEMBER_QUESTION = re.compile(r"\b(?:want|hope|seek|appl(?:y|ies)|candidates?|observers?|"
                                  r"partners?|guests?|next|left|former)\b", re.IGNORECASE)
_MEMBERS_ANSWER = re.compile(
    r"^\s*(?:A\s*:\s*)?(?P<list>" + _LIST + r")(?:,?\s+(?:among\s+others|and\s+others|"
    r"and\s+more))?\s*[.!]?\s*$")


def _org(sentence: Masked, token: str | None, ctx: Context) -> str | None:
    if token:
        m = re.search(r"\u27e6O(\d+)\u27e7", token)
        if m:
            return sentence.org(m.group(1))
    return ctx.topic_org


def _when(sentence: Masked, start: int, end: int) -> str | None:
    for _, _, i in sentence.tokens("T", start, end):
        return sentence.item(i).date.start
    return None


def _when_near(sentence: Masked, start: int, ctx: Context) -> str | None:
    """The date of a change of membership at `start`: the first date after it in the
    sentence, else the last one before it ("announced on 6 January that Jakarta had joined",
    "On 16 March ... ceased to be a member"), else "at the start of the year"."""
    after = _when(sentence, start, len(sentence.masked))
    if after:
        return after
    before = sentence.tokens("T", 0, start)
    if before:
        return sentence.item(before[-1][2]).date.start
    if ctx.published and _YEAR_START.search(sentence.masked):
        return f"{ctx.published.year}-01-01"
    return None


def _member(sentence: Masked, token: str) -> str | None:
    """A state, or an organisation that is itself a member ("the African Union")."""
    item = sentence.item(token)
    if item.entity is None or item.kind == "C":
        return None
    if item.entity.kind in ("state", "organization"):
        return item.entity.label
    return None


def _org_before(sentence: Masked, position: int, ctx: Context) -> str | None:
    """The body named last before `position` in the sentence, else the article's topic."""
    orgs = [sentence.org(i) for _, _, i in sentence.tokens("O", 0, position)]
    orgs = [o for o in orgs if o]
    return orgs[-1] if orgs else ctx.topic_org


def _subject(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g and g.isdigit())


def extract_members(ctx: Context) -> list[Membership]:
    found: dict[tuple[str, str], Membership] = {}

    def add(fact: Membership) -> None:
        if fact.member == fact.organization:
            return
        key = (fact.organization, fact.member)
        old = found.get(key)
        if old is None:
            found[key] = fact
            return
        old.start = old.start or fact.start
        old.end = old.end or fact.end
        old.status = old.status or fact.status

    def add_states(sentence: Masked, org: str | None, span: tuple, start: str | None,
                   end: str | None, status: str | None, rule: str, confidence: float) -> None:
        """Every state named in a span of the sentence is a member of `org`."""
        for _, _, i in sentence.tokens(*span):
            state = sentence.state(i)
            if state and org:
                add(_fact(sentence, org, state, start, end, status, rule, confidence))

    restored: list[Membership] = []  # readmitted: active again from that date
    previous_members = False  # the previous sentence spoke of members ("... are among them")
    previous_org: str | None = None  # the body that sentence named
    previous_states: list[str] = []  # the states it named ("Both countries are members of")
    before: Masked | None = None  # the sentence before, whose states "both countries" counts
    question: Masked | None = None  # a question about who belongs, just before
    for sentence in ctx.sentences:
        sentence, before = plural_subject(sentence, before), sentence
        masked = sentence.masked
        lower = masked.lower()
        answer = _MEMBERS_ANSWER.match(masked) if question is not None else None
        if answer and question is not None:  # "## Who belongs?" "Mali, Niger and Chad."
            org = _org_before(question, len(question.masked), ctx)
            add_states(sentence, org, ("SA", answer.start("list"), answer.end("list")), None,
                       None, None, "member.answer", 0.7)
            question = None
            continue
        question = sentence if _MEMBER_QUESTION.search(masked) and not \
            _NOT_MEMBER_QUESTION.search(masked) else None
        if not _MEMBER_WORD.search(lower):
            previous_members, previous_org = False, None
            previous_states = [st for _, _, i in sentence.tokens("S") if (st := sentence.state(i))]
            continue
        listed_org: str | None = None  # the body of this sentence's first list
        for m in _LIST_TRIGGER.finditer(masked):
            if negated(masked[max(0, m.start() - 40):m.end()]):
                continue
            token = m.group("org") or m.group("org2") or m.group("org4") or m.group("org5")
            owner = _OWNER_BEFORE.search(masked, 0, m.start()) if token is None else None
            if owner:  # "the EAEU's members include", "the OTS's founding members, A, B"
                token = owner.group(1)
            if token is None:  # "the SCO now has nine member states: ..."
                subject = _ORG_SUBJECT.search(masked, 0, m.start())
                token = subject.group(1) if subject else None
            # "The Council comprises fifteen members: the five permanent members, A, B ...":
            # the list inside the first is the same body's
            org = listed_org if token is None and listed_org else _org(sentence, token, ctx)
            listed_org = listed_org or org
            stop = _LIST_STOP.search(masked, m.end())
            end = stop.start() if stop else len(masked)
            if _SEMICOLON_LIST.match(masked, m.end()):
                end = len(masked)  # "Members: Kenya; Uganda; the United Republic of Tanzania"
            if _OPENING_DASH.search(m.group(0)):  # "the member states -- A, B and C -- paused"
                closing = CLOSING_DASH.search(masked, m.end(), end)
                end = closing.start() if closing else end
            add_states(sentence, org, ("S", m.end(), end), None, None, None, "member.list", 0.9)
        count = _COUNT_LIST.match(masked)
        if count and (previous_members or "member" in lower) and not negated(masked):
            org = _org_before(sentence, 0, ctx) if not sentence.tokens("O", 0, count.start()) \
                else _org(sentence, None, ctx)
            org = previous_org or org
            stop = _LIST_STOP.search(masked, count.end())
            add_states(sentence, org, ("S", count.end(), stop.start() if stop else len(masked)),
                       None, None, None, "member.count-list", 0.85)
        for rx in (_SUSPENDED_LIST, _SUSPENDED_NAMED):
            for m in rx.finditer(masked):
                key = next(k for k in ("list", "list_a", "list_b", "list_c", "list_d")
                           if m.groupdict().get(k))
                if negated(masked[max(0, m.start() - 30):m.end(key)]):
                    continue
                org = _org_before(sentence, m.start(), ctx)
                add_states(sentence, org, ("SA", m.start(key), m.end(key)), None, None,
                           "suspended", "member.suspended", 0.8)
        for m in _WITHDRAWAL.finditer(masked):
            if negated(masked[max(0, m.start() - 30):m.end()]):
                continue
            member = _member(sentence, _subject(m))
            named = m.group("org") or m.group("org2")
            org = _org(sentence, named, ctx) if named else _org_before(sentence, m.start(), ctx)
            if member and org:
                add(_fact(sentence, org, member, None, _when_near(sentence, m.start(), ctx),
                          "withdrawn", "member.withdrawal", 0.8))
        for m in (m for rx in _LEFT_SHAPES for m in rx.finditer(masked)):
            if hedged(masked[max(0, m.start() - 30):m.end()]) or negated(
                    masked[max(0, m.start() - 30):m.start()]):
                continue
            named = m.group("org")
            org = _org(sentence, named, ctx) if named else _org_before(sentence, m.start(), ctx)
            add_states(sentence, org, ("SA", m.start("list"), m.end("list")), None,
                       _when_near(sentence, m.start("list") + 1, ctx), "withdrawn",
                       "member.left-apposition", 0.75)
        for m in _DEPARTURE_OF.finditer(masked):
            window = masked[max(0, m.start() - 40):m.end() + 40]
            if negated(window) or hedged(window):
                continue
            add_states(sentence, _org(sentence, m.group("org"), ctx), ("SA", m.start("list"),
                       m.end("list")), None, _when_near(sentence, m.end(), ctx), "withdrawn",
                       "member.withdrawal", 0.8)
        accession_rules = [(rx, "member.accession") for rx in _ACCESSIONS]
        if _JOIN_WORDS.search(masked):
            accession_rules.append((_ELLIPTIC_JOIN, "member.join-ellipsis"))
        for rx, rule in accession_rules:
            for m in rx.finditer(masked):
                left = max(masked.rfind(";", 0, m.start()), m.start() - 30, 0)
                if negated(masked[left:m.end()]) or hedged(masked[left:m.start()]):
                    continue
                named = m.groupdict().get("org")
                org = _org(sentence, named, ctx) if named else _org_before(
                    sentence, m.start(), ctx)
                when = _when(sentence, m.start(), min(len(masked), m.end() + 40)) or \
                    _when_near(sentence, m.start(), ctx)
                group = "list" if m.groupdict().get("list") else "list_f"
                add_states(sentence, org, ("SA", m.start(group), m.end(group)),
                           when, None, None, rule, 0.8)
        for m in _FOUNDED_FRONT.finditer(masked):
            org = _org(sentence, m.group("org"), ctx)
            add_states(sentence, org, ("SA", m.start("list"), m.end("list")),
                       None, None, None, "member.founded-by", 0.8)
        for rule, rx in _NAMED_LISTS:
            for m in rx.finditer(masked):
                # (a list in apposition is a noun phrase: "whether the four members - A,
                # B, C and D - can agree" doubts the agreeing, not the members)
                window = m.group(0) if rule == "member.count-apposition" else \
                    masked[max(0, m.start() - 40):m.end()]
                groups = m.groupdict()
                key = "list" if groups.get("list") is not None else "list_o"
                listed = groups.get(key) or ""
                if negated(window) or _LIST_STOP.search(listed):
                    continue
                if rule == "member.they" and not (previous_members or re.match(
                        r"The\s+\w+\s+(?:countries|states|nations|member)", masked)):
                    continue
                if rule == "member.group":
                    orgs = [sentence.org(i) for _, _, i in sentence.tokens(
                        "O", m.start("orgs"), m.end("orgs"))]
                    for org in filter(None, orgs):
                        for state in previous_states:
                            add(_fact(sentence, org, state, None, None, None, rule, 0.75))
                    continue
                named = m.groupdict().get("org") or m.groupdict().get("org_b")
                org = _org(sentence, named, ctx) if named else (
                    previous_org if rule == "member.they" and previous_org else
                    _org_before(sentence, m.start(), ctx))
                since = _when(sentence, m.end(), min(len(masked), m.end() + 25)) \
                    if rule == "member.are-members" and re.match(
                        r"\s+since\s", masked[m.end():]) else None
                spans = [(m.start(key), m.end(key))]
                if m.groupdict().get("list_b"):
                    spans.append((m.start("list_b"), m.end("list_b")))
                for a, b in spans:
                    add_states(sentence, org, ("SA", a, b), since, None, None, rule, 0.8)
        for m in _FOUNDED_BY.finditer(masked):
            if negated(masked[max(0, m.start() - 30):m.end()]):
                continue
            org = _org(sentence, m.group("org"), ctx) if m.group("org") else _org_before(
                sentence, m.start(), ctx)
            stop = _LIST_STOP.search(masked, m.end())
            add_states(sentence, org, ("S", m.end(), stop.start() if stop else len(masked)),
                       None, None, None, "member.founded-by", 0.8)
        for m in _JOINED_BY.finditer(masked):
            if negated(masked[max(0, m.start() - 30):m.end()]) or hedged(masked[:m.start()]):
                continue
            named = re.match(O, masked[m.start():])
            org = sentence.org(named.group(1)) if named else _org_before(sentence, m.start(), ctx)
            spans, at = [(m.start("list"), m.end("list"))], m.end()
            while (more := _JOINED_BY_MORE.match(masked, at)) is not None:
                if more.group("list"):
                    spans.append((more.start("list"), more.end("list")))
                at = more.end()
            for a, b in spans:
                when = _when(sentence, b, min(len(masked), b + 20))
                add_states(sentence, org, ("SA", a, b), when, None, None, "member.joined-by", 0.8)
        for m in _JOINS_LIST.finditer(masked):
            if negated(masked[max(0, m.start() - 40):m.end()]) or hedged(masked[:m.start()]):
                continue
            org = _org(sentence, m.group("org"), ctx) if m.group("org") else _org_before(
                sentence, m.start(), ctx)
            add_states(sentence, org, ("SA", m.start("list"), m.end("list")),
                       None, None, None, "member.joins-list", 0.8)
        for rx, rule in ((_ARE_MEMBERS, "member.are-members"), (_AMONG, "member.among")):
            for m in rx.finditer(masked):
                if negated(masked[max(0, m.start() - 20):m.end()]):
                    continue
                founders = m.groupdict().get("list_f")
                if rule == "member.among" and not founders and not previous_members and \
                        "member" not in lower:
                    continue
                org = _org(sentence, m.groupdict().get("org") or m.groupdict().get("org2"), ctx)
                list_end = next(m.end(g) for g in ("list", "list2", "list_f")
                                if m.groupdict().get(g))
                # "Caracas had belonged to the bloc since 1973": its start
                since = _when(sentence, m.end(), min(len(masked), m.end() + 25)) \
                    if re.match(r"\s+since\s", masked[m.end():]) else None
                add_states(sentence, org, ("SA", m.start(), list_end), since, None, None, rule,
                           0.85)
        for m in _ONE_OF_THEM.finditer(masked) if previous_members else ():
            if not negated(masked[m.start():m.end()]):
                add_states(sentence, previous_org or _org_before(sentence, m.start(), ctx),
                           ("SA", m.start(), m.start() + len(m.group(0).split()[0])), None, None,
                           None, "member.one-of", 0.8)
        for org_token, tokens, rule in references(masked):
            org = sentence.org(org_token) if org_token else _org_before(
                sentence, masked.find(f"\u27e6{sentence.item(tokens[0]).kind}{tokens[0]}\u27e7"),
                ctx)
            for token in tokens:
                state = sentence.state(token)
                if state and org:
                    add(_fact(sentence, org, state, None, None, None, rule, 0.8))
        for m in _APPOSITION.finditer(masked):
            if negated(masked[m.start():m.end()]):
                continue
            member = _member(sentence, m.group("who")[2:-1])
            named = m.group("org") or m.group("org0")
            org = _org(sentence, named, ctx) if named else _org_before(sentence, m.start(), ctx)
            if member and org:
                add(_fact(sentence, org, member, _when(sentence, m.start(), m.end()), None,
                          None, "member.apposition", 0.8))
        for rx, rule in ((_JOIN, "member.join"), (_REMAIN, "member.remain"),
                         (_WITH_NOW, "member.remain"),
                         (_SUSPEND, "member.suspend"), (_SUSPENDED, "member.suspend"),
                         (_WITHDRAW, "member.withdraw")):
            for m in rx.finditer(masked):
                relative = re.search(r",?\s+which\b", masked[m.start():m.end()])
                if relative:  # "neither is Uzbekistan, which left it": the clause is its own
                    left = m.start() + relative.end()
                else:
                    left = max(masked.rfind(";", 0, m.start()), m.start() - 15, 0)
                window = masked[left:m.end()]
                if negated(window) or (rule == "member.join" and hedged(window)):
                    continue
                if rule in ("member.join",) and re.search(
                        r"\bas\s+(?:an?\s+)?(?:observer|associate|dialogue|partner|guest)",
                        masked[m.end():m.end() + 40]):
                    continue
                if rule == "member.join" and re.search(r"\bpart\s+in\b|\bparticipated\b",
                                                       m.group(0)) and not (
                        re.search(r"\b(?:founding|creation|establishment)\b", m.group(0))
                        or re.match(r"\s+(?:since|from)\b", masked[m.end():])):
                    continue  # "took part in the SCO summit": a gathering, not membership
                member = _member(sentence, _subject(m))
                org_token = m.groupdict().get("org")
                if org_token and "\u27e6" in org_token:
                    org = _org(sentence, org_token, ctx)
                else:  # "became the 32nd member of NATO" may follow in the same clause
                    after = _MEMBER_OF_AFTER.match(masked, m.end())
                    org = sentence.org(after.group(1)) if after else _org_before(
                        sentence, m.start(), ctx)
                if not member or not org:
                    continue
                when = _when_near(sentence, m.start(), ctx)
                if when is None and rule == "member.join" and sentence.in_title and \
                        ctx.published and _PRESENT_JOIN.search(m.group(0)):
                    # "Finland joins Nato": a headline tells the news of its day
                    when = f"{ctx.published.year}-{ctx.published.month:02d}"
                # "Finland and Sweden joined": every state of a coordinated subject
                members = [member]
                shared = coordinated_before(masked, m.start())
                if shared:
                    members += [s for _, _, i in sentence.tokens("SA", shared.start(), m.start())
                                if (s := sentence.state(i)) and s != member]
                # "Pakistan became a member in 2017 along with India": the one it came in with
                along = _ALONG_WITH.match(masked, m.end()) if rule == "member.join" else None
                if along:
                    members += [s for _, _, i in sentence.tokens("SA", along.start("list"),
                                                                 along.end("list"))
                                if (s := sentence.state(i)) and s != member]
                for member in members:
                    if rule == "member.join":
                        add(_fact(sentence, org, member, when, None, None, rule, 0.85))
                    elif rule == "member.remain":
                        add(_fact(sentence, org, member, None, None, None, rule, 0.85))
                    elif rule == "member.suspend":
                        add(_fact(sentence, org, member, None, None, "suspended", rule, 0.8))
                    else:
                        add(_fact(sentence, org, member, None, when, "withdrawn", rule, 0.8))
        for m in _JOINED_LIST.finditer(masked):
            if negated(masked[max(0, m.start() - 30):m.end()]) or hedged(masked[:m.start()]):
                continue
            org = _org(sentence, m.group("org"), ctx) if m.group("org") else _org_before(
                sentence, m.start(), ctx)
            when = _when(sentence, m.start(), m.end()) or _when_near(sentence, m.end(), ctx)
            if _YEAR_START.search(masked, m.start(), m.end()) and ctx.published:
                when = f"{ctx.published.year}-01-01"
            stop = _LIST_STOP.search(masked, m.end())
            add_states(sentence, org, ("S", m.end(), stop.start() if stop else len(masked)),
                       when, None, None, "member.joined-list", 0.85)
        for m in _RESTORE.finditer(masked):
            left = max(masked.rfind(";", 0, m.start()), m.start() - 15, 0)
            if negated(masked[left:m.end()]) or hedged(masked[left:m.end()]):
                continue
            member = _member(sentence, _subject(m))
            org = _org(sentence, m.group("org"), ctx) if m.group("org") else _org_before(
                sentence, m.start(), ctx)
            if member and org:
                # "left in 1995 and rejoined in 2016": the date after the return, not the exit
                back = re.search(r"\band\s+(?:later\s+|then\s+)?\w+", m.group(0))
                at = m.start() + back.start() if back else m.start()
                restored.append(_fact(sentence, org, member, _when_near(sentence, at, ctx),
                                      None, None, "member.restore", 0.8))
        for m in _SITS_ON.finditer(masked):
            if negated(masked[max(0, m.start() - 30):m.end()]):
                continue
            states = [sentence.state(i) for _, _, i in sentence.tokens("SA", 0, m.start())]
            state = next((s for s in reversed(states) if s), None)
            org = _org(sentence, m.group("org"), ctx)
            if state and org:
                add(_fact(sentence, org, state, None, None, None, "member.sits-on", 0.75))
        for m in _ADMIT.finditer(masked):
            if negated(masked[max(0, m.start() - 40):m.end()]) or _PROCESS_OF.search(
                    masked, max(0, m.start() - 40), m.start()):
                continue
            member = _member(sentence, m.group(1))
            org = _org(sentence, None, ctx)
            os_ = [sentence.org(i) for _, _, i in sentence.tokens("O")]
            os_ = [o for o in os_ if o and o != member]
            org = next(iter(os_), org)
            if member and org:
                add(_fact(sentence, org, member, _when(sentence, 0, len(masked)), None, None,
                          "member.admit", 0.8))
        previous_members = "member" in lower
        previous_states = [st for _, _, i in sentence.tokens("S") if (st := sentence.state(i))]
        named_orgs = [sentence.org(i) for _, _, i in sentence.tokens("O")]
        previous_org = next((o for o in reversed(named_orgs) if o), None) if previous_members \
            else None
    for fact in restored:
        old = found.get((fact.organization, fact.member))
        if old is None:
            found[(fact.organization, fact.member)] = fact
        else:  # the suspension it ends is history; the membership runs from the return
            old.start, old.end, old.status = fact.start or old.start, None, None
            old.evidence, old.rule = fact.evidence, fact.rule
    return list(found.values())


# the body whose membership a chair implies, where it is not the chaired body itself: the
# presidency of the Council of the EU rotates among the members of the EU
_CHAIR_MEMBER_OF = {"Council of the EU": "EU", "European Council": "EU"}
_GATHERING = re.compile(r"\b(?:summit|around\s+the\s+table|attended|took\s+part|gathered|"
                        r"session|leaders)\b", re.IGNORECASE)
_ATTENDED = re.compile(r"\b(?:attended\s+by|attendees|those\s+present|present\s+were|"
                       r"in\s+the\s+room\s+included|included\s*:|"
                       r"were\s+present|around\s+the\s+table|took\s+part|participants\s+included|"
                       r"in\s+attendance|gathered|brought\s+together|"
                       r"(?:who|that)\s+(?:also\s+)?attended|"
                       # "heads of government came from A, B and C"
                       r"(?:came|arrived|travell?ed|flew\s+in)\s+from|"
                       # "To the capital of Kyrgyzstan arrived the President of ..." (translated)
                       r"(?:arrived|came)\s+(?:also\s+)?the\s+(?:[Pp]resident|[Pp]rime|[Hh]eads?|"
                       r"[Ll]eaders?|[Kk]ing|[Ee]mir|[Cc]hancellor))\b", re.IGNORECASE)
_LEADER_POSTS = frozenset({"president", "prime minister", "king", "emir", "chancellor",
                           "vice president"})


def reference_state(name: str | None) -> bool:
    return bool(name) and resolve(name, "state") is not None


# the leaders of a summit of members, named with their states: "around the table sat Presidents
# A of Kazakhstan, B of Kyrgyzstan and C of Uzbekistan"
_LEADERS_OF = re.compile(r"\b(?:[Pp]residents|[Pp]rime\s+[Mm]inisters|[Hh]eads\s+of\s+(?:[Ss]tate|"
                         r"[Gg]overnment)|[Ll]eaders|(?:[Ff]oreign\s+|[Dd]efen[cs]e\s+)?[Mm]inisters|"
                         r"[Ee]nvoys|[Dd]elegates)\b(?P<span>[^;:.]*)")
_OF_STATE = re.compile(r"\b(?:of|from)\s+(?:the\s+)?\u27e6S(\d+)\u27e7")
# the rest of a list after its first state: "the presidents of Chad, Niger and Gabon"
_LIST_TAIL = re.compile(r"(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?"
                        # "from A, B, Aruba and C": a territory the tables lack, passed over
                        r"(?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?(?:\s*,\s*|,?\s+and\s+)(?:the\s+)?)?"
                        r"\u27e6S(\d+)\u27e7")


def _listed_from(masked: str, first: re.Match) -> list[str]:
    """The state token a match ends on, and those of the list running on from it."""
    tokens, at = [next(g for g in first.groups() if g)], first.end()
    while (m := _LIST_TAIL.match(masked, at)) is not None:
        tokens.append(m.group(1))
        at = m.end()
    return tokens
# a state at the table through its delegation: "Samoa is represented by its foreign minister",
# "the Kyrgyz delegation", "a delegation from Armenia"
_DELEGATION = re.compile(
    r"\u27e6[SA](\d+)\u27e7\s+(?:(?:is|was|were|are|has\s+been)\s+)(?:(?:instead|also|again|"
    r"only)\s+)?represented\s+by\b"
    r"|\u27e6[SA](\d+)\u27e7(?:'s)?\s+delegation\b"
    # "Kiribati sent a minister", "Nauru sent its deputy prime minister"
    r"|\u27e6S(\d+)\u27e7\s+(?:instead\s+|only\s+)?sent\s+(?:a|an|its|her|his)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:minister|delegation|envoy|representative|deputy|ambassador|vice[\s-]president)\b"
    r"|\bdelegations?\s+(?:of|from)\s+(?:the\s+)?\u27e6S(\d+)\u27e7", re.IGNORECASE)
# a list of who attended, one per line: "Heads of state in the room included:" then bullets
_ATTENDANCE_HEAD = re.compile(r"\b(?:included|attended\s+by|present\s+were|participants|"
                              r"attendees|who\s+came|were\s+there|present|represented|"
                              r"in\s+attendance|attending)\b[^.]*:\s*$", re.IGNORECASE)
# a line of such a list that opens with its state: "- Antigua and Barbuda: Prime Minister X"
_STATE_LINE = re.compile(r"^(?:[-*\u2022\u2013\u2014]\s+|\d{1,2}[.)]\s+)?(?:the\s+)?"
                         r"\u27e6S(\d+)\u27e7\s*(?::|[-\u2013\u2014]\s|,)", re.IGNORECASE)
_HEADS = re.compile(r"\bheads?\s+of\s+(?:state|government|delegation)|\bdelegations?\b|"
                    r"\bmeeting\b", re.IGNORECASE)


# a state holding an office of the body, named in apposition: it is one of its members
_OFFICE = (r"(?:(?:incoming|outgoing|current|rotating|new|acting)\s+)*(?:vice[\s-])?"
           r"(?:chair(?:manship|person)?|presidency|president|coordinator|coordinating\s+country|"
           r"country\s+coordinator)")
_OFFICE_HOLDER = re.compile(
    r"\u27e6S(?P<s>\d+)\u27e7,\s+(?:(?:which|that)\s+(?:currently\s+|now\s+)?(?:holds|held|has\s+held)\s+|"
    r"(?:currently\s+|now\s+)?holding\s+|as\s+|"
    r"currently\s+)?(?:the\s+)?(?:(?:(?:incoming|outgoing|current|rotating|new)\s+)*"
    r"\u27e6O(?P<o1>\d+)\u27e7(?:'s)?\s+" + _OFFICE + r"|" + _OFFICE
    # not "president of the ASEAN dialogue": the office of the body itself
    + r"\s+(?:of|for)\s+(?:the\s+)?\u27e6O(?P<o2>\d+)\u27e7(?!'s|\s+[a-z]))", re.IGNORECASE)
_FULL_ATTENDANCE = re.compile(r"\b(?:" + _lexicon("full_attendance.txt") + r")", re.IGNORECASE)


def implied_memberships(ctx: Context, chairs: list, posts: list,
                        found: list[Membership]) -> list[Membership]:
    """Memberships the text implies: a rotating chair, and leaders listed at the body's summit.

    A state holds a body's rotating chair because it is a member ("Azerbaijan takes the Turkic
    chair"), and the leaders listed around the table of a summit of members are those of its
    members ("Presidents A of X and B of Y attended"), unless the article calls their state an
    observer, guest or partner. Each carries the evidence of the sentence it follows from.
    """
    have = {(m.organization, m.member) for m in found}
    outsiders = set()
    for sentence in ctx.sentences:
        # only the stretch that calls them so: "... as well as Uzbekistan and Cuba, which
        # are observer states" leaves the prime ministers listed before it at the table
        for a, b in outsider_spans(sentence.masked):
            outsiders |= {sentence.state(i) for _, _, i in sentence.tokens("SA", a, b)}
    out: list[Membership] = []

    def add(org: str | None, state: str | None, ev, rule: str) -> None:
        if org and state and (org, state) not in have and state != org:
            have.add((org, state))
            out.append(Membership(org, state, None, None, None, evidence=ev,
                                  origin="extracted", confidence=0.65, rule=rule))

    for chair in chairs:
        if ctx.published and chair.start and chair.start[:4].isdigit() \
                and int(chair.start[:4]) > ctx.published.year:
            continue  # a term of a later year is a plan: it says nothing of today's members
        add(_CHAIR_MEMBER_OF.get(chair.organization, chair.organization), chair.chair,
            chair.evidence, "member.chair")
    # leaders listed in one sentence about the gathering: "attended by Angolan President X,
    # Mozambican Prime Minister Y and Cape Verde's President Z"
    by_sentence: dict[str, list] = {}
    for post in posts:
        if post.evidence and post.of not in outsiders and reference_state(post.of):
            by_sentence.setdefault(post.evidence.text, []).append(post)
    # one leader a line after "... included:": the lines are sentences of their own
    for index, sentence in enumerate(ctx.sentences):
        around = sentence.masked + " " + (ctx.sentences[index - 1].masked if index else "")
        if not _ATTENDANCE_HEAD.search(sentence.masked) or not (
                _GATHERING.search(around) or _HEADS.search(around)):
            continue
        if outsider_spans(sentence.masked):
            continue  # "Associate Members present:", "Observers attending:"
        lines = []
        for line in ctx.sentences[index + 1:index + 30]:
            state_line = _STATE_LINE.match(line.masked)
            if state_line and len(line.text) <= 200:
                add(ctx.topic_org, line.state(state_line.group(1)), evidence(line),
                    "member.summit-leaders")
                lines.append(line)
                continue
            if re.match(r"[-*\u2022]\s+[^:]{2,60}:", line.masked) and len(line.text) <= 200:
                continue  # "- Montserrat: ...": a line of the list the tables cannot place
            if len(line.text) > 160 or ":" in line.masked:
                break
            lines.append(line)
        for post in posts:
            if post.post in _LEADER_POSTS and post.evidence and post.of not in outsiders and \
                    any(line.start <= post.evidence.start < line.end for line in lines):
                add(ctx.topic_org, post.of, post.evidence, "member.summit-leaders")
    if ctx.topic_org:
        gathering = any(_GATHERING.search(s.masked) for s in ctx.sentences)
        for index, sentence in enumerate(ctx.sentences):
            if negated(sentence.masked) or hedged(sentence.masked):
                continue
            # a table of another body named in the sentence is not the topic's
            others = any(sentence.org(i) not in (None, ctx.topic_org)
                         for _, _, i in sentence.tokens("O"))
            tokens = [] if others else table_states(
                sentence.masked, ctx.sentences[index - 1].masked if index else "")
            # leaders at another body's meeting ("a meeting of the Supreme Eurasian Economic
            # Council with the leaders of A and B") are not the topic's table
            topic_named = any(sentence.org(i) == ctx.topic_org for _, _, i in sentence.tokens("O"))
            if (_GATHERING.search(sentence.masked) or _ATTENDED.search(sentence.masked)) and (
                    topic_named or not others):
                for m in _LEADERS_OF.finditer(sentence.masked):
                    span = m.group("span")
                    for t in _OF_STATE.finditer(span):
                        tokens += _listed_from(span, t)
            if gathering and not STAYED_AWAY.search(sentence.masked):
                # a sentence about who stayed away tells of absence, not of the table
                for m in _DELEGATION.finditer(sentence.masked):
                    tokens += _listed_from(sentence.masked, m)
            outside = outsider_spans(sentence.masked)
            for token in tokens:
                state = sentence.state(token)
                at = sentence.masked.find(f"\u27e6{sentence.item(token).kind}{token}\u27e7")
                if state not in outsiders and not inside(at, outside):
                    add(ctx.topic_org, state, evidence(sentence), "member.summit-leaders")
    for sentence in ctx.sentences:
        # "under the Armenian chairmanship of the EAEU", "As chair of the OTS, Azerbaijan"
        for org_token, state_token in office_holders(sentence.masked):
            org = sentence.org(org_token)
            add(_CHAIR_MEMBER_OF.get(org, org), sentence.state(state_token), evidence(sentence),
                "member.office")
    for sentence in ctx.sentences:
        # "X, the outgoing ASEAN chair", "X, which holds the vice-chairmanship of the bloc"
        for m in _OFFICE_HOLDER.finditer(sentence.masked):
            if negated(sentence.masked[max(0, m.start() - 30):m.end()]) or hedged(
                    sentence.masked[max(0, m.start() - 30):m.end()]):
                continue
            body = sentence.org(m.group("o1") or m.group("o2"))
            add(_CHAIR_MEMBER_OF.get(body, body), sentence.state(m.group("s")),
                evidence(sentence), "member.office")
    for sentence in ctx.sentences:
        # "..., completing the forum's roster of eight": every state there is a member
        if not _FULL_ATTENDANCE.search(sentence.masked) or hedged(sentence.masked):
            continue
        org = sentence.org_or(ctx.topic_org)
        for _, _, i in sentence.tokens("SA"):
            state = sentence.state(i)
            if state not in outsiders:
                add(org, state, evidence(sentence),
                    "member.full-attendance")
    masked_of = {s.text: s for s in ctx.sentences}
    for text, listed in by_sentence.items():
        leaders = [p for p in listed if p.post in _LEADER_POSTS]
        sentence = masked_of.get(text)
        called = _LEADERS_ARE_MEMBERS.search(sentence.masked) if sentence else None
        if called and len({p.of for p in leaders}) >= 2 and not hedged(sentence.masked):
            # "... Aliyev of Azerbaijan and Erdogan of Turkey, the five full members of the
            # organisation": the leaders of the sentence are its members
            org = sentence.org(called.group("o")) if called.group("o") else ctx.topic_org
            for post in leaders:
                add(org, post.of, post.evidence, "member.leaders-called-members")
            continue
        # "A, B and C attended the summit": their own table, when no other body is named
        only_topic = sentence is not None and all(
            sentence.org(i) == ctx.topic_org for _, _, i in sentence.tokens("O"))
        own_table = len({p.of for p in leaders}) >= 2 and sentence is not None \
            and at_members_table(sentence.masked, only_topic)
        if not ctx.topic_org or not (_GATHERING.search(text) or _ATTENDED.search(text)
                                     or own_table):
            continue
        if any(p.rule == "post.leader-list" for p in listed) or (
                len(leaders) >= 2 and _ATTENDED.search(text)) or own_table:
            for post in leaders or listed:
                add(ctx.topic_org, post.of, post.evidence, "member.summit-leaders")
    return out


# a leader list called the body's members: ", the five full members of the organisation"
_LEADERS_ARE_MEMBERS = re.compile(
    r",\s+(?:the|all|its)\s+(?:(?:\w+|\d+)\s+){0,2}?(?:full\s+|founding\s+)?(?:members|"
    r"member\s+states|member\s+countries|member\s+nations)\b(?:\s+of\s+(?:the\s+)?"
    r"\u27e6O(?P<o>\d+)\u27e7)?(?!\s+(?:said|say|agreed|were\s+not))", re.IGNORECASE)


def _fact(sentence: Masked, org: str, state: str, start: str | None, end: str | None,
          status: str | None, rule: str, confidence: float) -> Membership:
    return Membership(org, state, start, end, status, evidence=evidence(sentence),
                      origin="extracted", confidence=confidence, rule=rule)


__all__ = ["extract_members", "S"]
