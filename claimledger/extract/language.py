"""Guess the language of a text among those claimledger reads: en, ru, uk, de."""

from __future__ import annotations

import re

# Letters that only Ukrainian uses among the Cyrillic languages we read.
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
# Letters that only Russian uses (Ukrainian has no ы, э, ъ, ё).
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile(r"[а-яА-Я]")
_LATIN = re.compile(r"[a-zA-Z]")
# Frequent function words of each language; German umlauts and ß count extra below.
_DE_WORDS = re.compile(
    r"\b(?:der|die|das|und|nicht|mit|für|auf|dem|den|des|ein|eine|einen|ist|sind|sich|wurde|"
    r"wurden|werden|laut|nach|im|vom|zum|zur|davon|seit|über|auch|als|von|bei|wie|oder|noch|"
    r"hat|haben|sei|seien|es|er|sie)\b",
    re.IGNORECASE,
)
_UMLAUT = re.compile("[äöüÄÖÜ]")
_EN_WORDS = re.compile(
    r"\b(?:the|and|of|to|is|that|for|with|was|were|has|have|said|from|by|this|which|"
    r"are|been|its|their|on|at)\b",
    re.IGNORECASE,
)


def detect_language(text: str) -> str:
    """The most likely language code of ``text``; ``en`` when nothing else fits."""
    sample = text[:5000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr > lat:
        uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
        return "uk" if uk > ru else "ru"
    de = len(_DE_WORDS.findall(sample)) + 3 * sample.count("ß") + len(_UMLAUT.findall(sample))
    en = len(_EN_WORDS.findall(sample))
    return "de" if de > en else "en"
