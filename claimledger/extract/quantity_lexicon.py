"""Words around figures: units, currencies, qualifiers, change words and the contexts that
make a number a date, a name or a list label rather than an amount (en, ru, uk, de).

Everything here is data plus the regexes compiled from it once at import.
"""

from __future__ import annotations

import re

from ..lexicon import alternation, by_language, gather
from ..lexicon.units import SYMBOLS
from .numbers import CARDINALS, MAGNITUDES, SCALES, trie_pattern
from .scan import Openers

# How far left of a figure qualifiers and context words are looked for (characters).
LEFT_WINDOW = 48
# How far right of a figure context words are looked for (characters).
RIGHT_WINDOW = 40

LETTER = r"[^\W\d_]"

# --- units after a number: (regex, kind, unit, factor) -----------------------------------------
# factor scales the value into the unit (a decade is ten years).
# The units in the order they are tried: (key, kind, unit, factor). A unit's pattern is its
# symbols (``lexicon.units``) and every language's words for it (``quantities_<language>``).
_UNITS: tuple[tuple[str, str, str | None, float], ...] = (
    ("percent", "percent", None, 1),
    ("USD", "money", "USD", 1), ("EUR", "money", "EUR", 1), ("GBP", "money", "GBP", 1),
    ("RUB", "money", "RUB", 1), ("UAH", "money", "UAH", 1), ("CNY", "money", "CNY", 1),
    ("CHF", "money", "CHF", 1), ("JPY", "money", "JPY", 1), ("PLN", "money", "PLN", 1),
    ("INR", "money", "INR", 1),
    # money codes with a magnitude prefix ("120 MEUR", "3 MUSD", "500 TEUR")
    ("MUSD", "money", "USD", 1e6), ("MEUR", "money", "EUR", 1e6), ("TEUR", "money", "EUR", 1e3),
    ("year", "duration", "year", 1), ("decade", "duration", "year", 10),
    ("month", "duration", "month", 1), ("week", "duration", "week", 1),
    ("day", "duration", "day", 1), ("hour", "duration", "hour", 1),
    ("night", "duration", "day", 1), ("minute", "duration", "minute", 1),
    ("second", "duration", "second", 1),
    ("mi2", "measure", "mi2", 1), ("m2", "measure", "m2", 1), ("m3", "measure", "m3", 1),
    ("km2", "measure", "km2", 1), ("km/h", "measure", "km/h", 1), ("mph", "measure", "mph", 1),
    ("km", "measure", "km", 1), ("nmi", "measure", "nmi", 1), ("mi", "measure", "mi", 1),
    ("bbl", "measure", "bbl", 1), ("ft", "measure", "ft", 1), ("in", "measure", "in", 1),
    ("gal", "measure", "gal", 1), ("yd", "measure", "yd", 1), ("ac", "measure", "ac", 1),
    ("lb", "measure", "lb", 1), ("mg", "measure", "mg", 1), ("mm", "measure", "mm", 1),
    ("cm", "measure", "cm", 1), ("m", "measure", "m", 1), ("kg", "measure", "kg", 1),
    ("g", "measure", "g", 1), ("t", "measure", "t", 1), ("MW", "measure", "MW", 1),
    ("GW", "measure", "GW", 1), ("kWh", "measure", "kWh", 1), ("MWh", "measure", "MWh", 1),
    ("kW", "measure", "kW", 1), ("TB", "measure", "TB", 1), ("GB", "measure", "GB", 1),
    ("MB", "measure", "MB", 1), ("ml", "measure", "ml", 1), ("oz", "measure", "oz", 1),
    ("kn", "measure", "kn", 1), ("ha", "measure", "ha", 1), ("l", "measure", "l", 1),
    ("degree", "other", None, 1),
)
_UNIT_WORDS = by_language("quantities", "UNITS")


def _unit_pattern(key: str) -> str:
    parts = [SYMBOLS[key]] if key in SYMBOLS else []
    return "|".join(parts + [words[key] for words in _UNIT_WORDS.values() if key in words])


_SUFFIX_UNITS: list[tuple[str, str, str | None, float]] = [
    (_unit_pattern(key), kind, unit, factor) for key, kind, unit, factor in _UNITS]
UNIT_TABLE: list[tuple[str, str | None, float]] = [(k, u, f) for _, k, u, f in _SUFFIX_UNITS]
SUFFIX_RE = re.compile(
    "|".join(f"(?P<u{i}>{pat})" for i, (pat, _, _, _) in enumerate(_SUFFIX_UNITS))
)

# Currency written before the number: symbol or code -> ISO code.
CURRENCY_PREFIX_RE = re.compile(
    r"(?:(?P<usd>US\$|\$|USD|US-Dollar)|(?P<eur>€|EUR)|(?P<gbp>£|GBP)|(?P<rub>₽|RUB)"
    r"|(?P<uah>₴|UAH|Hr|грн\.?)|(?P<chf>CHF)|(?P<jpy>¥|JPY)|(?P<inr>₹|Rs\.?|INR)|(?P<pln>PLN)"
    r"|(?P<cny>CNY|RMB))[\u00a0 ]?$"
)
CURRENCY_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "uah": "UAH",
                  "chf": "CHF", "jpy": "JPY", "inr": "INR", "pln": "PLN", "cny": "CNY"}

# --- magnitude words after digits --------------------------------------------------------------
_ALL_MAGNITUDES: dict[str, float] = {}
for _table in MAGNITUDES.values():
    _ALL_MAGNITUDES.update(_table)
    _ALL_MAGNITUDES.update({k.capitalize(): v for k, v in _table.items() if k[0].islower()})
MAGNITUDE_VALUES = _ALL_MAGNITUDES
MAGNITUDE_RE = re.compile(
    r"[\s\u00a0\u202f-]?(?P<mag>" + trie_pattern(_ALL_MAGNITUDES) + r")(?!\w)"
)
# Money magnitudes glued to a figure ("$3.5bn", "£2m", "$40k").
MONEY_MAG_RE = re.compile(r"(?P<mag>bn|mn|m|k|b|M|B|K|T|tn|trn)(?!\w)")
MONEY_MAG_VALUES: dict[str, float] = {
    "bn": 1e9, "b": 1e9, "B": 1e9, "mn": 1e6, "m": 1e6, "M": 1e6, "k": 1e3, "K": 1e3,
    "T": 1e12, "tn": 1e12, "trn": 1e12,
}
# Magnitude letters glued to a bare figure ("5M users", "40k troops", "1.2b euros"); a bare
# lower-case "m" is metres, so it counts as a magnitude only after a currency.
GLUED_MAG_RE = re.compile(r"(?P<mag>bn|b|k|M|B|K)(?!\w)")

# --- qualifiers before a figure -----------------------------------------------------------------
_QUALIFIER_KINDS = ("at_most", "at_least", "over", "under", "about")
_QUALIFIER_WORDS = by_language("quantities", "QUALIFIERS").values()
_QUALIFIERS: dict[str, str] = {
    kind: "|".join(words[kind] for words in _QUALIFIER_WORDS if kind in words)
    for kind in _QUALIFIER_KINDS}
QUALIFIER_RE = re.compile(
    r"(?:^|(?<=[^\w~≈]))(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in _QUALIFIERS.items())
    + r")\s*$",
    re.IGNORECASE,
)
# The words that open a qualifier (so that it is looked for only where one of them starts).
QUALIFIER_OPENERS = Openers(
    gather("quantities", "QUALIFIER_OPENERS"),
    prefixes=gather("quantities", "QUALIFIER_PREFIXES"),
    symbols="~≈",
)
# Qualifiers after a figure ("10 years or more", "6,000+").
_POST_WORDS = by_language("quantities", "POST_QUALIFIERS").values()
POST_QUALIFIER_RE = re.compile("|".join(
    "(?P<" + kind + ">" + "|".join(w[kind] for w in _POST_WORDS if kind in w) + ")"
    for kind in ("at_least", "at_most", "over")))

# --- change words -------------------------------------------------------------------------------
_CHANGE_VERBS = alternation("quantities", "CHANGE_VERBS")
# A change verb right before the figure, with "by"/"of"/"на"/"um" ("fell by", "rise of").
CHANGE_LEFT_RE = re.compile(
    r"(?:^|(?<=\W))(?:(?:" + _CHANGE_VERBS + r")(?:\s+(?:"
    + alternation("quantities", "CHANGE_PREPOSITIONS") + r"))?"
    r"|" + alternation("quantities", "ADDITIONAL") + r")\s*$"
)
CHANGE_LEFT_OPENERS = Openers(
    [w for w in re.split(r"\|", _CHANGE_VERBS) if not w.endswith("\\w*")]
    + list(gather("quantities", "ADDITIONAL_OPENERS")),
    prefixes=tuple(w[:-3] for w in re.split(r"\|", _CHANGE_VERBS) if w.endswith("\\w*"))
    + gather("quantities", "ADDITIONAL_PREFIXES"),
)
# A change noun or comparative right after the figure ("a 70% increase", "7% higher").
CHANGE_RIGHT_RE = re.compile(
    r"\s*(?:" + alternation("quantities", "CHANGE_AFTER") + r")(?!\w)"
)
# Any change word in a clause ("grew by 10% from 2,000 to 2,200"): two states, not a range.
CHANGE_WORD_RE = re.compile(
    r"(?:^|(?<=\W))(?:" + _CHANGE_VERBS + "|" + alternation("quantities", "CHANGE_OTHER")
    + r")(?!\w)",
    re.IGNORECASE,
)
# Verbs that state a spread, not a change ("ranged from 8 to 12 years").
RANGE_VERB_RE = re.compile(
    r"(?:^|(?<=\W))(?:" + alternation("quantities", "RANGE_VERBS") + r")(?!\w)",
    re.IGNORECASE,
)
# "с 200 до 300", "з 1 000 до 1 200": the "до" of the second state, not "up to".
FROM_FIGURE_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:с|со|з|із|зі|від|от|from|von)\s+[0-9][0-9\s.,\u00a0\u202f%]{0,24}"
    r"(?:\s?\w{1,12}\.?)?\s*$",
    re.IGNORECASE,
)
# "засудив до восьми років": a sentence handed down, not an upper bound.
SENTENCED_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:засуд\w*|присуд\w*|приговор\w*|осудил\w*|осуждён\w*|осужден\w*"
    r"|sentenced|verurteilt)(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)
# "increased to 1.5 million": the figure is a new total, not a change.
TO_TOTAL_RE = re.compile(r"(?:^|(?<=\W))(?:to|до|auf)\s*$")

# --- contexts that make a number something other than an amount ---------------------------------
_MONTHS = "(?:" + alternation("calendar", "MONTH_WORDS") + ")"
MONTH_WORDS = _MONTHS
# A day number followed by a month name ("24 February", "17 січня", "3. Mai").
MONTH_AFTER_RE = re.compile(r"(?:\.|th|st|nd|rd)?\s?(?:of\s)?" + _MONTHS + r"(?!\w)")
# A month name right before a day number ("May 30", "April 10, 2024").
MONTH_BEFORE_RE = re.compile(r"(?:^|(?<=\W))" + _MONTHS + r"\.?\s$")
# Article, paragraph, list and serial numbers: a keyword (and earlier numbers of its list).
REFERENCE_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:articles?|art\.|arts\.|paragraphs?|para\.|sections?|sec\.|clauses?"
    r"|parts?|points?|items?|resolution|decree|no\.|nos\.|number|#|№|§+|day|paragraf(?:en)?"
    r"|ст\.|статьи|статья|статье|статьей|статей|статті|стаття|статтею|статтю|статей"
    r"|ч\.|части|часть|частина|частини|п\.|пункт\w*|абз\.|пп\."
    r"|artikel|absatz|abs\.|nr\.)"
    r"\s*(?:[0-9][0-9.]*\w?\s*(?:,|and|or|и|или|та|і|й|або|und|oder|-|–)\s*)*$",
    re.IGNORECASE,
)
REFERENCE_OPENERS = Openers(
    "article articles art arts paragraph paragraphs para section sections sec clause clauses"
    " part parts point points item items resolution decree no nos number day ст статьи статья"
    " статье статьей статей статті стаття статтею статтю ч части часть частина частини п абз пп"
    " artikel absatz abs nr paragraf paragrafen".split(),
    prefixes=("пункт",),
    symbols="#№§",
)
# A law code right after a number ("338 УК РФ", "332 of the Criminal Code").
CODE_AFTER_RE = re.compile(
    r"\s*(?:УК|КК|КоАП|КУпАП|ГК|StGB|of the (?:Russian |Ukrainian )?(?:Criminal|Civil|Penal)"
    r"|(?:Criminal|Penal) Code)(?!\w)"
)
# Ordinal endings ("155th", "3rd", "224-й", "5-ї").
ORDINAL_AFTER_RE = re.compile(r"(?:st|nd|rd|th)\b|-?(?:[а-яёіїєґ]{1,3})(?!\w)", re.IGNORECASE)
# Age context: "aged 34", "the 18-30 age group" make the number a duration in years.
AGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:aged(?: between)?|ages(?: of)?|age of|в возрасте(?: от)?|у віці(?: від)?"
    r"|im Alter von)\s*$",
    re.IGNORECASE,
)
AGE_AFTER_RE = re.compile(r"(?:\s+|-)(?:age group|years?[\s-]old|year-olds)\b")
# Page furniture: "2 min read", "1,234 views".
FURNITURE_AFTER_RE = re.compile(r"\s?(?:min(?:ute)?s?\s+read|views|comments|shares"
                                r"|хв\.?\s+(?:читати|читання)|мин\.?\s+(?:чтения|читать)"
                                r"|Min\.?\s+Lesezeit|Minuten\s+Lesezeit)(?!\w)",
                                re.IGNORECASE)
# Clock times, numeric dates, URLs, e-mail addresses and phone numbers are masked out.
MASK_RE = re.compile(
    r"(?:https?://|www\.)\S+|(?<=[\w.+-])@[\w-]{1,64}\.[\w.]{1,64}"
    r"|\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b|\b[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}\b"
    r"|\b[0-9]{1,2}[:.][0-9]{2}\s?(?:[ap]\.?m\.?|Uhr|год\.)(?!\w)"
    r"|\b[0-9]{1,2}\s?(?:[ap]\.m\.|[ap]m\b)|\b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\b|\b[0-9]{1,2}/[0-9]{1,2}\b(?!/)"
    r"|\+[0-9]{1,3}[\s-]?\(?[0-9]{2,4}\)?(?:[\s-][0-9]{2,4}){2,4}\b"
    r"|\(?\b[0-9]{3}\)?[\s.-][0-9]{3}-[0-9]{4}\b",
    re.IGNORECASE,
)
# What follows a list label at the start of a line ("1. ", "2) ").
LIST_AFTER_RE = re.compile(r"[.)]\s")

# Word forms of cardinals and scale words, every language (for the word-number pattern).
WORD_FORMS: set[str] = set()
for _lang in CARDINALS:
    WORD_FORMS.update(CARDINALS[_lang])
    WORD_FORMS.update(SCALES[_lang])
WORD_FORMS.update({w.capitalize() for w in list(WORD_FORMS) if not w[0].isupper()})
WORD_FORMS.update({"dozen", "Dozen"})
