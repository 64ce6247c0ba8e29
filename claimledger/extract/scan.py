"""Keyword-anchored scanning: try a pattern only where a word that can open it starts.

A pattern that begins with a lookbehind or a word boundary is tried by ``re`` at every character
of the text. ``word_index`` lists once per text where each (lower-cased) word starts; ``scan``
then tries the pattern only at the starts of its opening words and yields what ``finditer``
would (leftmost, non-overlapping matches), provided every match of the pattern begins with one
of the given words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator
from functools import lru_cache

# A word: letters and digits (no underscore), as split for the index.
_WORD = re.compile(r"[^\W_]+")
# Characters that ``re.IGNORECASE`` equates with a letter that ``str.lower`` does not give
# ("ſ" matches "s", "ı" matches "i", "İ" lower-cases to two characters): a text holding one is
# scanned the slow way so that case-insensitive patterns lose no match.
_FOLD_SPECIAL = re.compile("[\u0130\u0131\u017f\u00b5\u0345\u0390\u03b0\u03c2\u03d0\u03d1"
                           "\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80-\u1c88\u1e9b\u1fbe\u1fd3"
                           "\u1fe3\ua64b\ufb05\ufb06\u212a\u212b\u2126]")


@lru_cache(maxsize=8)
def word_index(text: str) -> dict[str, list[int]]:
    """Where each lower-cased word of ``text`` starts, in order."""
    index: dict[str, list[int]] = {}
    lowered = text.lower()
    if len(lowered) == len(text):
        for m in _WORD.finditer(lowered):
            index.setdefault(m.group(), []).append(m.start())
    else:
        for m in _WORD.finditer(text):
            index.setdefault(m.group().lower(), []).append(m.start())
    return index


def foldable(text: str) -> bool:
    """True when lower-casing words finds every case-insensitive match in ``text``."""
    return _FOLD_SPECIAL.search(text) is None


def word_starts(text: str, words: Collection[str]) -> list[int]:
    """Sorted start positions of the (lower-case) ``words`` in ``text``."""
    index = word_index(text)
    found: list[int] = []
    for w in words:
        hits = index.get(w)
        if hits:
            found.extend(hits)
    found.sort()
    return found


def scan(
    pattern: re.Pattern[str], text: str, starts: list[int], pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text, pos, endpos)`` gives, trying only ``starts``."""
    end = len(text) if endpos is None else endpos
    last = pos
    for p in starts[bisect.bisect_left(starts, pos) :]:
        if p < last:
            continue
        if p >= end:
            break
        m = pattern.match(text, p, end)
        if m is not None:
            yield m
            last = max(m.end(), p + 1)
