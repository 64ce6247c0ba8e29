"""The outcome of checking claims against a reference: each figure's status and its words,
and the test for a likely misreading (an off figure equal to another column's value)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace as _replace
from datetime import date
from typing import Literal

from ..store.base import ClaimRow
from .reference_frames import in_round_words
from .reference_load import ReferenceSeries

MIN_MISREADING_VALUE = 10  # smaller figures equal another column's value by chance

Status = Literal["match", "within_tolerance", "off", "unmatched"]


@dataclass(frozen=True)
class Verification:
    """One claim compared with the reference, and the outcome in plain words."""

    claim: ClaimRow
    metric: str
    column: str
    date: str | None
    status: Status
    expected: float | None  # the reference value (or day-to-day change) compared with
    difference: float | None  # claimed minus expected, where compared
    explanation: str
    misreading: str | None = None  # an off figure equal to this other column's value that day
    frame_kind: str = "total"  # compared with: a total (or a change), a day's change, sum, mean


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of checking claims against a reference series.

    ``checked`` counts every claim with a mapped metric; each is then ``matched`` (the
    reference value lies within what the figure states, its rounding and qualifier included),
    ``within_tolerance``, ``off`` or ``unmatched`` (not comparable, with a reason).
    """

    reference: str
    results: tuple[Verification, ...]

    def _count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def checked(self) -> int:
        return len(self.results)

    @property
    def matched(self) -> int:
        return self._count("match")

    @property
    def within_tolerance(self) -> int:
        return self._count("within_tolerance")

    @property
    def off(self) -> int:
        return self._count("off")

    @property
    def unmatched(self) -> int:
        return self._count("unmatched")

    @property
    def misreadings(self) -> int:
        """Off figures equal to another column's value that day: likely extraction errors."""
        return sum(1 for r in self.results if r.status == "off" and r.misreading)

    @property
    def reports(self) -> int:
        """Reports with at least one figure checked."""
        return len({r.claim.doc_id for r in self.results})

    @property
    def mismatches(self) -> list[Verification]:
        """Claims that disagree with the reference."""
        return [r for r in self.results if r.status == "off"]

    @property
    def unmatchable(self) -> list[Verification]:
        """Claims that could not be compared, each with its reason."""
        return [r for r in self.results if r.status == "unmatched"]


def fmt_value(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}"


def signed(v: float) -> str:
    return ("+" if v >= 0 else "-") + fmt_value(abs(v))


def stated_as(claim: ClaimRow) -> str:
    qualifier = {
        "about": "about ",
        "over": "over ",
        "under": "under ",
        "at_least": "at least ",
        "at_most": "at most ",
    }.get(claim.approx, "")
    high = f" to {fmt_value(claim.value_high)}" if claim.value_high is not None else ""
    sign = "+" if claim.change and claim.value >= 0 else ""
    return f"{qualifier}{sign}{fmt_value(claim.value)}{high}"


def expected_value(
    reference: ReferenceSeries, column: str, day: str, change: bool
) -> tuple[float | None, str]:
    """The value to compare with on ``day`` (or the change to it), or None and the reason."""
    now = reference.value(column, day)
    if now is None:
        return None, f"the reference has no {column!r} value on {day}"
    if not change:
        return now, f"{column} on {day}"
    before_day = reference.previous_date(day)
    before = reference.value(column, before_day) if before_day else None
    if before_day is None or before is None:
        return None, f"the reference has no {column!r} value before {day} to take a change from"
    return now - before, f"the change in {column} from {before_day} to {day}"


def replace_value(claim: ClaimRow) -> ClaimRow:
    """``claim`` with its value (and upper value) as sizes, for comparing with a change's size."""
    if claim.value >= 0 and (claim.value_high is None or claim.value_high >= 0):
        return claim
    high = abs(claim.value_high) if claim.value_high is not None else None
    return _replace(claim, value=abs(claim.value), value_high=high)


def is_day_counter(reference: ReferenceSeries, column: str) -> bool:
    """Whether ``column`` counts the days of the series (a "day" number), not a quantity."""
    values = reference.columns.get(column, {})
    if len(values) < 2:
        return False
    first, last = min(values), max(values)
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return values[last] - values[first] == days


def misreading_of(
    claim: ClaimRow,
    column: str,
    reference: ReferenceSeries,
    expected_of: Callable[[str], float | None],
    min_value: float = MIN_MISREADING_VALUE,
) -> str | None:
    """Another column whose value (as ``expected_of`` computes it) the off figure states
    exactly: the likely column its figure belongs to. A figure below MIN_MISREADING_VALUE
    (allowed by a smaller ``min_value``) must fit one column alone."""
    if (
        abs(claim.value) < min_value
        or claim.approx != "exact"
        or claim.value_high is not None
        or in_round_words(claim)
    ):
        return None
    found = [
        other
        for other in sorted(reference.columns)
        if other != column
        and not is_day_counter(reference, other)
        and (value := expected_of(other)) is not None
        and abs(value) == abs(claim.value)
    ]
    if not found or (len(found) > 1 and abs(claim.value) < MIN_MISREADING_VALUE):
        return None
    return found[0]


def misread_text(claim: ClaimRow, column: str, other: str, what: str) -> str:
    return f"a likely misreading: {stated_as(claim)} is {what} {other}, not its {column}"


def day_value(reference: ReferenceSeries, day: str, change: bool) -> Callable[[str], float | None]:
    """A column's value on ``day`` (or its change to that day)."""

    def value(column: str) -> float | None:
        return expected_value(reference, column, day, change)[0]

    return value
