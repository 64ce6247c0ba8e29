"""Reference data: a dated series of values to check claims against.

``load_reference`` reads CSV/TSV (a date column and value columns) or JSON: a list of objects
with a date field, an object holding such a list, or an object keyed by date. Nested objects are
flattened to dotted column names ("losses.personnel"); values may be numbers or numeric strings
("461,940", "about 461 940"); cells that are not numbers (a direction's name) are skipped.

``verify_claims`` compares each claim whose metric is mapped to a column with the column's value
on the claim's as-of date; an increment ("(+880)") is compared with the change since the
previous date of the reference.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from ..errors import ConfigError, IngestError, ParseError
from ..store.base import ClaimRow
from .metrics import Metric, assign_metric
from .series import as_of, date_bounds, value_interval

DATE_FIELDS = ("date", "day_date", "as_of", "asof", "datum", "дата", "time", "timestamp")
NEAR_DAYS = 3  # an off figure equal to the reference this many days away is named as such
MAX_VALUE_DAYS = 3  # an undated total equal to the reference on more days than this dates nothing
MIN_DATING_VALUE = 100  # smaller totals equal some early day of the reference by chance
MAX_SNIFF_ROWS = 50  # rows looked at to find the date column of a file without a "date" header

Status = Literal["match", "within_tolerance", "off", "unmatched"]

_NUMBER = re.compile(r"^[^\d+\-]*([+\-−]?\d[\d\s\u00a0\u202f,.']*)[^\d]*$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ])")


@dataclass(frozen=True)
class ReferenceSeries:
    """Values by column and day, read from one file."""

    path: str
    dates: tuple[str, ...]  # every ISO day with a row, ascending
    columns: Mapping[str, Mapping[str, float]] = field(default_factory=dict, hash=False)

    @property
    def first(self) -> str | None:
        return self.dates[0] if self.dates else None

    @property
    def last(self) -> str | None:
        return self.dates[-1] if self.dates else None

    def value(self, column: str, day: str) -> float | None:
        """The value of ``column`` on the ISO ``day``, or None."""
        return self.columns.get(column, {}).get(day)

    def previous_date(self, day: str) -> str | None:
        """The latest row date before ``day``."""
        i = bisect.bisect_left(self.dates, day)
        return self.dates[i - 1] if i > 0 else None


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
    def mismatches(self) -> list[Verification]:
        """Claims that disagree with the reference."""
        return [r for r in self.results if r.status == "off"]

    @property
    def unmatchable(self) -> list[Verification]:
        """Claims that could not be compared, each with its reason."""
        return [r for r in self.results if r.status == "unmatched"]


def parse_number(raw: Any) -> float | None:
    """A number from a cell: 461940, "461,940", "461 940", "about 461940", "12.5"; else None."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    if not isinstance(raw, str):
        return None
    m = _NUMBER.match(raw.strip())
    if not m:
        return None
    text = re.sub(r"[\s\u00a0\u202f']", "", m.group(1)).replace("−", "-")
    if "," in text and "." in text:  # the later one is the decimal mark
        dec = "." if text.rindex(".") > text.rindex(",") else ","
        text = text.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in text:  # 461,940 groups thousands; 12,5 is a decimal comma
        parts = text.split(",")
        grouped = all(len(p) == 3 for p in parts[1:])
        text = text.replace(",", "") if grouped else text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_day(raw: Any) -> str | None:
    """An ISO day from "2024-04-24", "2024-04-24T06:00", "2024/4/24" or "24.04.2024"; else None."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    m = _YMD.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DMY.match(text)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _flatten(obj: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _date_field(rows: Sequence[Mapping[str, Any]], path: str) -> str:
    """The field that holds each row's date: a known name, else the first that parses as one."""
    names = list(dict.fromkeys(k for r in rows[:MAX_SNIFF_ROWS] for k in r))
    for name in names:
        if name.strip().casefold() in DATE_FIELDS:
            return name
    sample = rows[:MAX_SNIFF_ROWS]
    for name in names:
        if all(parse_day(r.get(name)) for r in sample if r.get(name) not in (None, "")):
            if any(r.get(name) not in (None, "") for r in sample):
                return name
    raise ParseError(path, f"no date column found (fields: {', '.join(names[:12])})")


def _from_rows(rows: Sequence[Mapping[str, Any]], path: str) -> ReferenceSeries:
    if not rows:
        raise ParseError(path, "no rows")
    flat = [_flatten(r) for r in rows]
    date_key = _date_field(flat, path)
    columns: dict[str, dict[str, float]] = {}
    days: set[str] = set()
    for n, row in enumerate(flat, start=1):
        raw_day = row.get(date_key)
        day = parse_day(raw_day)
        if day is None:
            if raw_day in (None, ""):
                continue
            raise ParseError(path, f"row {n}: {date_key} {raw_day!r} is not a date")
        days.add(day)
        for key, raw in row.items():
            if key == date_key:
                continue
            value = parse_number(raw)
            if value is None:
                continue
            column = columns.setdefault(key, {})
            if day in column and column[day] != value:
                raise ParseError(
                    path, f"row {n}: {day} appears twice with {key} {column[day]:g} and {value:g}"
                )
            column[day] = value
    if not columns:
        raise ParseError(path, "no numeric columns")
    return ReferenceSeries(path, tuple(sorted(days)), columns)


def _json_rows(data: Any, path: str) -> list[Mapping[str, Any]]:
    if isinstance(data, list):
        if not all(isinstance(r, dict) for r in data):
            raise ParseError(path, "expected a list of objects")
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            return _json_rows(lists[0], path)
        if data and all(parse_day(k) for k in data):  # {"2024-04-24": {...} or number}
            return [
                {"date": k, **(_flatten(v) if isinstance(v, dict) else {"value": v})}
                for k, v in data.items()
            ]
    raise ParseError(path, "expected a list of dated objects, or an object keyed by date")


def _csv_rows(text: str, path: str) -> list[dict[str, Any]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if path.lower().endswith(".tsv") else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        raise ParseError(path, "no header row")
    return [{k: v for k, v in row.items() if k is not None} for row in reader]


def load_reference(path: str) -> ReferenceSeries:
    """A reference series from a CSV/TSV or JSON file (by extension, else by its first byte)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(path, f"cannot read reference file: {exc}") from exc
    stripped = text.lstrip()
    is_json = path.lower().endswith(".json") or stripped[:1] in ("[", "{")
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseError(path, f"not valid JSON: {exc}") from exc
        return _from_rows(_json_rows(data, path), path)
    return _from_rows(_csv_rows(text, path), path)


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}"


def _signed(v: float) -> str:
    return ("+" if v >= 0 else "-") + _fmt(abs(v))


def _stated(claim: ClaimRow) -> str:
    qualifier = {
        "about": "about ",
        "over": "over ",
        "under": "under ",
        "at_least": "at least ",
        "at_most": "at most ",
    }.get(claim.approx, "")
    high = f" to {_fmt(claim.value_high)}" if claim.value_high is not None else ""
    sign = "+" if claim.change and claim.value >= 0 else ""
    return f"{qualifier}{sign}{_fmt(claim.value)}{high}"


def _expected(
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


def _near_match(reference: ReferenceSeries, column: str, day: str, claim: ClaimRow) -> str | None:
    """The nearest other day whose reference value the claimed figure equals, in words."""
    base = date.fromisoformat(day)
    lo, hi = value_interval(abs(claim.value), _abs(claim.value_high), claim.approx)
    for offset in sorted(range(-NEAR_DAYS, NEAR_DAYS + 1), key=lambda k: (abs(k), k)):
        if offset == 0:
            continue
        other = (base + timedelta(days=offset)).isoformat()
        expected, _ = _expected(reference, column, other, claim.change)
        if expected is not None and lo <= abs(expected) <= hi:
            n = abs(offset)
            when = f"{n} day{'s' if n > 1 else ''} {'earlier' if offset < 0 else 'later'}"
            return f"it is the reference figure for {other}, {when}"
    return None


def _abs(v: float | None) -> float | None:
    return abs(v) if v is not None else None


def _compare(
    claim: ClaimRow,
    metric: str,
    column: str,
    reference: ReferenceSeries,
    tolerance: float,
    report_day: str | None = None,
) -> Verification:
    """Compare ``claim`` with the reference on its own date, or on ``report_day``: the day of
    the update its report relays, found from the report's other figures."""
    day = report_day or as_of(claim)

    def unmatched(reason: str, when: str | None = day) -> Verification:
        return Verification(claim, metric, column, when, "unmatched", None, None, reason)

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
    expected, what = _expected(reference, column, day, claim.change)
    if expected is None:
        return unmatched(what)
    # a positive change figure states a size: "fell by 208" is 208 against a change of -208
    target = abs(expected) if claim.change and claim.value >= 0 else expected
    lo, hi = value_interval(claim.value, claim.value_high, claim.approx)
    stated = _stated(claim)
    if lo <= target <= hi:
        return Verification(
            claim,
            metric,
            column,
            day,
            "match",
            expected,
            0.0,
            f"{stated} matches {what} ({_fmt(expected)})",
        )
    if not claim.change:
        # a figure for one day: the change to that day, or to the next morning's update
        for update in (day, (date.fromisoformat(day) + timedelta(days=1)).isoformat()):
            daily, daily_what = _expected(reference, column, update, True)
            if daily is not None and lo <= daily <= hi:
                return Verification(
                    claim,
                    metric,
                    column,
                    update,
                    "match",
                    daily,
                    0.0,
                    f"{stated} is not the total but matches {daily_what} ({_fmt(daily)}): "
                    "a figure for that day alone",
                )
    nearest = lo if target < lo else hi
    diff = nearest - target
    rel = abs(diff) / abs(target) if target else math.inf
    direction = "higher" if diff > 0 else "lower"
    pct = f" ({rel:.2%} {direction})" if math.isfinite(rel) else ""
    off_by = f"off by {_signed(diff)}{pct}"
    if rel <= tolerance:
        return Verification(
            claim,
            metric,
            column,
            day,
            "within_tolerance",
            expected,
            diff,
            f"{stated} is within tolerance of {what} ({_fmt(expected)}): {off_by}",
        )
    text = f"{stated} disagrees with {what} ({_fmt(expected)}): {off_by}"
    if report_day:
        text += " (the day of the update its report relays, from its other figures)"
    hint = _near_match(reference, column, day, claim)
    return Verification(
        claim, metric, column, day, "off", expected, diff, text + (f"; {hint}" if hint else "")
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
    lo, hi = value_interval(claim.value, None, "exact")
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
        f"{_stated(claim)} has no day of its own; it is {column} on {when} in the reference "
        "(the update it relays)",
    )


def verify_claims(
    claims: Iterable[ClaimRow],
    reference: ReferenceSeries,
    mapping: Mapping[str, str],
    tolerance: float = 0.0,
    *,
    metrics: Sequence[Metric] | None = None,
) -> VerifyReport:
    """Compare claims of mapped metrics (METRIC -> COLUMN) with ``reference``.

    ``tolerance`` is relative (0.01 accepts figures within 1% of the reference). A claim's
    metric is its stored one, else (when ``metrics`` is given) one assigned from its ``what``.
    Raises ConfigError when a mapped column is not in the reference.
    """
    if tolerance < 0 or not math.isfinite(tolerance):
        raise ConfigError("--tolerance", f"must be a non-negative number, not {tolerance}")
    for metric, column in mapping.items():
        if column not in reference.columns:
            known = ", ".join(sorted(reference.columns)[:20])
            raise ConfigError(
                reference.path, f"{metric}={column}: no column {column!r} (columns: {known})"
            )
    results = []
    for claim in claims:
        name = claim.metric
        if name is None and metrics is not None:
            name = assign_metric(claim.what, claim.kind, claim.unit, metrics)
        if name is None or name not in mapping:
            continue
        results.append(_compare(claim, name, mapping[name], reference, tolerance))
    return VerifyReport(reference.path, tuple(_date_by_report(results, reference, tolerance)))


def _date_by_report(
    results: list[Verification], reference: ReferenceSeries, tolerance: float
) -> list[Verification]:
    """Compare the undated figures of a report on the day its other figures were dated to by
    value (the update it relays), when its figures agree on one day."""
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
                r = _compare(r.claim, r.metric, r.column, reference, tolerance, report_day=day)
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
