"""The command line, driven in-process with Typer's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

runner = CliRunner()

REPORT_A = (
    "Kyiv, 3 March 2024. Ukraine's General Staff said Russia had lost 412,000 soldiers since the "
    "start of the full-scale invasion, including 1,100 over the past day.\n"
)
REPORT_B = (
    "The ministry said 2,000 people were evacuated from the city in May 2024, "
    "and about 400 of them, or 20%, were children.\n"
)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "ledger.sqlite")


def test_analyze_sample_prints_the_consistent_and_the_broken_percentage(db: str) -> None:
    result = runner.invoke(app, ["analyze", "--sample", "--db", db])
    assert result.exit_code == 0, result.output
    assert "✓" in result.stdout and "✗" in result.stdout
    assert "15,653" in result.stdout
    assert "17,721" in result.stdout


def test_analyze_stores_the_report_in_the_ledger(db: str) -> None:
    runner.invoke(app, ["analyze", "--sample", "--db", db])
    args = ["claims", "--db", db, "--format", "json", "--search", "absent"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert any(r["text"] == "17,721" for r in rows)


def test_ingest_stores_good_documents_and_names_the_bad_ones(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(REPORT_B, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 40)
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert "blob.bin" in result.stderr
    assert "Traceback" not in result.output
    listed = json.loads(runner.invoke(app, ["claims", "--db", db, "--format", "json"]).stdout)
    assert {r["text"] for r in listed} >= {"412,000", "2,000", "20%"}


def test_ingesting_the_same_document_twice_stores_it_once(tmp_path: Path, db: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT_A, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(path), "--db", db, "-q"]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(path), "--db", db, "-q"]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["claims", "--db", db, "--format", "json"]).stdout)
    assert [r["text"] for r in rows].count("412,000") == 1


def test_extract_jsonl_keeps_input_ids_and_the_contract_shape(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(
        json.dumps({"id": "x1", "text": REPORT_B, "language": "en", "published": "2024-06-01"})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(src)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"] == "x1"
    assert set(record) >= {"quantities", "times", "hedges", "checks"}
    percent = next(q for q in record["quantities"] if q["kind"] == "percent")
    assert percent["value"] == 20
    assert any(c["kind"] == "percent_of" and c["status"] == "consistent" for c in record["checks"])


def test_extract_reports_an_invalid_jsonl_line_and_keeps_the_others(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(
        json.dumps({"id": "ok1", "text": REPORT_A}) + "\n{not json\n"
        + json.dumps({"id": "ok2", "text": REPORT_B}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(src)])
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["ok1", "ok2"]
    assert "docs.jsonl:2" in result.stderr


def test_show_an_unknown_document_is_a_clear_error(db: str) -> None:
    runner.invoke(app, ["analyze", "--sample", "--db", db])
    result = runner.invoke(app, ["show", "no-such-doc", "--db", db])
    assert result.exit_code == 1
    assert "no-such-doc" in result.stderr
    assert "Traceback" not in result.output


def test_show_a_stored_document_renders_its_checks(db: str) -> None:
    runner.invoke(app, ["analyze", "--sample", "--db", db])
    rows = json.loads(runner.invoke(app, ["claims", "--db", db, "--format", "json"]).stdout)
    result = runner.invoke(app, ["show", rows[0]["doc_id"], "--db", db])
    assert result.exit_code == 0, result.output
    assert "✗" in result.stdout


def test_export_claims_as_csv_has_a_header_and_one_row_per_claim(db: str, tmp_path: Path) -> None:
    runner.invoke(app, ["analyze", "--sample", "--db", db])
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["export", "claims", "--format", "csv", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "value" in lines[0]
    assert len(lines) >= 8


def test_a_missing_input_is_named_and_exits_non_zero(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--db", db, "-q"])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr


def test_python_dash_m_runs_the_same_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "claimledger", "--help"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert "ingest" in proc.stdout and "analyze" in proc.stdout


def test_names_and_text_that_look_like_markup_are_printed_as_they_are(
    tmp_path: Path, db: str
) -> None:
    folder = tmp_path / "inbox"
    (folder / "a[").mkdir(parents=True)
    (folder / "a[" / "].txt").write_text("", encoding="utf-8")  # the path holds "a[/].txt"
    (folder / "b.txt").write_text(
        "[bold]Officials[/] said :100: 1,200 people left the town. " + REPORT_A,
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"])
    assert result.exit_code == 1
    assert "a[/].txt" in result.stderr
    rows = json.loads(runner.invoke(app, ["claims", "--db", db, "--format", "json"]).stdout)
    assert "1,200" in {r["text"] for r in rows}
    shown = runner.invoke(app, ["show", rows[0]["doc_id"], "--db", db])
    assert "[bold]Officials[/]" in shown.stdout and ":100:" in shown.stdout


def test_analyze_resolves_relative_dates_against_the_given_published_date(
    tmp_path: Path, db: str
) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Last year the courts heard 1,200 cases.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--published", "2024-04-24", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2023" in result.stdout
    bad = runner.invoke(app, ["analyze", str(path), "--published", "April", "--db", db])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def _loss_reports(folder: Path) -> Path:
    """Four daily reports of one running total, the third lower than the second."""
    folder.mkdir()
    for day, total in (("01", 1_001_100), ("02", 1_002_200), ("03", 1_001_500), ("04", 1_003_400)):
        (folder / f"r{day}.jsonl").write_text(
            json.dumps({
                "id": f"gs-{day}",
                "published": f"2025-06-{day}",
                "text": f"Ukraine's General Staff said Russia had lost {total:,} personnel "
                        "since the start of the full-scale invasion.",
            }) + "\n",
            encoding="utf-8",
        )
    return folder


def test_series_shows_a_metric_timeline_and_flags_a_running_total_that_went_down(
    tmp_path: Path, db: str
) -> None:
    folder = _loss_reports(tmp_path / "gs")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"]).exit_code == 0
    listing = runner.invoke(app, ["series", "--db", db, "--format", "json"])
    listed = json.loads(listing.stdout)
    assert any(s["thing"] == "ru_personnel_losses" and s["aggregation"].startswith("since:")
               for s in listed)
    points = json.loads(
        runner.invoke(app, ["series", "ru_personnel_losses", "--db", db, "-f", "json"]).stdout
    )
    assert [p["value"] for p in points] == [1_001_100, 1_002_200, 1_001_500, 1_003_400]
    table = runner.invoke(app, ["series", "ru_personnel_losses", "--db", db])
    assert "⚑" in table.stdout and "went down" in table.stdout


def test_verify_compares_claims_with_a_reference_series(tmp_path: Path, db: str) -> None:
    folder = _loss_reports(tmp_path / "gs")
    runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"])
    ref = tmp_path / "ref.csv"
    ref.write_text(
        "date,personnel\n2025-06-01,1001100\n2025-06-02,1002200\n2025-06-03,1002900\n"
        "2025-06-04,1003400\n",
        encoding="utf-8",
    )
    args = ["verify", "--reference", str(ref), "--map", "ru_personnel_losses=personnel"]
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    assert "checked 4, matched 3" in result.stdout
    assert "off by -1,400" in result.stdout
    bad = runner.invoke(app, [*args[:3], "--map", "ru_personnel_losses=nope", "--db", db])
    assert bad.exit_code == 2 and "nope" in bad.stderr


def test_sources_and_doctor_describe_the_ledger(db: str) -> None:
    runner.invoke(app, ["analyze", "--sample", "--db", db])
    listed = json.loads(runner.invoke(app, ["sources", "--db", db, "-f", "json"]).stdout)
    uk = next(s for s in listed if s["source"] == "UK Defence Intelligence")
    assert uk["figures"] >= 5
    doctor = runner.invoke(app, ["doctor", "--db", db])
    assert doctor.exit_code == 0 and "sound" in doctor.stdout


def test_users_metric_and_source_files_apply_on_reanalysis(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimledger.sources_registry as registry

    report = tmp_path / "r.txt"
    report.write_text(
        "The Harbour Watch group said 37 grain ships left Odesa in May 2025.", encoding="utf-8"
    )
    runner.invoke(app, ["ingest", str(report), "--db", db, "-q"])
    before = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "json"]).stdout)
    assert before[0]["metric"] is None
    metrics = tmp_path / "metrics.json"
    metrics.write_text(json.dumps({"metrics": [
        {"name": "grain_ships", "kind": "count", "terms": {"en": ["grain ships"]}}
    ]}), encoding="utf-8")
    sources = tmp_path / "sources.json"
    sources.write_text(json.dumps({"sources": [
        {"name": "Harbour Watch monitoring group", "aliases": ["Harbour Watch group"]}
    ]}), encoding="utf-8")
    monkeypatch.setenv("CLAIMLEDGER_METRICS", str(metrics))
    monkeypatch.setenv("CLAIMLEDGER_SOURCES", str(sources))
    monkeypatch.setattr(registry, "_DEFAULT", None)
    result = runner.invoke(app, ["reanalyze", "--db", db])
    assert result.exit_code == 0, result.output
    assert "re-analysed 1 documents" in result.stderr
    after = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "json"]).stdout)
    assert after[0]["metric"] == "grain_ships"
    assert after[0]["canonical_sources"] == ["Harbour Watch monitoring group"]


def test_a_document_the_pipeline_fails_on_is_reported_and_the_batch_goes_on(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimledger.api as api_module

    real = api_module.analyze_document

    def flaky(doc):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise ValueError("simulated extractor bug")
        return real(doc)

    monkeypatch.setattr(api_module, "analyze_document", flaky)
    (tmp_path / "a.txt").write_text("BOOM 5 people were hurt.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT_B, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "-q"])
    assert result.exit_code == 1
    assert "a.txt" in result.stderr and "simulated extractor bug" in result.stderr
    rows = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "json"]).stdout)
    assert "2,000" in {r["text"] for r in rows}


def _relay_reports(path: Path) -> Path:
    """Three outlets relaying one month's count of convictions, one with a digit dropped."""
    rows = [
        ("en1", "en", "2024-04-20", "one.example",
         "Mediazona counted 684 soldiers sentenced for desertion in March 2024."),
        ("uk1", "uk", "2024-04-21", "two.example",
         "За підрахунками Медіазони, у березні 2024 року за дезертирство засудили 684 "
         "військових."),
        ("en2", "en", "2024-04-22", "three.example",
         "Mediazona counted 64 soldiers sentenced for desertion in March 2024."),
    ]
    path.write_text("".join(
        json.dumps({"id": i, "language": lang, "published": day, "outlet": outlet, "text": text},
                   ensure_ascii=False) + "\n"
        for i, lang, day, outlet, text in rows), encoding="utf-8")
    return path


def test_claim_shows_the_relays_of_a_figure_and_the_conflicting_versions(
    tmp_path: Path, db: str
) -> None:
    src = _relay_reports(tmp_path / "relays.jsonl")
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "-q"]).exit_code == 0
    exported = runner.invoke(app, ["export", "claims", "--db", db, "-f", "jsonl"])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    figure = next(r for r in rows if r["doc"] == "en2" and r["value"] == 64)
    result = runner.invoke(app, ["claim", f"en2:{figure['index']}", "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.output
    (view,) = json.loads(result.stdout)
    assert view["original_source"] == "Mediazona"
    assert view["first_seen"] == "2024-04-20"
    assert {r["doc_id"] for r in view["relays"]} >= {"en1", "en2"}
    assert view["conflict"] is True
    table = runner.invoke(app, ["claim", f"en2:{figure['index']}", "--db", db])
    assert "conflicting values" in table.stdout and "684" in table.stdout
    missing = runner.invoke(app, ["claim", "nope:1", "--db", db])
    assert missing.exit_code == 1 and "no figure or claim" in missing.stderr


def test_a_mistyped_ledger_path_is_an_error_not_an_empty_ledger(tmp_path: Path) -> None:
    typo = tmp_path / "typo.sqlite"
    for command in (["doctor"], ["claims"], ["sources"], ["series"], ["export", "claims"]):
        result = runner.invoke(app, [*command, "--db", str(typo)])
        assert result.exit_code == 2, command
        assert "no ledger at" in result.stderr
    assert not typo.exists()


def test_claims_refuses_an_impossible_date(db: str) -> None:
    result = runner.invoke(app, ["claims", "--since", "2025-13-01", "--db", db])
    assert result.exit_code == 2 and "--since must be a date" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("claimledger ")


def test_events_lists_dated_actions_and_exports_them(tmp_path: Path, db: str) -> None:
    src = tmp_path / "ev.jsonl"
    rows = [
        {"id": "e1", "language": "en", "published": "2025-06-02", "outlet": "one.example",
         "text": "On May 30, 2025, Vladimir Putin approved the new naval strategy."},
        {"id": "e2", "language": "en", "published": "2025-06-03", "outlet": "two.example",
         "text": "Vladimir Putin approved the new naval strategy on May 30, 2025."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "-q"]).exit_code == 0
    listed = runner.invoke(app, ["events", "--actor", "Putin", "--db", db, "-f", "json"])
    assert listed.exit_code == 0, listed.output
    events = json.loads(listed.stdout)
    assert {e["doc_id"] for e in events} == {"e1", "e2"}
    assert all(e["action"] == "approve" and e["date"] == "2025-05-30" for e in events)
    assert len({e["event"] for e in events}) == 1 and events[0]["relays"] == 2
    exported = runner.invoke(app, ["export", "events", "--db", db, "-f", "csv"])
    assert exported.exit_code == 0 and "approve" in exported.stdout
    none = runner.invoke(app, ["events", "--actor", "Zelensky", "--db", db, "-f", "json"])
    assert json.loads(none.stdout) == []
