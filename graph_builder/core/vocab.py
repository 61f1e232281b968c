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


def slugify(text: str) -> str:
    """A readable, deterministic IRI segment: 'Kassym-Jomart Tokayev' -> 'kassym-jomart-tokayev'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


def article_graph(stem: str) -> str:
    return ARTICLE_GRAPH_PREFIX + slugify(stem)


def article_iri(stem: str) -> str:
    return ID + "article/" + slugify(stem)
