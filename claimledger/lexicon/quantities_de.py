"""German words around figures: units (read by ``extract.quantity_lexicon``)."""

from __future__ import annotations

UNITS: dict[str, str] = {
    "percent": r"\s?Prozent(?:punkte?n?)?\b",
    "USD": r"\s?(?:US-)?Dollar\b",
    "EUR": r"\s?Euro\b",
    "RUB": r"\s?Rubel\b",
    "UAH": r"\s?(?:Hrywnja|Griwna)\b",
    "CNY": r"\s?Yuan\b",
    "CHF": r"\s?(?:Schweizer\s+)?Franken(?!\w)",
    "JPY": r"\s?Yen(?!\w)",
    "PLN": r"\s?Zloty(?!\w)",
    "INR": r"\s?Rupien?(?!\w)",
    "year": r"\s?Jahr(?:e|en|es)?\b",
    "month": r"\s?Monat(?:e|en|s)?\b",
    "week": r"\s?Wochen?\b",
    "day": r"\s?Tag(?:e|en)?\b",
    "hour": r"\s?Stunden?\b|\sStd\.",
    "night": r"\sNächten?\b",
    "minute": r"\s?Minuten?\b",
    "second": r"\s?Sekunden?\b",
    "mi2": r"\s?Quadratmeilen?(?!\w)",
    "m2": r"\s?Quadratmetern?(?!\w)",
    "m3": r"\s?Kubikmetern?(?!\w)",
    "km2": r"\s?Quadratkilometer(?:n)?(?!\w)",
    "km": r"[\s-]?Kilometern?(?!\w)",
    "mi": r"[\s-]?Meilen?(?!\w)",
    "bbl": r"[\s-]?Barrels?(?!\w)",
    "ft": r"[\s-]?Fuß(?!\w)",
    "in": r"[\s-]?Zoll(?!\w)",
    "gal": r"[\s-]?Gallonen?(?!\w)",
    "mg": r"\s?Milligramm(?!\w)",
    "mm": r"[\s-]?Millimetern?(?!\w)",
    "cm": r"[\s-]?Zentimetern?(?!\w)",
    "m": r"[\s-]?Metern?(?![\w/])",
    "kg": r"[\s-]?Kilogramm(?!\w)",
    "g": r"[\s-]?Gramm(?!\w)",
    "t": r"[\s-]?Tonnen?(?!\w)",
    "MW": r"\s?Megawatt(?!\w)",
    "GW": r"\s?Gigawatt(?!\w)",
    "kWh": r"\s?Kilowattstunden?(?!\w)",
    "MWh": r"\s?Megawattstunden?(?!\w)",
    "kW": r"\s?Kilowatt(?!\w)",
    "TB": r"\s?Terabyte(?!\w)",
    "GB": r"\s?Gigabyte(?!\w)",
    "MB": r"\s?Megabyte(?!\w)",
    "ml": r"\s?Milliliter(?!\w)",
    "oz": r"\s?Unzen?(?!\w)",
    "ha": r"\s?Hektar(?!\w)",
    "l": r"[\s-]?Liter(?:n)?(?!\w)",
    "degree": r"\sGrad(?:\s+Celsius)?(?!\w)",
}

QUALIFIERS: dict[str, str] = {
    "at_most": r"bis zu|höchstens|maximal|nicht mehr als",
    "at_least": r"mindestens|wenigstens|zumindest",
    "over": r"mehr als|über|weit über|knapp über",
    "under": r"weniger als|unter|knapp unter",
    "about": (r"etwa|rund|fast|knapp|ungefähr|zirka|annähernd|nahezu|beinahe|um die"
              r"|geschätzte[nrms]?|geschätzt"),
}
QUALIFIER_OPENERS: tuple[str, ...] = tuple(
    "bis höchstens maximal nicht mindestens wenigstens zumindest mehr über weit knapp weniger"
    " unter etwa rund fast ungefähr zirka annähernd nahezu beinahe um".split())
QUALIFIER_PREFIXES: tuple[str, ...] = ("geschätzt",)
POST_QUALIFIERS: dict[str, str] = {
    "at_least": r"\s+und\s+mehr\b",
}
CHANGE_VERBS = (
    r"gestiegen|gesunken|erhöht|verringert|zugenommen|abgenommen|gefallen|stieg|sank"
    r"|wuchs|gewachsen|Anstieg|Rückgang|Zuwachs|Zunahme|Abnahme"
)
CHANGE_PREPOSITIONS = r"um|von"
ADDITIONAL = r"[Ww]eitere[nr]?|zusätzliche[nr]?"
ADDITIONAL_OPENERS: tuple[str, ...] = (
    "weitere", "weiteren", "weiterer", "zusätzliche", "zusätzlichen", "zusätzlicher")
ADDITIONAL_PREFIXES: tuple[str, ...] = ()
CHANGE_AFTER = r"Anstieg|Zuwachs|Rückgang|höher|niedriger"
CHANGE_OTHER = r"verlängert|gesenkt|verdoppelt"
RANGE_VERBS = r"schwank\w*"

FRACTIONS: dict[str, float] = {
    "hälfte": 1 / 2, "drittel": 1 / 3, "viertel": 1 / 4, "fünftel": 1 / 5, "zehntel": 1 / 10,
}
MULTIPLIERS: dict[str, tuple[float, bool]] = {
    "doppelt": (2, False), "verdoppelt": (2, True), "verdreifacht": (3, True),
    "halbiert": (0.5, True), "zweimal": (2, False), "dreimal": (3, False),
}
FRACTION_COUNTS: dict[str, int] = {"ein": 1, "zwei": 2, "drei": 3}
FRACTION_PATTERN = (
    r"Hälfte|(?:[Ee]in|[Zz]wei|[Dd]rei)\s+(?:Drittel|Viertel|Fünftel|Zehntel)"
    r"|doppelt|verdoppelt|verdreifacht|halbiert"
    r"|[Zz]weimal|[Dd]reimal"
    r"|(?:[Ee]ine?[nrs]?\s+)?halbe[nrs]?\s+(?:Stunde|Million|Milliarde|Jahr|Tag|Woche|Monat)"
)
# "eine halbe Stunde": the word of "half", and the (lower-cased) word after it ->
# (kind, unit, value).
HALF_WORDS: tuple[str, ...] = ("halbe",)
HALF_OF: dict[str, tuple[str, str | None, float]] = {
    "stunde": ("duration", "hour", 0.5), "million": ("count", None, 5e5),
    "milliarde": ("count", None, 5e8), "jahr": ("duration", "year", 0.5),
    "tag": ("duration", "day", 0.5), "woche": ("duration", "week", 0.5),
    "monat": ("duration", "month", 0.5),
}
FRACTION_OPENERS: tuple[str, ...] = (
    "hälfte", "ein", "zwei", "drei", "doppelt", "verdoppelt", "verdreifacht", "halbiert",
    "zweimal", "dreimal", "halbe", "halben", "halber", "halbes",
)
