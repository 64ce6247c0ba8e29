"""Polish, the fifth language: a battery of sentences written for it (none from the dev set).

Numbers in digits and words with the scale abbreviations "tys.", "mln", "mld"; units, qualifiers
and change words; dates with month names in their cases; sources named after "Według", "Jak
podaje" or a speech verb after a comma; hedges; language detection; and near misses that must not
match (German "jeden" is no number, a day before a month is part of a date).
"""

from __future__ import annotations

import pytest

import claimledger
from claimledger.extract.language import detect_language
from claimledger.extract.numbers import parse_words
from claimledger.extract.quantity_words import fraction_value
from claimledger.lexicon import LANGUAGES, has_lexicon
from claimledger.model import Analysis, Quantity

PUBLISHED = "2024-06-15"


def _analyse(text: str, language: str | None = "pl") -> Analysis:
    return claimledger.analyze(text, language=language, published=PUBLISHED)


def _figure(text: str, surface: str, language: str | None = "pl") -> Quantity:
    found = [q for q in _analyse(text, language).quantities if q.text == surface]
    assert found, f"{surface!r} not read in {text!r}"
    return found[0]


def test_polish_is_a_language_with_a_lexicon() -> None:
    assert "pl" in LANGUAGES and has_lexicon("pl")


@pytest.mark.parametrize(("text", "surface", "value", "kind", "unit"), [
    ("W ataku zginęło 3 tys. żołnierzy.", "3 tys.", 3000, "count", None),
    ("Ewakuowano 12 tys. mieszkańców miasta.", "12 tys.", 12000, "count", None),
    ("Armia kupiła 2,5 mln pocisków.", "2,5 mln", 2.5e6, "count", None),
    ("Na remonty dróg przeznaczono 40 mld zł.", "40 mld zł", 4e10, "money", "PLN"),
    ("Program kosztuje 500 mln dolarów.", "500 mln dolarów", 5e8, "money", "USD"),
    ("Dotacja wynosi 20 000 zł na rodzinę.", "20 000 zł", 20000, "money", "PLN"),
    ("Inflacja wyniosła 3,7% w maju.", "3,7%", 3.7, "percent", None),
    ("Bezrobocie spadło do 5 procent.", "5 procent", 5, "percent", None),
    ("Budowa mostu potrwa 5 lat.", "5 lat", 5, "duration", "year"),
    ("Ćwiczenia trwały 10 dni.", "10 dni", 10, "duration", "day"),
    ("Kolumna przejechała 300 kilometrów.", "300 kilometrów", 300, "measure", "km"),
    ("Do portu przypłynęło 1 200 ton zboża.", "1 200 ton", 1200, "measure", "t"),
    ("Wieś opuściło dwa tysiące osób.", "dwa tysiące", 2000, "count", None),
    ("Sztab podał, że rannych jest pięćset.", "pięćset", 500, "count", None),
    ("Zatrzymano trzysta dwadzieścia pięć osób.", "trzysta dwadzieścia pięć", 325, "count", None),
    ("Ośrodek przyjął półtora miliona uchodźców.", "półtora miliona", 1.5e6, "count", None),
])
def test_figures(text: str, surface: str, value: float, kind: str, unit: str | None) -> None:
    q = _figure(text, surface)
    assert q.value == pytest.approx(value)
    assert (q.kind, q.unit) == (kind, unit)


@pytest.mark.parametrize(("words", "value"), [
    (["dziewięćset", "dziewięćdziesiąt", "dziewięć"], 999),
    (["dwadzieścia", "tysięcy"], 20000),
    (["trzy", "miliony"], 3e6),
    (["jeden"], 1),
])
def test_number_words(words: list[str], value: float) -> None:
    parsed = parse_words(words, "pl")
    assert parsed is not None and parsed[0] == value and parsed[1] == len(words)


@pytest.mark.parametrize(("text", "surface", "approx"), [
    ("Do szpitali trafiło ponad 450 rannych.", "450", "over"),
    ("W marszu wzięło udział około 300 osób.", "300", "about"),
    ("Zniszczono co najmniej 12 czołgów.", "12", "at_least"),
    ("Straty wyniosły mniej niż 40 pojazdów.", "40", "under"),
    ("Obóz pomieści maksymalnie 60 osób.", "60", "at_most"),
])
def test_qualifiers(text: str, surface: str, approx: str) -> None:
    assert _figure(text, surface).approx == approx


def test_a_change_by_a_percentage() -> None:
    assert _figure("Liczba wniosków wzrosła o 15% w ciągu roku.", "15%").change is True


def test_a_plain_share_is_no_change() -> None:
    assert _figure("Kobiety stanowią 15% załogi.", "15%").change is False


@pytest.mark.parametrize(("surface", "value"), [("połowa", 0.5), ("dwukrotnie", 2.0)])
def test_fractions_and_multipliers(surface: str, value: float) -> None:
    got = fraction_value(surface)
    assert got is not None and got[0] == value


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Rozmowy rozpoczęły się 12 marca 2024 r. w Genewie.", "12 marca 2024", "2024-03-12"),
    ("Umowę podpisano 1 września 2022 w Warszawie.", "1 września 2022", "2022-09-01"),
    ("Ofensywa ruszyła w październiku 2023 roku.", "październiku 2023", "2023-10"),
    ("Wybory odbyły się w lutym 2024.", "lutym 2024", "2024-02"),
    ("Szczyt zaplanowano na 5 czerwca 2025.", "5 czerwca 2025", "2025-06-05"),
])
def test_dates(text: str, surface: str, value: str) -> None:
    times = [t for t in _analyse(text).times if t.text == surface]
    assert times and times[0].value == value


def test_a_day_before_a_month_is_no_count() -> None:
    a = _analyse("Rozmowy rozpoczęły się 12 marca 2024 r. w Genewie.")
    assert not [q for q in a.quantities if q.text == "12"]


@pytest.mark.parametrize(("text", "surface", "source"), [
    ("Według Sztabu Generalnego w walkach zginęło 1200 żołnierzy.", "1200",
     "Sztabu Generalnego"),
    ("Do szpitali trafiło ponad 450 rannych, poinformował rzecznik ministerstwa.", "450",
     "rzecznik ministerstwa"),
    ("Jak podaje agencja Reuters, ewakuowano 800 mieszkańców.", "800", "agencja Reuters"),
    ("Zgodnie z danymi GUS bezrobocie wyniosło 5,1%.", "5,1%", "GUS"),
])
def test_sources(text: str, surface: str, source: str) -> None:
    assert source in _figure(text, surface).sources


def test_a_figure_without_a_cue_has_no_source() -> None:
    assert _figure("W magazynie leżało 900 skrzyń.", "900").sources == ()


@pytest.mark.parametrize(("text", "term"), [
    ("Rosja prawdopodobnie straciła 200 czołgów.", "likely"),
    ("Najprawdopodobniej atak przygotowano wcześniej.", "highly likely"),
    ("Porozumienie jest mało prawdopodobne przed zimą.", "unlikely"),
    ("Wojsko niemal na pewno wycofa się z miasta.", "almost certain"),
])
def test_hedges(text: str, term: str) -> None:
    assert [h.term for h in _analyse(text).hedges] == [term]


@pytest.mark.parametrize(("text", "language"), [
    ("Według ministerstwa w ataku zginęło trzech żołnierzy, a dwóch zostało rannych.", "pl"),
    ("Koszt programu to 500 mln dolarów, a budowa potrwa 5 lat.", "pl"),
    ("Rząd przyjął projekt ustawy o obronie ojczyzny oraz budżet na przyszły rok.", "pl"),
    # near misses: the other Latin-script languages stay what they are
    ("The ministry said that 3,000 soldiers were killed in the attack.", "en"),
    ("Nach Angaben des Ministeriums wurden 3.000 Soldaten getötet.", "de"),
    ("Officials in Kraków and Łódź said the talks were over.", "en"),
])
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_german_jeden_is_no_number() -> None:
    text = "Der Zug fährt jeden Tag um acht Uhr ab, sagte der Sprecher."
    assert not [q for q in _analyse(text, "de").quantities if q.text.lower() == "jeden"]


def test_polish_jeden_is_one() -> None:
    assert _figure("W szpitalu przebywa jeden ranny żołnierz.", "jeden").value == 1
