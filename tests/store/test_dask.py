"""The Dask engine on a LocalCluster of processes: workers read their shards and write to
PostgreSQL or Parquet in parallel (SQLite: one writer), with the same documents, claims and checks
as the local engine; a worker killed mid-shard loses nothing and duplicates nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import distributed
import pytest
from scale_helpers import KillOnce, checked_corpus, corpus, jsonl_line
from typer.testing import CliRunner

from claimledger.api import IngestReport, ingest_sources
from claimledger.cli import app
from claimledger.scale import DaskReport, ingest_dask
from claimledger.store import open_ledger
from claimledger.store.base import CheckRow, ClaimRow, DocumentRow, Ledger
from claimledger.store.export import export_rows

SHARD_BYTES = 700  # a few reports per shard: many shards, ranges of every JSONL file




@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    client = distributed.Client(cluster)
    client.wait_for_workers(2)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture
def sources(tmp_path: Path) -> list[str]:
    root = corpus(tmp_path / "corpus")
    checked_corpus(root / "f.jsonl", 24)
    return [str(root), str(tmp_path / "missing.txt")]


def _rows(ledger: Ledger) -> dict[str, list[tuple[Any, ...]]]:
    """Every claim, check and document (without its ingest time) of ``ledger``, sorted."""
    return {
        "claims": sorted(astuple(r) for r in ledger.iter_claims()),
        "checks": sorted(astuple(r) for r in ledger.iter_checks()),
        "documents": sorted(astuple(r)[:-1] for r in ledger.iter_documents()),
    }


def astuple(row: Any) -> tuple[Any, ...]:
    return tuple(asdict(row).values())


def _local(sources: list[str], tmp_path: Path) -> tuple[IngestReport, dict[str, list[Any]]]:
    ledger = open_ledger(str(tmp_path / "local.sqlite"))
    try:
        report = ingest_sources(sources, ledger)
        return report, _rows(ledger)
    finally:
        ledger.close()


def _same_report(dask: DaskReport, local: IngestReport) -> None:
    assert (dask.stored, dask.refreshed) == (local.stored, local.refreshed)
    assert sorted(map(str, dask.failures)) == sorted(map(str, local.failures))


def _parquet_rows(root: Path) -> dict[str, list[tuple[Any, ...]]]:
    import pyarrow.dataset as ds

    out = {}
    for table, cut in (("claims", None), ("checks", None), ("documents", -1)):
        rows = ds.dataset(root / table, format="parquet").to_table().to_pylist()
        out[table] = sorted(
            tuple(tuple(v) if isinstance(v, list) else v for v in r.values())[:cut] for r in rows
        )
    return out


def test_sqlite_keeps_one_writer_and_the_ledger_of_a_local_run(
    client: Any, sources: list[str], tmp_path: Path
) -> None:
    local_report, local_rows = _local(sources, tmp_path)
    ledger = open_ledger(str(tmp_path / "dask.sqlite"))
    try:
        report = ingest_dask(sources, ledger, client=client, shard_bytes=SHARD_BYTES)
        assert _rows(ledger) == local_rows
    finally:
        ledger.close()
    _same_report(report, local_report)
    assert report.shards > 6 and report.client_write_cpu > 0
    assert len(local_rows["claims"]) > 100 and local_rows["checks"]


def test_postgresql_workers_write_the_ledger_of_a_local_run(
    client: Any, sources: list[str], tmp_path: Path, pg_schema_url: str
) -> None:
    local_report, local_rows = _local(sources, tmp_path)
    ledger = open_ledger(pg_schema_url)
    try:
        report = ingest_dask(sources, ledger, client=client, shard_bytes=SHARD_BYTES)
        assert _rows(ledger) == local_rows
        assert ledger.integrity_check() == []
        (left,) = ledger._read("SELECT count(*) FROM ingest_progress")  # type: ignore[attr-defined]
        assert left == (0,)  # the run's progress log is gone with the run
    finally:
        ledger.close()
    _same_report(report, local_report)
    assert report.cpu["write"] > 0 and report.client_write_cpu == 0


def test_the_same_documents_in_two_shards_at_once_are_stored_once(
    client: Any, tmp_path: Path, pg_schema_url: str
) -> None:
    """Two copies of a file are two shards written at the same moment by the two workers."""
    text = "\n".join(jsonl_line(i) for i in range(12)) + "\n"
    copies = []
    for name in ("one.jsonl", "two.jsonl"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        copies.append(str(tmp_path / name))
    local_report, local_rows = _local(copies, tmp_path)
    ledger = open_ledger(pg_schema_url)
    try:
        report = ingest_dask(copies, ledger, client=client, shard_bytes=len(text.encode()))
        assert ledger.count()["documents"] == 12
        assert _rows(ledger)["claims"] == local_rows["claims"]
    finally:
        ledger.close()
    assert report.shards == 2
    _same_report(report, local_report)  # 12 new, 12 refreshed


def test_a_document_the_store_rejects_is_a_failure_and_its_shard_goes_on(
    client: Any, tmp_path: Path, pg_schema_url: str
) -> None:
    """PostgreSQL text cannot hold a NUL character: that report fails, its neighbours are kept."""
    lines = [jsonl_line(i) for i in range(6)]
    lines[2] = json.dumps({"id": "nul", "text": "A count of 12 lines\u0000 in May 2024."})
    path = tmp_path / "nul.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ledger = open_ledger(pg_schema_url)
    try:
        report = ingest_dask([str(path)], ledger, client=client, shard_bytes=10**9)
        assert ledger.count()["documents"] == 5
    finally:
        ledger.close()
    assert report.stored == 5 and report.shards == 1
    (failure,) = report.failures
    assert "nul" in failure.source and "could not be stored" in failure.reason


def test_parquet_dataset_holds_the_export_of_a_local_run(
    client: Any, sources: list[str], tmp_path: Path
) -> None:
    local_report, local_rows = _local(sources, tmp_path)
    out = tmp_path / "dataset"
    report = ingest_dask(sources, None, parquet_dir=str(out), client=client,
                         shard_bytes=SHARD_BYTES)
    _same_report(report, local_report)
    assert _parquet_rows(out) == local_rows
    for table in ("claims", "checks", "documents"):
        files = sorted(p.name for p in (out / table).iterdir())
        assert len(files) == report.shards  # one file per shard per table, no leftovers
        assert all(f.startswith("part-") and f.endswith(".parquet") for f in files)
    # The schema of `claimledger export`: a file it writes reads as one part of the dataset.
    import pyarrow.parquet as pq

    ledger = open_ledger(str(tmp_path / "local.sqlite"))
    try:
        for table, row_type in (("claims", ClaimRow), ("checks", CheckRow),
                                ("documents", DocumentRow)):
            export_rows(getattr(ledger, f"iter_{table}")(), row_type, "parquet",
                        tmp_path / f"{table}.parquet")
            exported = pq.read_schema(tmp_path / f"{table}.parquet")
            assert pq.read_schema(next((out / table).iterdir())) == exported
    finally:
        ledger.close()
    # Run again over the same inputs: the files are replaced, no row is added.
    ingest_dask(sources, None, parquet_dir=str(out), client=client, shard_bytes=SHARD_BYTES)
    assert _parquet_rows(out) == local_rows


@pytest.mark.parametrize("backend", ["postgresql", "parquet"])
def test_a_worker_killed_mid_shard_loses_and_duplicates_nothing(
    backend: str, client: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path = checked_corpus(tmp_path / "kill.jsonl", 30)
    local_report, local_rows = _local([str(path)], tmp_path)
    marker = tmp_path / "killed"
    kill = KillOnce(marker, after=3)
    if backend == "postgresql":
        ledger = open_ledger(request.getfixturevalue("pg_schema_url"))
        try:
            report = ingest_dask([str(path)], ledger, client=client, shard_bytes=1_500, hook=kill)
            rows = _rows(ledger)
            assert ledger.count()["documents"] == 30
        finally:
            ledger.close()
        assert report.resumed == 3  # stored by the killed attempt, skipped by the retry
    else:
        out = tmp_path / "dataset"
        report = ingest_dask([str(path)], None, parquet_dir=str(out), client=client,
                             shard_bytes=1_500, hook=kill)
        rows = _parquet_rows(out)
        leftovers = [p.name for p in out.rglob("*") if p.is_file() and p.name.startswith(".")]
        assert leftovers == []  # the killed attempt's unfinished files were removed
    assert marker.exists()  # a worker was killed
    assert report.shards > 2
    _same_report(report, local_report)
    assert rows == local_rows
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it, for the next tests


def test_cli_ingest_on_dask_into_parquet_exits_as_the_local_engine(tmp_path: Path) -> None:
    root = corpus(tmp_path / "corpus", n=6)
    out = tmp_path / "dataset"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", "--engine", "dask", "--workers", "1", "--quiet",
                                 "--out", f"parquet:{out}", str(root)])
    local = runner.invoke(app, ["ingest", "--quiet", "--db", str(tmp_path / "l.sqlite"),
                                str(root)])
    assert result.exit_code == local.exit_code == 1  # a broken line and an empty file
    assert sorted(p.name for p in (out / "documents").iterdir())
    bad = runner.invoke(app, ["ingest", "--out", f"parquet:{out}", str(root)])
    assert bad.exit_code == 2 and "--engine dask" in bad.output
