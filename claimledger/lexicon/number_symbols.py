"""Decimal and group symbols of numbers written in each language (CLDR number symbols).

The table holds the languages claimledger reads and the neighbours whose reports it meets most;
for any other language the symbols come from Babel's copy of CLDR when Babel is installed.
A language found in neither is read by the three-digit-group rule (``numbers.parse_digits``).
"""

from __future__ import annotations

from functools import lru_cache

NBSP = "\u00a0"
NNBSP = "\u202f"

# language -> (decimal symbol, group symbol), as CLDR's "latn" number system has them.
NUMBER_SYMBOLS: dict[str, tuple[str, str]] = {
    "en": (".", ","), "ru": (",", NBSP), "uk": (",", NBSP), "de": (",", "."),
    "it": (",", "."), "is": (",", "."), "el": (",", "."), "pl": (",", NBSP),
    "fr": (",", NNBSP), "es": (",", "."), "pt": (",", "."), "nl": (",", "."),
    "be": (",", NBSP), "bg": (",", NBSP), "cs": (",", NBSP), "ro": (",", "."),
    "tr": (",", "."), "da": (",", "."), "sv": (",", NBSP), "fi": (",", NBSP),
    "ja": (".", ","), "zh": (".", ","), "he": (".", ","), "hi": (".", ","),
}


@lru_cache(maxsize=64)
def number_symbols(language: str) -> tuple[str, str] | None:
    """(decimal, group) symbols of ``language`` ("it" -> (",", ".")), or None when unknown."""
    code = language.replace("-", "_").split("_")[0].lower()
    if code in NUMBER_SYMBOLS:
        return NUMBER_SYMBOLS[code]
    if not code.isalpha() or not 2 <= len(code) <= 3:
        return None
    try:
        from babel.numbers import get_decimal_symbol, get_group_symbol
    except ImportError:  # Babel is optional: fall back on the three-digit-group rule
        return None
    try:
        return get_decimal_symbol(code), get_group_symbol(code)
    except Exception:  # an unknown locale (babel.core.UnknownLocaleError, ValueError)
        return None
