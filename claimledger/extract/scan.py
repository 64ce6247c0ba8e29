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
from typing import Any

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


def _lookbehind_reach(pattern: re.Pattern[str]) -> int | None:
    """How many characters before a search window ``pattern`` may read: the widths of its
    lookbehinds added up (nested ones too), at least one (``\\b``, ``^`` after a newline).
    None when the pattern cannot be parsed (then nothing is remembered for it)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as sre  # type: ignore[attr-defined]

        parsed = sre.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - another Python's internals
        return None
    reach = 0

    def walk(node: object) -> None:
        nonlocal reach
        if isinstance(node, sre.SubPattern):
            for op, av in node.data:
                if op in (c.ASSERT, c.ASSERT_NOT) and av[0] < 0:
                    reach += int(av[1].getwidth()[1])
                walk(av)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)

    walk(parsed)
    return max(reach, 1)


NO_MATCH_MEMO_SIZE = 4096  # windows remembered per pattern


class _NoMatch:
    __slots__ = ("pattern", "reach", "windows")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.reach = _lookbehind_reach(pattern)
        self.windows: set[object] = set()


# keyed by ``id``: hashing a pattern hashes its whole compiled code each time; the entry keeps
# its pattern, so an id reused after a pattern is freed is seen and the entry rebuilt
_NO_MATCH: dict[int, _NoMatch] = {}


def search_before(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``pattern.search(text, lo, hi)``, remembering the windows where it found nothing.

    Made for the short windows before a figure that a soup of one repeated unit asks about
    thousands of times: the answer depends only on the window, the characters a lookbehind may
    read before it (``_lookbehind_reach``), and whether it starts the text (``^``); ``hi``
    cuts the text for the search, so nothing after it counts. A window that matched is searched
    again each time (its match object points into this text)."""
    memo = _NO_MATCH.get(id(pattern))
    if memo is None or memo.pattern is not pattern:
        memo = _NO_MATCH[id(pattern)] = _NoMatch(pattern)
    reach = memo.reach
    if reach is None:
        return pattern.search(text, lo, hi)
    key: object = text[lo - reach : hi] if lo >= reach else (lo, text[:hi])
    if key in memo.windows:
        return None
    found = pattern.search(text, lo, hi)
    if found is None:
        if len(memo.windows) >= NO_MATCH_MEMO_SIZE:
            memo.windows.clear()
        memo.windows.add(key)
    return found


# --- a two-character prefilter for ``pattern.match(text, pos)`` ---------------------------------

_Pred = re.Pattern[str] | None  # one character's class (fullmatch tests it); None: any character
PREFIX_CHARS = 2
_MAX_PREFIXES = 4096  # past this many alternatives the pattern is matched without a prefilter


class _TooComplex(Exception):
    pass


def _prefixes(items: Any, k: int, flags: int, state: Any) -> set[tuple[_Pred, ...]]:
    """The first ``k`` characters a match of the node sequence ``items`` can begin with, as
    tuples of character classes; a tuple shorter than ``k`` is a whole match that short. Every
    zero-width assertion is left out (what it would forbid is kept: a superset, never less)."""
    from re import _compiler as comp  # type: ignore[attr-defined]
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as sre  # type: ignore[attr-defined]

    def one(op: Any, av: Any, fl: int) -> set[tuple[_Pred, ...]]:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            return {(comp.compile(sre.SubPattern(state, [(op, av)]), fl),)}
        if op is c.BRANCH:
            out: set[tuple[_Pred, ...]] = set()
            for alt in av[1]:
                out |= seq(alt, k, fl)
            return out
        if op is c.SUBPATTERN:
            _, add, remove, sub = av
            return seq(sub, k, (fl | add) & ~remove)
        if op is c.ATOMIC_GROUP:
            return seq(av, k, fl)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            if low > 2 * k:
                raise _TooComplex
            out = set()
            for n in range(low, min(high, low + k) + 1):
                out |= seq(list(sub) * n, k, fl)
            return out
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {()}
        raise _TooComplex  # a back reference, a conditional group: anything may follow

    def seq(nodes: Any, k: int, fl: int) -> set[tuple[_Pred, ...]]:
        partial: set[tuple[_Pred, ...]] = {()}
        full: set[tuple[_Pred, ...]] = set()
        for op, av in nodes:
            grown: set[tuple[_Pred, ...]] = set()
            for ext in one(op, av, fl):
                for pre in partial:
                    joined = (pre + ext)[:k]
                    (full if len(joined) >= k else grown).add(joined)
            partial = grown
            if len(partial) + len(full) > _MAX_PREFIXES:
                raise _TooComplex
            if not partial:
                break
        return full | partial

    return seq(items, k, flags)


class _Prefilter:
    __slots__ = ("allowed", "pattern", "prefixes")

    def __init__(self, pattern: re.Pattern[str], prefixes: list[tuple[_Pred, ...]] | None):
        self.pattern = pattern
        self.prefixes = prefixes
        self.allowed: dict[str, bool] = {}  # two characters -> whether a match may begin so

    def may_match(self, head: str) -> bool:
        got = self.allowed.get(head)
        if got is None:
            got = self.allowed[head] = any(
                all(p is None or p.fullmatch(ch) is not None for p, ch in zip(pre, head,
                                                                               strict=False))
                for pre in self.prefixes or ())
        return got


def _prefilter(pattern: re.Pattern[str]) -> _Prefilter:
    try:
        from re import _parser as sre  # type: ignore[attr-defined]

        parsed = sre.parse(pattern.pattern, pattern.flags)
        found = _prefixes(parsed.data, PREFIX_CHARS, pattern.flags, parsed.state)
    except (_TooComplex, Exception):  # another Python's internals, or too many alternatives
        return _Prefilter(pattern, None)
    return _Prefilter(pattern, list(found))


_PREFILTERS: dict[int, _Prefilter] = {}  # by ``id``, as ``_NO_MATCH``


def match_at(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern.match(text, pos)``, answered None at once where the next two characters cannot
    open a match (worked out once per pattern from its parse, and per pair of characters)."""
    pre = _PREFILTERS.get(id(pattern))
    if pre is None or pre.pattern is not pattern:
        pre = _PREFILTERS[id(pattern)] = _prefilter(pattern)
    if pre.prefixes is not None and 0 <= pos <= len(text) - PREFIX_CHARS:
        head = text[pos : pos + PREFIX_CHARS]
        allowed = pre.allowed.get(head)
        if allowed is None:
            allowed = pre.may_match(head)
        if not allowed:
            return None
    return pattern.match(text, pos)
