"""What marks a text as Ukrainian for language detection (``extract.language``)."""

from __future__ import annotations

SCRIPT = "Cyrillic"
WORDS: tuple[str, ...] = ()
# Letters that only Ukrainian uses among the Cyrillic languages read here.
LETTERS: dict[str, int] = {c: 1 for c in "іїєґІЇЄҐ"}
