"""Ingest from the web: pasted text, an uploaded file or a URL, analysed and stored.

Uploads and pasted text are capped at ``WebSettings.max_upload_bytes`` (413 past it); a URL
must be http(s) and is fetched by the ingest package, which refuses private addresses unless
``allow_private_urls`` is set (400 when refused or unreadable).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from ..errors import IngestError
from ..ingest.base import IngestSettings, size_words, without_surrogates
from ..ingest.text import title_from_text
from ..model import Analysis, Document
from ..store.base import Ledger
from .errors import BadParameter, TooLarge, WebError
from .settings import WebSettings


def check_size(n: int, settings: WebSettings, what: str) -> None:
    """Raise ``TooLarge`` when ``n`` bytes of ``what`` exceed the upload cap."""
    if n > settings.max_upload_bytes:
        cap = size_words(settings.max_upload_bytes)
        raise TooLarge(f"{what} is larger than the {cap} cap")


def check_date(value: str | None) -> str | None:
    """An optional published date, validated as YYYY-MM-DD."""
    value = (value or "").strip() or None
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameter(f"published must be a date as YYYY-MM-DD, not {value!r}") from None


def document_from_text(text: str, settings: WebSettings) -> Document:
    """Pasted text as a document titled by its first line; refuses empty text (422) and text
    over the cap (413)."""
    text = without_surrogates(text)  # a lone "\ud800" in a JSON body: stored as U+FFFD
    check_size(len(text.encode("utf-8")), settings, "the text")
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise BadParameter("the text is empty")
    return Document(text=text, origin="<pasted>", title=title_from_text(text))


def document_from_upload(name: str, data: bytes, settings: WebSettings) -> Document:
    """An uploaded file (plain text or HTML) as a document."""
    from ..ingest.html import looks_like_html, parse_html
    from ..ingest.text import parse_text

    check_size(len(data), settings, "the file")
    source = f"upload:{name or 'file'}"
    try:
        if looks_like_html(data) or name.lower().endswith((".html", ".htm")):
            return parse_html(data, source)
        return parse_text(data, source)
    except IngestError as exc:
        raise BadParameter(exc.reason) from None


# Uploads read as batches of reports, one stored document each (else a file is one report).
BATCH_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz", ".xml",
                  ".rss", ".atom")


def is_batch_upload(name: str) -> bool:
    """Whether an upload named ``name`` holds many reports (JSONL, a feed, a WARC)."""
    return name.lower().endswith(BATCH_SUFFIXES)


def ingest_batch(
    name: str, data: bytes, ledger: Ledger, settings: WebSettings
) -> list[dict[str, Any]]:
    """Read an uploaded batch as the ingest command reads a file of its kind, analyse and store
    each report in its own transaction; one result per report or failed input: ``id``,
    ``title``, ``n_figures``, ``n_failed``, ``new``, or ``source`` and ``error``."""
    import tempfile
    from pathlib import Path

    from ..ingest import IngestFailure, read_sources

    check_size(len(data), settings, "the file")
    suffix = next(s for s in sorted(BATCH_SUFFIXES, key=len, reverse=True)
                  if name.lower().endswith(s))
    shown = f"upload:{name}"
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="claimledger-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        ingest_settings = IngestSettings(max_bytes=settings.max_upload_bytes)
        try:
            for item in read_sources([str(path)], settings=ingest_settings):
                if isinstance(item, IngestFailure):
                    results.append({"source": item.source.replace(str(path), shown),
                                    "error": item.reason})
                    continue
                analysis, is_new = analyze_and_save(item, ledger, settings)
                doc = analysis.document
                results.append({
                    "id": doc.id, "title": doc.title or doc.url or doc.id,
                    "n_figures": len(analysis.quantities),
                    "n_failed": sum(c.status == "inconsistent" for c in analysis.checks),
                    "new": is_new,
                })
        except IngestError as exc:
            results.append({"source": shown, "error": exc.reason})
    return results


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL; anything else (a path, a file: URL) is 400."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebError(400, f"not an http(s) URL: {url!r}")
    return url


def document_from_url(url: str, settings: WebSettings) -> Document:
    """The report at ``url``, fetched by the ingest package; a refused or failed fetch is 400."""
    from ..ingest import IngestFailure, read_sources

    url = check_url(url)
    ingest_settings = IngestSettings(
        max_bytes=settings.max_upload_bytes, allow_private=settings.allow_private_urls
    )
    try:
        for item in read_sources([url], settings=ingest_settings, fetcher=settings.fetcher):
            if isinstance(item, IngestFailure):
                raise WebError(400, item.reason)
            return item
    except IngestError as exc:
        raise WebError(400, exc.reason) from None
    raise WebError(400, f"{url} holds no document")


def with_metadata(
    doc: Document, *, title: str | None, outlet: str | None, published: str | None
) -> Document:
    """``doc`` with the metadata given in the form (blank fields leave it as read)."""
    fields: dict[str, Any] = {
        "title": (title or "").strip() or None,
        "outlet": (outlet or "").strip() or None,
        "published": check_date(published),
    }
    return replace(doc, **{k: v for k, v in fields.items() if v is not None})


def analyze_and_save(doc: Document, ledger: Ledger, settings: WebSettings) -> tuple[Analysis, bool]:
    """Run the pipeline over ``doc`` and store it; returns the analysis and whether it was new."""
    from ..ingest.sources import storable

    stored = storable(doc)  # names and words a UTF-8 store takes (lone surrogates repaired)
    analysis = settings.analyze(stored if isinstance(stored, Document) else doc)
    doc_id, is_new = ledger.save(analysis)
    if doc_id != analysis.document.id:
        analysis = replace(analysis, document=replace(analysis.document, id=doc_id))
    return analysis, is_new
