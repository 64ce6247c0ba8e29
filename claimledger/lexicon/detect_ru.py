"""What marks a text as Russian for language detection (``extract.language``)."""

from __future__ import annotations

SCRIPT = "Cyrillic"
WORDS: tuple[str, ...] = ()
# Letters that only Russian uses among the Cyrillic languages read here (no ы, э, ъ, ё in
# Ukrainian).
LETTERS: dict[str, int] = {c: 1 for c in "ыэъёЫЭЪЁ"}
