"""RSS and Atom feeds: one document per entry; entity declarations are refused before parsing."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

from claimledger.errors import ParseError
from claimledger.ingest.base import IngestFailure
from claimledger.ingest.html import html_to_text
from claimledger.model import Document

FEED_SNIFF_BYTES = 2048  # the root element of a feed comes right after the XML prolog
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_WIDE_CODECS = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")  # NUL-bearing XML encodings


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes start like an RSS, RDF or Atom document."""
    return _FEED_ROOT.search(data[:FEED_SNIFF_BYTES]) is not None


# The prolog read as XML reads it: comments, processing instructions and quoted literals are
# skipped whole, so a "<a" or "<rss>" inside one of them does not end the prolog early.
_PROLOG_TOKEN = re.compile(
    rb"<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z)|\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)"
    rb"|(?P<entity><!ENTITY)|(?P<element><[A-Za-z_])",
    re.S | re.IGNORECASE,
)


def _prolog_declares_entities(data: bytes) -> bool:
    for token in _PROLOG_TOKEN.finditer(data):
        if token.group("entity"):
            return True
        if token.group("element"):
            return False  # the root element: no declaration can follow it
    return False


def refuse_entities(data: bytes, source: str) -> None:
    """Raise ParseError when the XML prolog declares entities (the stuff of entity bombs).

    Entity declarations can only sit in the DOCTYPE, before the first element, so only that
    prolog is searched; feeds in the wild never need them. UTF-16 and UTF-32 feeds (NUL bytes
    at the start) are searched in each of those encodings too.
    """
    candidates = [data]
    if b"\x00" in data[:4]:
        for codec in _WIDE_CODECS:
            candidates.append(data.decode(codec, errors="ignore").encode("utf-8"))
    if any(_prolog_declares_entities(candidate) for candidate in candidates):
        raise ParseError(source, "refused: XML entity declarations")


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value") or ""
        if value.strip():
            return html_to_text(value)
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def parse_feed(data: bytes, source: str) -> Iterator[Document | IngestFailure]:
    """One document per feed entry with its link, title and date; a failure per empty entry.

    Raises ParseError for an empty or malformed feed, or one that declares XML entities.
    """
    if not data.strip():
        raise ParseError(source, "empty file")
    refuse_entities(data, source)
    import feedparser  # imported late: only feeds need it

    # a stream, never a str: feedparser would treat a str as a URL or file name and open it
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    texts = [_entry_text(entry) for entry in entries]
    if not any(texts):
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise ParseError(source, f"malformed feed: {problem}" if problem else "malformed feed")
        if entries:
            raise ParseError(source, "no feed entry has text")
        raise ParseError(source, "feed has no entries")
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, (entry, text) in enumerate(zip(entries, texts, strict=True), start=1):
        if not text:
            yield IngestFailure(f"{source}#{number}", "feed entry has no text")
            continue
        meta: dict[str, Any] = {"format": "feed", "entry": number}
        if entry.get("id"):
            meta["guid"] = entry["id"]
        yield Document(
            text=text,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            outlet=outlet,
            published=_entry_date(entry),
            origin=source,
            meta=meta,
        )
