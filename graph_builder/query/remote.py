"""Remote triple stores: reach them, query them through SPARQLWrapper, write graphs there.

A remote store is reached through the three W3C SPARQL 1.1 protocols: Query (read),
Update (write by SPARQL text) and the Graph Store HTTP Protocol (write whole graphs).
Servers disagree on what the default graph is, so `RemoteEndpoint` looks once and,
where the default graph is not the union of the named graphs (Oxigraph's default),
asks for that union explicitly, so that the named queries see what they see locally
(the dataset rule is graph/store.py's `dataset_of`, the same as on the embedded store).
Transient failures are retried; every other fault becomes one line. Pushing a whole
store, one graph at a time, is query/push.py.
"""

from __future__ import annotations

import gzip
import http.client
import socket
import time
import urllib.error
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError, RemoteError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.results import Results
from graph_builder.graph.store import dataset_of

STAGING_NS = GRAPH_NS + "staging/"
# What push last sent (graph name -> content hash), kept on the server so that any
# machine pushing there knows what it holds; never part of what queries read.
MANIFEST_GRAPH = GRAPH_NS + "push/manifest"
PROBE_GRAPH = STAGING_NS + "probe"
TRANSIENT_STATUS = {502, 503, 504}
T = TypeVar("T")


class _Transient(Exception):
    """A failure worth another attempt; carries the line to show if attempts run out."""


def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]  # '[::1]:7878' stays as written
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def internal_graph(graph: str) -> bool:
    """Push's own graphs (staging, manifest), which queries never read."""
    return graph.startswith(STAGING_NS) or graph == MANIFEST_GRAPH


def _loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def _refused_body(exc: RemoteError) -> None:
    """Re-raise unless the server answered that it will not take this kind of body: an
    unreachable server, refused credentials or a wrong URL stop the push right there."""
    if getattr(exc, "status", None) in (None, 401, 403, 404):
        raise exc


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


def _body_text(exc: Exception) -> str:
    """The server's answer carried by a SPARQLWrapper error, as text (it keeps the bytes,
    and its message shows them as b'...')."""
    import ast

    shown = str(exc).split("Response:", 1)[-1].strip()
    try:
        body = ast.literal_eval(shown) if shown[:2] in ("b'", 'b"') else shown
    except (ValueError, SyntaxError):
        return shown
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)


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
    # What the graph store takes, found by `probe` (None: not asked yet).
    compress: bool | None = None
    dataset_post: bool | None = None
    server: str = ""  # the Server header of the last answer
    probing: bool = field(default=False, repr=False)
    _dataset: dict[str, list[str]] | None = field(default=None, repr=False)
    _client: httpx.Client | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._credentials_from_urls()
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

    def _credentials_from_urls(self) -> None:
        """`http://user:pass@host/...`: the credentials leave the URL (which is then never
        sent or printed with them) for the Authorization header, as --user/--password."""
        found: dict[str, tuple[str, str]] = {}
        for attr, name in (("query_url", "--endpoint"), ("update_url", "--update-endpoint"),
                           ("graph_store_url", "--graph-store")):
            url = getattr(self, attr)
            parts = urlsplit(url) if url else None
            if parts is None or "@" not in parts.netloc:
                continue
            if parts.password is None:
                raise BlocgraphError(f"{name} '{redact(url)}': a user name in the URL without "
                                     "a password; give user:password@ or --user and --password")
            found[name] = (unquote(parts.username or ""), unquote(parts.password))
            setattr(self, attr, redact(url))
        if not found:
            return
        if len(set(found.values())) > 1:
            raise BlocgraphError(f"{' and '.join(found)} carry different credentials in their "
                                 "URLs; give one --user and --password instead")
        user, password = next(iter(found.values()))
        if self.token:
            raise BlocgraphError(f"{next(iter(found))} carries a user and password and "
                                 "--token is given too; give one of them")
        if self.user is not None and (self.user, self.password) != (user, password):
            raise BlocgraphError(f"{next(iter(found))} carries a user and password other than "
                                 "--user/--password; give them once")
        self.user, self.password = user, password

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
                    raise RemoteError(str(exc)) from None
                time.sleep(self.backoff * 2**n)
        raise AssertionError("unreachable")

    # -- SPARQL query (SPARQLWrapper) ---------------------------------------------
    def select(self, sparql: str) -> Results:
        """Run a query remotely; the answer comes back as the same Results as locally."""
        return self._query(sparql, dataset=True)

    def _query(self, sparql: str, *, dataset: bool) -> Results:
        from SPARQLWrapper import BASIC, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        params = self._dataset_params(sparql) if dataset else {}
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
                self.server = response.info().get("Server", "") or self.server
                return response.read()
            except Exception as exc:  # noqa: BLE001 - turned into one line below
                raise self._query_fault(exc) from None

        raw = self._retrying(self.query_url, attempt)
        if graph_result:
            return Results(triples=list(ox.parse(raw, format=ox.RdfFormat.TURTLE)))
        try:
            solutions = ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise RemoteError(
                f"{redact(self.query_url)}: the answer is not SPARQL JSON results ({exc}); "
                "is this the query endpoint?") from None
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
            return RemoteError(_status_fault(url, 404, "", has_credentials=False))
        if isinstance(exc, Unauthorized):
            line = _status_fault(url, 401, "", has_credentials=self.has_credentials)
            return RemoteError(line)
        if isinstance(exc, EndPointInternalError):
            return RemoteError(_status_fault(url, 500, "", has_credentials=False))
        if isinstance(exc, QueryBadFormed):
            return RemoteError(
                f"{redact(url)}: the server rejected the query (HTTP 400): "
                + " ".join(_body_text(exc).split())[:200])
        if isinstance(exc, urllib.error.HTTPError):
            if exc.code in TRANSIENT_STATUS:
                return _Transient(_status_fault(url, exc.code, "", has_credentials=False))
            line = _status_fault(url, exc.code, "", has_credentials=self.has_credentials)
            return RemoteError(line)
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
        return RemoteError(line)

    def _dataset_params(self, sparql: str) -> dict[str, list[str]]:
        """The protocol parameters that give this server the dataset `dataset_of` says.

        A query with its own FROM / FROM NAMED gets none (the parameters would override
        it); otherwise the default graph must be the union of the named graphs.
        """
        if not dataset_of(sparql).union:
            return {}
        if self.union is True:
            return {}
        if self._dataset is not None:
            return self._dataset
        if self.union is None and self._query("ASK { ?s ?p ?o }", dataset=False).boolean:
            self._dataset = {}  # the default graph already holds the data
            return self._dataset
        # Oxigraph has a `union-default-graph` switch, but it would also show the
        # staging graphs of a push in progress; naming the graphs works everywhere.
        graphs = [g for g in self.named_graphs() if not internal_graph(g)]
        self._dataset = {"default-graph-uri": graphs, "named-graph-uri": graphs}
        return self._dataset

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph on the server (push's manifest graph left out)."""
        results = self._query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
            dataset=False,
        )
        return {row["g"]: int(row["n"]) for row in results.values() if row["g"] != MANIFEST_GRAPH}

    def named_graphs(self) -> list[str]:
        results = self._query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", dataset=False)
        graphs = [row["g"] for row in results.values() if "g" in row]
        if not graphs:
            # Virtuoso binds no graph to an empty pattern; asking for triples works
            # everywhere (and costs a scan only where the cheap form found nothing), and
            # grouped it runs in seconds on Virtuoso where DISTINCT takes minutes.
            results = self._query(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                dataset=False)
            graphs = [row["g"] for row in results.values() if "g" in row]
        return sorted(graphs)

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
                self.server = response.headers.get("server", self.server)
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:
                line = _connection_fault(url, exc, self.timeout)
                raise _Transient(
                    line
                    or f"{redact(url)}: the connection broke ({type(exc).__name__}), still "
                    "after retries; was the server stopped?"
                ) from None
            except httpx.HTTPError as exc:
                line = _connection_fault(url, exc, self.timeout)
                raise RemoteError(
                    line or f"{redact(url)}: {type(exc).__name__}: {exc}") from None
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
                error = RemoteError(line)
                error.status = response.status_code  # type: ignore[attr-defined]
                raise error
            return response

        return self._retrying(url, attempt)

    @property
    def update_limit(self) -> int | None:
        """Triples one update request may carry, where the server has a limit: Virtuoso's
        SPARQL compiler gives up near 5,000 ("memory exhausted")."""
        return 4_000 if self.virtuoso else None

    @property
    def virtuoso(self) -> bool:
        return "virtuoso" in self.server.lower()

    def update(self, sparql_update: str) -> None:
        if not self.update_url:
            raise BlocgraphError("this needs --update-endpoint URL (SPARQL 1.1 Update)")
        if self.virtuoso:
            # else Virtuoso compiles data into SQL text, and stops at 10,000 lines of it
            sparql_update = "DEFINE sql:big-data-const 1\n" + sparql_update
        self._send(
            "POST",
            self.update_url,
            content=sparql_update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )

    def _gsp(
        self,
        method: str,
        graph: str | None,
        body: Any = None,
        content_type: str = "application/n-triples",
    ) -> int:
        """One Graph Store request; the body gzipped where the server takes it.

        Bodies go whole, with a Content-Length: Virtuoso answers 201 to a chunked
        request and drops its body. Returns the bytes sent.
        """
        if not self.graph_store_url:
            raise BlocgraphError("this needs --graph-store URL (SPARQL 1.1 Graph Store Protocol)")
        kwargs: dict[str, Any] = {"params": {"graph": graph} if graph is not None else {}}
        if body is not None:
            if callable(body):
                body = b"".join(body())
            headers = {"Content-Type": content_type}
            if self.compress and (self.probing or not _loopback(self.graph_store_url)):
                # over loopback there is no network to spare, only two CPUs to spend
                body = gzip.compress(body, compresslevel=1)
                headers["Content-Encoding"] = "gzip"
            kwargs["content"] = body
            kwargs["headers"] = headers
        self._send(method, self.graph_store_url, **kwargs)
        return len(body) if body is not None else 0

    def put_graph(self, graph: str, ntriples: bytes | Callable[[], Iterable[bytes]]) -> int:
        return self._gsp("PUT", graph, ntriples)

    def post_graph(self, graph: str, ntriples: bytes) -> int:
        return self._gsp("POST", graph, ntriples)

    def post_dataset(self, nquads: bytes) -> int:
        """N-Quads into their own graphs in one request (Oxigraph, Fuseki; see `probe`)."""
        return self._gsp("POST", None, nquads, "application/n-quads")

    def get_graph(self, graph: str) -> bytes:
        """A graph's triples as the server holds them, as N-Triples."""
        if not self.graph_store_url:
            raise BlocgraphError("this needs --graph-store URL (SPARQL 1.1 Graph Store Protocol)")
        response = self._send("GET", self.graph_store_url, params={"graph": graph},
                              headers={"Accept": "application/n-triples"})  # fmt: skip
        return response.content

    def probe(self) -> None:
        """Find out, with two one-triple requests, whether the graph store takes a gzipped
        body and N-Quads for several graphs in one POST. Servers that take neither answer
        with an error or ignore the body (Virtuoso shows its upload form), so what landed is
        read back rather than trusted."""
        if self.compress is not None and self.dataset_post is not None:
            return
        triple = b'<urn:blocgraph:probe> <urn:blocgraph:probe> "%s" .\n'
        if self.compress is None:
            self.compress = self.probing = True
            try:
                self._gsp("POST", PROBE_GRAPH, triple % b"gzip")
            except RemoteError as exc:
                _refused_body(exc)
                self.compress = False
            finally:
                self.probing = False
        if self.dataset_post is None:
            quad = triple[:-3] + f" <{PROBE_GRAPH}> .\n".encode()
            try:
                self._gsp("POST", None, quad % b"nquads", "application/n-quads")
            except RemoteError as exc:
                _refused_body(exc)
        found = {row["o"] for row in self._query(
            f"SELECT ?o WHERE {{ GRAPH <{PROBE_GRAPH}> {{ ?s ?p ?o }} }}", dataset=False
        ).values()}  # fmt: skip
        self.compress = self.compress and "gzip" in found
        if self.dataset_post is None:
            self.dataset_post = "nquads" in found
        if found:
            self.delete_graph(PROBE_GRAPH)

    def delete_graph(self, graph: str) -> None:
        if self.graph_store_url:
            self._gsp("DELETE", graph)
        else:
            self.update(f"DROP SILENT GRAPH <{graph}>")


def __getattr__(name: str) -> Any:
    """The push names this module had before push.py split off, for old callers."""
    if name in ("PushReport", "chunks", "push", "staging_graph"):
        from graph_builder.query import push

        return getattr(push, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
