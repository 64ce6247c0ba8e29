"""Polish words of attribution: speech verbs after a source, cues before one (read by
``extract.attribution_cues``); regex sources."""

from __future__ import annotations

_SAID = (r"poinformował[aoy]?|poinformowali|podał[aoy]?|podali|przekazał[aoy]?|przekazali"
         r"|powiedział[aoy]?|powiedzieli|oświadczył[aoy]?|oświadczyli|napisał[aoy]?|napisali"
         r"|dodał[aoy]?|dodali")
SPEECH_VERBS: tuple[str, ...] = (
    _SAID + r"|stwierdził[aoy]?|stwierdzili|ogłosił[aoy]?|ogłosili|szacuje|szacują|twierdzi"
    r"|twierdzą|podaje|podają|pisze|piszą|informuje|informują|przekazuje|zaznaczył[aoy]?"
    r"|wyliczył[aoy]?|wyliczyli|obliczył[aoy]?|obliczyli|ustalił[aoy]?|ustalili|policzył[aoy]?",
)
FORWARD_CUES: tuple[str, ...] = (
    r"\b[Ww]edług(?:\s+(?:danych|szacunków|informacji|wyliczeń))?",
    r"\b[Zz]godnie\s+z(?:\s+(?:danymi|szacunkami|informacjami))?",
    r"\b[Pp]owołując\s+się\s+na",
    r"\b[Jj]ak\s+(?:" + _SAID + r"|podaje|informuje|pisze)(?=\s)",
    r"(?:(?<=,\s)|(?<=[—–]\s))(?:" + _SAID + r"|podaje|informuje|pisze)(?=\s)",
    r"\b[Zz]\s+(?:danych|szacunków|wyliczeń|raportu)",
)
FORWARD_OPENERS: tuple[str, ...] = tuple(
    "według zgodnie powołując jak z poinformował poinformowała poinformowało poinformowały"
    " poinformowali podał podała podało podały podali przekazał przekazała przekazało przekazały"
    " przekazali powiedział powiedziała powiedziało powiedziały powiedzieli oświadczył"
    " oświadczyła oświadczyło oświadczyły oświadczyli napisał napisała napisało napisały"
    " napisali dodał dodała dodało dodały dodali podaje informuje pisze".split())
NAME_STOPS: tuple[str, ...] = (
    r"powołując\s+się",
    r"że|który|która|które|w|we|na|po|z|ze|o|od|do|dla|przez|jest|są|był|była|było",
)
