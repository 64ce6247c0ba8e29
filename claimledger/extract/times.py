"""Dates and periods (stub)."""

from __future__ import annotations

from ..model import Document, TimeExpr


def extract_times(doc: Document) -> list[TimeExpr]:
    """Dates and periods in ``doc.text``, resolved against ``doc.published`` only."""
    return []
