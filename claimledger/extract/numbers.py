"""Numbers as written in news text: digit strings and number words in en, ru, uk and de.

``parse_digits`` reads a digit string with the separators of a language ("20,538", "20 538",
"20.538", "88,4"); ``parse_words`` reads a run of number words ("two hundred and fifty",
"півтори тисячі", "zwei"); the lexicons map word forms (all inflections) to values.
``trie_pattern`` turns a word list into a regex alternation that fails fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Spaces that may separate groups of three digits: ordinary, no-break, thin, narrow no-break.
GROUP_SPACES = " \u00a0\u2009\u202f"
# Languages that write a decimal comma and a dot (or space) between thousands.
DECIMAL_COMMA_LANGS = frozenset({"de", "ru", "uk"})
# Values of single-character vulgar fractions ("2½").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125,
}

_SPACE_RE = re.compile(f"[{GROUP_SPACES}]")


def parse_digits(raw: str, language: str | None) -> float | None:
    """The value of a digit string written with ``language``'s separators, or None.

    In en a comma separates thousands and a dot marks decimals; in de/ru/uk a dot or space
    separates thousands and a comma marks decimals (a dot followed by other than three digits is
    read as a decimal point). Spaces of any width separate thousands everywhere.
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
    if language in DECIMAL_COMMA_LANGS:
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


def decimals_of(raw: str, language: str | None) -> int:
    """How many decimal places ``raw`` is written with (0 for integers)."""
    s = _SPACE_RE.sub("", raw)
    mark = "," if language in DECIMAL_COMMA_LANGS else "."
    if mark in s:
        tail = s.rsplit(mark, 1)[1]
        if language in DECIMAL_COMMA_LANGS or len(tail) != 3 or mark == ".":
            return len(tail)
    return 0


# --- number-word lexicons ---------------------------------------------------------------------

EN_UNITS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
EN_SCALES: dict[str, float] = {
    "hundred": 100, "dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

# Russian forms by case; each tuple lists the forms of one number.
_RU_FORMS: dict[float, tuple[str, ...]] = {
    1: ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну", "одною"),
    1.5: ("полтора", "полторы", "полутора"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трёх", "трем", "трём", "тремя"),
    4: ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
    5: ("пять", "пяти", "пятью"), 6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи", "семью"), 8: ("восемь", "восьми", "восемью", "восьмью"),
    9: ("девять", "девяти", "девятью"), 10: ("десять", "десяти", "десятью"),
    11: ("одиннадцать", "одиннадцати"), 12: ("двенадцать", "двенадцати"),
    13: ("тринадцать", "тринадцати"), 14: ("четырнадцать", "четырнадцати"),
    15: ("пятнадцать", "пятнадцати"), 16: ("шестнадцать", "шестнадцати"),
    17: ("семнадцать", "семнадцати"), 18: ("восемнадцать", "восемнадцати"),
    19: ("девятнадцать", "девятнадцати"), 20: ("двадцать", "двадцати"),
    30: ("тридцать", "тридцати"), 40: ("сорок", "сорока"),
    50: ("пятьдесят", "пятидесяти"), 60: ("шестьдесят", "шестидесяти"),
    70: ("семьдесят", "семидесяти"), 80: ("восемьдесят", "восьмидесяти"),
    90: ("девяносто", "девяноста"), 100: ("сто", "ста"),
    200: ("двести", "двухсот", "двумстам"), 300: ("триста", "трехсот", "трёхсот"),
    400: ("четыреста", "четырехсот", "четырёхсот"), 500: ("пятьсот", "пятисот"),
    600: ("шестьсот", "шестисот"), 700: ("семьсот", "семисот"),
    800: ("восемьсот", "восьмисот"), 900: ("девятьсот", "девятисот"),
}
_RU_SCALE_FORMS: dict[float, tuple[str, ...]] = {
    1e3: ("тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами", "тыс."),
    1e6: ("миллион", "миллиона", "миллионов", "миллионам", "млн"),
    1e9: ("миллиард", "миллиарда", "миллиардов", "млрд"),
    1e12: ("триллион", "триллиона", "триллионов", "трлн"),
}
_UK_FORMS: dict[float, tuple[str, ...]] = {
    1: ("один", "одна", "одне", "одного", "одної", "одному", "одній", "одним", "одну"),
    1.5: ("півтора", "півтори"),
    2: ("два", "дві", "двох", "двом", "двома"), 3: ("три", "трьох", "трьом", "трьома"),
    4: ("чотири", "чотирьох", "чотирьом", "чотирма"),
    5: ("п'ять", "п'яти", "п'ятьма"), 6: ("шість", "шести", "шістьма"),
    7: ("сім", "семи", "сьома"), 8: ("вісім", "восьми", "вісьма"),
    9: ("дев'ять", "дев'яти"), 10: ("десять", "десяти"),
    11: ("одинадцять", "одинадцяти"), 12: ("дванадцять", "дванадцяти"),
    13: ("тринадцять", "тринадцяти"), 14: ("чотирнадцять", "чотирнадцяти"),
    15: ("п'ятнадцять", "п'ятнадцяти"), 16: ("шістнадцять", "шістнадцяти"),
    17: ("сімнадцять", "сімнадцяти"), 18: ("вісімнадцять", "вісімнадцяти"),
    19: ("дев'ятнадцять", "дев'ятнадцяти"), 20: ("двадцять", "двадцяти"),
    30: ("тридцять", "тридцяти"), 40: ("сорок", "сорока"),
    50: ("п'ятдесят", "п'ятдесяти"), 60: ("шістдесят", "шістдесяти"),
    70: ("сімдесят", "сімдесяти"), 80: ("вісімдесят", "вісімдесяти"),
    90: ("дев'яносто", "дев'яноста"), 100: ("сто", "ста"), 200: ("двісті", "двохсот"),
    300: ("триста", "трьохсот"), 400: ("чотириста", "чотирьохсот"),
    500: ("п'ятсот", "п'ятисот"), 600: ("шістсот",), 700: ("сімсот",), 800: ("вісімсот",),
    900: ("дев'ятсот",),
}
_UK_SCALE_FORMS: dict[float, tuple[str, ...]] = {
    1e3: ("тисяча", "тисячі", "тисяч", "тисячу", "тисячею", "тисячам", "тис."),
    1e6: ("мільйон", "мільйона", "мільйонів", "млн"),
    1e9: ("мільярд", "мільярда", "мільярдів", "млрд"),
    1e12: ("трильйон", "трильйона", "трильйонів", "трлн"),
}
DE_UNITS: dict[str, float] = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "anderthalb": 1.5, "eineinhalb": 1.5,
}
_DE_SCALE_FORMS: dict[float, tuple[str, ...]] = {
    100: ("hundert",), 1e3: ("tausend", "Tausend", "Tsd."),
    1e6: ("Million", "Millionen", "Mio."), 1e9: ("Milliarde", "Milliarden", "Mrd."),
    1e12: ("Billion", "Billionen", "Bio."),
}


def _expand(forms: dict[float, tuple[str, ...]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for value, words in forms.items():
        for w in words:
            out[w] = value
            if "'" in w:
                out[w.replace("'", "\u2019")] = value
                out[w.replace("'", "\u02bc")] = value
    return out


# Word form -> value of plain cardinals (not scales), per language.
CARDINALS: dict[str, dict[str, float]] = {
    "en": dict(EN_UNITS),
    "ru": _expand(_RU_FORMS),
    "uk": _expand(_UK_FORMS),
    "de": dict(DE_UNITS),
}
# Word form -> multiplier of scale words ("hundred", "тысячи", "Mio."), per language.
SCALES: dict[str, dict[str, float]] = {
    "en": dict(EN_SCALES),
    "ru": {**_expand(_RU_SCALE_FORMS), "сто": 100},
    "uk": {**_expand(_UK_SCALE_FORMS), "сто": 100},
    "de": _expand(_DE_SCALE_FORMS),
}
del SCALES["ru"]["сто"], SCALES["uk"]["сто"]  # "сто" is a cardinal; kept out of scales
# Magnitude words that may follow digits ("1.2 million", "$3.5bn", "31 тисяча", "2 Mio."),
# lower-cased where the language allows it.
MAGNITUDES: dict[str, dict[str, float]] = {
    "en": {
        "thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "billion": 1e9,
        "billions": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "trn": 1e12, "tn": 1e12,
    },
    "ru": {k: v for k, v in _expand(_RU_SCALE_FORMS).items()},
    "uk": {k: v for k, v in _expand(_UK_SCALE_FORMS).items()},
    "de": {k: v for k, v in _expand(_DE_SCALE_FORMS).items() if v >= 1e3},
}
for _extra in (("ru", "тыс"), ("uk", "тис")):
    MAGNITUDES[_extra[0]][_extra[1]] = 1e3
# Magnitude letters glued to money figures only ("$3m", "£2.5bn", "$40k").
MONEY_MAGNITUDES: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9}


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
        if w in ("and", "und", "и", "і", "й"):
            continue
        if w in units:
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
