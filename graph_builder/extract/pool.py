"""Article text to facts on every core: the extraction step of `build` and `extract`.

Extraction is pure CPU work on one file at a time, so it is the one step that gains from
more processes; everything after it (checking facts, writing the store, inference) stays
in the calling process, in the order of the inputs, so a build with many jobs writes the
same store as a build with one.

How workers start: with fork only when this process runs a single thread, counted in
/proc/self/task so native threads (an open pyoxigraph store's, tqdm's monitor) count too;
a child forked from a threaded process can inherit a lock another thread held and hang
on it. Fork is worth having: workers start in milliseconds with the extraction code
already imported, where a fresh interpreter spends about a second importing it, the time
of some hundred articles. Otherwise (a notebook, a server, no /proc) workers come from a
fork server, a fresh single-threaded process that imports the extraction code once and
forks each worker from itself ("spawn" where there is no fork server). In that case, as
with any multiprocessing code, a script needs the `if __name__ == "__main__":` guard.
Each worker builds the extractor's tables once (`warm`), then takes articles in chunks,
so passing work between processes costs per chunk, not per article.

A worker reports an unreadable article and the warnings an article raised as data, which
the caller turns into the same notices a single-process run prints; any other exception
is a bug and arrives with its traceback. Workers ignore Ctrl-C (the terminal sends it to
every process of the group): the caller stops them itself, and they also exit when the
caller dies without stopping them.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from graph_builder.core.errors import BlocgraphError
from graph_builder.core.facts import ArticleFacts

Extractor = Callable[[Path], ArticleFacts]

MIN_ARTICLES = 20  # below this (or two per job) starting processes costs more than it saves
MAX_CHUNK = 16  # articles per message: ~0.3 s of work for seed-length articles


@dataclass
class Extracted:
    """One article's outcome: its facts, or the one-line reason it was skipped."""

    path: Path
    facts: ArticleFacts | None = None
    error: str | None = None
    # (message, category, filename, lineno) of each warning, to show where it was raised
    warnings: list[tuple[str, type[Warning], str, int]] = field(default_factory=list)

    def replay_warnings(self) -> None:
        """Issue the recorded warnings here, under the caller's filters, as if raised here."""
        for message, category, filename, lineno in self.warnings:
            warnings.warn_explicit(message, category, filename, lineno)


def default_jobs() -> int:
    """The cores this process may run on (its affinity mask, which a container may narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def check_jobs(jobs: int | None, name: str = "jobs") -> int:
    """The number of processes to use; None means every core. Zero or fewer is an error."""
    if jobs is None:
        return default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise BlocgraphError(
            f"{name} {jobs!r}: expected a whole number of processes, 1 or more "
            f"(default: all {default_jobs()} cores)"
        )
    return jobs


def plan(articles: int, jobs: int) -> tuple[int, int]:
    """(worker processes, articles per chunk); one worker means no pool at all."""
    if jobs <= 1 or articles < max(MIN_ARTICLES, 2 * jobs):
        return 1, articles
    # four chunks per worker at least, so a worker with slow articles does not hold the rest
    chunk = max(1, min(MAX_CHUNK, articles // (jobs * 4)))
    return jobs, chunk


def extract_one(extractor: Extractor, path: Path) -> Extracted:
    """Extract one article, keeping its warnings and a BlocgraphError as data."""
    outcome = Extracted(Path(path))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            outcome.facts = extractor(outcome.path)
        except BlocgraphError as exc:
            outcome.error = str(exc)
    outcome.warnings = [(str(w.message), w.category, w.filename, w.lineno) for w in caught]
    return outcome


def extract_many(
    extractor: Extractor,
    paths: Iterable[Path],
    jobs: int = 1,
    warm: Callable[[], object] | None = None,
) -> Iterator[Extracted]:
    """Each article's outcome, in the order of `paths`, from up to `jobs` processes.

    The workers start now, not at the first `next()`: call this before starting threads
    (a progress bar's, say) so the cheap fork start can be used. `warm` runs once in each
    worker before its first article. Close the iterator (contextlib.closing) when stopping
    early: that stops the workers at once instead of letting them finish the queue.
    """
    paths = [Path(p) for p in paths]
    workers, chunk = plan(len(paths), check_jobs(jobs))
    if workers == 1:
        return (extract_one(extractor, path) for path in paths)
    return _Pool(extractor, paths, workers, chunk, warm)


class _Pool:
    """The outcomes of a process pool, in input order; stopping early stops the pool."""

    def __init__(
        self,
        extractor: Extractor,
        paths: list[Path],
        workers: int,
        chunk: int,
        warm: Callable[[], object] | None,
    ) -> None:
        context = _context(extractor)
        if context.get_start_method() == "fork":
            for stream in (sys.stdout, sys.stderr):  # else each child writes the buffer again
                if stream is not None:
                    stream.flush()
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(extractor, warm),
        )
        self._left = len(paths)
        # Ctrl-C is held back while workers are forked: they start with it blocked and
        # ignore it before unblocking, so none dies of it before its first line
        held = _hold_sigint() if context.get_start_method() == "fork" else None
        try:
            try:
                self._results = self._executor.map(_work, paths, chunksize=chunk)
            finally:
                interrupted = _release_sigint(held)
            if interrupted:
                raise KeyboardInterrupt
        except BaseException:
            self.close()
            raise

    def __iter__(self) -> _Pool:
        return self

    def __next__(self) -> Extracted:
        try:
            outcome = next(self._results)
            self._left -= 1
            return outcome
        except StopIteration:
            self.close()
            raise
        except BrokenProcessPool:
            self.close()
            raise BlocgraphError(
                "an extraction worker process stopped unexpectedly (killed, out of memory, "
                "or it could not start); try again with --jobs 1"
            ) from None
        except BaseException:  # Ctrl-C, or a bug in a worker (its traceback follows)
            self.close()
            raise

    def close(self) -> None:
        """Let idle workers exit; before the last outcome, stop them mid-article."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if self._left == 0:
            executor.shutdown(wait=True)
            return
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
        else:
            for process in processes:
                if process.is_alive():
                    process.terminate()
        for process in processes:
            process.join(timeout=10)


def _context(extractor: Extractor) -> multiprocessing.context.BaseContext:
    """fork when this process runs one thread (safe, and workers start in milliseconds),
    else a fork server, which forks workers from a clean single-threaded process."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _single_threaded():
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    module = getattr(extractor, "__module__", None)
    # takes effect when this process starts its fork server, i.e. on its first such pool
    ctx.set_forkserver_preload([m for m in (__name__, module) if m and m != "__main__"])
    return ctx


def _hold_sigint() -> set[signal.Signals] | None:
    """Block SIGINT in this (main) thread; the mask to restore, or None when not blocked."""
    if not hasattr(signal, "sigtimedwait"):  # Linux has both; fork is used on Linux only
        return None
    if threading.current_thread() is not threading.main_thread():
        return None
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    if signal.SIGINT in held:  # the caller holds it back itself: leave it to them
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return None
    return held


def _release_sigint(held: set[signal.Signals] | None) -> bool:
    """Unblock SIGINT; True when one came meanwhile (taken here, so it is raised once)."""
    if held is None:
        return False
    came = signal.sigtimedwait({signal.SIGINT}, 0) is not None
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return came


def _single_threaded() -> bool:
    """One thread in this process, native ones (pyoxigraph's, tqdm's...) counted too."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc (macOS, Windows): cannot tell, so assume threads
        return False


_extractor: Extractor | None = None


def _start_worker(extractor: Extractor, warm: Callable[[], object] | None) -> None:
    global _extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # discards one held back at the fork
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _exit_with_parent()
    _extractor = extractor
    if warm is not None:
        warm()


def _exit_with_parent() -> None:
    """End this worker when the process that started it is gone (killed with SIGKILL, say).

    A worker blocked on its task queue would otherwise wait forever: it holds both ends of
    the queue's pipe, so it never sees end-of-file.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _work(path: Path) -> Extracted:
    assert _extractor is not None, "worker started without an extractor"
    return extract_one(_extractor, path)
