"""A plural subject that counts the states of the sentence before stands for those states.

"India and Pakistan have long been rivals. Both countries joined the SCO in 2017": the
membership rules read states, so "Both countries" is rewritten, in the masked sentence only,
to the previous sentence's states ("A and B"), with their items copied. Only when the count
the phrase gives (both, the two, all three ...) is the number of states that sentence named:
a phrase that does not count ("they", "the members") may mean anyone.
"""

from __future__ import annotations

import re

from graph_builder.extract.context import Masked

_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_NOUN = r"(?:countries|states|nations|neighbours|neighbors|governments|republics|capitals)"
# at the sentence's start, or after a dateline ("MINSK, 3 May - Both countries ...")
_SUBJECT = re.compile(
    # or after a fronted phrase ("In accordance with Article 91 of the Treaty, the three ...")
    r"(?P<pre>^|\s[-\u2013\u2014]\s|^(?:In|By|On)\s+\u27e6T\d+\u27e7,?\s+|"
    r"^(?:In|Under|By|From|With|As|After|Since|Following|Per)\s[^,;:]{0,80}?,\s+)"
    r"(?P<phrase>(?:[Bb]oth\s+(?:the\s+)?" + _NOUN + r"|[Tt]he\s+(?P<n>two|three|four|five)\s+"
    # "the two Balkan states", "the three Central Asian republics"
    r"(?:[\w-]+\s+){0,2}?" + _NOUN
    + r"|[Aa]ll\s+(?P<n2>three|four|five)(?:\s+" + _NOUN + r")?|[Tt]he\s+pair|[Bb]oth"
    # "The two are founding members": the bare count, only before a verb (not "the two sides")
    r"|[Tt]he\s+(?P<n3>two|three|four|five))"
    r")(?=\s+(?:\w+ly\s+)?(?:have|had|has|were|are|was|will|shall|then|later|also|jointly|together|subsequently|"
    r"\w+ed\b|became|joined|left|signed|applied|belong|remain|sit|count|rank))")


def plural_subject(sentence: Masked, previous: Masked | None) -> Masked:
    """The sentence with a counting plural subject replaced by the states it counts."""
    if previous is None:
        return sentence
    m = _SUBJECT.search(sentence.masked)
    if m is None:
        return sentence
    count = _COUNTS.get((m.group("n") or m.group("n2") or m.group("n3") or "both").lower(), 2)
    tokens = [i for _, _, i in previous.tokens("SA") if previous.state(i)]
    states = list(dict.fromkeys(previous.state(i) for i in tokens))
    if len(states) != count:
        return sentence
    firsts = [next(i for i in tokens if previous.state(i) == s) for s in states]
    items = list(sentence.items)
    placeholders = []
    for i in firsts:
        items.append(previous.items[i])
        placeholders.append(f"\u27e6{previous.items[i].kind}{len(items) - 1}\u27e7")
    listed = ", ".join(placeholders[:-1]) + " and " + placeholders[-1]
    masked = sentence.masked[:m.start("phrase")] + listed + sentence.masked[m.end("phrase"):]
    return Masked(sentence.start, sentence.end, sentence.text, masked, items, sentence.in_title)
