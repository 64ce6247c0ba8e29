"""ASGI middleware: security headers on every response, a cap on ingest request bodies,
a same-origin rule for requests that change the ledger, and a check of the Host a request
names (no DNS rebinding)."""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..ingest.base import size_words
from .errors import error_body

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class SecurityHeaders:
    """Adds a restrictive Content-Security-Policy and friends to every HTTP response, and
    refuses (403) a state-changing request sent from another origin (a cross-site form)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers.setdefault(key, value)
            await send(message)

        if scope["method"] in UNSAFE_METHODS and _cross_origin(Headers(scope=scope)):
            response = JSONResponse(
                error_body(403, "cross-origin request refused"), status_code=403
            )
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _cross_origin(headers: Headers) -> bool:
    """Whether the browser says the request comes from a page of another origin.

    Sec-Fetch-Site, which pages cannot forge, decides when the browser sends it: a form posted
    from one of our own pages says "same-origin" (or "none" when typed by the user) even though
    its Origin is "null" under our no-referrer policy. Older clients fall back to Origin.
    """
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = headers.get("origin")
    if not origin or origin == "null":
        return origin == "null"
    host = headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") != host


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes on ``paths`` with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int, paths: tuple[str, ...]) -> None:
        self.app = app
        self.limit = limit
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.paths):
            await self.app(scope, receive, send)
            return
        message = f"request body larger than the {size_words(self.limit)} cap"
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            if scope["path"].startswith("/api"):
                response: JSONResponse | PlainTextResponse = JSONResponse(
                    error_body(413, message), status_code=413
                )
            else:
                response = PlainTextResponse(message, status_code=413)
            await response(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, message)
            return msg

        await self.app(scope, counting_receive, send)


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lower case ("[::1]:8000" -> "::1")."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostCheck:
    """Refuses (421) a request whose Host header is not one of ``allowed``: a page on another
    site whose name is rebound to this machine's address names its own host, so it cannot
    read or write the ledger through the browser of the user running the app."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(h) for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = host_name(Headers(scope=scope).get("host", ""))
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        message = "this server answers only to the host names it was started for"
        if scope.get("path", "").startswith("/api"):
            response: JSONResponse | PlainTextResponse = JSONResponse(
                error_body(421, message), status_code=421)
        else:
            response = PlainTextResponse(message, status_code=421)
        await response(scope, receive, send)

