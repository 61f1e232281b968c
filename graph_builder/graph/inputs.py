"""What a build reads: the article and facts files under its input paths, each with an
identity in the store that cannot collide.

A folder is walked sorted, hidden entries and store folders skipped (a store kept inside
an input folder is no input); a path given explicitly is always read. Two files of one
stem ('2023/report.txt', '2024/report.txt', 'news.txt' beside 'news.html') are told apart
by the end of their paths, and a file keeps the identity the store recorded for it, so no
article's facts are ever credited to another (`graph/build.py` builds what this finds).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph_builder.core.errors import BlocgraphError
from graph_builder.core.vocab import ARTICLE_SUFFIXES
from graph_builder.graph.store import is_store


@dataclass
class Inputs:
    articles: dict[str, Path] = field(default_factory=dict)
    facts: dict[str, list[Path]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # article -> its file, resolved
    warnings: list[str] = field(default_factory=list)


_KINDS = "article (.txt, .md, .html) or facts file (.json)"


def _walk(root: Path) -> Iterator[Path]:
    """The files under a folder, sorted, without hidden entries or store folders below it.

    A store kept inside an input folder is not input: its metadata JSON is no facts file.
    """
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not is_store(here / d))
        for name in sorted(files):
            if not name.startswith("."):
                yield here / name


def article_files(paths: Iterable[Path]) -> list[Path]:
    """The article files of PATHS as `build` reads them: a file as given, a folder walked
    (sorted, hidden entries and store folders skipped) for .txt, .md and .html files."""
    out: list[Path] = []
    for root in paths:
        if not root.is_dir():
            out.append(root)  # a missing or odd file: extraction says what is wrong
            continue
        if is_store(root):
            raise BlocgraphError(f"{root}: a blocgraph store, not articles")
        found = [p for p in _walk(root) if p.suffix.lower() in ARTICLE_SUFFIXES]
        if not found:
            raise BlocgraphError(f"{root}: no article (.txt, .md, .html) in this folder")
        out += found
    return out


def collect(paths: Iterable[Path], stored: dict[str, str] | None = None) -> Inputs:
    """Article and facts files under the given paths, keyed by article identity.

    A path given explicitly is always read, hidden or not; inside a folder, hidden entries
    and store folders are skipped. A path that yields nothing to build is a warning.
    `stored` (article -> the file it was built from, in the store's metadata) keeps each
    file's identity from one build to the next; see `_identities`.
    """
    inputs = Inputs()
    texts: dict[Path, Path] = {}  # resolved -> as given
    facts_files: list[Path] = []
    for root in paths:
        if not root.exists():
            raise BlocgraphError(f"{root}: no such file or folder")
        if root.is_dir() and is_store(root):
            raise BlocgraphError(f"{root}: a blocgraph store, not articles or facts files")
        if root.is_file():
            if root.name.endswith(".gold.json"):
                raise BlocgraphError(
                    f"{root}: an evaluation gold file, not facts to build from "
                    "(`blocgraph eval` reads it)"
                )
            if root.suffix.lower() not in (*ARTICLE_SUFFIXES, ".json"):
                raise BlocgraphError(f"{root}: not an {_KINDS}")
        files = [root] if root.is_file() else list(_walk(root))
        found = 0
        for path in files:
            suffix = path.suffix.lower()
            if path.name.endswith(".gold.json"):
                continue  # evaluation answers, not facts to build from
            if suffix in ARTICLE_SUFFIXES:
                texts.setdefault(path.resolve(), path)
                found += 1
            elif suffix == ".json":
                if path not in facts_files:
                    facts_files.append(path)
                found += 1
        if not found:
            inputs.warnings.append(f"{root}: no {_KINDS} in this folder")
    keys = _identities(list(texts), stored or {})
    for resolved, given in texts.items():
        inputs.articles[keys[resolved]] = given
        inputs.paths[keys[resolved]] = str(resolved)
    for path in facts_files:
        key = _facts_key(path, texts, keys, stored or {})
        inputs.facts.setdefault(key, []).append(path)
    if not inputs.articles and not inputs.facts:
        inputs.warnings.append("nothing to build")
    return inputs


def _identities(files: list[Path], stored: dict[str, str]) -> dict[Path, str]:
    """Each article file's identity in the store: its stem, or a path when stems collide.

    A file the store already knows keeps its identity. A new file takes its stem unless
    another file of this build has the same stem, or the store's file of that stem still
    exists: then it is named by the end of its path that tells them apart
    ('2024/report.txt', 'articles/news.html'), so neither replaces the other. A stem whose
    file is gone from where it was (moved, renamed folder) passes to the new file.
    """
    owner = {path: key for key, path in stored.items()}
    keys: dict[Path, str] = {}
    new: dict[str, list[Path]] = {}
    for path in files:
        if str(path) in owner:
            keys[path] = owner[str(path)]
        else:
            new.setdefault(path.stem, []).append(path)
    used = set(stored) | set(keys.values())
    for stem, group in sorted(new.items()):
        other = stored.get(stem)
        alive = other is not None and Path(other).is_file()
        if len(group) == 1 and not (alive or stem in keys.values()):
            keys[group[0]] = stem
            used.add(stem)
            continue
        rivals = group + ([Path(other)] if alive and other is not None else [])
        for path in group:
            keys[path] = _distinct_tail(path, rivals, used)
            used.add(keys[path])
    return keys


def _distinct_tail(path: Path, rivals: list[Path], used: set[str]) -> str:
    """The shortest end of `path` (its folder and name at least) no rival ends with."""
    parts = path.parts
    for n in range(2, len(parts) + 1):
        tail = "/".join(parts[-n:])
        others = ("/".join(r.parts[-n:]) for r in rivals if r != path)
        if tail not in used and tail not in others:
            return tail
    return str(path)


def _facts_key(path: Path, texts: dict[Path, Path], keys: dict[Path, str],
               stored: dict[str, str]) -> str:
    """The article a facts file is about, by its `article` field (else its own name).

    The field names the article's file ('report.txt') or the end of its path
    ('2024/report.txt'): the article text of this build it fits, else a stored article
    of that identity, else its stem. A name that fits two article files is an error.
    """
    article = _facts_article(path)
    wanted = Path(article).parts
    fits = [p for p in texts if p.parts[-len(wanted):] == wanted]
    if len(fits) > 1:
        both = " and ".join(str(texts[p]) for p in sorted(fits)[:2])
        raise BlocgraphError(
            f"{path}: article '{article}' is both {both}; name it by its folder "
            f"(\"article\": \"{'/'.join(sorted(fits)[0].parts[-2:])}\")"
        )
    if fits:
        return keys[fits[0]]
    return article if article in stored else Path(article).stem


def _facts_article(path: Path) -> str:
    """A facts file's `article` field, else its own name; read_facts reports problems."""
    try:
        data = json.loads(path.read_text("utf-8"))
        if isinstance(data, dict) and isinstance(data.get("article"), str) and data["article"]:
            return data["article"]
    except (OSError, ValueError, RecursionError):
        pass  # read_facts reports the problem with its line number
    return path.stem + ".txt"
