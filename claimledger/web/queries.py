"""The data behind every page and its JSON twin: one function per view, shared by both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from itertools import chain, islice
from typing import Annotated, Any

from fastapi import Depends

from ..api import metric_labels
from ..checks.metrics import load_metrics
from ..checks.series import Series, as_of, build_series, date_bounds, source_key
from ..checks.series_export import find_series, series_ids, series_query
from ..model import Analysis, check_dict, quantity_dict, time_dict
from ..store.base import ClaimQuery, ClaimRow, DocumentRow, Ledger, NotFoundError
from .errors import BadParameter, NotFound
from .metrics import series_by_id
from .settings import AUTO_LIST_MAX, MAX_PAGE_SIZE
from .view_cache import ViewCache, cached_view

SERIES_PAGE = 500  # points on a page of a metric series unless ?limit= says otherwise
MAX_SERIES_PAGE = 5_000  # the most points one page of a series shows (the export has them all)
MAX_OLDER_READ = 50_000  # figures read back for a page's flags at most: bounds a rare source's cost
STREAM_CHUNK = 1_000  # claims read per query when walking a metric's figures newest first


def clean(value: str | None) -> str | None:
    """A form value with blanks stripped; an empty field counts as absent."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def iso_date(name: str, value: str | None) -> str | None:
    """``value`` checked as an ISO date (YYYY-MM-DD); raises ``BadParameter`` otherwise."""
    value = clean(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameter(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


# The largest offset a page takes: past it no ledger has rows, and SQLite's integers end at 2^63.
MAX_OFFSET = 2**62


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    """``limit`` and ``offset`` checked; raises ``BadParameter`` when out of range."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise BadParameter(f"limit must be between 1 and {MAX_PAGE_SIZE}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise BadParameter(f"offset must be between 0 and {MAX_OFFSET}, not {offset}")
    return limit, offset


def claim_query(
    *,
    search: str | None = None,
    source: str | None = None,
    metric: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> ClaimQuery:
    """A ``ClaimQuery`` from raw request parameters, validated."""
    limit, offset = page_bounds(limit, offset)
    since_d, until_d = iso_date("since", since), iso_date("until", until)
    if since_d and until_d and since_d > until_d:
        raise BadParameter(f"since ({since_d}) is after until ({until_d})")
    return ClaimQuery(
        search=clean(search),
        source=clean(source),
        metric=clean(metric),
        since=since_d,
        until=until_d,
        doc_id=clean(doc_id),
        limit=limit,
        offset=offset,
    )


# The claim filters of a request's query string, validated: shared by the page and its JSON twin.
ClaimFilters = Annotated[ClaimQuery, Depends(claim_query)]


def claim_dict(row: ClaimRow) -> dict[str, Any]:
    """A claim row as JSON-ready data."""
    d = asdict(row)
    d["sources"] = list(row.sources)
    d["canonical_sources"] = list(row.canonical_sources)
    return d


def document_row_dict(row: DocumentRow) -> dict[str, Any]:
    """A listed document as JSON-ready data."""
    return asdict(row)


def get_analysis(ledger: Ledger, doc_id: str) -> Analysis:
    """The stored analysis of ``doc_id``; raises ``NotFound`` when there is none."""
    try:
        return ledger.get(doc_id)
    except NotFoundError:
        raise NotFound(f"no document {doc_id!r}") from None


def document_detail(analysis: Analysis) -> dict[str, Any]:
    """A document in the contract's shape, with its metadata, text and attributions."""
    doc = analysis.document
    detail = analysis.to_contract()
    detail["document"] = {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "url": doc.url,
        "published": doc.published,
        "language": doc.language,
        "origin": doc.origin,
        "content_hash": doc.content_hash,
        "text": doc.text,
    }
    detail["attributions"] = [
        {"start": a.start, "end": a.end, "text": a.text, "chain": list(a.chain)}
        for a in analysis.attributions
    ]
    return detail


def source_dicts(ledger: Ledger) -> list[dict[str, Any]]:
    """Canonical sources with their figure counts and relaying outlets, most cited first."""
    from ..sources_registry import listed_sources

    out = []
    for summary in listed_sources(ledger.sources_summary()):
        d = asdict(summary)
        d["outlets"], d["names"] = list(summary.outlets), list(summary.names)
        out.append(d)
    return out


def series_listing(ledger: Ledger) -> tuple[list[dict[str, Any]], bool]:
    """The listed series and whether the automatic ones are among them.

    Named metrics come from the store's aggregate; series grouped automatically by what they
    count are built, and listed, only on a ledger of at most ``AUTO_LIST_MAX`` figures.
    """
    labels = metric_labels()
    listed = [
        {
            "id": m.metric,
            "label": labels.get(m.metric, m.metric),
            "metric": m.metric,
            "n_claims": m.n_claims,
            "n_documents": m.n_documents,
            "last_date": m.last_date,
            "auto": False,
        }
        for m in ledger.metrics_summary()
    ]
    if ledger.count()["claims"] > AUTO_LIST_MAX:  # a count, not a read of the first figures
        return listed, False
    sample = list(islice(ledger.iter_claims(), AUTO_LIST_MAX + 1))
    if len(sample) > AUTO_LIST_MAX:
        return listed, False
    for sid, s in series_by_id(sample).items():
        if s.metric is None:
            dates = [p.date for p in s.points if p.date]
            listed.append(
                {
                    "id": sid,
                    "label": s.label,
                    "metric": None,
                    "n_claims": len(s.points),
                    "n_documents": len({p.doc_id for p in s.points}),
                    "last_date": max(dates) if dates else None,
                    "auto": True,
                }
            )
    return listed, True


def one_series(ledger: Ledger, sid: str) -> Series:
    """The series with URL id ``sid``, read from its own figures (never the whole ledger);
    raises ``NotFound`` when there is none."""
    series = find_series(ledger, sid)
    if series is None:
        raise NotFound(f"no metric series {sid!r}")
    return series


@dataclass(frozen=True)
class SeriesPage:
    """One page of a series: its latest points before a date, with the flags that mark them.

    ``series.points`` are the page's dated points (oldest first) and ``series.flags`` the flags
    marking one of them, their ``points`` indices into the page (a running total's earlier,
    higher figure may lie on an older page: its index is then left out, the explanation names
    it). ``next`` is the ``before`` of the following, older page; ``newer`` that of the newer
    page ("" for the latest page, None when this is the latest page or it was not asked for).
    """

    series: Series
    limit: int
    before: str | None
    next: str | None
    newer: str | None = None


def series_page_bounds(limit: int, before: str | None) -> tuple[int, dt.date | None]:
    """``limit`` and ``before`` of a series page checked; raises ``BadParameter``."""
    if not 1 <= limit <= MAX_SERIES_PAGE:
        raise BadParameter(f"limit must be between 1 and {MAX_SERIES_PAGE}, not {limit}")
    day = iso_date("before", before)
    return limit, dt.date.fromisoformat(day) if day else None


def _start(claim: ClaimRow) -> dt.date | None:
    bounds = date_bounds(as_of(claim))
    return bounds[0] if bounds else None


def _page_start(days: Iterable[tuple[dt.date, int]], limit: int) -> dt.date | None:
    """The earliest day of a page, given its candidate days newest first with their counts:
    whole days while they fit in ``limit`` points (always at least one day)."""
    total, start = 0, None
    for day, n in days:
        if start is not None and total + n > limit:
            break
        total, start = total + n, day
    return start


def _day_counts(starts: Iterable[dt.date]) -> list[tuple[dt.date, int]]:
    """Runs of equal days in ``starts`` (already sorted) with their lengths."""
    out: list[tuple[dt.date, int]] = []
    for day in starts:
        if out and out[-1][0] == day:
            out[-1] = (day, out[-1][1] + 1)
        else:
            out.append((day, 1))
    return out


def cut_series(series: Series, start: dt.date | None, before: dt.date | None) -> Series:
    """``series`` with only its points dated from ``start`` to before ``before`` and the flags
    that mark one of them (a running total's lower figure; every figure of a conflict)."""
    keep: dict[int, int] = {}
    for i, p in enumerate(series.points):
        bounds = date_bounds(p.date)
        if bounds is None or (start is not None and bounds[0] < start):
            continue
        if before is not None and bounds[0] >= before:
            continue
        keep[i] = len(keep)
    flags = []
    for f in series.flags:
        marked = f.points[-1:] if f.kind == "cumulative_decrease" else f.points
        if any(i in keep for i in marked):
            flags.append(replace(f, points=tuple(keep[i] for i in f.points if i in keep)))
    points = tuple(series.points[i] for i in keep)
    return replace(series, points=points, flags=tuple(flags))


def page_of_series(
    series: Series, limit: int, before: dt.date | None, *, newer: bool = False
) -> SeriesPage:
    """The page of a whole built series: its latest whole days before ``before``."""
    starts = [b[0] for p in series.points if (b := date_bounds(p.date)) is not None]
    older = [d for d in reversed(starts) if before is None or d < before]
    start = _page_start(_day_counts(older), limit)
    nxt = next((d for d in older if start is not None and d < start), None)
    newer_cursor = None
    if newer and before is not None:
        later = _day_counts(d for d in starts if d >= before)
        newer_cursor = _newer_cursor(later, limit)
    return SeriesPage(
        cut_series(series, start or before, before),
        limit,
        before.isoformat() if before else None,
        start.isoformat() if nxt is not None and start is not None else None,
        newer_cursor,
    )


def _newer_cursor(later: list[tuple[dt.date, int]], limit: int) -> str:
    """The ``before`` of the page newer than one ending where ``later`` (days on or after its
    ``before``, oldest first) begins: "" (the latest page) when they all fit on one page."""
    total = 0
    for n, (day, count) in enumerate(later):
        if n and total + count > limit:
            return day.isoformat()
        total += count
    return ""


def _group_filter(sid: str) -> Callable[[ClaimRow], bool]:
    """Whether a figure of the series' metric belongs to the series ``sid`` names
    (``key|kind|unit|changes`` names one of several; a bare key any)."""
    parts = sid.split("|", 2)
    if len(parts) < 3 or "|" not in parts[2]:
        return lambda claim: True
    kind, (unit, totals) = parts[1], parts[2].rsplit("|", 1)
    if totals not in ("totals", "changes"):
        return lambda claim: True
    change = totals == "changes"
    return lambda c: c.kind == kind and (c.unit or "") == unit and c.change == change


def _metric_stream(
    ledger: Ledger, metric: str, *, since: str | None = None, until: str | None = None
) -> Iterator[ClaimRow]:
    """A metric's figures newest date first (the store's metric index), in growing chunks."""
    offset, size = 0, STREAM_CHUNK
    while True:
        rows = ledger.claims(
            ClaimQuery(metric=metric, since=since, until=until, limit=size, offset=offset)
        )
        yield from rows
        if len(rows) < size:
            return
        offset += len(rows)
        size = min(size * 2, 10_000)


def _dated_exactly(ledger: Ledger, metric: str, iso: str) -> list[ClaimRow]:
    """A metric's figures dated exactly ``iso`` (a month or a year): from ``iso`` up to
    "``iso``-00" (every full date of the month or year sorts after that)."""
    rows = _metric_stream(ledger, metric, since=iso, until=iso + "-00")
    return [c for c in rows if as_of(c) == iso]


def _window_claims(
    ledger: Ledger,
    metric: str,
    belongs: Callable[[ClaimRow], bool],
    limit: int,
    before: dt.date | None,
) -> tuple[list[ClaimRow], dt.date | None, bool]:
    """The figures a page of a metric's series is built from: its latest whole days before
    ``before`` fitting in ``limit`` points, and the older figures its flags need; with the
    page's first day and whether older figures exist.

    Figures come newest first by their stored date, so by the first day their date covers:
    a day's figures are read together. The cumulative-decrease flag compares a day with the
    nearest earlier one, the latest date ending before it; the latest single day F before the
    page is one such, so only dates ending on or after F matter: those starting from F (read on
    along the index to the end of F) and the month and year containing F.
    """
    until = before.isoformat() if before else None
    stream = _metric_stream(ledger, metric, until=until)
    page: list[ClaimRow] = []
    day: list[ClaimRow] = []  # the figures of the day being read
    day_start: dt.date | None = None
    rest: list[ClaimRow] = []  # the first figures before the page
    for c in stream:
        s = _start(c)
        if s is None or not belongs(c) or (before is not None and s >= before):
            continue
        if day and day_start is not None and s < day_start:  # that day is complete
            if page and len(page) + len(day) > limit:
                rest = [*day, c]
                break
            page += day
            day = []
        day.append(c)
        day_start = s
    else:
        if day and page and len(page) + len(day) > limit:
            rest = day
        else:
            page += day
    start = _start(page[-1]) if page else None
    if not rest:
        return page, start, False
    # read on, for each original source on the page, to the end of its latest single day
    # before the page (running totals are compared within one source)
    wanted = {source_key(c) for c in page}
    singles: dict[str, dt.date] = {}
    older: list[ClaimRow] = []
    for c in islice(chain(rest, stream), MAX_OLDER_READ):  # the stream goes on from the page
        s = _start(c)
        if s is None or not belongs(c):
            continue
        if wanted <= singles.keys() and s < min(singles[k] for k in wanted):
            break
        older.append(c)
        bounds = date_bounds(as_of(c))
        key = source_key(c)
        if key not in singles and bounds is not None and bounds[0] == bounds[1]:
            singles[key] = s
    for single in sorted({singles[k] for k in wanted if k in singles}):
        if single.day != 1:
            older += _dated_exactly(ledger, metric, single.isoformat()[:7])
        if (single.month, single.day) != (1, 1):
            older += _dated_exactly(ledger, metric, single.isoformat()[:4])
    return page + [c for c in older if belongs(c)], start, True


def _unique(rows: Iterable[ClaimRow]) -> list[ClaimRow]:
    seen: dict[tuple[str, int], ClaimRow] = {}
    for c in rows:
        seen.setdefault((c.doc_id, c.index), c)
    return list(seen.values())


def _newer_of_metric(
    ledger: Ledger, metric: str, belongs: Callable[[ClaimRow], bool], limit: int, before: dt.date
) -> str:
    """``_newer_cursor`` of a metric's page ending at ``before``: the figures dated from
    ``before`` are read in growing windows of days until a page's worth has been seen."""
    first = before.isoformat()
    edge: list[ClaimRow] = []  # a month or year starting on ``before`` sorts below its first day
    if before.day == 1:
        edge += _dated_exactly(ledger, metric, first[:7])
        if before.month == 1:
            edge += _dated_exactly(ledger, metric, first[:4])
    span = 16
    while True:
        # the last window is open-ended, and so is any that would run past the calendar's end
        far = span >= 4096 or before > dt.date.max - dt.timedelta(days=span)
        until = None if far else before + dt.timedelta(days=span)
        rows = _metric_stream(
            ledger, metric, since=first, until=until.isoformat() if until else None
        )
        starts = sorted(
            s for c in chain(edge, rows) if belongs(c) and (s := _start(c)) is not None
            and s >= before and (until is None or s <= until)
        )
        cursor = _newer_cursor(_day_counts(starts), limit)
        if until is None or (cursor and dt.date.fromisoformat(cursor) < until):
            return cursor  # the window holds the newer page's days and the first day after
        span *= 4


def series_page(
    ledger: Ledger,
    sid: str,
    limit: int = SERIES_PAGE,
    before: dt.date | None = None,
    *,
    newer: bool = False,
) -> SeriesPage:
    """The latest ``limit`` points of series ``sid`` dated before ``before`` (whole days), with
    their flags and corroboration as in the whole series; raises ``NotFound``.

    A named metric's page is built from the figures of those days and the older ones its flags
    need (see ``_window_claims``); an automatic series (at most ``AUTO_SCAN_MAX`` figures), a
    metric without a definition whose figures might all count from one start (then whether it
    is a running total depends on every figure), or a bare key naming several series, whole.
    """
    query = series_query(sid)
    if query is None or not query.metric:
        return page_of_series(one_series(ledger, sid), limit, before, newer=newer)
    belongs = _group_filter(sid)
    rows, start, older = _window_claims(ledger, query.metric, belongs, limit, before)
    built = list(series_ids(build_series(_unique(rows), metric=query.metric)).values())
    if len(built) != 1 or not _cumulative_known(query.metric, built[0]):
        return page_of_series(one_series(ledger, sid), limit, before, newer=newer)
    newer_cursor = None
    if newer and before is not None:
        newer_cursor = _newer_of_metric(ledger, query.metric, belongs, limit, before)
    return SeriesPage(
        cut_series(built[0], start, before),
        limit,
        before.isoformat() if before else None,
        start.isoformat() if older and start is not None else None,
        newer_cursor,
    )


def _cumulative_known(metric: str, part: Series) -> bool:
    """Whether a series built from part of a metric's figures is a running total exactly when
    the whole one is: the metric is defined, or its figures do not all count from one start."""
    if any(m.name == metric for m in load_metrics()):
        return True
    starts = {p.period_from for p in part.points}
    return len(starts) > 1 or None in starts


def quantity_list(analysis: Analysis) -> list[dict[str, Any]]:
    """The quantities of ``analysis`` as dicts (for templates)."""
    return [quantity_dict(q) for q in analysis.quantities]


def time_list(analysis: Analysis) -> list[dict[str, Any]]:
    """The times of ``analysis`` as dicts (for templates)."""
    return [time_dict(t) for t in analysis.times]


def check_list(analysis: Analysis) -> list[dict[str, Any]]:
    """The checks of ``analysis`` as dicts with the anchors of the figures they involve."""
    out = []
    for c in analysis.checks:
        d = check_dict(c)
        idx = [i for i in (c.percent, c.part, c.whole) if i is not None] + list(c.parts)
        d["refs"] = [f"q-{i}" for i in idx]
        out.append(d)
    return out


def claim_detail(ledger: Ledger, ref: str, cache: ViewCache | None = None) -> dict[str, Any]:
    """The claim of the figure ``ref`` (``DOC_ID:INDEX``, or a claim id) with its relays;
    raises ``NotFound`` when there is none. Reads the whole ledger (claims are a property of
    all its figures)."""
    from ..checks.claim_series import claim_dict, find_claim

    found = find_claim(cached_view(ledger, cache), ref)
    if found is None:
        raise NotFound(f"no figure or claim {ref!r} (figure ids are DOC_ID:INDEX)")
    return claim_dict(found)


def frame_series_listing(ledger: Ledger, cache: ViewCache | None = None) -> list[dict[str, Any]]:
    """Every series by frame of the ledger (reads every figure), largest first."""
    from ..checks.claim_series import frame_dict

    return [frame_dict(s) for s in cached_view(ledger, cache).series.values()]


def frame_series_detail(
    ledger: Ledger, key: str, cache: ViewCache | None = None
) -> tuple[dict[str, Any], Series]:
    """One series by frame: its frame and counts, and the series its chart and table draw;
    raises ``NotFound`` for an unknown key."""
    from ..checks.claim_series import as_series, frame_dict

    found = cached_view(ledger, cache).series.get(key)
    if found is None:
        raise NotFound(f"no series {key!r}")
    return frame_dict(found), as_series(found)


def events_listing(
    ledger: Ledger, actor: str | None, obj: str | None, since: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The events matching the filters in date order, and the agreements their object or the
    filter names (reads every stored report)."""
    from ..checks.events_view import ledger_agreements, ledger_events

    if since is not None:
        try:
            since = dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise BadParameter(f"since must be a date as YYYY-MM-DD, not {since!r}") from None
    events = [asdict(r) for r in ledger_events(ledger, actor=actor, obj=obj, since=since)]
    agreements = [asdict(a) for a in ledger_agreements(ledger, obj)] if obj else []
    return events, agreements

