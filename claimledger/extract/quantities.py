"""Quantities: every figure that states an amount (stub, filled by the quantities work)."""

from __future__ import annotations

from ..model import Document, Quantity


def extract_quantities(doc: Document) -> list[Quantity]:
    """Figures in ``doc.text`` with value, kind, unit, approx and change set."""
    return []
