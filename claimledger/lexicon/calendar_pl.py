"""Polish month and weekday names in their case forms and the stems naming well-known war
events (read by ``extract.dates``)."""

from __future__ import annotations

from . import alternatives

# Nominative, genitive ("12 marca") and locative ("w marcu") of each month.
_FORMS: tuple[tuple[str, ...], ...] = (
    ("styczeń", "stycznia", "styczniu"), ("luty", "lutego", "lutym"),
    ("marzec", "marca", "marcu"), ("kwiecień", "kwietnia", "kwietniu"),
    ("maj", "maja", "maju"), ("czerwiec", "czerwca", "czerwcu"),
    ("lipiec", "lipca", "lipcu"), ("sierpień", "sierpnia", "sierpniu"),
    ("wrzesień", "września", "wrześniu"), ("październik", "października", "październiku"),
    ("listopad", "listopada", "listopadzie"), ("grudzień", "grudnia", "grudniu"),
)
MONTHS: dict[str, int] = {form: i for i, forms in enumerate(_FORMS, 1) for form in forms}
# Polish writes months in lower case; a capital only opens a sentence.
MONTH_PATTERN = alternatives([*MONTHS, *(m.capitalize() for m in MONTHS)])
WEEKDAYS: dict[str, int] = {
    "poniedziałek": 0, "wtorek": 1, "środa": 2, "środę": 2, "czwartek": 3, "piątek": 4,
    "sobota": 5, "sobotę": 5, "niedziela": 6, "niedzielę": 6,
}
WEEKDAY_PATTERN = alternatives([*WEEKDAYS, *(w.capitalize() for w in WEEKDAYS)])
EVENT_STEMS: dict[str, str] = {
    "mobilisation": r"mobilizacj",
    "crimea": r"aneksj|krym",
    "invasion": r"inwazj|wojn|agresj|napaś",
}
MONTH_WORDS = MONTH_PATTERN
MONTH_STEMS = alternatives(list(MONTHS))
