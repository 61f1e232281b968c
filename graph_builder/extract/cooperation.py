"""Cooperation proposed between a bloc and other organisations.

"He proposed ... cooperation with the United Nations ... step up interaction with the CIS
and SCO": the proposer is the speaker's state (a person's later mentions are masked as
their state, see posts.mask_persons), the bloc is the one the proposal is made in, and
each organisation named after the cooperation word is a partner.
"""

from __future__ import annotations

import re

from ..facts import CooperationProposal
from .common import evidence, negated
from .context import Context

_PROPOSE = re.compile(r"\b(?:propos|suggest|urg|call(?:ed|s)?\s+for|advocat|push(?:ed|es)?\s+for"
                      r"|offer)", re.IGNORECASE)
_COOP = re.compile(r"\b(?:cooperat\w*|co-operat\w*|interaction|coordinat\w*|closer\s+ties|"
                   r"partnership|work(?:ing)?\s+(?:more\s+)?closely|ties)\b", re.IGNORECASE)


def extract_cooperation(ctx: Context) -> list[CooperationProposal]:
    out: dict[tuple, CooperationProposal] = {}
    last_state: str | None = None
    for sentence in ctx.sentences:
        masked = sentence.masked
        subject = None
        for _, _, i in sentence.tokens("SA"):
            subject = sentence.state(i)
            if subject:
                break
        if subject is None and re.match(r"\s*(?:He|She|It|They)\b", masked):
            subject = last_state
        if subject:
            last_state = subject
        p = _PROPOSE.search(masked)
        c = _COOP.search(masked, p.end()) if p else None
        if not p or not c or negated(masked[max(0, p.start() - 30):p.start()]):
            continue
        proposer = None
        for pos, _, i in sentence.tokens("SA", 0, p.start()):
            proposer = sentence.state(i) or proposer
        proposer = proposer or subject
        if proposer is None:
            continue
        org = None
        for _, _, i in sentence.tokens("O", 0, c.start()):
            org = sentence.org(i) or org
        org = org or ctx.topic_org
        for _, _, i in sentence.tokens("O", c.start()):
            partner = sentence.org(i)
            if partner and partner != org and (proposer, org, partner) not in out:
                out[(proposer, org, partner)] = CooperationProposal(
                    proposer, org, partner, evidence=evidence(sentence), origin="extracted",
                    confidence=0.7, rule="cooperation.propose")
    return list(out.values())
