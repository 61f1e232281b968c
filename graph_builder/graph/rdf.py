"""Facts to triples: one named graph per article, with provenance on every fact.

IRIs are readable and deterministic (`id/chairmanship/csto/2024/kazakhstan`), so that
building twice gives the same graph and the same fact stated by two articles is one
node with two sources. States, organisations and cities are named through the reference
tables, so "Republic of Kazakhstan" and "Astana" (its government) meet in one IRI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from graph_builder.core import reference
from graph_builder.core.dates import PartialDate
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import (
    ArticleFacts,
    Chairmanship,
    CooperationProposal,
    Event,
    Evidence,
    MemberCount,
    Membership,
    Post,
    _Fact,
    outside_membership,
    slug_of,
)
from graph_builder.core.titles import post_class
from graph_builder.core.vocab import (
    BLOC,
    ID,
    RDF,
    RDFS,
    REFERENCE_GRAPH,
    SCHEMA,
    SKOS,
    TIME,
    WD,
    XSD,
    article_graph,
    article_iri,
    slugify,
)

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_EVENT_CLASSES = {
    "summit": "Summit",
    "meeting": "Meeting",
    "clash": "ArmedClash",
    "confrontation": "Confrontation",
}
_KIND_PATH = {"state": "state", "organization": "org", "city": "city"}
_KIND_OF_PATH = {path: kind for kind, path in _KIND_PATH.items()}
_TIME_POSITION = {"gYear": "inXSDgYear", "gYearMonth": "inXSDgYearMonth", "date": "inXSDDate"}


def bloc(local: str) -> NamedNode:
    return NamedNode(BLOC + local)


def entity_iri(entity: reference.Entity) -> NamedNode:
    return NamedNode(f"{ID}{_KIND_PATH[entity.kind]}/{entity.slug}")


def entity_of_iri(iri: str) -> reference.Entity | None:
    """The reference entity an IRI of `entity_iri` names; None for any other IRI, or one
    outside the tables (minted by an older table, or a town an article's graph minted)."""
    path, _, slug = iri.removeprefix(ID).partition("/")
    kind = _KIND_OF_PATH.get(path)
    if kind is None or not slug:
        return None
    try:
        return reference.get(kind, slug)
    except BlocgraphError:
        return None


def resolve_iri(name: str, kind: str) -> NamedNode:
    """The IRI of a state, organisation or city name; the facts check made sure it exists."""
    entity = reference.resolve(name, kind)
    if entity is None:
        raise ValueError(f"unknown {kind} '{name}'")
    return entity_iri(entity)


def person_iri(name: str) -> NamedNode:
    return NamedNode(f"{ID}person/{slugify(name)}")


def _date_literal(value: PartialDate) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + value.xsd_type))


def _day(value) -> Literal:
    return Literal(value.isoformat(), datatype=NamedNode(XSD + "date"))


class _Writer:
    """Collects the quads of one article graph, each triple once, in a stable order."""

    def __init__(self, facts: ArticleFacts, slug: str | None = None) -> None:
        self.facts = facts
        self.graph = NamedNode(article_graph(facts.stem, slug))
        self.article = NamedNode(article_iri(facts.stem, slug))
        self.slug = slug or slugify(facts.stem)
        self.quads: dict[Quad, None] = {}
        self.evidence_ids: dict[str, int] = {}

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads[Quad(s, p, o, self.graph)] = None

    def period(self, node: NamedNode, start: str | None, end: str | None) -> None:
        """OWL-Time interval plus day-precise start/end dates for comparisons."""
        if not start and not end:
            return
        begin = PartialDate.parse(start) if start else None
        finish = PartialDate.parse(end) if end else None
        interval = NamedNode(f"{ID}interval/{begin or 'open'}--{finish or 'open'}")
        self.add(node, bloc("during"), interval)
        self.add(interval, _TYPE, NamedNode(TIME + "Interval"))
        if begin:
            self.add(interval, NamedNode(TIME + "hasBeginning"), self.instant(begin))
            self.add(node, bloc("startDate"), _day(begin.first_day))
        if finish:
            self.add(interval, NamedNode(TIME + "hasEnd"), self.instant(finish))
            self.add(node, bloc("endDate"), _day(finish.last_day))

    def instant(self, value: PartialDate) -> NamedNode:
        node = NamedNode(f"{ID}instant/{value}")
        self.add(node, _TYPE, NamedNode(TIME + "Instant"))
        self.add(node, NamedNode(TIME + _TIME_POSITION[value.xsd_type]), _date_literal(value))
        return node

    def provenance(self, node: NamedNode, fact: _Fact) -> None:
        self.add(node, bloc("source"), self.article)
        tail = node.value.removeprefix(ID).replace("/", "-")
        n = self.evidence_ids.get(tail, 0)
        self.evidence_ids[tail] = n + 1
        ev = NamedNode(f"{ID}evidence/{self.slug}/{tail}" + (f"-{n + 1}" if n else ""))
        self.add(node, bloc("evidence"), ev)
        self.add(ev, _TYPE, bloc("Evidence"))
        self.add(ev, bloc("article"), self.article)
        self.add(ev, bloc("origin"), Literal(fact.origin))
        evidence = fact.evidence or Evidence(text="")
        if evidence.text:
            self.add(ev, bloc("text"), Literal(evidence.text))
        if evidence.start is not None:
            self.add(ev, bloc("startOffset"), Literal(evidence.start))
        if evidence.end is not None:
            self.add(ev, bloc("endOffset"), Literal(evidence.end))
        if fact.confidence is not None:
            self.add(
                ev,
                bloc("confidence"),
                Literal(f"{fact.confidence:.3f}", datatype=NamedNode(XSD + "decimal")),
            )
        if fact.rule:
            self.add(ev, bloc("rule"), Literal(fact.rule))
        if fact.modality:
            self.add(ev, bloc("modality"), Literal(fact.modality))

    def article_node(self) -> None:
        self.add(self.article, _TYPE, NamedNode(SCHEMA + "NewsArticle"))
        self.add(self.article, bloc("fileName"), Literal(self.facts.article))
        if self.facts.title:
            self.add(self.article, NamedNode(SCHEMA + "headline"), Literal(self.facts.title))
        if self.facts.published:
            published = PartialDate.parse(self.facts.published)
            self.add(self.article, NamedNode(SCHEMA + "datePublished"), _date_literal(published))

    def chairmanship_iri(self, fact: Chairmanship) -> NamedNode:
        org = slug_of(fact.organization, "organization")
        chair = slug_of(fact.chair, "state")
        return NamedNode(f"{ID}chairmanship/{org}/{fact.start or 'undated'}/{chair}")

    def chairmanship(self, fact: Chairmanship) -> None:
        node = self.chairmanship_iri(fact)
        org = resolve_iri(fact.organization, "organization")
        chair = resolve_iri(fact.chair, "state")
        self.add(node, _TYPE, bloc("Chairmanship"))
        self.add(node, bloc("organization"), org)
        self.add(node, bloc("chair"), chair)
        self.add(chair, bloc("chaired"), org)
        self.period(node, fact.start, fact.end)
        if fact.previous:
            # the state it took over from, stated even when that state's own term is not
            # (a hand-over to a chairmanship of the article is added below as well)
            self.add(node, bloc("previousChair"), resolve_iri(fact.previous, "state"))
            org_slug = slug_of(fact.organization, "organization")
            prev_slug = slug_of(fact.previous, "state")
            for other in self.facts.chairmanships:
                same_org = slug_of(other.organization, "organization") == org_slug
                if same_org and slug_of(other.chair, "state") == prev_slug:
                    self.add(self.chairmanship_iri(other), bloc("handedOverTo"), node)
        self.provenance(node, fact)

    def membership(self, fact: Membership) -> None:
        org = resolve_iri(fact.organization, "organization")
        member = resolve_iri(fact.member, "state")
        org_slug = slug_of(fact.organization, "organization")
        tail = f"/{fact.start}" if fact.start else ""
        node = NamedNode(f"{ID}membership/{org_slug}/{slug_of(fact.member, 'state')}{tail}")
        self.add(node, _TYPE, bloc("Membership"))
        self.add(node, bloc("organization"), org)
        self.add(node, bloc("member"), member)
        if not outside_membership(fact.status):  # an observer or partner is no member
            self.add(member, bloc("memberOf"), org)
        if fact.status and fact.status != "member":
            self.add(node, bloc("status"), Literal(fact.status))
        self.period(node, fact.start, fact.end)
        self.provenance(node, fact)

    def post(self, fact: Post) -> None:
        title, cls = post_class(fact.post)
        holder_of = reference.resolve(fact.of) if fact.of else None
        of_path = f"{slugify(holder_of.slug)}/" if holder_of else ""
        post = NamedNode(f"{ID}post/{of_path}{slugify(title)}")
        self.add(post, _TYPE, bloc(cls))
        self.add(post, bloc("postTitle"), Literal(title))
        label = f"{title} of {holder_of.label}" if holder_of else title
        self.add(post, _LABEL, Literal(label, language="en"))
        if holder_of:
            self.add(post, bloc("postIn"), entity_iri(holder_of))
        person = person_iri(fact.person)
        self.add(person, _TYPE, bloc("Person"))
        self.add(person, _LABEL, Literal(fact.person, language="en"))
        self.add(person, bloc("holds"), post)
        tail = f"/{fact.start}" if fact.start else ""
        node = NamedNode(f"{ID}post-holding/{of_path}{slugify(title)}/{slugify(fact.person)}{tail}")
        self.add(node, _TYPE, bloc("PostHolding"))
        self.add(node, bloc("holder"), person)
        self.add(node, bloc("post"), post)
        self.period(node, fact.start, fact.end)
        self.provenance(node, fact)

    def place(self, name: str) -> NamedNode:
        """A city of the reference tables, or a town the text names that they lack
        ("on the island of Djerba", "the resort of Borgo Egnazia"): a city of its own in
        the article's graph, its name as label, its country unknown."""
        entity = reference.resolve(name, "city")
        if entity is not None:
            return entity_iri(entity)
        node = NamedNode(f"{ID}{_KIND_PATH['city']}/{slugify(name)}")
        self.add(node, _TYPE, bloc("City"))
        self.add(node, _LABEL, Literal(name, language="en"))
        return node

    def event(self, fact: Event) -> None:
        states = sorted({slug_of(p, "state") for p in fact.participants})
        org = resolve_iri(fact.organization, "organization") if fact.organization else None
        place = self.place(fact.place) if fact.place else None
        where = place.value.rsplit("/", 1)[1] if place else "-".join(states) or "unknown"
        scope = f"{slug_of(fact.organization, 'organization')}/" if org else ""
        node = NamedNode(f"{ID}event/{fact.type}/{scope}{fact.date or 'undated'}/{where}")
        self.add(node, _TYPE, bloc(_EVENT_CLASSES[fact.type]))
        if fact.name:
            self.add(node, _LABEL, Literal(fact.name, language="en"))
        if org:
            self.add(node, bloc("organization"), org)
        if place:
            self.add(node, bloc("place"), place)
        if fact.date:
            date = PartialDate.parse(fact.date)
            self.add(node, bloc("date"), _date_literal(date))
            self.add(node, bloc("startDate"), _day(date.first_day))
            self.add(node, bloc("endDate"), _day(date.last_day))
            self.add(node, NamedNode(TIME + "hasTime"), self.instant(date))
        if fact.host:
            self.add(node, bloc("host"), resolve_iri(fact.host, "state"))
        participants = [resolve_iri(p, "state") for p in fact.participants]
        for state in participants:
            self.add(node, bloc("participant"), state)
        for state in fact.absent:
            self.add(node, bloc("absentee"), resolve_iri(state, "state"))
        if fact.type in ("clash", "confrontation"):
            for i, a in enumerate(participants):
                for b in participants[i + 1 :]:
                    self.add(a, bloc("inConflictWith"), b)
        self.provenance(node, fact)

    def cooperation(self, fact: CooperationProposal) -> None:
        proposer = resolve_iri(fact.proposer, "state")
        org = resolve_iri(fact.organization, "organization") if fact.organization else None
        partner = resolve_iri(fact.partner, "organization") if fact.partner else None
        parts = [
            slug_of(fact.proposer, "state"),
            slug_of(fact.organization, "organization") or "none",
            slug_of(fact.partner, "organization") or "none",
        ]
        if partner is None and fact.detail:
            parts[2] = slugify(fact.detail)[:60].strip("-")
        node = NamedNode(f"{ID}cooperation-proposal/{'/'.join(parts)}")
        self.add(node, _TYPE, bloc("CooperationProposal"))
        self.add(node, bloc("proposer"), proposer)
        if org:
            self.add(node, bloc("organization"), org)
        if partner:
            self.add(node, bloc("partner"), partner)
            if org:
                self.add(org, bloc("cooperatesWith"), partner)
        if fact.by:
            person = person_iri(fact.by)
            self.add(person, _TYPE, bloc("Person"))
            self.add(person, _LABEL, Literal(fact.by, language="en"))
            self.add(node, bloc("proposedBy"), person)
        if fact.detail:
            self.add(node, NamedNode(RDFS + "comment"), Literal(fact.detail, language="en"))
        self.provenance(node, fact)

    def member_count(self, fact: MemberCount) -> None:
        org = resolve_iri(fact.organization, "organization")
        node = NamedNode(f"{ID}member-count/{slug_of(fact.organization, 'organization')}/"
                         f"{fact.count}")
        self.add(node, _TYPE, bloc("MemberCount"))
        self.add(node, bloc("organization"), org)
        self.add(node, bloc("memberCount"),
                 Literal(str(fact.count), datatype=NamedNode(XSD + "integer")))
        self.provenance(node, fact)


def article_quads(facts: ArticleFacts, slug: str | None = None) -> list[Quad]:
    """The named graph of one article: its metadata and every fact with its evidence.

    `slug` names the graph, the article and its evidence (the build's unique one, see
    vocab.article_slug); by default the slug of the article's file name.
    """
    w = _Writer(facts, slug)
    w.article_node()
    handlers = {
        "chairmanships": w.chairmanship,
        "memberships": w.membership,
        "posts": w.post,
        "events": w.event,
        "cooperation_proposals": w.cooperation,
        "member_counts": w.member_count,
    }
    for kind, fact in facts.all_facts():
        handlers[kind](fact)
    return list(w.quads)


def reference_quads(iris: Iterable[str]) -> Iterator[Quad]:
    """Descriptions of the states, organisations and cities the articles name.

    Labels, ISO codes and Wikidata links come from the reference tables, not from any
    article, so they live in a graph of their own.
    """
    graph = NamedNode(REFERENCE_GRAPH)
    for iri in sorted(set(iris)):
        entity = entity_of_iri(iri)
        if entity is None:  # not an entity's, or minted by an older table: undescribed
            continue
        node = NamedNode(iri)
        cls = {"state": "State", "organization": "Organization", "city": "City"}[entity.kind]
        if entity.kind == "organization" and entity.org_kind == "security-bloc":
            cls = "SecurityBloc"
        yield Quad(node, _TYPE, bloc(cls), graph)
        yield Quad(node, _LABEL, Literal(entity.label, language="en"), graph)
        if entity.full_name and entity.full_name != entity.label:
            yield Quad(
                node, NamedNode(SKOS + "altLabel"), Literal(entity.full_name, language="en"), graph
            )
        if entity.wikidata:
            yield Quad(node, NamedNode(SKOS + "exactMatch"), NamedNode(WD + entity.wikidata), graph)
        if entity.iso2:
            yield Quad(node, bloc("iso2"), Literal(entity.iso2), graph)
        if entity.iso3:
            yield Quad(node, bloc("iso3"), Literal(entity.iso3), graph)
        if entity.kind == "state" and entity.capital:
            yield Quad(node, bloc("capital"), NamedNode(f"{ID}city/{entity.capital}"), graph)
        if entity.kind == "city" and entity.country:
            yield Quad(node, bloc("locatedIn"), NamedNode(f"{ID}state/{entity.country}"), graph)
        if entity.kind == "organization" and entity.parent:
            yield Quad(node, bloc("partOf"), NamedNode(f"{ID}org/{entity.parent}"), graph)


__all__ = ["article_quads", "reference_quads", "entity_iri", "person_iri"]
