"""``read_sources``: every kind of input to a stream of documents and failures.

A source is a file (text, Markdown, HTML, RSS/Atom, JSONL, .jsonl.gz, WARC), a folder (read
recursively in sorted order, hidden entries skipped), an http(s) URL, or ``-`` for stdin.
Each bad input becomes one ``IngestFailure``; the inputs after it are still read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from claimledger.errors import IngestError, ParseError
from claimledger.ingest.base import (
    IngestFailure,
    IngestSettings,
    escaped_name,
    one_line,
    too_large,
    without_surrogates,
)
from claimledger.ingest.feeds import looks_like_feed, parse_feed
from claimledger.ingest.fetch import Fetcher, FetchResult, HttpxFetcher
from claimledger.ingest.html import looks_like_html, parse_html
from claimledger.ingest.jsonl import read_jsonl_file, read_jsonl_stream
from claimledger.ingest.text import parse_text
from claimledger.ingest.warc import is_warc_file, read_warc_file
from claimledger.model import Document

STDIN = "-"  # the source name that means standard input
STDIN_NAME = "<stdin>"  # how documents and failures from stdin name their origin
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
    }
)

Item = Document | IngestFailure


def read_sources(
    sources: Iterable[str],
    *,
    settings: IngestSettings | None = None,
    fetcher: Fetcher | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Item]:
    """Documents from every source, in order, as they are read; a failure per bad input.

    Never raises for a bad input: each is yielded as ``IngestFailure(source, reason)``.
    """
    settings = settings or IngestSettings()
    reader = _Reader(settings, fetcher, stdin)
    for source in sources:
        for item in reader.read(source):
            yield storable(item)


def storable(item: Item) -> Item:
    """``item`` with every string a UTF-8 store and a terminal take: a file name that is not
    UTF-8 in a faithful escaped form (``r\\xff.txt``), a lone surrogate in a text or title as
    U+FFFD (offsets unchanged); the repair is noted in the document's ``meta``."""
    if isinstance(item, IngestFailure):
        return IngestFailure(escaped_name(item.source), escaped_name(item.reason))
    names = {k: getattr(item, k) for k in ("id", "url", "origin")}
    words = {k: getattr(item, k) for k in ("text", "published", "language")}
    lines = {k: getattr(item, k) for k in ("title", "outlet")}
    fixed: dict[str, str] = {
        k: escaped_name(v) for k, v in names.items() if v and escaped_name(v) != v
    }
    fixed.update(
        {k: without_surrogates(v) for k, v in words.items() if v and without_surrogates(v) != v}
    )
    fixed.update(
        {k: one_line(without_surrogates(v)) for k, v in lines.items()
         if v and one_line(without_surrogates(v)) != v}
    )
    if not fixed:
        return item
    meta = {**item.meta, "repaired": sorted(fixed)}
    return replace(item, meta=meta, **fixed)


class _Reader:
    def __init__(self, settings: IngestSettings, fetcher: Fetcher | None, stdin: TextIO | None):
        self.settings = settings
        self._fetcher = fetcher
        self._stdin = stdin

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = HttpxFetcher(self.settings)
        return self._fetcher

    def read(self, source: str) -> Iterator[Item]:
        """Items of one source; an error anywhere ends this source with a failure."""
        try:
            if source == STDIN:
                yield from self._read_stdin()
            elif source.lower().startswith(("http://", "https://")):
                yield from self._read_url(source)
            else:
                yield from self._read_path(Path(source))
        except IngestError as exc:
            yield IngestFailure(exc.source, exc.reason)
        except MemoryError:
            yield IngestFailure(source, "out of memory while reading")
        except RecursionError:
            yield IngestFailure(source, "nested too deeply to parse")
        except Exception as exc:  # a parser's own bug must not stop the other inputs
            yield IngestFailure(source, f"could not be read ({type(exc).__name__}: {exc})")

    def _read_url(self, url: str) -> Iterator[Item]:
        result = self.fetcher.fetch(url)
        yield from _parse_fetched(result, url)

    def _read_stdin(self) -> Iterator[Item]:
        stream = self._stdin if self._stdin is not None else sys.stdin
        cap = self.settings.max_bytes
        first = stream.readline(cap + 1)
        if first.lstrip().startswith("{"):
            yield from read_jsonl_stream(_Prepend(first, stream), STDIN_NAME, self.settings)
            return
        rest = stream.read(cap + 1 - len(first)) if len(first) <= cap else ""
        text = first + rest
        if len(text) > cap:
            raise ParseError(STDIN_NAME, too_large(cap))
        yield from _parse_bytes(text.encode("utf-8"), STDIN_NAME)

    def _read_path(self, path: Path) -> Iterator[Item]:
        source = str(path)
        if not path.exists():
            raise IngestError(source, "no such file or folder")
        if path.is_dir():
            yield from self._read_folder(path)
            return
        if not path.is_file():
            raise IngestError(source, "not a regular file")
        name = path.name.lower()
        if name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl_file(path, self.settings)
            return
        if is_warc_file(path):  # by .warc/.warc.gz, else by the WARC/1. magic (gzipped or not)
            yield from read_warc_file(path, self.settings)
            return
        if name.endswith(".gz"):
            raise ParseError(source, "compressed file of unknown kind (only .jsonl.gz is read)")
        try:
            size = path.stat().st_size
            if size > self.settings.max_bytes:
                raise ParseError(source, too_large(self.settings.max_bytes))
            with path.open("rb") as handle:
                data = handle.read(self.settings.max_bytes + 1)
        except OSError as exc:
            raise IngestError(source, f"cannot read: {exc.strerror or exc}") from None
        if len(data) > self.settings.max_bytes:  # grew while we looked
            raise ParseError(source, too_large(self.settings.max_bytes))
        yield from _parse_bytes(data, source, suffix=path.suffix.lower())

    def _read_folder(self, folder: Path) -> Iterator[Item]:
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            yield IngestFailure(str(folder), f"cannot list the folder: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if entry.is_symlink():
                    continue  # a linked folder can loop back on itself
                yield from self._read_folder(entry)
            else:
                yield from self.read(str(entry))


class _Prepend:
    """A text stream with one line already read put back in front (for JSONL from stdin)."""

    def __init__(self, first: str, rest: TextIO) -> None:
        self._first: str | None = first
        self._rest = rest

    def readline(self, limit: int = -1, /) -> str:
        if self._first is not None:
            line, self._first = self._first, None
            return line
        return self._rest.readline(limit)


def _parse_bytes(data: bytes, source: str, *, suffix: str = "") -> Iterator[Item]:
    """The documents of one input's bytes, by its suffix, else by sniffing its content."""
    if suffix in HTML_SUFFIXES:
        yield parse_html(data, source)
    elif suffix in FEED_SUFFIXES:
        yield from parse_feed(data, source)
    elif suffix in TEXT_SUFFIXES:
        yield parse_text(data, source)
    elif looks_like_feed(data):
        yield from parse_feed(data, source)
    elif looks_like_html(data):
        yield parse_html(data, source)
    else:
        yield parse_text(data, source)


def _parse_fetched(result: FetchResult, url: str) -> Iterator[Item]:
    """The documents of a fetched body, by its Content-Type, else by sniffing it."""
    kind = result.content_type or ""
    data = result.body
    if kind in HTML_TYPES or (kind not in FEED_TYPES and looks_like_html(data)):
        doc = parse_html(data, url, url=result.url, declared=result.charset)
        yield doc if doc.url else _with_url(doc, result.url)
    elif kind in FEED_TYPES or looks_like_feed(data):
        yield from parse_feed(data, url)
    else:
        doc = parse_text(data, url, declared=result.charset)
        yield _with_url(doc, result.url)


def _with_url(doc: Document, url: str) -> Document:
    from dataclasses import replace

    return replace(doc, url=url)
