"""The HTML pages: documents, claims search, the annotated report, metrics and sources."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from ..api import metric_labels
from ..store.base import DOCUMENT_SORTS, DocumentQuery, DocumentSort
from . import queries
from .annotate import annotated_html
from .app import HERE, AppState, app_state, render
from .metrics import marked_points
from .queries import ClaimFilters
from .settings import AUTO_LIST_MAX
from .svg import render_chart

FAVICON = HERE / "static" / "favicon.svg"
router = APIRouter(include_in_schema=False)
State = Annotated[AppState, Depends(app_state)]


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
async def index(
    request: Request, state: State, limit: int = 50, offset: int = 0,
    sort: DocumentSort = "newest", failed: bool = False,
) -> HTMLResponse:
    """Stored documents with their counts (sorted, or only those with a failed check), and the
    claims search form."""
    limit, offset = queries.page_bounds(limit, offset)
    query = DocumentQuery(sort=sort, failed_only=failed)
    rows = state.ledger.documents(limit=limit, offset=offset, query=query)
    keep = {"sort": sort, **({"failed": "1"} if failed else {})}
    return render(
        request,
        "index.html",
        documents=rows,
        limit=limit,
        offset=offset,
        total=state.ledger.count_documents(query),
        sort=sort,
        sorts=DOCUMENT_SORTS,
        failed=failed,
        keep=urlencode(keep),
        counts=state.ledger.count(),
        form={},
    )


@router.get("/claims", response_class=HTMLResponse)
async def claims(request: Request, state: State, query: ClaimFilters) -> HTMLResponse:
    """Figures matching the search form."""
    form = {
        "search": query.search,
        "source": query.source,
        "metric": query.metric,
        "since": query.since,
        "until": query.until,
    }
    rows = state.ledger.claims(query)
    total = state.ledger.count_claims(query)
    filters = {
        "search": query.search,
        "source": query.source,
        "metric": query.metric,
        "since": query.since,
        "until": query.until,
        "doc_id": query.doc_id,
    }
    export_params = {k: v for k, v in filters.items() if v is not None}
    keep = urlencode({**export_params, "limit": query.limit})
    return render(
        request, "claims.html", claims=rows, query=query, form=form, export_params=export_params,
        total=total, keep=keep,
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def document(request: Request, state: State, doc_id: str) -> HTMLResponse:
    """The annotated report: highlighted text, and its checks beside it."""
    analysis = await run_in_threadpool(queries.get_analysis, state.ledger, doc_id)
    body = await run_in_threadpool(annotated_html, analysis)  # a long report takes a while
    return render(
        request,
        "document.html",
        doc=analysis.document,
        body=body,
        quantities=analysis.quantities,
        checks=queries.check_list(analysis),
        n_failed=sum(c.status == "inconsistent" for c in analysis.checks),
    )


@router.get("/claim/{ref:path}", response_class=HTMLResponse)
async def claim(request: Request, state: State, ref: str) -> HTMLResponse:
    """A figure's claim: its original source, first seen, every relay, conflicting versions."""
    detail = await run_in_threadpool(queries.claim_detail, state.ledger, ref, state.views)
    return render(request, "claim.html", c=detail)


@router.get("/events", response_class=HTMLResponse)
async def events_page(
    request: Request, state: State, actor: str | None = None, object: str | None = None,
    since: str | None = None,
) -> HTMLResponse:
    """A timeline of dated actions across reports (per actor with ?actor=), and the
    agreements an ?object= names with their provisions."""
    events, agreements = await run_in_threadpool(
        queries.events_listing, state.ledger, actor or None, object or None, since or None
    )
    query = urlencode({k: v for k, v in
                       (("actor", actor), ("object", object), ("since", since)) if v})
    return render(request, "events.html", events=events, agreements=agreements, actor=actor,
                  obj=object, since=since, query=query)


@router.get("/series", response_class=HTMLResponse)
async def frame_series(request: Request, state: State) -> HTMLResponse:
    """Series by frame: what is counted, from when, where, and how each point is sourced."""
    listed = await run_in_threadpool(queries.frame_series_listing, state.ledger, state.views)
    return render(request, "series.html", listed=listed)


@router.get("/series/{key:path}", response_class=HTMLResponse)
async def frame_series_page(request: Request, state: State, key: str) -> HTMLResponse:
    """One series by frame: its chart coloured by original source, flags, every point."""
    frame, series = await run_in_threadpool(
        queries.frame_series_detail, state.ledger, key, state.views
    )
    return render(request, "frame_series.html", f=frame, s=series, chart=render_chart(series),
                  points=marked_points(series))


@router.get("/metrics", response_class=HTMLResponse)
async def metrics(request: Request, state: State) -> HTMLResponse:
    """Every named metric (and on a small ledger every automatic series) with its counts."""
    listed, auto_listed = queries.series_listing(state.ledger)
    return render(
        request, "metrics.html", listed=listed, auto_listed=auto_listed, auto_max=AUTO_LIST_MAX
    )


@router.get("/metrics/{sid:path}", response_class=HTMLResponse)
async def metric(
    request: Request,
    state: State,
    sid: str,
    limit: int = queries.SERIES_PAGE,
    before: str | None = None,
) -> HTMLResponse:
    """One metric series, a page at a time: the latest points, its chart and the flags marking
    them, with links to older and newer pages."""
    limit, day = queries.series_page_bounds(limit, before)
    page = queries.series_page(state.ledger, sid, limit, day, newer=True)
    keep = {"limit": limit} if limit != queries.SERIES_PAGE else {}
    older = f"?{urlencode({**keep, 'before': page.next})}" if page.next else None
    newer = None
    if page.newer is not None:
        params = {**keep, "before": page.newer} if page.newer else keep
        newer = f"?{urlencode(params)}" if params else "?"
    series = page.series
    label = metric_labels().get(series.metric, series.label) if series.metric else series.label
    return render(
        request,
        "metric.html",
        sid=sid,
        s=series,
        label=label,
        page=page,
        older=older,
        newer=newer,
        chart=render_chart(series, label=label),
        points=marked_points(page.series),
    )


@router.get("/favicon.ico")
async def favicon() -> Response:
    """The tab icon (an SVG; pages link /static/favicon.svg, browsers also ask for this)."""
    return Response(
        FAVICON.read_bytes(),
        media_type="image/svg+xml",
        headers={"cache-control": "public, max-age=86400"},
    )


@router.get("/sources", response_class=HTMLResponse)
async def sources(request: Request, state: State) -> HTMLResponse:
    """Canonical sources with figure counts and the outlets relaying them."""
    return render(request, "sources.html", sources=queries.source_dicts(state.ledger))
