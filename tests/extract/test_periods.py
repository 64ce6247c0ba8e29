"""Periods of figures: from their own sentence, from "as of" dates, and carried from a frame."""

from __future__ import annotations

from claimledger.extract.attribution import split_sentences
from claimledger.extract.periods import assign_periods, period_of
from claimledger.model import Quantity, TimeExpr


def _span(text: str, surface: str) -> tuple[int, int]:
    start = text.index(surface)
    return start, start + len(surface)


def _periods(text: str, figures: list[str], times: list[TimeExpr]) -> list[tuple[str | None, ...]]:
    qs = [Quantity(*_span(text, f), f, 1.0) for f in figures]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    return list(assign_periods(text, qs, times, sentences, [()] * len(qs)))


def test_as_of_date_sets_only_the_end() -> None:
    text = "As of March 3, 2024, the fund held 900 claims."
    t = TimeExpr(*_span(text, "March 3, 2024"), "March 3, 2024", value="2024-03-03")
    assert period_of(text, t) == (None, "2024-03-03")


def test_month_scopes_a_figure_to_that_month() -> None:
    text = "In May 2023 the yard repaired 14 barges."
    t = TimeExpr(*_span(text, "May 2023"), "May 2023", value="2023-05")
    assert _periods(text, ["14"], [t]) == [("2023-05", "2023-05")]


def test_frame_set_earlier_carries_to_the_next_sentence() -> None:
    text = "Between January 2022 and June 2023 the board heard 500 appeals. Of these, 80 succeeded."
    t = TimeExpr(
        *_span(text, "Between January 2022 and June 2023"),
        "Between January 2022 and June 2023",
        type="period",
        from_="2022-01",
        to="2023-06",
    )
    assert _periods(text, ["500", "80"], [t]) == [("2022-01", "2023-06")] * 2


def _year(text: str, year: str, nth: int = 0) -> TimeExpr:
    start = -1
    for _ in range(nth + 1):
        start = text.index(year, start + 1)
    return TimeExpr(start, start + len(year), year, value=year)


def test_a_figure_followed_by_its_own_time_takes_that_one() -> None:
    text = "The yard built 1,000 boats a year in 2021 and 3,000 a year in 2022."
    times = [_year(text, "2021"), _year(text, "2022")]
    assert _periods(text, ["1,000", "3,000"], times) == [("2021", "2021"), ("2022", "2022")]


def test_a_time_that_opens_the_sentence_still_scopes_the_later_figure() -> None:
    text = "In 2021 the yard built 1,000 boats and 3,000 rafts in total."
    assert _periods(text, ["1,000", "3,000"], [_year(text, "2021")]) == [("2021", "2021")] * 2
