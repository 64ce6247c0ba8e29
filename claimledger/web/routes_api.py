"""The JSON API under /api: the same data as the pages, described at /openapi.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from ..checks.series_export import all_series, write_series
from ..store import export as store_export
from . import exports, queries
from .app import AppState, app_state
from .errors import BadParameter
from .ingest import (
    analyze_and_save,
    document_from_text,
    document_from_upload,
    document_from_url,
    ingest_batch,
    is_batch_upload,
    with_metadata,
)
from .metrics import series_dict
from .queries import ClaimFilters
from .schemas import (
    BatchOut,
    ClaimList,
    DocumentDetail,
    DocumentList,
    ErrorOut,
    IngestIn,
    IngestOut,
    MetricList,
    SeriesOut,
    SourceList,
)

router = APIRouter(tags=["api"])
State = Annotated[AppState, Depends(app_state)]
_INGEST_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "URL refused or unreadable"},
    413: {"model": ErrorOut, "description": "text or file over the upload cap"},
}


@router.get("/documents", response_model=DocumentList)
async def api_documents(state: State, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stored documents, newest published first, with figure and failed-check counts."""
    limit, offset = queries.page_bounds(limit, offset)
    rows = state.ledger.documents(limit=limit, offset=offset)
    return {
        "documents": [queries.document_row_dict(r) for r in rows],
        "limit": limit,
        "offset": offset,
    }


@router.get("/documents/{doc_id}", response_model=DocumentDetail)
async def api_document(state: State, doc_id: str) -> dict[str, Any]:
    """One document: the eval contract's record plus its metadata, text and attributions."""
    return queries.document_detail(queries.get_analysis(state.ledger, doc_id))


@router.get("/claims", response_model=ClaimList)
async def api_claims(state: State, query: ClaimFilters) -> dict[str, Any]:
    """Stored figures matching every filter given (full text, source, metric, date range)."""
    rows = state.ledger.claims(query)
    return {
        "claims": [queries.claim_dict(r) for r in rows],
        "limit": query.limit,
        "offset": query.offset,
    }


@router.get("/claim/{ref:path}")
async def api_claim(state: State, ref: str) -> dict[str, Any]:
    """The claim of a figure (``DOC_ID:INDEX``) or a claim id: original source, first seen,
    every relay (outlet, date, language, value as written) and the versions when they
    disagree."""
    return await run_in_threadpool(queries.claim_detail, state.ledger, ref, state.views)


@router.get("/events")
async def api_events(
    state: State, actor: str | None = None, object: str | None = None, since: str | None = None
) -> dict[str, Any]:
    """Dated actions across reports in date order (actor, action, object, date, sources, the
    event across reports and how many reports tell it, date conflicts), and with ?object= the
    agreements it names with their provisions."""
    events, agreements = await run_in_threadpool(
        queries.events_listing, state.ledger, actor or None, object or None, since or None
    )
    return {"events": events, "agreements": agreements}


@router.get("/series")
async def api_frame_series(state: State) -> dict[str, Any]:
    """Series by frame (thing, aggregation and start, scope, kind, unit) with their counts."""
    listed = await run_in_threadpool(queries.frame_series_listing, state.ledger, state.views)
    return {"series": listed}


@router.get("/series/{key:path}")
async def api_frame_series_one(state: State, key: str) -> dict[str, Any]:
    """One series by frame with every point (its claim, original source, corroboration) and
    its flags."""
    frame, series = await run_in_threadpool(
        queries.frame_series_detail, state.ledger, key, state.views
    )
    return {"frame": frame, **series_dict(key, series)}


@router.get("/metrics", response_model=MetricList)
async def api_metrics(state: State) -> dict[str, Any]:
    """Every named metric with its figures, reports and latest date (a store aggregate), and
    on a small ledger the series grouped automatically by what they count."""
    listed, auto_listed = queries.series_listing(state.ledger)
    return {"metrics": listed, "auto_listed": auto_listed}


@router.get("/metrics/{sid:path}", response_model=SeriesOut)
async def api_metric(
    state: State, sid: str, limit: int = queries.SERIES_PAGE, before: str | None = None
) -> dict[str, Any]:
    """One page of a series (by the ``id`` given in /api/metrics): its latest ``limit`` dated,
    sourced points (whole days) dated before ``before``, and the flags marking them, as in the
    whole series; ``next`` is the ``before`` of the older page. Every point:
    /api/export/series.{fmt}?id=."""
    limit, day = queries.series_page_bounds(limit, before)
    page = queries.series_page(state.ledger, sid, limit, day)
    out = series_dict(sid, page.series)
    # a page's counts are the page's: named so, not as the whole series' would be
    out["page_points"], out["page_flags"] = out.pop("n_points"), out.pop("n_flags")
    return {
        **out,
        "limit": page.limit,
        "before": page.before,
        "next": page.next,
    }


@router.get(
    "/export/{table}.{fmt}",
    response_class=StreamingResponse,
    responses={200: {"description": "the rows as a CSV, JSON Lines or Parquet download"}},
)
async def api_export(
    state: State,
    table: str,
    fmt: str,
    search: str | None = None,
    source: str | None = None,
    metric: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_id: str | None = None,
    series_id: Annotated[
        str | None, Query(alias="id", description="a series id, as in /api/metrics/{id}")
    ] = None,
) -> StreamingResponse:
    """Download ``documents``, ``claims`` (filtered like /api/claims, every page), ``checks``
    or ``series`` (one row per point; every series, or the one with ``id``) as ``csv``,
    ``jsonl`` or ``parquet``."""
    kind = exports.check_export(table, fmt)
    ledger = state.ledger
    name = exports.filename(table, kind)
    if table == "claims":
        query = queries.claim_query(
            search=search, source=source, metric=metric, since=since, until=until, doc_id=doc_id
        )
        return exports.stream(
            lambda out: store_export.export_claims(ledger, kind, out, query), kind, name
        )
    if table == "documents":
        return exports.stream(
            lambda out: store_export.export_documents(ledger, kind, out), kind, name
        )
    if table == "checks":
        return exports.stream(lambda out: store_export.export_checks(ledger, kind, out), kind, name)
    if series_id is None:
        return exports.stream(lambda out: write_series(all_series(ledger), kind, out), kind, name)
    found = {series_id: queries.one_series(ledger, series_id)}
    return exports.stream(
        lambda out: write_series(found, kind, out),
        kind,
        exports.filename(f"series-{series_id}", kind),
    )


@router.get("/sources", response_model=SourceList)
async def api_sources(state: State) -> dict[str, Any]:
    """Canonical sources with their figure counts and the outlets relaying them."""
    return {"sources": queries.source_dicts(state.ledger)}


async def _ingest_out(state: AppState, doc: Any) -> dict[str, Any]:
    # the analysis runs off the event loop: other requests are answered meanwhile
    analysis, is_new = await run_in_threadpool(
        analyze_and_save, doc, state.ledger, state.settings
    )
    failed = sum(c.status == "inconsistent" for c in analysis.checks)
    doc_id = analysis.document.id
    return {
        "id": doc_id,
        "new": is_new,
        "location": f"/documents/{doc_id}",
        "n_quantities": len(analysis.quantities),
        "n_failed_checks": failed,
    }


@router.post("/ingest", response_model=IngestOut, status_code=201, responses=_INGEST_ERRORS)
async def api_ingest(state: State, body: IngestIn) -> dict[str, Any]:
    """Analyse and store a report given as ``text``, or fetched from ``url`` (exactly one)."""
    if (body.text is None) == (body.url is None):
        raise BadParameter("give exactly one of text and url")
    if body.text is not None:
        doc = document_from_text(body.text, state.settings)
    else:
        doc = await run_in_threadpool(document_from_url, body.url or "", state.settings)
    doc = with_metadata(doc, title=body.title, outlet=body.outlet, published=body.published)
    return await _ingest_out(state, doc)


@router.post("/ingest/upload", response_model=IngestOut, status_code=201, responses=_INGEST_ERRORS)
async def api_ingest_upload(
    state: State,
    file: Annotated[UploadFile, File(description="a plain-text or HTML report")],
    title: Annotated[str | None, Form()] = None,
    outlet: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    """Analyse and store an uploaded report (plain text or HTML); a JSONL, feed or WARC file
    holds many reports: POST it to /api/ingest/batch."""
    if is_batch_upload(file.filename or ""):
        raise BadParameter(f"{file.filename} holds many reports: POST it to /api/ingest/batch")
    data = await file.read(state.settings.max_upload_bytes + 1)
    doc = document_from_upload(file.filename or "file", data, state.settings)
    doc = with_metadata(doc, title=title, outlet=outlet, published=published)
    return await _ingest_out(state, doc)


@router.post("/ingest/batch", response_model=BatchOut, status_code=201, responses=_INGEST_ERRORS)
async def api_ingest_batch(
    state: State,
    file: Annotated[UploadFile, File(description="a JSONL(.gz), RSS/Atom or WARC(.gz) file")],
) -> dict[str, Any]:
    """Analyse and store every report of an uploaded batch, each in its own transaction, as
    `claimledger ingest` reads a file of its kind: one result per report or failed input (a bad
    line is named and the good ones are kept)."""
    name = file.filename or ""
    if not is_batch_upload(name):
        raise BadParameter(f"{name or 'the file'} is not a JSONL, feed or WARC file: POST one "
                           "report to /api/ingest/upload")
    data = await file.read(state.settings.max_upload_bytes + 1)
    results = await run_in_threadpool(ingest_batch, name, data, state.ledger, state.settings)
    failed = sum("error" in r for r in results)
    return {"stored": len(results) - failed, "failed": failed, "results": results}
