"""Unit symbols written the same in every language ("%", "$", "km", "kg"): the part of each unit
that needs no lexicon. Each language's words for a unit are ``UNITS`` of its
``quantities_<language>`` module under the same key; ``extract.quantity_lexicon`` joins them.
"""

from __future__ import annotations

# Unit key -> regex source of its symbols, matched right after a figure.
SYMBOLS: dict[str, str] = {
    "percent": r"\s?%",
    "USD": r"\s?USD\b|\s?\$",
    "EUR": r"\s?EUR\b|\s?€",
    "GBP": r"\s?GBP\b|\s?£",
    "RUB": r"\s?RUB\b|\s?₽",
    "UAH": r"\s?UAH\b|\s?₴",
    "CNY": r"\s?(?:CNY|RMB)\b",
    "CHF": r"\s?CHF(?!\w)",
    "JPY": r"\s?JPY(?!\w)|\s?¥",
    "PLN": r"\s?PLN(?!\w)",
    "INR": r"\s?INR(?!\w)|\s?₹",
    "MUSD": r"\s?MUSD\b",
    "MEUR": r"\s?MEUR\b",
    "TEUR": r"\s?(?:TEUR|kEUR)\b",
    "hour": r"h(?![\w/])",
    "mi2": r"\s?(?:mi²|mi2)(?!\w)",
    "m2": r"\s?(?:m²|m2)(?!\w)",
    "m3": r"\s?(?:m³|m3)(?!\w)",
    "km2": r"\s?(?:km²|km2)(?!\w)",
    "km/h": r"\s?km/h(?!\w)",
    "km": r"[\s-]?km(?!\w)",
    "mg": r"\s?mg(?!\w)",
    "mm": r"[\s-]?mm(?!\w)",
    "cm": r"[\s-]?cm(?!\w)",
    "m": r"[\s-]?m(?![\w/])",
    "kg": r"[\s-]?kg(?!\w)",
    "t": r"[\s-]?t(?!\w)",
    "MW": r"\s?MW(?!\w)",
    "GW": r"\s?GW(?!\w)",
    "kWh": r"\s?kWh(?!\w)",
    "MWh": r"\s?MWh(?!\w)",
    "kW": r"\s?kW(?!\w)",
    "TB": r"\s?TB(?!\w)",
    "GB": r"\s?GB(?!\w)",
    "MB": r"\s?MB(?!\w)",
    "ml": r"\s?ml(?!\w)",
    "oz": r"\s?oz(?!\w)",
    "ha": r"\s?ha(?!\w)",
    "degree": r"\s?°\s?[CF]?|\s[CF](?=[ \t]*(?:\n|$))",
}
