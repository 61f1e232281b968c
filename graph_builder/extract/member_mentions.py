"""Members named in passing: by a member noun, at a members' table, or through an office.

News seldom lists a body's members as such; it names them on the way to something else:
"fellow SCO members China and Pakistan", "the bloc's member states Kazakhstan and
Kyrgyzstan", "Armenia and the other four members of the union", "Heads of state of the
bloc's six members gathered: A, B and C", "the table held Azerbaijan's Ilham Aliyev and
Turkey's Recep Tayyip Erdogan", "under the Armenian chairmanship of the EAEU". Each shape is
a pattern over the masked sentence; the words a shape needs are data in lexicon/
(member_nouns.txt, member_not_before.txt, outsider_words.txt), and a stretch of a sentence
that calls states observers, guests or partners keeps its states out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources

from graph_builder.extract.common import SA, S, hedged, negated

_PH = r"\u27e6"  # a placeholder opens
_STATE = r"(?:the\s+)?" + SA
_STATE_LIST = (_STATE + r"(?:(?:\s*,\s*|,?\s+and\s+|,?\s+as\s+well\s+as\s+)" + _STATE + r")*")
_NAME = r"(?:the\s+)?" + S
_NAME_LIST = _NAME + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _NAME + r")*"


@cache
def _words(name: str) -> str:
    """An alternation of the phrases in lexicon/NAME, one a line, longest first."""
    text = resources.files("graph_builder.extract").joinpath(f"lexicon/{name}").read_text("utf-8")
    phrases = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    phrases = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.sub(r"\s+", r"\\s+", p) for p in phrases)


@cache
def _outsider_rx() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _words("outsider_words.txt") + r")\b", re.IGNORECASE)


# where a sentence turns to other states: "..., as well as X and Y, which are observers"
_SEGMENT_BREAK = re.compile(
    r";|\s[-\u2013\u2014]\s|\(|\)|,\s*(?:as\s+well\s+as|while|whereas|but|with|plus|alongside|"
    r"along\s+with|together\s+with|joined\s+by)\b|\s(?:as\s+well\s+as|while|whereas|but\s+also|"
    r"alongside|along\s+with|together\s+with|joined\s+by)\s", re.IGNORECASE)


def outsider_spans(masked: str) -> list[tuple[int, int]]:
    """The stretches of a sentence that call the states in them observers, guests, partners,
    candidates or non-members: their states are no members on this sentence's word."""
    cuts = [0, *(m.start() for m in _SEGMENT_BREAK.finditer(masked)), len(masked)]
    rx = _outsider_rx()
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if rx.search(masked, a, b)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _tokens(masked: str, start: int, end: int) -> list[str]:
    return re.findall(r"\u27e6[SA](\d+)\u27e7", masked[start:end])


@cache
def _member_noun() -> str:
    return r"(?:" + _words("member_nouns.txt") + r")"


@cache
def _apposition_rx() -> re.Pattern[str]:
    # "fellow SCO members China and Pakistan", "the bloc's member states A and B", "member
    # state Poland", "other members such as A and B", "its founding members, A, B and C,"
    return re.compile(
        r"(?:(?P<owner>\u27e6O(?P<o1>\d+)\u27e7)(?:'s|\u2019s)?\s+|\b(?:its|their)\s+|\b)"
        r"(?:(?:fellow|other|remaining|founding|full|new|existing|current|original|six|five|"
        r"four|three|two|seven|eight|nine|ten|\d+)\s+){0,2}"
        r"(?:\u27e6O(?P<o2>\d+)\u27e7\s+)?(?P<noun>" + _member_noun() + r")"
        + r"(?:\s+of\s+(?:the\s+)?(?:\u27e6O(?P<o3>\d+)\u27e7|[A-Z][a-z]+))?"
        r"(?:\s*[,:(\u2013\u2014]\s*|\s+-\s+|\s+)(?:(?:such\s+as|like|including|notably|namely)\s+)?"
        # states by name only (an adjective starts a noun phrase: "members of the Swedish
        # delegation"), and not the subject of a report ("..., Brazil says")
        r"(?P<list>" + _NAME_LIST + r")(?!\s+(?:says|said|announced|announces|reported|reports|"
        r"told|added|stated|noted|claims|claimed)\b)", re.IGNORECASE)


# the state a sentence (or the clause after its dateline) begins with: the one "fellow members"
# and "other members" are fellows of
_CLAUSE_SUBJECT = re.compile(r"(?:^|\s[-\u2013\u2014]\s)(?:the\s+)?\u27e6[SA](\d+)\u27e7"
                             r"(?!'s|\u2019s)")


@cache
def _not_before_rx() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _words("member_not_before.txt") + r")[\s-]*$", re.IGNORECASE)


# "Armenia and the other four members of the union", "Kazakhstan and its fellow members"
_AND_THE_OTHERS = re.compile(
    r"(?P<list>" + _STATE_LIST + r")"
    r"(?:\s+and|\s*,?\s+(?:like|unlike|as\s+with|with|along\s+with))\s+"
    r"(?:(?:the|its|all)\s+)?(?:other|fellow|remaining)\s+(?:\w+\s+)?"
    r"(?:members|member\s+states|member\s+countries|member\s+nations|allies|partners\s+in\s+"
    r"the\s+\u27e6O\d+\u27e7)\b(?:\s+of\s+(?:the\s+)?\u27e6O(?P<o>\d+)\u27e7)?", re.IGNORECASE)


# "Of the bloc's six members, only Belarus and Russia ...", "Among the members of the CSTO,
# Armenia ..."
_OF_THE_MEMBERS = re.compile(
    r"\b(?:[Oo]f|[Aa]mong|[Aa]mongst)\s+(?:(?:the|its|all|\u27e6O(?P<o1>\d+)\u27e7's)\s+)?(?:\w+\s+){0,2}?"
    r"(?:members|member\s+states|member\s+countries|member\s+nations)(?:\s+of\s+(?:the\s+)?"
    r"\u27e6O(?P<o2>\d+)\u27e7)?\s*,\s+(?:(?:only|just|both|so\s+far|at\s+least)\s+)?"
    r"(?P<list>" + _STATE_LIST + r")")
# "Belarus, the bloc's most loyal member,", "Armenia is the only member of the union that"
_THE_MEMBER = re.compile(
    r"(?P<list>" + SA + r")(?:\s*,|\s+(?:is|was|remains|remained|has\s+long\s+been|has\s+been))\s+"
    r"(?:(?:the|its)\s+(?:\u27e6O(?P<o1>\d+)\u27e7(?:'s|\u2019s)\s+)?|\u27e6O(?P<o3>\d+)\u27e7(?:'s|\u2019s)\s+"
    # "Haiti, a Caricom member in deep crisis," (not "a former", "a would-be" one)
    r"|an?\s+(?:(?!former|ex-|would-be|prospective|aspiring|candidate|future|potential|non)"
    r"[a-z-]+\s+){0,2}?\u27e6O(?P<o4>\d+)\u27e7\s+)"
    r"(?P<mods>(?:[a-z-]+\s+){0,3}?)"
    r"(?P<noun>member(?:\s+state|\s+country|\s+nation)?)\b(?!\s+(?:states|countries|nations)\b)"
    r"(?:\s+of\s+(?:the\s+)?\u27e6O(?P<o2>\d+)\u27e7)?(?!\s+(?:of|to)\b)")
# "the leaders of A, B and C, the member states of the EAEU": a list in apposition, its body named
_THE_MEMBERS = re.compile(
    r"(?P<list>" + _STATE_LIST + r"),\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:members|"
    r"member\s+states|member\s+countries|member\s+nations)\s+of\s+(?:the\s+)?\u27e6O(?P<o>\d+)\u27e7")
# "Gabon is not a member of ECOWAS, but of ECCAS"
_NOT_X_BUT_Y = re.compile(
    r"(?P<list>" + SA + r")\s+(?:is|was)\s+not\s+(?:a\s+)?member\s+of\s+(?:the\s+)?\u27e6O\d+\u27e7"
    r"\s*,?\s+but\s+(?:rather\s+|instead\s+)?(?:one\s+)?of\s+(?:the\s+)?\u27e6O(?P<o>\d+)\u27e7")


def references(masked: str) -> Iterator[tuple[str | None, list[str], str]]:
    """(organisation token or None, state tokens, rule) for each member named in passing.

    The organisation token is the body the phrase names itself; None leaves it to the
    caller (the body named last before, else the article's topic)."""
    outside = outsider_spans(masked)
    for m in _apposition_rx().finditer(masked):
        window = masked[max(0, m.start() - 30):m.end()]
        if negated(window) or hedged(masked[max(0, m.start() - 30):m.start()]) or \
                _not_before_rx().search(masked, max(0, m.start("noun") - 30), m.start("noun")):
            continue
        tokens = [t for t in _tokens(masked, m.start("list"), m.end("list"))
                  if not inside(m.start("list"), outside)]
        org = m.group("o1") or m.group("o2") or m.group("o3")
        if tokens and re.search(r"\b(?:fellow|other)\b", masked[m.start():m.start("noun")],
                                re.IGNORECASE):
            subject = _CLAUSE_SUBJECT.search(masked, 0, m.start())
            if subject and not inside(subject.start(1), outside):
                tokens.append(subject.group(1))
        if tokens:
            yield org, tokens, "member.named-member"
    for rx, rule in ((_MEMBERS_THEN_COLON, "member.members-colon"),
                     (_NUMBER_THEN_LIST, "member.number-list")):
        for m in rx.finditer(masked):
            between = m.groupdict().get("between") or ""
            if negated(masked[max(0, m.start() - 30):m.start("list")]) or hedged(between) or \
                    _outsider_rx().search(between) or _NOT_THE_MEMBERS.search(between):
                continue
            tokens = [t for t in _tokens(masked, m.start("list"), m.end("list"))]
            tokens = [t for t in tokens if not inside(m.start("list"), outside)]
            if tokens:
                yield m.group("o"), tokens, rule
    for m in _OF_THE_MEMBERS.finditer(masked):
        if not negated(masked[max(0, m.start() - 30):m.end()]) and not inside(m.start("list"),
                                                                                 outside):
            yield m.group("o1") or m.group("o2"), _tokens(masked, m.start("list"),
                                                          m.end("list")), "member.of-the-members"
    for m in _THE_MEMBER.finditer(masked):
        mods = m.group("mods")
        if negated(masked[max(0, m.start() - 30):m.end()]) or inside(m.start(), outside) or \
                _not_before_rx().search(masked, m.start("mods"), m.start("noun")) or \
                re.search(r"\b(?:only\s+non|next|would|future|first\s+non|became|become|becomes|"
                          r"is|was|are|were|has|have|been|a|an)\b", mods):
            continue
        yield m.group("o1") or m.group("o2") or m.group("o3") or m.group("o4"), _tokens(
            masked, m.start("list"), m.end("list")), "member.the-member"
    for m in _THE_MEMBERS.finditer(masked):
        if not negated(masked[max(0, m.start() - 30):m.end()]) and not inside(m.start(), outside):
            yield m.group("o"), _tokens(masked, m.start("list"), m.end("list")), \
                "member.the-members"
    for m in _NOT_X_BUT_Y.finditer(masked):
        yield m.group("o"), _tokens(masked, m.start("list"), m.end("list")), "member.not-x-but-y"
    for m in _AND_THE_OTHERS.finditer(masked):
        if negated(masked[max(0, m.start() - 30):m.end()]) or inside(m.start(), outside):
            continue
        yield m.group("o"), _tokens(masked, m.start("list"), m.end("list")), "member.and-others"


# "Heads of state of the bloc's six members gathered around one table: A, B and C"
_ENTRY = (r"(?:(?:[A-Z][\w'\u2019.-]*\s+){1,4}(?:of|from)\s+|(?:[A-Z][\w'\u2019.-]*\s+){1,4}\()?"
          + _STATE + r"\)?")
_MEMBERS_THEN_COLON = re.compile(
    r"(?:\u27e6O(?P<o>\d+)\u27e7(?:'s|\u2019s)\s+|\b(?:its|the|all|their)\s+)(?:\w+\s+){0,3}?"
    r"(?:members|member\s+states|member\s+countries|member\s+nations|states\s+parties)\b"
    r"(?P<between>[^:;.]{0,80}?):\s*(?P<list>" + _ENTRY + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _ENTRY
    + r")*)", re.IGNORECASE)
# "bringing the number of states parties to five - A, B, C, D and E"
_NUMBER_THEN_LIST = re.compile(
    r"\bnumber\s+of\s+(?:\u27e6O(?P<o>\d+)\u27e7\s+)?(?:full\s+)?(?:members|member\s+states|"
    r"member\s+countries|states\s+parties)\s+(?:to|at)\s+(?:\w+|\d+)\s*(?:[:\u2013\u2014]|\s-)\s*"
    r"(?P<list>" + _STATE_LIST + r")", re.IGNORECASE)
_NOT_THE_MEMBERS = re.compile(r"\b(?:joined\s+by|besides|apart\s+from|except|other\s+than|"
                              r"outside|beyond|and\s+(?:\w+\s+)?(?:guests|others))\b",
                              re.IGNORECASE)
# "the table held Azerbaijan's Ilham Aliyev, Turkey's Recep Tayyip Erdogan and ...": two or
# more leaders named by their state's possessive and a capitalised name
# (the name may be masked already as its state: "Azerbaijan's \u27e6S7\u27e7")
_OWNED_NAME = (SA + r"(?:'s|\u2019s)\s+(?:(?:[A-Z][\w'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+|"
               r"\u27e6[SA]\d+\u27e7)")
_OWNED_NAMES = re.compile(_OWNED_NAME + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _OWNED_NAME + r")+")
_LEADER_NOUNS = (r"(?:presidents|prime\s+ministers|premiers|leaders|"
                 r"heads\s+of\s+(?:state|government)|"
                 r"delegations|(?:foreign|defen[cs]e|finance|economy|trade)\s+ministers|ministers|"
                 r"delegates|envoys|representatives|(?:defen[cs]e\s+|army\s+|military\s+)?chiefs|"
                 r"secretaries\s+of\s+(?:the\s+)?security\s+councils)")
# "The Kyrgyz, Tajik and Kazakh presidents", "the Belarusian, Kazakh and Russian delegations"
_ADJECTIVE_LEADERS = re.compile(
    r"(?P<list>\u27e6A\d+\u27e7(?:(?:\s*,\s*|,?\s+and\s+)\u27e6A\d+\u27e7)+)\s+" + _LEADER_NOUNS
    + r"\b", re.IGNORECASE)
# "Tokayev (Kazakhstan), Japarov (Kyrgyzstan) and Lukashenko (Belarus)"
_BRACKETED = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3}\s+\(" + SA + r"\)"
_BRACKETED_LIST = re.compile(_BRACKETED + r"(?:(?:\s*,\s*|,?\s+and\s+)" + _BRACKETED + r")+")
# "Kazakhstan, Kyrgyzstan and Belarus were represented at the level of heads of state"
_REPRESENTED = re.compile(r"(?P<list>" + _STATE_LIST + r")\s+(?:were|was|are|is)\s+"
                          r"(?:also\s+|all\s+)?represented\s+(?:at|by)\b")
# "brought together the defence chiefs of Belarus, Kazakhstan and Russia"
_CHIEFS_OF = re.compile(r"\b(?:(?:defen[cs]e|army|military|intelligence|border)\s+chiefs|"
                        r"heads\s+of\s+delegation|representatives|secretaries\s+of\s+(?:the\s+)?security\s+"
                        r"councils)\s+(?:of|from)\s+(?P<list>" + _STATE_LIST + r")", re.IGNORECASE)
# what makes a sentence one about the members' own table, not an outreach session
_TABLE = re.compile(r"\b(?:summit|session|council|ministerial|meeting|gathering|leaders|"
                    r"heads\s+of\s+(?:state|government)|sat\s+down|around\s+the\s+table|"
                    r"the\s+table|took\s+part|attended|gathered)\b", re.IGNORECASE)
# a sentence about who stayed away tells of absence, not of the table (members.py uses it too)
STAYED_AWAY = re.compile(r"\b(?:skipped|stayed\s+(?:home|away)|missed|absent|boycott\w*|"
                          r"did\s+not\s+(?:come|attend)|stays\s+away)\b", re.IGNORECASE)
_NOT_MEMBERS_TABLE = re.compile(r"\b(?:outreach|plus|expanded|extended|enlarged|sidelines|"
                                r"bilateral|trilateral|visit(?:ed|ing)?)\b", re.IGNORECASE)


_ATTENDED_TABLE = re.compile(
    r"\b(?:attended|joined|took\s+part\s+in|participated\s+in|were\s+at|sat\s+(?:down\s+)?at|"
    # "At the CSTO summit, A, B and C signed", "... were among the participants"
    r"At|During)\s+(?:the|this|a|an|their)\s+(?:\S+\s+){0,3}?(?:summit|session|ministerial|council|"
    r"meeting|gathering)\b|\bamong\s+the\s+(?:participants|attendees|leaders\s+present)\b",
    re.IGNORECASE)


def at_members_table(masked: str, topic_token_ok: bool) -> bool:
    """Whether a sentence that names two leaders or more seats them at the members' own
    gathering ("A, B and C attended the summit"): not an outreach or bilateral session, not
    a hope, and (`topic_token_ok`) no other body's gathering."""
    return bool(topic_token_ok and _ATTENDED_TABLE.search(masked)
                and not _NOT_MEMBERS_TABLE.search(masked) and not negated(masked)
                and not hedged(masked) and not STAYED_AWAY.search(masked))


# "Participating were A, B and C", "Taking part in the session were A and B"
_PRESENT_WERE = re.compile(
    r"\b(?:Participating|Taking\s+part|Attending|Present|Represented)(?:\s+in\s+[^,;]{1,40}?)?\s+"
    r"(?:were|was)\s+(?:also\s+)?(?P<list>" + _STATE_LIST + r")"
    r"(?!'s|\u2019s|\s+\w+\s+(?:of|from)\b)"
    # "A, B and C took part in the session"
    r"|(?P<list2>" + _STATE_LIST + r")\s+(?:also\s+|all\s+)?(?:attended|took\s+part\s+in|"
    r"participated\s+in)\s+(?:the|this)\s+(?:\S+\s+){0,3}?(?:summit|session|ministerial|meeting|"
    r"council)\b", re.IGNORECASE)
# "The heads of Armenia, Belarus and Russia discussed": heads of states, after a gathering
_HEADS_OF = re.compile(r"\b(?:heads|leaders|presidents)\s+of\s+(?P<list>" + _STATE_LIST + r")",
                       re.IGNORECASE)


def table_states(masked: str, before: str = "") -> list[str]:
    """State tokens a sentence seats at a table of the members (not guests, observers);
    `before` is the sentence before, which may be the one that names the gathering."""
    if not (_TABLE.search(masked) or _TABLE.search(before)) or _NOT_MEMBERS_TABLE.search(masked) \
            or negated(masked) or hedged(masked) or STAYED_AWAY.search(masked):
        return []
    outside = outsider_spans(masked)
    tokens: list[str] = []
    for rx in (_ADJECTIVE_LEADERS, _BRACKETED_LIST, _REPRESENTED, _CHIEFS_OF, _HEADS_OF):
        for m in rx.finditer(masked):
            span = (m.start("list"), m.end("list")) if "list" in rx.groupindex else m.span()
            tokens += _tokens(masked, *span)
    for m in _PRESENT_WERE.finditer(masked):
        key = "list" if m.group("list") else "list2"
        tokens += _tokens(masked, m.start(key), m.end(key))
    for m in _OWNED_NAMES.finditer(masked):
        tokens += re.findall(r"\u27e6[SA](\d+)\u27e7(?:'s|\u2019s)", m.group(0))
    return [t for t in tokens if not inside(masked.find(f"{_PH}S{t}\u27e7"), outside)
            and not inside(masked.find(f"{_PH}A{t}\u27e7"), outside)]


# a body's chair or presidency held by a state: "under the Armenian chairmanship of the
# EAEU", "Kazakhstan's CSTO chairmanship", "during its presidency of the SCO, India ...",
# "As chair of the OTS, Azerbaijan ..."
_OFFICE = r"(?:chairmanship|chairship|presidency|chair)"
_OFFICE_MODS = r"(?:(?:rotating|current|outgoing|incoming|year-long|annual|first|\d{4})\s+)*"
_STATE_OFFICE = re.compile(
    SA + r"(?:'s|\u2019s)?\s+" + _OFFICE_MODS + r"(?:\u27e6O(?P<o1>\d+)\u27e7(?:'s)?\s+)?"
    + _OFFICE_MODS + _OFFICE + r"\b(?:\s+(?:of|over|in|at)\s+(?:the\s+)?\u27e6O(?P<o2>\d+)\u27e7)?")
_OFFICE_THEN_STATE = re.compile(
    r"\b(?:(?:During|Under|Throughout|In)\s+(?:its|her|their)\s+" + _OFFICE_MODS + _OFFICE
    + r"|[Aa]s\s+(?:the\s+)?" + _OFFICE_MODS + r"(?:chair|president|presiding\s+(?:country|state)|"
    r"chairman|chair\s+country|host\s+and\s+chair))"
    r"\s+(?:of|in)\s+(?:the\s+)?\u27e6O(?P<o>\d+)\u27e7(?:'s\s+[a-z]+(?:\s+[a-z]+)?)?"
    r"(?:\s+(?:in|for)\s+\u27e6T\d+\u27e7)?\s*,\s+(?:the\s+)?" + SA)


def office_holders(masked: str) -> Iterator[tuple[str, str]]:
    """(organisation token, state token) for each state said to hold a body's chair."""
    for m in _STATE_OFFICE.finditer(masked):
        org = m.group("o1") or m.group("o2")
        window = masked[max(0, m.start() - 40):m.end()]
        if org and not negated(window) and not hedged(window):
            yield org, m.group(1)
    for m in _OFFICE_THEN_STATE.finditer(masked):
        window = masked[max(0, m.start() - 20):m.end() + 40]
        if not negated(window) and not hedged(window):
            yield m.group("o"), m.group(m.lastindex)
