"""Words of the counted-thing finder (``what.py``), per language.

Only words about what a figure counts: a classifier names no thing of its own ("7,242 units",
"27 560 одиниць"), so the thing is the label before the figure ("tanks — 7,242 units").
"""

from __future__ import annotations

import re

CLASSIFIERS: dict[str, tuple[str, ...]] = {
    "en": ("units", "unit", "pieces", "pcs", "items"),
    "ru": ("единиц", "единицы", "единица", "ед", "штук", "штуки", "шт"),
    "uk": ("одиниць", "одиниці", "одиниця", "од", "штук", "штуки", "шт"),
    "de": ("Stück", "Einheiten", "Einheit", "Stk"),
}

CLASSIFIER = re.compile(
    r"(?:" + "|".join(w for words in CLASSIFIERS.values() for w in words) + r")\.?",
    re.IGNORECASE,
)
