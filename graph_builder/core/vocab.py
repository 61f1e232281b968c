"""The IRIs blocgraph mints and the vocabularies it writes with.

Kept in one place so that the mapping, the store, the queries and the exports agree on
every namespace and named-graph name.
"""

from __future__ import annotations

import re
import unicodedata

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


def slugify(text: str) -> str:
    """The one slug rule, for IRIs and for the reference tables' slug columns.

    Lowercase ASCII words joined by hyphens: 'Kassym-Jomart Tokayev' ->
    'kassym-jomart-tokayev', 'Søren Østergaard' -> 'soren-ostergaard', "N'Djamena" ->
    'n-djamena'. A text with no letter or digit gives 'unnamed', never an empty segment.
    """
    return re.sub(r"[^a-z0-9]+", "-", fold_accents(text).lower()).strip("-") or "unnamed"


def article_graph(stem: str) -> str:
    return ARTICLE_GRAPH_PREFIX + slugify(stem)


def article_iri(stem: str) -> str:
    return ID + "article/" + slugify(stem)
