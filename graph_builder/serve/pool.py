"""The worker processes of `blocgraph serve`: a query past its time limit kills its worker.

A pyoxigraph query cannot be interrupted from another thread, so every query runs in a
worker process (serve/worker.py); the server waits for the answer in a thread and, when
the time limit passes, kills the worker and starts a fresh one while the others go on
answering.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from graph_builder.serve import worker as serve_worker


class QueryTimeout(Exception):
    pass


class _Worker:
    def __init__(self, ctx: Any, root: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=serve_worker.main, args=(child, root), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.kill()
            raise RuntimeError("a query worker did not start")

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes handed out one request at a time; a late one is killed and replaced."""

    def __init__(self, root: str, size: int) -> None:
        self.root = root
        self.size = size
        self.ctx = multiprocessing.get_context("spawn")
        self.threads = ThreadPoolExecutor(max_workers=size + 2, thread_name_prefix="pool")
        self.idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self.workers: set[_Worker] = set()
        self.aside: set[_Worker] = set()
        self.closed = False

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        started = await asyncio.gather(
            *(loop.run_in_executor(self.threads, _Worker, self.ctx, self.root)
              for _ in range(self.size))
        )
        for worker in started:
            self.workers.add(worker)
            self.idle.put_nowait(worker)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        self.workers.discard(worker)
        await loop.run_in_executor(self.threads, worker.kill)
        if self.closed:
            return
        fresh = await loop.run_in_executor(self.threads, _Worker, self.ctx, self.root)
        if self.closed:  # the server stopped while this one was starting
            fresh.kill()
            return
        self.workers.add(fresh)
        self.idle.put_nowait(fresh)

    async def run(self, job: dict[str, Any], timeout: float) -> dict[str, Any]:
        worker = await self.idle.get()
        loop = asyncio.get_running_loop()
        try:
            worker.conn.send(job)
            done = await loop.run_in_executor(self.threads, worker.conn.poll, timeout)
            if not done:
                raise QueryTimeout()
            result = await loop.run_in_executor(self.threads, worker.conn.recv)
        except BaseException:
            # Killed at the deadline, crashed, or the client went away: start afresh.
            asyncio.ensure_future(self._replace(worker))
            raise
        self.idle.put_nowait(worker)
        return result

    async def run_aside(self, job: dict[str, Any], timeout: float) -> dict[str, Any]:
        """One job in a worker of its own, started for it and stopped after it, so that the
        server's own work (making a view ahead) never keeps a request waiting for a worker."""
        loop = asyncio.get_running_loop()
        worker = await loop.run_in_executor(self.threads, _Worker, self.ctx, self.root)
        self.aside.add(worker)
        try:
            if self.closed:
                raise QueryTimeout()
            worker.conn.send(job)
            if not await loop.run_in_executor(self.threads, worker.conn.poll, timeout):
                raise QueryTimeout()
            return await loop.run_in_executor(self.threads, worker.conn.recv)
        finally:
            self.aside.discard(worker)
            worker.kill()

    def close(self) -> None:
        self.closed = True
        for worker in list(self.workers | self.aside):
            worker.kill()
        self.workers.clear()
        self.aside.clear()
        self.threads.shutdown(wait=False, cancel_futures=True)
