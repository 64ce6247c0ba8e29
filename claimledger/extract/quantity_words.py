"""Fractions and multipliers in words ("half", "two-thirds", "one in five", "twice",
"five-fold", "вдвое", "die Hälfte") and the candidate pattern that finds every figure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import alternation, gather, merged
from .numbers import CARDINALS, COMPOUND_PATTERN, VULGAR_FRACTIONS, digit_style, trie_pattern
from .quantity_lexicon import WORD_FORMS

# The longest run of number words read as one number ("two hundred and forty-five thousand").
MAX_WORDS = 16

# Denominator words -> the fraction they name (every language).
FRACTION_WORDS: dict[str, float] = merged("quantities", "FRACTIONS")
# Single words that state a multiplier, and whether they also state a change.
MULTIPLIER_WORDS: dict[str, tuple[float, bool]] = merged("quantities", "MULTIPLIERS")
# The count words before a denominator ("two thirds", "две трети").
_FRACTION_COUNTS: dict[str, int] = merged("quantities", "FRACTION_COUNTS")
_FRACTION_RE = alternation("quantities", "FRACTION_PATTERN")
# Words that prefix "half" to a unit or a scale ("полчаса", "півмільйона", "eine halbe
# Stunde"): the last word -> (kind, unit, value).
HALF_OF: dict[str, tuple[str, str | None, float]] = merged("quantities", "HALF_OF")
_HALF_PREFIXES: tuple[str, ...] = gather("quantities", "HALF_PREFIXES")
_HALF_WORDS: tuple[str, ...] = gather("quantities", "HALF_WORDS")


def half_of(surface: str) -> tuple[str, str | None, float] | None:
    """(kind, unit, value) of "half" fused with a unit or scale ("полчаса"), or None."""
    low = surface.lower()
    for prefix in _HALF_PREFIXES:
        if low.startswith(prefix):
            return HALF_OF.get(low[len(prefix):].lstrip(" -\u00a0"))
    if any(word in low for word in _HALF_WORDS):
        return HALF_OF.get(low.split()[-1])
    return None
_WORD = trie_pattern(sorted(WORD_FORMS))
# German writes a numeral below a million as one word ("dreihundertfünfzig"): in de text a
# token may be such a compound as well.
_WORD_DE = f"(?:{_WORD}|{COMPOUND_PATTERN})"


# Articles that may open a written number ("a hundred", "ein Dutzend") and the words that join
# its parts ("two hundred and fifty"), every language.
_ARTICLES = alternation("numbers", "ARTICLES")
_JOINERS = alternation("numbers", "CONNECTORS")


def _word_seq(word: str) -> str:
    return (
        rf"(?:(?:{_ARTICLES})\s+)?(?:{word})"
        rf"(?:(?:\s+|-)(?:(?:{_JOINERS})\s+)?(?:{word})(?![\w'’])){{0,{MAX_WORDS}}}"
    )


_A_UNIT = alternation("quantities", "A_UNIT_PATTERN")
# A unit of time standing alone for one of it after a qualifier ("свыше месяца", "понад рік",
# "более суток"): the word -> unit.
BARE_UNITS: dict[str, str] = merged("quantities", "BARE_UNITS")
_BARE_UNIT = trie_pattern(sorted(BARE_UNITS))
_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
_SIGN = r"(?:[+\u2212]|-(?![0-9]+-))?"
_DIGITS_EN = (  # bounded repeats keep every match short
    rf"{_SIGN}(?:[0-9]{{1,3}}(?:,[0-9]{{3}}(?![0-9])){{1,6}}(?:\.[0-9]+)?"
    rf"|[0-9]{{1,3}}(?:[ \u00a0\u2009\u202f][0-9]{{3}}(?![0-9])){{1,6}}(?:\.[0-9]+)?"
    rf"|[0-9]{{1,15}}(?![0-9])(?:\.[0-9]{{1,12}})?){_VULGAR}?|{_VULGAR}"
)
_DIGITS_COMMA = (
    rf"{_SIGN}(?:[0-9]{{1,3}}(?:\.[0-9]{{3}}(?![0-9])){{1,6}}(?:,[0-9]+)?"
    rf"|[0-9]{{1,3}}(?:[ \u00a0\u2009\u202f][0-9]{{3}}(?![0-9])){{1,6}}(?:,[0-9]+)?"
    rf"|[0-9]{{1,15}}(?![0-9])(?:[.,][0-9]{{1,12}})?){_VULGAR}?|{_VULGAR}"
)
_DIGITS_ANY = (  # a language whose separators are unknown: either mark may group or decimate
    rf"{_SIGN}(?:[0-9]{{1,3}}(?:[.,][0-9]{{3}}(?![0-9])){{1,6}}(?:[.,][0-9]+)?"
    rf"|[0-9]{{1,3}}(?:[ \u00a0\u2009\u202f][0-9]{{3}}(?![0-9])){{1,6}}(?:[.,][0-9]+)?"
    rf"|[0-9]{{1,15}}(?![0-9])(?:[.,][0-9]{{1,12}})?){_VULGAR}?|{_VULGAR}"
)
_DIGITS_BY_STYLE = {"dot": _DIGITS_EN, "comma": _DIGITS_COMMA, "any": _DIGITS_ANY}
DIGITS_RE: dict[str, re.Pattern[str]] = {
    lang: re.compile(_DIGITS_BY_STYLE[digit_style(lang)]) for lang in CARDINALS
}


def _candidate(digits: str, word: str = _WORD) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w'’])(?P<frac>{_FRACTION_RE})(?![\w'’])"
        rf"|(?<![\w'’])(?P<aunit>{_A_UNIT})(?![\w'’])"
        rf"|(?<![\w'’])(?P<bunit>{_BARE_UNIT})(?![\w'’])"
        rf"|(?<![0-9])(?P<num>{digits})"
        rf"|(?<![\w'’-])(?P<word>{_word_seq(word)})(?![\w'’])"
    )


# The pattern that finds every candidate figure, per language.
CANDIDATE_RE: dict[str, re.Pattern[str]] = {
    lang: _candidate(_DIGITS_BY_STYLE[digit_style(lang)], _WORD_DE if lang == "de" else _WORD)
    for lang in CARDINALS
}


@lru_cache(maxsize=64)
def candidate_re(language: str) -> re.Pattern[str]:
    """The candidate pattern of ``language``: its own, or one by how it writes digits."""
    if language in CANDIDATE_RE:
        return CANDIDATE_RE[language]
    return _candidate(_DIGITS_BY_STYLE[digit_style(language)])


@lru_cache(maxsize=64)
def digits_re(language: str) -> re.Pattern[str]:
    """The digit-string pattern of ``language`` (by how it writes decimals and groups)."""
    if language in DIGITS_RE:
        return DIGITS_RE[language]
    return re.compile(_DIGITS_BY_STYLE[digit_style(language)])


def fraction_value(surface: str) -> tuple[float, bool] | None:
    """(value, states a change) of a fraction or multiplier written in words, or None."""
    s = " ".join(surface.replace("-", " ").split()).lower()
    if s in MULTIPLIER_WORDS:
        return MULTIPLIER_WORDS[s]
    if s.endswith("fold"):
        base = s[:-4].strip()
        v = CARDINALS["en"].get(base) or {"hundred": 100.0, "thousand": 1000.0}.get(base)
        return (float(v), False) if v else None
    parts = s.split()
    if len(parts) >= 3 and parts[1] in ("in", "out"):
        denom = parts[-1]
        d = float(denom) if denom.isdigit() else CARDINALS["en"].get(denom) or {
            "hundred": 100.0, "thousand": 1000.0}.get(denom)
        return (1 / d, False) if d else None
    last = parts[-1]
    if last not in FRACTION_WORDS:
        return None
    frac = FRACTION_WORDS[last]
    if len(parts) == 1:
        return frac, False
    count = _FRACTION_COUNTS.get(parts[0], 1)
    return count * frac, False
