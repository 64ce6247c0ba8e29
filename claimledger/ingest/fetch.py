"""Fetching URLs: one ``Fetcher`` interface, and ``HttpxFetcher`` that guards every hop.

``HttpxFetcher`` follows redirects itself so each hop is checked: the scheme is http(s), the
host resolves only to public addresses (unless ``allow_private`` or a trusted host), the body
stays under the size cap, and the whole fetch under its time limit. Failures raise FetchError
naming the URL and the reason in plain words.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpcore
import httpx

from claimledger.errors import FetchError
from claimledger.ingest.base import IngestSettings, too_large

DEADLINE_SLACK = 0.05  # seconds: a socket timeout this near the deadline is the deadline's
READ_CHUNK = 64 * 1024  # bytes per read of a response body: small enough to stop near the cap
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})  # statuses whose Location is followed
ALLOWED_SCHEMES = frozenset({"http", "https"})  # file:, ftp: and the like never reach the net

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class FetchResult:
    """A fetched body and what the server said about it."""

    url: str  # the final URL, after redirects
    body: bytes
    status: int = 200
    content_type: str | None = None  # media type, lower case, without parameters
    charset: str | None = None  # the charset parameter of Content-Type, if any


class Fetcher(Protocol):
    """Anything that turns a URL into its body, raising FetchError when it cannot."""

    def fetch(self, url: str) -> FetchResult:
        """The body at ``url`` after redirects; raises FetchError."""
        ...


def classify_address(address: str) -> str | None:
    """None for a public address; else what it is: loopback, private, link-local, multicast..."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-public"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``; raises OSError when none."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class _GuardedStream(httpcore.NetworkStream):
    """A socket whose every read and write is bounded by the fetch's deadline, so the total
    timeout holds over connect, headers and body alike (a server trickling a byte a second
    cannot hold a fetch past it)."""

    def __init__(self, inner: httpcore.NetworkStream, guard: _Guard) -> None:
        self._inner = inner
        self._guard = guard

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._guard.bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._guard.bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._guard.bounded(timeout))
        return _GuardedStream(inner, self._guard)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Guard(httpcore.NetworkBackend):
    """The network under one fetch: a deadline over every socket operation, and the address a
    socket connected to checked before a byte of the request is sent (a resolver that answers
    differently the second time, DNS rebinding, never gets a request to a private server)."""

    def __init__(self, fetcher: HttpxFetcher, url: str, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._fetcher = fetcher
        self._url = url
        self._deadline = deadline

    def bounded(self, timeout: float | None) -> float:
        """``timeout`` cut to the time left before the deadline; raises when none is left."""
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise FetchError(self._url, self._fetcher._overtime())
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, self.bounded(timeout), local_address, socket_options
        )
        if not self._fetcher._trusted(host, port):
            peer = stream.get_extra_info("server_addr")
            kind = classify_address(str(peer[0]).split("%")[0]) if peer else None
            if kind is not None:
                stream.close()
                raise FetchError(self._url, f"refused: connected to a {kind} address ({peer[0]})")
        return _GuardedStream(stream, self)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        raise FetchError(self._url, "refused: Unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class HttpxFetcher:
    """The real fetcher: httpx with per-hop address checks, a size cap and time limits."""

    def __init__(
        self,
        settings: IngestSettings | None = None,
        *,
        resolver: Resolver = system_resolver,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings or IngestSettings()
        self._resolver = resolver
        self._transport = transport

    def check_target(self, url: httpx.URL, original: str) -> None:
        """Raise FetchError unless ``url`` is http(s) and its host is allowed by the settings."""
        if url.scheme not in ALLOWED_SCHEMES:
            raise FetchError(original, f"unsupported URL scheme {url.scheme!r} at {url}")
        host = url.raw_host.decode("ascii")
        if not host:
            raise FetchError(original, f"no host in the URL {url}")
        port = url.port or (443 if url.scheme == "https" else 80)
        if self._trusted(host, port):
            return
        if _is_ip_literal(host):
            addresses = [host]
        else:
            try:
                addresses = self._resolver(host, port)
            except OSError:
                raise FetchError(original, f"could not resolve the host {host}") from None
            if not addresses:
                raise FetchError(original, f"could not resolve the host {host}")
        for address in addresses:
            kind = classify_address(address)
            if kind is not None:
                raise FetchError(
                    original, f"refused: {host} is a {kind} address ({address}), not public"
                )

    def _trusted(self, host: str, port: int) -> bool:
        trusted = self.settings.trusted_hosts
        return self.settings.allow_private or host in trusted or f"{host}:{port}" in trusted

    def check_peer(self, response: httpx.Response, original: str) -> None:
        """Raise FetchError when the socket actually connected to a non-public address.

        The host was checked before connecting, but DNS may answer differently the second
        time (rebinding); the peer address is checked again before the body is read.
        """
        url = response.url
        port = url.port or (443 if url.scheme == "https" else 80)
        if self._trusted(url.raw_host.decode("ascii"), port):
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not peer:
            return  # not a socket (a test transport): nothing more to check
        kind = classify_address(str(peer[0]).split("%")[0])
        if kind is not None:
            raise FetchError(original, f"refused: connected to a {kind} address ({peer[0]})")

    def fetch(self, url: str) -> FetchResult:
        """The body at ``url``, following at most ``max_redirects`` checked redirects."""
        s = self.settings
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError(url, f"invalid URL ({exc})") from None
        deadline = time.monotonic() + s.total_timeout
        timeout = httpx.Timeout(
            connect=s.connect_timeout,
            read=s.read_timeout,
            write=s.read_timeout,
            pool=s.connect_timeout,
        )
        transport = self._transport
        if transport is None:
            real = httpx.HTTPTransport(trust_env=False)
            # every socket of this fetch: under the deadline, its peer checked before the request
            real._pool._network_backend = _Guard(self, url, deadline)
            transport = real
        with httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,  # an environment proxy would connect for us, past the address check
            headers={"User-Agent": s.user_agent},
            transport=transport,
        ) as client:
            for _hop in range(s.max_redirects + 1):
                self.check_target(current, url)
                try:
                    with client.stream("GET", current) as response:
                        self.check_peer(response, url)
                        location = response.headers.get("location")
                        if response.status_code in REDIRECT_CODES and location:
                            current = response.url.join(location)
                            continue
                        if response.status_code >= 400:
                            at = "" if str(current) == url else f" at {current}"
                            raise FetchError(
                                url, f"HTTP {response.status_code} {response.reason_phrase}{at}"
                            )
                        body = self._read_capped(response, url, deadline)
                        media = response.headers.get("content-type", "").split(";")[0]
                        return FetchResult(
                            url=str(response.url),
                            body=body,
                            status=response.status_code,
                            content_type=media.strip().lower() or None,
                            charset=response.charset_encoding,
                        )
                except httpx.HTTPError as exc:
                    if isinstance(exc, httpx.TimeoutException) and \
                            time.monotonic() >= deadline - DEADLINE_SLACK:
                        raise FetchError(url, self._overtime()) from None  # the deadline's cut
                    raise FetchError(url, self._describe(exc)) from None
        raise FetchError(url, f"too many redirects (more than {s.max_redirects})")

    def _read_capped(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, too_large(cap))
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_bytes():  # as read, decoded: gzip bodies count unpacked
            total += len(chunk)
            if total > cap:
                raise FetchError(url, too_large(cap))
            if time.monotonic() > deadline:
                raise FetchError(url, self._overtime())
            chunks.append(chunk)
        return b"".join(chunks)

    def _overtime(self) -> str:
        return f"took longer than {self.settings.total_timeout:g}s in all; stopped"

    def _describe(self, exc: httpx.HTTPError) -> str:
        s = self.settings
        if isinstance(exc, httpx.ConnectTimeout):
            return f"timed out connecting after {s.connect_timeout:g}s"
        if isinstance(exc, httpx.ReadTimeout):
            return f"timed out: no data from the server for {s.read_timeout:g}s"
        if isinstance(exc, httpx.TimeoutException):
            return "timed out"
        if isinstance(exc, httpx.ConnectError):
            return f"could not connect ({exc})"
        if isinstance(exc, httpx.RemoteProtocolError):
            return f"the server broke the HTTP protocol ({exc})"
        if isinstance(exc, httpx.DecodingError):
            return f"could not decode the response body ({exc})"
        if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
            return f"invalid URL ({exc})"
        return f"request failed ({type(exc).__name__}: {exc})"
