"""Where a figure comes from: its original source, the date its report gives, and copies.

The original source is the last link of a figure's chain that names a source (the outlet when
it speaks for itself). A report is dated by its published date, else its URL, else its date
line. Reports of two outlets whose texts are nearly the same are one text syndicated.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache

from ..model import TimeExpr
from ..store.base import ClaimRow

MAX_RELAYS = 200  # a written value shared by more figures than this is too common to link on
SYNDICATED_RATIO = 80.0  # texts of two outlets this similar (rapidfuzz ratio, 0-100): one copy
SYNDICATION_CHARS = 20_000  # how much of each text is compared for syndication
MIN_SHARED_FIGURES = 2  # reports compared for syndication share at least this many values
DATELINE_CHARS = 200  # a date this close to a report's start is its date line

_URL_DATE = re.compile(
    r"(?<!\d)(20\d{2})[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?!\d)"
)
_WORD = re.compile(r"\w+")
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def url_date(url: str | None) -> str | None:
    """The date a report's URL carries (``/2024/04/25/``, ``-20240425``, ``/2024-04/``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for m in _URL_DATE.finditer(path):
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            date(int(year), int(month), int(day or 1))
        except ValueError:
            continue
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    return None


def original_source(claim: ClaimRow, outlet_source: Callable[[str | None], str | None]) -> str:
    """The last link of the figure's chain that names a source (its canonical name), else the
    outlet itself."""
    from ..sources_registry import is_source_name

    written = claim.sources
    chain = claim.canonical_sources or written
    named = [c for n, c in enumerate(chain)
             if is_source_name(written[n] if n < len(written) else c)]
    if named:
        return named[-1]
    return outlet_source(claim.outlet) or claim.outlet or claim.doc_id


def chain_keys(claim: ClaimRow) -> set[str]:
    """The keys of the registry sources a figure's chain names (a known source, not a
    description such as "Russian opposition journalists")."""
    return {source_key(c) for c in claim.canonical_sources if _registered(c)}


@lru_cache(maxsize=4096)
def _registered(name: str) -> bool:
    from ..sources_registry import default_registry

    return default_registry().lookup(name) is not None


def source_key(name: str) -> str:
    return " ".join(w for w in _WORD.findall(name.casefold()) if w not in ("the", "of"))


def dateline(times: Iterable[TimeExpr]) -> str | None:
    """The date a report's opening line gives (a full day within ``DATELINE_CHARS`` of the
    start), the date of a report that has no published date."""
    for t in times:
        if t.start >= DATELINE_CHARS:
            break
        if t.type == "date" and t.value and _FULL_DAY.match(t.value):
            return t.value
    return None


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())[:SYNDICATION_CHARS]


def syndicated(
    claims: Sequence[ClaimRow], texts: dict[str, str], outlets: dict[str, str | None]
) -> dict[str, str]:
    """Reports that are copies of another outlet's report: copy doc id -> original doc id.

    Only reports sharing ``MIN_SHARED_FIGURES`` written values are compared (so the cost
    follows the relays, not the square of the ledger), with rapidfuzz's normalised Indel
    similarity of their texts; a pair of different outlets at ``SYNDICATED_RATIO`` or more is
    one text, and the earlier report (then the smaller id) is the original. Templates of one
    outlet (its daily updates) are not copies of each other.
    """
    from rapidfuzz import fuzz

    by_value: dict[tuple[str, float], set[str]] = defaultdict(set)
    for c in claims:
        if math.isfinite(c.value):
            by_value[(c.kind, c.value)].add(c.doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in by_value.values():
        if 1 < len(docs) <= MAX_RELAYS:
            for pair in itertools.combinations(sorted(docs), 2):
                shared[pair] += 1
    published = {c.doc_id: c.published or url_date(c.url) or "9999" for c in claims}
    norm: dict[str, str] = {}
    original: dict[str, str] = {}
    for (a, b), n in sorted(shared.items()):
        if n < MIN_SHARED_FIGURES or (outlets.get(a) or a) == (outlets.get(b) or b):
            continue
        ta = norm.setdefault(a, _normalised(texts.get(a, "")))
        tb = norm.setdefault(b, _normalised(texts.get(b, "")))
        if fuzz.ratio(ta, tb, score_cutoff=SYNDICATED_RATIO) < SYNDICATED_RATIO:
            continue
        first, copy = sorted((a, b), key=lambda d: (published[d], d))
        root = original.get(first, first)
        if copy not in original or (published[root], root) < (
                published[original[copy]], original[copy]):
            original[copy] = root
    return original
