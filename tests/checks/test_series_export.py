"""Series points exported through the shared writer and ``claimledger export series``; series
found by id from their own figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimledger.checks.series_export import export_series, find_series, series_query
from claimledger.cli import app
from claimledger.errors import StoreError
from claimledger.model import Analysis, Document, Quantity
from claimledger.pipeline import with_registries
from claimledger.store import ClaimQuery, SQLiteLedger


def report(n: int, value: int, day: str, metric_what: str = "soldiers killed") -> Analysis:
    text = f"Report {n}: the ministry said {value} {metric_what} as of {day}."
    start = text.index(str(value))
    q = Quantity(start, start + len(str(value)), str(value), float(value), "count",
                 what=metric_what, period_to=day, sources=("ministry",))
    doc = Document(text=text, id=f"r{n}", outlet=f"Outlet {n}", published=day,
                   url=f"https://example.test/{n}")
    return Analysis(document=doc, quantities=with_registries(doc, (q,), metric_of=metric_of))


def metric_of(q: Quantity, doc: Document) -> str | None:
    return "ru_personnel_losses" if q.what == "soldiers killed" else None


@pytest.fixture
def ledger(tmp_path: Path) -> SQLiteLedger:
    store = SQLiteLedger(tmp_path / "l.sqlite")
    store.save(report(1, 500, "2024-05-01"))
    store.save(report(2, 450, "2024-06-01"))  # a running total may not fall: flagged
    store.save(report(3, 7, "2024-06-02", "widgets counted"))
    return store


def test_series_query_is_bounded_by_metric_or_words() -> None:
    assert series_query("ru_personnel_losses") == ClaimQuery(metric="ru_personnel_losses")
    assert series_query("ru_x|count||changes") == ClaimQuery(metric="ru_x")
    assert series_query("auto:kill soldi") == ClaimQuery(search="kill* soldi*")
    assert series_query("auto:cas@minist|count||totals") == ClaimQuery(search="cas*")
    assert series_query("auto:") is None and series_query("") is None


def test_find_series_reads_only_its_figures(ledger: SQLiteLedger) -> None:
    found = find_series(ledger, "ru_personnel_losses")
    assert found is not None and found.cumulative
    assert [p.value for p in found.points] == [500.0, 450.0]
    assert len(found.flags) == 1
    auto = find_series(ledger, "auto:count widget")
    assert auto is not None and [p.doc_id for p in auto.points] == ["r3"]
    assert find_series(ledger, "auto:nothing here") is None
    assert find_series(ledger, "ru_tank_losses") is None


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_series_writes_one_row_per_point(ledger: SQLiteLedger, fmt: str) -> None:
    out = io.BytesIO()
    assert export_series(ledger, fmt, out) == 3  # type: ignore[arg-type]
    body = out.getvalue()
    if fmt == "parquet":
        rows = pq.read_table(io.BytesIO(body)).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body.decode())))
    else:
        rows = [json.loads(line) for line in body.decode().splitlines()]
    assert {str(r["series_key"]) for r in rows} == {"ru_personnel_losses", "auto:count widget"}
    assert {"label", "metric", "date", "value", "qualifier", "sources", "original_source",
            "corroboration", "outlet", "url", "doc_id", "flagged"} <= set(rows[0])
    flagged = {str(r["doc_id"]): r["flagged"] for r in rows}
    assert flagged["r2"] in (True, "True") and flagged["r1"] in (False, "False")


def test_export_series_of_one_id_and_of_an_unknown_one(ledger: SQLiteLedger) -> None:
    out = io.BytesIO()
    assert export_series(ledger, "jsonl", out, "auto:count widget") == 1
    with pytest.raises(StoreError):
        export_series(ledger, "jsonl", io.BytesIO(), "auto:no such thing")


def test_cli_exports_series(ledger: SQLiteLedger, tmp_path: Path) -> None:
    db = ledger.path
    ledger.close()
    runner = CliRunner()
    result = runner.invoke(app, ["export", "series", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3 and {r["doc_id"] for r in rows} == {"r1", "r2", "r3"}
    out = tmp_path / "series.parquet"
    result = runner.invoke(app, ["export", "series", "-f", "parquet", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 3
    bad = runner.invoke(app, ["export", "people", "--db", db])
    assert bad.exit_code == 2 and "series" in bad.output
