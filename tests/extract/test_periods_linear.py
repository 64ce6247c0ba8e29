"""Periods in sentences of very many figures and times (issue 15): linear, and still right.

A soup of "+N" increments beside year-like totals ("1926 (+8) " * 4000) made period assignment
cubic (every figure weighed every time, with a clause-break search to each: 40 KB took 555 s);
each figure now weighs the times nearest it, and figures between two points are found by
bisection.
"""

from __future__ import annotations

import time

import pytest
from runaway import RUNAWAY_SECONDS

import claimledger

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@pytest.mark.parametrize(
    "unit",
    [
        "1926 (+8) ",  # a tally beside each year-like total: 40 KB took 555 s
        "up 5% from 2023 ",  # a change and its base time
        "of them 5 ",  # an anaphor beside each figure
        "said on Monday 5 ",  # statement dates
        "5 times more than 1926 ",  # multipliers with a time after
    ],
)
def test_soups_of_figures_and_times_run_in_bounded_time(unit: str) -> None:
    text = unit * (40_000 // len(unit))
    t0 = time.perf_counter()
    analysis = claimledger.analyze(text, published="2025-01-01")
    assert time.perf_counter() - t0 < RUNAWAY_SECONDS
    assert analysis.quantities


def test_a_year_opening_a_sentence_of_thousands_of_figures() -> None:
    t0 = time.perf_counter()
    analysis = claimledger.analyze("In 2024 " + "1 " * 20_000, published="2025-01-01")
    assert time.perf_counter() - t0 < RUNAWAY_SECONDS
    assert len(analysis.quantities) > 10_000


@pytest.mark.parametrize("items", [20, 80])
def test_each_figure_of_a_long_dated_list_keeps_its_own_month(items: int) -> None:
    """80 dated clauses exceed the window of times weighed per figure (30 on each side): each
    figure still takes the month of its own clause, as in a list of 20."""
    parts = [
        f"in {MONTHS[k % 12]} {2000 + k // 12} the police held {100 + k} people"
        for k in range(items)
    ]
    text = "The ministry reported that " + "; ".join(parts) + "."
    quantities = claimledger.analyze(text, published="2025-01-01").quantities
    assert [q.value for q in quantities] == [100.0 + k for k in range(items)]
    assert [q.period_from for q in quantities] == [
        f"{2000 + k // 12}-{k % 12 + 1:02d}" for k in range(items)
    ]
