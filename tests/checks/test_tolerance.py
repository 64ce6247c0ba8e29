"""What a written figure stands for: intervals from written digits and qualifiers."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from claimledger.checks.tolerance import (
    Interval,
    interval_of,
    one_digit_variants,
    significant_unit,
    written_unit,
)
from claimledger.model import Quantity


def _q(text: str, value: float, **kw: object) -> Quantity:
    return Quantity(start=0, end=len(text), text=text, value=value, **kw)  # type: ignore[arg-type]


def test_exact_decimal_stands_for_its_rounding_interval() -> None:
    iv = interval_of(_q("88.4%", 88.4, kind="percent"))
    assert math.isclose(iv.lo, 88.35) and math.isclose(iv.hi, 88.45)


def test_decimal_comma_and_space_separators_give_the_same_precision() -> None:
    assert written_unit("88,4 %", 88.4) == 0.1
    assert written_unit("20 538", 20538) == 1
    assert written_unit("4.000", 4000) == 1


def test_magnitude_words_scale_the_last_written_digit() -> None:
    assert written_unit("1.2 million", 1_200_000) == 100_000
    assert written_unit("$3.5bn", 3_500_000_000) == 100_000_000


def test_about_uses_half_a_unit_of_the_last_significant_digit() -> None:
    assert interval_of(_q("30", 30, approx="about")) == Interval(25, 35)
    assert interval_of(_q("1,000", 1000, approx="about")) == Interval(500, 1500)
    assert interval_of(_q("11,000", 11000, approx="about")) == Interval(10500, 11500)


def test_over_reaches_up_one_unit_of_the_last_significant_digit() -> None:
    assert interval_of(_q("3,000", 3000, approx="over")) == Interval(3000, 4000)
    assert interval_of(_q("8,044", 8044, approx="at_least")) == Interval(8044, 8045)


def test_up_to_is_a_ceiling() -> None:
    iv = interval_of(_q("10", 10, approx="at_most", kind="duration", unit="year"))
    assert iv.hi == 10 and iv.lo < 10


def test_fraction_in_words_has_a_relative_tolerance() -> None:
    iv = interval_of(_q("a third", 0.3333, kind="ratio"))
    assert iv.contains(0.31) and iv.contains(0.36) and not iv.contains(0.25)


def test_multiplier_in_words_rounds_like_a_written_digit() -> None:
    iv = interval_of(_q("nine-fold", 9, kind="ratio", approx="about", change=True))
    assert iv == Interval(8.5, 9.5)


def test_range_covers_both_ends() -> None:
    iv = interval_of(_q("10-15%", 10, kind="percent", value_high=15))
    assert iv.lo <= 10 and iv.hi >= 15


def test_significant_unit_ignores_trailing_zeros_of_integers_only() -> None:
    assert significant_unit(20000) == 10000
    assert significant_unit(8.0, 0.1) == 0.1


def test_one_digit_variants_include_the_neighbouring_typo() -> None:
    values = {v for v, _ in one_digit_variants(_q("7,044", 7044))}
    assert 8044 in values and 7045 in values and 7044 not in values


@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=0, max_value=3))
def test_a_value_lies_in_the_interval_of_its_own_rounding(raw: int, places: int) -> None:
    exact = Decimal(raw) / (Decimal(10) ** 3)
    written = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if written == 0:
        return
    text = f"{written:,}"
    iv = interval_of(_q(text, float(written)))
    assert iv.lo - 1e-9 <= float(exact) <= iv.hi + 1e-9
    assert math.isclose(iv.hi - iv.lo, 10.0**-places, rel_tol=1e-6)


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=6))
def test_about_a_round_figure_spans_one_unit_of_its_leading_digit(lead: int, zeros: int) -> None:
    value = lead * 10**zeros
    iv = interval_of(_q(f"{value:,}", value, approx="about"))
    assert math.isclose(iv.hi - iv.lo, 10**zeros)
    assert iv.contains(value)


@given(
    st.floats(min_value=0, max_value=1e6), st.floats(min_value=0, max_value=1e6),
    st.floats(min_value=1, max_value=1e6), st.floats(min_value=0, max_value=1e6),
)
def test_interval_quotient_contains_every_quotient_of_members(
    a: float, da: float, b: float, db: float
) -> None:
    num, den = Interval(a, a + da), Interval(b, b + db)
    q = num / den
    for x in (num.lo, num.hi):
        for y in (den.lo, den.hi):
            assert q.lo * (1 - 1e-12) <= x / y <= q.hi * (1 + 1e-12)
