"""Numbers as written in news text: digit strings and number words in en, ru, uk and de.

``parse_digits`` reads a digit string with the separators of a language ("20,538", "20 538",
"20.538", "88,4"); ``parse_words`` reads a run of number words ("two hundred and fifty",
"півтори тисячі", "zwei"); the lexicons map word forms (all inflections) to values.
``trie_pattern`` turns a word list into a regex alternation that fails fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..lexicon import by_language, gather
from ..lexicon.number_symbols import number_symbols

# Spaces that may separate groups of three digits: ordinary, no-break, thin, narrow no-break.
GROUP_SPACES = " \u00a0\u2009\u202f"
# Values of single-character vulgar fractions ("2½").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125,
}

_SPACE_RE = re.compile(f"[{GROUP_SPACES}]")


def digit_style(language: str | None) -> str:
    """How ``language`` writes digits: "dot" (decimal dot, "20,538.5"), "comma" (decimal comma,
    "20.538,5" or "20 538,5") or "any" (unknown: the three-digit-group rule decides)."""
    if language is None:
        return "dot"
    symbols = number_symbols(language)
    if symbols is None:
        return "any"
    return "comma" if symbols[0] == "," else "dot"


def parse_digits(raw: str, language: str | None) -> float | None:
    """The value of a digit string written with ``language``'s separators, or None.

    Where the decimal symbol is a dot (en) a comma separates thousands; where it is a comma
    (de, ru, uk, it, el, ...) a dot or space separates thousands (a dot followed by other than
    three digits is read as a decimal point). Spaces of any width separate thousands everywhere.
    In a language whose symbols are unknown, the last of two different marks is the decimal
    one, a mark that repeats separates groups, and a single mark followed by exactly three
    digits separates thousands ("20.000" -> 20000, "20.5" -> 20.5).
    """
    s = _SPACE_RE.sub("", raw.strip())
    if not s:
        return None
    sign = 1.0
    if s[0] in "+-\u2212":
        sign = -1.0 if s[0] != "+" else 1.0
        s = s[1:]
    frac = 0.0
    if s and s[-1] in VULGAR_FRACTIONS:
        frac = VULGAR_FRACTIONS[s[-1]]
        s = s[:-1]
        if not s:
            return sign * frac
    style = digit_style(language)
    if style == "any":
        s = _three_digit_rule(s)
    elif style == "comma":
        if "," in s:
            s = s.replace(".", "").replace(",", ".")
        elif s.count(".") == 1 and len(s.split(".")[1]) != 3:
            pass  # "1.5": a decimal point after all
        else:
            s = s.replace(".", "")
    else:
        s = s.replace(",", "")
    try:
        return sign * (float(s) + frac)
    except ValueError:
        return None


def _three_digit_rule(s: str) -> str:
    """``s`` with its separators resolved when the language's symbols are unknown."""
    dot, comma = s.rfind("."), s.rfind(",")
    if dot >= 0 and comma >= 0:
        mark, other = (".", ",") if dot > comma else (",", ".")
        head, _, tail = s.rpartition(mark)
        return head.replace(other, "") + "." + tail
    for mark in ".,":
        if mark in s:
            if s.count(mark) > 1 or len(s.split(mark)[1]) == 3:
                return s.replace(mark, "")
            return s.replace(mark, ".")
    return s


def decimals_of(raw: str, language: str | None) -> int:
    """How many decimal places ``raw`` is written with (0 for integers)."""
    s = _SPACE_RE.sub("", raw)
    style = digit_style(language)
    if style == "any":
        resolved = _three_digit_rule(s)
        return len(resolved.rsplit(".", 1)[1]) if "." in resolved else 0
    mark = "," if style == "comma" else "."
    if mark in s:
        tail = s.rsplit(mark, 1)[1]
        if style == "comma" or len(tail) != 3 or mark == ".":
            return len(tail)
    return 0


# --- number-word lexicons ---------------------------------------------------------------------

# Word form -> value of plain cardinals (not scales), per language.
CARDINALS: dict[str, dict[str, float]] = {
    lang: dict(table) for lang, table in by_language("numbers", "CARDINALS").items()}
# Word form -> multiplier of scale words ("hundred", "тысячи", "Mio."), per language.
SCALES: dict[str, dict[str, float]] = {
    lang: dict(table) for lang, table in by_language("numbers", "SCALES").items()}
# Magnitude words that may follow digits ("1.2 million", "$3.5bn", "31 тисяча", "2 Mio."),
# lower-cased where the language allows it.
MAGNITUDES: dict[str, dict[str, float]] = {
    lang: dict(table) for lang, table in by_language("numbers", "MAGNITUDES").items()}
# Words that join the parts of a written number ("two hundred and fifty"), every language.
CONNECTORS: frozenset[str] = frozenset(gather("numbers", "CONNECTORS"))
# Magnitude letters glued to money figures only ("$3m", "£2.5bn", "$40k").
MONEY_MAGNITUDES: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9}


# German writes a numeral below a million as one word: its pattern and the values of its parts.
COMPOUND_PATTERN: str = by_language("numbers", "COMPOUND_PATTERN")["de"]
COMPOUND_PARTS: dict[str, float] = by_language("numbers", "COMPOUND_PARTS")["de"]
DE_COMPOUND_RE = re.compile(COMPOUND_PATTERN)
_DE_PART_RE = re.compile("|".join(sorted(COMPOUND_PARTS, key=len, reverse=True)))


def de_compound_value(word: str) -> float | None:
    """The value of a German compound numeral ("dreihundertfünfzig" -> 350), or None."""
    low = word.lower()
    if not DE_COMPOUND_RE.fullmatch(low):
        return None
    total = hundreds = pending = 0.0
    for part in _DE_PART_RE.findall(low):
        v = COMPOUND_PARTS[part]
        if part == "hundert":
            hundreds += (pending or 1) * 100
            pending = 0
        elif part == "tausend":
            total += (hundreds + pending or 1) * 1000
            hundreds = pending = 0
        else:
            pending += v
    return total + hundreds + pending


def parse_words(words: Sequence[str], language: str) -> tuple[float, int] | None:
    """Read number words from the start of ``words``: (value, how many words were used).

    Connectors ("and", "и", "і", "und") may appear in ``words`` and are skipped between
    number words. Stops at the first word that cannot continue the number ("five six" reads
    five only). None when the first word is not a number word.
    """
    units = CARDINALS.get(language, {})
    scales = SCALES.get(language, {})
    total = 0.0
    current = 0.0
    last_small: float | None = None  # the last cardinal added since the last scale
    used = 0
    seen = False
    for i, raw in enumerate(words):
        w = raw if raw in units or raw in scales else raw.lower()
        if w in CONNECTORS:
            continue
        compound = de_compound_value(w) if language == "de" and w not in units and (
            w not in scales) else None
        if compound is not None:
            if current or last_small is not None:
                break
            current = compound
            last_small = 1  # nothing but a scale word may follow a compound
        elif w in units:
            v = units[w]
            if last_small is not None and not _can_follow(last_small, v):
                break
            current += v
            last_small = v
        elif w in scales:
            m = scales[w]
            if m <= 100:
                if current >= 100:
                    break
                current = (current or 1) * m
                last_small = m
            else:
                if not seen and i == 0:
                    current = 1
                total += (current or 1) * m
                current = 0
                last_small = None
                # a larger scale after a smaller one ends the number ("thousand million")
        else:
            break
        seen = True
        used = i + 1
    if not seen:
        return None
    return total + current, used


def _can_follow(prev: float, new: float) -> bool:
    """Whether cardinal ``new`` may follow ``prev`` in one number ("twenty" then "five")."""
    if prev == 100:
        return new < 100
    if prev >= 20 and prev % 10 == 0 and prev < 100:
        return new < 10
    if prev >= 100 and prev % 100 == 0:
        return new < 100
    return False


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation matching exactly ``words``, factored by common prefixes."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
