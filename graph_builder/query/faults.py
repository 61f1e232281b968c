"""What goes wrong between blocgraph and a remote store, as one line a user can act on.

A failure to reach the server (DNS, refused, timeout), an HTTP status (401, 403, 404, 5xx)
or a broken connection each becomes one line naming the URL, never the credentials, and
what to try. Transient ones (resets, 502/503/504) are marked for another attempt. Used by
query/remote.py for its queries and writes.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
from urllib.parse import urlsplit, urlunsplit

import httpx

from graph_builder.core.errors import RemoteError

TRANSIENT_STATUS = {502, 503, 504}


class Transient(Exception):
    """A failure worth another attempt; carries the line to show if attempts run out."""


def redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]  # '[::1]:7878' stays as written
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def refused_body(exc: RemoteError) -> None:
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


def connection_fault(url: str, exc: BaseException, timeout: float) -> str | None:
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


def body_text(exc: Exception) -> str:
    """The server's answer carried by a SPARQLWrapper error, as text (it keeps the bytes,
    and its message shows them as b'...')."""
    import ast

    shown = str(exc).split("Response:", 1)[-1].strip()
    try:
        body = ast.literal_eval(shown) if shown[:2] in ("b'", 'b"') else shown
    except (ValueError, SyntaxError):
        return shown
    return body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)


def status_fault(url: str, status: int, body: str, *, has_credentials: bool) -> str:
    """The line for an HTTP error status, with the start of the server's own text."""
    first = " ".join(body.split())[:240]  # room for a graph name after the reason
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


def query_fault(url: str, exc: Exception, timeout: float, has_credentials: bool) -> Exception:
    """The error to raise for a failed SPARQLWrapper query: one line, or Transient."""
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
    )

    if isinstance(exc, EndPointNotFound):
        return RemoteError(status_fault(url, 404, "", has_credentials=False))
    if isinstance(exc, Unauthorized):
        line = status_fault(url, 401, "", has_credentials=has_credentials)
        return RemoteError(line)
    if isinstance(exc, EndPointInternalError):
        return RemoteError(status_fault(url, 500, "", has_credentials=False))
    if isinstance(exc, QueryBadFormed):
        return RemoteError(
            f"{redact(url)}: the server rejected the query (HTTP 400): "
            + " ".join(body_text(exc).split())[:200])
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in TRANSIENT_STATUS:
            return Transient(status_fault(url, exc.code, "", has_credentials=False))
        line = status_fault(url, exc.code, "", has_credentials=has_credentials)
        return RemoteError(line)
    if isinstance(exc, (ConnectionResetError, http.client.RemoteDisconnected)) or (
        isinstance(exc, urllib.error.URLError)
        and isinstance(exc.reason, (ConnectionResetError, http.client.RemoteDisconnected))
    ):
        return Transient(
            f"{redact(url)}: the server closed the connection, still after "
            "retries; is it restarting or overloaded?"
        )
    line = connection_fault(url, exc, timeout)
    if line is None:
        line = f"{redact(url)}: {type(exc).__name__}: {exc}"
    return RemoteError(line)
