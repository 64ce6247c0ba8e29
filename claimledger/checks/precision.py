"""The precision a figure is written with: the values it stands for, and slips of the pen.

ACROSS.md's rules: a figure stands for the interval its written digits round to ("684" ->
[683.5, 684.5), "7,400" -> [7350, 7450), an integer's trailing zeros not significant), "about"
widens it, "over"/"under" open it; two figures of one statement disagree when their intervals
do not overlap. A relay may also drop, add, change or swap a digit ("684" as "64").
"""

from __future__ import annotations

import math
import re

from ..store.base import ClaimRow

OPEN_BOUND_SHARE = 0.1  # "over X" is relayed as at most this share above X (or a digit's unit)
MIN_SLIP_DIGITS = 2  # digit strings shorter than this are no evidence of one statement

_NUMBER = re.compile(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?")


def written_interval(claim: ClaimRow) -> tuple[float, float]:
    """The values a written figure stands for (ACROSS.md): the interval its written digits
    round to, an integer's trailing zeros not significant; "about" widens it to a unit of the
    last significant digit; "over"/"at least" open it upwards, "under"/"up to" downwards."""
    v, hi = claim.value, claim.value_high
    if not math.isfinite(v):
        return (v, v)
    if hi is not None and math.isfinite(hi):
        return (min(v, hi), max(v, hi))
    if claim.approx in ("over", "at_least"):
        return (v, math.inf)
    if claim.approx in ("under", "at_most"):
        return (-math.inf, v)
    number = re.search(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?", claim.text)
    digits = re.sub(r"\D", "", number.group(0)) if number else ""
    n = int(digits) if digits else 0
    if n and v:
        unit = abs(v) / n
        if claim.approx == "about" or unit >= 1:
            unit *= 10 ** (len(digits) - len(digits.rstrip("0")))
    else:  # a number in words: a quarter of its leading digit's unit either side
        unit = 10 ** math.floor(math.log10(abs(v))) / 2 if v else 1.0
        if claim.approx == "about":
            unit *= 2
    return (v - unit / 2, v + unit / 2)


def relay_interval(claim: ClaimRow) -> tuple[float, float]:
    """The values a relay of a figure can plausibly state: its written interval, with an open
    bound ("over 6,000") closed at the next rounding step (``OPEN_BOUND_SHARE`` of the value
    or one unit of its last significant digit, whichever is more): "over 6,000" is relayed
    as 6,000 to 7,000, not as 11,000."""
    lo, hi = written_interval(claim)
    v = claim.value
    if math.isfinite(lo) and math.isfinite(hi) or not math.isfinite(v):
        return lo, hi
    zeros = 0
    digits = written_digits(claim)
    if digits and float(v).is_integer():
        zeros = len(digits) - len(digits.rstrip("0"))
    unit = abs(v) / int(digits) * 10 ** zeros if digits and int(digits) else abs(v)
    step = max(unit, OPEN_BOUND_SHARE * abs(v), 1e-9)
    return (lo, v + step) if math.isinf(hi) else (v - step, hi)


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def significant_digits(claim: ClaimRow) -> int:
    """How many significant digits the figure is written with ("7,400" 2, "496" 3, "88.4" 3)."""
    number = re.search(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?", claim.text)
    if not number:
        return 1
    digits = re.sub(r"\D", "", number.group(0)).lstrip("0")
    if float(claim.value).is_integer():
        digits = digits.rstrip("0")
    return max(1, len(digits))


def written_digits(claim: ClaimRow) -> str:
    """The digits a figure is written with ("7 400" -> "7400"); empty for a number in words."""
    number = _NUMBER.search(claim.text)
    return re.sub(r"\D", "", number.group(0)) if number else ""


def one_slip(a: str, b: str) -> bool:
    """Whether two digit strings differ by one slip of the pen: a digit dropped, added or
    changed, or two neighbours swapped ("684"/"64", "20538"/"20583"); never for one digit."""
    if a == b or min(len(a), len(b)) < MIN_SLIP_DIGITS:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
