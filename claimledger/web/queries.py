"""The data behind every page and its JSON twin: one function per view, shared by both."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from itertools import islice
from typing import Any

from ..checks.series import Series
from ..checks.series_export import find_series
from ..model import Analysis, check_dict, quantity_dict, time_dict
from ..store.base import ClaimQuery, ClaimRow, DocumentRow, Ledger, NotFoundError
from .errors import BadParameter, NotFound
from .metrics import series_by_id
from .settings import AUTO_LIST_MAX, MAX_PAGE_SIZE


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


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    """``limit`` and ``offset`` checked; raises ``BadParameter`` when out of range."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise BadParameter(f"limit must be between 1 and {MAX_PAGE_SIZE}, not {limit}")
    if offset < 0:
        raise BadParameter(f"offset must be 0 or more, not {offset}")
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
    out = []
    for summary in ledger.sources_summary():
        d = asdict(summary)
        d["outlets"], d["names"] = list(summary.outlets), list(summary.names)
        out.append(d)
    return out


def series_listing(ledger: Ledger) -> tuple[list[dict[str, Any]], bool]:
    """The listed series and whether the automatic ones are among them.

    Named metrics come from the store's aggregate; series grouped automatically by what they
    count are built, and listed, only on a ledger of at most ``AUTO_LIST_MAX`` figures.
    """
    listed = [
        {
            "id": m.metric,
            "label": m.metric,
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
