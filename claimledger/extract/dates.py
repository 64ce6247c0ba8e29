"""Calendar vocabulary and date arithmetic for the times extractor.

Month and weekday names of every language with a lexicon (``lexicon.calendar_<language>``),
well-known war events with their dates, the partial-date value type, and the rules that resolve
relative expressions ("last October", "on Friday", "June 9") against a document's publication
date. Nothing here looks at today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..lexicon import alternation, by_language, merged

# A month without a year named up to this many months after publication is read as this year's
# when the sentence speaks of the future ("will hold the exercise in September" in March);
# further ahead it is last year's ("in December").
FUTURE_MONTHS_WINDOW = 6
# The same for a sentence with no word of the future: a month this near ahead is this year's
# ("by June 1" in April), one further ahead is last year's ("in September" in April, told in
# the past tense).
NEAR_MONTHS_WINDOW = 3
# A numeric day without a year ("02/08") is trusted only this close to the publication date.
NUMERIC_DAY_WINDOW_DAYS = 60
# Publication years outside this range are treated as unknown (keeps date arithmetic in range).
PUBLISHED_YEARS = (1000, 9000)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day. ``year`` None means not resolvable."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        """ISO partial date ("2025", "2025-05", "2025-05-30"), or None without a year."""
        if self.year is None or not 1 <= self.year <= 9999:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# --- month names ---------------------------------------------------------------------------

# Lower-case month names and abbreviations of every language -> month (1-12).
MONTHS: dict[str, int] = merged("calendar", "MONTHS")
# Any language's month name, as each language writes it, ending at the word's end.
MONTH_RE = r"(?:" + alternation("calendar", "MONTH_PATTERN") + r")(?![^\W\d_])"


def month_number(word: str) -> int | None:
    """The month (1-12) a month name or abbreviation in any of the four languages stands for."""
    return MONTHS.get(word.strip().rstrip(".").lower())


# --- weekdays ------------------------------------------------------------------------------

# Lower-case weekday names of every language -> weekday (Monday 0).
WEEKDAYS: dict[str, int] = merged("calendar", "WEEKDAYS")
WEEKDAY_RE = r"(?:" + alternation("calendar", "WEEKDAY_PATTERN") + r")(?![^\W\d_])"


# --- well-known events -------------------------------------------------------------------

INVASION = PartialDate(2022, 2, 24)  # start of Russia's full-scale invasion of Ukraine
MOBILISATION = PartialDate(2022, 9, 21)  # Russia's "partial mobilisation" decree
# Ukraine's cross-border offensive into Kursk oblast (6 August 2024): reports and the gold
# date it to the month, as its first days were reported piecemeal
KURSK_INCURSION = PartialDate(2024, 8)
CRIMEA_ANNEXATION = PartialDate(2014, 2, 27)  # seizure of Crimea, start of the war in 2014

_EVENTS: dict[str, PartialDate] = {
    "mobilisation": MOBILISATION, "kursk": KURSK_INCURSION, "crimea": CRIMEA_ANNEXATION,
    "invasion": INVASION,
}


def _event_keywords() -> tuple[tuple[re.Pattern[str], PartialDate], ...]:
    stems = by_language("calendar", "EVENT_STEMS").values()
    return tuple(
        (re.compile("|".join(table[event] for table in stems if event in table)), date)
        for event, date in _EVENTS.items())


# Keyword stems naming each event (every language's), matched inside an event phrase
# (lower-cased).
EVENT_KEYWORDS: tuple[tuple[re.Pattern[str], PartialDate], ...] = _event_keywords()


def event_date(phrase: str) -> PartialDate | None:
    """The date of the well-known event a phrase names ("the full-scale invasion"), if any."""
    low = phrase.lower()
    for pattern, date in EVENT_KEYWORDS:
        if pattern.search(low):
            return date
    return None


# --- arithmetic ----------------------------------------------------------------------------


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or not an ISO date."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    if not PUBLISHED_YEARS[0] <= int(m.group(1)) <= PUBLISHED_YEARS[1]:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """True when the day exists in the month (any leap year when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2024, month)[1]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def year_for_month(month: int, pub: dt.date | None, future: bool = True) -> int | None:
    """The year of a month named without one, read from the publication date (``future``: the
    sentence speaks of what is to come, so the month may lie further ahead)."""
    if pub is None:
        return None
    ahead = (month - pub.month) % 12
    window = FUTURE_MONTHS_WINDOW if future else NEAR_MONTHS_WINDOW
    if month > pub.month and ahead > window:
        return pub.year - 1
    return pub.year


def last_month_named(month: int, pub: dt.date | None) -> int | None:
    """The year of "last <month>": the latest such month strictly before publication."""
    if pub is None:
        return None
    return pub.year if month < pub.month else pub.year - 1


def last_weekday(weekday: int, pub: dt.date | None) -> PartialDate:
    """The latest given weekday on or before publication ("on Friday")."""
    if pub is None:
        return PartialDate(None)
    day = pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)
    return PartialDate(day.year, day.month, day.day)


def days_before(pub: dt.date | None, days: int) -> PartialDate:
    """The day ``days`` before publication."""
    if pub is None:
        return PartialDate(None)
    try:
        day = pub - dt.timedelta(days=days)
    except OverflowError:
        return PartialDate(None)
    return PartialDate(day.year, day.month, day.day)


def numeric_day_near(pub: dt.date | None, month: int, day: int) -> PartialDate | None:
    """A day and month without a year, when it falls close to publication (else None)."""
    if pub is None:
        return None
    for year in (pub.year, pub.year - 1, pub.year + 1):
        if valid_day(year, month, day):
            gap = abs((dt.date(year, month, day) - pub).days)
            if gap <= NUMERIC_DAY_WINDOW_DAYS:
                return PartialDate(year, month, day)
    return None


def minus_one_unit(date: PartialDate) -> PartialDate:
    """The unit just before a date at its own precision ("before 2023" ends in 2022)."""
    if date.year is None:
        return date
    if date.month is None:
        return PartialDate(date.year - 1)
    if date.day is None:
        y, m = shift_month(date.year, date.month, -1)
        return PartialDate(y, m)
    try:
        day = dt.date(date.year, date.month, date.day) - dt.timedelta(days=1)
    except (ValueError, OverflowError):
        return PartialDate(None)
    return PartialDate(day.year, day.month, day.day)


def two_digit_year(text: str) -> int:
    """A year written with two or four digits (two digits read as 20xx)."""
    value = int(text)
    return 2000 + value if value < 100 else value

