"""Estimative language on the PHIA probability yardstick.

The yardstick, its ICD 203 neighbours and the surface forms in en/de/ru/uk live in
``claimledger/data/phia_yardstick.json`` (another language's forms in its lexicon,
``lexicon.hedges_<language>.PHRASES``); this module compiles them once into one pattern and
keeps only estimative uses: a word such as "unlikely" in "an unlikely alliance" (an adjective of
kind after a determiner) or a term quoted as a term ("uses “highly likely” to mean") is skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..lexicon import by_language
from ..model import Document, Hedge
from .scan import foldable, scan, word_starts

# The resource holding the yardstick, relative to the claimledger package.
YARDSTICK_RESOURCE = ("data", "phia_yardstick.json")
# Determiners that make a following single hedge word an attributive adjective ("an unlikely ally").
DETERMINERS = frozenset(
    "a an the this that these those its their his her our your my any some every each no "
    "such".split()
)
# Adjective-only hedge words: estimative when predicative ("is probable", "probable that"), not
# before a noun ("probable cause", "an improbable tale"), as they cannot modify a verb.
ADJECTIVE_ONLY = frozenset("probable improbable".split())
# Words before an adjective-only hedge that make it predicative.
COPULAS = frozenset(
    "is are was were be been being seems seem seemed appears appear appeared remains remain "
    "remained looks look looked considered deemed thought it's".split()
)
# Words ending in 's that are "X is", not possessives ("it's likely").
CONTRACTIONS = frozenset("it's that's there's here's what's who's he's she's".split())
# Words that may follow an adjective-like hedge while it still states a probability.
ESTIMATIVE_FOLLOWERS = frozenset("to that be been have has had not".split())
# Comparatives: "more likely to" compares, it does not state a probability.
COMPARATIVES = frozenset("more less most least".split())
# Characters that open or close a quotation around a term mentioned as a term.
QUOTES = "\"'“”„«»‘’‚"
# A word: letters joined by hyphens or apostrophes.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# The opening word of a phrase as the word index splits words (letters and digits).
_OPENER = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Yardstick:
    """The PHIA terms with their ranges, and every surface phrase mapped to a term."""

    ranges: dict[str, tuple[float, float]]
    phrases: dict[str, str]
    pattern: re.Pattern[str]
    # the first word of every phrase, lower-cased: where a match can start
    openers: frozenset[str]


def _read_package_data(*parts: str) -> str:
    """A package data file as text, via importlib.resources.

    Falls back to the path beside this module when the package is seen as a namespace package
    (an editable install run from a script directory), where ``resources.files`` cannot list it.
    """
    try:
        return resources.files("claimledger").joinpath(*parts).read_text(encoding="utf-8")
    except (NotADirectoryError, TypeError, FileNotFoundError):
        return Path(__file__).resolve().parent.parent.joinpath(*parts).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_yardstick() -> Yardstick:
    """The yardstick table from package data, compiled once."""
    raw: dict[str, Any] = json.loads(_read_package_data(*YARDSTICK_RESOURCE))
    ranges = {t["term"]: (float(t["low"]), float(t["high"])) for t in raw["terms"]}
    phrases: dict[str, str] = {}
    tables = [table for lang, table in raw["phrases"].items() if not lang.startswith("_")]
    # a language whose phrases are not in the yardstick file brings them in its lexicon
    tables += [table for lang, table in by_language("hedges", "PHRASES").items()
               if lang not in raw["phrases"]]
    for table in tables:
        for phrase, term in table.items():
            if term not in ranges:
                raise ValueError(f"phrase {phrase!r} maps to unknown term {term!r}")
            phrases[phrase.lower()] = term
    alternatives = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alternatives)
    pattern = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)
    openers = frozenset(_OPENER.match(p).group() for p in phrases)  # type: ignore[union-attr]
    return Yardstick(ranges=ranges, phrases=phrases, pattern=pattern, openers=openers)


def term_range(term: str) -> tuple[float, float]:
    """The probability range (0..1) of a PHIA term; KeyError for an unknown term."""
    return load_yardstick().ranges[term]


def _previous_word(text: str, start: int) -> str:
    """The word just before ``start`` (lower-cased), or "" at a sentence or text start."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-'’"):
        j -= 1
    return text[j:i].lower()


def _next_word(text: str, end: int) -> str:
    """The word just after ``end`` (as written), or "" when punctuation follows."""
    i = end
    while i < len(text) and text[i] in " \t\u00a0":
        i += 1
    m = _WORD.match(text, i)
    return m.group(0) if m else ""


def _is_mention(text: str, start: int, end: int) -> bool:
    """True when the phrase stands in quotes of its own: a term named, not a judgement."""
    return start > 0 and end < len(text) and text[start - 1] in QUOTES and text[end] in QUOTES


def _is_estimative(text: str, start: int, end: int, phrase: str) -> bool:
    """False for adjectives of kind ("an unlikely alliance") and comparatives."""
    if _is_mention(text, start, end):
        return False
    prev = _previous_word(text, start)
    # a possessive ("Moscow's likely target") determines the noun as an article does
    if prev.endswith(("'s", "’s", "s'", "s’")) and prev.replace("’", "'") not in CONTRACTIONS:
        prev = "the"
    if prev in COMPARATIVES and " " not in phrase:
        return False
    if " " in phrase.strip() and not phrase.startswith("most "):
        return True
    nxt = _next_word(text, end)
    if phrase in ADJECTIVE_ONLY and prev not in COPULAS and nxt and \
            nxt.lower() not in ESTIMATIVE_FOLLOWERS:
        return False  # "probable cause": an adjective before its noun
    # "the likely outcome", "an unlikely alliance": the word classifies the noun after it
    return not (prev in DETERMINERS and nxt and nxt.lower() not in ESTIMATIVE_FOLLOWERS)


def extract_hedges(doc: Document) -> list[Hedge]:
    """Hedges in ``doc.text`` mapped to PHIA terms, with the term's probability range."""
    text = doc.text
    if not text:
        return []
    yard = load_yardstick()
    out: list[Hedge] = []
    # every phrase opens with a word (letters) that the word index lists, so the pattern is
    # tried only where one of those words starts instead of at every character
    matches = (scan(yard.pattern, text, word_starts(text, yard.openers)) if foldable(text)
               else yard.pattern.finditer(text))
    for m in matches:
        surface = m.group(0)
        phrase = " ".join(surface.lower().split())
        term = yard.phrases.get(phrase)
        if term is None or not _is_estimative(text, m.start(), m.end(), phrase):
            continue
        low, high = yard.ranges[term]
        out.append(Hedge(m.start(), m.end(), surface, term, low, high))
    return out
