"""Exports as streamed downloads: the store's writers run in a thread and hand their bytes over
a bounded queue, so a large export holds a few chunks in memory and starts at once."""

from __future__ import annotations

import io
import logging
import queue
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from fastapi.responses import StreamingResponse

from ..store.export import FORMATS, Format
from .errors import NotFound

TABLES = ("documents", "claims", "checks", "series")
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
CHUNK = 1 << 16  # bytes handed to the response at a time
QUEUE_CHUNKS = 8  # chunks written ahead of the client at most
POLL_SECONDS = 0.5  # how often a blocked writer looks whether the client went away

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")

Writer = Callable[[BinaryIO], int]


class Cancelled(Exception):
    """The client stopped reading: the writer thread ends."""


class _Pipe(io.RawIOBase):
    """A write-only stream whose bytes go to a queue (``tell`` counts them, for Parquet)."""

    def __init__(self, chunks: queue.Queue[bytes | None], stop: threading.Event) -> None:
        self._chunks = chunks
        self._stop = stop
        self._pos = 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = bytes(data)
        while True:
            if self._stop.is_set():
                raise Cancelled()
            try:
                self._chunks.put(chunk, timeout=POLL_SECONDS)
                break
            except queue.Full:
                continue
        self._pos += len(chunk)
        return len(chunk)


def check_export(table: str, fmt: str) -> Format:
    """``fmt`` if ``table`` and ``fmt`` can be exported; raises ``NotFound`` (404) otherwise."""
    if table not in TABLES:
        raise NotFound(f"no export of {table!r}; tables: {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise NotFound(f"no export format {fmt!r}; formats: {', '.join(FORMATS)}")
    return fmt  # type: ignore[return-value]


def filename(stem: str, fmt: str) -> str:
    """A download name from ``stem`` with anything but letters, digits, ``._-`` replaced."""
    safe = _UNSAFE.sub("_", stem).strip("._") or "export"
    return f"{safe[:80]}.{fmt}"


def _chunks(write: Writer) -> Iterator[bytes]:
    """The bytes ``write`` produces, written in a thread while they are read."""
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=QUEUE_CHUNKS)
    stop = threading.Event()

    def run() -> None:
        try:
            raw: Any = _Pipe(chunks, stop)
            with io.BufferedWriter(raw, CHUNK) as stream:
                write(stream)  # type: ignore[arg-type]
        except Cancelled:
            return
        except Exception:  # headers are sent: the download ends short, the log says why
            log.exception("export failed")
        while not stop.is_set():
            try:
                chunks.put(None, timeout=POLL_SECONDS)
                return
            except queue.Full:
                continue

    thread = threading.Thread(target=run, name="claimledger-export", daemon=True)
    thread.start()
    try:
        while (chunk := chunks.get()) is not None:
            yield chunk
    finally:
        stop.set()


def stream(write: Writer, fmt: Format, name: str) -> StreamingResponse:
    """``write``'s output as a download named ``name`` with ``fmt``'s content type."""
    return StreamingResponse(
        _chunks(write),
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
