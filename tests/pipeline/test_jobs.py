"""Extraction in several processes (`--jobs N`): same store, same output, same notices.

Builds and extractions run through the real CLI in subprocesses, as a user runs them, on
a synthetic corpus large enough for the pool to be used (see `parallel.plan`), with an
unreadable article among the good ones.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import helpers
import pytest

from graph_builder import Blocgraph
from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import ArticleFacts
from graph_builder.evaluate import synth
from graph_builder.extract import extract_file, warm
from graph_builder.extract.pool import _single_threaded, check_jobs, extract_many, plan

pytestmark = pytest.mark.slow  # process pools, subprocess builds, Ctrl-C and kills
ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "graph_builder"]
SEED_FACTS = ROOT / "tests" / "fixtures" / "000_eab27d500f391317.facts.json"
BINARY = "zz-binary.txt"


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """helpers.run_cli with room for a slow machine: these builds start process pools."""
    return helpers.run_cli(*args, timeout=600)


# Enough for the pool to start with both workers and several chunks each (pool.plan: 65
# files, chunks of 8); every test here extracts the corpus once or twice, so each article
# more costs seconds (200 made this file the slowest of the suite).
ARTICLES = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ARTICLES synthetic articles and their facts, one article that cannot be read, one
    without facts, and a few real corpus articles (html and md among them)."""
    root = tmp_path_factory.mktemp("jobs") / "corpus"
    synth.write(root, 1_000, seed=5, articles_n=ARTICLES)
    articles = root / "articles"
    (articles / BINARY).write_bytes(b"\x00\x01\x02 not text")
    (articles / "no-facts.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    for name in ("005_eu-presidency-hungary-2024.html", "009_asean-timor-leste-2025.md",
                 "001_sco-astana-2024.txt"):
        shutil.copy(ROOT / "tests" / "corpus" / name, articles / name)
    return root


def article_files(corpus: Path) -> list[Path]:
    return sorted(p for p in (corpus / "articles").iterdir() if not p.name.endswith(".json"))


def test_the_pool_is_used_only_when_it_pays() -> None:
    assert plan(400, 2)[0] == 2
    assert 1 <= plan(400, 2)[1] <= 16
    assert plan(19, 2)[0] == 1  # below 20 articles
    assert plan(30, 16)[0] == 1  # below two articles per job
    assert plan(1000, 1)[0] == 1


def test_build_with_two_jobs_writes_the_same_store(corpus: Path, tmp_path: Path) -> None:
    dumps, errors = {}, {}
    for jobs in ("1", "2"):
        store = tmp_path / f"store-{jobs}"
        done = run_cli("build", "-q", "--jobs", jobs, "--store", store, corpus)
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""
        errors[jobs] = done.stderr
        dump = run_cli("dump", "--format", "nquads", "--store", store)
        assert dump.returncode == 0, dump.stderr
        dumps[jobs] = dump.stdout
    assert dumps["1"].count("\n") > 5_000
    assert dumps["1"] == dumps["2"]
    assert errors["1"] == errors["2"]  # same notices, same order
    bad = str(corpus / "articles" / BINARY)
    notices = [line for line in errors["2"].splitlines() if bad in line]
    assert notices == [f"skipped {bad}: not a text file (binary content)"]  # the path once
    assert "no-facts.txt: no facts found" in errors["2"]
    assert "Traceback" not in errors["2"]


def test_extract_with_two_jobs_prints_the_same(corpus: Path) -> None:
    files = article_files(corpus)
    assert len(files) > ARTICLES
    one = run_cli("extract", "--format", "jsonl", "--jobs", "1", *files)
    two = run_cli("extract", "--format", "jsonl", "--jobs", "2", *files)
    assert one.returncode == two.returncode == 0, two.stderr
    assert len(one.stdout.splitlines()) == len(files) - 1  # all but the unreadable one
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    bad = corpus / "articles" / BINARY
    skipped = [line for line in two.stderr.splitlines() if "skipped" in line]
    assert skipped == [f"blocgraph extract: skipped {bad}: not a text file (binary content)"]
    assert "Traceback" not in two.stderr


@pytest.mark.parametrize("command", ["build", "extract"])
@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_bad_jobs_is_a_one_line_error(command: str, value: str, tmp_path: Path) -> None:
    target = ["--store", str(tmp_path / "store"), str(SEED_FACTS)] if command == "build" else [
        str(ROOT / "tests" / "corpus" / "001_sco-astana-2024.txt")]
    done = run_cli(command, f"--jobs={value}", *target)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"blocgraph {command}: error: --jobs ")
    assert not (tmp_path / "store").exists()


def test_bad_jobs_in_the_python_api(tmp_path: Path) -> None:
    for jobs in (0, -3, 1.5, True):
        with pytest.raises(BlocgraphError, match="jobs"):
            check_jobs(jobs)  # type: ignore[arg-type]
    with pytest.raises(BlocgraphError, match="jobs"):
        Blocgraph(tmp_path / "store").build([SEED_FACTS], jobs=0)
    assert check_jobs(None) >= 1


def whose(path: Path) -> ArticleFacts:
    """An extractor that says which process ran it."""
    return ArticleFacts(article=path.name, title=str(os.getpid()))


def test_articles_are_extracted_in_other_processes(tmp_path: Path) -> None:
    paths = [tmp_path / f"{i:03d}.txt" for i in range(40)]
    outcomes = list(extract_many(whose, paths, jobs=2))
    assert [o.facts.article for o in outcomes] == [p.name for p in paths]  # input order
    pids = {o.facts.title for o in outcomes}
    assert str(os.getpid()) not in pids and 1 <= len(pids) <= 2
    few = list(extract_many(whose, paths[:10], jobs=2))  # too few to start processes for
    assert {o.facts.title for o in few} == {str(os.getpid())}


def test_a_threaded_caller_gets_the_same_facts(corpus: Path) -> None:
    """With a thread running, workers come from a fork server rather than a fork."""
    files = article_files(corpus)[:60]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert not _single_threaded()
        pooled = list(extract_many(extract_file, files, jobs=2, warm=warm))
    finally:
        stop.set()
        thread.join()
    inline = list(extract_many(extract_file, files, jobs=1))
    assert [o.facts for o in pooled] == [o.facts for o in inline]
    assert [o.error for o in pooled] == [o.error for o in inline]
    assert [o.warnings for o in pooled] == [o.warnings for o in inline]
    assert any(o.facts and o.facts.all_facts() for o in pooled)


# -- stopping ------------------------------------------------------------------------------

def session_processes(sid: int) -> list[int]:
    """Live processes of a session (zombies waiting for init to reap them are dead)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if os.getsid(int(entry.name)) == sid and stat.rsplit(")", 1)[1].split()[0] != "Z":
                out.append(int(entry.name))
        except (OSError, IndexError):
            continue
    return out


def start_build_and_wait_for_workers(corpus: Path, store: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [*CLI, "build", "--jobs", "2", "--no-infer", "--store", str(store), str(corpus)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(session_processes(process.pid)) < 3:  # the build and its two workers
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.01)
    return process


def wait_until_gone(sid: int) -> list[int]:
    deadline = time.monotonic() + 15
    while session_processes(sid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return session_processes(sid)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_ctrl_c_stops_the_workers_and_keeps_the_store(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("build", "-q", "--no-infer", "--store", store, SEED_FACTS).returncode == 0
    before = run_cli("dump", "--format", "nquads", "--store", store).stdout
    process = start_build_and_wait_for_workers(corpus, store)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends: to every process
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.splitlines()[-1] == "blocgraph build: interrupted; the store is unchanged"
    assert "Traceback" not in err
    assert wait_until_gone(process.pid) == []
    assert run_cli("dump", "--format", "nquads", "--store", store).stdout == before


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_exit_when_the_build_is_killed(corpus: Path, tmp_path: Path) -> None:
    process = start_build_and_wait_for_workers(corpus, tmp_path / "store")
    process.kill()  # SIGKILL to the build alone: nothing of it can stop the workers
    process.communicate(timeout=60)
    assert wait_until_gone(process.pid) == []
