"""Ukrainian month and weekday names in their case forms and the stems naming well-known war
events (read by ``extract.dates``)."""

from __future__ import annotations

from . import alternatives

_EN = ("ень", "ня", "ні", "нем", "ню")
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("січ", _EN), ("лют", ("ий", "ого", "ому", "им")), ("берез", _EN), ("квіт", _EN),
    ("трав", _EN), ("черв", _EN), ("лип", _EN), ("серп", _EN), ("верес", _EN),
    ("жовт", _EN), ("листопад", ("", "а", "і", "ом", "у")), ("груд", _EN),
)
MONTHS: dict[str, int] = {
    stem + ending: i for i, (stem, endings) in enumerate(_STEMS, 1) for ending in endings}
MONTH_PATTERN = r"(?i:" + alternatives(list(MONTHS)) + r")"
WEEKDAYS: dict[str, int] = {
    "понеділок": 0, "понеділка": 0, "вівторок": 1, "вівторка": 1, "середа": 2, "середу": 2,
    "четвер": 3, "четверга": 3, "п'ятниця": 4, "п'ятницю": 4, "п’ятниця": 4, "п’ятницю": 4,
    "субота": 5, "суботу": 5, "неділя": 6, "неділю": 6,
}
WEEKDAY_PATTERN = r"(?i:" + alternatives(list(WEEKDAYS)) + r")"
EVENT_STEMS: dict[str, str] = {
    "mobilisation": r"мобіліз",
    "crimea": r"анекс",
    "invasion": r"вторгнен|війн|бойов|агрес|операц",
}
MONTH_WORDS = (
    r"січ(?:ня|ень|ні)|лют(?:ого|ий|ому)|берез(?:ня|ень|ні)|квіт(?:ня|ень|ні)|трав(?:ня|ень|ні)"
    r"|черв(?:ня|ень|ні)|лип(?:ня|ень|ні)|серп(?:ня|ень|ні)|верес(?:ня|ень|ні)"
    r"|жовт(?:ня|ень|ні)|листопад(?:а|і)?|груд(?:ня|ень|ні)"
)
MONTH_STEMS = (
    r"січн\w*|лют\w*|берез\w*|квітн\w*|травн\w*|червн\w*|липн\w*|серпн\w*"
    r"|вересн\w*|жовтн\w*|листопад\w*|грудн\w*"
)
