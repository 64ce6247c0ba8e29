"""The public library API: analyse one report, or run many inputs through the pipeline.

    >>> import claimledger
    >>> a = claimledger.analyze("Officials said 1,200 people left, 25% of them children.")
    >>> [q.text for q in a.quantities]

The CLI and the web app call only these functions (and the store's ``open_ledger``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from .errors import IngestError
from .ingest import IngestFailure, IngestSettings, read_sources
from .model import Analysis, Document
from .pipeline import analyze_document
from .store.base import Ledger

# Strings longer than this are never taken for a file path (real paths are short).
_MAX_PATH_LEN = 4096
_HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)

SAMPLE_NAME = "awol_report.txt"


def sample_path(name: str = SAMPLE_NAME) -> Path:
    """The path of a bundled sample report."""
    return Path(str(resources.files("claimledger") / "samples" / name))


def analyze(
    source: str | os.PathLike[str] | Document,
    *,
    published: str | None = None,
    language: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Analysis:
    """Analyse one report given as plain text, HTML, a file path or a ``Document``.

    Keyword arguments override what was read from the input (e.g. the ``published`` date that
    relative expressions such as "last year" are resolved against). Raises ``IngestError`` when
    a path names no readable document.
    """
    doc = _to_document(source)
    overrides: dict[str, Any] = {
        k: v
        for k, v in dict(
            published=published, language=language, title=title, url=url, outlet=outlet
        ).items()
        if v is not None
    }
    if overrides:
        doc = replace(doc, **overrides)
    return analyze_document(doc)


def _to_document(source: str | os.PathLike[str] | Document) -> Document:
    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike) or _is_path(source):
        path = os.fspath(source)
        for item in read_sources([path]):
            if isinstance(item, IngestFailure):
                raise IngestError(item.source, item.reason)
            return item
        raise IngestError(path, "holds no document")
    if _HTML_START.match(source):
        from .ingest.html import document_from_html

        return document_from_html(source, origin="<html>")
    return Document(text=source)


def _is_path(text: str) -> bool:
    if len(text) > _MAX_PATH_LEN or "\n" in text:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


# The tables ``export_table`` writes, in the order the CLI lists them.
EXPORT_TABLES = (
    "claims", "documents", "checks", "series", "events", "times", "hedges", "attributions",
)


def export_table(ledger: Ledger, table: str, fmt: str, out: BinaryIO) -> int:
    """Write every row of ``table`` (one of ``EXPORT_TABLES``) to ``out`` as CSV, JSONL or
    Parquet; returns the number of rows. Claims carry their claim links, series one row per
    point. Raises ``ValueError`` for an unknown table."""
    from .checks.across_export import export_linked_claims
    from .checks.events_view import export_events
    from .checks.series_export import export_series
    from .store import export as exports

    writers: dict[str, Callable[[Ledger, Any, BinaryIO], int]] = {
        "claims": export_linked_claims,
        "documents": exports.export_documents,
        "checks": exports.export_checks,
        "series": export_series,
        "events": export_events,
        "times": exports.export_times,
        "hedges": exports.export_hedges,
        "attributions": exports.export_attributions,
    }
    if table not in writers:
        raise ValueError(f"cannot export {table!r}: choose {', '.join(EXPORT_TABLES)}")
    return writers[table](ledger, fmt, out)


def metric_labels() -> dict[str, str]:
    """A human label for each defined metric (the user's file named by ``$CLAIMLEDGER_METRICS``,
    else the bundled one): its description's first phrase (up to a comma or "as announced by"),
    at most 60 characters, else its name in words."""
    from .checks.metrics import load_metrics

    labels = {}
    for m in load_metrics():
        label = _LABEL_END.split(m.description, 1)[0].strip()
        if label.count("(") > label.count(")"):  # cut inside a bracket: leave the bracket out
            label = label[: label.rindex("(")].strip()
        if len(label) > _LABEL_MAX:
            label = label[:_LABEL_MAX].rsplit(" ", 1)[0] + "…"
        labels[m.name] = label or m.name.replace("_", " ").capitalize()
    return labels


# A description's first phrase: up to a comma, a semicolon, or where it starts saying whose
# figures they are ("… as announced by", "… according to", "… reported by").
_LABEL_END = re.compile(r"[,;]|\s(?:as|according to|reported by|per)\s", re.I)
_LABEL_MAX = 60


def analyze_sources(
    sources: Iterable[str], *, settings: IngestSettings | None = None
) -> Iterator[Analysis | IngestFailure]:
    """Analyse every document of ``sources`` without storing anything; failures are yielded.

    A document the pipeline cannot analyse (a bug, never a user's mistake) is reported as a
    failure naming it, so one such document never stops a batch.
    """
    for item in read_sources(sources, settings=settings):
        yield item if isinstance(item, IngestFailure) else analyze_or_fail(item)


def analyze_or_fail(doc: Document) -> Analysis | IngestFailure:
    """The analysis of ``doc``, or a failure naming it when the pipeline raises (a bug)."""
    try:
        return analyze_document(doc)
    except Exception as exc:  # one document's failure must not stop a batch
        name = doc.origin or doc.id or "<document>"
        if doc.id and doc.origin and doc.id not in doc.origin:
            name = f"{doc.origin} ({doc.id})"
        return IngestFailure(name, f"could not be analysed ({type(exc).__name__}: {exc})")


@dataclass
class IngestReport:
    """What an ingest run did: documents stored new, refreshed, and inputs that failed."""

    stored: int = 0
    refreshed: int = 0
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def ingest_sources(
    sources: Iterable[str],
    ledger: Ledger,
    *,
    settings: IngestSettings | None = None,
    on_item: Callable[[Analysis | IngestFailure], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every document of ``sources``; bad inputs are reported, not raised.

    Each document is stored in its own transaction, so a failure later in the batch never loses
    the documents before it. ``on_item`` is called after each document or failure (progress).
    """
    report = IngestReport()
    for item in analyze_sources(sources, settings=settings):
        if isinstance(item, IngestFailure):
            report.failures.append(item)
        else:
            _, is_new = ledger.save(item)
            if is_new:
                report.stored += 1
            else:
                report.refreshed += 1
        if on_item is not None:
            on_item(item)
    return report


def reanalyze(
    ledger: Ledger, *, on_item: Callable[[Analysis], None] | None = None
) -> int:
    """Run the pipeline again over every stored document and store the new extraction.

    Applies a newer extractor, and the current source registry and metric definitions (the
    user's files named by ``$CLAIMLEDGER_SOURCES`` and ``$CLAIMLEDGER_METRICS``); returns the
    number of documents re-analysed.
    """
    ids = [row.id for row in ledger.iter_documents()]
    for doc_id in ids:
        analysis = analyze_document(ledger.get(doc_id).document)
        ledger.save(analysis)
        if on_item is not None:
            on_item(analysis)
    return len(ids)
