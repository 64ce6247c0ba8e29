"""Pydantic shapes of the JSON API: they describe it in the OpenAPI schema at /openapi.json."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    """Every API error: ``{"error": {"status": N, "message": "..."}}``."""

    error: ErrorDetail


class DocumentOut(BaseModel):
    id: str
    content_hash: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    n_quantities: int
    n_failed_checks: int
    ingested_at: str


class DocumentList(BaseModel):
    documents: list[DocumentOut]
    limit: int
    offset: int


class DocumentMeta(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    origin: str | None
    content_hash: str
    text: str


class DocumentDetail(BaseModel):
    """The eval contract's record (id, quantities, times, hedges, checks) plus metadata."""

    id: str
    quantities: list[dict[str, Any]]
    times: list[dict[str, Any]]
    hedges: list[dict[str, Any]]
    checks: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    document: DocumentMeta


class ClaimOut(BaseModel):
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    kind: str
    unit: str | None
    approx: str
    change: bool
    what: str | None
    period_from: str | None
    period_to: str | None
    sources: list[str]
    canonical_sources: list[str]
    metric: str | None
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


class ClaimList(BaseModel):
    claims: list[ClaimOut]
    limit: int
    offset: int


class PointOut(BaseModel):
    date: str | None
    value: float
    value_high: float | None
    qualifier: str
    period_from: str | None
    sources: list[str]
    original_source: str
    outlet: str | None
    url: str | None
    doc_id: str
    index: int
    text: str
    what: str | None
    corroboration: str
    flagged: bool


class FlagOut(BaseModel):
    kind: str
    explanation: str
    points: list[int] = Field(description="indices into the series' points")


class SeriesHead(BaseModel):
    id: str = Field(description="the series' id in /api/metrics/{id} and /metrics/{id}")
    key: str
    metric: str | None
    label: str
    kind: str
    unit: str | None
    change: bool
    cumulative: bool


class SeriesSummary(SeriesHead):
    n_points: int
    n_flags: int
    sources: list[str]


class ListedSeries(BaseModel):
    id: str = Field(description="the series' id in /api/metrics/{id} and /metrics/{id}")
    label: str
    metric: str | None = Field(description="the metric's name; null for an automatic series")
    n_claims: int
    n_documents: int
    last_date: str | None = Field(description="the latest as-of date of its figures")
    auto: bool = Field(description="grouped automatically by what its figures count")


class MetricList(BaseModel):
    metrics: list[ListedSeries]
    auto_listed: bool = Field(
        description="whether automatic series are listed (only on small ledgers)"
    )


class SeriesOut(SeriesHead):
    """One page of a series: its statistics are the page's (``page_points``, ``page_flags``);
    the whole series is /api/export/series.{fmt}?id=."""

    sources: list[str] = Field(description="the original sources of the page's points")
    page_points: int = Field(description="how many points this page holds")
    page_flags: int = Field(description="how many flags mark a point of this page")
    points: list[PointOut] = Field(description="the page's points, oldest first")
    flags: list[FlagOut] = Field(description="the flags marking a point of the page")
    limit: int = Field(description="the most points on a page (whole days)")
    before: str | None = Field(description="the page's points are dated before this day")
    next: str | None = Field(
        description="``before`` of the next, older page; null on the oldest page"
    )


class SourceOut(BaseModel):
    source: str
    n_claims: int
    n_documents: int
    outlets: list[str]
    names: list[str]


class SourceList(BaseModel):
    sources: list[SourceOut]


class IngestIn(BaseModel):
    """A report to analyse and store: its ``text``, or a ``url`` to fetch it from."""

    text: str | None = Field(default=None, description="the report as plain text")
    url: str | None = Field(default=None, description="an http(s) URL to fetch the report from")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="ISO date, YYYY-MM-DD")


class BatchResult(BaseModel):
    id: str | None = Field(None, description="the stored document (null for a failed input)")
    title: str | None = None
    n_figures: int | None = None
    n_failed: int | None = Field(None, description="its failed checks")
    new: bool | None = None
    source: str | None = Field(None, description="the input that failed (file:line)")
    error: str | None = Field(None, description="why it failed")


class BatchOut(BaseModel):
    stored: int = Field(description="how many reports were stored")
    failed: int = Field(description="how many inputs failed (named in results)")
    results: list[BatchResult] = Field(description="one per report or failed input, in order")


class IngestOut(BaseModel):
    id: str
    new: bool
    location: str = Field(description="the annotated page of the stored document")
    n_quantities: int
    n_failed_checks: int
