"""Guess the language of a text among those with a lexicon (``claimledger.lexicon``: each one's
function words and own letters, ``detect_<language>``, compared within its script); a text in a
script without a lexicon here (Arabic, Chinese, Greek ...) is labelled with its script's language,
not taken for English (its figures are read with the default words)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import by_language, module

_CYRILLIC = re.compile(r"[\u0430-\u044f\u0410-\u042f]")  # the basic Cyrillic letters
_LATIN = re.compile(r"[a-zA-Z]")


@dataclass(frozen=True)
class _Marks:
    """What marks a text as one language of its script: its function words and own letters."""

    language: str
    script: str
    words: re.Pattern[str] | None
    letters: dict[str, int]

    def score(self, sample: str) -> int:
        n = len(self.words.findall(sample)) if self.words is not None else 0
        return n + sum(w * sample.count(c) for c, w in self.letters.items())


def _marks() -> tuple[_Marks, ...]:
    out = []
    for lang, script in by_language("detect", "SCRIPT").items():
        mod = module("detect", lang)
        words: tuple[str, ...] = getattr(mod, "WORDS", ())
        pattern = (re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
                   if words else None)
        out.append(_Marks(lang, script, pattern, dict(getattr(mod, "LETTERS", {}))))
    return tuple(out)


# Every language with a lexicon, in the order of the registry (the first wins a tie).
_MARKS = _marks()


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
    script = "Cyrillic" if cyr > lat else "Latin"
    best, lang = -1, "en"
    for marks in _MARKS:
        if marks.script == script:
            n = marks.score(sample)
            if n > best:
                best, lang = n, marks.language
    return lang
