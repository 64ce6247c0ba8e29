"""Arithmetic between figures of one report (stub)."""

from __future__ import annotations

from ..model import Check, Document, Quantity


def check_arithmetic(doc: Document, quantities: list[Quantity]) -> list[Check]:
    """Recomputable relations (percent_of, percent_change, sum, change) with their status."""
    return []
