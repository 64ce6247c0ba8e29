"""Bytes to text: UTF-8 first, then the declared charset, then detection; binary is refused."""

from __future__ import annotations

import codecs
import re

from claimledger.errors import ParseError
from claimledger.model import Document

SNIFF_BYTES = 8192  # the head of an input that binary and charset sniffing look at
MAX_CONTROL_SHARE = 0.05  # real text has almost no control characters; binary data has many
MIN_DETECT_COHERENCE = 0.2  # below this charset_normalizer's guess is noise, not a language
FALLBACK_CHARSETS = ("cp1251",)  # legacy Russian/Ukrainian pages: the usual non-UTF-8 encoding
TITLE_CHARS = 100  # a title taken from a plain text's first line is cut to this length

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_charset(data: bytes) -> str | None:
    """The charset named in an HTML ``<meta>`` or an XML declaration near the start, if any."""
    m = _DECLARED.search(data[:SNIFF_BYTES])
    return m.group(1).decode("ascii").lower() if m else None


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_textual(text: str) -> bool:
    head = text[:SNIFF_BYTES]
    return not head or len(_CONTROL.findall(head)) / len(head) <= MAX_CONTROL_SHARE


def _detect(data: bytes) -> str | None:
    """A decoding by charset_normalizer when it is confident, else the legacy fallbacks."""
    from charset_normalizer import from_bytes  # imported late: only odd inputs need it

    best = from_bytes(data[: SNIFF_BYTES * 8]).best()
    if best is not None and best.coherence >= MIN_DETECT_COHERENCE:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    for codec in FALLBACK_CHARSETS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_textual(text):
            return text
    return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode the bytes of one input to text, or raise ParseError naming why it is not text.

    Order: a byte-order mark; strict UTF-8; the charset the transport or the document declares;
    charset detection (charset_normalizer, then cp1251).
    """
    bom = _bom_codec(data)
    if bom is None and b"\x00" in data[:SNIFF_BYTES]:
        raise ParseError(source, "binary file, not text")
    text: str | None = None
    if bom is not None:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise ParseError(source, f"invalid {bom} text after its byte-order mark") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            for name in (declared, declared_charset(data)):
                codec = _known_codec(name)
                if codec is None or codec.startswith("utf-8"):
                    continue
                try:
                    text = data.decode(codec)
                    break
                except UnicodeDecodeError:
                    continue
            if text is None:
                text = _detect(data)
    if text is None:
        raise ParseError(source, "not valid UTF-8 and no other charset fits")
    if not _looks_textual(text):
        raise ParseError(source, "binary file, not text")
    return text


def require_text(text: str, source: str, what: str = "file") -> str:
    """The text unchanged, or ParseError when it is empty or only whitespace."""
    if not text:
        raise ParseError(source, f"empty {what}")
    if not text.strip():
        raise ParseError(source, f"empty {what} (only whitespace)")
    return text


def title_from_text(text: str, limit: int = TITLE_CHARS) -> str:
    """The first non-blank line of ``text``, its spaces collapsed, cut at a word to at most
    ``limit`` characters (with an ellipsis when cut)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def parse_text(data: bytes, source: str, declared: str | None = None) -> Document:
    """A plain-text (or Markdown) input as one document, its text kept exactly as decoded."""
    if not data:
        raise ParseError(source, "empty file")
    text = require_text(decode_bytes(data, source, declared), source)
    return Document(
        text=text, origin=source, title=title_from_text(text) or None, meta={"format": "text"}
    )
