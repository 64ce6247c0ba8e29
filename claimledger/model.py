"""The one data model of claimledger: a document and the records found in it.

Every record carries ``start``/``end`` character offsets into ``Document.text`` and the surface
``text`` it covers, so that ``doc.text[r.start:r.end] == r.text`` holds everywhere.
Core records are frozen dataclasses; pydantic appears only at the web edge.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

Kind = Literal["count", "percent", "money", "duration", "measure", "ratio", "other"]
Approx = Literal["exact", "about", "over", "under", "at_least", "at_most"]
CheckKind = Literal["percent_of", "percent_change", "sum", "change"]
CheckStatus = Literal["consistent", "inconsistent", "ambiguous"]


def provenance_hash(text: str, where: str | None) -> str:
    """The SHA-256 of ``text`` (and of ``where`` it was published, when known). Lone
    surrogates that a broken input can carry are hashed as they are, never raised on."""
    payload = text if not where else f"{text}\x00{where}"
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One report: its text and what is known about where it came from."""

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str | None = None  # en | ru | uk | de | None (detected on analysis)
    origin: str | None = None  # the input it was read from (path, URL, feed)
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """The identity a document is stored once by: its text and where it was published (its
        URL, else its outlet). The same report ingested again is one document; the same text
        posted by another outlet is another report (a relay), which neither overwrites the
        first one's provenance nor disappears from the count."""
        return provenance_hash(self.text, self.url or self.outlet)

    def with_id(self) -> Document:
        """This document with an id: its own, else one derived from its content hash."""
        return self if self.id else replace(self, id="doc-" + self.content_hash[:12])


@dataclass(frozen=True)
class Quantity:
    """A figure that states an amount."""

    start: int
    end: int
    text: str
    value: float
    kind: Kind = "count"
    value_high: float | None = None
    unit: str | None = None
    approx: Approx = "exact"
    change: bool = False
    what: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    sources: tuple[str, ...] = ()
    # what the pipeline reads off the registries (not part of the eval contract's record): the
    # registry's name of each of ``sources``, in their order, and the metric the figure counts
    canonical_sources: tuple[str, ...] = ()
    metric: str | None = None


@dataclass(frozen=True)
class TimeExpr:
    """A date (``type == "date"``, ``value``) or a period (``from_``/``to``)."""

    start: int
    end: int
    text: str
    type: Literal["date", "period"] = "date"
    value: str | None = None
    from_: str | None = None
    to: str | None = None


@dataclass(frozen=True)
class Hedge:
    """Estimative language mapped to a term of the PHIA probability yardstick."""

    start: int
    end: int
    text: str
    term: str
    low: float = 0.0  # probability range of the term, 0..1
    high: float = 1.0


@dataclass(frozen=True)
class Attribution:
    """A stated source of information: "according to X", "X reports, citing Y"."""

    start: int
    end: int
    text: str
    chain: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    """An arithmetic relation between figures of one document, recomputed.

    ``percent``, ``part``, ``whole`` and ``parts`` are indices into the document's quantities.
    """

    kind: CheckKind
    status: CheckStatus
    explanation: str
    percent: int | None = None
    part: int | None = None
    whole: int | None = None
    parts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Event:
    """A dated action: who did what, when ("on May 30, X approved the plan").

    The span is the trigger (the verb or action noun); ``action`` one of the fixed English
    lemmas (``sign``, ``ratify``, ... or ``other``); ``date`` an ISO partial date or None.
    """

    start: int
    end: int
    text: str
    action: str
    actor: str | None = None
    object: str | None = None
    date: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provision:
    """What an agreement contains (``present``) or lacks (not ``present``), as written."""

    start: int
    end: int
    text: str
    present: bool = True


@dataclass(frozen=True)
class Agreement:
    """A treaty, pact or deal the text states a fact about; the span is its first mention."""

    start: int
    end: int
    text: str
    name: str
    parties: tuple[str, ...] = ()
    provisions: tuple[Provision, ...] = ()


LinkKind = Literal["read_more", "earlier_report"]


@dataclass(frozen=True)
class Link:
    """A reference to another report: a "Read more: TITLE" teaser (the span is the title) or a
    cue citing earlier reporting ("As X previously reported"; ``outlet`` the outlet named)."""

    start: int
    end: int
    text: str
    kind: LinkKind
    outlet: str | None = None


@dataclass(frozen=True)
class Analysis:
    """A document with everything extracted and checked in it."""

    document: Document
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    checks: tuple[Check, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    links: tuple[Link, ...] = ()

    def to_contract(self) -> dict[str, Any]:
        """The record in the shape of the eval CONTRACT (one JSON object per document)."""
        return {
            "id": self.document.id,
            "quantities": [quantity_dict(q) for q in self.quantities],
            "times": [time_dict(t) for t in self.times],
            "hedges": [
                {"start": h.start, "end": h.end, "text": h.text, "term": h.term}
                for h in self.hedges
            ],
            "checks": [check_dict(c) for c in self.checks],
            "events": [event_dict(e) for e in self.events],
            "agreements": [agreement_dict(a) for a in self.agreements],
            "links": [asdict(k) for k in self.links],
        }


# Quantity fields the pipeline adds from the registries, left out of the contract's record.
REGISTRY_FIELDS = ("canonical_sources", "metric")


def quantity_dict(q: Quantity) -> dict[str, Any]:
    """A quantity in the contract's shape: a plain dict with its sources as a list (the
    registries' ``canonical_sources`` and ``metric`` are not part of it)."""
    d = asdict(q)
    for key in REGISTRY_FIELDS:
        del d[key]
    d["sources"] = list(q.sources)
    return d


def time_dict(t: TimeExpr) -> dict[str, Any]:
    """A time expression in the contract's shape (``from``, not ``from_``)."""
    d: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type}
    if t.type == "period":
        d["from"], d["to"] = t.from_, t.to
    else:
        d["value"] = t.value
    return d


def check_dict(c: Check) -> dict[str, Any]:
    """A check in the contract's shape: indices only where they are set."""
    d: dict[str, Any] = {"kind": c.kind, "status": c.status, "explanation": c.explanation}
    for key in ("percent", "part", "whole"):
        if getattr(c, key) is not None:
            d[key] = getattr(c, key)
    if c.parts:
        d["parts"] = list(c.parts)
    return d


def event_dict(e: Event) -> dict[str, Any]:
    """An event as a plain dict with its sources as a list."""
    d = asdict(e)
    d["sources"] = list(e.sources)
    return d


def agreement_dict(a: Agreement) -> dict[str, Any]:
    """An agreement with its parties and provisions as lists."""
    return {
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "name": a.name,
        "parties": list(a.parties),
        "provisions": [asdict(p) for p in a.provisions],
    }
