"""What marks a text as English for language detection (``extract.language``)."""

from __future__ import annotations

SCRIPT = "Latin"
# Frequent function words, counted as whole words in any case.
WORDS: tuple[str, ...] = (
    "the", "and", "of", "to", "is", "that", "for", "with", "was", "were", "has", "have", "said",
    "from", "by", "this", "which", "are", "been", "its", "their", "on", "at",
)
# Letters of the language's own, each with the weight one occurrence adds.
LETTERS: dict[str, int] = {}
