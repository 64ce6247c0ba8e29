"""English words around figures: units (read by ``extract.quantity_lexicon``)."""

from __future__ import annotations

# Unit key (``lexicon.units``) -> regex source of the unit's words, matched after a figure.
UNITS: dict[str, str] = {
    "percent": r"\s?per\s?cent\b|\s?percent(?:age points?)?\b|\s?pct\b\.?|\s?p\.\s?c\.?(?!\w)",
    "USD": r"\s?(?:US\s)?dollars?\b",
    "EUR": r"\s?euros?\b",
    "GBP": r"\s?(?:pounds sterling|pounds)\b",
    "RUB": r"\s?(?:rubles?|roubles?)\b",
    "UAH": r"\s?(?:hryvnias?|hryvnyas?)\b",
    "CNY": r"\s?yuan\b",
    "CHF": r"\s?Swiss\s+francs?(?!\w)",
    "JPY": r"\s?yen(?!\w)",
    "PLN": r"\s?(?:zlot(?:y|ys|ies)|złot(?:y|ych|e))(?!\w)",
    "INR": r"\s?rupees?(?!\w)",
    "year": r"[\s-]?(?:years?|yrs?)\b",
    "decade": r"[\s-]?decades?\b",
    "month": r"[\s-]?months?\b",
    "week": r"[\s-]?weeks?\b",
    "day": r"[\s-]?days?\b",
    "hour": r"[\s-]?(?:hours?|hrs?)\b",
    "night": r"[\s-]?nights?\b",
    "minute": r"[\s-]?(?:minutes?|mins?)\b",
    "second": r"[\s-]?(?:seconds?|secs?)\b",
    "mi2": r"\s?(?:square\s+miles?|sq\.?\s?mi(?:les?)?)(?!\w)",
    "m2": r"\s?(?:sq\.?\s?m|square\s+met(?:re|er)s?)(?!\w)",
    "m3": r"\s?cubic\s+met(?:re|er)s?(?!\w)",
    "km2": r"\s?(?:sq\.?\s?km|square\s+kilomet(?:re|er)s?)(?!\w)",
    "km/h": r"\s?(?:kph|kilomet(?:re|er)s\s+(?:per|an)\s+hour)(?!\w)",
    "mph": r"\s?(?:mph|miles\s+per\s+hour)\b",
    "km": r"[\s-]?kilomet(?:re|er)s?(?!\w)",
    "nmi": r"\s?(?:nautical\s+miles?|nmi)(?!\w)",
    "mi": r"[\s-]?(?:miles?|mi)(?!\w)",
    "bbl": r"[\s-]?(?:barrels?|bbl)(?!\w)",
    "ft": r"[\s-]?(?:feet|foot|ft)(?!\w)",
    "in": r"[\s-]?inch(?:es)?(?!\w)",
    "gal": r"[\s-]?(?:gallons?|gal)(?!\w)",
    "yd": r"[\s-]?(?:yards?|yd)(?!\w)",
    "ac": r"[\s-]?acres?(?!\w)",
    "lb": r"\s?lbs?(?!\w)",
    "mg": r"\s?milligram(?:me)?s?(?!\w)",
    "mm": r"[\s-]?millimet(?:re|er)s?(?!\w)",
    "cm": r"[\s-]?centimet(?:re|er)s?(?!\w)",
    "m": r"[\s-]?met(?:re|er)s?(?![\w/])",
    "kg": r"[\s-]?kilo(?:gram(?:me)?s?)?(?!\w)",
    "g": r"[\s-]?(?:grams?|grammes?)(?!\w)",
    "t": r"[\s-]?(?:tonnes?|tons?)(?!\w)",
    "MW": r"\s?megawatts?(?!\w)",
    "GW": r"\s?gigawatts?(?!\w)",
    "kWh": r"\s?kilowatt[\s-]hours?(?!\w)",
    "MWh": r"\s?megawatt[\s-]hours?(?!\w)",
    "kW": r"\s?kilowatts?(?!\w)",
    "TB": r"\s?terabytes?(?!\w)",
    "GB": r"\s?gigabytes?(?!\w)",
    "MB": r"\s?megabytes?(?!\w)",
    "ml": r"\s?millilit(?:re|er)s?(?!\w)",
    "oz": r"\s?ounces?(?!\w)",
    "kn": r"\s?knots?(?!\w)",
    "ha": r"\s?hectares?(?!\w)",
    "l": r"[\s-]?(?:litres?|liters?)(?!\w)",
    "degree": r"\s(?:degrees?(?:\s+(?:Celsius|Fahrenheit|C|F))?)(?!\w)",
}

# Qualifiers before a figure, by the approximation they state (regex sources of phrases).
QUALIFIERS: dict[str, str] = {
    "at_most": r"up to|no more than|not more than|a maximum of|maximum of|at most|as much as",
    "at_least": (r"at least|no fewer than|no less than|not less than|a minimum of|minimum of"
                 r"|at a minimum"),
    "over": (r"more than|over|well over|just over|in excess of|upwards of|above|well above"
             r"|exceeding|exceeded|exceeds|exceed|greater than|topping|topped"),
    "under": r"less than|fewer than|under|just under|below|short of",
    "about": (r"about|around|roughly|some|nearly|almost|approximately|approx\.|circa|ca\.|c\."
              r"|~|≈|close to|nearer|near|an estimated|estimated|on the order of|almost reaching"
              r"|nearly reaching|reaching nearly"),
}
# The words that open a qualifier, and word beginnings that do.
QUALIFIER_OPENERS: tuple[str, ...] = tuple(
    "up no not a maximum at as least minimum more over well just in upwards above exceeding"
    " exceeded exceeds exceed greater topping topped less fewer under below short about around"
    " roughly some nearly almost approximately approx circa ca c close nearer near an estimated"
    " on reaching".split())
QUALIFIER_PREFIXES: tuple[str, ...] = ()
# Qualifiers after a figure ("10 years or more", "6,000 plus").
POST_QUALIFIERS: dict[str, str] = {
    "at_least": r"\s+or\s+more\b",
    "at_most": r"\s+or\s+(?:less|fewer)\b",
    "over": r"\s+plus\b",
}
# Verbs and nouns of a change ("rose", "a decline").
CHANGE_VERBS = (
    r"up|down|rose|risen|rising|rises|fell|fallen|falling|falls|increased|increasing|increases"
    r"|decreased|decreasing|decreases|grew|grown|growing|grows|dropped|dropping|drops|declined"
    r"|declining|jumped|surged|climbed|plunged|soared|shrank|shrunk|slumped|reduced|cut|lowered"
    r"|raised|rise|increase|decrease|drop|decline|fall|growth|jump|surge|reduction|gain"
)
# The word between a change verb and its amount ("fell by", "rise of").
CHANGE_PREPOSITIONS = r"by|of"
# One more on top of a figure ("another 200", "an additional 5").
ADDITIONAL = r"[Aa]nother|(?:an\s+)?additional"
ADDITIONAL_OPENERS: tuple[str, ...] = ("another", "an", "additional")
ADDITIONAL_PREFIXES: tuple[str, ...] = ()
# A change noun or comparative right after the figure ("a 70% increase", "7% higher").
CHANGE_AFTER = (r"increase|rise|jump|surge|drop|decrease|decline|fall|reduction|growth|hike|spike"
                r"|higher|lower|rise")
# Other words of a change in a clause ("extended", "doubled").
CHANGE_OTHER = (r"extended|extend|expanded|shortened|lengthened|went|changed|moved|doubled"
                r"|tripled|halved")
# Verbs that state a spread, not a change ("ranged from 8 to 12 years").
RANGE_VERBS = r"rang\w*|vari\w*"

# Denominator words -> the fraction they name.
FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10, "fourths": 1 / 4,
    "sixths": 1 / 6, "eighths": 1 / 8,
}
# Single words that state a multiplier, and whether they also state a change.
MULTIPLIERS: dict[str, tuple[float, bool]] = {
    "twice": (2, False), "doubled": (2, True), "doubling": (2, True), "tripled": (3, True),
    "tripling": (3, True), "quadrupled": (4, True), "halved": (0.5, True),
    "halving": (0.5, True), "double": (2, False), "triple": (3, False),
}
# The count before a denominator ("two thirds").
FRACTION_COUNTS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}
_SMALL = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
          "|thirty|forty|fifty|hundred|thousand")
_ARTICLE = r"(?:a|an|one|A|An|One)"
# Fractions and multipliers in words, as a figure of their own.
FRACTION_PATTERN = (
    rf"{_ARTICLE}[\s-]+(?:half|third|quarter|fifth|tenth)"
    r"|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]even|[Nn]ine)[\s-]+"
    r"(?:thirds|quarters|fourths|fifths|sixths|eighths|tenths)"
    r"|[Hh]alf"
    rf"|(?:[Oo]ne|1)\s+(?:in|out\s+of)\s+(?:[0-9]{{1,4}}|{_SMALL})"
    r"|[Tt]wice|[Dd]oubl(?:ed|ing)|[Tt]ripl(?:ed|ing)|[Qq]uadrupled|[Hh]alv(?:ed|ing)"
    rf"|(?:{_SMALL}|[Tt]en)fold"
    r"|(?:[Dd]ouble|[Tt]riple)(?=\s+(?:the|that|what|its|their|his|her|our|this)\b)"
)
_UNIT_WORDS = r"(?:year|month|week|day|hour|decade)"
# One of a unit of time as a figure ("a year and a half").
A_UNIT_PATTERN = (rf"(?:a|an|A|An)\s+{_UNIT_WORDS}(?:\s+and\s+a\s+half)?"
                  rf"|{_UNIT_WORDS}\s+and\s+a\s+half")
# The (lower-cased) words that open a fraction, a multiplier or a unit of time as a figure.
FRACTION_OPENERS: tuple[str, ...] = (
    "a", "an", "one", "two", "three", "four", "five", "seven", "nine", "half", "twice",
    "doubled", "doubling", "tripled", "tripling", "quadrupled", "halved", "halving",
    *(w + "fold" for w in ("one two three four five six seven eight nine ten eleven twelve "
                           "fifteen twenty thirty forty fifty hundred thousand").split()),
    "double", "triple", "year", "month", "week", "day", "hour", "decade",
)
