"""Reference data: checking the ledger's claims against a dated series of values.

``verify_claims`` compares each claim whose metric is mapped to a column with the column's value
on the claim's as-of date; an increment ("(+880)") is compared with the change since the
previous date of the reference, a figure for a span of days (one month) with the sum of its daily
changes, or their mean when it is framed as a daily average (``reference_frames``,
``reference_spans``). With a source named, only the reports relaying it are checked
(``reference_reach``). An off figure that equals another column's value that day is named as a
likely misreading (``reference_result``). Files are read by ``reference_load``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace as _replace
from datetime import date, timedelta

from ..errors import ConfigError
from ..sources_registry import SourceRegistry, default_registry
from ..store.base import ClaimRow
from .metrics import Metric, assign_metric
from .reference_frames import Frame, claim_interval, frame_of
from .reference_load import (
    ReferenceSeries,
    load_reference,
    merge_references,
    parse_day,
    parse_number,
)
from .reference_reach import (
    Item,
    SourceMatcher,
    Total,
    change_days,
    dating_total,
    reaches,
    report_days,
)
from .reference_result import (
    Verification,
    VerifyReport,
    day_value,
    expected_value,
    fmt_value,
    misread_text,
    misreading_of,
    replace_value,
    signed,
    stated_as,
)
from .reference_spans import compare_span
from .series import as_of, date_bounds

__all__ = [
    "ReferenceSeries",
    "Verification",
    "VerifyReport",
    "load_reference",
    "merge_references",
    "parse_day",
    "parse_mapping",
    "parse_number",
    "verify_claims",
]

NEAR_DAYS = 3  # an off figure equal to the reference this many days away is named as such
MAX_VALUE_DAYS = 3  # an undated total equal to the reference on more days than this dates nothing
MIN_DATING_VALUE = 100  # smaller totals equal some early day of the reference by chance


def _near_match(reference: ReferenceSeries, column: str, day: str, claim: ClaimRow) -> str | None:
    """The nearest other day whose reference value the claimed figure equals, in words."""
    base = date.fromisoformat(day)
    lo, hi = claim_interval(replace_value(claim))
    for offset in sorted(range(-NEAR_DAYS, NEAR_DAYS + 1), key=lambda k: (abs(k), k)):
        if offset == 0:
            continue
        other = (base + timedelta(days=offset)).isoformat()
        expected, _ = expected_value(reference, column, other, claim.change)
        if expected is not None and lo <= abs(expected) <= hi:
            n = abs(offset)
            when = f"{n} day{'s' if n > 1 else ''} {'earlier' if offset < 0 else 'later'}"
            return f"it is the reference figure for {other}, {when}"
    return None


def _abs(v: float | None) -> float | None:
    return abs(v) if v is not None else None


def _is_day(iso: str | None) -> bool:
    bounds = date_bounds(iso)
    return bounds is not None and bounds[0] == bounds[1]


def _compare(
    claim: ClaimRow,
    metric: str,
    column: str,
    reference: ReferenceSeries,
    tolerance: float,
    report_day: str | None = None,
    frame: Frame | None = None,
) -> Verification:
    """Compare ``claim`` with the reference on its own date, or (when it has no day of its
    own) on ``report_day``: the day of the update its report relays, found from the report's
    other figures. A figure for a span is compared with the span's sum or mean."""
    frame = frame or Frame("total")
    if frame.kind in ("sum", "mean"):
        return compare_span(claim, metric, column, reference, tolerance, frame)
    own = as_of(claim)
    relayed = report_day is not None and not _is_day(own)
    day = report_day if relayed else own

    def unmatched(reason: str, when: str | None = day) -> Verification:
        return Verification(claim, metric, column, when, "unmatched", None, None, reason)

    if frame.kind == "month_unknown":
        return unmatched(
            f"{stated_as(claim)} is framed as one month's figure, but its month is not known"
        )
    if day is None:
        return _dated_by_value(claim, metric, column, reference, None) or unmatched(
            "the figure has no date (no period end and no published date), and no day of the "
            "reference has its value"
        )
    bounds = date_bounds(day)
    if bounds is None:
        return unmatched(f"{day!r} is not a date")
    if bounds[0] != bounds[1]:
        return _dated_by_value(claim, metric, column, reference, bounds) or unmatched(
            f"{day} is a period, not a day, and no day of it in the reference has this value"
        )
    if reference.first is None or reference.last is None:
        return unmatched("the reference has no rows")
    if day < reference.first or day > reference.last:
        return unmatched(
            f"{day} is outside the reference, which runs {reference.first} to {reference.last}"
        )
    expected, what = expected_value(reference, column, day, claim.change)
    if expected is None:
        return unmatched(what)
    # a positive change figure states a size: "fell by 208" is 208 against a change of -208
    target = abs(expected) if claim.change and claim.value >= 0 else expected
    change = claim.change
    lo, hi = claim_interval(claim)
    stated = stated_as(claim)
    if lo <= target <= hi:
        return Verification(
            claim,
            metric,
            column,
            day,
            "match",
            expected,
            0.0,
            f"{stated} matches {what} ({fmt_value(expected)})",
        )
    if not claim.change:
        # a figure for one day: the change to that day, or to the next morning's update
        for update in (day, (date.fromisoformat(day) + timedelta(days=1)).isoformat()):
            daily, daily_what = expected_value(reference, column, update, True)
            if daily is not None and lo <= daily <= hi:
                return Verification(
                    claim,
                    metric,
                    column,
                    update,
                    "match",
                    daily,
                    0.0,
                    f"{stated} is not the total but matches {daily_what} ({fmt_value(daily)}): "
                    "a figure for that day alone",
                )
        daily, daily_what = expected_value(reference, column, day, True)
        if (
            daily is not None
            and claim.approx == "exact"
            and abs(claim.value - daily) < abs(claim.value - target)
            and not misreading_of(claim, column, reference, day_value(reference, day, False))
        ):
            # nearer the day's change than the total: a figure for that day alone, off
            change = True
            expected, target = daily, daily
            what = f"{daily_what}, as a figure for that day alone"
    nearest = lo if target < lo else hi
    diff = nearest - target
    rel = abs(diff) / abs(target) if target else math.inf
    direction = "higher" if diff > 0 else "lower"
    pct = f" ({rel:.2%} {direction})" if math.isfinite(rel) else ""
    off_by = f"off by {signed(diff)}{pct}"
    if rel <= tolerance:
        return Verification(
            claim,
            metric,
            column,
            day,
            "within_tolerance",
            expected,
            diff,
            f"{stated} is within tolerance of {what} ({fmt_value(expected)}): {off_by}",
        )
    text = f"{stated} disagrees with {what} ({fmt_value(expected)}): {off_by}"
    if relayed:
        text += " (the day of the update its report relays, from its other figures)"
    hint = _near_match(reference, column, day, _replace(claim, change=change))
    other = misreading_of(claim, column, reference, day_value(reference, day, change))
    if other:
        kind = "that day's change in" if change else "that day's"
        hint = misread_text(claim, column, other, kind) + (f"; {hint}" if hint else "")
    return Verification(
        claim,
        metric,
        column,
        day,
        "off",
        expected,
        diff,
        text + (f"; {hint}" if hint else ""),
        misreading=other,
        frame_kind="day" if change != claim.change else "total",
    )


def _dated_by_value(
    claim: ClaimRow,
    metric: str,
    column: str,
    reference: ReferenceSeries,
    bounds: tuple[date, date] | None,
) -> Verification | None:
    """For a total with no day of its own: the day (within ``bounds``) whose reference value it
    states exactly, i.e. the update the report relays; None when no day or too many days fit."""
    if (
        claim.change
        or claim.approx != "exact"
        or claim.value_high is not None
        or claim.value < MIN_DATING_VALUE
    ):
        return None
    lo, hi = claim.value, claim.value
    days = [
        d
        for d in reference.dates
        if (bounds is None or bounds[0].isoformat() <= d <= bounds[1].isoformat())
        and (v := reference.value(column, d)) is not None
        and lo <= v <= hi
    ]
    if not days or len(days) > MAX_VALUE_DAYS:
        return None
    when = days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}"
    expected = reference.value(column, days[0])
    return Verification(
        claim,
        metric,
        column,
        days[0],
        "match",
        expected,
        0.0,
        f"{stated_as(claim)} has no day of its own; it is {column} on {when} in the reference "
        "(the update it relays)",
    )


def _value_days(
    reference: ReferenceSeries, columns: Iterable[str]
) -> dict[float, list[tuple[str, str]]]:
    """Each value of the ``columns`` and the (day, column) pairs that have it."""
    out: dict[float, list[tuple[str, str]]] = {}
    for column in sorted(set(columns)):
        for day, value in sorted(reference.columns.get(column, {}).items()):
            out.setdefault(value, []).append((day, column))
    return out


def _change_days(
    reference: ReferenceSeries, columns: Iterable[str]
) -> dict[tuple[str, float], list[str]]:
    """Each (column, day-to-day change) and the days of the updates that have it."""
    out: dict[tuple[str, float], list[str]] = {}
    for column in sorted(set(columns)):
        values = reference.columns.get(column, {})
        before: float | None = None
        for day in reference.dates:
            now = values.get(day)
            if now is not None and before is not None:
                out.setdefault((column, now - before), []).append(day)
            before = now if now is not None else before
        # a gap in the column breaks nothing: the change is taken from the last row before
    return out


def _has_day(claim: ClaimRow) -> bool:
    return _is_day(as_of(claim))


def verify_claims(
    claims: Iterable[ClaimRow],
    reference: ReferenceSeries,
    mapping: Mapping[str, str],
    tolerance: float = 0.0,
    *,
    metrics: Sequence[Metric] | None = None,
    source: str | None = None,
    registry: SourceRegistry | None = None,
    context: Callable[[ClaimRow], str] | None = None,
) -> VerifyReport:
    """Compare claims of mapped metrics (METRIC -> COLUMN) with ``reference``.

    ``tolerance`` is relative (0.01 accepts figures within 1% of the reference). A claim's
    metric is its stored one, else (when ``metrics`` is given) one assigned from its ``what``.
    With ``source``, only figures relaying it are checked: naming it anywhere in their chain,
    published by it, or of a report whose totals equal one day of the reference in two columns
    (``reference_reach``). ``context`` gives a figure's clause of its report, read for the cue
    words that frame a span's figure as a daily mean. Raises ConfigError when a mapped column
    is not in the reference.
    """
    if tolerance < 0 or not math.isfinite(tolerance):
        raise ConfigError("--tolerance", f"must be a non-negative number, not {tolerance}")
    for metric, column in mapping.items():
        if column not in reference.columns:
            known = ", ".join(sorted(reference.columns)[:20])
            raise ConfigError(
                reference.path, f"{metric}={column}: no column {column!r} (columns: {known})"
            )
    items: list[Item] = []
    totals: list[Total] = []
    for claim in claims:
        name = claim.metric
        if name is None and metrics is not None:
            name = assign_metric(claim.what, claim.kind, claim.unit, metrics)
        if name is None or name not in mapping:
            if (total := dating_total(claim, None, None)) is not None:
                totals.append(total)
            continue
        words = context(claim) if context is not None else ""
        item = Item(claim, name, mapping[name], frame_of(claim, reference.first, words))
        items.append(item)
        if (total := dating_total(claim, item.column, item.frame)) is not None:
            totals.append(total)
    dated = report_days(totals, _value_days(reference, mapping.values()))
    undated = [it for it in items if it.claim.doc_id not in dated]
    by_change = change_days(undated, _change_days(reference, mapping.values()), _has_day)
    dated.update(by_change)
    matcher = SourceMatcher(source, registry or default_registry()) if source else None
    results: list[Verification] = []
    frames: dict[tuple[str, int], Frame] = {}
    for it in items:
        if not reaches(it, matcher, dated):
            continue
        day = dated.get(it.claim.doc_id)
        frames[(it.claim.doc_id, it.claim.index)] = it.frame
        results.append(
            _compare(
                it.claim,
                it.metric,
                it.column,
                reference,
                tolerance,
                report_day=day.day if day else None,
                frame=it.frame,
            )
        )
    results = _date_by_report(results, reference, tolerance, frames)
    return VerifyReport(reference.path, tuple(_misread_reports(results, reference)))


def _misread_reports(results: list[Verification], reference: ReferenceSeries) -> list[Verification]:
    """In a report with two or more likely misreadings (its figures shifted between columns),
    an off figure of a day equal to another column's value that day is one too, however small."""
    shifted = Counter(r.claim.doc_id for r in results if r.misreading)
    out = []
    for r in results:
        day = r.date
        if (
            r.status == "off"
            and not r.misreading
            and shifted[r.claim.doc_id] >= 2
            and r.frame_kind in ("total", "day")
            and day is not None
            and _is_day(day)
        ):
            change = r.claim.change
            other = misreading_of(
                r.claim, r.column, reference, day_value(reference, day, change), 0
            )
            if other is None and not change:  # a figure for that day alone
                change = True
                other = misreading_of(
                    r.claim, r.column, reference, day_value(reference, day, True), 0
                )
            if other:
                kind = "that day's change in" if change else "that day's"
                note = misread_text(r.claim, r.column, other, kind)
                r = _replace(r, misreading=other, explanation=f"{r.explanation}; {note}")
        out.append(r)
    return out


def _date_by_report(
    results: list[Verification],
    reference: ReferenceSeries,
    tolerance: float,
    frames: Mapping[tuple[str, int], Frame],
) -> list[Verification]:
    """Compare the undated figures of a report on the day its other figures were dated to by
    value one by one (the update it relays), when its figures agree on one day."""
    days: dict[str, Counter[str]] = {}
    for r in results:
        if r.status == "match" and r.date and as_of(r.claim) != r.date:
            days.setdefault(r.claim.doc_id, Counter())[r.date] += 1
    out = []
    for r in results:
        votes = days.get(r.claim.doc_id)
        if r.status == "unmatched" and votes and as_of(r.claim) is None:
            (day, n), *rest = votes.most_common(2) + [("", 0)]
            if n > rest[0][1]:
                frame = frames.get((r.claim.doc_id, r.claim.index))
                r = _compare(
                    r.claim, r.metric, r.column, reference, tolerance, report_day=day, frame=frame
                )
        out.append(r)
    return out


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["METRIC=COLUMN", ...]`` as a dict; ConfigError on an item without "=" or a name."""
    out: dict[str, str] = {}
    for item in items:
        metric, sep, column = item.partition("=")
        if not sep or not metric.strip() or not column.strip():
            raise ConfigError("--map", f"{item!r} is not METRIC=COLUMN")
        out[metric.strip()] = column.strip()
    return out
