"""Polish words around figures: units in the cases a number governs, qualifiers, change words,
fractions and multipliers (read by ``extract.quantity_lexicon`` and ``extract.quantity_words``).
"""

from __future__ import annotations

UNITS: dict[str, str] = {
    "percent": r"\s?(?:procent(?:y|ów|a)?|proc\.|punkt(?:y|ów)?\s+procentow\w*)(?!\w)",
    "USD": r"\s?dolar(?:ów|y|a)?(?!\w)",
    "RUB": r"\s?rubl(?:i|e|a)(?!\w)",
    "UAH": r"\s?hrywien(?!\w)|\s?hrywn(?:y|a)(?!\w)",
    "PLN": r"\s?(?:złot(?:y|ych|e)|zł)(?!\w)",
    "year": r"\s(?:rok|roku|lata|lat|latach|latami)(?!\w)",
    "month": r"\s(?:miesiąc(?:a|e|u)?|miesięcy|miesiącach|miesiącami)(?!\w)",
    "week": r"\s(?:tydzień|tygodnie|tygodni|tygodnia)(?!\w)",
    "day": r"\s(?:dzień|dni|dnia|doby|dób)(?!\w)",
    "hour": r"\s(?:godzin(?:a|y|ę)?|godz\.)(?!\w)",
    "minute": r"\s(?:minut(?:a|y|ę)?)(?!\w)",
    "km": r"[\s-]?kilometr(?:ów|y|a)?(?!\w)",
    "m": r"[\s-]?metr(?:ów|y|a)?(?![\w/])",
    "t": r"[\s-]?ton(?:y|a)?(?!\w)",
    "l": r"[\s-]?litr(?:ów|y|a)?(?!\w)",
    "ha": r"\s?hektar(?:ów|y|a)?(?!\w)",
}
QUALIFIERS: dict[str, str] = {
    "at_most": r"maksymalnie|nie więcej niż|co najwyżej",
    "at_least": r"co najmniej|przynajmniej|nie mniej niż",
    "over": r"ponad|przeszło|powyżej|więcej niż",
    "under": r"mniej niż|poniżej",
    "about": r"około|ok\.|blisko|prawie|niemal|mniej więcej|szacunkowo",
}
QUALIFIER_OPENERS: tuple[str, ...] = tuple(
    "maksymalnie nie co przynajmniej ponad przeszło powyżej więcej mniej poniżej około ok blisko"
    " prawie niemal szacunkowo".split())
QUALIFIER_PREFIXES: tuple[str, ...] = ()
POST_QUALIFIERS: dict[str, str] = {
    "at_least": r"\s+lub\s+więcej\b",
    "over": r"\s+z\s+hakiem\b",
}
CHANGE_VERBS = (
    r"wzrósł|wzrosła|wzrosło|wzrosły|wzrośnie|spadł|spadła|spadło|spadły|zwiększył\w*"
    r"|zmniejszył\w*|zmalał\w*|wzrost|spadek"
)
CHANGE_PREPOSITIONS = r"o"
ADDITIONAL = r"[Kk]olejn(?:e|ych|a|y)|[Jj]eszcze|dodatkow(?:e|ych|o)"
ADDITIONAL_OPENERS: tuple[str, ...] = ("kolejne", "kolejnych", "kolejna", "kolejny", "jeszcze")
ADDITIONAL_PREFIXES: tuple[str, ...] = ("dodatkow",)
CHANGE_AFTER = r"wzrost\w*|spad\w*|więcej|mniej|wyżej|niżej"
CHANGE_OTHER = r"podwoił\w*|przedłuż\w*|podwyższ\w*|obniż\w*"
RANGE_VERBS = r"wahał\w*|waha\w*"
FRACTIONS: dict[str, float] = {
    "połowa": 1 / 2, "połowę": 1 / 2, "połowy": 1 / 2, "połowie": 1 / 2, "ćwierć": 1 / 4,
}
MULTIPLIERS: dict[str, tuple[float, bool]] = {
    "dwukrotnie": (2, False), "trzykrotnie": (3, False), "czterokrotnie": (4, False),
    "pięciokrotnie": (5, False), "dziesięciokrotnie": (10, False),
}
FRACTION_PATTERN = (
    r"[Pp]ołow(?:a|ę|y|ie)|[Ćć]wierć"
    r"|[Dd]wukrotnie|[Tt]rzykrotnie|[Cc]zterokrotnie|[Pp]ięciokrotnie|[Dd]ziesięciokrotnie"
)
FRACTION_OPENERS: tuple[str, ...] = (
    "połowa", "połowę", "połowy", "połowie", "ćwierć", "dwukrotnie", "trzykrotnie",
    "czterokrotnie", "pięciokrotnie", "dziesięciokrotnie",
)
