"""JSONL corpora in the docs.jsonl shape, plain or gzipped, streamed one line at a time."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from claimledger.ingest.base import IngestFailure, IngestSettings, size_words, too_large
from claimledger.ingest.html import iso_date
from claimledger.model import Document

MAX_BAD_RUN = 10_000  # lines in a row with no document: a corrupt file or a bomb, not a corpus
READ_CHUNK = 1024 * 1024  # bytes read at a time while skipping the rest of an oversized line
_STRING_FIELDS = ("url", "title", "outlet", "language")  # optional fields, string or null


class LineReader(Protocol):
    """A stream read line by line (binary or text): a file, a GzipFile, stdin."""

    def readline(self, size: int = -1, /) -> Any:
        """At most ``size`` bytes or characters, up to and including the next newline."""
        ...


class _LineError(ValueError):
    """One line of a JSONL input is not a document; the message is the reason."""


def _line_document(raw: bytes | str, origin: str, number: int) -> Document | None:
    """The document on one line, None for a blank line; raises _LineError for a bad one."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise _LineError("invalid UTF-8") from None
    if not raw.strip():
        return None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _LineError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _LineError("JSON nested too deeply to parse") from None
    if not isinstance(record, dict):
        raise _LineError(f"not a JSON object but {type(record).__name__}")
    text = record.pop("text", None)
    if not isinstance(text, str):
        raise _LineError('no "text" string')
    if not text.strip():
        raise _LineError('empty "text"')
    doc_id = record.pop("id", None)
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, type(None))):
        raise _LineError('"id" must be a string or a number')
    fields: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = record.pop(key, None)
        if not isinstance(value, (str, type(None))):
            raise _LineError(f'"{key}" must be a string or null')
        fields[key] = value or None
    published = record.pop("published", None)
    if not isinstance(published, (str, type(None))):
        raise _LineError('"published" must be a string or null')
    meta: dict[str, Any] = {"format": "jsonl", "line": number, **record}
    if published and iso_date(published) is None:
        meta["published_raw"] = published
    return Document(
        text=text,
        id="" if doc_id is None else str(doc_id),
        published=iso_date(published),
        origin=origin,
        meta=meta,
        **fields,
    )


def read_jsonl_stream(
    stream: LineReader,
    source: str,
    settings: IngestSettings,
    *,
    total_cap: int | None = None,
    first_line: int = 1,
    whole: bool = True,
) -> Iterator[Document | IngestFailure]:
    """Documents of a JSONL stream (bytes or text); a failure naming ``source:line`` per bad line.

    No line may exceed ``settings.max_bytes``; with ``total_cap`` the whole stream is capped too
    (the guard against gzip bombs). A byte range of a file (``claimledger.ingest.shards``) is read
    with the number of its ``first_line`` and ``whole=False``: its end is not the file's, so an
    empty range is no "empty file".
    """
    cap = settings.max_bytes
    number = first_line - 1
    total = 0
    found = False
    bad_run = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            if not found and whole:
                yield IngestFailure(source, "empty file" if total == 0 else "no documents")
            return
        number += 1
        total += len(line)
        oversized = len(line) > cap and line[-1:] not in ("\n", b"\n")
        while oversized:
            rest = stream.readline(READ_CHUNK)
            total += len(rest)
            if total_cap is not None and total > total_cap:
                break
            if not rest or rest[-1:] in ("\n", b"\n"):
                break
        if total_cap is not None and total > total_cap:
            yield IngestFailure(
                source, f"decompressed size over the {size_words(total_cap)} cap; stopped"
            )
            return
        where = f"{source}:{number}"
        found = found or bool(line.strip()) or oversized
        if bad_run >= MAX_BAD_RUN:
            yield IngestFailure(source, f"{MAX_BAD_RUN} lines in a row hold no document; stopped")
            return
        if oversized:
            bad_run += 1
            yield IngestFailure(where, f"line {too_large(cap)}")
            continue
        try:
            doc = _line_document(line, source, number)
        except _LineError as exc:
            bad_run += 1
            yield IngestFailure(where, str(exc))
            continue
        if doc is None:
            bad_run += 1
        else:
            bad_run = 0
            yield doc


def read_jsonl_file(path: Path, settings: IngestSettings) -> Iterator[Document | IngestFailure]:
    """Documents of a ``.jsonl`` or ``.jsonl.gz`` file, streamed; bad lines are failures."""
    source = str(path)
    gzipped = path.name.lower().endswith(".gz")
    try:
        with gzip.open(path, "rb") if gzipped else path.open("rb") as stream:
            yield from read_jsonl_stream(
                stream,
                source,
                settings,
                total_cap=settings.max_decompressed_bytes if gzipped else None,
            )
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield IngestFailure(source, f"not a valid gzip file ({exc or type(exc).__name__})")
