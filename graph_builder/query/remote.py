"""Remote triple stores: query them through SPARQLWrapper, push the local graph into them.

A remote store is reached through the three W3C SPARQL 1.1 protocols: Query (read),
Update (write by SPARQL text) and the Graph Store HTTP Protocol (write whole graphs).
Servers disagree on what the default graph is, so `RemoteEndpoint` looks once and,
where the default graph is not the union of the named graphs (Oxigraph's default),
asks for that union explicitly, so that the named queries see what they see locally.

Each graph is replaced as a whole: its new triples go into a staging graph first and
one SPARQL Update `MOVE` puts them in place, a single request that transactional
servers (Oxigraph, Fuseki TDB2, GraphDB) apply all or nothing. Every request is safe
to repeat (PUT, set-semantics POST of ground triples, MOVE), which is what lets a
transient failure be retried and an interrupted push simply be run again.
"""

from __future__ import annotations

import hashlib
import http.client
import socket
import sys
import time
import urllib.error
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError
from graph_builder.graph.results import Results

GRAPH_NS = "https://w3id.org/blocgraph/graph/"
STAGING_NS = GRAPH_NS + "staging/"
TRANSIENT_STATUS = {502, 503, 504}
T = TypeVar("T")


class _Transient(Exception):
    """A failure worth another attempt; carries the line to show if attempts run out."""


def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _oserror_in(exc: BaseException) -> BaseException | None:
    """The socket-level cause buried under httpx or urllib wrappers, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, urllib.error.URLError) and isinstance(current.reason, BaseException):
            current = current.reason
            continue
        if isinstance(current, (socket.gaierror, ConnectionRefusedError, TimeoutError)):
            return current
        current = current.__cause__ or current.__context__
    return None


def _connection_fault(url: str, exc: BaseException, timeout: float) -> str | None:
    """A one-line explanation for a failure to reach the server, or None if not one."""
    cause = _oserror_in(exc)
    text = str(exc)
    host = urlsplit(url).hostname or url
    if (
        isinstance(cause, socket.gaierror)
        or "Name or service not known" in text
        or ("nodename nor servname" in text)
    ):
        return (
            f"{redact(url)}: host name '{host}' could not be resolved (DNS); "
            "check the host part of the URL"
        )
    if isinstance(cause, ConnectionRefusedError) or "Connection refused" in text:
        return (
            f"{redact(url)}: connection refused; is the triple store running and "
            "listening on that host and port?"
        )
    if isinstance(cause, TimeoutError) or isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        if isinstance(exc, httpx.ReadTimeout):
            timeout *= 10
        return (
            f"{redact(url)}: no answer within {timeout:g} s; the server may be busy "
            "or the URL unreachable (try a larger --timeout)"
        )
    return None


def _status_fault(url: str, status: int, body: str, *, has_credentials: bool) -> str:
    first = " ".join(body.split())[:160]
    detail = f" ({first})" if first else ""
    if status == 401:
        hint = (
            "the server refused the credentials given; check --user/--password or --token"
            if has_credentials
            else "the server wants credentials; give --user and --password, or --token"
        )
        return f"{redact(url)}: HTTP 401 unauthorized; {hint}"
    if status == 403:
        return (
            f"{redact(url)}: HTTP 403 forbidden; the account may not have the right "
            "to do this (writing needs write access to the dataset)"
        )
    if status == 404:
        return (
            f"{redact(url)}: HTTP 404 not found; check the endpoint path (Oxigraph: "
            "/query /update /store; Fuseki: /DATASET/sparql /DATASET/update /DATASET/data; "
            "GraphDB: /repositories/REPO and /repositories/REPO/statements)"
        )
    if status in TRANSIENT_STATUS:
        return (
            f"{redact(url)}: HTTP {status} from the server, still after retries; "
            f"try again later{detail}"
        )
    if status >= 500:
        return f"{redact(url)}: HTTP {status} server error; see the server's log{detail}"
    return f"{redact(url)}: HTTP {status}{detail}"


@dataclass
class RemoteEndpoint:
    """A SPARQL service: a query URL, and optionally update and graph store URLs.

    `union` says whether the server's default graph is the union of its named graphs:
    None finds out with one ASK on first use. Credentials stay in this object (its repr
    hides them) and only ever travel in the Authorization header.
    """

    query_url: str
    update_url: str | None = None
    graph_store_url: str | None = None
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    union: bool | None = None
    _dataset: dict[str, list[str]] | None = field(default=None, repr=False)
    _client: httpx.Client | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if (self.user is None) != (self.password is None):
            raise BlocgraphError("--user and --password go together; give both or neither")
        if self.token and self.user:
            raise BlocgraphError("give either --user/--password or --token, not both")
        for name, url in (
            ("--endpoint", self.query_url),
            ("--update-endpoint", self.update_url),
            ("--graph-store", self.graph_store_url),
        ):
            if url is not None and urlsplit(url).scheme not in ("http", "https"):
                raise BlocgraphError(f"{name} '{redact(url)}': not an http(s) URL")

    @property
    def has_credentials(self) -> bool:
        return bool(self.token or self.user)

    # -- retries -----------------------------------------------------------------
    def _retrying(self, url: str, attempt: Callable[[], T]) -> T:
        """Run `attempt`, again after a pause on transient failures, a bounded number of times."""
        for n in range(self.retries + 1):
            try:
                return attempt()
            except _Transient as exc:
                if n == self.retries:
                    raise BlocgraphError(str(exc), exit_code=1) from None
                time.sleep(self.backoff * 2**n)
        raise AssertionError("unreachable")

    # -- SPARQL query (SPARQLWrapper) ---------------------------------------------
    def select(self, sparql: str) -> Results:
        """Run a query remotely; the answer comes back as the same Results as locally."""
        return self._query(sparql, dataset=True)

    def _query(self, sparql: str, *, dataset: bool) -> Results:
        from SPARQLWrapper import BASIC, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        params = self._dataset_params() if dataset else {}
        wrapper = SPARQLWrapper(self.query_url)
        wrapper.setQuery(sparql)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setOnlyConneg(True)
        wrapper.setTimeout(int(max(1, self.timeout)))
        graph_result = wrapper.queryType in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_result else JSON)
        for uri in params.get("default-graph-uri", []):
            wrapper.addDefaultGraph(uri)
        for uri in params.get("named-graph-uri", []):
            wrapper.addNamedGraph(uri)
        if self.user is not None:
            wrapper.setHTTPAuth(BASIC)
            wrapper.setCredentials(self.user, self.password)
        if self.token:
            wrapper.addCustomHttpHeader("Authorization", f"Bearer {self.token}")

        def attempt() -> bytes:
            try:
                response = wrapper.query().response
                return response.read()
            except Exception as exc:  # noqa: BLE001 - turned into one line below
                raise self._query_fault(exc) from None

        raw = self._retrying(self.query_url, attempt)
        if graph_result:
            return Results(triples=list(ox.parse(raw, format=ox.RdfFormat.TURTLE)))
        try:
            solutions = ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise BlocgraphError(
                f"{redact(self.query_url)}: the answer is not SPARQL JSON results ({exc}); "
                "is this the query endpoint?",
                exit_code=1,
            ) from None
        return Results.from_oxigraph(solutions)

    def _query_fault(self, exc: Exception) -> Exception:
        from SPARQLWrapper.SPARQLExceptions import (
            EndPointInternalError,
            EndPointNotFound,
            QueryBadFormed,
            Unauthorized,
        )

        url = self.query_url
        if isinstance(exc, EndPointNotFound):
            return BlocgraphError(_status_fault(url, 404, "", has_credentials=False), exit_code=1)
        if isinstance(exc, Unauthorized):
            line = _status_fault(url, 401, "", has_credentials=self.has_credentials)
            return BlocgraphError(line, exit_code=1)
        if isinstance(exc, EndPointInternalError):
            return BlocgraphError(_status_fault(url, 500, "", has_credentials=False), exit_code=1)
        if isinstance(exc, QueryBadFormed):
            body = str(exc).split("Response:", 1)[-1]
            return BlocgraphError(
                f"{redact(url)}: the server rejected the query (HTTP 400): "
                + " ".join(body.split())[:200],
                exit_code=1,
            )
        if isinstance(exc, urllib.error.HTTPError):
            if exc.code in TRANSIENT_STATUS:
                return _Transient(_status_fault(url, exc.code, "", has_credentials=False))
            line = _status_fault(url, exc.code, "", has_credentials=self.has_credentials)
            return BlocgraphError(line, exit_code=1)
        if isinstance(exc, (ConnectionResetError, http.client.RemoteDisconnected)) or (
            isinstance(exc, urllib.error.URLError)
            and isinstance(exc.reason, (ConnectionResetError, http.client.RemoteDisconnected))
        ):
            return _Transient(
                f"{redact(url)}: the server closed the connection, still after "
                "retries; is it restarting or overloaded?"
            )
        line = _connection_fault(url, exc, self.timeout)
        if line is None:
            line = f"{redact(url)}: {type(exc).__name__}: {exc}"
        return BlocgraphError(line, exit_code=1)

    def _dataset_params(self) -> dict[str, list[str]]:
        """How to make the default graph the union of the named graphs on this server."""
        if self.union is True:
            return {}
        if self._dataset is not None:
            return self._dataset
        if self.union is None and self._query("ASK { ?s ?p ?o }", dataset=False).boolean:
            self._dataset = {}  # the default graph already holds the data
            return self._dataset
        # Oxigraph has a `union-default-graph` switch, but it would also show the
        # staging graphs of a push in progress; naming the graphs works everywhere.
        graphs = [g for g in self.named_graphs() if not g.startswith(STAGING_NS)]
        self._dataset = {"default-graph-uri": graphs, "named-graph-uri": graphs}
        return self._dataset

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph on the server."""
        results = self._query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            dataset=False,
        )
        return {row["g"]: int(row["n"]) for row in results.values()}

    def named_graphs(self) -> list[str]:
        results = self._query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", dataset=False)
        return sorted(row["g"] for row in results.values())

    # -- writing (httpx) -----------------------------------------------------------
    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            auth = (self.user, self.password) if self.user is not None else None
            headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
            # A server may take minutes to apply a large graph (Oxigraph needs about
            # 90 s to MOVE 200k triples on a small machine), so writes wait longer.
            timeout = httpx.Timeout(self.timeout, read=self.timeout * 10)
            self._client = httpx.Client(
                auth=auth, headers=headers, timeout=timeout, follow_redirects=True
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One write request, retried on resets and 502/503/504, faults as one line."""

        def attempt() -> httpx.Response:
            args = dict(kwargs)
            if callable(args.get("content")):
                args["content"] = args["content"]()  # a fresh stream for each attempt
            try:
                response = self.client.request(method, url, **args)
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:
                line = _connection_fault(url, exc, self.timeout)
                raise _Transient(
                    line
                    or f"{redact(url)}: the connection broke ({type(exc).__name__}), still "
                    "after retries; was the server stopped?"
                ) from None
            except httpx.HTTPError as exc:
                line = _connection_fault(url, exc, self.timeout)
                raise BlocgraphError(
                    line or f"{redact(url)}: {type(exc).__name__}: {exc}", exit_code=1
                ) from None
            if response.status_code in TRANSIENT_STATUS:
                raise _Transient(
                    _status_fault(url, response.status_code, response.text, has_credentials=False)
                )
            if response.status_code >= 400:
                if method == "DELETE" and response.status_code == 404:
                    return response
                line = _status_fault(
                    url, response.status_code, response.text, has_credentials=self.has_credentials
                )
                raise BlocgraphError(line, exit_code=1)
            return response

        return self._retrying(url, attempt)

    def update(self, sparql_update: str) -> None:
        if not self.update_url:
            raise BlocgraphError("this needs --update-endpoint URL (SPARQL 1.1 Update)")
        self._send(
            "POST",
            self.update_url,
            content=sparql_update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def _gsp(self, method: str, graph: str, body: Any = None) -> None:
        if not self.graph_store_url:
            raise BlocgraphError("this needs --graph-store URL (SPARQL 1.1 Graph Store Protocol)")
        kwargs: dict[str, Any] = {"params": {"graph": graph}}
        if body is not None:
            kwargs["content"] = body
            kwargs["headers"] = {"Content-Type": "application/n-triples"}
        self._send(method, self.graph_store_url, **kwargs)

    def put_graph(self, graph: str, ntriples: bytes | Callable[[], Iterable[bytes]]) -> None:
        self._gsp("PUT", graph, ntriples)

    def post_graph(self, graph: str, ntriples: bytes) -> None:
        self._gsp("POST", graph, ntriples)

    def delete_graph(self, graph: str) -> None:
        if self.graph_store_url:
            self._gsp("DELETE", graph)
        else:
            self.update(f"DROP SILENT GRAPH <{graph}>")


# -- push ----------------------------------------------------------------------------
@dataclass
class PushReport:
    mode: str
    graphs: list[tuple[str, int]]
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)


def staging_graph(graph: str) -> str:
    """Where a graph's new triples wait before one MOVE puts them in place.

    Derived from the target name, so a re-run after an interruption overwrites the
    leftover rather than piling up new ones, and the push's clean-up can spot it.
    """
    return STAGING_NS + hashlib.sha256(graph.encode("utf-8")).hexdigest()[:24]


def chunks(triples: Iterable[ox.Triple], size: int) -> list[list[ox.Triple]]:
    """Triples in batches of about `size`, every triple with a blank node in the first.

    Blank node labels only hold within one request, so a blank node's triples must
    travel together; putting them all in the first request (a PUT, or a DROP+INSERT)
    also leaves every later request free of blank nodes, hence safe to repeat.
    """
    with_blank: list[ox.Triple] = []
    ground: list[ox.Triple] = []
    for t in triples:
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            with_blank.append(t)
        else:
            ground.append(t)
    first_room = max(0, size - len(with_blank))
    out = [with_blank + ground[:first_room]]
    out += [ground[i : i + size] for i in range(first_room, len(ground), size)]
    return [c for c in out if c] or [[]]


def push(
    store: Any,
    endpoint: RemoteEndpoint,
    *,
    chunk_size: int = 50_000,
    dry_run: bool = False,
    progress: bool = False,
    prune: bool = True,
) -> PushReport:
    """Make the server's blocgraph graphs the local store's, one graph at a time.

    With an update endpoint every graph is staged and then moved into place in one
    update (old or new, never half). With only a graph store, each graph is one PUT,
    as atomic as the server makes PUT; graphs larger than one chunk then go as one
    streamed PUT rather than several requests, for the same reason.
    """
    if chunk_size < 1:
        raise BlocgraphError("--chunk-size must be at least 1")
    graphs = [(g, store.count(g)) for g in store.named_graphs()]
    if endpoint.update_url and endpoint.graph_store_url:
        mode = "graph store + update (staged, MOVE)"
    elif endpoint.update_url:
        mode = "update only (INSERT DATA, MOVE)"
    elif endpoint.graph_store_url:
        mode = "graph store only (PUT)"
    else:
        raise BlocgraphError(
            "push needs somewhere to write: --graph-store URL and/or --update-endpoint URL "
            f"(for Oxigraph server at {_origin(endpoint.query_url)}: --graph-store "
            f"{_origin(endpoint.query_url)}/store --update-endpoint "
            f"{_origin(endpoint.query_url)}/update)"
        )
    report = PushReport(mode=mode, graphs=graphs)
    if dry_run:
        return report
    start = time.perf_counter()
    bar = _bar(sum(n for _, n in graphs), progress)
    try:
        for graph, _ in graphs:
            triples = [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in store.db.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            ]
            _push_graph(endpoint, graph, triples, chunk_size, bar)
        if prune:
            local = {g for g, _ in graphs}
            for graph in endpoint.named_graphs():
                if graph.startswith(GRAPH_NS) and graph not in local:
                    endpoint.delete_graph(graph)
                    if not graph.startswith(STAGING_NS):
                        report.removed.append(graph)
    finally:
        bar.close()
    report.seconds = time.perf_counter() - start
    _verify(endpoint, graphs)
    return report


def _push_graph(
    endpoint: RemoteEndpoint, graph: str, triples: list[ox.Triple], size: int, bar: Any
) -> None:
    batches = chunks(triples, size)
    if endpoint.update_url:
        staging = staging_graph(graph)
        for i, batch in enumerate(batches):
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            if endpoint.graph_store_url:
                (endpoint.put_graph if i == 0 else endpoint.post_graph)(staging, body)
            else:
                insert = f"INSERT DATA {{ GRAPH <{staging}> {{\n{body.decode()}}} }}"
                if i == 0:
                    insert = f"DROP SILENT GRAPH <{staging}> ;\n" + insert
                endpoint.update(insert)
            bar.update(len(batch))
        endpoint.update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>")
        return

    def body() -> Iterable[bytes]:
        for batch in batches:
            yield ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            bar.update(len(batch))

    endpoint.put_graph(graph, b"".join(body()) if len(batches) == 1 else body)


def _verify(endpoint: RemoteEndpoint, graphs: list[tuple[str, int]]) -> None:
    """Read the counts back: a push that reports success must have landed."""
    remote = endpoint.graph_counts()
    wrong = [(g, n, remote.get(g, 0)) for g, n in graphs if remote.get(g, 0) != n]
    if wrong:
        g, n, m = wrong[0]
        raise BlocgraphError(
            f"{redact(endpoint.query_url)}: after the push graph <{g}> has {m} triples, "
            f"expected {n} ({len(wrong)} graph(s) differ); run the push again",
            exit_code=1,
        )


def _origin(url: str) -> str:
    parts = urlsplit(redact(url))
    return f"{parts.scheme}://{parts.netloc}"


def _bar(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="triple",
        unit_scale=True,
        file=sys.stderr,
        disable=not enabled,
        desc="push",
    )
