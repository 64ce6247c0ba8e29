"""Reference data: loading dated series and checking claims against them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.checks.metrics import load_metrics
from claimledger.checks.reference import (
    ReferenceSeries,
    load_reference,
    merge_references,
    parse_day,
    parse_mapping,
    parse_number,
    verify_claims,
)
from claimledger.checks.reference_frames import clause, frame_of, open_width
from claimledger.checks.reference_reach import SourceMatcher
from claimledger.errors import ConfigError, IngestError, ParseError
from claimledger.sources_registry import SourceRegistry, default_registry
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


# --- a month of a small made-up daily series: reach, dating, misreadings, spans, open bounds ---

MAPX = {
    "ru_personnel_losses": "personnel",
    "ru_tank_losses": "tank",
    "ru_apc_losses": "apc",
    "ru_artillery_losses": "artillery",
    "ru_mlrs_losses": "mlrs",
    "ru_aircraft_losses": "aircraft",
}
START = date(2024, 4, 30)


def _row(i: int) -> dict[str, int]:
    """Day ``i`` after 2024-04-30: steady daily losses, a slow column and a day counter."""
    return {
        "day": 800 + i,
        "personnel": 470_000 + 1_010 * i,
        "tank": 7_300 + 3 * i,
        "apc": 14_000 + 7 * i,
        "artillery": 12_000 + 25 * i,
        "mlrs": 1_050 + i // 5,
        "aircraft": 350,
    }


def _day(i: int) -> str:
    return (START + timedelta(days=i)).isoformat()


@pytest.fixture()
def month(tmp_path: Path) -> ReferenceSeries:
    rows = [{"date": _day(i), **_row(i)} for i in range(34)]  # 2024-04-30 .. 2024-06-02
    path = tmp_path / "month.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return load_reference(str(path))


def fig(metric: str, value: float, **changes: object) -> ClaimRow:
    """A figure of ``metric`` in report r1 (no date of its own unless given)."""
    base: dict[str, object] = {
        "doc_id": "r1",
        "metric": metric,
        "value": value,
        "text": f"{value:,.0f}",
        "period_to": None,
        "published": None,
        "sources": ("General Staff",),
        "what": None,
    }
    base.update(changes)
    return claim(**base)


# reach: which chains name the source


@pytest.mark.parametrize(
    "name",
    [
        "General Staff of the Ukrainian Armed Forces",
        "the morning bulletin of the General Staff",
        "Генерального штабу ЗСУ",
        "Генеральным штабом ВСУ",
        "Генштабу",
        "Generalstabs der ukrainischen Streitkräfte",
        "dem ukrainischen Generalstab zufolge",
    ],
)
def test_a_chain_link_naming_the_general_staff_in_any_language_relays_it(name: str) -> None:
    matcher = SourceMatcher("General Staff", default_registry())
    assert matcher.names(name)


@pytest.mark.parametrize(
    "name",
    [
        "UK Defence Intelligence",
        "Russian Ministry of Defence",
        "staff writers of the paper",
        "Generalstaatsanwalt",
        "Генпрокуратура",
        "Ukrainian military",
        "",
    ],
)
def test_near_misses_do_not_name_the_general_staff(name: str) -> None:
    matcher = SourceMatcher("General Staff", default_registry())
    assert not matcher.names(name)


def test_source_filter_keeps_chains_naming_it_as_written_or_canonical(
    month: ReferenceSeries,
) -> None:
    rows = [
        fig("ru_tank_losses", 7_330, period_to=_day(10), sources=("Генштаб",)),
        fig("ru_tank_losses", 7_330, doc_id="r2", period_to=_day(10), sources=("x",),
            canonical_sources=("General Staff of the Armed Forces of Ukraine",)),
        fig("ru_tank_losses", 7_330, doc_id="r3", period_to=_day(10), sources=("Oryx",)),
    ]
    report = verify_claims(rows, month, MAPX, source="General Staff")
    assert sorted(r.claim.doc_id for r in report.results) == ["r1", "r2"]
    assert report.reports == 2


def test_a_report_published_by_the_source_relays_it_in_its_own_voice(
    month: ReferenceSeries,
) -> None:
    registry = SourceRegistry.bundled()
    registry.add_json(
        json.dumps({"sources": [{"name": "Harbour Watch", "domains": ["harbour.example"]}]}),
        "test",
    )
    own = fig("ru_tank_losses", 7_330, period_to=_day(10), sources=(), outlet="harbour.example")
    quoted = replace(own, doc_id="r2", sources=("a neighbour",))
    other = replace(own, doc_id="r3", outlet="elsewhere.example")
    report = verify_claims(
        [own, quoted, other], month, MAPX, source="Harbour Watch", registry=registry
    )
    assert [r.claim.doc_id for r in report.results] == ["r1"]


def test_a_report_whose_totals_equal_one_day_in_two_columns_is_reached_and_dated(
    month: ReferenceSeries,
) -> None:
    chain = ("Ukrainian military",)
    rows = [
        fig("ru_tank_losses", 7_330, sources=chain),
        fig("ru_apc_losses", 14_070, sources=chain, index=1),
        fig("ru_artillery_losses", 12_240, sources=chain, index=2),  # one day behind: off
        fig("ru_tank_losses", 40, sources=("Oryx",), index=3),  # another chain: not reached
    ]
    report = verify_claims(rows, month, MAPX, source="General Staff")
    assert [r.status for r in report.results] == ["match", "match", "off"]
    assert {r.date for r in report.results} == {_day(10)}
    assert "relays" in report.results[2].explanation


def test_a_single_matching_total_does_not_reach_a_report_naming_someone_else(
    month: ReferenceSeries,
) -> None:
    rows = [fig("ru_tank_losses", 7_330, sources=("Ukrainian military",))]
    assert verify_claims(rows, month, MAPX, source="General Staff").checked == 0


def test_totals_in_swapped_columns_still_date_the_report(month: ReferenceSeries) -> None:
    rows = [
        fig("ru_tank_losses", 14_070, sources=()),  # that day's apc
        fig("ru_apc_losses", 12_250, index=1, sources=()),  # that day's artillery
        fig("ru_personnel_losses", 480_100, index=2, sources=()),
    ]
    report = verify_claims(rows, month, MAPX)
    assert [r.date for r in report.results] == [_day(10)] * 3
    assert [r.status for r in report.results] == ["off", "off", "match"]


def test_totals_that_fit_many_days_equally_date_nothing(month: ReferenceSeries) -> None:
    rows = [
        fig("ru_aircraft_losses", 350, sources=("Ukrainian military",)),
        fig("ru_mlrs_losses", 1_052, index=1, sources=("Ukrainian military",)),
    ]
    assert verify_claims(rows, month, MAPX, source="General Staff").checked == 0


# misreadings: an off figure equal to another column's value that day


def test_an_off_total_equal_to_another_column_is_a_likely_misreading(
    month: ReferenceSeries,
) -> None:
    report = verify_claims([fig("ru_tank_losses", 14_070, period_to=_day(10))], month, MAPX)
    (r,) = report.results
    assert r.status == "off" and r.misreading == "apc"
    assert "a likely misreading: 14,070 is that day's apc, not its tank" in r.explanation
    assert report.misreadings == 1


def test_an_off_increment_equal_to_another_columns_change_is_a_likely_misreading(
    month: ReferenceSeries,
) -> None:
    row = fig("ru_tank_losses", 25, change=True, text="+25", period_to=_day(10))
    (r,) = verify_claims([row], month, MAPX).results
    assert r.misreading == "artillery"
    assert "+25 is that day's change in artillery, not its tank" in r.explanation


@pytest.mark.parametrize(
    ("value", "changes"),
    [
        (14_071, {}),  # equal to nothing
        (14_070, {"approx": "about"}),  # a rounded figure equals many things
        (7, {"change": True}),  # too small to tell by itself
        (810, {}),  # the day counter is no quantity
    ],
)
def test_near_misses_are_off_without_a_misreading(
    month: ReferenceSeries, value: int, changes: dict[str, object]
) -> None:
    row = fig("ru_tank_losses", value, period_to=_day(10), **changes)
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "off" and r.misreading is None
    assert "misreading" not in r.explanation


def test_in_a_report_shifted_between_columns_small_figures_are_named_too(
    month: ReferenceSeries,
) -> None:
    rows = [
        fig("ru_tank_losses", 14_070, period_to=_day(10)),
        fig("ru_apc_losses", 12_250, period_to=_day(10), index=1),
        fig("ru_tank_losses", 7, change=True, period_to=_day(10), index=2),
    ]
    report = verify_claims(rows, month, MAPX)
    assert [r.misreading for r in report.results] == ["apc", "artillery", "apc"]
    assert report.misreadings == 3


# open-ended figures: a plausible rounding of their bound


@pytest.mark.parametrize(
    ("approx", "value", "truth", "status"),
    [
        ("over", 7_300, 7_330, "match"),
        ("over", 7_000, 7_330, "match"),  # "more than 7,000": up to 7,700
        ("over", 733, 7_330, "off"),  # a bound ten times too small
        ("over", 6_600, 7_330, "off"),  # 7,330 is beyond a tenth above 6,600
        ("at_least", 7_330, 7_330, "match"),
        ("under", 7_400, 7_330, "match"),
        ("at_most", 8_000, 7_330, "match"),  # "at most 8,000": down to 7,200
        ("under", 9_000, 7_330, "off"),
        ("over", 7_400, 7_330, "off"),  # the bound is above the truth
    ],
)
def test_an_open_figure_matches_only_values_its_bound_rounds(
    month: ReferenceSeries, approx: str, value: int, truth: int, status: str
) -> None:
    assert month.value("tank", _day(10)) == truth
    row = fig("ru_tank_losses", value, approx=approx, period_to=_day(10))
    assert verify_claims([row], month, MAPX).results[0].status == status


@pytest.mark.parametrize(
    ("value", "width"),
    [(288, 28.8), (1_000, 500), (47_000, 4_700), (15_000, 1_500), (20, 5), (1_500, 150)],
)
def test_open_width_is_a_tenth_or_a_rounding_unit(value: float, width: float) -> None:
    assert open_width(value) == pytest.approx(width)


def test_an_open_figure_does_not_match_an_unrelated_larger_total(month: ReferenceSeries) -> None:
    row = fig("ru_tank_losses", 290, approx="over", period_to=_day(10), text="more than 290")
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "off" and r.expected == 7_330


# frames: sums and means over a span, in four languages


@pytest.mark.parametrize(
    ("what", "context"),
    [
        ("Russian soldiers killed or wounded a day on average", ""),
        ("troops lost", "an average of 1,000 a day in May"),
        ("военных в среднем в день", ""),
        ("солдат", "в среднем теряла 1000 в сутки"),
        ("окупантів щодня у середньому", ""),
        ("військових", "втрачала в середньому 1000 на добу"),
        ("Soldaten durchschnittlich pro Tag", ""),
        ("Soldaten", "im Mai täglich rund 1000"),
    ],
)
def test_a_month_framed_as_a_daily_average_is_its_mean_daily_change(
    month: ReferenceSeries, what: str, context: str
) -> None:
    row = fig("ru_personnel_losses", 1_000, what=what, period_from="2024-05", period_to="2024-05")
    report = verify_claims([row], month, MAPX, context=lambda c: context)
    (r,) = report.results
    assert r.status == "match" and r.expected == pytest.approx(1_010)
    assert r.frame_kind == "mean" and "mean daily change" in r.explanation


@pytest.mark.parametrize(
    "what",
    [
        "tanks destroyed in May",
        "танков уничтожено за май",
        "танків знищено за травень",
        "Panzer im Mai zerstört",
    ],
)
def test_a_months_figure_is_the_sum_of_its_daily_changes(
    month: ReferenceSeries, what: str
) -> None:
    row = fig("ru_tank_losses", 93, what=what, period_from="2024-05", period_to="2024-05")
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "match" and r.expected == 93 and r.frame_kind == "sum"


def test_a_months_sum_read_from_the_next_mornings_updates_matches_too(tmp_path: Path) -> None:
    rows = "date,tank\n2024-04-30,100\n2024-05-01,110\n2024-05-31,150\n2024-06-01,190\n"
    path = tmp_path / "t.csv"
    path.write_text(rows, encoding="utf-8")
    ref = load_reference(str(path))
    row = fig("m", 80, period_from="2024-05", period_to="2024-05")
    (r,) = verify_claims([row], ref, {"m": "tank"}).results
    assert r.status == "match" and "2024-05-01 to 2024-06-01" in r.explanation


def test_a_wrong_monthly_sum_is_off_and_says_the_sum(month: ReferenceSeries) -> None:
    row = fig("ru_tank_losses", 120, period_from="2024-05", period_to="2024-05")
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "off" and r.expected == 93
    assert "sum of the daily changes in tank for 2024-05-01 to 2024-05-31" in r.explanation


def test_a_wrong_daily_mean_is_off(month: ReferenceSeries) -> None:
    row = fig("ru_personnel_losses", 1_200, what="a day on average",
              period_from="2024-05", period_to="2024-05")
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "off" and r.expected == pytest.approx(1_010)


def test_a_monthly_sum_equal_to_another_columns_sum_is_a_likely_misreading(
    month: ReferenceSeries,
) -> None:
    row = fig("ru_tank_losses", 217, period_from="2024-05", period_to="2024-05")  # apc: 7 x 31
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "off" and r.misreading == "apc"


def test_a_week_framed_per_day_is_the_weeks_mean(month: ReferenceSeries) -> None:
    row = fig("ru_artillery_losses", 25, what="artillery systems per day",
              period_from="2024-05-06", period_to="2024-05-12")
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "match" and r.frame_kind == "mean"


def test_a_span_outside_the_reference_cannot_be_compared(month: ReferenceSeries) -> None:
    row = fig("ru_tank_losses", 93, period_from="2024-07", period_to="2024-07")
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "unmatched" and "does not cover" in r.explanation


@pytest.mark.parametrize(
    "what",
    [
        "tanks lost in the month with the heaviest losses",
        "танков за месяц",
        "танків за місяць",
        "Panzer in einem Monat",
    ],
)
def test_a_months_figure_without_its_month_cannot_be_compared(
    month: ReferenceSeries, what: str
) -> None:
    row = fig("ru_tank_losses", 93, what=what, period_from="2022-02-24", period_to=_day(10))
    (r,) = verify_claims([row], month, MAPX).results
    assert r.status == "unmatched" and "month is not known" in r.explanation


@pytest.mark.parametrize(
    ("what", "period_from", "period_to"),
    [
        ("tanks lost over 26 months of war", "2022-02-24", None),
        ("танків за 26 місяців війни", "2022-02-24", None),
        ("Panzer seit 26 Monaten", "2022-02-24", None),
        ("tanks lost since the invasion", "2022-02-24", "2024-05-10"),
        ("tanks lost daily", "2024-05-10", "2024-05-10"),
    ],
)
def test_near_misses_stay_totals_or_a_days_figure(
    month: ReferenceSeries, what: str, period_from: str, period_to: str | None
) -> None:
    row = fig("ru_tank_losses", 7_330, what=what, period_from=period_from,
              period_to=period_to or _day(10))
    assert frame_of(row, month.first, "").kind == "total"
    assert verify_claims([row], month, MAPX).results[0].status == "match"


def test_a_cue_in_another_clause_does_not_make_a_mean() -> None:
    text = "Russia lost 31 tanks in May, while losing an average of 900 soldiers a day."
    start = text.index("31")
    words = clause(text, start, start + 2)
    assert words.startswith("Russia lost 31 tanks in May") and "average" not in words
    per_day = clause(text, text.index("900"), text.index("900") + 3)
    assert "average" in per_day and "a day" in per_day


def test_references_of_several_files_are_joined(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.json"
    a.write_text("date,tank\n2024-05-01,10\n", encoding="utf-8")
    b.write_text(json.dumps([{"date": "2024-05-02", "personnel": 5}]), encoding="utf-8")
    joined = merge_references([load_reference(str(a)), load_reference(str(b))])
    assert joined.dates == ("2024-05-01", "2024-05-02")
    assert joined.value("tank", "2024-05-01") == 10 and joined.value("personnel", "2024-05-02") == 5
    c = tmp_path / "c.csv"
    c.write_text("date,tank\n2024-05-01,11\n", encoding="utf-8")
    with pytest.raises(ParseError, match="tank on 2024-05-01"):
        merge_references([load_reference(str(a)), load_reference(str(c))])


# large figures in words are round; undated day figures date their report by the day's changes


@pytest.mark.parametrize(
    ("text", "value", "status"),
    [
        ("a thousand", 1_000, "match"),  # the day's 1,010
        ("тысячу", 1_000, "match"),
        ("тисячу", 1_000, "match"),
        ("tausend", 1_000, "match"),
        ("півтори тисячі", 1_500, "off"),  # 1,350 .. 1,650 leaves out 1,010
        ("1,000", 1_000, "off"),  # in digits it is exact
    ],
)
def test_a_large_figure_in_words_is_a_rounding(
    month: ReferenceSeries, text: str, value: int, status: str
) -> None:
    row = fig("ru_personnel_losses", value, text=text, change=True, period_to=_day(10))
    assert verify_claims([row], month, MAPX).results[0].status == status


def test_a_small_figure_in_words_is_exact(month: ReferenceSeries) -> None:
    row = fig("ru_tank_losses", 4, text="four", change=True, period_to=_day(10))
    assert verify_claims([row], month, MAPX).results[0].status == "off"


def test_a_report_of_one_days_losses_is_dated_by_the_days_changes(tmp_path: Path) -> None:
    changes = [(1_100, 5, 12, 30), (1_150, 4, 11, 19), (1_150, 6, 11, 25), (1_090, 4, 9, 19)]
    text = "date,personnel,tank,apc,artillery\n2024-06-01,500000,8000,15000,14000\n"
    totals = [500_000, 8_000, 15_000, 14_000]
    for n, day_changes in enumerate(changes, start=2):
        totals = [t + c for t, c in zip(totals, day_changes, strict=True)]
        text += f"2024-06-{n:02d}," + ",".join(str(t) for t in totals) + "\n"
    path = tmp_path / "days.csv"
    path.write_text(text, encoding="utf-8")
    ref = load_reference(str(path))
    rows = [  # no date; the losses of one day: 1,150 soldiers, 4 tanks, 11 apc, 19 artillery
        fig("ru_personnel_losses", 1_150, change=True, sources=("Ukrainian military",)),
        fig("ru_tank_losses", 4, index=1, sources=("Ukrainian military",)),
        fig("ru_apc_losses", 11, index=2, sources=("Ukrainian military",)),
        fig("ru_artillery_losses", 18, index=3, sources=("Ukrainian military",)),
    ]
    cols = {m: c for m, c in MAPX.items() if c in ref.columns}
    report = verify_claims(rows, ref, cols, source="General Staff")
    assert [r.date for r in report.results] == ["2024-06-03"] * 4
    assert [r.status for r in report.results] == ["match", "match", "match", "off"]
    assert "as a figure for that day alone (19)" in report.results[3].explanation
    # two columns alone (1,150 soldiers, 11 apc) fit two days: no date, no reach
    assert verify_claims(rows[:1] + rows[2:3], ref, cols, source="General Staff").checked == 0


def test_the_verify_command_joins_references_and_reaches_reports_by_totals(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    db = str(tmp_path / "ledger.sqlite")
    reports = [
        {  # names the source
            "id": "named",
            "published": "2025-06-02",
            "text": "Ukraine's General Staff said Russia had lost 1,002,200 personnel since the "
            "start of the full-scale invasion.",
        },
        {  # names someone else, but its totals are the update of June 2 in two columns
            "id": "totals",
            "text": "Kyiv's military said Russia had lost 1,002,200 personnel and 10,950 tanks "
            "since the start of the full-scale invasion.",
        },
        {  # someone else, one total of its own: not the source's
            "id": "other",
            "published": "2025-06-02",
            "text": "A think tank said Russia had lost 1,000,000 personnel since the start of "
            "the full-scale invasion.",
        },
    ]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(docs), "--db", db, "-q"]).exit_code == 0
    people, tanks = tmp_path / "people.csv", tmp_path / "tanks.json"
    people.write_text("date,personnel\n2025-06-01,1001100\n2025-06-02,1002200\n", "utf-8")
    tanks.write_text(
        json.dumps([{"date": "2025-06-01", "tank": 10940}, {"date": "2025-06-02", "tank": 10950}]),
        "utf-8",
    )
    args = ["verify", "--db", db, "--reference", str(people), "--reference", str(tanks),
            "--map", "ru_personnel_losses=personnel", "--map", "ru_tank_losses=tank",
            "--source", "General Staff"]
    result = runner.invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["doc_id"] for r in rows} == {"named", "totals"}
    assert all(r["status"] == "match" and r["misreading"] is None for r in rows)
    table = runner.invoke(app, args)
    summary = " ".join(table.stdout.split())
    assert summary.startswith("2 reports, checked 3, matched 3")
    assert "off 0 (0 likely misreadings)" in summary
