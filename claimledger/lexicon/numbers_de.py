"""German number words: cardinals, scale words and the parts of compound numerals
("dreihundertfünfzig", "zehntausend", "zweieinhalb"), read by ``extract.numbers``."""

from __future__ import annotations

from . import inflected

DE_UNITS: dict[str, float] = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
    "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "anderthalb": 1.5, "eineinhalb": 1.5,
}
DE_SCALE_FORMS: dict[float, tuple[str, ...]] = {
    12: ("Dutzend",), 100: ("hundert",), 1e3: ("tausend", "Tausend", "Tsd."),
    1e6: ("Million", "Millionen", "Mio."), 1e9: ("Milliarde", "Milliarden", "Mrd."),
    1e12: ("Billion", "Billionen", "Bio."),
}

# The parts of a compound numeral written as one word ("dreihundertfünfundzwanzig"), with the
# grammar they follow; ``compound_value`` reads one. Single words are in ``DE_UNITS``.
_UNIT = "(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
_TEEN = ("(?:zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn"
         "|neunzehn)")
_TENS = "(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
_BELOW_100 = f"(?:{_UNIT}und{_TENS}|{_TENS}|{_TEEN}|{_UNIT}|eins)"
_BELOW_1000 = f"(?:{_UNIT}?hundert(?:und)?{_BELOW_100}?|{_BELOW_100})"
_HUNDREDS = f"(?:{_UNIT}?hundert(?:und)?{_BELOW_100}?)"
_THOUSANDS = f"(?:{_BELOW_1000}?tausend(?:und)?{_BELOW_1000}?)"
# A compound of two or more parts (case-insensitive: "Zehntausend" opens a sentence).
COMPOUND_PATTERN = (
    f"(?i:(?:{_THOUSANDS}|{_HUNDREDS}|{_UNIT}und{_TENS}|{_TENS}|{_TEEN}|{_UNIT})einhalb"
    f"|{_THOUSANDS}|{_HUNDREDS}|{_UNIT}und{_TENS})"
)
COMPOUND_PARTS: dict[str, float] = {
    "einhalb": 0.5, "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
    "und": 0,
}

CARDINALS: dict[str, float] = dict(DE_UNITS)
SCALES: dict[str, float] = inflected(DE_SCALE_FORMS)
MAGNITUDES: dict[str, float] = {k: v for k, v in SCALES.items() if v >= 1e3}
CONNECTORS: tuple[str, ...] = ("und",)
# Articles that may open a written number ("a hundred").
ARTICLES: tuple[str, ...] = ("ein", "eine", "einer", "einen", "Ein", "Eine")
# German words that another language's lexicon reads as a number ("jeden Tag" is every day, not
# Polish "jeden", one): never read as a number in German text.
NOT_NUMBERS: tuple[str, ...] = ("jeden",)
