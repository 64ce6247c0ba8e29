"""Dates and periods: formats in four languages, relative dates, events, periods, non-dates."""

from __future__ import annotations

import pytest

from claimledger.extract.times import extract_times
from claimledger.model import Document, TimeExpr


def times(text: str, published: str | None = None, language: str | None = None) -> list[TimeExpr]:
    found = extract_times(Document(text=text, published=published, language=language))
    for t in found:
        assert text[t.start:t.end] == t.text
    return found


def one(text: str, published: str | None = None, language: str | None = None) -> TimeExpr:
    found = times(text, published, language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("The bridge was hit on May 30, 2025, by two drones.", "en", "2025-05-30"),
        ("The bridge was hit on 30 May 2025 by two drones.", "en", "2025-05-30"),
        ("Звіт оприлюднили 30.05.2025 увечері.", "uk", "2025-05-30"),
        ("The file is dated 2025-05-30 in the archive.", "en", "2025-05-30"),
        ("Міст пошкодили 30 травня 2025 року.", "uk", "2025-05-30"),
        ("Мост повредили 30 мая 2025 года.", "ru", "2025-05-30"),
        ("Die Brücke wurde am 30. Mai 2025 beschädigt.", "de", "2025-05-30"),
        ("The depot burned in March 2024 after a strike.", "en", "2024-03"),
        ("Losses grew in 2023 along the whole front.", "en", "2023"),
        ("Потери выросли в 2021 году.", "ru", "2021"),
        ("The hotline opened on Sept. 14, 2022 in Kyiv.", "en", "2022-09-14"),
        ("The convoy left in late May 2025.", "en", "2025-05"),
    ],
)
def test_explicit_dates_in_four_languages_have_iso_values(
    text: str, language: str, value: str
) -> None:
    t = one(text, language=language)
    assert (t.type, t.value) == ("date", value)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Втрати рахують з лютого 2022 року.", "2022-02"),
        ("Потери считают с февраля 2022 года.", "2022-02"),
        ("Die Verluste werden seit Februar 2022 gezählt.", "2022-02"),
        ("Prices have risen since October 2022 in the region.", "2022-10"),
    ],
)
def test_since_an_inflected_month_opens_a_period(text: str, start: str) -> None:
    t = one(text)
    assert (t.type, t.from_, t.to) == ("period", start, None)


def test_since_x_to_y_is_one_period() -> None:
    t = one("Courts saw more cases since March 2022 to early June 2024, a monitor said.")
    assert (t.type, t.from_, t.to) == ("period", "2022-03", "2024-06")


def test_between_months_takes_the_year_of_the_second_end() -> None:
    t = one("Between February and April 2023 the unit lost two tanks.")
    assert (t.from_, t.to) == ("2023-02", "2023-04")


def test_from_x_to_y_and_dash_ranges_are_periods() -> None:
    a = one("Satellites watched the plant from June to October 2024.")
    b = one("Output doubled over February-April 2023.")
    assert (a.from_, a.to) == ("2024-06", "2024-10")
    assert (b.from_, b.to) == ("2023-02", "2023-04")


def test_until_and_by_close_a_period() -> None:
    assert one("The decree stays in force until July 2026.").to == "2026-07"
    t = one("The ministry wants 50 new brigades by the end of 2026.")
    assert (t.type, t.from_, t.to) == ("period", None, "2026")


def test_before_a_year_ends_in_the_year_before() -> None:
    assert one("Before 2021, such charges were rare.").to == "2020"


def test_relative_dates_resolve_against_published() -> None:
    pub = "2024-04-24"
    assert one("Attacks rose sharply this March.", pub).value == "2024-03"
    assert one("Attacks rose sharply last year.", pub).value == "2023"
    assert one("The depot was struck last October.", pub).value == "2023-10"
    assert one("The depot was struck yesterday.", pub).value == "2024-04-23"
    assert one("The ministry said on Friday that the depot burned.", pub).value == "2024-04-19"
    assert one("The talks are set for June 9 in Geneva.", pub).value == "2024-06-09"
    assert one("The talks took place in December in Geneva.", pub).value == "2023-12"


def test_relative_dates_stay_null_without_published() -> None:
    for text in ("Attacks rose last year.", "The ministry said on Friday it agreed.",
                 "The talks are set for June 9."):
        t = one(text)
        assert t.value is None


def test_yearless_day_in_ukrainian_resolves_from_published() -> None:
    assert one("Удар стався 26 жовтня вночі.", "2024-11-02", "uk").value == "2024-10-26"


def test_this_week_is_a_period_from_monday_to_sunday() -> None:
    t = one("Both leaders meet this week in Minsk.", "2025-06-18")
    assert (t.type, t.from_, t.to) == ("period", "2025-06-16", "2025-06-22")


def test_previous_year_refers_to_the_year_just_named() -> None:
    found = times("In 2019 the plant made 300 shells, up from 200 the previous year.")
    assert [t.value for t in found] == ["2019", "2018"]


def test_event_anchored_starts_resolve_to_the_event_date() -> None:
    t = one("Shelling has not stopped since the start of the full-scale invasion.")
    assert (t.type, t.from_) == ("period", "2022-02-24")
    t = one("Since the partial mobilisation in September 2022, courts have been busy.")
    assert t.from_ == "2022-09"
    t = one("Отказов стало больше с начала мобилизации.")
    assert t.from_ == "2022-09-21"
    t = one("Seit Beginn des Angriffskriegs gegen die Ukraine steigen die Zahlen.")
    assert t.from_ == "2022-02-24"


def test_a_named_war_is_not_the_invasion() -> None:
    assert times("It is the largest sea battle since World War II.") == []


def test_clock_times_and_amounts_are_not_dates() -> None:
    assert times("The alarm sounded at 23:40 and lasted until 01:15.") == []
    assert times("The army fired 2,000 shells and lost 1500 soldiers.") == []
    assert times("Officials counted more than 2000 drones over the city.") == []


def test_a_four_digit_number_with_year_context_is_a_year() -> None:
    t = one("The 2015 accord was never ratified.")
    assert t.value == "2015"


@pytest.mark.parametrize(
    "text",
    ["", "since", "May", "2022-", "31.02.2024", "1/1/", "since the since the war war", "\n" * 50,
     "з з з лютого", "between and", "Friday, Friday, Friday"],
)
def test_odd_inputs_never_raise_and_keep_offsets_inside(text: str) -> None:
    for pub in (None, "2024-02-29", "not a date", "0001-01-01", "9999-12-31"):
        for t in times(text, pub):
            assert 0 <= t.start < t.end <= len(text)
