"""How many members an article says an organisation has: "the 55-member African Union",
"NATO's 32 members", "Caricom has 15 member states".

The members the graph knows by name are seldom all of them, so a stated total is a fact of
its own (`MemberCount`), attested at the article's date. The phrases are the ones
`core/totals.py` reads (one rule for extraction and questions); here a phrase that counts
some members rather than all ("the three member states that stayed away"), one about the
future or a supposition ("will have 12 members"), and one denied are left out.
"""

from __future__ import annotations

import re

from graph_builder.core import totals
from graph_builder.core.facts import MemberCount
from graph_builder.extract.common import evidence, hedged, negated
from graph_builder.extract.context import Context, Masked

# what follows a count of some members: a relative clause that picks them out
_SOME = re.compile(r"\s*(?:that|who|whose|present|attending|out\s+of|of\s+(?:them|those))\b",
                   re.IGNORECASE)
# a size ahead of time or supposed
_AHEAD = re.compile(r"\b(?:will|would|could|might|may|shall|to\s+become|grow\s+to|rise\s+to|"
                    r"expand\w*\s+to|once|if|when|after|bring\w*|plans?|aims?|hopes?)\b[^.;]*$",
                    re.IGNORECASE)


def _org_of(sentence: Masked, m: re.Match[str], ctx: Context) -> str | None:
    """The body whose size the phrase gives: the one it qualifies ("the 55-member ⟦O⟧",
    "⟦O⟧'s 32 members"), else the last one named before it, else the one in focus."""
    masked = sentence.masked
    if m.group("a"):
        after = re.match(r"\s*(?:\w+\s+){0,2}?\u27e6O(\d+)\u27e7", masked[m.end():])
        if after:
            return sentence.org(after.group(1))
    if m.group("c"):
        before = re.search(r"\u27e6O(\d+)\u27e7$", masked[:m.start()])
        if before:
            return sentence.org(before.group(1))
    named = [o for _, _, i in sentence.tokens("O", 0, m.start()) if (o := sentence.org(i))]
    if named:
        return named[-1]
    later = [o for _, _, i in sentence.tokens("O", m.end()) if (o := sentence.org(i))]
    return later[0] if len(set(later)) == 1 else ctx.topic_org


def extract_member_counts(ctx: Context) -> list[MemberCount]:
    """Each organisation's size the article states, the first time it states it."""
    found: dict[str, MemberCount] = {}
    for sentence in ctx.sentences:
        masked = sentence.masked
        m = totals.find(masked)
        if m is None:
            # "the 32-nation alliance" read as the body in focus: the size is in its phrase
            for pos, _, i in sentence.tokens("O"):
                inner = totals.find(sentence.item(i).text)
                org = sentence.org(i)
                if inner and (count := totals.value(inner)) and count <= 200 and org \
                        and org not in found and not negated(masked[max(0, pos - 60):pos]):
                    found[org] = MemberCount(org, count, evidence=evidence(sentence),
                                             origin="extracted", confidence=0.8,
                                             rule="count.stated")
            continue
        if (count := totals.value(m)) is None or count > 200:
            continue
        lead = masked[max(0, m.start() - 60):m.start()]
        if _SOME.match(masked, m.end()) or _AHEAD.search(lead) or negated(lead) or hedged(lead):
            continue
        org = _org_of(sentence, m, ctx)
        if org is None or org in found:
            continue
        found[org] = MemberCount(org, count, evidence=evidence(sentence), origin="extracted",
                                 confidence=0.8, rule="count.stated")
    return list(found.values())
