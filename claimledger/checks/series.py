"""Series: figures from many reports that count the same thing, lined up by date.

Figures are grouped by their metric (assigned on ingest, else assigned here from the metric
definitions), else automatically by their normalised ``what`` with kind and unit; a ``what`` too
thin to name a thing on its own ("cases") is also split by original source. Totals and changes
("(+880)") never share a series.

On each series:

- ``cumulative_decrease``: a cumulative count that is lower than at an earlier date;
- ``conflicting_values``: one original source's figure for one period relayed with values that
  cannot both be right (64 in some outlets, 684 in others);
- per point a ``corroboration``: ``single`` (one report), ``relay`` (one original source repeated
  by several outlets) or ``independent`` (several original sources agree).
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal

from ..store.base import ClaimRow
from .metrics import Metric, assign_metric, load_metrics, what_key
from .precision import one_slip

MIN_KEY_WORDS = 2  # an automatic key of fewer stems ("cases") is too thin to join sources on
REL_EQUAL = 1e-9  # exact figures closer than this (relative) are the same figure
AUTO_PREFIX = "auto:"  # series keys not backed by a metric definition start with this
# a running total below this share of the earlier one counts another frame (a subtotal, one
# operation, one month) rather than going down: flagging it would be a false alarm
DECREASE_MIN_RATIO = 0.5

Corroboration = Literal["single", "relay", "independent"]
FlagKind = Literal["cumulative_decrease", "conflicting_values", "stale"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_SOURCE_NOISE = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class SeriesPoint:
    """One figure of a series with where it came from."""

    date: str | None  # period_to, else the document's published date (ISO, maybe partial)
    value: float
    value_high: float | None
    qualifier: str  # the figure's approx: exact | about | over | under | at_least | at_most
    change: bool
    period_from: str | None
    sources: tuple[str, ...]  # the attribution chain, outermost first (canonical names if known)
    original_source: str  # the innermost source; the outlet itself when it speaks on its own
    outlet: str | None
    url: str | None
    doc_id: str
    index: int  # the quantity's index in its document
    text: str
    what: str | None
    corroboration: Corroboration = "single"


@dataclass(frozen=True)
class SeriesFlag:
    """Something wrong in a series, in plain words, with the points it is about."""

    kind: FlagKind
    explanation: str
    points: tuple[int, ...]  # indices into ``Series.points``


@dataclass(frozen=True)
class Series:
    """Figures counting the same thing over comparable periods, dated points first by date."""

    key: str  # the metric name, or "auto:" + normalised what (+ "@source" when split)
    metric: str | None
    label: str
    kind: str
    unit: str | None
    change: bool  # a series of increments rather than totals
    cumulative: bool
    points: tuple[SeriesPoint, ...]
    flags: tuple[SeriesFlag, ...] = ()


def as_of(claim: ClaimRow) -> str | None:
    """The date a figure is as of: its period end, else its document's published date."""
    raw = claim.period_to or claim.published
    if not raw:
        return None
    m = _ISO.match(raw)
    return m.group(0) if m else None


def date_bounds(iso: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO (partial) date covers: "2024-04" -> Apr 1 .. Apr 30."""
    if not iso:
        return None
    return _date_bounds(iso)


@lru_cache(maxsize=65_536)
def _date_bounds(iso: str) -> tuple[date, date] | None:
    m = _ISO.match(iso)
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _half_unit(value: float) -> float:
    """Half a unit of the last significant digit of ``value`` ("462,000" -> 500; 88.4 -> 0.05)."""
    if value == 0 or not math.isfinite(value):
        return 0.5
    text = f"{abs(value):.6f}".rstrip("0")
    if text.endswith("."):
        digits = text[:-1]
        zeros = len(digits) - len(digits.rstrip("0"))
        return 0.5 * 10**zeros
    return 0.5 * 10 ** -(len(text) - text.index(".") - 1)


def value_interval(value: float, value_high: float | None, approx: str) -> tuple[float, float]:
    """The values a stated figure allows: its range, widened or opened by its qualifier."""
    lo, hi = value, value if value_high is None else value_high
    if approx == "about":
        return lo - _half_unit(lo), hi + _half_unit(hi)
    if approx in ("over", "at_least"):
        return lo, math.inf
    if approx in ("under", "at_most"):
        return -math.inf, hi
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    tol = REL_EQUAL * max(1.0, abs(a[0]), abs(b[0]))
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


@lru_cache(maxsize=65_536)
def _norm_source(name: str) -> str:
    words = _SOURCE_NOISE.sub(" ", name.casefold()).split()
    return " ".join(w for w in words if w != "the")


def source_key(claim: ClaimRow) -> str:
    """The normalised original source a figure's running total is compared within."""
    return _norm_source(original_source(claim))


def original_source(claim: ClaimRow) -> str:
    """The innermost source of a figure (canonical name if known); the outlet if it has none."""
    chain = claim.canonical_sources or claim.sources
    if chain:
        return chain[-1]
    return claim.outlet or claim.doc_id


def _point(claim: ClaimRow) -> SeriesPoint:
    return SeriesPoint(
        date=as_of(claim),
        value=claim.value,
        value_high=claim.value_high,
        qualifier=claim.approx,
        change=claim.change,
        period_from=claim.period_from,
        sources=claim.canonical_sources or claim.sources,
        original_source=original_source(claim),
        outlet=claim.outlet,
        url=claim.url,
        doc_id=claim.doc_id,
        index=claim.index,
        text=claim.text,
        what=claim.what,
    )


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}"


def _fmt_point(p: SeriesPoint) -> str:
    value = _fmt(p.value) + (f"-{_fmt(p.value_high)}" if p.value_high is not None else "")
    where = p.outlet or p.doc_id
    return f"{value} ({where}, {p.date or 'undated'})"


def _interval(p: SeriesPoint) -> tuple[float, float]:
    return value_interval(p.value, p.value_high, p.qualifier)


def _same_period_groups(points: Sequence[SeriesPoint]) -> dict[tuple[str, str], list[int]]:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(points):
        if p.date:
            groups[(p.date, p.period_from or "")].append(i)
    return groups


def _clusters(points: Sequence[SeriesPoint], idx: Sequence[int]) -> list[list[int]]:
    """``idx`` split into groups of agreeing values (each joins the first group it fits).

    A group is told by its first figure; a figure fitting none starts a new group, so the first
    figures of the groups never overlap one another. Sorted by their lower ends they are sorted
    by their upper ends too, and those a figure can overlap form one run found by bisection
    (within the widest tolerance ``_overlap`` may allow): near-linear instead of comparing every
    figure with every group.
    """
    if len(idx) < 2:
        return [[i] for i in idx]
    ivs = [_interval(points[i]) for i in idx]
    if not all(lo <= hi and lo < math.inf and hi > -math.inf for lo, hi in ivs):
        return _clusters_scan(idx, ivs)  # a reversed range or a non-finite figure: compare all
    clusters: list[list[int]] = []
    los: list[float] = []  # the first figures' intervals with a finite lower end, sorted
    his: list[float] = []
    ids: list[int] = []  # the group of each of them
    open_group: int | None = None  # a group whose first figure has no lower end: fits anything
    scale = 1.0  # the largest magnitude of a lower end in ``los`` (the tolerance grows with it)
    for i, iv in zip(idx, ivs, strict=True):
        lo, hi = iv
        if lo == -math.inf:  # overlaps every group (its tolerance is infinite)
            if clusters:
                clusters[0].append(i)
                continue
            open_group = 0
            clusters.append([i])
            continue
        best = open_group
        reach = 4 * REL_EQUAL * max(scale, abs(lo))
        first = bisect_left(his, lo - reach)
        last = bisect_right(los, hi + reach)
        for n in range(first, last):
            if (best is None or ids[n] < best) and _overlap((los[n], his[n]), iv):
                best = ids[n]
        if best is not None:
            clusters[best].append(i)
            continue
        at = bisect_left(los, lo)
        los.insert(at, lo)
        his.insert(at, hi)
        ids.insert(at, len(clusters))
        scale = max(scale, abs(lo))
        clusters.append([i])
    return clusters


def _clusters_scan(idx: Sequence[int], ivs: Sequence[tuple[float, float]]) -> list[list[int]]:
    """``_clusters`` by comparing each figure with the first figure of every group so far."""
    clusters: list[list[int]] = []
    firsts: list[tuple[float, float]] = []
    for i, iv in zip(idx, ivs, strict=True):
        for c, first in zip(clusters, firsts, strict=True):
            if _overlap(first, iv):
                c.append(i)
                break
        else:
            clusters.append([i])
            firsts.append(iv)
    return clusters


def _conflicts(points: Sequence[SeriesPoint]) -> list[SeriesFlag]:
    flags = []
    for (day, _), idx in sorted(_same_period_groups(points).items()):
        if len(idx) < 2:
            continue  # one figure cannot disagree with itself
        by_source: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            by_source[_norm_source(points[i].original_source)].append(i)
        for members in by_source.values():
            if len({points[i].doc_id for i in members}) < 2:
                continue  # one report's own figures are a breakdown, not rival versions
            clusters = _clusters(points, members)
            if len(clusters) < 2:
                continue
            source = points[members[0]].original_source
            told = "; ".join(" and ".join(_fmt_point(points[i]) for i in c[:3]) for c in clusters)
            flags.append(
                SeriesFlag(
                    "conflicting_values",
                    f"{source} for {day} is reported with {len(clusters)} different values: {told}",
                    tuple(sorted(members)),
                )
            )
    return flags


def _decreases(points: Sequence[SeriesPoint]) -> list[SeriesFlag]:
    """Running totals that go down, per original source: one source's count compared with
    another's (an open-source tally against an official total) is not a decrease."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(points):
        by_source[_norm_source(p.original_source)].append(i)
    flags = []
    for idx in by_source.values():
        for f in _decreases_within([points[i] for i in idx]):
            flags.append(replace(f, points=tuple(idx[k] for k in f.points)))
    if len(by_source) == 1:
        return flags
    # the order a single pass over the dates gives: by the flagged point's date, then index
    return sorted(flags, key=lambda f: (date_bounds(points[f.points[1]].date), f.points[1]))


def _decreases_within(points: Sequence[SeriesPoint]) -> list[SeriesFlag]:
    """Points lower than every figure of the nearest earlier date (one bad figure flags once)."""
    dated = [(date_bounds(p.date), i) for i, p in enumerate(points)]
    by_day: dict[tuple[date, date], list[int]] = defaultdict(list)
    for bounds, i in dated:
        if bounds is not None:
            by_day[bounds].append(i)
    days = sorted(by_day)
    # the nearest earlier date of a day: the latest end before its start (the first such day in
    # ``days`` order when several end together); every day ending before a start sorts before it
    by_end = sorted(range(len(days)), key=lambda n: (days[n][1], n))
    ends = [days[n][1] for n in by_end]
    flags = []
    for day in days:
        below = bisect_left(ends, day[0])
        if not below:
            continue
        prev = days[by_end[bisect_left(ends, ends[below - 1])]]
        floors = [
            _interval(points[j])[0]
            for j in by_day[prev]
            if points[j].qualifier not in ("under", "at_most")
            and math.isfinite(_interval(points[j])[0])
        ]
        if not floors:
            continue
        floor = min(floors)
        for i in by_day[day]:
            p = points[i]
            if p.qualifier in ("over", "at_least") or _interval(p)[1] >= floor:
                continue
            before = next(j for j in by_day[prev] if _interval(points[j])[0] == floor)
            if p.value < DECREASE_MIN_RATIO * floor and not _slipped(p, points[before]):
                continue  # far below: another frame (a subtotal, one operation), not a decrease
            flags.append(
                SeriesFlag(
                    "cumulative_decrease",
                    f"a running total went down: {_fmt_point(p)} is lower than "
                    f"{_fmt_point(points[before])}",
                    (before, i),
                )
            )
    return flags


def _slipped(low: SeriesPoint, high: SeriesPoint) -> bool:
    """Whether ``low`` is ``high`` with one slip of the pen (a digit or a zero dropped: 471,000
    as 47,100), the one way a figure far below a running total is still that total misquoted."""
    a, b = (re.sub(r"\D", "", f"{abs(p.value):.15g}").lstrip("0").rstrip("0") for p in (low, high))
    return a == b or one_slip(a, b)


def _corroborate(points: list[SeriesPoint]) -> list[SeriesPoint]:
    out = list(points)
    for idx in _same_period_groups(points).values():
        for c in _clusters(points, idx):
            sources = {_norm_source(points[i].original_source) for i in c}
            outlets = {points[i].outlet or points[i].doc_id for i in c}
            level: Corroboration = (
                "independent" if len(sources) > 1 else "relay" if len(outlets) > 1 else "single"
            )
            if level != "single":  # every point starts out "single"
                for i in c:
                    out[i] = replace(points[i], corroboration=level)
    return out


def _sort_key(p: SeriesPoint) -> tuple[int, str, float, str, int]:
    bounds = date_bounds(p.date)
    day = bounds[0].isoformat() if bounds else ""
    return (0 if bounds else 1, day, p.value, p.doc_id, p.index)


def _looks_cumulative(points: Sequence[SeriesPoint]) -> bool:
    """Without a definition: every figure counts from the same stated start to varying ends."""
    starts = {p.period_from for p in points}
    ends = {p.date for p in points}
    return len(starts) == 1 and None not in starts and len(ends) > 1


def _make_series(
    key: str, metric: Metric | None, name: str | None, change: bool, claims: list[ClaimRow]
) -> Series:
    points = sorted((_point(c) for c in claims), key=_sort_key)
    points = _corroborate(points)
    cumulative = metric.cumulative if metric else _looks_cumulative(points)
    flags = _conflicts(points)
    if cumulative and not change:
        flags = _decreases(points) + flags
    label = name or next((c.what for c in claims if c.what), key)
    if change:
        label += " (changes)"
    return Series(
        key=key,
        metric=name,
        label=label,
        kind=claims[0].kind,
        unit=claims[0].unit,
        change=change,
        cumulative=cumulative,
        points=tuple(points),
        flags=tuple(flags),
    )


def build_series(
    claims: Iterable[ClaimRow],
    metrics: Sequence[Metric] | None = None,
    *,
    metric: str | None = None,
    min_points: int = 1,
) -> list[Series]:
    """Group ``claims`` into series and flag what does not add up.

    A claim's stored ``metric`` is used when set, else one is assigned from ``metrics`` (the
    bundled definitions when None). Claims with neither a metric nor a ``what`` are left out.
    ``metric`` keeps only that metric's series; ``min_points`` drops smaller series. Metric
    series come first (by name), then automatic ones by size.
    """
    defs = list(load_metrics() if metrics is None else metrics)
    by_name = {m.name: m for m in defs}
    groups: dict[tuple[str, str, str, bool], list[ClaimRow]] = defaultdict(list)
    named: dict[str, str | None] = {}
    for c in claims:
        name = c.metric or assign_metric(c.what, c.kind, c.unit, defs)
        if name:
            key = name
        else:
            words = what_key(c.what)
            if not words:
                continue
            key = AUTO_PREFIX + " ".join(words)
            if len(words) < MIN_KEY_WORDS:
                key += "@" + _norm_source(original_source(c))
        if metric is not None and name != metric:
            continue
        named[key] = name
        groups[(key, c.kind, c.unit or "", c.change)].append(c)
    out = [
        _make_series(key, by_name.get(named[key] or ""), named[key], change, rows)
        for (key, _, _, change), rows in groups.items()
        if len(rows) >= min_points
    ]
    out.sort(
        key=lambda s: (s.metric is None, s.key if s.metric else "", -len(s.points), s.key, s.change)
    )
    return out


def decreases(points: Sequence[SeriesPoint]) -> list[SeriesFlag]:
    """Running totals of ``points`` (one series, dated) that go down within one original
    source: a later figure below every figure of the nearest earlier date."""
    return _decreases(points)


def format_point(p: SeriesPoint) -> str:
    """A point in words: value, outlet and date ("9,100 (a.example, 2024-10-27)")."""
    return _fmt_point(p)
