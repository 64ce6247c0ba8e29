"""Exports of the ledger: claims, documents and checks as CSV, JSON Lines or Parquet.

Rows are streamed from the ledger's iterators and written in batches, so an export of a million
claims holds one batch in memory. Columns are the fields of ``ClaimRow``, ``DocumentRow`` and
``CheckRow`` (or of any frozen row dataclass given to ``export_rows``, such as the series points
of ``claimledger.checks.series_export``) in their order. Lists (sources, parts) are JSON arrays
in CSV, arrays in JSON Lines and list columns in Parquet.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, BinaryIO, Literal

from ..errors import StoreError
from ..model import Analysis
from .base import CheckRow, ClaimQuery, ClaimRow, DocumentRow, Ledger

Format = Literal["csv", "jsonl", "parquet"]
Row = ClaimRow | DocumentRow | CheckRow
FORMATS: tuple[Format, ...] = ("csv", "jsonl", "parquet")
PARQUET_BATCH = 10_000  # rows per Parquet row group: big enough to compress, small in memory

# Parquet column types for the annotations used in the row dataclasses.
_ARROW_TYPES = {
    "str": "string",
    "str | None": "string",
    "int": "int64",
    "int | None": "int64",
    "float": "float64",
    "float | None": "float64",
    "bool": "bool",
    "tuple[str, ...]": "list<string>",
    "tuple[int, ...]": "list<int64>",
}


def export_claims(
    ledger: Ledger, fmt: Format, out: BinaryIO | str | Path, query: ClaimQuery | None = None
) -> int:
    """Write every stored figure (matching ``query``'s filters, not its page) to ``out`` in
    ``fmt``; returns the number of rows."""
    return export_rows(ledger.iter_claims(query), ClaimRow, fmt, out)


def export_documents(ledger: Ledger, fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write every stored document (as listed, without its text) to ``out`` in ``fmt``."""
    return export_rows(ledger.iter_documents(), DocumentRow, fmt, out)


def export_checks(ledger: Ledger, fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write every stored arithmetic check to ``out`` in ``fmt``."""
    return export_rows(ledger.iter_checks(), CheckRow, fmt, out)


def export_rows(
    rows: Iterable[Any], row_type: type[Any], fmt: Format, out: BinaryIO | str | Path
) -> int:
    """Write ``rows`` (all of ``row_type``, a dataclass whose field types ``_ARROW_TYPES``
    knows) to ``out`` in ``fmt``; returns the number of rows."""
    if fmt not in FORMATS:
        raise StoreError(str(fmt), f"unknown export format; use one of {', '.join(FORMATS)}")
    columns = [f.name for f in fields(row_type)]
    with _binary(out) as stream:
        if fmt == "parquet":
            return _write_parquet(rows, row_type, stream)
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            if fmt == "csv":
                return _write_csv(rows, columns, text)
            return _write_jsonl(rows, columns, text)
        finally:
            text.flush()
            text.detach()


@contextmanager
def _binary(out: BinaryIO | str | Path) -> Iterator[BinaryIO]:
    if isinstance(out, str | Path):
        try:
            with open(out, "wb") as handle:
                yield handle
        except OSError as exc:
            raise StoreError(str(out), f"cannot write the export: {exc}") from exc
    else:
        yield out


def _values(row: Any) -> tuple[Any, ...]:
    return tuple(getattr(row, f.name) for f in fields(row))


def _write_csv(rows: Iterable[Any], columns: list[str], text: io.TextIOWrapper) -> int:
    writer = csv.writer(text)
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(v) for v in _values(row)])
        n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if value is None:
        return ""
    return value


def _write_jsonl(rows: Iterable[Any], columns: list[str], text: io.TextIOWrapper) -> int:
    n = 0
    for row in rows:
        pairs = zip(columns, _values(row), strict=True)
        record = {c: list(v) if isinstance(v, tuple) else v for c, v in pairs}
        text.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def arrow_schema(row_type: type[Any]) -> Any:
    """The pyarrow schema for ``row_type``'s fields."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
        "list<int64>": pa.list_(pa.int64()),
    }
    return pa.schema(
        [pa.field(f.name, types[_ARROW_TYPES[str(f.type)]]) for f in fields(row_type)]
    )


def _write_parquet(rows: Iterable[Any], row_type: type[Any], stream: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(row_type)
    names = schema.names
    n = 0
    with pq.ParquetWriter(stream, schema) as writer:
        batch: list[tuple[Any, ...]] = []

        def flush() -> None:
            columns = [list(col) for col in zip(*batch, strict=True)] or [[] for _ in names]
            writer.write_table(pa.Table.from_arrays(columns, schema=schema))
            batch.clear()

        for row in rows:
            batch.append(_values(row))
            n += 1
            if len(batch) >= PARQUET_BATCH:
                flush()
        if batch or n == 0:
            flush()
    return n


@dataclass(frozen=True)
class TimeRow:
    """One stored time expression with its document's metadata (for exports)."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    type: str
    value: str | None
    date_from: str | None
    date_to: str | None
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class HedgeRow:
    """One stored hedge (its term and the probability range it stands for)."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    term: str
    low: float
    high: float
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class AttributionRow:
    """One stored attribution: the words and the chain of sources they name, outermost first."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    chain: tuple[str, ...]
    outlet: str | None
    published: str | None


def _records(ledger: Ledger, make: Callable[[Analysis], Iterable[Any]]) -> Iterator[Any]:
    """The rows ``make`` builds of every stored analysis, one document read at a time."""
    for doc in ledger.iter_documents():
        yield from make(ledger.get(doc.id))


def export_times(ledger: Ledger, fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write every stored time expression to ``out`` in ``fmt``."""
    def rows(a: Analysis) -> Iterator[TimeRow]:
        d = a.document
        for i, t in enumerate(a.times):
            yield TimeRow(d.id or "", i, t.start, t.end, t.text, t.type, t.value, t.from_, t.to,
                          d.outlet, d.published)
    return export_rows(_records(ledger, rows), TimeRow, fmt, out)


def export_hedges(ledger: Ledger, fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write every stored hedge to ``out`` in ``fmt``."""
    def rows(a: Analysis) -> Iterator[HedgeRow]:
        d = a.document
        for i, h in enumerate(a.hedges):
            yield HedgeRow(d.id or "", i, h.start, h.end, h.text, h.term, h.low, h.high,
                           d.outlet, d.published)
    return export_rows(_records(ledger, rows), HedgeRow, fmt, out)


def export_attributions(ledger: Ledger, fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write every stored attribution to ``out`` in ``fmt``."""
    def rows(a: Analysis) -> Iterator[AttributionRow]:
        d = a.document
        for i, at in enumerate(a.attributions):
            yield AttributionRow(d.id or "", i, at.start, at.end, at.text, tuple(at.chain),
                                 d.outlet, d.published)
    return export_rows(_records(ledger, rows), AttributionRow, fmt, out)
