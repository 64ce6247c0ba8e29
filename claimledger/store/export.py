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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO, Literal

from ..errors import StoreError
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
