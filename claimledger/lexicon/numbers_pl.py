"""Polish number words in the cases a number takes, scale words and their abbreviations
("tys.", "mln", "mld"), read by ``extract.numbers``."""

from __future__ import annotations

from . import inflected

PL_FORMS: dict[float, tuple[str, ...]] = {
    1: ("jeden", "jedna", "jedno", "jednego", "jednej", "jednemu", "jednym", "jedną"),
    1.5: ("półtora", "półtorej"),
    2: ("dwa", "dwie", "dwóch", "dwu", "dwom", "dwoma", "dwiema"),
    3: ("trzy", "trzech", "trzem", "trzema"), 4: ("cztery", "czterech", "czterem", "czterema"),
    5: ("pięć", "pięciu", "pięcioma"), 6: ("sześć", "sześciu", "sześcioma"),
    7: ("siedem", "siedmiu", "siedmioma"), 8: ("osiem", "ośmiu", "ośmioma"),
    9: ("dziewięć", "dziewięciu", "dziewięcioma"), 10: ("dziesięć", "dziesięciu", "dziesięcioma"),
    11: ("jedenaście", "jedenastu"), 12: ("dwanaście", "dwunastu"),
    13: ("trzynaście", "trzynastu"), 14: ("czternaście", "czternastu"),
    15: ("piętnaście", "piętnastu"), 16: ("szesnaście", "szesnastu"),
    17: ("siedemnaście", "siedemnastu"), 18: ("osiemnaście", "osiemnastu"),
    19: ("dziewiętnaście", "dziewiętnastu"), 20: ("dwadzieścia", "dwudziestu"),
    30: ("trzydzieści", "trzydziestu"), 40: ("czterdzieści", "czterdziestu"),
    50: ("pięćdziesiąt", "pięćdziesięciu"), 60: ("sześćdziesiąt", "sześćdziesięciu"),
    70: ("siedemdziesiąt", "siedemdziesięciu"), 80: ("osiemdziesiąt", "osiemdziesięciu"),
    90: ("dziewięćdziesiąt", "dziewięćdziesięciu"), 100: ("sto", "stu"),
    200: ("dwieście", "dwustu"), 300: ("trzysta", "trzystu"), 400: ("czterysta", "czterystu"),
    500: ("pięćset", "pięciuset"), 600: ("sześćset", "sześciuset"),
    700: ("siedemset", "siedmiuset"), 800: ("osiemset", "ośmiuset"),
    900: ("dziewięćset", "dziewięciuset"),
}
PL_SCALE_FORMS: dict[float, tuple[str, ...]] = {
    1e3: ("tysiąc", "tysiące", "tysięcy", "tysiąca", "tysiącem", "tysiącach", "tysiącami",
          "tys."),
    1e6: ("milion", "miliony", "milionów", "miliona", "milionem", "milionach", "mln"),
    1e9: ("miliard", "miliardy", "miliardów", "miliarda", "miliardem", "mld"),
    1e12: ("bilion", "biliony", "bilionów", "biliona"),
}

CARDINALS: dict[str, float] = inflected(PL_FORMS)
SCALES: dict[str, float] = inflected(PL_SCALE_FORMS)
# Magnitude words that may follow digits ("3 tys.", "2,5 mln", "40 mld").
MAGNITUDES: dict[str, float] = {**inflected(PL_SCALE_FORMS), "tys": 1e3}
# Polish joins no parts of a number with a word ("dwieście pięć").
CONNECTORS: tuple[str, ...] = ()
