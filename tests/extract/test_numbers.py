"""Number parsing: separators by language, number words, the trie pattern."""

from __future__ import annotations

import re

import pytest

from claimledger.extract.numbers import decimals_of, parse_digits, parse_words, trie_pattern


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [
        ("20,538", "en", 20538),
        ("3.5", "en", 3.5),
        ("1,234,567.25", "en", 1234567.25),
        ("20 538", "ru", 20538),
        ("20\u00a0538", "uk", 20538),
        ("20\u2009538", "en", 20538),
        ("20\u202f538", "de", 20538),
        ("20.538", "de", 20538),
        ("20.538", "ru", 20538),
        ("88,4", "de", 88.4),
        ("1.234,5", "de", 1234.5),
        ("1.5", "uk", 1.5),
        ("+880", "en", 880),
        ("-5", "en", -5),
        ("2½", "en", 2.5),
    ],
)
def test_parse_digits_follows_the_language_separators(raw: str, lang: str, value: float) -> None:
    assert parse_digits(raw, lang) == pytest.approx(value)


def test_parse_digits_rejects_garbage() -> None:
    assert parse_digits("", "en") is None
    assert parse_digits("1.2.3", "en") is None


def test_decimals_of_counts_written_places() -> None:
    assert decimals_of("88.4", "en") == 1
    assert decimals_of("88,45", "de") == 2
    assert decimals_of("20,538", "en") == 0


@pytest.mark.parametrize(
    ("words", "lang", "value", "used"),
    [
        (["five"], "en", 5, 1),
        (["twenty-five"], "en", None, None),
        (["two", "hundred", "and", "fifty"], "en", 250, 4),
        (["twenty", "five"], "en", 25, 2),
        (["five", "six"], "en", 5, 1),
        (["півтори", "тисячі"], "uk", 1500, 2),
        (["тисячу"], "uk", 1000, 1),
        (["тысячу"], "ru", 1000, 1),
        (["две", "тысячи", "пятьсот"], "ru", 2500, 3),
        (["zwei"], "de", 2, 1),
        (["dozen"], "en", 12, 1),
    ],
)
def test_parse_words_reads_cardinals_and_scales(
    words: list[str], lang: str, value: float | None, used: int | None
) -> None:
    got = parse_words(words, lang)
    if value is None:
        assert got is None
    else:
        assert got == (pytest.approx(value), used)


def test_trie_pattern_matches_exactly_the_words() -> None:
    pat = re.compile(r"(?:" + trie_pattern(["one", "ones", "two", "ten"]) + r")\Z")
    assert pat.match("one") and pat.match("ones") and pat.match("ten")
    assert not pat.match("on") and not pat.match("tw")
