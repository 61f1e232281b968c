"""Cooperation proposed between a bloc and other organisations.

"Tokayev proposed that the SCO establish closer links with the CICA", "He proposed that the
OIC and the African Union set up a contact group", "X called for closer contacts between the
CIS and the SCO": after a verb of proposing, the first body named is the bloc the proposal
is made in and every other body of that clause is a partner. The proposer is the speaker:
a state (officials of a state are masked as their state, see posts.mask_persons), or the
body whose official speaks ("Secretary General X proposed" is the organisation proposing);
"He proposed" is the actor of the sentences before.
"""

from __future__ import annotations

import re

from graph_builder.core.facts import CooperationProposal
from graph_builder.extract import phrases
from graph_builder.extract.common import evidence, negated
from graph_builder.extract.context import Context, Masked

_PROPOSE = phrases.words("propose_verbs.txt")
# "cooperation with interested countries": a proposal whose partner the text leaves open
_OPEN_PARTNER = re.compile(r"\b(?:cooperation|co-operation|interaction|partnership|contacts|"
                           r"ties|links)\s+with\s+(?:(?:interested|other|all|partner|"
                           r"neighbouring|neighboring|international|regional|\w+)\s+)*"
                           r"(?:countries|states|organi[sz]ations|partners|structures|bodies)\b",
                           re.IGNORECASE)
_TIE = re.compile(r"\b(?:with|and|between)\b|\bjointly\b|\btogether\b", re.IGNORECASE)
# where the proposal's own clause ends
_CLAUSE_END = re.compile(r",\s+(?:and\s+that|arguing|noting|saying|so\s+that|given\s+that|where|"
                         r"an\s+idea|"
                         r"both\s+of\s+which|which|while|but)\b|;|\.\s")
_BLOC_FIRST = re.compile(r"\s+(?:that\s+|closer\s+\w+\s+between\s+|\w+\s+between\s+)?(?:the\s+)?"
                        r"\u27e6O\d+\u27e7")
_PRONOUN = re.compile(r"^\s*(?:He|She|They|The\s+(?:president|minister|secretary))\b")


def _person_holders(ctx: Context) -> dict[str, str]:
    """Name words of known officials (surname and distinctive given names) -> their holder."""
    words: dict[str, set[str]] = {}
    for person, (_, of) in ctx.persons.items():
        if not of:
            continue
        for word in person.split():
            if len(word) > 3 and word[0].isupper():
                words.setdefault(word, set()).add(of)
    return {word: holders.pop() for word, holders in words.items() if len(holders) == 1}


def _actor(sentence: Masked, end: int, holders: dict[str, str],
           holder_rx: re.Pattern[str] | None, persons_only: bool = False) -> str | None:
    """The state or body acting in masked[:end]: the last one named before the verb."""
    found: tuple[int, str] | None = None
    for pos, _, i in sentence.tokens("SA", 0, end):
        item = sentence.item(i)
        if persons_only and item.start != item.end:
            continue  # an official masked as their state has no span of its own
        state = sentence.state(i)
        if state:
            found = (pos, state)
    if holder_rx is not None:
        for m in holder_rx.finditer(sentence.masked, 0, end):
            if found is None or m.start() > found[0]:
                found = (m.start(), holders[m.group(0)])
    return found[1] if found else None


def extract_cooperation(ctx: Context) -> list[CooperationProposal]:
    out: dict[tuple, CooperationProposal] = {}
    holders = _person_holders(ctx)
    holder_rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(
        holders, key=len, reverse=True))) + r")(?!\w)") if holders else None
    for index, sentence in enumerate(ctx.sentences):
        masked = sentence.masked
        p = _PROPOSE.search(masked)
        if not p:
            continue
        open_partner = _OPEN_PARTNER.search(masked, p.end())
        if "\u27e6O" not in masked[p.end():] and not open_partner:
            continue
        if _PRONOUN.match(masked):
            # "He proposed": the official named last in the sentences before
            proposer = next((actor for actor in (
                _actor(before, len(before.masked), holders, holder_rx, persons_only=True)
                for before in reversed(ctx.sentences[max(0, index - 6):index])) if actor), None)
        else:
            proposer = _actor(sentence, p.start(), holders, holder_rx)
        if proposer is None:
            continue
        if negated(masked[max(0, p.start() - 30):p.start()]):
            continue
        stop = _CLAUSE_END.search(masked, p.end())
        clause_end = stop.start() if stop else len(masked)
        orgs = [(pos, sentence.org(i)) for pos, _, i in sentence.tokens("O", p.end(), clause_end)]
        orgs = [(pos, o) for pos, o in orgs if o]
        if open_partner and not [o for pos, o in orgs if pos > open_partner.start()]:
            before = [sentence.org(i) for _, _, i in sentence.tokens("O", 0,
                                                                      open_partner.start())]
            org = next((o for o in reversed(before) if o), None) or ctx.topic_org
            key = (proposer, org, None)
            if org and key not in out:
                out[key] = CooperationProposal(
                    proposer, org, None, evidence=evidence(sentence), origin="extracted",
                    confidence=0.6, rule="cooperation.open-partner")
        if not orgs:
            continue
        if _BLOC_FIRST.match(masked, p.end()) and len(orgs) >= 2:
            org, partners = orgs[0][1], orgs[1:]  # "proposed that the SCO ... with the CICA"
        else:
            before = [sentence.org(i) for _, _, i in sentence.tokens("O", 0, p.start())]
            org = next((o for o in reversed(before) if o), None) or ctx.topic_org
            partners = orgs
        for pos, partner in partners:
            if partner == org or not _TIE.search(masked, p.end(), pos + 1):
                continue
            key = (proposer, org, partner)
            if key not in out:
                out[key] = CooperationProposal(
                    proposer, org, partner, evidence=evidence(sentence), origin="extracted",
                    confidence=0.7, rule="cooperation.propose")
    return list(out.values())
