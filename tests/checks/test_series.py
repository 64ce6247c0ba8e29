"""Series across reports: grouping, corroboration, conflicting values, cumulative decreases."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from random import Random
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.checks import series
from claimledger.checks.metrics import Metric, load_metrics
from claimledger.checks.series import (
    SeriesFlag,
    SeriesPoint,
    as_of,
    build_series,
    date_bounds,
    value_interval,
)
from claimledger.store.base import ClaimRow

_BASE = ClaimRow(
    doc_id="d1",
    index=0,
    start=0,
    end=7,
    text="500,000",
    value=500_000,
    value_high=None,
    kind="count",
    unit=None,
    approx="exact",
    change=False,
    what="Russian personnel losses",
    period_from=None,
    period_to="2024-05-01",
    sources=("General Staff of Ukraine",),
    canonical_sources=("General Staff of the Armed Forces of Ukraine",),
    metric=None,
    outlet="Outlet A",
    published="2024-05-01",
    url="https://a.example/1",
    title="Losses",
)


def claim(**changes: object) -> ClaimRow:
    return replace(_BASE, **changes)  # type: ignore[arg-type]


GS = ("General Staff of the Armed Forces of Ukraine",)


def test_figures_of_one_metric_in_different_languages_form_one_series() -> None:
    rows = [
        claim(doc_id="d1", what="Russian personnel losses", value=470_000),
        claim(doc_id="d2", what="особового складу", value=471_000, period_to="2024-05-02"),
        claim(doc_id="d3", what="личного состава", value=472_000, period_to="2024-05-03"),
    ]
    series = build_series(rows, load_metrics())
    assert [s.key for s in series] == ["ru_personnel_losses"]
    assert [p.value for p in series[0].points] == [470_000, 471_000, 472_000]
    assert series[0].cumulative is True


def test_stored_metric_is_used_before_matching_words() -> None:
    rows = [claim(what="something else entirely", metric="ru_tank_losses")]
    assert build_series(rows, load_metrics())[0].key == "ru_tank_losses"


def test_changes_are_kept_apart_from_totals() -> None:
    rows = [
        claim(doc_id="d1", value=461_940),
        claim(doc_id="d1", index=1, value=880, change=True, text="+880"),
    ]
    series = build_series(rows, load_metrics())
    assert [(s.key, s.change) for s in series] == [
        ("ru_personnel_losses", False),
        ("ru_personnel_losses", True),
    ]
    assert series[1].label.endswith("(changes)")
    assert not any(f.kind == "cumulative_decrease" for s in series for f in s.flags)


def test_points_are_dated_by_period_end_else_published_and_sorted() -> None:
    rows = [
        claim(doc_id="late", period_to=None, published="2024-06-10", value=3),
        claim(doc_id="early", period_to="2024-01-31", published="2024-06-11", value=2),
        claim(doc_id="none", period_to=None, published=None, value=1),
    ]
    points = build_series(rows, load_metrics())[0].points
    assert [(p.doc_id, p.date) for p in points] == [
        ("early", "2024-01-31"),
        ("late", "2024-06-10"),
        ("none", None),
    ]


def test_cumulative_count_that_goes_down_is_flagged_once() -> None:
    rows = [
        claim(doc_id="d1", period_to="2024-05-01", value=470_000, outlet="A"),
        claim(doc_id="d2", period_to="2024-05-02", value=47_100, outlet="B"),
        claim(doc_id="d3", period_to="2024-05-02", value=471_000, outlet="C"),
        claim(doc_id="d4", period_to="2024-05-03", value=472_000, outlet="D"),
    ]
    s = build_series(rows, load_metrics())[0]
    decreases = [f for f in s.flags if f.kind == "cumulative_decrease"]
    assert len(decreases) == 1
    low = s.points[decreases[0].points[1]]
    assert low.value == 47_100
    assert "47,100" in decreases[0].explanation and "470,000" in decreases[0].explanation


def test_rising_cumulative_count_and_lower_bound_figures_are_not_flagged() -> None:
    rows = [
        claim(doc_id="d1", period_to="2024-05-01", value=470_000),
        claim(doc_id="d2", period_to="2024-05-02", value=400_000, approx="over"),
        claim(doc_id="d3", period_to="2024-05-03", value=472_000),
    ]
    assert build_series(rows, load_metrics())[0].flags == ()


def test_non_cumulative_metric_does_not_flag_decreases() -> None:
    rows = [
        claim(doc_id="d1", what="AWOL cases", period_to="2024-01", value=5000),
        claim(doc_id="d2", what="AWOL cases", period_to="2024-02", value=4000),
    ]
    s = build_series(rows, load_metrics())[0]
    assert s.key == "ru_military_court_awol_cases" and s.cumulative is False
    assert s.flags == ()


def test_one_update_relayed_with_different_values_is_a_conflict() -> None:
    rows = [
        claim(doc_id="d1", value=684, outlet="A", sources=("General Staff",), canonical_sources=GS),
        claim(doc_id="d2", value=64, outlet="B", sources=("Генштаб ЗСУ",), canonical_sources=GS),
        claim(doc_id="d3", value=684, outlet="C", sources=("the General Staff",)),
    ]
    metric = Metric("daily", {"en": ("personnel losses",)}, cumulative=False)
    s = build_series(rows, [metric])[0]
    conflicts = [f for f in s.flags if f.kind == "conflicting_values"]
    assert len(conflicts) == 1
    assert sorted(s.points[i].value for i in conflicts[0].points) == [64, 684, 684]
    assert "684" in conflicts[0].explanation and "64 (B" in conflicts[0].explanation


def test_different_original_sources_with_different_values_do_not_conflict() -> None:
    rows = [
        claim(doc_id="d1", value=684, canonical_sources=GS),
        claim(doc_id="d2", value=500, sources=("Russian MoD",), canonical_sources=()),
    ]
    metric = Metric("m", {"en": ("personnel losses",)})
    assert build_series(rows, [metric])[0].flags == ()


def test_rounded_figure_agrees_with_exact_one() -> None:
    rows = [
        claim(doc_id="d1", value=461_940, outlet="A"),
        claim(doc_id="d2", value=462_000, approx="about", outlet="B"),
    ]
    s = build_series(rows, load_metrics())[0]
    assert s.flags == ()
    assert {p.corroboration for p in s.points} == {"relay"}


def test_corroboration_tells_relay_from_independent_from_single() -> None:
    rows = [
        claim(doc_id="d1", outlet="A", period_to="2024-05-01", value=10),
        claim(doc_id="d2", outlet="B", period_to="2024-05-01", value=10),
        claim(doc_id="d3", outlet="A", period_to="2024-05-02", value=12),
        claim(
            doc_id="d4",
            outlet="C",
            period_to="2024-05-02",
            value=12,
            sources=("ISW",),
            canonical_sources=("Institute for the Study of War",),
        ),
        claim(doc_id="d5", outlet="A", period_to="2024-05-03", value=13),
    ]
    points = build_series(rows, load_metrics())[0].points
    assert [p.corroboration for p in points] == [
        "relay",
        "relay",
        "independent",
        "independent",
        "single",
    ]


def test_outlet_speaking_for_itself_is_its_own_original_source() -> None:
    rows = [
        claim(doc_id="d1", outlet="A", sources=(), canonical_sources=(), value=7),
        claim(doc_id="d2", outlet="B", sources=(), canonical_sources=(), value=7),
    ]
    points = build_series(rows, load_metrics())[0].points
    assert [p.original_source for p in points] == ["A", "B"]
    assert {p.corroboration for p in points} == {"independent"}


def test_unmatched_figures_group_automatically_by_normalised_what() -> None:
    rows = [
        claim(doc_id="d1", what="the number of destroyed bridges", metric=None, value=3),
        claim(doc_id="d2", what="destroyed bridge", metric=None, value=4),
        claim(doc_id="d3", what="bridges destroyed", metric=None, value=5, kind="percent"),
    ]
    series = build_series(rows, [])
    assert [(s.key, s.kind, len(s.points)) for s in series] == [
        ("auto:bridg destroy", "count", 2),
        ("auto:bridg destroy", "percent", 1),
    ]
    assert series[0].metric is None and series[0].label == "the number of destroyed bridges"


def test_thin_what_is_split_by_original_source() -> None:
    rows = [
        claim(doc_id="d1", what="cases", sources=("Mediazona",), canonical_sources=()),
        claim(
            doc_id="d2", what="cases", sources=("UK Defence Intelligence",), canonical_sources=()
        ),
    ]
    keys = sorted(s.key for s in build_series(rows, []))
    assert keys == ["auto:case@mediazona", "auto:case@uk defence intelligence"]


def test_figures_without_what_or_metric_are_left_out() -> None:
    assert build_series([claim(what=None), claim(what="the of")], []) == []


def test_metric_filter_and_min_points() -> None:
    rows = [
        claim(doc_id="d1", what="tanks", value=7000),
        claim(doc_id="d2", what="tanks", value=7001, period_to="2024-05-02"),
        claim(doc_id="d3", what="artillery systems", value=12000),
    ]
    assert [s.key for s in build_series(rows, metric="ru_tank_losses")] == ["ru_tank_losses"]
    assert [s.key for s in build_series(rows, min_points=2)] == ["ru_tank_losses"]


def test_auto_series_with_common_start_is_treated_as_cumulative() -> None:
    rows = [
        claim(
            doc_id="d1",
            what="sunk enemy boats",
            period_from="2022-02-24",
            period_to="2023-01",
            value=20,
        ),
        claim(
            doc_id="d2",
            what="enemy boats sunk",
            period_from="2022-02-24",
            period_to="2024-01",
            value=15,
        ),
    ]
    s = build_series(rows, [])[0]
    assert s.cumulative is True
    assert [f.kind for f in s.flags] == ["cumulative_decrease"]


def test_as_of_and_date_bounds_handle_partial_and_timestamped_dates() -> None:
    assert as_of(claim(period_to=None, published="2024-04-24T09:00:00Z")) == "2024-04-24"
    assert as_of(claim(period_to="2024-04", published="2024-05-01")) == "2024-04"
    bounds = date_bounds("2024-02")
    assert bounds is not None and (bounds[0].day, bounds[1].day) == (1, 29)
    assert date_bounds("not a date") is None and date_bounds("2024-13") is None


def test_value_interval_follows_the_qualifier() -> None:
    assert value_interval(462_000, None, "about") == (461_500, 462_500)
    assert value_interval(88.4, None, "about") == pytest.approx((88.35, 88.45))
    assert value_interval(10, 15, "exact") == (10, 15)
    assert value_interval(6000, None, "over")[1] == float("inf")
    assert value_interval(10, None, "at_most")[0] == float("-inf")


def test_relayed_increment_with_a_dropped_digit_conflicts_in_the_changes_series() -> None:
    rows = [
        claim(doc_id="d1", outlet="A", value=684, change=True, text="+684"),
        claim(doc_id="d2", outlet="B", value=684, change=True, text="+684"),
        claim(doc_id="d3", outlet="C", value=64, change=True, text="+64"),
    ]
    (s,) = build_series(rows, load_metrics())
    assert s.change is True
    assert [f.kind for f in s.flags] == ["conflicting_values"]
    relayed = {p.value: p.corroboration for p in s.points}
    assert relayed == {684: "relay", 64: "single"}


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["exact", "about"]))
def test_a_figure_always_lies_in_its_own_interval(value: int, approx: str) -> None:
    lo, hi = value_interval(value, None, approx)
    assert lo <= value <= hi


# -- the grouping equals the plain quadratic one it replaced ---------------------------------


def _reference_clusters(points: Sequence[SeriesPoint], idx: Sequence[int]) -> list[list[int]]:
    """Each figure joins the first group whose first figure's interval overlaps its own."""
    clusters: list[list[int]] = []
    for i in idx:
        for c in clusters:
            if series._overlap(series._interval(points[c[0]]), series._interval(points[i])):
                c.append(i)
                break
        else:
            clusters.append([i])
    return clusters


def _reference_decreases(points: Sequence[SeriesPoint]) -> list[SeriesFlag]:
    """Cumulative decreases found by comparing every date with every earlier one."""
    by_day: dict[tuple[date, date], list[int]] = {}
    for i, p in enumerate(points):
        bounds = date_bounds(p.date)
        if bounds is not None:
            by_day.setdefault(bounds, []).append(i)
    days = sorted(by_day)
    flags = []
    for n, day in enumerate(days):
        earlier = [d for d in days[:n] if d[1] < day[0]]
        if not earlier:
            continue
        prev = max(earlier, key=lambda d: d[1])
        floors = [
            series._interval(points[j])[0]
            for j in by_day[prev]
            if points[j].qualifier not in ("under", "at_most")
            and math.isfinite(series._interval(points[j])[0])
        ]
        if not floors:
            continue
        floor = min(floors)
        for i in by_day[day]:
            p = points[i]
            if p.qualifier in ("over", "at_least") or series._interval(p)[1] >= floor:
                continue
            before = next(j for j in by_day[prev] if series._interval(points[j])[0] == floor)
            if p.value < series.DECREASE_MIN_RATIO * floor and not series._slipped(
                p, points[before]
            ):
                continue  # another frame, not a decrease (the same rule as the module's)
            flags.append(
                SeriesFlag(
                    "cumulative_decrease",
                    f"a running total went down: {series._fmt_point(p)} is lower than "
                    f"{series._fmt_point(points[before])}",
                    (before, i),
                )
            )
    return flags


_QUALIFIERS = ["exact", "exact", "exact", "about", "over", "under", "at_least", "at_most"]
# few distinct values, some within the tolerance of one another, so that figures often overlap
_NEAR = st.one_of(
    st.integers(min_value=-3, max_value=12).map(float),
    st.sampled_from([0.0, 1.0, 5.0, 10.0, 64.0, 100.0, 684.0, 1000.0, 1e12, -3.0]),
    st.integers(min_value=-50, max_value=2000).map(float),
    st.sampled_from([0.1 + 0.2, 0.3, 1e12 + 500.0, 1e12 * (1 + 1e-10), 1e12 * (1 - 1e-10)]),
)
_ANY = st.one_of(_NEAR, st.floats(allow_nan=True, allow_infinity=True, width=32))


def _series_point(value: float, high: float | None, approx: str, day: str | None) -> SeriesPoint:
    return SeriesPoint(
        date=day, value=value, value_high=high, qualifier=approx, change=False,
        period_from=None, sources=(), original_source="s", outlet=None, url=None,
        doc_id="d", index=0, text="", what=None,
    )


_DAYS = st.sampled_from([None, "2024", "2024-04", "2024-04-30", "2024-05-01", "2024-05", "2023"])
_POINTS = st.one_of(
    # sound figures: finite values, ranges that do not run backwards
    st.lists(
        st.builds(
            lambda value, width, approx, day: _series_point(
                value, None if width is None else value + width, approx, day
            ),
            _NEAR,
            st.none() | st.none() | st.sampled_from([0.0, 1.0, 5.0, 1e-9, 300.0]),
            st.sampled_from(_QUALIFIERS),
            _DAYS,
        ),
        max_size=40,
    ),
    # anything: backward ranges, infinities, NaN
    st.lists(
        st.builds(_series_point, _ANY, st.none() | _ANY, st.sampled_from(_QUALIFIERS), _DAYS),
        max_size=12,
    ),
)


@settings(max_examples=500)
@given(_POINTS, st.randoms(use_true_random=False))
def test_clusters_equal_the_plain_first_fit(points: list[SeriesPoint], rng: Random) -> None:
    idx = list(range(len(points)))
    rng.shuffle(idx)
    assert series._clusters(points, idx) == _reference_clusters(points, idx)


@settings(max_examples=300)
@given(_POINTS)
def test_decreases_equal_the_plain_comparison_of_dates(points: list[SeriesPoint]) -> None:
    assert series._decreases_within(points) == _reference_decreases(points)


_CLAIMS = st.lists(
    st.builds(
        lambda value, approx, day, source, outlet, what: claim(
            value=value, approx=approx, period_to=day, sources=(source,),
            canonical_sources=(source,), outlet=outlet, what=what, doc_id=outlet + day,
        ),
        st.sampled_from([10.0, 11.0, 64.0, 684.0, 1000.0, 1001.0]),
        st.sampled_from(_QUALIFIERS),
        st.sampled_from(["2024-04", "2024-04-30", "2024-05-01", "2024-05"]),
        st.sampled_from(["Source A", "Source B", "the source a"]),
        st.sampled_from(["A", "B", "C"]),
        st.sampled_from(["cases", "total cases", "Russian personnel losses"]),
    ),
    max_size=30,
)


@given(_CLAIMS)
def test_series_are_built_as_by_the_plain_grouping(claims: list[ClaimRow]) -> None:
    fast = build_series(claims, load_metrics())
    with (
        mock.patch.object(series, "_clusters", _reference_clusters),
        mock.patch.object(series, "_decreases_within", _reference_decreases),
    ):
        plain = build_series(claims, load_metrics())
    assert fast == plain


def test_one_reports_own_breakdown_is_not_a_conflict() -> None:
    rows = [
        claim(doc_id="r1", index=0, value=20_000, period_to="2025-05"),
        claim(doc_id="r1", index=1, value=18_000, period_to="2025-05"),
    ]
    (series,) = build_series(rows, metric="ru_personnel_losses")
    assert not [f for f in series.flags if f.kind == "conflicting_values"]


def test_a_decrease_is_one_sources_count_going_down_not_two_sources_differing() -> None:
    rows = [
        claim(doc_id="a", value=3_000, period_to="2024-05-01", sources=("Official",),
              canonical_sources=("Official",)),
        claim(doc_id="b", value=2_000, period_to="2024-05-02", sources=("Volunteer tally",),
              canonical_sources=("Volunteer tally",)),
        claim(doc_id="c", value=2_900, period_to="2024-05-03", sources=("Official",),
              canonical_sources=("Official",)),
    ]
    (s,) = build_series(rows, metric="ru_personnel_losses")
    flags = [f for f in s.flags if f.kind == "cumulative_decrease"]
    assert len(flags) == 1
    assert "2,900" in flags[0].explanation and "3,000" in flags[0].explanation


def test_a_figure_far_below_a_running_total_is_another_frame_unless_a_digit_slipped() -> None:
    rows = [
        claim(doc_id="d1", period_to="2024-05-01", value=9_100, outlet="A"),
        claim(doc_id="d2", period_to="2024-05-02", value=104, outlet="B"),  # one operation's
        claim(doc_id="d3", period_to="2024-05-03", value=9_200, outlet="C"),
        claim(doc_id="d4", period_to="2024-05-04", value=920, outlet="D"),  # 9,200 misquoted
    ]
    s = build_series(rows, load_metrics())[0]
    lows = [s.points[f.points[1]].value for f in s.flags if f.kind == "cumulative_decrease"]
    assert lows == [920]

