"""Words the times extractor reads around a date (en, ru, uk, de); lower-case phrases."""

from __future__ import annotations

# Words before a month named without a year that put it ahead ("will hold ... in September"):
# such a month may lie further in the future than a month named in a past-tense sentence.
FUTURE_CUES: dict[str, tuple[str, ...]] = {
    "en": ("will", "shall", "plans", "planned", "plan to", "scheduled", "is to", "are to",
           "expected to", "upcoming", "next"),
    "ru": ("будет", "будут", "пройдет", "пройдёт", "пройдут", "планирует", "планируют",
           "планируется", "состоится", "состоятся", "намерен", "намерены"),
    "uk": ("буде", "будуть", "відбудеться", "відбудуться", "пройде", "пройдуть", "планує",
           "планують", "планується", "має намір"),
    "de": ("wird", "werden", "soll", "sollen", "plant", "planen", "geplant", "künftig"),
}
