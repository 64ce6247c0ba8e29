"""Settings and the failure record shared by every ingest module."""

from __future__ import annotations

import re
from dataclasses import dataclass

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MB  # one news page or feed is far below this; anything larger is suspect
DEFAULT_MAX_DECOMPRESSED = 2048 * MB  # a .jsonl.gz corpus may be large; a gzip bomb is not endless
DEFAULT_CONNECT_TIMEOUT = 10.0  # seconds to open a connection: a live host answers well inside it
DEFAULT_READ_TIMEOUT = 20.0  # seconds of silence while reading before a server counts as stalled
DEFAULT_TOTAL_TIMEOUT = 60.0  # seconds for one whole fetch: a server trickling bytes is cut off
DEFAULT_MAX_REDIRECTS = 5  # real sites redirect once or twice (http->https, www); loops go on
DEFAULT_USER_AGENT = "claimledger/0.1 (+news claim checker)"  # polite, identifiable


@dataclass(frozen=True)
class IngestSettings:
    """Limits applied to every input read by ``read_sources``."""

    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED
    user_agent: str = DEFAULT_USER_AGENT
    # hosts ("host" or "host:port") fetched even when private, e.g. a local mirror or test server
    trusted_hosts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class IngestFailure:
    """An input (or one line of it) that yielded no document, and why, in plain words."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def size_words(n: int) -> str:
    """A byte count in the words a failure message uses ("10 MB", "512 KB", "100 bytes")."""
    if n >= MB and n % MB == 0:
        return f"{n // MB} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def too_large(n: int) -> str:
    """The reason given for an input over the size cap."""
    return f"larger than the {size_words(n)} cap"


_SURROGATE = re.compile("[\ud800-\udfff]")
# what no name may hold raw: surrogates, C0 and C1 controls (a newline that fakes a line, an
# escape that recolours or retitles a terminal), bidirectional overrides that reorder it
_UNSHOWABLE = re.compile("[\ud800-\udfff\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\n\t]")


def escaped_name(name: str) -> str:
    """A name (a file name, a URL, an id) that can be stored and shown: a byte that is not UTF-8
    (kept by the file system as a surrogate escape, ``\\udcff``) is written ``\\xff``, any other
    lone surrogate ``\\ud800``, a control character ``\\n``, ``\\x1b``, ``\\u202e``; every
    other character is kept as it is."""
    if not _UNSHOWABLE.search(name):
        return name

    def one(m: re.Match[str]) -> str:
        code = ord(m.group(0))
        if 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        if code in (0x09, 0x0A, 0x0D):
            return {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}[code]
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSHOWABLE.sub(one, name)


def one_line(words: str) -> str:
    """A title or an outlet as one line of plain words: every control character (a newline, an
    escape sequence's ESC, a bidirectional override) a space; same length."""
    return _CONTROLS.sub(" ", words) if _CONTROLS.search(words) else words


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (half a UTF-16 pair, which no UTF-8 store takes) replaced
    by U+FFFD: one character for one, so offsets into the text stay true."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
