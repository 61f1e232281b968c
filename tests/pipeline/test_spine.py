"""The spine: build, query, dump, validate and the errors users meet, through the real CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph_builder as bg
from graph_builder.core.vocab import BLOC, ID, INFERRED_GRAPH, ORG, PROV, TIME

ROOT = Path(__file__).resolve().parents[2]
SEED_FACTS = ROOT / "tests" / "fixtures" / "000_eab27d500f391317.facts.json"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graph_builder", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_build_twice_gives_the_same_store(tmp_path: Path) -> None:
    store = tmp_path / "s"
    assert (
        run("build", str(SEED_FACTS), "--store", str(store), "-q", "--no-extract").returncode == 0
    )
    first = run("dump", "--store", str(store), "--format", "nquads").stdout
    second_build = run("build", str(SEED_FACTS), "--store", str(store), "--no-extract")
    assert "0 article graph(s), 1 unchanged" in second_build.stdout
    assert run("dump", "--store", str(store), "--format", "nquads").stdout == first
    rebuilt = run("build", str(SEED_FACTS), "--store", str(store), "--rebuild", "--no-extract")
    assert rebuilt.returncode == 0
    assert run("dump", "--store", str(store), "--format", "nquads").stdout == first
    assert f"<{ID}chairmanship/csto/2024/kazakhstan>" in first


def test_named_queries_answer_the_seed(seed_store: Path) -> None:
    g = bg.open(seed_store)
    chairs = {(r["orgLabel"], r["chairLabel"], r["start"]) for r in g.query("chairs").values()}
    assert chairs == {("CSTO", "Belarus", "2023"), ("CSTO", "Kazakhstan", "2024")}
    on = g.query("chair_on", org="CSTO", date="2024-06-15").values()
    assert {r["chairLabel"] for r in on} == {"Kazakhstan"}
    members = {
        r["memberLabel"]
        for r in g.query("members", org="Collective Security Treaty Organization").values()
    }
    assert members == {"Russia", "Belarus", "Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"}
    succession = g.query("succession", org="CSTO").values()
    assert [(r["fromLabel"], r["toLabel"]) for r in succession] == [("Belarus", "Kazakhstan")]
    conflicts = {(r["stateLabel"], r["otherLabel"]) for r in g.query("conflicts").values()}
    assert ("Armenia", "Azerbaijan") in conflicts and ("Azerbaijan", "Armenia") in conflicts
    posts = g.query("posts", of="CSTO", title="secretary general").values()
    assert [r["personLabel"] for r in posts] == ["Imangali Tasmagambetov"]
    events = {(r["type"], r.get("placeLabel")) for r in g.query("events").values()}
    assert ("summit", "Minsk") in events and ("clash", None) in events


def test_every_fact_traces_to_its_article_and_sentence(seed_store: Path) -> None:
    rows = (
        bg.open(seed_store)
        .query(
            f"""SELECT ?fact ?file ?text ?origin WHERE {{
              ?fact <{BLOC}source> ?article ; <{BLOC}evidence> ?ev .
              ?ev <{BLOC}article> ?article ; <{BLOC}text> ?text ; <{BLOC}origin> ?origin ;
                  <{BLOC}startOffset> ?start .
              ?article <{BLOC}fileName> ?file }}"""
        )
        .values()
    )
    article = (ROOT / "data" / "articles" / "000_eab27d500f391317.txt").read_text("utf-8")
    assert len({r["fact"] for r in rows}) >= 20
    for r in rows:
        assert r["file"] == "000_eab27d500f391317.txt" and r["origin"] == "curated"
        assert r["text"] in article


def test_inference_adds_what_users_rely_on(seed_store: Path) -> None:
    g = bg.open(seed_store)

    def inferred(s: str, p: str, o: str) -> bool:
        return bool(g.query(f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ <{s}> <{p}> <{o}> }} }}").boolean)

    csto, armenia, azerbaijan = ID + "org/csto", ID + "state/armenia", ID + "state/azerbaijan"
    assert inferred(csto, BLOC + "hasMember", armenia)  # inverse membership
    assert inferred(csto, ORG + "hasMember", armenia)  # and its ORG super-property
    assert inferred(azerbaijan, BLOC + "inConflictWith", armenia)  # symmetric
    chair = ID + "chairmanship/csto/2024/kazakhstan"
    assert inferred(chair, ORG + "role", BLOC + "Chair")  # hasValue restriction
    assert inferred(chair, ORG + "member", ID + "state/kazakhstan")
    assert inferred(chair, ORG + "memberDuring", ID + "interval/2024--2024")
    assert inferred(chair, PROV + "wasDerivedFrom", ID + "article/000-eab27d500f391317")
    assert inferred(chair, BLOC + "tookOverFrom", ID + "chairmanship/csto/2023/belarus")
    assert inferred(
        ID + "interval/2024--2024",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        TIME + "TemporalEntity",
    )
    # no axiomatic noise, no literal subjects, asserted triples not repeated
    noise = g.query(
        f"""SELECT * WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }}
              FILTER(isLiteral(?s) || (?p = <http://www.w3.org/2002/07/owl#sameAs> && ?s = ?o)
                     || ?o = <http://www.w3.org/2000/01/rdf-schema#Resource>
                     || STRSTARTS(STR(?s), "http://www.w3.org/2002/07/owl#")) }}"""
    )
    assert noise.rows == []
    repeated = g.query(
        f"""ASK {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }}
              FILTER(?g != <{INFERRED_GRAPH}>) }}"""
    )
    assert repeated.boolean is False


def _inferred_triples(store: Path) -> set[tuple[str, str, str]]:
    db = bg.open(store).store.db
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in db.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))
    }


@pytest.mark.slow
@pytest.mark.parametrize("size", ["seed", 10_000])
def test_fast_reasoner_matches_owlrl(tmp_path: Path, size: object,
                                     request: pytest.FixtureRequest) -> None:
    if size == "seed":
        source, fast = SEED_FACTS, tmp_path / "fast"
        bg.open(fast).build([source], extract=False, engine="fast")
    else:  # the session's 10k corpus and its store, built with the fast engine
        source, fast = request.getfixturevalue("synth_10k"), request.getfixturevalue(
            "synth_10k_store")
    bg.open(tmp_path / "owlrl").build([source], extract=False, engine="owlrl")
    results = {"fast": _inferred_triples(fast), "owlrl": _inferred_triples(tmp_path / "owlrl")}
    assert results["fast"] == results["owlrl"]
    assert len(results["fast"]) > 100


@pytest.mark.slow
def test_adding_articles_to_a_synthetic_graph_infers_as_a_full_rebuild_would(
    tmp_path: Path, synth_10k: Path, synth_10k_store: Path,
) -> None:
    """Incremental inference on data with symmetric, inverse and transitive properties:
    the held-back articles restate facts the first build had inferred (they must move
    from the inferred graph to the article's) and chain with facts already stored. The
    full rebuild it is compared with is the session's store of the same corpus."""
    corpus = shutil.copytree(synth_10k, tmp_path / "synth")
    files = sorted(corpus.rglob("*.json"))
    held = tmp_path / "held"
    held.mkdir()
    for path in files[1::3]:
        shutil.move(path, held / path.name)
    store = tmp_path / "incremental"
    g = bg.open(store)
    g.build([corpus], extract=False)
    target = files[0].parent
    for path in held.iterdir():
        shutil.move(path, target / path.name)
    report = g.build([corpus], extract=False)
    assert report.inference.incremental and len(report.built) == len(files[1::3])
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*.json")) == sorted(
        p.relative_to(synth_10k) for p in synth_10k.rglob("*.json"))  # the same corpus again
    assert _inferred_triples(store) == _inferred_triples(synth_10k_store)


def test_adding_an_article_infers_as_a_full_rebuild_would(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(SEED_FACTS, corpus)
    store = tmp_path / "incremental"
    g = bg.open(store)
    g.build([corpus], extract=False)
    second = json.loads(SEED_FACTS.read_text("utf-8"))
    second.update(
        article="second.txt",
        chairmanships=[
            {
                "organization": "CSTO",
                "chair": "Russia",
                "start": "2025",
                "end": "2025",
                "evidence": {"text": "Russia chairs the CSTO in 2025."},
            }
        ],
    )
    (corpus / "second.json").write_text(json.dumps(second), "utf-8")
    report = g.build([corpus], extract=False)
    assert report.built == ["second"] and report.inference.incremental
    full = tmp_path / "full"
    bg.open(full).build([corpus], extract=False)
    assert _inferred_triples(store) == _inferred_triples(full)
    rows = g.query("succession", org="CSTO").values()
    assert ("Kazakhstan", "Russia") in {(r["fromLabel"], r["toLabel"]) for r in rows}


def test_parameters_are_bound_as_terms_not_text(seed_store: Path) -> None:
    hostile = 'x" } ; DROP ALL #'
    result = run(
        "query",
        "posts",
        "--param",
        f"title={hostile}",
        "--store",
        str(seed_store),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"]["bindings"] == []
    again = run("query", "chairs", "--store", str(seed_store), "--format", "csv")
    assert len(again.stdout.splitlines()) == 3  # header + two chairmanships: nothing dropped


def test_result_formats_follow_sparql_1_1(seed_store: Path) -> None:
    args = (
        "query",
        "chair_on",
        "-p",
        "org=CSTO",
        "-p",
        "date=2023-03-01",
        "--store",
        str(seed_store),
    )
    data = json.loads(run(*args, "--format", "json").stdout)
    assert "chair" in data["head"]["vars"]
    binding = data["results"]["bindings"][0]
    assert binding["chair"] == {"type": "uri", "value": ID + "state/belarus"}
    assert binding["start"]["datatype"] == "http://www.w3.org/2001/XMLSchema#gYear"
    raw = subprocess.run(
        [sys.executable, "-m", "graph_builder", *args, "--format", "csv"],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
    ).stdout.decode()
    csv_lines = raw.split("\r\n")  # SPARQL 1.1 CSV ends lines with CRLF
    assert csv_lines[0].startswith("chair,chairLabel,start")
    assert csv_lines[1].startswith(ID + "state/belarus,Belarus,2023")
    tsv = run(*args, "--format", "tsv").stdout.splitlines()
    assert tsv[0].startswith("?chair\t?chairLabel")
    assert tsv[1].startswith(f'<{ID}state/belarus>\t"Belarus"@en\t')


def test_dump_is_deterministic_and_keeps_graphs_apart(seed_store: Path) -> None:
    trig = run("dump", "--store", str(seed_store)).stdout
    assert trig == run("dump", "--store", str(seed_store)).stdout
    graphs = ox.Dataset(ox.parse(trig.encode(), format=ox.RdfFormat.TRIG))
    names = {q.graph_name.value for q in graphs if isinstance(q.graph_name, ox.NamedNode)}
    assert INFERRED_GRAPH in names and any("/graph/article/" in n for n in names)
    turtle = run("dump", "--store", str(seed_store), "--format", "turtle").stdout
    assert "@prefix bloc:" in turtle


@pytest.mark.slow
def test_validate_is_clean_on_the_seed_and_catches_overlaps(
    seed_store: Path, tmp_path: Path
) -> None:
    ok = run("validate", "--store", str(seed_store))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = json.loads(SEED_FACTS.read_text("utf-8"))
    bad["chairmanships"].append(
        {
            "organization": "CSTO",
            "chair": "Russia",
            "start": "2024-06",
            "end": "2024-09",
            "evidence": {"text": "made up"},
        }
    )
    path = tmp_path / "overlap.json"
    path.write_text(json.dumps(bad), "utf-8")
    store = tmp_path / "s"
    assert run("build", str(path), "--store", str(store), "-q", "--no-extract").returncode == 0
    result = run("validate", "--store", str(store))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any("chairmanship/csto/2024-06/russia" in line and "overlaps" in line for line in lines)
    assert all(len(line.split("  ")) >= 3 for line in lines)


BAD_FACTS = {
    "not-json.json": ('{"article": "a.txt",\n  "chairmanships": [\n', "line 3"),
    "bad-date.json": (
        json.dumps(
            {
                "article": "a.txt",
                "chairmanships": [{"organization": "CSTO", "chair": "Belarus", "start": "2024-13"}],
            }
        ),
        "chairmanships[0].start",
    ),
    "wrong-type.json": (json.dumps({"article": "a.txt", "memberships": {"x": 1}}), "memberships"),
    "unknown-kind.json": (json.dumps({"article": "a.txt", "treaties": []}), "treaties"),
    "unknown-state.json": (
        json.dumps(
            {"article": "a.txt", "memberships": [{"organization": "CSTO", "member": "Atlantis"}]}
        ),
        "unknown state 'Atlantis'",
    ),
    "unknown-key.json": (
        json.dumps(
            {
                "article": "a.txt",
                "memberships": [{"organization": "CSTO", "member": "Armenia", "colour": "red"}],
            }
        ),
        "colour",
    ),
}


@pytest.fixture(scope="module")
def seed_nquads(seed_store: Path) -> str:
    """The seed store's dump, taken once: what each copy of it must still hold."""
    return run("dump", "--store", str(seed_store), "--format", "nquads").stdout


@pytest.mark.parametrize("name", sorted(BAD_FACTS))
def test_bad_facts_file_is_one_line_and_leaves_the_store(
    seed_store: Path, seed_nquads: str, tmp_path: Path, name: str
) -> None:
    store = tmp_path / "store"
    shutil.copytree(seed_store, store, symlinks=True)
    before = seed_nquads
    text, expected = BAD_FACTS[name]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = run("build", str(SEED_FACTS), str(path), "--store", str(store), "--no-extract")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert name in result.stderr and expected in result.stderr
    assert run("dump", "--store", str(store), "--format", "nquads").stdout == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["query", "no_such_query"], "unknown query 'no_such_query'"),
        (["query", "SELECT * WHERE { ?s ?p }"], "SPARQL syntax error"),
        (["query", "chairs", "--param", "colour=red"], "has no parameter 'colour'"),
        (["query", "chair_on", "--param", "org=CSTO"], "needs --param date"),
        (["query", "chair_on", "-p", "org=CSTO", "-p", "date=2024-13-01"], "--param date"),
        (["query", "chairs", "-p", "org=Atlantis Pact"], "unknown organization 'Atlantis Pact'"),
    ],
)
def test_query_errors_are_one_line(seed_store: Path, args: list[str], expected: str) -> None:
    result = run(*args, "--store", str(seed_store))
    assert result.returncode == 2
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    result = run("query", "chairs", "--store", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "no graph built yet" in result.stderr and "Traceback" not in result.stderr


def test_query_list_shows_every_named_query() -> None:
    out = run("query", "--list").stdout
    for name in ("chairs", "chair_on", "members", "posts", "events", "conflicts", "succession"):
        assert name in out


def test_python_api_gives_an_rdflib_dataset(seed_store: Path) -> None:
    ds = bg.open(seed_store).dataset()
    graphs = {str(c.identifier) for c in ds.graphs()}
    assert INFERRED_GRAPH in graphs
    import rdflib

    article = ds.graph(
        rdflib.URIRef("https://w3id.org/blocgraph/graph/article/000-eab27d500f391317")
    )
    chair = rdflib.URIRef(ID + "chairmanship/csto/2024/kazakhstan")
    assert (chair, rdflib.URIRef(BLOC + "chair"), rdflib.URIRef(ID + "state/kazakhstan")) in article
    assert sum(len(c) for c in ds.graphs()) > 1000


def test_curated_corrections_add_and_reject_extracted_facts(tmp_path: Path) -> None:
    article = ROOT / "data" / "articles" / "000_eab27d500f391317.txt"
    curated = {
        "article": article.name,
        "memberships": [],
        "posts": [
            {
                "person": "Talgat Kaliyev",
                "post": "expert",
                "of": "Kazakhstan",
                "evidence": {"text": "added by hand"},
            }
        ],
        "reject": {"memberships": [{"organization": "CSTO", "member": "Kyrgyzstan"}]},
    }
    facts = tmp_path / "facts" / "seed.json"
    facts.parent.mkdir()
    facts.write_text(json.dumps(curated), "utf-8")
    before = facts.read_text("utf-8")
    g = bg.open(tmp_path / "store")
    g.build([article, facts])
    members = {r["memberLabel"] for r in g.query("members", org="CSTO").values()}
    assert members == {"Russia", "Belarus", "Armenia", "Kazakhstan", "Tajikistan"}
    origins = {
        (r["person"], r["origin"])
        for r in g.query(
            f"""SELECT ?person ?origin WHERE {{
                  ?h <{BLOC}holder>/<http://www.w3.org/2000/01/rdf-schema#label> ?person ;
                     <{BLOC}evidence>/<{BLOC}origin> ?origin }}"""
        ).values()
    }
    assert ("Talgat Kaliyev", "curated") in origins  # added by hand
    assert ("Kassym-Jomart Tokayev", "extracted") in origins  # found by extraction
    assert facts.read_text("utf-8") == before  # extraction never writes curated files


def test_parameters_go_into_each_marked_group_or_first_in_where() -> None:
    """A FILTER inside a nested group sees a parameter only if its VALUES block is there."""
    from graph_builder.query.named import with_values

    term = ox.NamedNode(f"{ID}org/csto")
    plain = with_values("SELECT * WHERE { ?c ?p ?org }", {"org": term})
    assert plain.index("VALUES (?org)") < plain.index("?c ?p ?org")
    marked = (
        "SELECT * WHERE {\n  {\n    # @parameters\n    ?c ?p ?org }\n"
        "  OPTIONAL {\n    # @parameters\n    ?c ?q ?org }\n}"
    )
    out = with_values(marked, {"org": term})
    assert out.count(f"VALUES (?org) {{ (<{ID}org/csto>) }}") == 2
    assert out.index("VALUES") > out.index("# @parameters")
    db = ox.Store()
    db.add(ox.Quad(ox.NamedNode(f"{ID}c"), ox.NamedNode(f"{BLOC}p"), term, ox.DefaultGraph()))
    rows = list(db.query(out))
    assert [r["c"] for r in rows] == [ox.NamedNode(f"{ID}c")]
