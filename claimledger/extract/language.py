"""Guess the language of a text among those claimledger reads: en, ru, uk, de; a text in a
script without a lexicon here (Arabic, Chinese, Greek ...) is labelled with its script's language,
not taken for English (its figures are read with the default words)."""

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


# Scripts without a lexicon here, each with the language most written in it.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile("[\u3040-\u30ff]")),  # kana: Japanese (before Han, which it also uses)
    ("zh", re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
    ("ar", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("hy", re.compile("[\u0530-\u058f]")),
    ("ka", re.compile("[\u10a0-\u10ff]")),
)

LANGUAGES_BY_SCRIPT = tuple(code for code, _ in _SCRIPTS)


def _other_script(sample: str, cyr: int, lat: int) -> str | None:
    """The language of the script that most letters of ``sample`` are in, when it is none of
    Latin and Cyrillic."""
    counts = [(len(p.findall(sample)), code) for code, p in _SCRIPTS]
    if any(n for n, code in counts if code == "ja"):
        counts = [(n + (len(_SCRIPTS[1][1].findall(sample)) if code == "ja" else 0), code)
                  for n, code in counts if code != "zh"]  # Japanese mixes kana and Han
    n, code = max(counts)
    return code if n > max(cyr, lat) else None


def detect_language(text: str) -> str:
    """The most likely language code of ``text``; ``en`` when nothing else fits."""
    sample = text[:5000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    other = _other_script(sample, cyr, lat)
    if other is not None:
        return other
    if cyr > lat:
        uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
        return "uk" if uk > ru else "ru"
    de = len(_DE_WORDS.findall(sample)) + 3 * sample.count("ß") + len(_UMLAUT.findall(sample))
    en = len(_EN_WORDS.findall(sample))
    return "de" if de > en else "en"
