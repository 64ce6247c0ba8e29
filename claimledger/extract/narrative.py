"""The records beyond figures: events, agreements and links (see EVENTS.md), in one call."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Agreement, Attribution, Document, Event, Link, Quantity, TimeExpr
from .agreements import extract_agreements
from .events import extract_events
from .links import extract_links, linked_figures, title_spans


@dataclass(frozen=True)
class Narrative:
    """What a report tells beyond its figures, and its figures with linked titles marked."""

    quantities: tuple[Quantity, ...]
    events: tuple[Event, ...]
    agreements: tuple[Agreement, ...]
    links: tuple[Link, ...]


def extract_narrative(
    doc: Document,
    quantities: list[Quantity],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> Narrative:
    """Links first (a linked title is the other report's: no events, its figures marked), then
    the events and agreements of the report's own text."""
    links = extract_links(doc)
    titles = title_spans(links)
    events = extract_events(doc, times, attributions, exclude=titles)
    return Narrative(
        quantities=tuple(linked_figures(doc, quantities, links, attributions)),
        events=tuple(events),
        agreements=tuple(extract_agreements(doc, times, events, exclude=titles)),
        links=tuple(links),
    )
