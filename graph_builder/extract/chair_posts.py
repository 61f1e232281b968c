"""The chair post of a leader, where a body's chair is held in person by the chair state's leader.

In the African Union, ECOWAS, CARICOM, the Pacific Islands Forum and their like the state
chairs and its head of state or government is the body's Chairperson
(`lexicon/chair_in_person.txt`): "Angola's President João Lourenço took over the rotating
AU chairmanship" states both. The chair rules find the state; this pass adds the leader's
post, for the same term and with the same evidence, when the chair sentence names the
leader the article knows for that state. Bodies whose chair is a state's office only are
left alone: their reports seldom make the leader the chair.
"""

from __future__ import annotations

from functools import cache

from graph_builder.core.facts import Chairmanship, Post
from graph_builder.core.titles import is_leader_title
from graph_builder.extract import phrases


@cache
def _bodies() -> frozenset[str]:
    return frozenset(phrases.lines("chair_in_person.txt"))


def chair_posts(chairs: list[Chairmanship], posts: list[Post]) -> list[Post]:
    """A Chairperson post for each leader named in a chair sentence of a body chaired in
    person; none where the sentence names no leader of the chair state."""
    have = {(p.person, p.of) for p in posts if p.post == "chairperson"}
    # a predecessor's leader is named as the giver, seldom as the body's chair: only the
    # term the article reports (none after it, none ended) makes a chair post
    gave = {(c.organization, c.previous) for c in chairs if c.previous}
    out: list[Post] = []
    for chair in chairs:
        if chair.organization not in _bodies() or chair.evidence is None or chair.end or \
                (chair.organization, chair.chair) in gave:
            continue
        text = chair.evidence.text
        for post in posts:
            if post.of != chair.chair or not is_leader_title(post.post) or not post.person:
                continue
            if post.person.split()[-1] not in text or (post.person, chair.organization) in have:
                continue
            have.add((post.person, chair.organization))
            out.append(Post(post.person, "chairperson", chair.organization, chair.start,
                            chair.end, evidence=chair.evidence, origin="extracted",
                            confidence=0.6, rule="post.chair-in-person",
                            modality=chair.modality))
    return out
