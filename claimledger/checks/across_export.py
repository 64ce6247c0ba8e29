"""The ledger's figures with where each stands across reports: series, claim, conflict.

``claimledger export claims`` writes these rows: every field of a stored figure (``ClaimRow``)
and beside them ``doc`` (the id the input gave the document), ``series``, ``claim``,
``conflict``, the original source and the date the figure is as of with where that date came
from. Series and claims are a property of the whole ledger, so every figure is read once to link
them before the first row is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from ..store.base import ClaimQuery, ClaimRow, Ledger
from ..store.export import Format, export_rows
from .across import FigureLink, link_figures
from .provenance import dateline


@dataclass(frozen=True)
class LinkedClaimRow(ClaimRow):
    """A stored figure with its series, claim and conflict across the ledger."""

    doc: str = ""
    series: str | None = None
    claim: str | None = None
    conflict: bool = False
    original_source: str = ""
    as_of: str | None = None
    dated_by: str = "none"


@dataclass(frozen=True)
class StoredFigures:
    """Every stored figure with what linking needs of its document: text, language, date line."""

    claims: list[ClaimRow]
    texts: dict[str, str]
    languages: dict[str, str | None]
    datelines: dict[str, str]


def stored_figures(ledger: Ledger) -> StoredFigures:
    """Every figure of ``ledger``, each document read once."""
    claims = list(ledger.iter_claims())
    texts: dict[str, str] = {}
    languages: dict[str, str | None] = {}
    lines: dict[str, str] = {}
    for c in claims:
        if c.doc_id not in texts:
            analysis = ledger.get(c.doc_id)
            texts[c.doc_id] = analysis.document.text
            languages[c.doc_id] = analysis.document.language
            if (line := dateline(analysis.times)) is not None:
                lines[c.doc_id] = line
    return StoredFigures(claims, texts, languages, lines)


def _links(stored: StoredFigures) -> dict[tuple[str, int], FigureLink]:
    links = link_figures(((c, stored.texts[c.doc_id]) for c in stored.claims),
                         datelines=stored.datelines)
    return {(ln.doc_id, ln.index): ln for ln in links}


def ledger_links(ledger: Ledger) -> dict[tuple[str, int], FigureLink]:
    """Series, claim and conflict of every stored figure, by (document id, figure index)."""
    return _links(stored_figures(ledger))


def linked_claims(ledger: Ledger, query: ClaimQuery | None = None) -> Iterator[LinkedClaimRow]:
    """The stored figures matching ``query``'s filters, each with its links across the ledger."""
    stored = stored_figures(ledger)
    links = _links(stored)
    rows = stored.claims if query is None else ledger.iter_claims(query)
    for c in rows:
        ln = links.get((c.doc_id, c.index))
        yield LinkedClaimRow(
            **asdict(c), doc=c.doc_id,
            series=ln.series if ln else None, claim=ln.claim if ln else None,
            conflict=bool(ln and ln.conflict), original_source=ln.original_source if ln else "",
            as_of=ln.as_of if ln else None, dated_by=ln.dated_by if ln else "none",
        )


def export_linked_claims(
    ledger: Ledger, fmt: Format, out: BinaryIO | str | Path, query: ClaimQuery | None = None
) -> int:
    """Write every stored figure (matching ``query``'s filters) with its series, claim and
    conflict to ``out`` in ``fmt``; returns the number of rows."""
    return export_rows(linked_claims(ledger, query), LinkedClaimRow, fmt, out)
