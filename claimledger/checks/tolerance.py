"""What a written figure stands for: the interval of values its words and digits allow.

An exact figure stands for the interval its written digits round to ("88.4" → [88.35, 88.45));
a figure with approx ``about`` stands for half a unit of its last significant digit ("around 30"
→ [25, 35); "about 1,000" → [500, 1500)). One-sided qualifiers ("over", "at least", "up to") are
bounds on one side and reach one unit of the last significant digit on the other: a writer who
says "over 3,000" would have said "over 4,000" had the figure been that high.

Intervals are closed here; the half-open ends of rounding matter only on exact ties.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Quantity

# Relative half-width of a fraction in words ("a third", "half"): words round coarsely.
WORD_FRACTION_REL = 0.10
# Relative half-width of an approximate fraction in words ("nearly half", "about a third").
WORD_FRACTION_ABOUT_REL = 0.15
# How far a one-sided fraction in words reaches ("more than half" → [0.5, 0.6)).
WORD_FRACTION_ONE_SIDED_REL = 0.20
# Relative slack for float noise when testing whether value/digits is a power of ten.
POWER_OF_TEN_SLACK = 1e-6

_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Interval:
    """A closed range of values ``[lo, hi]``; ``hi`` may be ``math.inf``."""

    lo: float
    hi: float

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient of two non-negative intervals (the divisor's low end above zero)."""
        lo = self.lo / other.hi if other.hi != math.inf else 0.0
        hi = self.hi / other.lo if other.lo > 0 else math.inf
        return Interval(lo, hi)

    def scale(self, factor: float) -> Interval:
        """This interval multiplied by a positive constant."""
        return Interval(self.lo * factor, self.hi * factor)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        return max(self.lo, other.lo) <= min(self.hi, other.hi)

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the interval."""
        return self.lo <= x <= self.hi


def total(intervals: list[Interval]) -> Interval:
    """The interval of the sum of values drawn from each interval."""
    return Interval(sum(i.lo for i in intervals), sum(i.hi for i in intervals))


def written_unit(text: str, value: float) -> float | None:
    """The place value of the last written digit of ``text`` (``"88.4"`` → 0.1).

    The digits of the span are read as one integer and compared with ``value``: their ratio is
    the place value (1.2 million → 100,000; "20 538" → 1; "88,4 %" → 0.1). None when the span
    has no digits or they do not spell the value (fractions such as "2½").
    """
    digits = "".join(_DIGITS.findall(text))
    if not digits or value == 0:
        return None
    mantissa = int(digits)
    if mantissa == 0:
        return None
    ratio = abs(value) / mantissa
    exponent = round(math.log10(ratio))
    if abs(ratio / 10.0**exponent - 1) > POWER_OF_TEN_SLACK:
        return None
    return 10.0**exponent


def significant_unit(value: float, unit: float | None = None) -> float:
    """The place value of the last significant (non-zero) digit of ``value``.

    ``unit`` is the place value of the last written digit when known; trailing zeros of the
    integer part are not significant ("1,000" → 1,000), written decimals are ("8.0" → 0.1).
    """
    if value == 0:
        return unit or 1.0
    if unit is None:
        unit = 1.0
        while unit > 1e-9 and abs(value / unit - round(value / unit)) > POWER_OF_TEN_SLACK:
            unit /= 10
    if unit < 1:
        return unit
    steps = round(abs(value) / unit)
    while steps and steps % 10 == 0:
        steps //= 10
        unit *= 10
    return unit


def _is_word_fraction(q: Quantity) -> bool:
    return q.kind == "ratio" and 0 < q.value < 1 and not _DIGITS.search(q.text)


def _word_fraction_interval(q: Quantity) -> Interval:
    v = q.value
    if q.approx == "about":
        return Interval(v * (1 - WORD_FRACTION_ABOUT_REL), v * (1 + WORD_FRACTION_ABOUT_REL))
    if q.approx in ("over", "at_least"):
        return Interval(v, v * (1 + WORD_FRACTION_ONE_SIDED_REL))
    if q.approx in ("under", "at_most"):
        return Interval(v * (1 - WORD_FRACTION_ONE_SIDED_REL), v)
    return Interval(v * (1 - WORD_FRACTION_REL), v * (1 + WORD_FRACTION_REL))


def value_interval(value: float, approx: str, written: float | None) -> Interval:
    """The interval a single stated value stands for, given its qualifier and written unit."""
    sig = significant_unit(value, written)
    if approx == "about":
        return Interval(value - sig / 2, value + sig / 2)
    if approx in ("over", "at_least"):
        return Interval(value, value + sig)
    if approx in ("under", "at_most"):
        return Interval(max(value - sig, 0.0) if value >= 0 else value - sig, value)
    half = (written if written is not None else significant_unit(value)) / 2
    return Interval(value - half, value + half)


def interval_of(q: Quantity) -> Interval:
    """The interval of values the quantity ``q`` stands for (see the module docstring)."""
    if _is_word_fraction(q):
        return _word_fraction_interval(q)
    written = written_unit(q.text, q.value) if q.value_high is None else None
    if q.value_high is not None:
        high_unit = significant_unit(q.value_high)
        low = value_interval(q.value, "exact", None)
        high = value_interval(q.value_high, "exact", high_unit)
        return Interval(low.lo, high.hi)
    return value_interval(q.value, q.approx, written)


def one_digit_variants(q: Quantity) -> list[tuple[float, Interval]]:
    """The values ``q`` would have with one written digit changed, each with its interval.

    Used to tell a likely slip of one digit ("7,044" for "8,044") from a list that simply
    leaves figures out. Empty for figures whose digits do not spell their value.
    """
    if q.value_high is not None or q.value <= 0:
        return []
    written = written_unit(q.text, q.value)
    if written is None:
        return []
    steps = round(q.value / written)
    out: list[tuple[float, Interval]] = []
    place = 1
    while place <= steps:
        digit = (steps // place) % 10
        for new in range(10):
            if new == digit or (new == 0 and place * 10 > steps):
                continue
            value = (steps + (new - digit) * place) * written
            out.append((value, value_interval(value, q.approx, written)))
        place *= 10
    return out
