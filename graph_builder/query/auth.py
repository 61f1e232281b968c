"""Credentials for a remote store: where they come from, and how they are answered.

They come from --user/--password, --token or a `user:password@` part of an endpoint URL
(which then leaves the URL, so it is never printed or sent in it). They travel only in
the Authorization header: HTTP Basic first, and HTTP Digest from the moment a server
answers 401 with a Digest challenge (Virtuoso's /sparql-auth and /sparql-graph-crud-auth
do), or a Bearer token. query/remote.py uses the same choice for queries (SPARQLWrapper)
and writes (httpx).
"""

from __future__ import annotations

import re
from collections.abc import Generator
from urllib.parse import unquote, urlsplit

import httpx

from graph_builder.core.errors import BlocgraphError
from graph_builder.query.faults import redact

_REALM = re.compile(r'realm="([^"]*)"', re.IGNORECASE)


def digest_realm(challenge: str | None) -> str | None:
    """The realm of a Digest challenge (a WWW-Authenticate value), None if not Digest."""
    if not challenge or not challenge.lstrip().lower().startswith("digest"):
        return None
    found = _REALM.search(challenge)
    return found.group(1) if found else ""


def credentials_in_urls(
    urls: dict[str, str | None],
) -> tuple[dict[str, str | None], tuple[str, str] | None, str]:
    """The URLs (by option name) without user:password@, the one pair they carried, and
    the first option that carried it (for messages).

    Refuses a user without a password and URLs carrying different pairs: which one was
    meant cannot be guessed."""
    found: dict[str, tuple[str, str]] = {}
    clean = dict(urls)
    for name, url in urls.items():
        parts = urlsplit(url) if url else None
        if parts is None or "@" not in parts.netloc:
            continue
        if parts.password is None:
            raise BlocgraphError(f"{name} '{redact(url or '')}': a user name in the URL without "
                                 "a password; give user:password@ or --user and --password")
        found[name] = (unquote(parts.username or ""), unquote(parts.password))
        clean[name] = redact(url or "")
    if not found:
        return clean, None, ""
    if len(set(found.values())) > 1:
        raise BlocgraphError(f"{' and '.join(found)} carry different credentials in their "
                             "URLs; give one --user and --password instead")
    return clean, next(iter(found.values())), next(iter(found))


def check_credentials(user: str | None, password: str | None, token: str | None,
                      from_url: tuple[str, str] | None, url_option: str) -> tuple[str | None,
                                                                                  str | None]:
    """The user and password to use, or an error when the ways of giving them clash."""
    if from_url is not None:
        if token:
            raise BlocgraphError(f"{url_option} carries a user and password and --token is "
                                 "given too; give one of them")
        if user is not None and (user, password) != from_url:
            raise BlocgraphError(f"{url_option} carries a user and password other than "
                                 "--user/--password; give them once")
        user, password = from_url
    if (user is None) != (password is None):
        raise BlocgraphError("--user and --password go together; give both or neither")
    if token and user:
        raise BlocgraphError("give either --user/--password or --token, not both")
    return user, password


class BasicOrDigest(httpx.Auth):
    """HTTP Basic, until the server answers 401 asking for Digest: from then on Digest (the
    challenge answered at once, then reused with a fresh count per request).

    Virtuoso answers a Basic login with a bare 401, no challenge; the request then goes
    once more without credentials, to be told the scheme. `scheme` and `realm` are read by
    the query side too, so one endpoint answers one way."""

    requires_request_body = True  # a request answered by a challenge is sent again

    def __init__(self, user: str, password: str) -> None:
        self.basic = httpx.BasicAuth(user, password)
        self.digest = httpx.DigestAuth(user, password)
        self.scheme = "basic"
        self.realm = ""

    def learn(self, challenge: str | None) -> bool:
        """Switch to Digest when `challenge` asks for it; True if that is a change."""
        realm = digest_realm(challenge)
        if realm is None or self.scheme == "digest":
            return False
        self.scheme, self.realm = "digest", realm
        return True

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.scheme == "digest":
            yield from self.digest.auth_flow(request)
            return
        response = yield next(self.basic.auth_flow(request))
        if response.status_code != 401:
            return
        del request.headers["Authorization"]
        if not response.headers.get("www-authenticate"):
            response = yield request  # no challenge: ask for one
        if response.status_code != 401 or not self.learn(response.headers.get("www-authenticate")):
            return
        flow = self.digest.auth_flow(request)
        next(flow)  # the request as it is: no challenge known yet
        response = yield flow.send(response)  # the challenge answered
        try:
            flow.send(response)
        except StopIteration:
            pass
