"""Russian month and weekday names in their case forms and the stems naming well-known war
events (read by ``extract.dates``)."""

from __future__ import annotations

from . import alternatives

_SOFT = ("ь", "я", "е", "ю", "ём", "ем")
_HARD = ("", "а", "е", "у", "ом")
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("январ", _SOFT), ("феврал", _SOFT), ("март", _HARD), ("апрел", _SOFT),
    ("ма", ("й", "я", "е", "ем")), ("июн", _SOFT), ("июл", _SOFT), ("август", _HARD),
    ("сентябр", _SOFT), ("октябр", _SOFT), ("ноябр", _SOFT), ("декабр", _SOFT),
)
MONTHS: dict[str, int] = {
    stem + ending: i for i, (stem, endings) in enumerate(_STEMS, 1) for ending in endings}
MONTH_PATTERN = r"(?i:" + alternatives(list(MONTHS)) + r")"
WEEKDAYS: dict[str, int] = {
    "понедельник": 0, "вторник": 1, "среда": 2, "среду": 2, "четверг": 3, "пятница": 4,
    "пятницу": 4, "суббота": 5, "субботу": 5, "воскресенье": 6,
}
WEEKDAY_PATTERN = r"(?i:" + alternatives(list(WEEKDAYS)) + r")"
EVENT_STEMS: dict[str, str] = {
    "mobilisation": r"мобилиз",
    "kursk": r"курск",
    "crimea": r"аннекс",
    "invasion": r"вторжени|войн|боев|агресс|сво\b|спецоперац|операц",
}
MONTH_WORDS = (
    r"январ[яьюе]|феврал[яьюе]|марта?|марте|апрел[яьюе]|ма[яйе]|июн[яьюе]|июл[яьюе]"
    r"|августа?|августе|сентябр[яьюе]|октябр[яьюе]|ноябр[яьюе]|декабр[яьюе]"
)
MONTH_STEMS = (
    r"январ\w*|феврал\w*|марта?|апрел\w*|мая|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*"
    r"|ноябр\w*|декабр\w*"
)
