"""The HTML pages: documents, claims search, the annotated report, metrics and sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from . import queries
from .annotate import annotated_html
from .app import AppState, app_state, render
from .metrics import marked_points
from .svg import render_chart

router = APIRouter(include_in_schema=False)
State = Annotated[AppState, Depends(app_state)]


@router.get("/", response_class=HTMLResponse)
async def index(request: Request, state: State, limit: int = 50, offset: int = 0) -> HTMLResponse:
    """Stored documents with their counts, and the claims search form."""
    limit, offset = queries.page_bounds(limit, offset)
    rows = state.ledger.documents(limit=limit, offset=offset)
    return render(
        request,
        "index.html",
        documents=rows,
        limit=limit,
        offset=offset,
        counts=state.ledger.count(),
        form={},
    )


@router.get("/claims", response_class=HTMLResponse)
async def claims(
    request: Request,
    state: State,
    search: str | None = None,
    source: str | None = None,
    metric: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> HTMLResponse:
    """Figures matching the search form."""
    query = queries.claim_query(
        search=search,
        source=source,
        metric=metric,
        since=since,
        until=until,
        doc_id=doc_id,
        limit=limit,
        offset=offset,
    )
    form = {"search": search, "source": source, "metric": metric, "since": since, "until": until}
    rows = state.ledger.claims(query)
    return render(request, "claims.html", claims=rows, query=query, form=form)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
async def document(request: Request, state: State, doc_id: str) -> HTMLResponse:
    """The annotated report: highlighted text, and its checks beside it."""
    analysis = queries.get_analysis(state.ledger, doc_id)
    return render(
        request,
        "document.html",
        doc=analysis.document,
        body=annotated_html(analysis),
        quantities=analysis.quantities,
        checks=queries.check_list(analysis),
        n_failed=sum(c.status == "inconsistent" for c in analysis.checks),
    )


@router.get("/metrics", response_class=HTMLResponse)
async def metrics(request: Request, state: State) -> HTMLResponse:
    """Every metric series as a chart with its table."""
    series = queries.all_series(state.ledger)
    charts = {sid: render_chart(s) for sid, s in series.items()}
    points = {sid: marked_points(s) for sid, s in series.items()}
    return render(request, "metrics.html", series=series, charts=charts, points=points)


@router.get("/metrics/{sid:path}", response_class=HTMLResponse)
async def metric(request: Request, state: State, sid: str) -> HTMLResponse:
    """One metric series: its chart, its flags and every figure in it."""
    series = queries.one_series(state.ledger, sid)
    return render(
        request,
        "metric.html",
        sid=sid,
        s=series,
        chart=render_chart(series),
        points=marked_points(series),
    )


@router.get("/sources", response_class=HTMLResponse)
async def sources(request: Request, state: State) -> HTMLResponse:
    """Canonical sources with figure counts and the outlets relaying them."""
    return render(request, "sources.html", sources=queries.source_dicts(state.ledger))
