"""The IRIs blocgraph mints and the vocabularies it writes with.

Kept in one place so that the mapping, the store, the queries and the exports agree on
every namespace and named-graph name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container

BLOC = "https://w3id.org/blocgraph/ontology#"
ID = "https://w3id.org/blocgraph/id/"
GRAPH = "https://w3id.org/blocgraph/graph/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
WD = "http://www.wikidata.org/entity/"

# The files read as articles, in the order a gold file's article is looked for.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

# The network views, and the one a network export gives unless told (CLI, API, /export.gexf).
NETWORK_VIEWS = ("full", "states")
DEFAULT_VIEW = "full"

ONTOLOGY_GRAPH = GRAPH + "ontology"
REFERENCE_GRAPH = GRAPH + "reference"
INFERRED_GRAPH = GRAPH + "inferred"
ARTICLE_GRAPH_PREFIX = GRAPH + "article/"

PREFIXES = {
    "bloc": BLOC,
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "org": ORG,
    "time": TIME,
    "prov": PROV,
    "schema": SCHEMA,
    "skos": SKOS,
    "wd": WD,
}


# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLITERATE = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
    "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
})  # fmt: skip


def fold_accents(text: str) -> str:
    """The text with accents dropped and the letters above spelled in ASCII: 'Øst' -> 'Ost'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ә": "a", "ғ": "g", "қ": "q",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ў": "u", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ќ": "kj", "ѓ": "gj", "ѕ": "dz",
}  # fmt: skip
# Cyrillic spelled in Latin letters (a simple BGN/PCGN-like table) for slugs only, so that
# 'Отчёт' becomes 'otchet' instead of 'unnamed'.
_SLUG_TRANSLITERATE = str.maketrans(
    {**_CYRILLIC, **{k.upper(): v for k, v in _CYRILLIC.items()}}
)


def slugify(text: str) -> str:
    """The one slug rule, for IRIs and for the reference tables' slug columns.

    Lowercase ASCII words joined by hyphens: 'Kassym-Jomart Tokayev' ->
    'kassym-jomart-tokayev', 'Søren Østergaard' -> 'soren-ostergaard', "N'Djamena" ->
    'n-djamena'. A text with no letter or digit gives 'unnamed', never an empty segment.
    """
    latin = fold_accents(text.translate(_SLUG_TRANSLITERATE)).lower()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "unnamed"


def article_slug(key: str, taken: Container[str]) -> str:
    """The readable, unique last segment of an article's graph and IRI.

    Its slug, unless another article already has that slug ('a b' and 'a_b' both give
    'a-b') or the name has no letter in any script blocgraph spells ('unnamed'): then the
    slug and a short hash of the whole name, 'a-b-3f9c2e1a'.
    """
    base = slugify(key)
    if base != "unnamed" and base not in taken:
        return base
    return f"{base}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


def article_graph(stem: str, slug: str | None = None) -> str:
    """The named graph of an article; `slug` is the one its build allotted (article_slug)."""
    return ARTICLE_GRAPH_PREFIX + (slug or slugify(stem))


def article_iri(stem: str, slug: str | None = None) -> str:
    return ID + "article/" + (slug or slugify(stem))
