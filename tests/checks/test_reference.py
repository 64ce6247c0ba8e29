"""Reference data: loading dated series and checking claims against them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.checks.metrics import load_metrics
from claimledger.checks.reference import (
    ReferenceSeries,
    load_reference,
    parse_day,
    parse_mapping,
    parse_number,
    verify_claims,
)
from claimledger.errors import ConfigError, IngestError, ParseError
from claimledger.store.base import ClaimRow

FIXTURE = str(Path(__file__).parent.parent / "fixtures" / "reference_losses.csv")
MAP = {"ru_personnel_losses": "personnel"}

_BASE = ClaimRow(
    doc_id="d1",
    index=0,
    start=0,
    end=7,
    text="461,940",
    value=461_940,
    value_high=None,
    kind="count",
    unit=None,
    approx="exact",
    change=False,
    what="personnel",
    period_from=None,
    period_to="2024-04-24",
    sources=("General Staff",),
    canonical_sources=(),
    metric="ru_personnel_losses",
    outlet="Outlet",
    published="2024-04-24",
    url=None,
    title=None,
)


def load_reference_rows(folder: Path, values: dict[str, int]) -> ReferenceSeries:
    """A one-column (personnel) reference from day -> value, written as CSV in ``folder``."""
    path = folder / "small.csv"
    path.write_text("date,personnel\n" + "".join(f"{d},{v}\n" for d, v in values.items()))
    return load_reference(str(path))


def claim(**changes: object) -> ClaimRow:
    return replace(_BASE, **changes)  # type: ignore[arg-type]


@pytest.fixture()
def ref() -> ReferenceSeries:
    return load_reference(FIXTURE)


def test_csv_loads_date_and_numeric_columns(ref: ReferenceSeries) -> None:
    assert ref.first == "2024-04-20" and ref.last == "2024-04-26"
    assert sorted(ref.columns) == ["personnel", "tanks"]  # the text column is skipped
    assert ref.value("personnel", "2024-04-24") == 461_940
    assert ref.value("tanks", "2024-04-26") == 7190  # "7,190" as a string
    assert ref.value("personnel", "2024-04-25") is None


def test_json_list_of_dated_objects_with_string_values(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    rows = [
        {"date": "2024-04-23", "personnel": 461060, "personnel*": "about", "place": "Bakhmut"},
        {"date": "2024-04-24", "personnel": "461 940", "personnel*": "about"},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    r = load_reference(str(path))
    assert sorted(r.columns) == ["personnel"]
    assert r.value("personnel", "2024-04-24") == 461_940


def test_json_nested_objects_are_flattened_to_dotted_columns(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    data = {
        "source": "test",
        "data": [
            {"day": {"date": "24.04.2024"}, "losses": {"personnel": 461940, "tank": 7176}},
            {"day": {"date": "25.04.2024"}, "losses": {"personnel": 462980, "tank": 7184}},
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    r = load_reference(str(path))
    assert r.dates == ("2024-04-24", "2024-04-25")
    assert r.value("losses.tank", "2024-04-25") == 7184


def test_json_object_keyed_by_date(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"2024-04-24": 10, "2024-04-25": "12"}), encoding="utf-8")
    assert load_reference(str(path)).value("value", "2024-04-25") == 12


def test_date_column_is_found_without_a_date_header(tmp_path: Path) -> None:
    path = tmp_path / "r.tsv"
    path.write_text("when\tcount\n2024/04/24\t5\n2024/04/25\t7\n", encoding="utf-8")
    assert load_reference(str(path)).value("count", "2024-04-25") == 7


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[1, 2]", "list of objects"),
        ('{"a": 1}', "dated objects"),
        ("[]", "no rows"),
        ("{not json", "not valid JSON"),
        ('[{"name": "x", "n": 1}]', "no date column"),
        ('[{"date": "2024-01-01", "n": "x"}]', "no numeric columns"),
        ('[{"date": "2024-01-01", "n": 1}, {"date": "2024-01-01", "n": 2}]', "appears twice"),
        ('[{"date": "yesterday", "n": 1}]', "row 1: date 'yesterday' is not a date"),
    ],
)
def test_bad_reference_content_raises_parse_error_naming_the_file(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError, match=reason) as info:
        load_reference(str(path))
    assert info.value.source == str(path)


def test_missing_reference_file_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        load_reference(str(tmp_path / "missing.csv"))


def test_numbers_and_days_parse_in_common_spellings() -> None:
    assert parse_number("461,940") == 461_940
    assert parse_number("about 461 940") == 461_940
    assert parse_number("12,5") == 12.5
    assert parse_number("1.234.567") == 1_234_567
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("+880") == 880
    assert parse_number(True) is None and parse_number("Izium") is None
    assert parse_number("2024-04-24") is None
    assert parse_day("2024-04-24T06:00:00Z") == "2024-04-24"
    assert parse_day("24.04.2024") == "2024-04-24"
    assert parse_day("2024-02-30") is None and parse_day(20240424) is None


def test_matching_total_and_rounded_total_match(ref: ReferenceSeries) -> None:
    rows = [claim(), claim(doc_id="d2", value=462_000, approx="about")]
    report = verify_claims(rows, ref, MAP)
    assert (report.checked, report.matched, report.off, report.unmatched) == (2, 2, 0, 0)
    assert "matches personnel on 2024-04-24" in report.results[0].explanation


def test_increment_is_compared_with_day_to_day_change(ref: ReferenceSeries) -> None:
    good = claim(value=880, change=True, text="+880")
    bad = claim(value=800, change=True, text="+800")
    report = verify_claims([good, bad], ref, MAP)
    assert [r.status for r in report.results] == ["match", "off"]
    assert report.results[0].expected == 880
    assert "change in personnel from 2024-04-23 to 2024-04-24" in report.results[1].explanation
    assert report.results[1].difference == -80


def test_increment_after_a_gap_uses_the_previous_row(ref: ReferenceSeries) -> None:
    r = verify_claims([claim(value=1560, change=True, period_to="2024-04-26")], ref, MAP)
    assert r.results[0].status == "match"
    assert "from 2024-04-24 to 2024-04-26" in r.results[0].explanation


def test_decrease_stated_as_a_size_matches_negative_change(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("date,stock\n2024-01-01,500\n2024-01-02,292\n", encoding="utf-8")
    row = claim(value=208, change=True, metric="m", period_to="2024-01-02")
    report = verify_claims([row], load_reference(str(path)), {"m": "stock"})
    assert report.matched == 1


def test_off_figure_says_by_how_much_and_names_the_day_it_fits(ref: ReferenceSeries) -> None:
    report = verify_claims([claim(value=461_060)], ref, MAP)
    (miss,) = report.mismatches
    assert miss.status == "off" and miss.difference == -880
    assert "off by -880 (0.19% lower)" in miss.explanation
    assert "2024-04-23, 1 day earlier" in miss.explanation


def test_tolerance_is_relative(ref: ReferenceSeries) -> None:
    near = claim(value=462_100)
    assert verify_claims([near], ref, MAP).off == 1
    report = verify_claims([near], ref, MAP, tolerance=0.001)
    assert report.within_tolerance == 1 and report.mismatches == []


def test_claims_that_cannot_be_compared_say_why(ref: ReferenceSeries) -> None:
    rows = [
        claim(period_to=None, published=None, value=123_456),
        claim(period_to="2023-01-01"),
        claim(period_to="2024-04", value=123_456),
        claim(period_to="2024-04-25"),
        claim(period_to="2024-04-20", change=True, value=5),
    ]
    report = verify_claims(rows, ref, MAP)
    assert report.unmatched == 5 and report.checked == 5
    reasons = [r.explanation for r in report.unmatchable]
    assert "no date" in reasons[0]
    assert "outside the reference, which runs 2024-04-20 to 2024-04-26" in reasons[1]
    assert "is a period" in reasons[2]
    assert "no 'personnel' value on 2024-04-25" in reasons[3]
    assert "no 'personnel' value before 2024-04-20" in reasons[4]


def test_published_date_is_used_when_there_is_no_period(ref: ReferenceSeries) -> None:
    report = verify_claims([claim(period_to=None, published="2024-04-23")], ref, MAP)
    assert report.results[0].date == "2024-04-23" and report.off == 1


def test_unmapped_metrics_are_not_counted_and_metric_can_be_assigned(
    ref: ReferenceSeries,
) -> None:
    rows = [claim(metric="ru_tank_losses"), claim(metric=None, what="особового складу")]
    assert verify_claims(rows, ref, MAP).checked == 0
    report = verify_claims(rows, ref, MAP, metrics=load_metrics())
    assert report.checked == 1 and report.matched == 1


def test_mapping_to_an_unknown_column_is_a_config_error(ref: ReferenceSeries) -> None:
    with pytest.raises(ConfigError, match="no column 'killed'.*personnel, tanks"):
        verify_claims([claim()], ref, {"ru_personnel_losses": "killed"})
    with pytest.raises(ConfigError, match="non-negative"):
        verify_claims([claim()], ref, MAP, tolerance=-1)


def test_parse_mapping_reads_metric_equals_column() -> None:
    assert parse_mapping(["a=personnel", " b = tank "]) == {"a": "personnel", "b": "tank"}
    with pytest.raises(ConfigError, match="METRIC=COLUMN"):
        parse_mapping(["personnel"])


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_parse_back(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n


def test_an_undated_total_is_dated_by_the_reference_day_that_has_its_value(
    ref: ReferenceSeries,
) -> None:
    report = verify_claims([claim(period_to=None, published=None, value=461_940)], ref, MAP)
    (result,) = report.results
    assert result.status == "match" and result.date == "2024-04-24"
    assert "update it relays" in result.explanation


def test_a_month_only_total_is_dated_within_its_month(ref: ReferenceSeries) -> None:
    report = verify_claims([claim(period_to="2024-04", value=460_300)], ref, MAP)
    assert report.results[0].date == "2024-04-22" and report.matched == 1


def test_small_undated_figures_are_not_dated_by_chance(tmp_path: Path) -> None:
    small = load_reference_rows(tmp_path, {"2024-01-01": 5, "2024-01-02": 9})
    report = verify_claims([claim(period_to=None, published=None, value=9)], small, MAP)
    assert report.unmatched == 1


def test_other_undated_figures_of_the_report_are_checked_on_the_day_it_relays(
    ref: ReferenceSeries,
) -> None:
    rows = [
        claim(doc_id="r1", period_to=None, published=None, value=461_940),
        claim(doc_id="r1", period_to=None, published=None, value=880, change=True, index=1),
        claim(doc_id="r1", period_to=None, published=None, value=700, change=True, index=2),
    ]
    report = verify_claims(rows, ref, MAP)
    statuses = [r.status for r in report.results]
    assert statuses == ["match", "match", "off"]
    assert all(r.date == "2024-04-24" for r in report.results)
    assert "relays" in report.results[2].explanation


def test_a_figure_for_one_day_matches_the_day_to_day_change(ref: ReferenceSeries) -> None:
    report = verify_claims([claim(period_to="2024-04-24", value=880)], ref, MAP)
    (result,) = report.results
    assert result.status == "match" and result.expected == 880
    assert "that day alone" in result.explanation


def test_a_days_figure_matches_the_update_published_the_next_morning(
    ref: ReferenceSeries,
) -> None:
    report = verify_claims([claim(period_to="2024-04-23", value=880)], ref, MAP)
    (result,) = report.results
    assert result.status == "match" and result.date == "2024-04-24"
