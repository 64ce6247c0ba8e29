"""What a figure states about a reference series: a total, a period's sum or a daily mean.

A figure is a running *total* (its value on a day), unless its period is a span of days after
the series begins (one month, one week): then it is the *sum* of the span's daily increments,
or their *mean* when its words say so ("an average of 1,000 a day", "в среднем", "у середньому",
"durchschnittlich", "pro Tag"). A figure whose words frame it as one month's losses but whose
period names no month is *month_unknown*: it cannot be compared with any day.

Open-ended figures allow what their bound plausibly rounds: "over 288" fits 288 to about 317
(a tenth above, or one unit of its last significant digit), never a total ten times larger.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..store.base import ClaimRow
from .series import date_bounds

FrameKind = Literal["total", "sum", "mean", "month_unknown"]

OPEN_SHARE = 0.1  # an open bound rounds a true value at most this share beyond it
MIN_WORDS_ROUNDED = 100  # a figure this large written in words is round ("a thousand")

# cue words, per language, lower case; a cue matches at the start of a word
_MEAN_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "average",
        "averag",
        "on average",
        "per day",
        "a day",
        "each day",
        "every day",
        "daily",
        "per-day",
        "a-day",
        "mean",
    ),
    "ru": (
        "в среднем",
        "среднем",
        "средн",
        "в день",
        "в сутки",
        "ежедневн",
        "ежесуточн",
        "каждый день",
        "среднесуточн",
    ),
    "uk": (
        "в середньому",
        "у середньому",
        "середн",
        "на день",
        "на добу",
        "щодня",
        "щоденн",
        "щодоби",
        "щодобов",
        "середньодобов",
        "кожного дня",
        "кожен день",
    ),
    "de": (
        "durchschnitt",
        "im schnitt",
        "pro tag",
        "am tag",
        "je tag",
        "täglich",
        "tagesdurchschnitt",
        "tagesschnitt",
        "jeden tag",
    ),
}
_MONTH_CUES: dict[str, tuple[str, ...]] = {
    "en": ("month", "monthly"),
    "ru": ("месяц", "ежемесячн"),
    "uk": ("місяц", "місяч", "щомісяч"),
    "de": ("monat", "monatlich"),
}
_CLAUSE = re.compile(r"[.;:!?()\[\]\n]|,\s|\s[–—-]\s")


def _cue_pattern(cues: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    words = sorted({c for lang in cues.values() for c in lang}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


MEAN_CUE = _cue_pattern(_MEAN_CUES)
MONTH_CUE = _cue_pattern(_MONTH_CUES)


@dataclass(frozen=True)
class Frame:
    """What a figure is compared with: ``kind`` over ``first`` .. ``last`` (ISO days)."""

    kind: FrameKind
    first: str | None = None
    last: str | None = None

    @property
    def days(self) -> int:
        if self.first is None or self.last is None:
            return 0
        return (date.fromisoformat(self.last) - date.fromisoformat(self.first)).days + 1


def has_month_cue(text: str) -> bool:
    """Whether ``text`` frames a figure as one month's ("in a month", "за місяць", "im Monat"),
    not a count of months ("30 months of war", "за 30 місяців")."""
    return any(
        not re.search(r"\d[\d\s.,]*$", text[max(0, m.start() - 12) : m.start()])
        for m in MONTH_CUE.finditer(text)
    )


def clause(text: str | None, start: int, end: int) -> str:
    """The clause of ``text`` around the span ``start``..``end`` (between commas, stops,
    brackets and dashes), or "" when there is no text."""
    if not text or start < 0 or end > len(text) or start > end:
        return ""
    before = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    after = _CLAUSE.search(text, end)
    return text[(before[-1] if before else 0) : (after.start() if after else len(text))]


def frame_of(claim: ClaimRow, series_start: str | None, context: str = "") -> Frame:
    """The frame of ``claim``: a span after ``series_start`` is a sum or a mean; a month's
    figure with no month is month_unknown; anything else is a total (or its day's change)."""
    words = " ".join(w for w in (claim.text, claim.what or "", context) if w)
    month_cue = has_month_cue(claim.what or "")
    first = date_bounds(claim.period_from) if claim.period_from else None
    last = date_bounds(claim.period_to) if claim.period_to else None
    span: tuple[date, date] | None = None
    if first and last:
        span = (first[0], last[1])
    elif last and month_cue and claim.period_to and len(claim.period_to) == len("2024-08"):
        span = last  # "in the month of August": the month itself
    if (
        span is not None
        and series_start is not None
        and span[0].isoformat() > series_start
        and span[1] > span[0]
    ):
        kind: FrameKind = "mean" if MEAN_CUE.search(words) else "sum"
        return Frame(kind, span[0].isoformat(), span[1].isoformat())
    if month_cue:
        return Frame("month_unknown")
    return Frame("total")


def _unit(value: float) -> float:
    """One unit of the last significant digit of ``value`` (288 -> 1, 47,000 -> 1,000)."""
    v = abs(value)
    if v == 0 or not math.isfinite(v):
        return 1.0
    text = f"{v:.6f}".rstrip("0")
    if not text.endswith("."):
        return 10.0 ** -(len(text) - text.index(".") - 1)
    digits = text[:-1]
    return 10.0 ** (len(digits) - len(digits.rstrip("0")))


def open_width(value: float) -> float:
    """How far beyond an open bound its true value plausibly lies: a tenth of it, or a unit
    of its last significant digit (half of it for a round figure of one digit: "over 1,000"
    reaches 1,500, "over 47,000" 51,700, "over 288" about 317)."""
    unit = _unit(value)
    significant = len(f"{abs(value) / unit:.0f}")
    if significant == 1:
        unit /= 2
    return max(OPEN_SHARE * abs(value), unit)


def half_unit(value: float) -> float:
    """Half a unit of the last significant digit ("1,270" -> 5; "1,000" -> 500)."""
    return _unit(value) / 2


def in_round_words(claim: ClaimRow) -> bool:
    """Whether a large figure is written in words ("a thousand", "півтори тисячі",
    "anderthalb Tausend"): a round figure by its nature, like "about"."""
    return abs(claim.value) >= MIN_WORDS_ROUNDED and not any(ch.isdigit() for ch in claim.text)


def claim_interval(claim: ClaimRow, rounded: bool = False) -> tuple[float, float]:
    """The values a figure allows: its range, widened by "about" (or ``rounded``: a mean is
    rarely a whole number) by half a unit of its last digit, an open bound and a large figure
    in words by ``open_width``."""
    lo = claim.value
    hi = claim.value if claim.value_high is None else claim.value_high
    if claim.approx == "exact" and in_round_words(claim):
        return lo - open_width(lo), hi + open_width(hi)
    if claim.approx == "about" or (rounded and claim.approx == "exact"):
        return lo - half_unit(lo), hi + half_unit(hi)
    if claim.approx in ("over", "at_least"):
        return lo, hi + open_width(hi)
    if claim.approx in ("under", "at_most"):
        return lo - open_width(lo), hi
    return lo, hi
