"""Post titles in one spelling, their class in the ontology, and who holds such a post.

News writes "Defense Minister", "minister of defence" and "defence secretary" for one
post; the graph needs one post node per (title, state), and questions need the class
(bloc:DefenceMinister) whatever the spelling. Titles not in the table stay free text
(an institute's director) under the plain bloc:Post class.

This is the one place titles are known (`core/data/posts.csv`): the surface rules, the
syntactic pass, the facts model and the question parser all ask it. Its `held_in` column
says whether a title is a state's post ("foreign minister": with no holder written, the
state the article is about) or an organisation's ("secretary general": the body in focus).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

# a holder standing in for the post: "acting president" is its own title, of the same class
TEMPORARY = ("acting", "interim", "caretaker")


@cache
def _rows() -> dict[str, tuple[str, str, str]]:
    """Each spelling -> (canonical title, ontology class, held_in)."""
    text = resources.files("graph_builder.core").joinpath("data/posts.csv").read_text("utf-8")
    table: dict[str, tuple[str, str, str]] = {}
    for row in csv.DictReader(text.splitlines()):
        for alias in row["aliases"].split(";"):
            table[_norm(alias)] = (row["title"], row["class"], row["held_in"])
    return table


def _norm(title: str) -> str:
    title = title.lower().replace("-", " ").replace("’", "'")
    return re.sub(r"\s+", " ", title).strip(" .,")


def post_class(title: str) -> tuple[str, str]:
    """(canonical title, ontology class local name) of a post title.

    A portfolio joined to a known office is that office: "Minister of Foreign Affairs and
    International Cooperation", "Minister for Foreign Affairs, Education and Sport" and
    "Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs" are each the
    state's foreign minister, whichever name the government gives the ministry."""
    key = _norm(title)
    row = _rows().get(key)
    if row is None and (" and " in key or "," in key):
        row = next((found for part in _PORTFOLIOS.split(key)
                    if (found := _rows().get(part.strip(" ,"))) is not None), None)
    return (row[0], row[1]) if row else (key, "Post")


_PORTFOLIOS = re.compile(r",\s*|\s+and\s+")


def known_titles() -> list[str]:
    """Every spelling the table knows, longest first (for matching in text and questions)."""
    return sorted(_rows(), key=len, reverse=True)


LEADER_CLASSES = ("HeadOfState", "HeadOfGovernment")


def leader_titles() -> tuple[str, ...]:
    """The canonical titles of a state's leaders (head of state or of government), in the
    table's order: the posts whose holder's name stands for the state in a question
    ("Who did Tokayev take over from?") and the usual head of a state."""
    return tuple(dict.fromkeys(row[0] for row in _rows().values() if row[1] in LEADER_CLASSES))


def is_leader_title(title: str) -> bool:
    """A head of state's or government's title, in any spelling the table knows, a
    temporary holder's prefix ("acting prime minister") included."""
    key = _norm(title)
    for word in TEMPORARY:
        if key.startswith(word + " "):
            key = key[len(word) + 1:]
    return post_class(key)[1] in LEADER_CLASSES


def normalise_post(title: str) -> str:
    return post_class(title)[0]


def canonical(title: str) -> str | None:
    """The table's spelling of a title it lists, a temporary holder's prefix kept
    ("Acting Prime Minister" -> "acting prime minister"); None for a title it does not list."""
    key = _norm(title)
    prefix = ""
    for word in TEMPORARY:
        if key.startswith(word + " "):
            prefix, key = word + " ", key[len(word) + 1:]
            break
    row = _rows().get(key)
    return prefix + row[0] if row else None


def singular(plural: str) -> str | None:
    """The table's title for a plural one ("Foreign Ministers" -> "foreign minister"), or
    None when the singular is not a title the table lists."""
    key = _norm(plural)
    return canonical(key[:-1]) if key.endswith("s") else None


def held_in(title: str) -> str:
    """"state", "organization" or "" (either) for a title; a temporary holder's prefix and
    a title the table does not list give what the bare title gives, or ""."""
    key = _norm(title)
    for word in TEMPORARY:
        if key.startswith(word + " "):
            key = key[len(word) + 1:]
    row = _rows().get(key)
    return row[2] if row else ""


def is_state_post(title: str) -> bool:
    """A post a state fills ("prime minister"): with no holder written, the article's state."""
    return held_in(title) == "state"


def is_org_post(title: str) -> bool:
    """A post in an organisation ("secretary general"): with no holder written, the body in
    focus of the article."""
    return held_in(title) == "organization"


# "chairman", "chairperson", "chairwoman" and "chair" of one body are one post
_CHAIR_WORD = re.compile(r"^chair(?:man|person|woman)\b")


def post_key(title: str, holder: str | None) -> str:
    """The title a post is known by, its holder's name dropped when the title repeats it.

    "President of the European Council" held in the European Council is the council's
    president; news writes either, and one post must compare equal to itself whichever
    spelling the article (or a curator) chose. The holder's label, full name or any of its
    names may be the one repeated ("Secretary General of NATO" of NATO)."""
    key = _CHAIR_WORD.sub("chair", normalise_post(title))
    if not holder or " of " not in key:
        return key
    from graph_builder.core.reference import resolve  # reference does not import titles

    entity = resolve(holder, "organization") or resolve(holder, "state")
    names = {holder, *(entity.names if entity else ()), *((entity.full_name,)
                                                           if entity and entity.full_name else ())}
    for name in sorted(names, key=len, reverse=True):
        for joint in (" of the ", " of "):
            suffix = _norm(joint + name)
            if key.endswith(suffix) and len(key) > len(suffix):
                return _CHAIR_WORD.sub("chair", normalise_post(key[:-len(suffix)]))
    return key
