"""The ledger interface: every store (SQLite, PostgreSQL) implements ``Ledger``.

Rows handed out by a ledger are plain frozen dataclasses so that the CLI, the web app and
exports share one shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from ..errors import StoreError
from ..model import Analysis


class NotFoundError(StoreError):
    """No stored document has the id asked for."""


@dataclass(frozen=True)
class DocumentRow:
    """A stored document as listed: no text, with counts."""

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


@dataclass(frozen=True)
class ClaimRow:
    """One stored figure with its document's metadata: the unit of search and export."""

    doc_id: str
    index: int  # position of the quantity in its document
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
    sources: tuple[str, ...]  # as written, outermost first
    canonical_sources: tuple[str, ...]  # the registry's names for the same chain
    metric: str | None
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True)
class CheckRow:
    """One stored arithmetic check with its document's metadata (for exports)."""

    doc_id: str
    index: int  # position of the check in its document
    kind: str
    status: str
    explanation: str
    percent: int | None
    part: int | None
    whole: int | None
    parts: tuple[int, ...]
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True)
class SourceSummary:
    """A canonical source: how many stored figures name it and which outlets relay them."""

    source: str  # the registry's name
    n_claims: int  # figures whose chain names it anywhere
    n_documents: int
    outlets: tuple[str, ...]  # most figures first
    names: tuple[str, ...]  # the names as written that map to it


@dataclass(frozen=True)
class MetricSummary:
    """A metric as listed: how many stored figures and reports name it, and its latest date."""

    metric: str
    n_claims: int
    n_documents: int
    last_date: str | None  # the latest as-of date (period end, else published) of its figures


# How ``Ledger.claims`` orders its rows: newest or oldest date first, largest or smallest value.
ClaimSort = Literal["newest", "oldest", "largest", "smallest"]
CLAIM_SORTS: tuple[ClaimSort, ...] = ("newest", "oldest", "largest", "smallest")
# How ``Ledger.documents`` orders its rows: by date, most figures or failed checks, by title.
DocumentSort = Literal["newest", "oldest", "figures", "failed", "title"]
DOCUMENT_SORTS: tuple[DocumentSort, ...] = ("newest", "oldest", "figures", "failed", "title")


@dataclass(frozen=True)
class DocumentQuery:
    """Filters for ``Ledger.documents``; they combine with AND."""

    outlet: str | None = None  # contains, case-insensitive
    since: str | None = None  # ISO date: published on or after
    until: str | None = None
    failed_only: bool = False  # only documents with a failed check
    sort: DocumentSort = "newest"


@dataclass(frozen=True)
class ClaimQuery:
    """Filters for ``Ledger.claims``; every field is optional and they combine with AND."""

    search: str | None = None  # full-text over the figure's text, what, sources, document title
    source: str | None = None  # written or canonical source name (case-insensitive, contains)
    metric: str | None = None
    since: str | None = None  # ISO date: the claim's period_to, else published, is on/after
    until: str | None = None
    doc_id: str | None = None
    value: float | None = None  # figures equal to this value, or whose range holds it
    tolerance: float = 0.0  # how far from ``value`` a figure may be (absolute)
    sort: ClaimSort | None = None  # None: a document's figures in order, else newest first
    limit: int = 100
    offset: int = 0


class Ledger(Protocol):
    """A store of analysed documents."""

    def save(self, analysis: Analysis) -> tuple[str, bool]:
        """Store ``analysis``; one row per content hash. Returns (doc id, whether it was new).

        Saving a document that is already stored replaces its extraction (a refresh).
        """
        ...

    def get(self, doc_id: str) -> Analysis:
        """The stored analysis of ``doc_id``; raises ``NotFoundError`` when there is none."""
        ...

    def documents(
        self, *, limit: int = 100, offset: int = 0, query: DocumentQuery | None = None
    ) -> list[DocumentRow]:
        """Stored documents, newest published first, or as ``query`` filters and sorts them."""
        ...

    def count_documents(self, query: DocumentQuery | None = None) -> int:
        """How many stored documents match ``query``'s filters."""
        ...

    def count_claims(self, query: ClaimQuery) -> int:
        """How many stored figures match ``query``'s filters (its limit and offset ignored)."""
        ...

    def delete(self, doc_ids: list[str]) -> int:
        """Remove the documents ``doc_ids`` and everything derived from them (figures, checks,
        times, hedges, attributions, events, search rows) in one transaction; returns how many
        were removed. An id with no document raises ``NotFoundError`` and removes nothing."""
        ...

    def claims(self, query: ClaimQuery) -> list[ClaimRow]:
        """Stored figures matching ``query``."""
        ...

    def iter_claims(self, query: ClaimQuery | None = None) -> Iterator[ClaimRow]:
        """Every stored figure matching ``query``'s filters (its limit and offset are ignored),
        streamed (for exports, series and verification)."""
        ...

    def iter_documents(self) -> Iterator[DocumentRow]:
        """Every stored document as listed, streamed (for exports)."""
        ...

    def iter_checks(self) -> Iterator[CheckRow]:
        """Every stored check, streamed (for exports)."""
        ...

    def sources_summary(self) -> list[SourceSummary]:
        """Per canonical source: figures naming it and the outlets relaying it, most first."""
        ...

    def metrics_summary(self) -> list[MetricSummary]:
        """Per stored metric name: its figures, reports and latest date, by name (an aggregate,
        no series is built)."""
        ...

    def integrity_check(self) -> list[str]:
        """Problems found in the store; an empty list when it is sound."""
        ...

    def count(self) -> dict[str, int]:
        """Numbers of documents, claims, checks and failed checks."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...
