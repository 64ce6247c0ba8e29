"""What marks a text as Polish for language detection (``extract.language``)."""

from __future__ import annotations

SCRIPT = "Latin"
# Frequent function words that English and German do not share (no "a", "i", "to", "do").
WORDS: tuple[str, ...] = (
    "się", "że", "nie", "jest", "są", "był", "była", "było", "oraz", "przez", "według", "dla",
    "na", "od", "po", "ze", "we", "który", "która", "które", "których", "został", "została",
    "zostało", "zostały", "roku", "jak", "także", "również", "tym", "tego", "jego", "jej",
    "czyli", "lub", "ale", "może", "będzie", "już", "tylko", "jako", "przy", "bez", "tys",
    "mln", "mld", "zł",
)
# Letters of the Polish alphabet that English and German lack.
# Letters of the Polish alphabet that English and German lack (once each: a place name such as
# "Łódź" in an English report must not outweigh its function words).
LETTERS: dict[str, int] = {c: 1 for c in "ąęłńśźżćóĄĘŁŃŚŹŻĆÓ"}
