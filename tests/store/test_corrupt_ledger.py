"""A ledger with corrupt pages: ``doctor`` names the damage and exits 1, no traceback (issue 15)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from claimledger.api import ingest_sources
from claimledger.cli import app
from claimledger.store import open_ledger

PAGE = 4096


def _corrupt_ledger(tmp_path: Path) -> Path:
    reports = tmp_path / "in"
    reports.mkdir()
    for k in range(6):
        (reports / f"r{k}.txt").write_text(
            f"The depot sent {10 + k} buses and {k + 2} vans to town {k}. " * 30, encoding="utf-8"
        )
    db = tmp_path / "l.db"
    ledger = open_ledger(str(db))
    ingest_sources([str(reports)], ledger)
    ledger.close()
    with db.open("r+b") as f:
        f.seek(PAGE * 2)
        f.write(b"\xde\xad" * (PAGE // 2))  # one page of the tables overwritten
    return db


def test_doctor_on_a_corrupt_ledger_names_the_damage_and_exits_1(tmp_path: Path) -> None:
    db = _corrupt_ledger(tmp_path)
    result = CliRunner().invoke(app, ["doctor", "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "malformed" in result.output or "integrity" in result.output
    assert "Traceback" not in result.output


def test_integrity_check_reports_instead_of_raising(tmp_path: Path) -> None:
    db = _corrupt_ledger(tmp_path)
    problems = open_ledger(str(db)).integrity_check()
    assert problems and any("integrity" in p for p in problems)
