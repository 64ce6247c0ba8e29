"""Guess the language of a text among those claimledger reads: en, ru, uk, de."""

from __future__ import annotations

import re

# Letters that only Ukrainian uses among the Cyrillic languages we read.
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
# Letters that only Russian uses (Ukrainian has no ы, э, ъ, ё).
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile(r"[а-яА-Я]")
_LATIN = re.compile(r"[a-zA-Z]")
_DE_WORDS = re.compile(
    r"\b(?:der|die|das|und|nicht|mit|für|auf|dem|den|ein|eine|ist|sich|wurde|laut|nach)\b"
)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was|were|has|have|said)\b")


def detect_language(text: str) -> str:
    """The most likely language code of ``text``; ``en`` when nothing else fits."""
    sample = text[:5000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr > lat:
        uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
        return "uk" if uk > ru else "ru"
    de = len(_DE_WORDS.findall(sample)) + 3 * sample.count("ß") + sample.count("ü")
    en = len(_EN_WORDS.findall(sample))
    return "de" if de > en else "en"
