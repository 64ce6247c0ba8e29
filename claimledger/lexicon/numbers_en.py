"""English number words: cardinals, scale words, magnitudes after digits and connectors (read by
``extract.numbers``)."""

from __future__ import annotations

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

# The names every number lexicon defines (``extract.numbers`` reads them).
CARDINALS: dict[str, float] = dict(EN_UNITS)
SCALES: dict[str, float] = dict(EN_SCALES)
# Magnitude words that may follow digits ("1.2 million", "$3.5bn").
MAGNITUDES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "billion": 1e9,
    "billions": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "trn": 1e12, "tn": 1e12,
}
# Words that join the parts of a written number ("two hundred and fifty").
CONNECTORS: tuple[str, ...] = ("and",)

# Articles that may open a written number ("a hundred").
ARTICLES: tuple[str, ...] = ("a", "an", "A", "An")
