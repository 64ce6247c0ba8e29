"""Figures for a span of days (a month, a week): the sum of the span's daily changes, or
their mean for a figure framed as a daily average, read from the reference two ways (the
updates dated by the day they cover, or by the next morning)."""

from __future__ import annotations

import bisect
import math
from datetime import date, timedelta

from ..store.base import ClaimRow
from .reference_frames import Frame, claim_interval
from .reference_load import ReferenceSeries
from .reference_result import (
    Status,
    Verification,
    fmt_value,
    misread_text,
    misreading_of,
    replace_value,
    signed,
    stated_as,
)


def at_or_before(reference: ReferenceSeries, column: str, day: str) -> tuple[str, float] | None:
    """The latest row on or before ``day`` that has a ``column`` value."""
    values = reference.columns.get(column, {})
    i = bisect.bisect_right(reference.dates, day)
    while i > 0:
        d = reference.dates[i - 1]
        if d in values:
            return d, values[d]
        i -= 1
    return None


def span_value(
    reference: ReferenceSeries, column: str, frame: Frame, shift: int
) -> tuple[float, str] | None:
    """The sum (or mean, over the frame's days) of ``column``'s daily changes over the frame,
    read from the updates ``shift`` days later (0: dated by the day they cover; 1: by the next
    morning's update), with the days it ran between; None outside the reference."""
    assert frame.first is not None and frame.last is not None
    start = (date.fromisoformat(frame.first) - timedelta(days=1 - shift)).isoformat()
    end = (date.fromisoformat(frame.last) + timedelta(days=shift)).isoformat()
    if reference.first is None or start < reference.first or reference.last is None:
        return None
    if end > reference.last:
        return None
    before, after = at_or_before(reference, column, start), at_or_before(reference, column, end)
    if before is None or after is None or after[0] <= before[0]:
        return None
    total = after[1] - before[1]
    value = total / frame.days if frame.kind == "mean" else total
    return value, f"{before[0]} to {after[0]}"


def compare_span(
    claim: ClaimRow,
    metric: str,
    column: str,
    reference: ReferenceSeries,
    tolerance: float,
    frame: Frame,
) -> Verification:
    """A figure for a span of days against the sum (or mean) of the span's daily changes."""
    mean = frame.kind == "mean"
    label = "the mean daily change" if mean else "the sum of the daily changes"
    span = f"{frame.first} to {frame.last}" if frame.first != frame.last else f"{frame.first}"
    lo, hi = claim_interval(replace_value(claim), rounded=mean)
    options = [
        (got[0], got[1], shift)
        for shift in (0, 1)
        if (got := span_value(reference, column, frame, shift)) is not None
    ]
    stated = stated_as(claim)

    def result(
        status: Status,
        expected: float | None,
        diff: float | None,
        text: str,
        misreading: str | None = None,
    ) -> Verification:
        return Verification(
            claim,
            metric,
            column,
            frame.last,
            status,
            expected,
            diff,
            text,
            misreading=misreading,
            frame_kind=frame.kind,
        )

    if not options:
        return result(
            "unmatched",
            None,
            None,
            f"{stated} is a figure for {span}, which the reference does not cover "
            f"(it runs {reference.first} to {reference.last})",
        )
    for value, between, _ in options:
        if lo <= abs(value) <= hi:
            return result(
                "match",
                value,
                0.0,
                f"{stated} matches {label} in {column} for {span} ({fmt_value(round(value, 1))}, "
                f"updates {between})",
            )
    value, between, shift = min(
        options, key=lambda o: min(abs(abs(o[0]) - lo), abs(abs(o[0]) - hi))
    )
    target = abs(value)
    diff = (lo if target < lo else hi) - target
    rel = abs(diff) / target if target else math.inf
    pct = f" ({rel:.2%} {'higher' if diff > 0 else 'lower'})" if math.isfinite(rel) else ""
    what = f"{label} in {column} for {span} ({fmt_value(round(value, 1))}, updates {between})"
    if rel <= tolerance:
        return result(
            "within_tolerance",
            value,
            diff,
            f"{stated} is within tolerance of {what}: off by {signed(diff)}{pct}",
        )

    def other_span(other: str) -> float | None:
        got = span_value(reference, other, frame, shift)
        return got[0] if got else None

    other = misreading_of(claim, column, reference, other_span)
    text = f"{stated} disagrees with {what}: off by {signed(diff)}{pct}"
    if other:
        text += "; " + misread_text(claim, column, other, f"{label} in")
    return result("off", value, diff, text, other)
