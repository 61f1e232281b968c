"""Remote triple stores: reach them, query them through SPARQLWrapper, write graphs there.

A remote store is reached through the three W3C SPARQL 1.1 protocols: Query (read),
Update (write by SPARQL text) and the Graph Store HTTP Protocol (write whole graphs).
Servers disagree on what the default graph is, so `RemoteEndpoint` looks once and,
where the default graph is not the union of the named graphs (Oxigraph's default),
asks for that union explicitly, so that the named queries see what they see locally
(the dataset rule is graph/store.py's `dataset_of`, the same as on the embedded store).
Transient failures are retried; every other fault becomes one line (query/faults.py).
Credentials and the Basic or Digest answer to a server's challenge are query/auth.py;
pushing a whole store, graph by graph, is query/push.py.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from graph_builder.core.errors import BlocgraphError, RemoteError
from graph_builder.core.vocab import GRAPH as GRAPH_NS
from graph_builder.graph.results import Results
from graph_builder.graph.sparql_text import tokens
from graph_builder.graph.store import dataset_of
from graph_builder.query.auth import BasicOrDigest, check_credentials, credentials_in_urls
from graph_builder.query.faults import (
    TRANSIENT_STATUS,
    Transient,
    body_text,
    connection_fault,
    query_fault,
    redact,
    refused_body,
    status_fault,
)

STAGING_NS = GRAPH_NS + "staging/"
# What push last sent (graph name -> content hash), kept on the server so that any
# machine pushing there knows what it holds; never part of what queries read.
MANIFEST_GRAPH = GRAPH_NS + "push/manifest"
PROBE_GRAPH = STAGING_NS + "probe"
T = TypeVar("T")


def internal_graph(graph: str) -> bool:
    """Push's own graphs (staging, manifest), which queries never read."""
    return graph.startswith(STAGING_NS) or graph == MANIFEST_GRAPH


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read from the tokens (comments, strings and IRIs
    left out): SPARQLWrapper's own guess reads comments, and took a query whose comment
    said that a server "drops" a language tag for a DROP, sending it as an update."""
    for token in tokens(sparql):
        if token.keyword in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return token.keyword
    return "SELECT"


def _loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


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
    _auth: BasicOrDigest | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        urls, from_url, option = credentials_in_urls({"--endpoint": self.query_url,
                                                      "--update-endpoint": self.update_url,
                                                      "--graph-store": self.graph_store_url})
        self.query_url = urls["--endpoint"] or ""
        self.update_url, self.graph_store_url = urls["--update-endpoint"], urls["--graph-store"]
        self.user, self.password = check_credentials(self.user, self.password, self.token,
                                                     from_url, option)
        for name, url in urls.items():
            if url is not None and urlsplit(url).scheme not in ("http", "https"):
                raise BlocgraphError(f"{name} '{redact(url)}': not an http(s) URL")
        if self.user is not None:
            self._auth = BasicOrDigest(self.user, self.password or "")

    @property
    def has_credentials(self) -> bool:
        return bool(self.token or self.user)

    # -- retries -----------------------------------------------------------------
    def _retrying(self, url: str, attempt: Callable[[], T]) -> T:
        """Run `attempt`, again after a pause on transient failures, a bounded number of times."""
        for n in range(self.retries + 1):
            try:
                return attempt()
            except Transient as exc:
                if n == self.retries:
                    raise RemoteError(str(exc)) from None
                time.sleep(self.backoff * 2**n)
        raise AssertionError("unreachable")

    # -- SPARQL query (SPARQLWrapper) ---------------------------------------------
    def select(self, sparql: str) -> Results:
        """Run a query remotely; the answer comes back as the same Results as locally."""
        return self._query(sparql, dataset=True)

    def _query(self, sparql: str, *, dataset: bool) -> Results:
        from SPARQLWrapper import JSON, POST, TURTLE, URLENCODED, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import Unauthorized

        params = self._dataset_params(sparql) if dataset else {}

        def wrapper() -> SPARQLWrapper:
            w = SPARQLWrapper(self.query_url)
            w.setQuery(sparql)
            w.queryType = form
            w.setMethod(POST)
            w.setRequestMethod(URLENCODED)
            w.setOnlyConneg(True)
            w.setTimeout(int(max(1, self.timeout)))
            w.setReturnFormat(TURTLE if graph_result else JSON)
            for uri in params.get("default-graph-uri", []):
                w.addDefaultGraph(uri)
            for uri in params.get("named-graph-uri", []):
                w.addNamedGraph(uri)
            if self._auth is not None:
                w.setHTTPAuth(self._auth.scheme.upper())  # BASIC or DIGEST
                w.setCredentials(self.user, self.password, realm=self._auth.realm or "SPARQL")
            if self.token:
                w.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
            return w

        form = query_form(sparql)
        graph_result = form in ("CONSTRUCT", "DESCRIBE")

        def attempt() -> bytes:
            for _ in range(2):  # again in Digest when the server's 401 asks for it
                try:
                    response = wrapper().query().response
                    self.server = response.info().get("Server", "") or self.server
                    return response.read()
                except Unauthorized as exc:
                    challenge = getattr(exc.__context__, "headers", {}).get("WWW-Authenticate")
                    if self._auth is None or self._auth.scheme == "digest" or not (
                            self._auth.learn(challenge) or self._learn_scheme()):
                        raise self._query_fault(exc) from None
                except Exception as exc:  # noqa: BLE001 - turned into one line below
                    raise self._query_fault(exc) from None
            raise AssertionError("unreachable: learn() switches to Digest once")

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

    def _learn_scheme(self) -> bool:
        """After a bare 401 to Basic (Virtuoso's answer), one request through the write
        client's auth finds out whether the query URL wants Digest; True if it does."""
        try:
            self.client.post(self.query_url, data={"query": "ASK {}"})
        except httpx.HTTPError:
            return False
        return self._auth is not None and self._auth.scheme == "digest"

    def _query_fault(self, exc: Exception) -> Exception:
        return query_fault(self.query_url, exc, self.timeout, self.has_credentials)

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
            headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
            # A server may take minutes to apply a large graph (Oxigraph needs about
            # 90 s to MOVE 200k triples on a small machine), so writes wait longer.
            timeout = httpx.Timeout(self.timeout, read=self.timeout * 10)
            self._client = httpx.Client(
                auth=self._auth, headers=headers, timeout=timeout, follow_redirects=True
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
                line = connection_fault(url, exc, self.timeout)
                raise Transient(
                    line
                    or f"{redact(url)}: the connection broke ({type(exc).__name__}), still "
                    "after retries; was the server stopped?"
                ) from None
            except httpx.HTTPError as exc:
                line = connection_fault(url, exc, self.timeout)
                raise RemoteError(
                    line or f"{redact(url)}: {type(exc).__name__}: {exc}") from None
            if response.status_code in TRANSIENT_STATUS:
                raise Transient(
                    status_fault(url, response.status_code, response.text, has_credentials=False)
                )
            if response.status_code >= 400:
                if method == "DELETE" and response.status_code == 404:
                    return response
                line = status_fault(
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

        def send(text: str) -> None:
            self._send("POST", self.update_url or "", content=text.encode("utf-8"),
                       headers={"Content-Type": "application/sparql-update; charset=utf-8"})

        if not self.virtuoso:
            send(sparql_update)
            return
        try:
            # else Virtuoso compiles data into SQL text, and stops at 10,000 lines of it
            send("DEFINE sql:big-data-const 1\n" + sparql_update)
        except RemoteError as exc:
            # Virtuoso's answer when an account may not write a graph of the update: sent
            # as it is, the same update is refused with the reason (SR619, no permission)
            if getattr(exc, "status", None) != 400 or "SP031" not in str(exc):
                raise
            send(sparql_update)

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
                refused_body(exc)
                self.compress = False
            finally:
                self.probing = False
        if self.dataset_post is None:
            quad = triple[:-3] + f" <{PROBE_GRAPH}> .\n".encode()
            try:
                self._gsp("POST", None, quad % b"nquads", "application/n-quads")
            except RemoteError as exc:
                refused_body(exc)
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


# the name this module gave the helper before query/faults.py took it, for old callers
_body_text = body_text
