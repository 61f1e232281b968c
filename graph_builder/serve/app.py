"""`blocgraph serve`: a SPARQL 1.1 Protocol endpoint, named queries, `ask` and a web page.

Starlette under uvicorn: a small ASGI toolkit whose requests, responses, CORS middleware
and lifespan hooks are all we need, with no ORM or template layer to keep safe. Queries
do not run in the server process: a pool of worker processes (serve/pool.py running
serve/worker.py) runs them, and a query past its time limit is stopped by killing its
worker, which is the only way to stop a pyoxigraph query; the server keeps answering
meanwhile.

Safe by default: read-only (updates need --allow-update and the bearer token), no
`SERVICE` or `LOAD` (the server would fetch other hosts or files), capped body size,
run time and result rows, a deadline on reading each request from the client, and
errors reported in one line, never as a stack trace.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import socket
import sys
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph_builder.core.errors import BlocgraphError, NotBuiltError
from graph_builder.core.vocab import DEFAULT_VIEW, NETWORK_VIEWS
from graph_builder.serve import guard as serve_guard
from graph_builder.serve import workbench as serve_workbench
from graph_builder.serve import worker as serve_worker
from graph_builder.serve.pool import QueryTimeout, WorkerPool
from graph_builder.serve.transport import (  # noqa: F401 - re-exported for callers of app
    MAX_HEAD,
    Guarded,
    bound_names,
    head_deadline_protocol,
    is_loopback,
    plain_text,
    security_headers,
)

WEB = Path(__file__).parent / "web"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORM = "application/x-www-form-urlencoded"
_text = plain_text


class HTTPProblem(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers


def _iri(value: str, param: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise HTTPProblem(400, f"{param}: '{value}' is not an absolute IRI") from None


def _utf8(request: Request) -> None:
    content_type = request.headers.get("content-type", "")
    for field in content_type.split(";")[1:]:
        key, _, value = field.strip().partition("=")
        if key.lower() == "charset" and value.strip('"').lower() not in ("utf-8", "utf8"):
            raise HTTPProblem(415, f"charset {value}: only UTF-8 request bodies are accepted")


async def _body(request: Request, max_body: int, deadline: float) -> str:
    """The body, refused (413) as soon as it is known to pass the cap, and (408) when it
    has not fully arrived `deadline` seconds after its headers: a client trickling bytes
    would otherwise hold its connection and this request for as long as it likes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_body:
        raise HTTPProblem(413, f"request body larger than {max_body} bytes")
    chunks, size = [], 0
    try:
        async with asyncio.timeout(deadline):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_body:
                    raise HTTPProblem(413, f"request body larger than {max_body} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise HTTPProblem(408, f"the request body did not arrive within {deadline:g} s",
                          {"Connection": "close"}) from None
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPProblem(400, "the request body is not valid UTF-8") from None


def _one(params: list[tuple[str, str]], key: str) -> str | None:
    values = [v for k, v in params if k == key]
    if len(values) > 1:
        raise HTTPProblem(400, f"more than one '{key}' parameter")
    return values[0] if values else None


def _all(params: list[tuple[str, str]], key: str) -> list[str]:
    return [_iri(v, key) for k, v in params if k == key]


def create_app(
    store_dir: Path | str,
    *,
    timeout: float = 10.0,
    max_rows: int = 100_000,
    max_body: int = 1_000_000,
    allow_update: bool = False,
    token: str | None = None,
    allow_service: bool = False,
    cors_origin: str | None = None,
    workers: int | None = None,
    client_timeout: float = 10.0,
    articles: list[Path] | None = None,
    allowed_hosts: Iterable[str] | None = None,
) -> Starlette:
    """The ASGI application; the worker pool starts and stops with it (lifespan).

    `allowed_hosts`: the names a request's Host header may give (with any port); another
    is refused with 421, so a web page whose DNS name was rebound to this machine cannot
    read it. None answers every Host (an application run in-process, behind its caller).
    """
    if allow_update and not token:
        raise BlocgraphError("--allow-update needs --token T (clients send 'Bearer T')")
    if token and not allow_update:
        raise BlocgraphError("--token T is the key clients send for SPARQL Update, which "
                             "only --allow-update turns on; add it, or drop --token")
    for option, value, least in (("--timeout", timeout, None), ("--max-rows", max_rows, 1),
                                 ("--max-body", max_body, 1), ("--workers", workers, 1)):
        if value is None and option == "--workers":
            continue
        if least is None and not value > 0:
            raise BlocgraphError(f"{option} {value:g}: give a number of seconds above 0")
        if least is not None and not value >= least:
            raise BlocgraphError(f"{option} {value}: give a whole number of {least} or more")
    if not client_timeout > 0:
        raise BlocgraphError(f"--client-timeout {client_timeout:g}: give a number of seconds "
                             "above 0")
    root = str(Path(store_dir).resolve())
    pool = WorkerPool(root, workers or max(2, os.cpu_count() or 2))
    update_lock = asyncio.Lock()

    async def dispatch(job: dict[str, Any], limit: float = timeout) -> Response:
        try:
            result = await pool.run(job, limit)
        except QueryTimeout:
            return _text(503, f"the request ran past the time limit of {limit:g} s and was "
                              "stopped")
        except (EOFError, OSError):
            return _text(500, "the query worker stopped unexpectedly; it has been restarted")
        return Response(result["body"], status_code=result["status"],
                        media_type=result["media"], headers=result["headers"])

    def base_iri(request: Request) -> str:
        return str(request.url.replace(query="", fragment=""))

    async def run_query(request: Request, text: str, params: list[tuple[str, str]]) -> Response:
        # The worker refuses SERVICE: reading a megabyte of query takes it seconds, which
        # the time limit bounds there but would stall every client here.
        default = _all(params, "default-graph-uri")
        named = _all(params, "named-graph-uri")
        job = {
            "op": "query",
            "text": text,
            "default_graph": default if default or named else None,
            "named_graphs": named if default or named else None,
            "accept": request.headers.get("accept"),
            # Clients such as SPARQLWrapper send several; the first one we know wins.
            "format": [v for k, v in params if k in ("format", "output", "results")],
            "max_rows": max_rows,
            "base_iri": base_iri(request),
            "allow_service": allow_service,
        }
        return await dispatch(job)

    async def run_update(request: Request, text: str, params: list[tuple[str, str]]) -> Response:
        if not allow_update:
            raise HTTPProblem(403, "this server is read-only: SPARQL Update is disabled "
                                   "(start it with --allow-update --token T to enable it)")
        given = request.headers.get("authorization", "")
        scheme, _, credential = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            credential.strip().encode(), (token or "").encode()
        ):
            raise HTTPProblem(401, "SPARQL Update needs 'Authorization: Bearer <token>'",
                              {"WWW-Authenticate": 'Bearer realm="blocgraph"'})
        if not allow_service and serve_guard.uses_load(text):
            raise HTTPProblem(403, "LOAD is disabled on this server (the server would fetch "
                                   "a document; start it with --allow-service to enable it)")
        if not allow_service and serve_guard.uses_service(text):
            raise HTTPProblem(403, "SERVICE (federated query) is disabled on this server")
        using = _all(params, "using-graph-uri")
        using_named = _all(params, "using-named-graph-uri")
        if (using or using_named) and serve_guard.has_dataset_clause(text):
            raise HTTPProblem(400, "using-graph-uri / using-named-graph-uri cannot be combined "
                                   "with USING or WITH in the update")
        text = serve_guard.add_using(text, using, using_named)
        async with update_lock:
            return await dispatch({"op": "update", "text": text, "base_iri": base_iri(request)})

    async def sparql(request: Request) -> Response:
        url_params = list(request.query_params.multi_items())
        if request.method in ("GET", "HEAD"):  # HEAD: the GET answer, its body dropped
            if _one(url_params, "update") is not None:
                raise HTTPProblem(405, "SPARQL Update must be sent with POST",
                                  {"Allow": "GET, POST"})
            query = _one(url_params, "query")
            if query is None:
                return service_description(request)
            return await run_query(request, query, url_params)
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        _utf8(request)
        if media == FORM:
            body = await _body(request, max_body, client_timeout)
            params = url_params + parse_qsl(body, keep_blank_values=True)
            query, update = _one(params, "query"), _one(params, "update")
            if query is not None and update is not None:
                raise HTTPProblem(400, "a request carries either 'query' or 'update', not both")
            if query is not None:
                return await run_query(request, query, params)
            if update is not None:
                return await run_update(request, update, params)
            raise HTTPProblem(400, "the form has no 'query' or 'update' parameter")
        if media == "application/sparql-query":
            text = await _body(request, max_body, client_timeout)
            return await run_query(request, text, url_params)
        if media == "application/sparql-update":
            text = await _body(request, max_body, client_timeout)
            return await run_update(request, text, url_params)
        raise HTTPProblem(415, "POST a query as application/sparql-query, an update as "
                               "application/sparql-update, or either as " + FORM)

    def service_description(request: Request) -> Response:
        chosen = serve_worker.negotiate(serve_worker.GRAPH, request.headers.get("accept"))
        if chosen is None:
            chosen = ("turtle", "text/turtle")
        endpoint = ox.NamedNode(base_iri(request))
        node = ox.BlankNode("service")
        sd = lambda term: ox.NamedNode(SD + term)  # noqa: E731
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        dataset = ox.BlankNode("dataset")
        default_graph = ox.BlankNode("defaultGraph")
        triples = [
            ox.Triple(node, rdf_type, sd("Service")),
            ox.Triple(node, sd("endpoint"), endpoint),
            ox.Triple(node, sd("supportedLanguage"), sd("SPARQL11Query")),
            ox.Triple(node, sd("feature"), sd("UnionDefaultGraph")),
            ox.Triple(node, sd("feature"), sd("BasicFederatedQuery"))
            if allow_service else None,
            ox.Triple(node, sd("supportedLanguage"), sd("SPARQL11Update"))
            if allow_update else None,
            ox.Triple(node, sd("defaultDataset"), dataset),
            ox.Triple(dataset, rdf_type, sd("Dataset")),
            ox.Triple(dataset, sd("defaultGraph"), default_graph),
            ox.Triple(default_graph, rdf_type, sd("Graph")),
        ]
        for _, media, _ in serve_worker.TABULAR + serve_worker.GRAPH:
            triples.append(ox.Triple(node, sd("resultFormat"),
                                     ox.NamedNode(f"http://www.iana.org/assignments/media-types/{media}")))
        body = ox.serialize([t for t in triples if t is not None],
                            format=serve_worker.RDF_FORMATS[chosen[0]],
                            **({"prefixes": {"sd": SD}} if chosen[0] in ("turtle", "trig") else {}))
        return Response(body, media_type=chosen[1])

    async def ask(request: Request) -> Response:
        question = request.query_params.get("q", "").strip()
        if not question:
            raise HTTPProblem(400, "ask: give a question as ?q=...")
        job = {"op": "ask", "question": question, "as_of": request.query_params.get("as_of"),
               "known_by": request.query_params.get("known_by")}
        return await dispatch(job)

    def named_queries(request: Request) -> Response:
        from graph_builder.query.named import registry

        return JSONResponse([
            {
                "name": q.name,
                "description": q.description,
                "params": [
                    {"name": p.name, "type": p.type, "optional": p.optional,
                     "description": p.description}
                    for p in q.params
                ],
                "text": q.text,
            }
            for q in registry().values()
        ])

    async def named_query(request: Request) -> Response:
        from graph_builder.query.named import bind, registry, with_values

        name = request.path_params["name"]
        query = registry().get(name)
        if query is None:
            raise HTTPProblem(404, f"no named query '{name}' (see /queries)")
        reserved = {"format", "output", "default-graph-uri", "named-graph-uri"}
        given = [(k, v) for k, v in request.query_params.multi_items() if k not in reserved]
        values: dict[str, str] = {}
        for key, value in given:
            if key in values:
                raise HTTPProblem(400, f"more than one '{key}' parameter")
            values[key] = value
        try:
            text = with_values(query.text, bind(query, values))
        except BlocgraphError as exc:
            raise HTTPProblem(400, str(exc).replace("--param ", "")) from None
        return await run_query(request, text, list(request.query_params.multi_items()))

    async def export_gexf(request: Request) -> Response:
        view = request.query_params.get("view", DEFAULT_VIEW)
        if view not in NETWORK_VIEWS:
            raise HTTPProblem(400, f"view: '{view}' is not one of {', '.join(NETWORK_VIEWS)}")
        dynamic = request.query_params.get("dynamic", "") in ("1", "true", "yes")
        return await dispatch({"op": "gexf", "view": view, "dynamic": dynamic})

    async def index(request: Request) -> Response:
        return FileResponse(WEB / "index.html", media_type="text/html")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "workers": len(pool.workers)})

    async def problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPProblem)
        return _text(exc.status, str(exc), exc.headers)

    async def crash(request: Request, exc: Exception) -> Response:
        print(f"blocgraph serve: internal error: {exc!r}", file=sys.stderr)
        return _text(500, "internal error (details are in the server log)")

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        ahead = asyncio.create_task(warm())  # the network page's graph, made once up
        try:
            yield
        finally:
            ahead.cancel()
            pool.close()

    middleware = [Middleware(Guarded, allowed_hosts=allowed_hosts)]
    if cors_origin:
        middleware.append(Middleware(
            CORSMiddleware,
            allow_origins=[cors_origin],
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Authorization", "Content-Type"],
            expose_headers=["X-Blocgraph-Truncated"],
        ))
    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/sparql/", sparql, methods=["GET", "POST"]),
        Route("/ask", ask),
        Route("/queries", named_queries),
        Route("/queries/{name}", named_query),
        Route("/export.gexf", export_gexf),
        Route("/health", health),
        Mount("/static", StaticFiles(directory=WEB), name="static"),
    ]
    # the analyst's workbench: entity and article pages, `/` once its bundle is built
    warm = serve_workbench.register(routes, pool, timeout, run_query, HTTPProblem, articles)
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPProblem: problem, Exception: crash},
        lifespan=lifespan,
    )


def _check_free(host: str, port: int) -> None:
    """Refuse a port another program listens on, in one line (uvicorn's is a log and exit 3)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise BlocgraphError(f"--host {host}: cannot resolve ({exc.strerror or exc})") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise BlocgraphError(
                f"--port {port}: cannot listen on {host}:{port} ({exc.strerror or exc})"
            ) from None


def run(
    store_dir: Path | str,
    *,
    host: str = "127.0.0.1",
    port: int = 7700,
    host_given: bool = False,
    allow_hosts: Iterable[str] = (),
    **options: Any,
) -> int:
    """Serve until Ctrl-C; prints the URL once the socket is listening.

    Requests must name HOST (or, for a loopback HOST, localhost, 127.0.0.1 or ::1) in
    their Host header, or one of `allow_hosts` ('*': any)."""
    import uvicorn

    if not is_loopback(host) and not host_given:
        raise BlocgraphError(f"--host {host}: not a loopback address; pass --host explicitly "
                             "to serve other machines")
    if not 0 < port < 65536:
        raise BlocgraphError(f"--port {port}: give a port from 1 to 65535")
    _check_free(host, port)
    if not Path(store_dir, "current").exists():
        raise NotBuiltError(f"store {store_dir}: no graph built yet (run `blocgraph build` "
                             "first, or pass --store DIR)")
    app = create_app(store_dir, allowed_hosts=bound_names(host) | set(allow_hosts), **options)
    protocol = head_deadline_protocol(options.get("client_timeout", 10.0))
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            lifespan="on", http=protocol,
                            h11_max_incomplete_event_size=MAX_HEAD + 4)
    shown = f"[{host}]" if ":" in host else host

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:  # listening: now the URL is true
                print(f"blocgraph serve: http://{shown}:{port}/ (SPARQL endpoint "
                      f"http://{shown}:{port}/sparql); Ctrl-C stops", flush=True)

    server = Server(config)
    try:
        asyncio.run(server.serve())
    except KeyboardInterrupt:
        pass
    if not server.started:
        raise BlocgraphError(f"--port {port}: could not listen on {host}:{port}")
    print("blocgraph serve: stopped", flush=True)
    return 0
