"""What marks a text as German for language detection (``extract.language``)."""

from __future__ import annotations

SCRIPT = "Latin"
WORDS: tuple[str, ...] = (
    "der", "die", "das", "und", "nicht", "mit", "für", "auf", "dem", "den", "des", "ein", "eine",
    "einen", "ist", "sind", "sich", "wurde", "wurden", "werden", "laut", "nach", "im", "vom",
    "zum", "zur", "davon", "seit", "über", "auch", "als", "von", "bei", "wie", "oder", "noch",
    "hat", "haben", "sei", "seien", "es", "er", "sie",
)
# Umlauts count once, ß three times.
LETTERS: dict[str, int] = {"ß": 3, "ä": 1, "ö": 1, "ü": 1, "Ä": 1, "Ö": 1, "Ü": 1}
