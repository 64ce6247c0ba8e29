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
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

# A sentence holding more figures than this is not prose (a table, a broken or hostile source):
# its first ``DENSE_SENTENCE_FIGURES`` figures are read in context (what they count, their
# period, the checks they open), the rest keep their value, kind and unit only, so the costly
# context stages stay bounded per sentence. Real reports hold at most a few dozen per sentence.
DENSE_SENTENCE_FIGURES = 100

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


_DIGIT = re.compile(r"\d")


class Openers:
    """Where the words that can open an end-anchored pattern start in a text.

    A pattern such as ``(?:^|(?<=\\W))(?:article|no\\.|...)\\s*$``, searched in a window that
    ends at a figure, is tried by ``re`` at every character of the window. Each of its matches
    begins with one of ``words`` (lower-cased; a word may run on into digits, "articles5"), a
    word starting with one of ``prefixes``, or one of the ``symbols``; ``search`` tries the
    pattern only there (and at the start of a word that ``hi`` cuts) and finds what
    ``pattern.search(text, lo, hi)`` finds.
    """

    def __init__(self, words: Iterable[str], prefixes: tuple[str, ...] = (),
                 symbols: str = "") -> None:
        self.words = frozenset(w.lower() for w in words)
        self.prefixes = tuple(p.lower() for p in prefixes)
        self.symbols = symbols
        self._opens: dict[str, bool] = {}  # index word -> whether it can open a match
        self._text: str | None = None
        self._starts: list[int] | None = None

    def _can_open(self, word: str) -> bool:
        got = self._opens.get(word)
        if got is None:
            digit = _DIGIT.search(word)
            head = word[: digit.start()] if digit is not None else word
            got = head in self.words or head.startswith(self.prefixes)
            self._opens[word] = got
        return got

    def starts(self, text: str) -> list[int] | None:
        """Sorted opener positions in ``text`` (None: scan it the slow way)."""
        if text is self._text:
            return self._starts
        starts: list[int] | None = None
        if foldable(text):
            starts = []
            for w, hits in word_index(text).items():
                if self._can_open(w):
                    starts.extend(hits)
            for sym in self.symbols:
                at = text.find(sym)
                while at >= 0:
                    starts.append(at)
                    at = text.find(sym, at + 1)
            starts.sort()
        self._text, self._starts = text, starts
        return starts

    def search(self, pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
        """What ``pattern.search(text, lo, hi)`` finds, trying only the opener positions."""
        starts = self.starts(text)
        if starts is None:
            return pattern.search(text, lo, hi)
        i = bisect.bisect_left(starts, lo)
        n = len(starts)
        tried = -1
        while i < n:
            p = starts[i]
            if p >= hi:
                break
            m = pattern.match(text, p, hi)
            if m is not None:
                return m
            tried = p
            i += 1
        # a word cut by ``hi`` ("under|stated") may open a match though its whole does not
        if lo < hi < len(text) and text[hi].isalnum() and text[hi - 1].isalnum():
            p = hi - 1
            while p > lo and text[p - 1].isalnum():
                p -= 1
            if p != tried and (p == 0 or not text[p - 1].isalnum()):
                return pattern.match(text, p, hi)
        return None
