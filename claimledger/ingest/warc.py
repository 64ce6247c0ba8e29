"""WARC crawls (``.warc``, ``.warc.gz``): one document per HTML page, streamed record by record.

Framing is done here, with bounded reads: the gzip members are decompressed one after the other
(so a corrupt member is skipped by finding the next one), the WARC headers are read line by line
under a size cap, and each record's block is read only when it is a response small enough to
keep. Each kept record is then parsed by warcio (HTTP status and headers, chunked transfer and
content encodings) and its page by ``document_from_html``.

Memory stays bounded by one record (``IngestSettings.max_bytes``) plus a read block; the total
decompressed size of a ``.warc.gz`` is capped by ``max_decompressed_bytes``. Requests, metadata,
non-HTML and non-200 responses are skipped silently; a damaged record is one ``IngestFailure``
named ``file#record-N``, and reading goes on with the next record. A file cut short ends with
a failure, keeping the documents read before it.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from claimledger.errors import ParseError
from claimledger.ingest.base import IngestFailure, IngestSettings, size_words, too_large
from claimledger.ingest.html import document_from_html, looks_like_html
from claimledger.ingest.text import decode_bytes
from claimledger.model import Document

WARC_SUFFIXES = (".warc", ".warc.gz")
WARC_MAGIC = b"WARC/1."  # the version line that starts every WARC 1.0 and 1.1 record
GZIP_MAGIC = b"\x1f\x8b\x08"  # a gzip member: magic and the deflate method byte
BLOCK = 64 * 1024  # bytes read (or decompressed) at a time; the unit of bounded memory
MAX_HEADER_LINE = 64 * 1024  # a WARC header line longer than this is damage, not a header
MAX_HEADER_BYTES = 256 * 1024  # the WARC header block of one record (real ones are < 2 KB)
HTTP_HEAD_BYTES = 64 * 1024  # read of an oversized response to learn whether it is a page
SNIFF_BYTES = 64  # enough of a file (after gunzip) to see the WARC version line
PADDING = b"\x00\r\n\t "  # filler some writers leave after the last gzip member
SNIFF_HEAD = 512  # raw bytes read to sniff: a gzip header with a long file name still fits
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SNIFFED_TYPES = frozenset({"", "application/octet-stream", "unk/unk", "text/plain"})

_STATUS = re.compile(r"^\d{3}$")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


class _Corrupt(Exception):
    """The gzip data (or the WARC framing) is damaged here; the message is the reason."""


class _Truncated(Exception):
    """The input ends inside a record."""


class _OverCap(Exception):
    """The decompressed size passed ``max_decompressed_bytes``."""


def looks_like_warc(head: bytes) -> bool:
    """Whether the first bytes of a file (gzipped or not) start a WARC record."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC)


def is_warc_file(path: Path) -> bool:
    """Whether a file is a WARC by its name or, failing that, by its first bytes."""
    if path.name.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with path.open("rb") as handle:
            return looks_like_warc(handle.read(SNIFF_HEAD))
    except OSError:
        return False


class _Unpacked:
    """A WARC file's bytes, gunzipped member by member when it is gzipped, read in blocks."""

    def __init__(self, raw: IO[bytes], head: bytes, *, cap: int | None) -> None:
        self._raw = raw
        self._gzipped = head.startswith(GZIP_MAGIC)
        self._cap = cap if self._gzipped else None
        # raw bytes read but not yet given to a decompressor (the sniffed head, when gzipped)
        self._pending = head if self._gzipped else b""
        self._inflater: Any = None  # the zlib decompressor of the current member, if inside one
        self._buf = b"" if self._gzipped else head
        self._pos = 0
        self.produced = 0  # decompressed bytes so far, for the cap

    # -- decompressed blocks --------------------------------------------------------------

    def _raw_block(self) -> bytes:
        if self._pending:
            data, self._pending = self._pending, b""
            return data
        return self._raw.read(BLOCK)

    def _next_block(self, *, same_member: bool = False) -> bytes:
        """The next decompressed bytes, b"" at the end (or, with same_member, at member end)."""
        if not self._gzipped:
            return self._raw.read(BLOCK)
        while True:
            if self._inflater is None:
                if same_member:
                    return b""
                data = self._raw_block()
                while data and len(data) < len(GZIP_MAGIC):
                    more = self._raw.read(BLOCK)
                    if not more:
                        break
                    data += more
                if not data:
                    return b""
                if not data.startswith(GZIP_MAGIC):
                    data = self._skip_padding(data)
                    if not data:
                        return b""
                    self._pending = data
                    raise _Corrupt("bytes between gzip members are not gzip data")
                self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self._pending = data
            inflater = self._inflater
            data = inflater.unconsumed_tail or self._raw_block()
            if not data:
                self._inflater = None
                raise _Truncated
            try:
                out: bytes = inflater.decompress(data, BLOCK)
            except zlib.error as exc:
                self._inflater = None
                self._pending = data[1:]  # look for the next member from here on
                raise _Corrupt(f"corrupt gzip data ({exc})") from None
            if inflater.eof:
                self._pending = inflater.unused_data
                self._inflater = None
            if out:
                self.produced += len(out)
                if self._cap is not None and self.produced > self._cap:
                    raise _OverCap
                return out

    def _skip_padding(self, data: bytes) -> bytes:
        """Drop NUL and blank bytes after a member; what follows them (b"" at the end)."""
        while data:
            rest = data.lstrip(PADDING)
            if rest:
                return rest
            data = self._raw.read(BLOCK)
        return b""

    def _fill(self, *, same_member: bool = False) -> bool:
        """Make sure unread bytes are buffered; False at the end of the input."""
        if self._pos < len(self._buf):
            return True
        self._buf = self._next_block(same_member=same_member)
        self._pos = 0
        return bool(self._buf)

    # -- reads ----------------------------------------------------------------------------

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes; fewer only at the end of the input."""
        parts: list[bytes] = []
        while n > 0 and self._fill():
            part = self._buf[self._pos : self._pos + n]
            self._pos += len(part)
            n -= len(part)
            parts.append(part)
        return b"".join(parts)

    def skip(self, n: int) -> int:
        """Drop ``n`` bytes without keeping them; the number dropped (fewer at the end)."""
        done = 0
        while done < n and self._fill():
            step = min(n - done, len(self._buf) - self._pos)
            self._pos += step
            done += step
        return done

    def readline(self, limit: int) -> bytes:
        """One line with its newline, at most ``limit`` bytes; b"" at the end of the input."""
        parts: list[bytes] = []
        while limit > 0 and self._fill():
            end = self._buf.find(b"\n", self._pos, self._pos + limit)
            stop = end + 1 if end >= 0 else min(len(self._buf), self._pos + limit)
            part = self._buf[self._pos : stop]
            self._pos = stop
            limit -= len(part)
            parts.append(part)
            if end >= 0:
                break
        return b"".join(parts)

    def skip_blank(self, *, same_member: bool = False) -> None:
        """Drop CR and LF bytes (the two CRLFs that end a record)."""
        while self._fill(same_member=same_member):
            rest = self._buf[self._pos :].lstrip(b"\r\n")
            self._pos = len(self._buf) - len(rest)
            if rest:
                return

    def finish_member(self) -> None:
        """Read to the end of the current gzip member, so its checksum is verified."""
        if self._gzipped:
            self.skip_blank(same_member=True)

    def resync(self) -> bool:
        """After damage: drop what is buffered and find the next gzip member; False at the end.

        A plain WARC is resynchronised by the caller, on the next ``WARC/1.`` line.
        """
        if not self._gzipped:
            return True
        self._buf, self._pos = b"", 0
        self._inflater = None
        data = self._raw_block()
        while data:
            at = data.find(GZIP_MAGIC)
            if at >= 0:
                self._pending = data[at:]
                return True
            keep = data[-(len(GZIP_MAGIC) - 1) :]
            more = self._raw.read(BLOCK)
            data = keep + more if more else b""
        return False


class _Record:
    """The WARC header of one record: its type, target, length and the raw header bytes."""

    def __init__(self, raw: bytes, fields: dict[str, str], length: int) -> None:
        self.raw = raw
        self.fields = fields
        self.length = length

    @property
    def type(self) -> str:
        return self.fields.get("warc-type", "").lower()


def _read_header(stream: _Unpacked, first: bytes) -> _Record:
    """The header block that starts with the version line ``first``; raises _Corrupt."""
    lines = [first]
    size = len(first)
    fields: dict[str, str] = {}
    while True:
        line = stream.readline(MAX_HEADER_LINE + 1)
        if not line:
            raise _Truncated
        if len(line) > MAX_HEADER_LINE or not line.endswith(b"\n"):
            raise _Corrupt("WARC header line too long")
        size += len(line)
        if size > MAX_HEADER_BYTES:
            raise _Corrupt("WARC header too long")
        lines.append(line)
        text = line.decode("utf-8", "replace").strip()
        if not text:
            break
        name, sep, value = text.partition(":")
        if sep:
            fields[name.strip().lower()] = value.strip()
    length_text = fields.get("content-length", "")
    if not length_text.isdigit():
        raise _Corrupt("WARC header has no valid Content-Length")
    return _Record(b"".join(lines), fields, int(length_text))


def _parse_with_warcio(header: bytes, block: bytes) -> Any:
    """The warcio record (HTTP headers parsed, strictly) of one record's header and block."""
    from warcio.archiveiterator import ArchiveIterator  # imported late: only WARC inputs need it

    records = ArchiveIterator(io.BytesIO(header + block + b"\r\n\r\n"))
    return next(iter(records))


def _charset(content_type: str) -> str | None:
    m = _CHARSET.search(content_type)
    return m.group(1).lower() if m else None


class _Page:
    """What one response record is: skip it, report it, or read it as a page."""

    def __init__(self, record: Any) -> None:
        http = record.http_headers
        self.http = http
        self.status = http.get_statuscode() if http is not None else ""
        content_type = (http.get_header("Content-Type") or "") if http is not None else ""
        self.content_type = content_type
        self.mime = content_type.split(";", 1)[0].strip().lower()

    def broken(self) -> str | None:
        if self.http is None:
            return None
        if not self.http.protocol.upper().startswith("HTTP/") or not _STATUS.match(self.status):
            return f"bad HTTP status line ({self.http.protocol} {self.status!r})"
        return None

    def maybe_html(self) -> bool:
        """A 200 response whose type says HTML, or says nothing that rules it out."""
        return (
            self.http is not None
            and self.status == "200"
            and (self.mime in HTML_TYPES or self.mime in SNIFFED_TYPES)
        )


def read_warc_stream(
    raw: IO[bytes], source: str, settings: IngestSettings
) -> Iterator[Document | IngestFailure]:
    """Documents of a WARC stream (gzipped or not, found by its magic); failures per record."""
    head = raw.read(len(GZIP_MAGIC))
    if not head:
        yield IngestFailure(source, "empty file")
        return
    stream = _Unpacked(raw, head, cap=settings.max_decompressed_bytes)
    reader = _WarcReader(stream, source, settings)
    yield from reader.records()


class _WarcReader:
    def __init__(self, stream: _Unpacked, source: str, settings: IngestSettings) -> None:
        self.stream = stream
        self.source = source
        self.settings = settings
        self.number = 0
        self.documents = 0
        self.failures = 0
        self.resyncing = False  # after damage: no second failure until a good header is found
        self.in_record = False  # whether ``number`` is the record being read
        self.ended = False

    def _fail(self, reason: str) -> IngestFailure:
        if not self.in_record:  # the damage is before the next record's header was read
            self.number += 1
            self.in_record = True
        self.failures += 1
        return IngestFailure(f"{self.source}#record-{self.number}", reason)

    def records(self) -> Iterator[Document | IngestFailure]:
        cap = self.settings.max_decompressed_bytes
        try:
            while True:
                try:
                    item = self._next()
                except _Corrupt as exc:
                    if not self.resyncing:
                        yield self._fail(f"{exc}; skipped to the next record")
                    self.resyncing = True
                    if not self.stream.resync():
                        break
                    continue
                if self.ended:
                    break
                if item is not None:
                    yield item
        except _Truncated:
            yield self._fail("the file ends inside this record (truncated); stopped")
            return
        except _OverCap:
            yield IngestFailure(
                self.source, f"decompressed size over the {size_words(cap)} cap; stopped"
            )
            return
        if self.documents == 0 and self.failures == 0:
            what = (
                "no WARC records" if self.number == 0 else f"no HTML pages in {self.number} records"
            )
            yield IngestFailure(self.source, what)

    def _version_line(self) -> bytes | None:
        """The next record's first line, None at the end; while resyncing, lines are skipped."""
        stream = self.stream
        while True:
            stream.skip_blank()
            line = stream.readline(MAX_HEADER_LINE + 1)
            if not line:
                return None
            if line.startswith(b"WARC/"):
                return line
            if not self.resyncing:
                shown = line[:40].decode("latin-1").strip()
                raise _Corrupt(f"not a WARC record header (starts {shown!r})")

    def _next(self) -> Document | IngestFailure | None:
        """One record: a document, a failure, or None (skipped; ``ended`` set at the end)."""
        stream = self.stream
        self.in_record = False
        first = self._version_line()
        if first is None:
            self.ended = True
            return None
        self.number += 1
        self.in_record = True
        self.resyncing = False
        record = _read_header(stream, first)
        if record.type != "response":
            if stream.skip(record.length) < record.length:
                raise _Truncated
            stream.finish_member()
            return None
        cap = self.settings.max_bytes
        oversized = record.length > cap + HTTP_HEAD_BYTES
        keep = HTTP_HEAD_BYTES if oversized else record.length
        block = stream.read(keep)
        if len(block) < keep or stream.skip(record.length - keep) < record.length - keep:
            raise _Truncated
        stream.finish_member()
        return self._page(record, block, oversized)

    def _page(
        self, record: _Record, block: bytes, oversized: bool
    ) -> Document | IngestFailure | None:
        origin = f"{self.source}#record-{self.number}"
        uri = record.fields.get("warc-target-uri", "").strip("<>") or None
        if uri is not None and not uri.lower().startswith(("http:", "https:")):
            return None  # dns:, whois: and the like carry no page
        try:
            parsed = _parse_with_warcio(record.raw, block)
        except Exception as exc:  # warcio's parse errors have no common base
            return self._fail(f"bad HTTP header ({_short(exc)})")
        page = _Page(parsed)
        broken = page.broken()
        if broken:
            return self._fail(broken)
        if not page.maybe_html():
            return None
        cap = self.settings.max_bytes
        if oversized:
            return self._fail(f"page {too_large(cap)}")
        try:
            payload = parsed.content_stream().read(cap + 1)
        except Exception as exc:  # a broken chunked or compressed body
            return self._fail(f"unreadable HTTP body ({_short(exc)})")
        if len(payload) > cap:
            return self._fail(f"page {too_large(cap)}")
        if page.mime not in HTML_TYPES and not looks_like_html(payload):
            return None
        try:
            markup = decode_bytes(payload, origin, _charset(page.content_type))
            doc = document_from_html(markup, origin=origin, url=uri)
        except ParseError as exc:
            return self._fail(exc.reason)
        except RecursionError:
            return self._fail("nested too deeply to parse")
        except Exception as exc:  # a parser's bug on one page must not end the crawl
            return self._fail(f"could not be read ({type(exc).__name__}: {_short(exc)})")
        self.documents += 1
        meta: dict[str, Any] = {**doc.meta, "format": "warc", "record": self.number}
        for key, name in (
            ("warc-date", "crawled"),
            ("warc-record-id", "warc_record_id"),
            ("warc-truncated", "warc_truncated"),
        ):
            if record.fields.get(key):
                meta[name] = record.fields[key]
        if doc.url and doc.url != uri:
            meta["page_url"] = doc.url
        return replace(doc, url=uri, meta=meta)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def read_warc_file(path: Path, settings: IngestSettings) -> Iterator[Document | IngestFailure]:
    """Documents of a ``.warc`` or ``.warc.gz`` file, streamed; damaged records are failures."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield IngestFailure(source, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        yield from read_warc_stream(handle, source, settings)
