"""Shards: a corpus cut into pieces that workers read on their own.

``plan_shards`` walks the sources as ``read_sources`` would (folders in sorted order, hidden
entries and linked folders skipped) without parsing anything, and groups what it finds into
shards of about ``shard_bytes``: whole files (pages, feeds, WARC files, ``.jsonl.gz`` files,
URLs) and byte ranges of plain JSONL files. A range starts and ends at line boundaries and knows
the number of its first line, so its documents and failures are named as a single-process read
names them (``file:line``); finding the boundaries costs the planner one pass that counts
newlines (memory speed, a block at a time), not a parse. A gzipped file cannot be entered in the
middle, so it is one part. Standard input is read by the planner (it is not a file a worker can
open) and handed on as documents.

``read_shard`` (run on a worker) yields the documents and failures of a shard in the order a
single-process read yields them. Reading is deterministic: a shard read again (a retry after a
worker was lost) yields the same items in the same order.

One difference from a whole-file read: the guard that stops a file after ``MAX_BAD_RUN`` lines
in a row without a document counts within a range.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from claimledger.ingest.base import IngestFailure, IngestSettings
from claimledger.ingest.jsonl import read_jsonl_stream
from claimledger.ingest.sources import JSONL_SUFFIXES, STDIN, _Reader, read_sources
from claimledger.model import Document

SHARD_BYTES = 8 * 1024 * 1024  # ~3,000 reports: seconds of work, little lost when retried
SCAN_BLOCK = 1024 * 1024  # bytes the planner reads at a time while counting lines
URL_BYTES = 256 * 1024  # what a fetched page is counted as when grouping URLs into shards
_BLANK = b" \t\r\n\x0b\x0c"

Item = Document | IngestFailure


@dataclass(frozen=True)
class Part:
    """A source read whole (``end`` None) or the lines of a JSONL file in ``[start, end)``."""

    source: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    size: int = 0  # bytes, for grouping and for the shard's identity

    def describe(self) -> list[object]:
        return [self.source, self.start, self.end, self.first_line, self.size]


@dataclass(frozen=True)
class Shard:
    """The unit of work of a worker: parts read in order, or items the planner read itself."""

    index: int
    parts: tuple[Part, ...] = ()
    inline: tuple[Item, ...] = field(default=(), repr=False)

    @property
    def id(self) -> str:
        """A name stable across runs over the same inputs (names Parquet files, logs progress)."""
        if self.parts:
            key = json.dumps([p.describe() for p in self.parts])
        else:
            key = json.dumps([
                i.content_hash if isinstance(i, Document) else str(i) for i in self.inline
            ])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts) + sum(
            len(i.text) for i in self.inline if isinstance(i, Document)
        )


def plan_shards(
    sources: Iterable[str],
    *,
    settings: IngestSettings | None = None,
    shard_bytes: int = SHARD_BYTES,
) -> Iterator[Shard]:
    """The shards of ``sources`` in reading order, planned lazily (memory stays bounded)."""
    planner = _Planner(settings or IngestSettings(), max(1, shard_bytes))
    for source in sources:
        yield from planner.source(source)
    yield from planner.flush()


class _Planner:
    def __init__(self, settings: IngestSettings, shard_bytes: int) -> None:
        self.settings = settings
        self.shard_bytes = shard_bytes
        self.parts: list[Part] = []
        self.bytes = 0
        self.index = 0

    def _shard(self, parts: tuple[Part, ...] = (), inline: tuple[Item, ...] = ()) -> Shard:
        shard = Shard(self.index, parts, inline)
        self.index += 1
        return shard

    def flush(self) -> Iterator[Shard]:
        if self.parts:
            parts, self.parts, self.bytes = tuple(self.parts), [], 0
            yield self._shard(parts)

    def add(self, part: Part) -> Iterator[Shard]:
        self.parts.append(part)
        self.bytes += part.size
        if self.bytes >= self.shard_bytes:
            yield from self.flush()

    def source(self, source: str) -> Iterator[Shard]:
        if source == STDIN:
            yield from self.flush()
            yield from self._stdin()
        elif source.lower().startswith(("http://", "https://")):
            yield from self.add(Part(source, size=URL_BYTES))
        else:
            yield from self.path(Path(source), source)

    def _stdin(self) -> Iterator[Shard]:
        batch: list[Item] = []
        size = 0
        for item in read_sources([STDIN], settings=self.settings):
            batch.append(item)
            size += len(item.text) if isinstance(item, Document) else 0
            if size >= self.shard_bytes:
                yield self._shard(inline=tuple(batch))
                batch, size = [], 0
        if batch:
            yield self._shard(inline=tuple(batch))

    def path(self, path: Path, source: str) -> Iterator[Shard]:
        try:
            is_dir = path.is_dir()
            size = path.stat().st_size if path.is_file() else 0
        except OSError:
            is_dir, size = False, 0
        if is_dir:
            yield from self.folder(path)
            return
        name = path.name.lower()
        if size > self.shard_bytes and name.endswith(JSONL_SUFFIXES) and not name.endswith(".gz"):
            ranges = self.ranges(path, size)
            if ranges is not None:
                yield from self.flush()
                for part in ranges:
                    yield from self.add(part)
                return
        # Anything else is read whole by the worker, which also gives its failure, if any.
        yield from self.add(Part(source, size=size))

    def folder(self, folder: Path) -> Iterator[Shard]:
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError:
            # The worker's read of the folder gives the same failure a local read gives.
            yield from self.add(Part(str(folder)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                if not entry.is_symlink():
                    yield from self.folder(entry)
            else:
                yield from self.path(entry, str(entry))

    def ranges(self, path: Path, size: int) -> list[Part] | None:
        """Ranges of about ``shard_bytes`` at line starts; None when the file holds no line that
        is not blank (it is read whole, for the failure a local read gives) or cannot be read.

        Only offsets and line numbers are kept: one small tuple per range."""
        source = str(path)
        cuts: list[tuple[int, int]] = [(0, 1)]  # (offset, number of the line starting there)
        nonblank = False
        try:
            with path.open("rb") as fh:
                offset, line = 0, 1
                want = self.shard_bytes
                while block := fh.read(SCAN_BLOCK):
                    nonblank = nonblank or bool(block.strip(_BLANK))
                    pos = 0
                    while offset + len(block) > want:
                        nl = block.find(b"\n", max(pos, want - offset - 1))
                        if nl < 0:
                            break
                        line += block.count(b"\n", pos, nl + 1)
                        pos = nl + 1
                        if offset + pos < size:
                            cuts.append((offset + pos, line))
                        want = offset + pos + self.shard_bytes
                    line += block.count(b"\n", pos)
                    offset += len(block)
        except OSError:
            return None
        if not nonblank:
            return None
        ends = [c[0] for c in cuts[1:]] + [size]
        return [
            Part(source, start, end, first, end - start)
            for (start, first), end in zip(cuts, ends, strict=True)
        ]


def read_shard(shard: Shard, settings: IngestSettings | None = None) -> Iterator[Item]:
    """The documents and failures of ``shard``, in the order a local read yields them."""
    settings = settings or IngestSettings()
    yield from shard.inline
    reader = _Reader(settings, None, None)
    for part in shard.parts:
        if part.end is None:
            yield from reader.read(part.source)
        else:
            yield from _read_range(part, settings)


class _Range:
    """The lines of an open file up to ``end`` (a ``LineReader``)."""

    def __init__(self, handle: BinaryIO, end: int) -> None:
        self.handle = handle
        self.left = end - handle.tell()

    def readline(self, size: int = -1, /) -> bytes:
        if self.left <= 0:
            return b""
        line = self.handle.readline(self.left if size < 0 else min(size, self.left))
        self.left -= len(line)
        return line


def _read_range(part: Part, settings: IngestSettings) -> Iterator[Item]:
    assert part.end is not None
    try:
        handle = open(part.source, "rb")  # noqa: SIM115 - closed below, also on a generator close
    except OSError as exc:
        yield IngestFailure(part.source, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        handle.seek(part.start)
        yield from read_jsonl_stream(
            _Range(handle, part.end), part.source, settings,
            first_line=part.first_line, whole=False,
        )
