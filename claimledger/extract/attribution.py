"""Attribution chains, counted things and periods (stub)."""

from __future__ import annotations

from ..model import Attribution, Document, Quantity, TimeExpr


def extract_attributions(doc: Document) -> list[Attribution]:
    """Stated sources in ``doc.text``: "according to X", "X reports, citing Y"."""
    return []


def attach_context(
    doc: Document,
    quantities: list[Quantity],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> list[Quantity]:
    """The quantities with ``what``, ``period_from``/``period_to`` and ``sources`` filled in."""
    return quantities
