"""The fetch's total timeout is a deadline over connect, headers and body, and the connected
peer is checked before a byte of the request is sent (issue 15).

Before: the total timeout was checked only after each 64 KB of body, never while headers
arrived, so a server trickling a byte a second held a 60 s fetch for 131 s; and a rebinding
resolver's loopback server received the GET before the body was refused.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from claimledger.errors import FetchError
from claimledger.ingest.base import IngestSettings
from claimledger.ingest.fetch import HttpxFetcher

TOTAL = 1.0  # the total timeout of these fetches, seconds
DRIP = 0.1  # seconds between two bytes of the trickling server: far inside the read timeout


class _Trickler:
    """A loopback server that sends its response one byte at a time, and records what it got."""

    def __init__(self, response: bytes, pause_first: int = 0) -> None:
        self.response = response
        self.pause_first = pause_first  # bytes sent at once before the trickle starts
        self.received = b""
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(10)
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(0.5)
            try:
                self.received = conn.recv(65536)
            except OSError:
                pass
            try:
                conn.sendall(self.response[: self.pause_first])
                for k in range(self.pause_first, len(self.response)):
                    if self.stop.is_set():
                        return
                    conn.sendall(self.response[k : k + 1])
                    time.sleep(DRIP)
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join(5)


@pytest.fixture
def trickling_headers() -> Iterator[_Trickler]:
    server = _Trickler(b"HTTP/1.1 200 OK\r\n" + b"X-Pad: " + b"a" * 500 + b"\r\n\r\nok")
    yield server
    server.close()


@pytest.fixture
def trickling_body() -> Iterator[_Trickler]:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n"
    server = _Trickler(head + b"b" * 500, pause_first=len(head))
    yield server
    server.close()


def _settings(port: int) -> IngestSettings:
    return IngestSettings(
        trusted_hosts=frozenset({f"127.0.0.1:{port}"}), total_timeout=TOTAL, read_timeout=5.0
    )


@pytest.mark.parametrize("which", ["trickling_headers", "trickling_body"])
def test_a_trickling_server_is_cut_off_at_the_total_timeout(
    which: str, request: pytest.FixtureRequest
) -> None:
    server: _Trickler = request.getfixturevalue(which)
    fetcher = HttpxFetcher(_settings(server.port))
    t0 = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 1s in all"):
        fetcher.fetch(f"http://127.0.0.1:{server.port}/")
    assert time.monotonic() - t0 < TOTAL + 1.0  # 50 s of trickle otherwise


def test_a_rebound_loopback_server_gets_no_request() -> None:
    server = _Trickler(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", pause_first=100)
    try:
        def rebinding(name: str, port: int) -> list[str]:
            return ["93.184.216.34"]  # public when checked; the system resolves it to loopback

        fetcher = HttpxFetcher(IngestSettings(total_timeout=5.0), resolver=rebinding)
        with pytest.raises(FetchError, match=r"refused: connected to a loopback address"):
            fetcher.fetch(f"http://localhost:{server.port}/secret")
    finally:
        server.close()
    assert b"GET" not in server.received
