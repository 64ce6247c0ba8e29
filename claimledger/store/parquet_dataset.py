"""A partitioned Parquet dataset of the ledger, written by many workers at once.

``DIR/documents/``, ``DIR/claims/`` and ``DIR/checks/`` hold one file per shard each,
``part-<shard id>.parquet``, with the columns of ``claimledger export documents|claims|checks``
(``DocumentRow``, ``ClaimRow``, ``CheckRow``): each table is a dataset that pyarrow, pandas,
DuckDB (``read_parquet('DIR/claims/*.parquet')``) and Spark read as one.

A shard's files are written under hidden names (``.part-….tmp``, which those readers skip) and
renamed when the shard is done, documents last, so a shard is in the dataset whole or not at
all, and a shard written again (a retry) replaces its files instead of adding rows. No worker
sees another's shards, so a text stored by two shards is two rows (``content_hash`` tells them
apart); within a shard a text is written once and counted as refreshed after that, and a
document's id is its own unless the shard already used it (then ``doc-<hash>``, as the ledger
does).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import fields
from pathlib import Path
from typing import Any

from ..model import Analysis
from .base import CheckRow, ClaimRow, DocumentRow
from .common import now
from .export import PARQUET_BATCH, arrow_schema

TABLES: dict[str, type[Any]] = {"claims": ClaimRow, "checks": CheckRow, "documents": DocumentRow}


def part_name(shard_id: str) -> str:
    return f"part-{shard_id}.parquet"


class ParquetShardWriter:
    """The three files of one shard, streamed in row groups of ``PARQUET_BATCH`` rows."""

    def __init__(self, root: str | Path, shard_id: str) -> None:
        import pyarrow.parquet as pq

        self.root = Path(root)
        self.shard_id = shard_id
        self._hashes: set[str] = set()
        self._ids: set[str] = set()
        attempt = uuid.uuid4().hex[:8]
        self._tmp: dict[str, Path] = {}
        self._writers: dict[str, Any] = {}
        self._rows: dict[str, list[tuple[Any, ...]]] = {}
        for table, row_type in TABLES.items():
            folder = self.root / table
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{part_name(shard_id)}.{attempt}.tmp"
            self._tmp[table] = tmp
            self._writers[table] = pq.ParquetWriter(tmp, arrow_schema(row_type))
            self._rows[table] = []

    def write(self, analysis: Analysis) -> bool:
        """Add ``analysis``'s rows; whether its text is new to this shard."""
        doc = analysis.document
        key = doc.content_hash
        if key in self._hashes:
            return False
        self._hashes.add(key)
        doc_id = doc.id if doc.id and doc.id not in self._ids else ""
        width = 12
        while not doc_id or doc_id in self._ids:
            doc_id = "doc-" + key[:width]
            width += 4
        self._ids.add(doc_id)
        meta = (doc.outlet, doc.published, doc.url, doc.title)
        for i, q in enumerate(analysis.quantities):
            self._add("claims", (
                doc_id, i, q.start, q.end, q.text, q.value, q.value_high, q.kind, q.unit,
                q.approx, bool(q.change), q.what, q.period_from, q.period_to, tuple(q.sources),
                tuple(q.canonical_sources), q.metric, *meta,
            ))
        for i, c in enumerate(analysis.checks):
            self._add("checks", (
                doc_id, i, c.kind, c.status, c.explanation, c.percent, c.part, c.whole,
                tuple(c.parts), *meta,
            ))
        failed = sum(1 for c in analysis.checks if c.status == "inconsistent")
        self._add("documents", (
            doc_id, key, doc.title, doc.outlet, doc.url, doc.published, doc.language,
            len(analysis.quantities), failed, now(),
        ))
        return True

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self._rows[table]
        rows.append(row)
        if len(rows) >= PARQUET_BATCH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa

        rows = self._rows[table]
        schema = arrow_schema(TABLES[table])
        columns = [list(c) for c in zip(*rows, strict=True)] or [[] for _ in schema.names]
        self._writers[table].write_table(pa.Table.from_arrays(columns, schema=schema))
        rows.clear()

    def commit(self) -> None:
        """Close the files and put them in the dataset (documents last)."""
        for table in TABLES:
            if self._rows[table]:
                self._flush(table)
            self._writers[table].close()
        for table in TABLES:
            folder = self.root / table
            os.replace(self._tmp[table], folder / part_name(self.shard_id))
            for stale in folder.glob(f".{part_name(self.shard_id)}.*.tmp"):
                stale.unlink(missing_ok=True)  # an earlier attempt's, cut short

    def abort(self) -> None:
        """Drop the files of this attempt."""
        for table in TABLES:
            try:
                self._writers[table].close()
            finally:
                self._tmp[table].unlink(missing_ok=True)


def columns(table: str) -> list[str]:
    """The column names of ``table`` (``claims``, ``checks`` or ``documents``)."""
    return [f.name for f in fields(TABLES[table])]
