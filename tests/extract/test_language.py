"""Language detection among en, ru, uk, de."""

from __future__ import annotations

import pytest

from claimledger.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Im vergangenen Jahr wurden 5.000 Anträge gestellt, davon 1.250 abgelehnt.", "de"),
        ("Laut Generalstab hat Russland seit Kriegsbeginn 1.000 Panzer verloren.", "de"),
        ("The ministry said 2,000 people were evacuated from the city in May.", "en"),
        ("Russia lost 1,000 tanks in 2023.", "en"),
        ("Суд приговорил его к семи годам колонии, сообщает издание.", "ru"),
        ("За даними Генштабу, втрати ворога сягнули тисячі осіб за добу.", "uk"),
    ],
)
def test_detects_the_language_of_short_reports(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_empty_text_defaults_to_english() -> None:
    assert detect_language("") == "en"
