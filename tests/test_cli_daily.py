"""The CLI as an analyst uses it every day (issue 16): listing, deleting, value search, paging,
sorting, exports of every table, one-line tables at 80 columns, help without value types."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

runner = CliRunner()

# Reports written for these tests: numbers written in three conventions, a hedge used twice.
REPORT_SPACED = (
    "Oslo, 2 May 2025. The harbour office said 7 400 containers were handled in April, "
    "likely a record for the port.\n"
)
REPORT_COMMA = (
    "Bergen, 9 May 2025. Port statistics show 7,400 containers passed the quay in April and "
    "12 ships waited at anchor. Likely more will come in June, and it is likely that 300 "
    "workers will be hired.\n"
)
REPORT_OTHER = (
    "Tromsø, 1 June 2024. The council said 950 homes were connected to the grid last year, "
    "and 380 of them, or 60%, were new.\n"
)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = tmp_path / "ledger.sqlite"
    batch = tmp_path / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as fh:
        for text, day, outlet in ((REPORT_SPACED, "2025-05-02", "Harbour News"),
                                  (REPORT_COMMA, "2025-05-09", "Coast Daily"),
                                  (REPORT_OTHER, "2024-06-01", "North Wire")):
            fh.write(json.dumps({"text": text, "published": day, "outlet": outlet}) + "\n")
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return str(path)


def rows(args: list[str]) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def test_a_value_search_finds_the_figure_however_its_digits_are_grouped(db: str) -> None:
    for typed in ("7400", "7,400", "7 400"):
        found = rows(["claims", "--db", db, "--value", typed])
        assert sorted(str(r["text"]) for r in found) == ["7 400", "7,400"]
    assert rows(["claims", "--db", db, "--value", "7401"]) == []
    near = rows(["claims", "--db", db, "--value", "7401", "--tolerance", "1"])
    assert len(near) == 2


def test_a_value_that_is_no_number_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--value", "many"])
    assert result.exit_code == 2
    assert "--value" in result.stderr


def test_a_search_reads_the_figures_sentence(db: str) -> None:
    # "record" is neither the figure nor what it counts: it is in the sentence only
    found = rows(["claims", "--db", db, "--search", "record"])
    assert [r["text"] for r in found] == ["7 400"]


def test_claims_page_with_offset_and_sort_by_value(db: str) -> None:
    everything = rows(["claims", "--db", db, "--sort", "largest", "--limit", "100"])
    values = [float(str(r["value"])) for r in everything]
    assert values == sorted(values, reverse=True)
    second = rows(["claims", "--db", db, "--sort", "largest", "--limit", "2", "--offset", "2"])
    assert second == everything[2:4]
    oldest = rows(["claims", "--db", db, "--sort", "oldest", "--limit", "1"])
    assert oldest[0]["published"] == "2024-06-01"


def test_the_claims_table_says_which_page_of_how_many(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--limit", "2"])
    assert result.exit_code == 0, result.output
    total = len(rows(["claims", "--db", db, "--limit", "100"]))
    assert f"1–2 of {total} claims" in result.stdout


def test_the_claims_table_is_one_line_per_figure_at_80_columns(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    n = len(rows(["claims", "--db", db, "--limit", "100"]))
    body = [line for line in lines if "doc-" in line]
    assert len(body) == n  # no row wraps onto a second line


def test_claims_csv_writes_lists_as_the_export_does(db: str, tmp_path: Path) -> None:
    listed = runner.invoke(app, ["claims", "--db", db, "-f", "csv", "--value", "7400"])
    exported = tmp_path / "claims.csv"
    runner.invoke(app, ["export", "claims", "--db", db, "-f", "csv", "-o", str(exported)])
    first = next(csv.DictReader(io.StringIO(listed.stdout)))
    by_text = {r["text"]: r for r in csv.DictReader(exported.open(encoding="utf-8"))}
    assert json.loads(first["sources"]) == json.loads(by_text[first["text"]]["sources"])
    assert first["sources"].startswith("[")


def test_documents_lists_filters_and_sorts(db: str) -> None:
    listed = rows(["documents", "--db", db])
    assert [d["published"] for d in listed] == ["2025-05-09", "2025-05-02", "2024-06-01"]
    assert [d["published"] for d in rows(["documents", "--db", db, "--sort", "oldest"])] == [
        "2024-06-01", "2025-05-02", "2025-05-09"]
    recent = rows(["documents", "--db", db, "--since", "2025-01-01"])
    assert len(recent) == 2
    assert len(rows(["documents", "--db", db, "--limit", "1", "--offset", "2"])) == 1
    failed = rows(["documents", "--db", db, "--failed"])  # 380 of 950 is 40%, not 60%
    assert [d["published"] for d in failed] == ["2024-06-01"]
    assert rows(["documents", "--db", db, "--sort", "failed"])[0]["published"] == "2024-06-01"
    table = runner.invoke(app, ["documents", "--db", db])
    assert "3 documents" in table.stdout


def test_delete_removes_a_document_and_everything_derived(db: str) -> None:
    doc = next(d for d in rows(["documents", "--db", db]) if d["published"] == "2024-06-01")
    before = len(rows(["claims", "--db", db, "--limit", "100"]))
    mine = len(rows(["claims", "--db", db, "--search", "homes", "--limit", "100"]))
    result = runner.invoke(app, ["delete", str(doc["id"]), "--db", db])
    assert result.exit_code == 0, result.output
    assert "removed 1 document" in result.stdout
    assert len(rows(["documents", "--db", db])) == 2
    assert len(rows(["claims", "--db", db, "--limit", "100"])) == before - mine
    assert rows(["claims", "--db", db, "--search", "homes"]) == []
    doctor = runner.invoke(app, ["doctor", "--db", db])
    assert doctor.exit_code == 0, doctor.output


def test_delete_with_an_unknown_id_removes_nothing(db: str) -> None:
    known = str(rows(["documents", "--db", db])[0]["id"])
    result = runner.invoke(app, ["delete", known, "doc-nothere", "--db", db])
    assert result.exit_code == 1
    assert "doc-nothere" in result.stderr and "nothing was removed" in result.stderr
    assert len(rows(["documents", "--db", db])) == 3


@pytest.mark.parametrize("table", ["times", "hedges", "attributions"])
def test_export_writes_every_table(db: str, table: str) -> None:
    result = runner.invoke(app, ["export", table, "--db", db, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["doc_id"].startswith("doc-") for r in records)


def test_hedges_are_one_entry_per_term_with_what_they_hedge(db: str) -> None:
    doc = next(d for d in rows(["documents", "--db", db]) if d["published"] == "2025-05-09")
    result = runner.invoke(app, ["show", str(doc["id"]), "--db", db])
    line = next(x for x in result.stdout.splitlines() if x.startswith("Hedges:"))
    assert line.count("likely (") == 1  # "Likely" and "likely" are one term
    assert "×2" in line


def test_help_shows_examples_and_no_value_type_for_flags() -> None:
    for command in ("claims", "documents", "delete", "export", "show"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        assert "Example" in result.stdout, command
        assert "<bool>" not in result.stdout, command


def test_a_writing_command_says_where_it_created_the_ledger(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    first = runner.invoke(app, ["analyze", "--sample", "--db", str(path)])
    assert f"created a new ledger at {path}" in first.stderr
    again = runner.invoke(app, ["analyze", "--sample", "--db", str(path)])
    assert "created a new ledger" not in again.stderr
