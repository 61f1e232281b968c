"""Facts from article text: rule-based, one module per fact family, each fact with evidence.

`extract_file(path)` is what `blocgraph build` and `blocgraph extract` call. Rules read the
masked sentences of `context.py`; every fact they return carries origin="extracted", the
sentence it came from (offsets into `Article.text`, see `graph_builder.extract.articles`), a
confidence and the name of the rule, so a reader can check each fact and a curator can
reject the wrong ones.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from graph_builder.core.facts import ArticleFacts, fact_key
from graph_builder.extract import modality
from graph_builder.extract.articles import Article, read_article
from graph_builder.extract.chair_posts import chair_posts
from graph_builder.extract.chairs import extract_chairs
from graph_builder.extract.context import build_context, gazetteer
from graph_builder.extract.cooperation import extract_cooperation
from graph_builder.extract.event_plans import planned_gatherings
from graph_builder.extract.events import extract_events
from graph_builder.extract.member_counts import extract_member_counts
from graph_builder.extract.member_dates import date_memberships
from graph_builder.extract.member_tables import table_memberships
from graph_builder.extract.members import extract_members, implied_memberships
from graph_builder.extract.post_aides import extract_aides
from graph_builder.extract.posts import extract_posts, mask_persons
from graph_builder.extract.qa_answers import qa_chairs
from graph_builder.extract.standing import extract_standing


def parse_mode() -> str:
    """Which syntactic pass runs after the rules: "off", "members" or "all".

    On the blind test half the membership patterns add about five points of membership
    recall at the rules' precision, the post patterns cost precision, and parsing makes
    extraction about five times slower; so the default is "members" wherever spaCy and its
    model are installed (the [parse] extra), else "off". BLOCGRAPH_PARSE=0 (or
    `--parse off`) turns it off, "all" runs every pattern.
    """
    value = os.environ.get("BLOCGRAPH_PARSE", "").strip().lower()
    if value in ("1", "true", "yes", "all"):
        return "all"
    if value == "members":
        return "members"
    if value in ("0", "false", "no", "off"):
        return "off"
    from graph_builder.extract import parse

    return "members" if parse.available() else "off"


def parse_enabled() -> bool:
    return parse_mode() != "off"


class ExtractionWarning(UserWarning):
    """An article was read but yields nothing trustworthy (no date, no entities)."""


def extract_article(article: Article) -> ArticleFacts:
    """Every fact the article states, in the facts format of `graph_builder.core.facts`."""
    ctx = build_context(article)
    facts = ArticleFacts(article=article.name, published=article.published, title=article.title)
    if article.published is None:
        warnings.warn(f"{article.path}: no publication date found; relative dates stay "
                      "unresolved", ExtractionWarning, stacklevel=2)
    facts.posts = extract_posts(ctx)
    facts.posts = extract_aides(ctx, facts.posts)
    mask_persons(ctx)
    facts.chairmanships = extract_chairs(ctx)
    facts.memberships = extract_members(ctx)
    facts.memberships += implied_memberships(ctx, facts.chairmanships, facts.posts,
                                             facts.memberships)
    facts.memberships += extract_standing(ctx)
    known = {fact_key("memberships", m): m for m in facts.memberships}
    for m in table_memberships(ctx):
        same = known.get(fact_key("memberships", m))
        if same is None:
            facts.memberships.append(m)
        elif same.start is None and m.start and same.evidence and m.evidence and \
                same.evidence.start == m.evidence.start:
            same.start = m.start  # the row's own year ("Brunei (1984)") for the same line

    # an explainer's verbless answer ("Q: Who chairs the bloc this year? A: Belarus.")
    held = {fact_key("chairmanships", c) for c in facts.chairmanships}
    facts.chairmanships += [c for c in qa_chairs(ctx) if fact_key("chairmanships", c) not in held]
    date_memberships(ctx, facts.memberships)
    facts.posts += chair_posts(facts.chairmanships, facts.posts)
    facts.events = extract_events(ctx)
    # an announced gathering events.py found already, of either kind, is the same one
    seen = {(e.place, (e.date or "")[:7]) for e in facts.events}
    facts.events += [e for e in planned_gatherings(ctx) if (e.place, (e.date or "")[:7])
                     not in seen]
    facts.cooperation_proposals = extract_cooperation(ctx)
    facts.member_counts = extract_member_counts(ctx)
    mode = parse_mode()
    if mode != "off":
        from graph_builder.extract import parse

        parse.extend(ctx, facts, members_only=mode == "members")
    modality.mark(facts)
    if facts.is_empty():
        warnings.warn(f"{article.path}: no facts found", ExtractionWarning, stacklevel=2)
    return facts


def extract_file(path: Path) -> ArticleFacts:
    """Read an article file and extract its facts; unreadable files raise BlocgraphError."""
    return extract_article(read_article(Path(path)))


def warm() -> None:
    """Build the name tables now, so a worker process pays for them before its first article."""
    gazetteer()


__all__ = ["extract_article", "extract_file", "warm", "ExtractionWarning"]
