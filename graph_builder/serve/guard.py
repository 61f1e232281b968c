"""Read a SPARQL request's shape without running it: what `blocgraph serve` must refuse.

The check works on tokens, not on substrings, so `SERVICE` inside a string literal, an
IRI, a comment, a variable name or a prefixed name is not mistaken for the keyword,
while a real `SERVICE` clause (or `LOAD` operation) always is. The same tokens let the
server add the protocol's `using-graph-uri` parameters to an update as `USING` clauses.
"""

from __future__ import annotations

from graph_builder.graph.sparql_text import Token, has_keyword, keywords, tokens, uses_from

# the tokenizer lives with the store's dataset rule, which reads FROM the same way
__all__ = [
    "Token",
    "add_using",
    "has_dataset_clause",
    "keywords",
    "tokens",
    "uses_from",
    "uses_load",
    "uses_service",
]


def uses_service(text: str) -> bool:
    """True when the query has a federated `SERVICE` clause."""
    return has_keyword(text, "SERVICE")


def uses_load(text: str) -> bool:
    """True when the update has a `LOAD` operation (the server would fetch a document)."""
    return has_keyword(text, "LOAD")


def has_dataset_clause(update: str) -> bool:
    """True when an update names its own dataset with `USING` or `WITH`."""
    return bool({"USING", "WITH"} & keywords(update))


def add_using(update: str, default: list[str], named: list[str]) -> str:
    """The update with `USING` / `USING NAMED` clauses before each operation's WHERE.

    This is what the protocol's using-graph-uri and using-named-graph-uri mean
    (SPARQL 1.1 Protocol 2.2.3); `DELETE WHERE` and the data operations take no dataset.
    """
    if not default and not named:
        return update
    clause = "".join(f" USING <{g}>" for g in default)
    clause += "".join(f" USING NAMED <{g}>" for g in named)
    depth = 0
    cuts: list[int] = []
    previous: Token | None = None
    for tok in tokens(update):
        if tok.text == "{":
            depth += 1
        elif tok.text == "}":
            depth -= 1
        elif depth == 0 and tok.keyword == "WHERE":
            if previous is None or previous.keyword != "DELETE":
                cuts.append(tok.start)
        previous = tok
    for cut in reversed(cuts):
        update = update[:cut] + clause.lstrip() + " " + update[cut:]
    return update
