"""English month and weekday names and the stems naming well-known war events (read by
``extract.dates``)."""

from __future__ import annotations

from . import alternatives

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_ABBR = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
# Lower-case month names and abbreviations -> month.
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)},
    **{k.lower(): v for k, v in _ABBR.items()},
}
# Month names are matched capitalised only ("may" is a verb); abbreviations need a dot, or stand
# before a year or as a range's start without it: "Nov 2023", "Nov to March".
MONTH_PATTERN = (
    alternatives(_MONTH_NAMES)
    + r"|(?:" + alternatives(list(_ABBR)) + r")\."
    + r"|(?:" + alternatives(list(_ABBR)) + r")(?=[ \t]+(?:1[89]|20)\d\d(?!\d)"
    + r"|[ \t]*(?:[-–]|to|and|until|till|through)[ \t]*(?=(?-i:[A-Z]))(?:" + alternatives(
        list(_ABBR) + _MONTH_NAMES) + r")(?![^\W\d_]))"
)
_WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(_WEEKDAY_NAMES)}
WEEKDAY_PATTERN = "|".join(_WEEKDAY_NAMES)
# Regex sources of the stems (matched in a lower-cased phrase) naming each well-known event.
EVENT_STEMS: dict[str, str] = {
    "mobilisation": r"mobili[sz]",
    "kursk": r"kursk",
    "crimea": r"annex|crimea",
    "invasion": r"invasion|invaded|invade|\bwar\b|hostilit|aggression|\battack|operation",
}
# Month names next to a day number, as the figure reader masks dates ("May 30", "24 February").
MONTH_WORDS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Month names that end the phrase a figure counts ("... in March"), matched in any case.
MONTH_STEMS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
