"""The ledger as an analyst reads it across reports: series by frame, claims with their relays.

Built from ``across.link_figures`` over every stored figure:

- ``FrameSeries``: the figures of one frame (thing, scope, aggregation, kind, unit) in date order,
  each point with its claim and corroboration, and the flags of the series: a running total of
  one original source that goes down (``cumulative_decrease``), a claim whose relays disagree
  (``conflicting_values``) and a relay published long after its claim was first seen (``stale``).
- ``ClaimView``: one statement of one original source: first seen, every relay (outlet, date,
  language, the value as written) and, when they disagree, the versions side by side.

Corroboration of a point: ``single`` (one report), ``relay`` (one claim repeated by several
reports) or ``independent`` (another original source states an agreeing value for the same
date). Reports that copy one another (syndicated text) are one voice, see ``across``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..store.base import ClaimRow, Ledger
from .across import FigureLink, Frame, link_figures, parse_frame
from .metrics import Metric, load_metrics
from .precision import written_interval
from .series import Series, SeriesFlag, SeriesPoint, date_bounds, decreases, format_point

STALE_DAYS = 90  # a relay published this long after its claim was first seen is stale news
INDEPENDENT_DAYS = 31  # agreeing figures of two sources this close in date corroborate


@dataclass(frozen=True)
class Relay:
    """One report of a claim: who wrote it, when, in what language and how."""

    doc_id: str
    index: int
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    text: str  # the figure as written
    value: float
    sources: tuple[str, ...]  # the chain as written, outermost first
    conflict: bool


@dataclass(frozen=True)
class ClaimView:
    """One statement of one original source with every report that relays it."""

    claim: str
    series: str
    original_source: str
    as_of: str | None
    first_seen: str | None  # the earliest publication date among its relays
    relays: tuple[Relay, ...]
    versions: tuple[tuple[str, tuple[Relay, ...]], ...]  # written value -> its relays
    conflict: bool
    independent: tuple[str, ...]  # other original sources that state an agreeing value


@dataclass(frozen=True)
class FrameSeries:
    """The figures of one frame across reports, dated points first by date."""

    key: str
    frame: Frame
    label: str
    cumulative: bool
    points: tuple[SeriesPoint, ...]
    claims: tuple[str, ...]  # the claim of each point
    flags: tuple[SeriesFlag, ...]


@dataclass(frozen=True)
class LedgerView:
    """Every series and claim of a ledger."""

    series: Mapping[str, FrameSeries]
    claims: Mapping[str, ClaimView]
    figure_claim: Mapping[tuple[str, int], str]  # (doc id, figure index) -> claim id


def _day(iso: str | None) -> date | None:
    bounds = date_bounds(iso)
    return bounds[0] if bounds else None


def _point(c: ClaimRow, ln: FigureLink) -> SeriesPoint:
    return SeriesPoint(
        date=ln.as_of, value=c.value, value_high=c.value_high, qualifier=c.approx,
        change=c.change, period_from=c.period_from, sources=c.canonical_sources or c.sources,
        original_source=ln.original_source, outlet=c.outlet, url=c.url, doc_id=c.doc_id,
        index=c.index, text=c.text, what=c.what,
    )


def _sort_key(pair: tuple[SeriesPoint, str]) -> tuple[int, str, float, str, int]:
    p = pair[0]
    d = _day(p.date)
    return (0 if d else 1, d.isoformat() if d else "", p.value, p.doc_id, p.index)


def _label(frame: Frame, metrics: Mapping[str, Metric], whats: Sequence[str | None]) -> str:
    m = metrics.get(frame.thing)
    thing = (m.description or m.name) if m else next((w for w in whats if w), frame.thing)
    agg = frame.aggregation
    if agg.startswith("since:"):
        thing += f", running total since {agg[6:]}"
    elif agg.startswith("per:"):
        thing += f", per {agg[4:]}"
    elif agg == "increment":
        thing += ", one day's change"
    elif agg == "average":
        thing += ", average"
    if frame.scope:
        thing += f" ({frame.scope.split(':', 1)[1]})"
    return thing


def _independent(views: dict[str, list[int]], figures: Sequence[tuple[ClaimRow, FigureLink]],
                 claim_ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """For each claim, the other original sources of its series stating an agreeing value at
    a near date. Claims of a series are taken in date order and each is compared only with
    those within ``INDEPENDENT_DAYS`` of it (found by bisection), not with every other."""
    by_series: dict[str, list[tuple[date, float, float, str, str]]] = defaultdict(list)
    out: dict[str, tuple[str, ...]] = {cid: () for cid in claim_ids}
    for cid in claim_ids:
        c, ln = figures[views[cid][0]]
        day = _day(ln.as_of)
        if ln.series and day is not None:
            lo, hi = written_interval(c)
            by_series[ln.series].append((day, lo, hi, ln.original_source, cid))
    window = timedelta(days=INDEPENDENT_DAYS)
    for rows in by_series.values():
        rows.sort(key=lambda r: (r[0], r[4]))
        days = [r[0] for r in rows]
        for day, lo, hi, source, cid in rows:
            key = source.casefold()
            others = {
                o_source
                for o_day, o_lo, o_hi, o_source, _ in rows[
                    bisect_left(days, day - window):bisect_right(days, day + window)
                ]
                if o_source.casefold() != key and hi >= o_lo and o_hi >= lo
            }
            out[cid] = tuple(sorted(others))
    return out


def build_view(
    figures: Iterable[tuple[ClaimRow, str, str | None]],
    metrics: Sequence[Metric] | None = None,
    datelines: Mapping[str, str] | None = None,
) -> LedgerView:
    """Series and claims of ``figures`` (each a stored figure with its document's text and
    language); ``datelines`` date reports that have no other date (see ``across``)."""
    defs = list(load_metrics() if metrics is None else metrics)
    listed = list(figures)
    links = link_figures(((c, text) for c, text, _ in listed), defs, datelines=datelines)
    pairs = [(c, ln) for (c, _, _), ln in zip(listed, links, strict=True)]
    language = {c.doc_id: lang for c, _, lang in listed}
    members: dict[str, list[int]] = defaultdict(list)
    for i, (_, ln) in enumerate(pairs):
        if ln.claim:
            members[ln.claim].append(i)
    claim_ids = sorted(members)
    independent = _independent(members, pairs, claim_ids)
    claims: dict[str, ClaimView] = {}
    for cid in claim_ids:
        idx = sorted(members[cid], key=lambda i: (pairs[i][0].published or "9999",
                                                   pairs[i][0].doc_id, pairs[i][0].index))
        relays = tuple(
            Relay(doc_id=c.doc_id, index=c.index, outlet=c.outlet, url=c.url,
                  published=c.published or (ln.as_of if ln.dated_by == "url" else None),
                  language=language.get(c.doc_id), text=c.text, value=c.value,
                  sources=c.sources, conflict=ln.conflict)
            for c, ln in (pairs[i] for i in idx)
        )
        versions: dict[str, list[Relay]] = defaultdict(list)
        for r in relays:
            versions[f"{r.value:g}"].append(r)
        first = min((r.published for r in relays if r.published), default=None)
        _, ln0 = pairs[idx[0]]
        claims[cid] = ClaimView(
            claim=cid, series=ln0.series or "", original_source=ln0.original_source,
            as_of=ln0.as_of, first_seen=first, relays=relays,
            versions=tuple((k, tuple(v)) for k, v in versions.items()),
            conflict=any(r.conflict for r in relays), independent=independent.get(cid, ()),
        )
    by_series: dict[str, list[int]] = defaultdict(list)
    for i, (_, ln) in enumerate(pairs):
        if ln.series:
            by_series[ln.series].append(i)
    named = {m.name: m for m in defs}
    series: dict[str, FrameSeries] = {}
    for key in sorted(by_series, key=lambda k: (-len(by_series[k]), k)):
        series[key] = _frame_series(key, [pairs[i] for i in by_series[key]], claims, named)
    figure_claim = {(c.doc_id, c.index): ln.claim for c, ln in pairs if ln.claim}
    return LedgerView(series=series, claims=claims, figure_claim=figure_claim)


def _frame_series(
    key: str, pairs: list[tuple[ClaimRow, FigureLink]], claims: Mapping[str, ClaimView],
    metrics: Mapping[str, Metric],
) -> FrameSeries:
    frame = parse_frame(key)
    items = sorted(((_point(c, ln), ln.claim or "") for c, ln in pairs), key=_sort_key)
    points = []
    for p, cid in items:
        view = claims.get(cid)
        level = "single"
        if view and view.independent:
            level = "independent"
        elif view and len({r.doc_id for r in view.relays}) > 1:
            level = "relay"
        points.append(replace(p, corroboration=level))  # type: ignore[arg-type]
    metric = metrics.get(frame.thing)
    agg = frame.aggregation
    cumulative = agg.startswith("since:") or (agg == "total" and bool(metric and metric.cumulative))
    # two figures of one report are not two dates of one count: a report's lower figure of
    # the series is a part of its higher one ("708 cases, 629 of them for leaving a unit")
    flags: list[SeriesFlag] = [
        f for f in (decreases(points) if cumulative else [])
        if len({points[i].doc_id for i in f.points}) > 1
    ]
    flags.extend(_conflict_flags(points, [cid for _, cid in items], claims))
    flags.extend(_stale_flags(points, [cid for _, cid in items], claims))
    return FrameSeries(
        key=key, frame=frame, label=_label(frame, metrics, [c.what for c, _ in pairs]),
        cumulative=cumulative, points=tuple(points), claims=tuple(cid for _, cid in items),
        flags=tuple(flags),
    )


def _conflict_flags(points: Sequence[SeriesPoint], claim_of: Sequence[str],
                    claims: Mapping[str, ClaimView]) -> list[SeriesFlag]:
    flags = []
    for cid in sorted({c for c in claim_of if c in claims and claims[c].conflict}):
        view = claims[cid]
        # the rival versions: the values of the figures in conflict (a report's own breakdown
        # inside the claim, such as a rounded figure beside the exact one, is no version)
        rivals = [(v, rs) for v, rs in view.versions if any(r.conflict for r in rs)]
        told = "; ".join(
            f"{relays[0].text} by {', '.join(sorted({r.outlet or r.doc_id for r in relays}))}"
            for _, relays in rivals
        )
        idx = tuple(i for i, c in enumerate(claim_of) if c == cid)
        flags.append(SeriesFlag(
            "conflicting_values",
            f"{view.original_source} for {view.as_of or 'an undated report'} is relayed with "
            f"{len(rivals)} different values: {told}",
            idx,
        ))
    return flags


def _stale_flags(points: Sequence[SeriesPoint], claim_of: Sequence[str],
                 claims: Mapping[str, ClaimView]) -> list[SeriesFlag]:
    """Relays published more than ``STALE_DAYS`` after their claim was first seen: old news
    passed on as new."""
    flags = []
    for i, (p, cid) in enumerate(zip(points, claim_of, strict=True)):
        view = claims.get(cid)
        if view is None or view.first_seen is None:
            continue
        mine = next((r.published for r in view.relays
                     if (r.doc_id, r.index) == (p.doc_id, p.index)), None)
        first, seen = _day(view.first_seen), _day(mine)
        if first is None or seen is None:
            continue
        late = (seen - first).days
        if late > STALE_DAYS:
            flags.append(SeriesFlag(
                "stale", f"{format_point(p)} repeats, {late} days later, what "
                f"{view.original_source} said by {view.first_seen}", (i,)))
    return flags


def ledger_view(ledger: Ledger, metrics: Sequence[Metric] | None = None) -> LedgerView:
    """Series and claims of every figure stored in ``ledger``."""
    from .across_export import stored_figures

    stored = stored_figures(ledger)
    return build_view(
        ((c, stored.texts[c.doc_id], stored.languages[c.doc_id]) for c in stored.claims),
        metrics, stored.datelines,
    )


def find_claim(view: LedgerView, ref: str) -> ClaimView | None:
    """The claim ``ref`` names: a claim id, or a figure id ``DOC_ID:INDEX``."""
    if ref in view.claims:
        return view.claims[ref]
    doc_id, _, index = ref.rpartition(":")
    cid = view.figure_claim.get((doc_id, int(index))) if index.isdigit() else None
    return view.claims.get(cid) if cid else None


def claim_dict(c: ClaimView) -> dict[str, object]:
    """A claim as plain data (the JSON of the CLI and of the web API)."""
    return {
        "claim": c.claim,
        "series": c.series,
        "original_source": c.original_source,
        "as_of": c.as_of,
        "first_seen": c.first_seen,
        "conflict": c.conflict,
        "independent": list(c.independent),
        "versions": [{"value": v, "reports": len(rs), "outlets": sorted(
            {r.outlet or r.doc_id for r in rs})} for v, rs in c.versions],
        "relays": [
            {"figure": f"{r.doc_id}:{r.index}", "doc_id": r.doc_id, "index": r.index,
             "outlet": r.outlet, "published": r.published, "language": r.language,
             "text": r.text, "value": r.value, "sources": list(r.sources), "url": r.url,
             "conflict": r.conflict}
            for r in c.relays
        ],
    }


def as_series(s: FrameSeries) -> Series:
    """``s`` in the shape of ``checks.series.Series`` (what the charts and tables draw)."""
    return Series(
        key=s.key, metric=None if s.frame.thing.startswith("auto:") else s.frame.thing,
        label=s.label, kind=s.frame.kind, unit=s.frame.unit or None,
        change=s.frame.aggregation == "increment", cumulative=s.cumulative, points=s.points,
        flags=s.flags,
    )


def frame_dict(s: FrameSeries) -> dict[str, object]:
    """A series' frame and counts as plain data (lists of the CLI and the web API)."""
    return {
        "key": s.key,
        "thing": s.frame.thing,
        "label": s.label,
        "aggregation": s.frame.aggregation,
        "start": s.frame.aggregation[6:] if s.frame.aggregation.startswith("since:") else None,
        "scope": s.frame.scope or None,
        "kind": s.frame.kind,
        "unit": s.frame.unit or None,
        "cumulative": s.cumulative,
        "points": len(s.points),
        "claims": len(set(s.claims)),
        "sources": sorted({p.original_source for p in s.points}, key=str.casefold),
        "first": next((p.date for p in s.points if p.date), None),
        "last": next((p.date for p in reversed(s.points) if p.date), None),
        "undated": sum(1 for p in s.points if not p.date),
        "flags": len(s.flags),
    }
