"""The fetcher against a local misbehaving server, and the address rules it enforces."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from claimledger.errors import FetchError
from claimledger.ingest.base import IngestSettings
from claimledger.ingest.fetch import HttpxFetcher, classify_address

PAGE = b"<html><body><p>Shelling hit Zaporizhzhia overnight, officials said.</p></body></html>"
SLOW_SECONDS = 2.0  # the slow route's delay: far above the test read timeout below
FAST_TIMEOUT = 0.3  # read timeout used against the slow route


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output quiet

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        port = self.headers.get("Host", "").rpartition(":")[2]
        if self.path == "/page":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(10_000):  # bounded so a stuck test cannot run forever
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
        elif self.path.startswith("/loop"):
            n = int(self.path.rpartition("/")[2] or 0) if self.path != "/loop" else 0
            self._redirect(f"/loop/{n + 1}")
        elif self.path == "/hop":
            self._redirect("/page")
        elif self.path == "/to-localhost":
            self._redirect(f"http://localhost:{port}/page")
        elif self.path == "/to-private":
            self._redirect("http://10.0.0.1/page")
        elif self.path == "/to-file":
            self._redirect("file:///etc/passwd")
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fetcher(server: str, **overrides: Any) -> HttpxFetcher:
    """A fetcher that trusts the test server's own host:port but no other private target."""
    return HttpxFetcher(replace(IngestSettings(trusted_hosts=frozenset({server})), **overrides))


def test_page_is_fetched_with_its_content_type(server: str) -> None:
    result = _fetcher(server).fetch(f"http://{server}/page")
    assert result.body == PAGE
    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"


def test_redirect_is_followed_and_final_url_reported(server: str) -> None:
    result = _fetcher(server).fetch(f"http://{server}/hop")
    assert result.url == f"http://{server}/page"
    assert result.body == PAGE


def test_slow_response_times_out(server: str) -> None:
    fetcher = _fetcher(server, read_timeout=FAST_TIMEOUT)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out") as info:
        fetcher.fetch(f"http://{server}/slow")
    assert time.monotonic() - started < SLOW_SECONDS
    assert info.value.source == f"http://{server}/slow"


def test_endless_body_stops_at_the_size_cap(server: str) -> None:
    fetcher = _fetcher(server, max_bytes=256 * 1024)
    with pytest.raises(FetchError, match="larger than the 256 KB cap"):
        fetcher.fetch(f"http://{server}/endless")


def test_declared_length_over_the_cap_is_refused_before_reading(server: str) -> None:
    with pytest.raises(FetchError, match="larger than the 10 MB cap"):
        _fetcher(server).fetch(f"http://{server}/huge-declared")


def test_redirect_loop_hits_the_limit(server: str) -> None:
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        _fetcher(server, max_redirects=3).fetch(f"http://{server}/loop")


def test_redirect_to_loopback_name_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="refused: localhost is a loopback address"):
        _fetcher(server).fetch(f"http://{server}/to-localhost")


def test_redirect_to_private_address_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match=r"refused: 10\.0\.0\.1 is a private address"):
        _fetcher(server).fetch(f"http://{server}/to-private")


def test_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        _fetcher(server).fetch(f"http://{server}/to-file")


def test_allow_private_lets_loopback_redirects_through(server: str) -> None:
    fetcher = HttpxFetcher(IngestSettings(allow_private=True))
    assert fetcher.fetch(f"http://{server}/to-localhost").body == PAGE


def test_loopback_server_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="refused: 127.0.0.1 is a loopback address"):
        HttpxFetcher().fetch(f"http://{server}/page")


def test_http_error_status_is_a_failure(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        _fetcher(server).fetch(f"http://{server}/missing")


def test_unreachable_port_is_a_failure() -> None:
    fetcher = HttpxFetcher(IngestSettings(allow_private=True, connect_timeout=1.0))
    with pytest.raises(FetchError, match="could not connect"):
        fetcher.fetch("http://127.0.0.1:1/")


def test_every_resolved_address_is_checked() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "192.168.1.10"]

    with pytest.raises(FetchError, match=r"a private address \(192\.168\.1\.10\)"):
        HttpxFetcher(resolver=resolver).fetch("https://news.example.com/article")


def test_unresolvable_host_is_a_failure() -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise OSError("no such host")

    with pytest.raises(FetchError, match="could not resolve the host nowhere.example"):
        HttpxFetcher(resolver=resolver).fetch("https://nowhere.example/")


def test_public_target_is_fetched_through_the_transport() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"ok", headers={"Content-Type": "text/plain"})

    fetcher = HttpxFetcher(resolver=resolver, transport=httpx.MockTransport(handler))
    assert fetcher.fetch("https://news.example.com/a").body == b"ok"


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.0.1", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("fc00::1", "private"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "non-public"),
        ("240.0.0.1", "reserved"),
    ],
)
def test_non_public_addresses_are_classified(address: str, kind: str) -> None:
    assert classify_address(address) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2001:4860:4860::8888"])
def test_public_addresses_pass(address: str) -> None:
    assert classify_address(address) is None


def test_connected_peer_is_checked_again_after_a_rebinding_resolver(server: str) -> None:
    host, _, port = server.partition(":")

    def rebinding(name: str, port: int) -> list[str]:
        return ["93.184.216.34"]  # public when checked; the system resolves it to loopback

    fetcher = HttpxFetcher(resolver=rebinding)
    with pytest.raises(FetchError, match=r"refused: connected to a loopback address \(127"):
        fetcher.fetch(f"http://localhost:{port}/page")
