"""Estimative language mapped to PHIA terms in four languages; only estimative uses count."""

from __future__ import annotations

import pytest

from claimledger.extract.hedges import extract_hedges, load_yardstick, term_range
from claimledger.model import Document, Hedge


def hedges(text: str) -> list[Hedge]:
    found = extract_hedges(Document(text=text))
    for h in found:
        assert text[h.start:h.end] == h.text
    return found


def terms(text: str) -> list[str]:
    return [h.term for h in hedges(text)]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The brigade has likely moved north.", "likely"),
        ("It is highly likely that the depot was hit.", "highly likely"),
        ("There is a realistic possibility that talks resume.", "realistic possibility"),
        ("It is highly unlikely that the offensive succeeds.", "highly unlikely"),
        ("It is unlikely that the bridge reopens soon.", "unlikely"),
        ("The strike almost certainly used cruise missiles.", "almost certain"),
        ("There is only a remote chance of a ceasefire.", "remote chance"),
        ("The figure is probably too low.", "likely"),
        ("A breakthrough is very likely within weeks.", "highly likely"),
        ("There is almost no chance of a truce.", "remote chance"),
        ("They face a roughly even chance of holding the town.", "realistic possibility"),
        ("Die Zahl ist wahrscheinlich höher.", "likely"),
        ("Die Einheit wurde höchstwahrscheinlich verlegt.", "highly likely"),
        ("Число потерь, вероятно, выше.", "likely"),
        ("Колонна скорее всего ушла на север.", "likely"),
        ("Кількість втрат, ймовірно, більша.", "likely"),
        ("Колона вірогідно відійшла.", "likely"),
        ("Це малоймовірно до осені.", "unlikely"),
    ],
)
def test_hedge_words_map_to_their_phia_term(text: str, term: str) -> None:
    assert terms(text) == [term]


def test_hedge_span_is_the_hedge_words_only() -> None:
    (h,) = hedges("Staff shortages and poor training all likely contribute to losses.")
    assert h.text == "likely"


def test_hedges_carry_the_probability_range_of_their_term() -> None:
    (h,) = hedges("It is highly likely that the depot was hit.")
    assert (h.low, h.high) == term_range("highly likely") == (0.80, 0.90)


def test_adjective_of_kind_is_not_a_hedge() -> None:
    assert terms("The two states formed an unlikely alliance last year.") == []
    assert terms("The likely winner was never named.") == []


def test_comparative_is_not_a_hedge() -> None:
    assert terms("Older units are more likely to break.") == []


def test_a_term_quoted_as_a_term_is_not_a_hedge() -> None:
    assert terms("Analysts use “highly likely” to mean 80 to 90 percent.") == []


def test_inflected_german_adjective_is_not_a_hedge() -> None:
    assert terms("Ein wahrscheinliches Szenario wurde diskutiert.") == []


def test_every_phrase_maps_to_a_yardstick_term() -> None:
    yard = load_yardstick()
    assert set(yard.phrases.values()) <= set(yard.ranges)
    for low, high in yard.ranges.values():
        assert 0.0 <= low < high <= 1.0
