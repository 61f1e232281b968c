"""The service's transport layer: what every request and response passes through.

The head of a request (request line and headers) is capped and must arrive within the client
deadline; the Host header must name the address the server is bound to (a page elsewhere
cannot reach a loopback server through DNS rebinding); every response carries the security
headers. Kept apart from the routes in serve/app.py, as Starlette keeps middleware apart
from the application.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

from starlette.responses import PlainTextResponse, Response

from graph_builder.serve import workbench as serve_workbench


def plain_text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error or notice as one line of text (every plain answer of the service)."""
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)

# The request head (request line and headers) a client may send: past it, 431 and the
# connection closed, whether the head arrives whole or a byte at a time. A query longer
# than this goes in a POST body, capped by --max-body.
MAX_HEAD = 16_384


def security_headers() -> dict[str, str]:
    """Sent with every response. Scripts, styles and images come from this server only and
    never inline (no 'unsafe-inline' or 'unsafe-eval' anywhere), requests go to this
    server only, and no other site may frame a page. The one exception is the fixed style
    sheet YASGUI's table plugin writes into a <style> element, allowed by its hash
    (serve/workbench.py reads it from the built bundle)."""
    styles = " ".join(f"'{h}'" for h in serve_workbench.bundle_style_hashes())
    return {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; "
            f"style-src 'self'{' ' + styles if styles else ''}; img-src 'self' data: blob:; "
            "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }



class Guarded:
    """ASGI middleware: the Host check, then the security headers on every response."""

    def __init__(self, app: Any, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed_hosts is None else {
            h.lower().strip("[]") for h in allowed_hosts}
        self.headers = [(k.lower().encode(), v.encode())
                        for k, v in security_headers().items()]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None and "*" not in self.allowed:
            host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"),
                        None)
            name = _host_name(host) if host is not None else None
            if host is not None and name not in self.allowed:
                shown = host if host.isprintable() and len(host) < 200 else repr(host[:200])
                response = plain_text(421, f"Host {shown}: this server answers to "
                                      f"{', '.join(sorted(self.allowed))} only (start it "
                                      "with --allow-host NAME to answer another name)")
                await self._send_guarded(response, scope, receive, send)
                return
        await self._send_guarded(self.app, scope, receive, send)

    async def _send_guarded(self, app: Any, scope: dict[str, Any], receive: Any,
                            send: Any) -> None:
        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in have]
            await send(message)

        await app(scope, receive, with_headers)


def _host_name(host: str) -> str:
    """The name of a Host header, without its port: 'a.b:7700' -> 'a.b', '[::1]:80' -> '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def bound_names(host: str) -> set[str]:
    """The names a client reaching HOST may put in its Host header: HOST itself, the
    loopback names for a loopback address, and this machine's names and addresses for a
    wildcard address (0.0.0.0, ::)."""
    names = {host.lower().strip("[]")}
    if is_loopback(host):
        names |= {"localhost", "127.0.0.1", "::1"}
    if host in ("0.0.0.0", "::", ""):
        names |= {"localhost", "127.0.0.1", "::1", socket.gethostname().lower(),
                  socket.getfqdn().lower()}
        try:
            names |= {str(info[4][0]).lower() for info in
                      socket.getaddrinfo(socket.gethostname(), None)}
        except OSError:
            pass
    return names


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback
                       for info in socket.getaddrinfo(host, None))
        except OSError:
            return False


def head_deadline_protocol(client_timeout: float) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with a deadline on each request line and header block.

    h11 waits for ever for the end of a request head, and uvicorn's keep-alive timer is
    reset by every byte, so a client that connects and trickles a byte now and then
    (slowloris) holds its connection indefinitely; enough of them exhaust the process's
    sockets. Here the head must be complete `client_timeout` seconds after the
    connection opens or the previous response ends, or the connection is closed (with
    a 408 if part of a request came). The same deadline ends the discarding of a body
    the application answered without reading (a 413), and the body itself has its own
    deadline in the application (`_body`). The server uses this protocol whether or not
    httptools is installed, so the deadline always holds.
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    message = f"the request head did not arrive within {client_timeout:g} s\n".encode()
    big = (f"the request head (request line and headers) is larger than {MAX_HEAD} bytes; "
           "send a long query in a POST body\n").encode()
    too_big = (b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
               b"content-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
               b"content-length: %d\r\n\r\n%s" % (len(big), big))
    too_late = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
                b"connection: close\r\ncontent-length: %d\r\n\r\n%s" % (len(message), message))

    class HeadDeadline(H11Protocol):
        _timer: asyncio.TimerHandle | None = None
        _waiting_after: object = None  # the request of the clock's start; a new one: head read

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            if self.conn.their_state is h11.IDLE and self._head_too_large(data):
                return
            super().data_received(data)
            if self._timer is not None and self.cycle is not self._waiting_after:
                self._disarm()  # a new request head was read in full

        def _head_too_large(self, data: bytes) -> bool:
            """True (and the connection answered 431 and closed) when the request head
            waiting in the buffer plus DATA passes MAX_HEAD, complete or not: h11's own
            limit holds only for a head still incomplete, so a long head sent in one
            piece would be read whole."""
            buffered = bytes(self.conn.trailing_data[0]) + data
            ends = [i for i in (buffered.find(b"\r\n\r\n"), buffered.find(b"\n\n"))
                    if i >= 0]
            size = min(ends) + 2 if ends else len(buffered)
            if size <= MAX_HEAD:
                return False
            self._disarm()
            if not self.transport.is_closing():
                self.transport.write(too_big)
                self.transport.close()
            return True

        def on_response_complete(self) -> None:
            finished = self.cycle
            if not self.transport.is_closing() and self._head_too_large(b""):
                return  # a pipelined request past the limit
            super().on_response_complete()
            if self.cycle is finished and not self.transport.is_closing():
                self._arm()  # no pipelined request was waiting: the next one is on a clock

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._disarm()
            self._waiting_after = self.cycle
            self._timer = self.loop.call_later(client_timeout, self._expired)

        def _disarm(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _expired(self) -> None:
            self._timer = None
            if self.transport.is_closing():
                return
            if self.conn.their_state is h11.IDLE and self.conn.trailing_data[0]:
                self.transport.write(too_late)
            self.transport.close()

    return HeadDeadline
