"""The analysis pipeline: run every stage over one document."""

from __future__ import annotations

from dataclasses import replace

from .checks.arithmetic import check_arithmetic
from .extract.attribution import attach_context, extract_attributions
from .extract.hedges import extract_hedges
from .extract.language import detect_language
from .extract.narrative import extract_narrative
from .extract.quantities import extract_quantities
from .extract.times import extract_times
from .model import Analysis, Document


def analyze_document(doc: Document) -> Analysis:
    """Extract figures, times, hedges and sources from ``doc`` and check their arithmetic."""
    doc = doc.with_id()
    if not doc.language:
        doc = replace(doc, language=detect_language(doc.text))
    quantities = extract_quantities(doc)
    times = extract_times(doc)
    hedges = extract_hedges(doc)
    attributions = extract_attributions(doc)
    quantities = attach_context(doc, quantities, times, attributions)
    narrative = extract_narrative(doc, quantities, times, attributions)
    quantities = list(narrative.quantities)
    checks = check_arithmetic(doc, quantities)
    return Analysis(
        document=doc,
        quantities=tuple(quantities),
        times=tuple(times),
        hedges=tuple(hedges),
        attributions=tuple(attributions),
        checks=tuple(checks),
        events=narrative.events,
        agreements=narrative.agreements,
        links=narrative.links,
    )
