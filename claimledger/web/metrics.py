"""Metric series for the pages and the API, built by ``claimledger.checks.series``.

Each series gets a URL id (see ``claimledger.checks.series_export``): its key, made unique with
kind, unit and total/change when two series share one key. Points are flattened into
``ChartPoint`` with their flags attached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..checks.series import Series, SeriesPoint, build_series, date_bounds
from ..checks.series_export import point_flags, series_ids
from ..store.base import ClaimRow


@dataclass(frozen=True)
class ChartPoint:
    """One figure of a series as drawn: its as-of day, value, source and any flags on it."""

    day: str | None  # the last day its (maybe partial) date covers, ISO
    point: SeriesPoint
    flags: tuple[str, ...]  # explanations of the flags that mark this point

    @property
    def flagged(self) -> bool:
        """Whether a flag marks this point."""
        return bool(self.flags)


def series_by_id(rows: Iterable[ClaimRow]) -> dict[str, Series]:
    """Every series of ``rows`` keyed by its URL id, in ``build_series``'s order."""
    return series_ids(build_series(rows))


def marked_points(series: Series) -> list[ChartPoint]:
    """The points of ``series`` with the flags that mark them (see ``point_flags``)."""
    out = []
    for p, flags in zip(series.points, point_flags(series), strict=True):
        bounds = date_bounds(p.date)
        day = bounds[1].isoformat() if bounds else None
        out.append(ChartPoint(day, p, flags))
    return out


def sources_of(series: Series) -> list[str]:
    """The original sources of a series' points, in a stable order."""
    return sorted({p.original_source for p in series.points}, key=str.casefold)


def series_summary(sid: str, series: Series) -> dict[str, Any]:
    """A series without its points (for lists)."""
    return {
        "id": sid,
        "key": series.key,
        "metric": series.metric,
        "label": series.label,
        "kind": series.kind,
        "unit": series.unit,
        "change": series.change,
        "cumulative": series.cumulative,
        "n_points": len(series.points),
        "n_flags": len(series.flags),
        "sources": sources_of(series),
    }


def point_dict(cp: ChartPoint) -> dict[str, Any]:
    """A point as JSON-ready data."""
    p = cp.point
    return {
        "date": p.date,
        "value": p.value,
        "value_high": p.value_high,
        "qualifier": p.qualifier,
        "period_from": p.period_from,
        "sources": list(p.sources),
        "original_source": p.original_source,
        "outlet": p.outlet,
        "url": p.url,
        "doc_id": p.doc_id,
        "index": p.index,
        "text": p.text,
        "what": p.what,
        "corroboration": p.corroboration,
        "flagged": cp.flagged,
    }


def series_dict(sid: str, series: Series) -> dict[str, Any]:
    """A series with its points and flags."""
    return {
        **series_summary(sid, series),
        "points": [point_dict(cp) for cp in marked_points(series)],
        "flags": [
            {"kind": f.kind, "explanation": f.explanation, "points": list(f.points)}
            for f in series.flags
        ],
    }
