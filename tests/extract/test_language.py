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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("قال المسؤولون إن 5 طائرات سقطت في المدينة.", "ar"),
        ("官员说，有五架无人机在城市坠落。", "zh"),
        ("当局によると、ドローンが市内に落下した。", "ja"),
        ("관계자들은 도시에 드론 5대가 떨어졌다고 말했다.", "ko"),
        ("Οι αρχές ανέφεραν ότι έπεσαν 5 drones στην πόλη.", "el"),
        ("הרשויות אמרו כי 5 רחפנים נפלו בעיר.", "he"),
        # near misses: a few foreign letters in a text of one of ours change nothing
        ("The mayor (市长) said 30 buses arrived.", "en"),
        ("Мэр сказал, что прибыли 30 автобусов (λ).", "ru"),
    ],
)
def test_a_script_without_a_lexicon_is_labelled_with_its_language(text: str, code: str) -> None:
    """Every unsupported script used to be labelled "en" (issue 15)."""
    assert detect_language(text) == code
