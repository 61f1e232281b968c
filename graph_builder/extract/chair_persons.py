"""Leaders named once with their state and later by surname alone, where a chair changes hands.

"receiving the gavel from Mauritania's Mohamed Ould Cheikh El Ghazouani ... Ghazouani had
led the continental body through 2024"; "Hungary's Viktor Orbán ... Orbán, whose government
holds the presidency"; "when he succeeded H.E. Umaro Sissoco Embaló, President of the
Republic of Guinea-Bissau". The chair rules read states, so the surname (or the name with
its title of a state) is masked, in the chair sentence only, as that state. The article's
own phrases say which state a surname stands for; a surname two states share stands for
neither. Only a giving or taking slot is rewritten (the sentence's start, after to, from,
succeeded, replacing, and before ", whose"): elsewhere a person is a person.
"""

from __future__ import annotations

import re
from functools import cache

from graph_builder.core.reference import Entity
from graph_builder.extract import phrases
from graph_builder.extract.context import Context, Item, Masked

_NAME = r"(?:[A-Z][\w'\u2019.-]+\s+){0,4}(?P<surname>[A-Z][\w'\u2019-]+)"
_STATE = r"\u27e6(?P<kind>[SA])(?P<i>\d+)\u27e7"


@cache
def _title() -> str:
    fragments = phrases.lines("state_leader_titles.txt")
    return r"(?i:" + "|".join(re.sub(r"[\s-]+", r"[\\s-]+", p) for p in fragments) + r")"


@cache
def _introductions() -> list[re.Pattern[str]]:
    title = _title()
    return [
        # "Mauritania's Mohamed Ould Cheikh El Ghazouani", "Hungary's President Viktor Orban"
        re.compile(r"\u27e6(?P<kind>S)(?P<i>\d+)\u27e7's?\s+(?:" + title + r"\s+)?" + _NAME
                   + r"(?![\w'])"),
        # "Angolan President João Lourenço"
        re.compile(_STATE + r"\s+" + title + r"\s+" + _NAME + r"(?![\w'])"),
        # "Umaro Sissoco Embaló, President of the Republic of Guinea-Bissau"
        re.compile(_NAME + _POSTNOMINALS + r",\s+(?:the\s+)?" + title + r"\s+of\s+(?:the\s+)?"
                   + _STATE),
        # "President Tinubu of Nigeria"
        re.compile(title + r"\s+" + _NAME + r"\s+of\s+(?:the\s+)?" + _STATE),
    ]


def surnames(ctx: Context) -> dict[str, Entity]:
    """The state each surname of the article stands for, where its phrases say so."""
    found: dict[str, set[str]] = {}
    entities: dict[str, Entity] = {}
    for sentence in ctx.sentences:
        # an official the post rules already masked as their state (posts.mask_persons)
        for item in sentence.items:
            name = re.search(r"([A-Z][\w'\u2019-]+)\s*$", item.text)
            if item.kind == "S" and item.start == item.end and name and item.entity is not None \
                    and item.entity.kind == "state":
                found.setdefault(name.group(1), set()).add(item.entity.slug)
                entities[name.group(1)] = item.entity
        for form in _introductions():
            for m in form.finditer(sentence.masked):
                entity = sentence.item(m.group("i")).entity
                if entity is None:
                    continue
                if m.group("kind") == "A" and entity.kind != "state":
                    continue
                surname = m.group("surname")
                found.setdefault(surname, set()).add(entity.slug)
                entities[surname] = entity
    return {name: entities[name] for name, slugs in found.items() if len(slugs) == 1}


_SLOT = r"(?P<pre>^(?:\s*[\"\u201c])?|\b(?i:to|from|succeed(?:s|ed|ing)?|replac(?:es|ed|ing))\s+)"
_HONORIFIC = (r"(?:(?:H\.E\.|His\s+Excellency|Her\s+Excellency|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|"
              r"(?:The\s+)?(?:Rt\.?\s+)?Hon(?:ourable|\.)?|Sir|Dame|Prof\.?|Sheikh|Datuk(?:\s+Seri)?|"
              r"Dato'?(?:\s+Sri|\s+Seri)?|Tan\s+Sri)\s+)*")
# letters after a name: "Dr Jane Roe, QC, MP, Prime Minister of X"
_POSTNOMINALS = r"(?:,\s+(?:QC|KC|SC|MP|GCMG|KCMG|CMG|KBE|CBE|OBE|MBE|GCB|PhD|MNA|CH|Esq\.?))*"


def surnames_as_states(sentence: Masked, known: dict[str, Entity]) -> Masked:
    """The sentence with each known surname (or name and state title) in a chair slot masked
    as its state: a new placeholder for a state the sentence does not name itself."""
    masked = sentence.masked
    items = list(sentence.items)
    title = _title()

    # "succeeded H.E. Umaro Sissoco Embaló, President of the Republic of Guinea-Bissau"
    titled = re.compile(_SLOT + _HONORIFIC + _NAME + _POSTNOMINALS + r",\s+(?:the\s+)?" + title
                        + r"\s+of\s+(?:the\s+)?(?P<s>\u27e6S\d+\u27e7)")
    masked = titled.sub(lambda m: m.group("pre") + m.group("s"), masked)

    def to_state(m: re.Match[str]) -> str:
        entity = known.get(m.group("surname"))
        if entity is None:
            return m.group(0)
        items.append(Item("S", sentence.start, sentence.start, m.group("surname"), entity))
        return m.group("pre") + f"\u27e6S{len(items) - 1}\u27e7" + m.group("post")

    bare = re.compile(_SLOT + r"(?:\u27e6S\d+\u27e7'\s+)?" + _HONORIFIC + _NAME
                      + r"(?P<post>(?=,\s*whose\b)|(?=\s+(?:had|has|have|was|is|will|led|leads|"
                      r"chaired|chairs|held|holds|took|takes|handed|hands|passed|steered)\b)|"
                      r"(?=[,.;]|\s+(?:at|in|on|as)\b))")
    masked = bare.sub(to_state, masked)
    if masked == sentence.masked:
        return sentence
    return Masked(sentence.start, sentence.end, sentence.text, masked, items, sentence.in_title)


__all__ = ["surnames", "surnames_as_states"]
