"""Series by id, read without a scan of the whole ledger, and exported one row per point.

A series' id is its key, made unique with kind, unit and totals/changes when two series share
one key (``key|kind|unit|changes``). A named metric's series is read through the store's metric
index; an automatic ("auto:") series through a full-text search on the stems of its key, which
every figure of that series contains as word prefixes. The web app and ``claimledger export
series`` write the same rows with ``write_series``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from ..store.base import ClaimQuery, ClaimRow, Ledger, NotFoundError
from ..store.export import Format, export_rows
from .series import AUTO_PREFIX, Series, build_series

PAGE = 10_000  # claims read per page of a metric's figures (the store's largest page)
# An automatic series is built from at most this many figures that contain its words: a key of
# common stems ("w1*") could otherwise match most of the ledger.
AUTO_SCAN_MAX = 20_000


def series_ids(series: Iterable[Series]) -> dict[str, Series]:
    """``series`` keyed by their ids, in the given order."""
    listed = list(series)
    counts: dict[str, int] = {}
    for s in listed:
        counts[s.key] = counts.get(s.key, 0) + 1
    out: dict[str, Series] = {}
    for s in listed:
        sid = s.key
        if counts[s.key] > 1:
            sid = f"{s.key}|{s.kind}|{s.unit or ''}|{'changes' if s.change else 'totals'}"
        out[sid] = s
    return out


def series_query(sid: str) -> ClaimQuery | None:
    """The claims query that finds every figure of the series ``sid`` (and maybe a few more);
    None when ``sid`` cannot be a series id."""
    key = sid.split("|", 1)[0]
    if not key.startswith(AUTO_PREFIX):
        return ClaimQuery(metric=key) if key else None
    words = key[len(AUTO_PREFIX):].split("@", 1)[0].split()
    if not words:
        return None
    return ClaimQuery(search=" ".join(f"{w}*" for w in words))


def _metric_claims(ledger: Ledger, query: ClaimQuery) -> Iterator[ClaimRow]:
    """The claims of a metric, page by page in date order (the store's metric index)."""
    offset = 0
    while True:
        page = ledger.claims(ClaimQuery(metric=query.metric, limit=PAGE, offset=offset))
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def find_series(ledger: Ledger, sid: str) -> Series | None:
    """The series with id ``sid``, built from its figures only; None when there is none.

    A bare key whose figures form several series (totals and changes, say) names the first.
    """
    query = series_query(sid)
    if query is None:
        return None
    if query.metric:
        rows: Iterable[ClaimRow] = _metric_claims(ledger, query)
    else:
        rows = islice(ledger.iter_claims(query), AUTO_SCAN_MAX)
    built = series_ids(build_series(rows))
    if sid in built:
        return built[sid]
    return next((s for s in built.values() if s.key == sid), None)


def all_series(ledger: Ledger) -> dict[str, Series]:
    """Every series of the ledger by id (reads every figure: for exports)."""
    return series_ids(build_series(ledger.iter_claims()))


def point_flags(series: Series) -> list[tuple[str, ...]]:
    """For each point of ``series``, the explanations of the flags that mark it.

    A running total that went down marks the later, lower figure; conflicting values mark
    every figure in the conflict.
    """
    marks: dict[int, list[str]] = {}
    for flag in series.flags:
        idx = flag.points[-1:] if flag.kind == "cumulative_decrease" else flag.points
        for i in idx:
            marks.setdefault(i, []).append(flag.explanation)
    return [tuple(marks.get(i, ())) for i in range(len(series.points))]


@dataclass(frozen=True)
class SeriesPointRow:
    """One point of a series as exported, with its series' id, key, label and metric."""

    series_id: str
    series_key: str
    label: str
    metric: str | None
    kind: str
    unit: str | None
    change: bool
    date: str | None
    value: float
    value_high: float | None
    qualifier: str
    period_from: str | None
    sources: tuple[str, ...]
    original_source: str
    corroboration: str
    outlet: str | None
    url: str | None
    doc_id: str
    index: int
    text: str
    what: str | None
    flagged: bool


def series_rows(series: Mapping[str, Series]) -> Iterator[SeriesPointRow]:
    """One row per point of every series in ``series`` (by id)."""
    for sid, s in series.items():
        for p, flags in zip(s.points, point_flags(s), strict=True):
            yield SeriesPointRow(
                series_id=sid, series_key=s.key, label=s.label, metric=s.metric, kind=s.kind,
                unit=s.unit, change=s.change, date=p.date, value=p.value,
                value_high=p.value_high, qualifier=p.qualifier, period_from=p.period_from,
                sources=p.sources, original_source=p.original_source,
                corroboration=p.corroboration, outlet=p.outlet, url=p.url, doc_id=p.doc_id,
                index=p.index, text=p.text, what=p.what, flagged=bool(flags),
            )


def write_series(series: Mapping[str, Series], fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write the points of ``series`` to ``out`` in ``fmt``; returns the number of rows."""
    return export_rows(series_rows(series), SeriesPointRow, fmt, out)


def export_series(
    ledger: Ledger, fmt: Format, out: BinaryIO | str | Path, series_id: str | None = None
) -> int:
    """Write every series' points (or those of the series ``series_id``) to ``out`` in ``fmt``.

    Raises ``NotFoundError`` for an unknown ``series_id``.
    """
    if series_id is None:
        return write_series(all_series(ledger), fmt, out)
    found = find_series(ledger, series_id)
    if found is None:
        raise NotFoundError(series_id, "no such metric series in the ledger")
    return write_series({series_id: found}, fmt, out)
