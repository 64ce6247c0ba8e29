"""HTML to a document: main text and metadata by trafilatura; fragments to text for feeds."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimledger.errors import ParseError
from claimledger.ingest.text import decode_bytes
from claimledger.model import Document

HTML_SNIFF_BYTES = 2048  # an HTML page names itself (doctype, <html>, <head>) near its start
MIN_ARTICLE_CHARS = 20  # less main text than a sentence is navigation residue, not an article

_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header footer "
    "pre figure figcaption hr dd dt".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes start like an HTML page."""
    return _HTML_START.search(data[:HTML_SNIFF_BYTES]) is not None


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, a line break at each block element, scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\r", " ").replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): paragraphs kept as lines."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).split("\n"))
    text = "\n".join(lines)
    return _BLANK_LINES.sub("\n", text).strip()


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD part of a date string, or None when it does not start with one."""
    if value and _ISO_DATE.match(value):
        return value[:10]
    return None


def parse_html(
    data: bytes, source: str, *, url: str | None = None, declared: str | None = None
) -> Document:
    """The main text of an HTML page (bytes) and its title, date, site name and URL.

    Raises ParseError when the page is empty, not text, or holds no article text.
    """
    if not data.strip():
        raise ParseError(source, "empty file")
    return document_from_html(decode_bytes(data, source, declared), origin=source, url=url)


def document_from_html(markup: str, *, origin: str, url: str | None = None) -> Document:
    """The main text of an HTML page (already text) and its metadata, as a document.

    Raises ParseError naming ``origin`` when the page holds no article text.
    """
    import trafilatura  # imported late: it loads lxml and its models, slow at startup

    result = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise ParseError(origin, "no article text found in the HTML")
    meta: dict[str, str] = {"format": "html"}
    for key in ("author", "description", "hostname"):
        value = getattr(result, key, None)
        if value:
            meta[key] = str(value)
    return Document(
        text=text,
        url=getattr(result, "url", None) or url,
        title=getattr(result, "title", None) or None,
        outlet=getattr(result, "sitename", None) or None,
        published=iso_date(getattr(result, "date", None)),
        origin=origin,
        meta=meta,
    )
