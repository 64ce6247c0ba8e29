"""Words of the counted-thing finder (``what.py``), per language.

Only words about what a figure counts: a classifier names no thing of its own ("7,242 units",
"27 560 одиниць", "64 people"), so the thing is the label before the figure ("tanks — 7,242
units", "personnel convicted of desertion – 64 people").
"""

from __future__ import annotations

import re

CLASSIFIERS: dict[str, tuple[str, ...]] = {
    "en": ("units", "unit", "pieces", "pcs", "items", "people", "persons"),
    "ru": ("единиц", "единицы", "единица", "ед", "штук", "штуки", "шт", "человек", "человека"),
    "uk": ("одиниць", "одиниці", "одиниця", "од", "штук", "штуки", "шт", "осіб", "особи", "особа"),
    "de": ("Stück", "Einheiten", "Einheit", "Stk", "Personen", "Menschen"),
}

CLASSIFIER = re.compile(
    r"(?:" + "|".join(w for words in CLASSIFIERS.values() for w in words) + r")\.?",
    re.IGNORECASE,
)

# An age: "aged 34", "a seven-year-old girl", "He was 21.", "в возрасте 30 лет", "im Alter von 30"
AGE_WORDS: dict[str, str] = {"en": "age", "ru": "возраст", "uk": "вік", "de": "Alter"}
AGE_CUE_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?:(?P<en>aged|age\s+of)|(?P<ru>в\s+возрасте)|(?P<uk>у\s+віці)|(?P<de>im\s+Alter\s+von))"
    r"\s*$",
    re.IGNORECASE,
)
AGE_ADJECTIVE = re.compile(
    r"(?P<en>(?:[\s-]years?)?[\s-]old\b)|(?P<de>-?jährige[nrms]?\b)", re.IGNORECASE
)
# "He was 21.": a person's age stated bare
AGE_OF_PERSON = re.compile(
    r"(?:^|(?<=\W))(?:he|she|they|I|we)\s+(?:was|is|were|are)\s*$|(?:^|(?<=\W))er\s+war\s*$|"
    r"(?P<ru>(?:^|(?<=\W))(?:было|исполнилось)\s*$)|(?P<uk>(?:^|(?<=\W))(?:було|виповнилося)\s*$)",
    re.IGNORECASE,
)
# words after "26-year-old" that are no noun it describes: "the 26-year-old is back"
NOT_A_NOUN = re.compile(
    r"(?:is|was|are|were|has|had|have|will|would|and|or|who|which|that|from|in|of|on|at|with|the|a|an|"
    r"ist|war|hat|und|der|die|das)$",
    re.IGNORECASE,
)

# a finite verb makes a list header a clause, not the name of the set ("the army lost equipment:")
FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|include[sd]?|lost|lose|\w+ed|ist|sind|war|waren|hat|"
    r"haben|wurden?|verlor(?:en)?)\b|[а-яёіїєґ]+(?:ют|ят|ет|ит|ут|ла|ли|ло|ться|ется|ится|ал|ил|ає|яє|ує)\b",
    re.IGNORECASE,
)

# A list label governed by the header's verb ("теряют технику: - специальную технику — 1926")
# stands in the accusative; labels name things in the nominative ("специальная техника"), as the
# other items of the list do. Feminine singular endings, accusative -> nominative.
ACCUSATIVE_LABEL = re.compile(r"[а-яёіїєґ]+(?:ую|юю|ну|ьну)$", re.IGNORECASE)
NOMINATIVE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ую", "ая"),
    ("юю", "яя"),
    ("у", "а"),
    ("ю", "я"),
)
