"""Per-language word lists read by the extractors and checks: data kept apart from the rules that
use them.

Each language with a lexicon has one module per concern, named ``<concern>_<language>``
(``numbers_en``, ``attribution_de``, ``quantities_ru``, ...). The stage modules never import a
language's module by name: they ask for a concern's list of every language through
``gather`` / ``by_language`` and compile their patterns from it, so a language is added by
writing its modules and naming it in ``LANGUAGES``. A language that lacks a concern's module (or
one of its names) simply contributes nothing to it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from types import ModuleType
from typing import Any

# The languages with a lexicon, in the order their words are joined into patterns.
LANGUAGES: tuple[str, ...] = ("en", "ru", "uk", "de", "pl")


def has_lexicon(language: str | None) -> bool:
    """Whether ``language`` has a lexicon here (its words are read, not only its digits)."""
    return language in LANGUAGES


@lru_cache(maxsize=256)
def module(concern: str, language: str) -> ModuleType | None:
    """The ``<concern>_<language>`` lexicon module, or None when the language has none."""
    try:
        return import_module(f".{concern}_{language}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{concern}_{language}":
            raise
        return None


def by_language(concern: str, name: str) -> dict[str, Any]:
    """``name`` of the ``concern`` module of every language that defines it, by language."""
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        mod = module(concern, lang)
        if mod is not None and hasattr(mod, name):
            out[lang] = getattr(mod, name)
    return out


def gather(concern: str, name: str) -> tuple[Any, ...]:
    """The entries of sequence ``name`` of every language's ``concern`` module, joined in the
    order of ``LANGUAGES``."""
    return tuple(x for seq in by_language(concern, name).values() for x in seq)


def alternation(concern: str, name: str) -> str:
    """The regex sources of ``name`` of every language (one source, or a sequence of them)
    joined into one alternation body (``a|b|c``, no group) for a pattern of the stage module."""
    parts: list[str] = []
    for value in by_language(concern, name).values():
        parts.extend([value] if isinstance(value, str) else value)
    return "|".join(parts)


def merged(concern: str, name: str) -> dict[Any, Any]:
    """The mappings ``name`` of every language's ``concern`` module merged into one (a later
    language's entry wins a key both hold)."""
    out: dict[Any, Any] = {}
    for table in by_language(concern, name).values():
        out.update(table)
    return out


def inflected(forms: dict[float, tuple[str, ...]]) -> dict[str, float]:
    """``{form: value}`` for every listed form of every value; a form written with an apostrophe
    (Ukrainian "п'ять") is also listed with the typographic ones ("п’ять", "пʼять")."""
    out: dict[str, float] = {}
    for value, words in forms.items():
        for w in words:
            out[w] = value
            if "'" in w:
                out[w.replace("'", "\u2019")] = value
                out[w.replace("'", "\u02bc")] = value
    return out


def alternatives(words: list[str] | tuple[str, ...]) -> str:
    """``words`` as a regex alternation body, escaped, longest first."""
    import re

    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
