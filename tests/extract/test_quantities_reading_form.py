"""Fullwidth digits and zero-width characters inside numbers are read (issue 15); every offset
still points into the original text and each figure's text is the original's."""

from __future__ import annotations

import pytest

import claimledger
from claimledger.extract.quantities import reading_form


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("The port handled １，２３４ ships last month.", "en", [("１，２３４", 1234.0, "count")]),
        ("Turnout reached ８８．４％ in the city.", "en", [("８８．４％", 88.4, "percent")]),
        ("Порт принял １２ судов за неделю.", "ru", [("１２", 12.0, "count")]),
        ("Завод найняв ３５０ робітників.", "uk", [("３５０", 350.0, "count")]),
        ("Die Stadt kaufte ４０ Busse.", "de", [("４０", 40.0, "count")]),
        ("The fair sold 1\u200b000\u200b000 tickets.", "en",
         [("1\u200b000\u200b000", 1_000_000.0, "count")]),
        ("Die Bahn zählte 2\u2060500 Fahrgäste.", "de", [("2\u2060500", 2500.0, "count")]),
        # near misses: a zero-width space between words, not digits, changes nothing
        ("The zero\u200bwidth joiner sat beside 7 boats.", "en", [("7", 7.0, "count")]),
        ("The mill hired 30 workers.", "en", [("30", 30.0, "count")]),
    ],
)
def test_figures_are_read_through_fullwidth_and_zero_width_forms(
    text: str, lang: str, figures: list[tuple[str, float, str]]
) -> None:
    quantities = claimledger.analyze(text, language=lang).quantities
    assert [(q.text, q.value, q.kind) for q in quantities] == figures
    assert all(text[q.start : q.end] == q.text for q in quantities)


def test_the_reading_form_keeps_length_and_plain_text() -> None:
    for text in ("１，２３４", "1\u200b000", "a\u200bb", "plain 12"):
        assert len(reading_form(text)) == len(text)
    assert reading_form("plain 12") == "plain 12"
    assert reading_form("a\u200bb") == "a\u200bb"
    assert reading_form("８８．４％") == "88.4%"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said \x1b[0m 5 drones fell.",  # a colour reset: no "0"
        "Officials said \x1b[38;5;196m5 drones fell.",  # a 256-colour code: no 38, 5 or 196
        "Officials said \x1b]0;title 12\x07 5 drones fell.",  # a window title set (OSC)
    ],
)
def test_no_figure_is_read_out_of_a_terminal_escape_sequence(text: str) -> None:
    quantities = claimledger.analyze(text, language="en").quantities
    assert [(q.text, q.value) for q in quantities] == [("5", 5.0)]
