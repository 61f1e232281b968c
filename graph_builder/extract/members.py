"""Membership: lists of member states, joining, remaining, suspending, withdrawing.

Observers, partners, applicants and invitees are not members, and "is not yet a member"
is no membership: the list rules stop at such words and every rule checks for negation.
"""

from __future__ import annotations

import re

from ..facts import Membership
from .common import SA, O, S, evidence, hedged, negated
from .context import Context, Masked

_BODY = r"(?:bloc|organi[sz]ation|group|union|alliance|conference|body|Council|Commonwealth|" \
    r"Union|Alliance|League|Conference|forum|Forum)"
_LIST_TRIGGER = re.compile(
    r"\b(?:member\s+states|members|"
    r"member\s+countries|membership)\s+(?:of\s+(?:the\s+)?(?:(?P<org>" + O + r")|" + _BODY
    + r")\s+)?"
    r"(?:are|were|include|included|comprise|is\s+made\s+up\s+of|now\s+(?:are|include))\b"
    r"|(?:(?P<org2>" + O + r")|(?:The|the)\s+" + _BODY + r")(?:'s)?(?:,\s*which)?\s+(?:(?:currently|now|also)\s+)?"
    r"(?:consists\s+of|comprises|brings\s+together|groups|unites|is\s+made\s+up\s+of|"
    r"includes)\b", re.IGNORECASE)
_ARE_MEMBERS = re.compile(
    r"(?P<list>(?:both\s+)?" + SA + r"(?:(?:,\s*|,?\s+and\s+)" + SA + r")+)\s+are\s+"
    r"(?:(?:all|both|full|founding)\s+)?members\s+of\s+(?:the\s+)?(?:(?P<org>" + O + r")|"
    + _BODY + r")", re.IGNORECASE)
_LIST_STOP = re.compile(
    r"\b(?:observers?|partners?|dialogue|applicants?|candidates?|invited|invitees?|guests?|"
    r"except|but\s+not|while|whereas|not\s+members?|associate)\b", re.IGNORECASE)
_JOIN = re.compile(
    SA + r"(?:,[^,]{1,80},)?\s+(?:(?:has|had|have|formally|officially|finally|also|then|"
    r"\w+ly|on\s+\u27e6T\d+\u27e7|in\s+\u27e6T\d+\u27e7)\s+)*"
    r"(?P<verb>joined|join|joins|became\s+(?:a|the|an)\s+(?:full(?:-fledged)?\s+|full\s+|new\s+|"
    r"\w+\s+)*member(?:\s+state)?\s+of|becomes\s+(?:a|the|an)\s+(?:\w+\s+)*member(?:\s+state)?"
    r"\s+of|was\s+admitted\s+(?:as\s+(?:a|the)\s+(?:\w+\s+)*member\s+)?(?:to|into)|"
    r"acceded\s+to|accedes\s+to)\s+(?:the\s+)?(?P<org>" + O + r"|(?:it|the\s+(?:bloc|group|"
    r"organi[sz]ation|union|alliance|body|commonwealth))\b)", re.IGNORECASE)
_ADMIT = re.compile(
    r"(?:admit(?:s|ted|ting)?|welcom(?:ed|es|ing)|accept(?:s|ed)?)\s+" + SA
    + r"(?:\s+as\s+(?:its|a|the)\s+(?:\w+\s+){0,3}?member)", re.IGNORECASE)
_REMAIN = re.compile(
    SA + r"(?:,[^,]{1,80},)?\s+(?:\w+\s+)?(?:remain(?:s|ed)?|is\s+still|was\s+still|stays|"
    r"is|was|continues\s+to\s+be)\s+(?:as\s+)?(?:a|an)\s+(?:(?:full(?:-fledged)?|founding|"
    r"permanent|reliable|\w+)\s+)*member\s+(?:state\s+)?of\s+(?:the\s+)?(?P<org>" + O
    + r"|(?:the\s+)?(?:bloc|organi[sz]ation|group|union|alliance))", re.IGNORECASE)
_SUSPEND = re.compile(
    SA + r"(?:,[^,]{1,80},)?\s+(?:\w+\s+){0,2}?(?P<verb>suspend(?:s|ed)?|froze|freezes|"
    r"frozen|has\s+frozen|had\s+frozen)\s+(?:its|their|his|her)\s+(?:participation|membership)"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?P<org>" + O + r"))?", re.IGNORECASE)
_SUSPENDED = re.compile(
    SA + r"'s\s+membership\s+(?:of\s+(?:the\s+)?(?P<org>" + O + r")\s+)?(?:had\s+been|has\s+been|"
    r"was)\s+suspended", re.IGNORECASE)
_WITHDRAW = re.compile(
    SA + r"(?:,\s*which|\s+which)?(?:,[^,]{1,80},)?\s+(?:\w+\s+){0,2}?(?P<verb>withdrew|"
    r"withdraws|left|leaves|quit|quits|ceased\s+to\s+be\s+a\s+member\s+of|pulled\s+out\s+of|"
    r"exited)\s+(?:from\s+)?(?:the\s+)?(?P<org>" + O + r"|it\b|the\s+(?:bloc|organi[sz]ation|"
    r"group|union|alliance|commonwealth))", re.IGNORECASE)


_MEMBER_WORD = re.compile(r"member|join|admit|accede|suspend|froze|frozen|withdr|left|leave|"
                          r"quit|pulled out|exit|comprise|consists|brings together")


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


def extract_members(ctx: Context) -> list[Membership]:
    found: dict[tuple[str, str], Membership] = {}

    def add(fact: Membership) -> None:
        key = (fact.organization, fact.member)
        old = found.get(key)
        if old is None:
            found[key] = fact
            return
        old.start = old.start or fact.start
        old.end = old.end or fact.end
        old.status = old.status or fact.status

    for sentence in ctx.sentences:
        masked = sentence.masked
        if not _MEMBER_WORD.search(masked.lower()):
            continue
        for m in _LIST_TRIGGER.finditer(masked):
            if negated(masked[max(0, m.start() - 40):m.end()]):
                continue
            org = _org(sentence, m.group("org") or m.group("org2"), ctx)
            stop = _LIST_STOP.search(masked, m.end())
            end = stop.start() if stop else len(masked)
            for _, _, i in sentence.tokens("S", m.end(), end):
                state = sentence.state(i)
                if state and org:
                    add(_fact(sentence, org, state, None, None, None, "member.list", 0.9))
        for m in _ARE_MEMBERS.finditer(masked):
            if negated(masked[max(0, m.start() - 20):m.end()]):
                continue
            org = _org(sentence, m.group("org"), ctx)
            for _, _, i in sentence.tokens("SA", m.start(), m.end("list")):
                state = sentence.state(i)
                if state and org:
                    add(_fact(sentence, org, state, None, None, None, "member.are-members", 0.85))
        for rx, rule in ((_JOIN, "member.join"), (_REMAIN, "member.remain"),
                         (_SUSPEND, "member.suspend"), (_SUSPENDED, "member.suspend"),
                         (_WITHDRAW, "member.withdraw")):
            for m in rx.finditer(masked):
                left = max(masked.rfind(";", 0, m.start()), m.start() - 15, 0)
                window = masked[left:m.end()]
                if negated(window) or (rule == "member.join" and hedged(window)):
                    continue
                if rule in ("member.join",) and re.search(r"\bas\s+(?:an?\s+)?(?:observer|"
                                                          r"partner|guest)", masked[m.end():
                                                                                  m.end() + 40]):
                    continue
                state = sentence.state(m.group(1))
                org = _org(sentence, m.groupdict().get("org"), ctx)
                if not state or not org:
                    continue
                when = _when(sentence, m.start(), len(masked))
                if rule == "member.join":
                    add(_fact(sentence, org, state, when, None, None, rule, 0.85))
                elif rule == "member.remain":
                    add(_fact(sentence, org, state, None, None, None, rule, 0.85))
                elif rule == "member.suspend":
                    add(_fact(sentence, org, state, None, None, "suspended", rule, 0.8))
                else:
                    add(_fact(sentence, org, state, None, when, "withdrawn", rule, 0.8))
        for m in _ADMIT.finditer(masked):
            if negated(masked[max(0, m.start() - 40):m.end()]):
                continue
            state = sentence.state(m.group(1))
            org = _org(sentence, None, ctx)
            os_ = [sentence.org(i) for _, _, i in sentence.tokens("O")]
            org = next((o for o in os_ if o), org)
            if state and org:
                add(_fact(sentence, org, state, _when(sentence, 0, len(masked)), None, None,
                          "member.admit", 0.8))
    return list(found.values())


def _fact(sentence: Masked, org: str, state: str, start: str | None, end: str | None,
          status: str | None, rule: str, confidence: float) -> Membership:
    return Membership(org, state, start, end, status, evidence=evidence(sentence),
                      origin="extracted", confidence=confidence, rule=rule)


__all__ = ["extract_members", "S"]
