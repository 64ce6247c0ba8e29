"""What a figure counts: the noun phrase of the article that the figure quantifies.

The phrase after the figure ("20,538 cases of service personnel absent without leave") is read up
to the next clause boundary; a figure without one takes the phrase before it ("tanks — 9419",
"the losses ... would amount to 20,900"). References such as "of these cases", "of them", "из них"
are resolved to what the figure before counted.
"""

from __future__ import annotations

import re

from ..model import Quantity

MAX_WHAT_WORDS = 12  # a counted thing described in more words runs into the next clause
MAX_BEFORE_WORDS = 8  # the phrase before a bare figure: its clause's last few words

_STOP_AFTER = re.compile(
    r"[.;:!?\n–—]|,\s|\s-\s|\(\s*[+-]|\s(?:since|between|from|as\s+of|according|"
    r"by\s+(?:the\s+)?(?:end|start)|in\s+(?:19|20)\d\d|"
    r"с\s+начала|с\s+момента|по\s+данным|з\s+початку|за\s+даними|seit|laut)\b",
    re.IGNORECASE,
)
_LEAD_OF = re.compile(
    r"^\s*(?:%|percent|per\s*cent|процент\w*|відсот\w*|Prozent)?\s*(?:of|из|з|із|von)\s+",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"^(?:(?:the\s+)?(?:majority|most|half|rest)\s+of\s+)?(?:these|those|them|which|such)(?:\s+cases)?$"
    r"|^(?:них|них же|цих|этих|тех|diesen|denen)$",
    re.IGNORECASE,
)
_DROP_LEAD = re.compile(
    r"^(?:(?:more|less|fewer)\s+than|over|about|around|nearly|almost|some|approximately|roughly|"
    r"at\s+least|up\s+to|only|just|another|a\s+further|an\s+additional|additional|other|the|a|an)\s+",
    re.IGNORECASE,
)
_BEFORE_STRIP = re.compile(
    r"(?:\s(?:of|to|at|is|was|were|are|by|with|reached|totaling|totalling|amount(?:s|ed)?\s+to|"
    r"would\s+amount\s+to|more\s+than|over|about|around|nearly|almost|some|approximately|up\s+to|"
    r"at\s+least|or|and|—|–|-|склали|становить|составили|досягли|достигли|понад|около|близько|"
    r"приблизно|более|понад)\s*)+$",
    re.IGNORECASE,
)
_PUNCT_EDGES = " \t,;:.\"'“”«»()*•-–—"


def _clip_words(phrase: str, limit: int, from_end: bool = False) -> str:
    words = phrase.split()
    words = words[-limit:] if from_end else words[:limit]
    return " ".join(words)


def _after(text: str, q: Quantity, s_end: int) -> str:
    window = text[q.end : s_end]
    lead = _LEAD_OF.match(window)
    body = window[lead.end() :] if lead else window
    stop = _STOP_AFTER.search(body)
    phrase = body[: stop.start()] if stop else body
    phrase = _clip_words(phrase, MAX_WHAT_WORDS).strip(_PUNCT_EDGES)
    while True:
        stripped = _DROP_LEAD.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    return phrase if re.search(r"[^\W\d_]", phrase) else ""


def _before(text: str, q: Quantity, s_start: int) -> str:
    window = text[s_start : q.start]
    chunk = re.split(r"[,;:(]|\s[—–]\s?$|\n", window.rstrip(" —–-"))[-1]
    chunk = _BEFORE_STRIP.sub("", " " + chunk).strip(_PUNCT_EDGES)
    chunk = _clip_words(chunk, MAX_BEFORE_WORDS, from_end=True)
    return _DROP_LEAD.sub("", chunk) if re.search(r"[^\W\d_]", chunk) else ""


def find_what(
    text: str, quantities: list[Quantity], sentences: list[tuple[int, int, int]]
) -> list[str | None]:
    """The counted thing of each quantity (quantities ordered by position), or None."""
    out: list[str | None] = []
    previous: str | None = None
    for q in quantities:
        s_start, s_end = next(((a, b) for a, b, _ in sentences if a <= q.start < b), (0, len(text)))
        what = _after(text, q, s_end) or _before(text, q, s_start)
        if what and _ANAPHOR.match(what) and previous:
            what = previous
        elif (
            what
            and previous
            and re.match(r"^(?:these|those|such|цих|этих|тих)\s", what, re.IGNORECASE)
        ):
            what = previous
        out.append(what or None)
        if what:
            previous = what
    return out
