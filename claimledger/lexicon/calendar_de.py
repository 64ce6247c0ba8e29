"""German month and weekday names and the stems naming well-known war events (read by
``extract.dates``)."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3, "april": 4,
    "mai": 5, "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10,
    "november": 11, "dezember": 12,
}
# Capitalised, as German writes nouns (the names spelt as in English are matched there).
MONTH_PATTERN = r"(?:Jänner|Januar|Februar|Feber|März|Maerz|Mai|Juni|Juli|Oktober|Dezember)"
WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}
WEEKDAY_PATTERN = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
EVENT_STEMS: dict[str, str] = {
    "mobilisation": r"mobilmachung",
    "crimea": r"krim",
    "invasion": r"krieg|invasion|einmarsch|angriff|operationen|überfall",
}
MONTH_WORDS = (
    r"Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember"
)
# (the names spelt as in English are matched there)
MONTH_STEMS = r"Januar|Februar|März|Juni|Juli|Oktober|Dezember"
