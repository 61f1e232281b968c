"""The workbench at `/`: its routes, the bundle it serves and the network view kept ready.

`/` is the workbench once its bundle is built (web/, see tests/setup.sh), with the plain
page kept at `/basic`; the named queries' texts for its editor; the network view's GEXF and
graphology JSON, made once per store generation (and ahead, as soon as the workers are up)
because the states view takes a while at 100k triples. The entity and article pages it
links to are serve/pages.py's, registered here beside these routes.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from graph_builder.serve.pages import create_routes, json_bindings

WEB = Path(__file__).parent / "web"
DIST = WEB / "dist"


AHEAD_TIMEOUT = 600.0  # s: the view made ahead is the server's own job, not a request's


def workbench_built() -> bool:
    return (DIST / "workbench.js").is_file()


def bundle_style_hashes() -> list[str]:
    """CSP hashes ('sha256-...') of the style sheets the bundle writes into <style>
    elements: YASGUI's column resizer adds one fixed sheet, its text a string literal in
    the bundle. Read from the built bundle so the policy follows it when it is rebuilt."""
    import base64
    import hashlib

    try:
        text = (DIST / "workbench.js").read_text(encoding="utf-8")
    except OSError:
        return []
    out = []
    for m in re.finditer(r'createStyle\(\w+,("(?:[^"\\\n]|\\.)*")\)', text):
        try:
            css = json.loads(m.group(1), strict=False)
        except ValueError:
            continue
        digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
        out.append(f"sha256-{digest}")
    return sorted(set(out))


def register(routes: list[Any], pool: Any, timeout: float, run_query: Callable[..., Any],
             problem: type[Exception], article_dirs: list[Path] | None
             ) -> Callable[[], Awaitable[None]]:
    """Add the workbench's routes to ROUTES (before the catch-all static mount); the
    coroutine function returned makes the network page's graph ahead, once the pool is up.

    `/` becomes the workbench once its bundle is built (web/, see tests/setup.sh), with the
    plain page kept at `/basic`; without the bundle `/` stays the plain page.
    """
    from starlette.responses import FileResponse

    from graph_builder.serve.pool import QueryTimeout

    dirs = [Path(d) for d in article_dirs] if article_dirs is not None else (
        [Path.cwd() / "data"] if (Path.cwd() / "data").is_dir() else [])

    async def run(job: dict[str, Any]) -> dict[str, Any]:
        """One job in the worker pool, under the server's time limit; a fault is a problem."""
        try:
            return await pool.run(job, timeout)
        except QueryTimeout:
            raise problem(503, f"the page's query ran past the time limit of {timeout:g} s "
                               "and was stopped") from None
        except (EOFError, OSError):
            raise problem(500, "the query worker stopped unexpectedly; it has been "
                               "restarted") from None

    async def select(text: str) -> list[dict[str, dict[str, str]]]:
        job = {"op": "query", "text": text, "default_graph": None, "named_graphs": None,
               "accept": None, "format": ["json"], "max_rows": 100_000, "base_iri": None,
               "allow_service": False}
        result = await run(job)
        if result["status"] != 200:
            raise problem(result["status"], bytes(result["body"]).decode("utf-8", "replace"))
        return json_bindings(result["body"])

    async def describe(request: Request, text: str) -> Response:
        return await run_query(request, text, list(request.query_params.multi_items()))

    async def index(request: Request) -> Response:
        if workbench_built():
            return FileResponse(WEB / "workbench.html", media_type="text/html")
        return FileResponse(WEB / "index.html", media_type="text/html")

    async def basic(request: Request) -> Response:
        return FileResponse(WEB / "index.html", media_type="text/html")

    async def query_text(request: Request) -> Response:
        """A named query's text with the given parameters bound, for the editor."""
        from graph_builder.core.errors import BlocgraphError
        from graph_builder.query.named import bind, registry, with_values

        query = registry().get(request.path_params["name"])
        if query is None:
            raise problem(404, f"no named query '{request.path_params['name']}' (see /queries)")
        try:
            text = with_values(query.text, bind(query, dict(request.query_params)))
        except BlocgraphError as exc:
            raise problem(400, str(exc).replace("--param ", "")) from None
        return Response(text, media_type="application/sparql-query")

    gexf_cache: dict[tuple[str, ...], Response] = {}
    json_cache: dict[tuple[str, ...], Response] = {}

    def generation() -> tuple[str, ...] | None:
        """What names the store's current graph: its generation and when that last changed
        (a build swaps the generation; an update through /sparql writes into its folder)."""
        root = Path(pool.root)
        try:
            gen = (root / "current").resolve(strict=True)  # a link to the generation
            return (gen.name, str(gen.stat().st_mtime_ns),
                    str(max((f.stat().st_mtime_ns for f in gen.iterdir()), default=0)))
        except OSError:
            return None

    making: dict[tuple[str, ...], asyncio.Task[Response]] = {}

    async def kept(cache: dict[tuple[str, ...], Response], job: dict[str, Any],
                   runner: Callable[[dict[str, Any]], Awaitable[dict[str, Any]]] | None = None
                   ) -> Response:
        """The answer to a view job, kept per generation: making the states view takes a
        while at 100k triples, and it changes only when the graph does. A request that comes
        while the same answer is being made (the warm-up below) waits for that one."""
        key = generation()
        if key is not None and key in cache:
            return cache[key]
        name = (job["op"], *key) if key is not None else None
        task = making.get(name) if name is not None else None
        shared = task is not None
        if task is None:
            task = asyncio.ensure_future((runner or run)(job))
            # a job its waiters gave up on (the server stopping while the view is made
            # ahead) ends unawaited: take its outcome here so no traceback is printed
            task.add_done_callback(lambda t: t.cancelled() or t.exception())
            if name is not None:
                making[name] = task
        try:
            result = await asyncio.shield(task)
        except Exception:
            if not shared:
                raise
            result = await run(job)  # the job made ahead failed: this request makes its own
        finally:
            if name is not None and task.done():
                making.pop(name, None)
        response = Response(bytes(result["body"]), status_code=result["status"],
                            media_type=result["media"], headers=result["headers"])
        if result["status"] == 200 and key is not None and key == generation():
            cache.clear()
            cache[key] = response
        return response

    async def warm() -> None:
        """Make the network page's graph as soon as the workers are up, so that the first
        page load after `blocgraph serve` does not wait for the states view."""
        if not workbench_built():
            return
        try:  # in a worker of its own: the pool's stay free for the first requests
            await kept(json_cache, {"op": "graphology"},
                       lambda job: pool.run_aside(job, max(timeout, AHEAD_TIMEOUT)))
        except Exception as exc:  # the page's own request will say what is wrong
            print(f"blocgraph serve: the network view was not made ahead: {exc}",
                  file=sys.stderr)

    async def states_gexf(request: Request) -> Response:
        """The network view's file (the states view, dynamic), as Gephi downloads it."""
        return await kept(gexf_cache, {"op": "gexf", "view": "states", "dynamic": True})

    async def states_json(request: Request) -> Response:
        """The same graph as graphology's JSON (network/graphology.py), which the page
        imports without parsing XML."""
        return await kept(json_cache, {"op": "graphology"})

    mine = [Route("/", index), Route("/basic", basic),
            Route("/workbench/states.gexf", states_gexf),
            Route("/workbench/states.json", states_json),
            Route("/queries/{name}.rq", query_text),
            *create_routes(select, describe, lambda: dirs)]
    for i, route in enumerate(list(routes)):
        if getattr(route, "path", None) == "/":
            routes.pop(i)
            break
    routes[:0] = mine
    return warm
