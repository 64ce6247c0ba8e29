"""Estimative language on the PHIA yardstick (stub)."""

from __future__ import annotations

from ..model import Document, Hedge


def extract_hedges(doc: Document) -> list[Hedge]:
    """Hedges in ``doc.text`` mapped to PHIA terms."""
    return []
