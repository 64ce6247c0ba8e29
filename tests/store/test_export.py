"""Exports: each format written from a ledger and read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimledger.errors import StoreError
from claimledger.model import Analysis
from claimledger.store import SQLiteLedger
from claimledger.store.export import export_checks, export_claims, export_documents

from .factories import make_analysis


@pytest.fixture
def filled(ledger: SQLiteLedger, analysis: Analysis) -> SQLiteLedger:
    ledger.save(analysis)
    ledger.save(make_analysis("Second report. ", doc_id="t002", sources=("Сили оборони",)))
    return ledger


def test_claims_to_csv_read_back(filled: SQLiteLedger) -> None:
    out = io.BytesIO()
    assert export_claims(filled, "csv", out) == 8
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert len(rows) == 8
    first = next(r for r in rows if r["doc_id"] == "t001" and r["index"] == "0")
    assert (first["text"], first["value"], first["approx"]) == ("42", "42.0", "about")
    assert json.loads(first["canonical_sources"]) == ["Regional Governor", "Ministry of Defence"]
    assert first["unit"] == ""  # None is an empty cell
    assert any(json.loads(r["sources"]) == ["Сили оборони"] for r in rows)


def test_claims_to_jsonl_read_back(filled: SQLiteLedger) -> None:
    out = io.BytesIO()
    export_claims(filled, "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert len(records) == 8
    duration = next(r for r in records if r["kind"] == "duration")
    assert duration["unit"] == "day" and duration["change"] is True
    assert duration["value_high"] == 12.0 and duration["sources"] == []


def test_claims_to_parquet_file_read_back(filled: SQLiteLedger, tmp_path: Path) -> None:
    path = tmp_path / "claims.parquet"
    assert export_claims(filled, "parquet", path) == 8
    table = pq.read_table(path)
    assert table.num_rows == 8
    assert table.column_names[:3] == ["doc_id", "index", "start"]
    rows = table.to_pylist()
    assert rows[0]["sources"] == ["the regional governor", "Ministry"]
    assert str(table.schema.field("value").type) == "double"


def test_documents_export_in_each_format(filled: SQLiteLedger, tmp_path: Path) -> None:
    assert export_documents(filled, "csv", tmp_path / "d.csv") == 2
    assert export_documents(filled, "jsonl", tmp_path / "d.jsonl") == 2
    assert export_documents(filled, "parquet", tmp_path / "d.parquet") == 2
    with open(tmp_path / "d.csv", newline="", encoding="utf-8") as handle:
        assert {r["id"] for r in csv.DictReader(handle)} == {"t001", "t002"}
    lines = (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["n_quantities"] for line in lines} == {4}
    assert pq.read_table(tmp_path / "d.parquet").column("n_failed_checks").to_pylist() == [1, 1]


def test_checks_export_keeps_parts_as_lists(filled: SQLiteLedger) -> None:
    out = io.BytesIO()
    assert export_checks(filled, "parquet", out) == 4
    out.seek(0)
    rows = pq.read_table(out).to_pylist()
    assert [r["parts"] for r in rows if r["kind"] == "sum"] == [[1, 3], [1, 3]]
    assert {r["part"] for r in rows if r["kind"] == "percent_of"} == {1}


def test_an_empty_ledger_exports_a_header_or_an_empty_table(ledger: SQLiteLedger) -> None:
    out = io.BytesIO()
    assert export_claims(ledger, "csv", out) == 0
    assert out.getvalue().decode("utf-8").startswith("doc_id,index,start,end,text")
    pq_out = io.BytesIO()
    export_claims(ledger, "parquet", pq_out)
    pq_out.seek(0)
    assert pq.read_table(pq_out).num_rows == 0


def test_exporting_to_a_stream_leaves_it_open(filled: SQLiteLedger) -> None:
    out = io.BytesIO()
    export_checks(filled, "jsonl", out)
    assert not out.closed
    out.write(b"")


def test_an_unknown_format_is_refused(filled: SQLiteLedger) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export_claims(filled, "xlsx", io.BytesIO())  # type: ignore[arg-type]
