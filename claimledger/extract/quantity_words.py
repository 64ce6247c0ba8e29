"""Fractions and multipliers in words ("half", "two-thirds", "one in five", "twice",
"five-fold", "вдвое", "die Hälfte") and the candidate pattern that finds every figure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numbers import CARDINALS, COMPOUND_PATTERN, VULGAR_FRACTIONS, digit_style, trie_pattern
from .quantity_lexicon import WORD_FORMS

# The longest run of number words read as one number ("two hundred and forty-five thousand").
MAX_WORDS = 16

# Denominator words -> the fraction they name.
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10, "fourths": 1 / 4,
    "sixths": 1 / 6, "eighths": 1 / 8,
    "половина": 1 / 2, "половину": 1 / 2, "половины": 1 / 2, "половине": 1 / 2,
    "половиной": 1 / 2, "половини": 1 / 2, "половині": 1 / 2, "половиною": 1 / 2,
    "треть": 1 / 3, "трети": 1 / 3, "третью": 1 / 3, "третей": 1 / 3,
    "третина": 1 / 3, "третину": 1 / 3, "третини": 1 / 3, "третині": 1 / 3,
    "четверть": 1 / 4, "четверти": 1 / 4, "чверть": 1 / 4, "чверті": 1 / 4,
    "hälfte": 1 / 2, "drittel": 1 / 3, "viertel": 1 / 4, "fünftel": 1 / 5, "zehntel": 1 / 10,
}
# Single words that state a multiplier, and whether they also state a change.
MULTIPLIER_WORDS: dict[str, tuple[float, bool]] = {
    "twice": (2, False), "doubled": (2, True), "doubling": (2, True), "tripled": (3, True),
    "tripling": (3, True), "quadrupled": (4, True), "halved": (0.5, True),
    "halving": (0.5, True),
    "вдвое": (2, False), "втрое": (3, False), "вчетверо": (4, False), "впятеро": (5, False),
    "вдесятеро": (10, False), "вдвічі": (2, False), "удвічі": (2, False),
    "втричі": (3, False), "утричі": (3, False), "учетверо": (4, False),
    "doppelt": (2, False), "verdoppelt": (2, True), "verdreifacht": (3, True),
    "halbiert": (0.5, True),
    "дважды": (2, False), "трижды": (3, False), "двічі": (2, False), "тричі": (3, False),
    "zweimal": (2, False), "dreimal": (3, False), "double": (2, False), "triple": (3, False),
}
_EN_SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
             "|thirty|forty|fifty|hundred|thousand")
_ARTICLE = r"(?:a|an|one|A|An|One)"
_FRACTION_RE = (
    rf"{_ARTICLE}[\s-]+(?:half|third|quarter|fifth|tenth)"
    r"|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]even|[Nn]ine)[\s-]+"
    r"(?:thirds|quarters|fourths|fifths|sixths|eighths|tenths)"
    r"|[Hh]alf"
    rf"|(?:[Oo]ne|1)\s+(?:in|out\s+of)\s+(?:[0-9]{{1,4}}|{_EN_SMALL})"
    r"|[Tt]wice|[Dd]oubl(?:ed|ing)|[Tt]ripl(?:ed|ing)|[Qq]uadrupled|[Hh]alv(?:ed|ing)"
    rf"|(?:{_EN_SMALL}|[Tt]en)fold"
    r"|(?:[Дд]ве|[Дд]ві|[Дд]вух)\s+(?:трети|третей|третини|третин)"
    r"|[Пп]оловин(?:а|у|ы|е|ой|и|і|ою)|[Тт]рет(?:ь|ью)|[Тт]ретин(?:а|у|и|і)"
    r"|[Чч]етверт(?:ь|ью)|[Чч]верт(?:ь|і|ю)"
    r"|[Вв]дво[её]|[Вв]тро[её]|[Вв]четверо|[Вв]пятеро|[Вв]десятеро|[ВвУу]двічі|[ВвУу]тричі"
    r"|[Уу]четверо"
    r"|Hälfte|(?:[Ee]in|[Zz]wei|[Dd]rei)\s+(?:Drittel|Viertel|Fünftel|Zehntel)"
    r"|doppelt|verdoppelt|verdreifacht|halbiert"
    r"|[Дд]важды|[Тт]рижды|[Дд]вічі|[Тт]річі|[Zz]weimal|[Dd]reimal"
    r"|(?:[Dd]ouble|[Tt]riple)(?=\s+(?:the|that|what|its|their|his|her|our|this)\b)"
    r"|[Пп]ол(?:часа|года|дня|суток|месяца|миллиона|миллиарда|тысячи)"
    r"|[Пп]ів(?:\s|-)?(?:години|року|дня|доби|місяця|мільйона|мільярда|тисячі)"
    r"|(?:[Ee]ine?[nrs]?\s+)?halbe[nrs]?\s+(?:Stunde|Million|Milliarde|Jahr|Tag|Woche|Monat)"
)
# Words that prefix "half" to a unit or a scale ("полчаса", "півмільйона", "eine halbe
# Stunde"): the last word -> (kind, unit, value).
HALF_OF: dict[str, tuple[str, str | None, float]] = {
    "часа": ("duration", "hour", 0.5), "года": ("duration", "year", 0.5),
    "дня": ("duration", "day", 0.5), "суток": ("duration", "day", 0.5),
    "месяца": ("duration", "month", 0.5), "миллиона": ("count", None, 5e5),
    "миллиарда": ("count", None, 5e8), "тысячи": ("count", None, 500),
    "години": ("duration", "hour", 0.5), "року": ("duration", "year", 0.5),
    "доби": ("duration", "day", 0.5), "місяця": ("duration", "month", 0.5),
    "мільйона": ("count", None, 5e5), "мільярда": ("count", None, 5e8),
    "тисячі": ("count", None, 500), "stunde": ("duration", "hour", 0.5),
    "million": ("count", None, 5e5), "milliarde": ("count", None, 5e8),
    "jahr": ("duration", "year", 0.5), "tag": ("duration", "day", 0.5),
    "woche": ("duration", "week", 0.5), "monat": ("duration", "month", 0.5),
}


def half_of(surface: str) -> tuple[str, str | None, float] | None:
    """(kind, unit, value) of "half" fused with a unit or scale ("полчаса"), or None."""
    low = surface.lower()
    for prefix in ("пол", "пів"):
        if low.startswith(prefix):
            return HALF_OF.get(low[len(prefix):].lstrip(" -\u00a0"))
    if "halbe" in low:
        return HALF_OF.get(low.split()[-1])
    return None
_WORD = trie_pattern(sorted(WORD_FORMS))
# German writes a numeral below a million as one word ("dreihundertfünfzig"): in de text a
# token may be such a compound as well.
_WORD_DE = f"(?:{_WORD}|{COMPOUND_PATTERN})"


def _word_seq(word: str) -> str:
    return (
        rf"(?:(?:a|an|A|An|ein|eine|einer|einen|Ein|Eine)\s+)?(?:{word})"
        rf"(?:(?:\s+|-)(?:(?:and|и|і|й|und)\s+)?(?:{word})(?![\w'’])){{0,{MAX_WORDS}}}"
    )


_UNIT_WORDS = r"(?:year|month|week|day|hour|decade)"
_A_UNIT = (rf"(?:a|an|A|An)\s+{_UNIT_WORDS}(?:\s+and\s+a\s+half)?"
           rf"|{_UNIT_WORDS}\s+and\s+a\s+half")
# A unit of time standing alone for one of it after a qualifier ("свыше месяца", "понад рік",
# "более суток"): the word -> unit.
BARE_UNITS: dict[str, str] = {
    "года": "year", "месяца": "month", "недели": "week", "суток": "day", "часа": "hour",
    "минуты": "minute", "року": "year", "рік": "year", "місяця": "month", "місяць": "month",
    "тижня": "week", "тиждень": "week", "доби": "day", "години": "hour", "хвилини": "minute",
}
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
    count = {"a": 1, "an": 1, "one": 1, "ein": 1, "two": 2, "zwei": 2, "две": 2, "дві": 2,
             "двух": 2, "three": 3, "drei": 3, "four": 4, "five": 5, "seven": 7,
             "nine": 9}.get(parts[0], 1)
    return count * frac, False
