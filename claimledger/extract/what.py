"""What a figure counts: the noun phrase of the article that the figure quantifies.

The phrase after the figure ("20,538 cases of service personnel absent without leave") is read up
to the next clause boundary; a figure without one takes the phrase before it ("tanks — 9419",
"the losses ... would amount to 20,900"). References such as "of these cases", "of them", "из них"
are resolved to what the figure before counted.
"""

from __future__ import annotations

import re

from ..model import Quantity
from .spans import sentence_of

MAX_WHAT_WORDS = 12  # a counted thing described in more words runs into the next clause
MAX_BEFORE_WORDS = 8  # the phrase before a bare figure: its clause's last few words
MAX_BARE_WORDS = 3  # a counted noun this short is completed by its clause: "tanks Russia has lost"

_STOP_AFTER = re.compile(
    r"\.(?!\s*\d)|[;:!?\n–—]|,\s|,?[\"“”«»]|\s-\s|\(\s*[+-]|\s(?:and|or|та|і|й|и|или|або|und|oder)\s+[\d+]|"
    r"\s(?:(?:this|last|next)\s+(?:year|month|week|spring|summer|autumn|fall|winter)|so\s+far|"
    r"since|between|from|as\s+of|according|"
    r"by\s+(?:the\s+)?(?:end|start)|in\s+(?:19|20)\d\d|"
    r"с\s+начала|с\s+момента|по\s+данным|з\s+початку|за\s+даними|seit|laut)\b",
    re.IGNORECASE,
)
_LEAD_OF = re.compile(
    r"^\s*(?:%|percent|per\s*cent|процент\w*|відсот\w*|Prozent)?\s*(?:of|из|з|із|von)\s+",
    re.IGNORECASE,
)
# "these cases", "the majority of them", "из них": a reference to a thing counted before
_DEMONSTRATIVE = re.compile(
    r"^(?:(?:the\s+)?(?:majority|most|half|rest|all)\s+of\s+)?(?:these|those|them|which|such|"
    r"них|них\s+же|цих|этих|тех|тих|таких|diesen|denen|dieser)\b",
    re.IGNORECASE,
)
_LEAD_OF_BEFORE = re.compile(
    r"^(?:of|among|из|з|серед|von|unter)\s+(?:(?:all|the)\s+)?", re.IGNORECASE
)
# "18,159, or 88.4%", "1,000 (5%)": two figures of the same thing
_SAME_THING = re.compile(r"^\s*(?:,\s*)?(?:or|или|або|чи|oder|\()\s*$")
# a phrase after the figure that says when or how often, not what: "per day", "in the first"
_NOT_A_THING = re.compile(
    r"^(?:this|last|next|in|on|for|per|by|so|later|earlier|subsequently|ago|higher|lower|more|less|"
    r"each|every|a\s+(?:day|week|month|year)|за|в|у|на|по|im|pro|je)\b",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(r"^(?:are|is|was|were|have|has|had|will|would)\b", re.IGNORECASE)
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
    phrase = _clip_words(phrase, MAX_WHAT_WORDS)
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[: phrase.rfind("(")]  # an aside cut off by the word limit
    phrase = phrase.strip(_PUNCT_EDGES)
    while True:
        stripped = _DROP_LEAD.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    return phrase if re.search(r"[^\W\d_]", phrase) else ""


def _before(text: str, q: Quantity, s_start: int) -> str:
    window = text[s_start : q.start]
    chunks = re.split(r",(?!\d)|[;:(]|\s[—–]\s?$|\n", window.rstrip(" —–-"))
    # "Of all those cases, 18,159": the figure stands alone between commas
    chunk = chunks[-2] if len(chunks) > 1 and not chunks[-1].strip() else chunks[-1]
    chunk = _LEAD_OF_BEFORE.sub("", chunk.strip())
    chunk = _BEFORE_STRIP.sub("", " " + chunk).strip(_PUNCT_EDGES)
    chunk = _clip_words(chunk, MAX_BEFORE_WORDS, from_end=True)
    return _DROP_LEAD.sub("", chunk) if re.search(r"[^\W\d_]", chunk) else ""


def _resolve(what: str, earlier: list[str]) -> str:
    """A reference ("these cases", "them") as the earlier thing it points to."""
    m = _DEMONSTRATIVE.match(what)
    if not m:
        return what
    head = what[m.end() :].strip()
    if not head:
        return earlier[-1] if earlier else what
    first = head.split()[0].lower()
    for phrase in reversed(earlier):
        if first in phrase.lower().split():
            return phrase
    return head


def find_what(
    text: str, quantities: list[Quantity], sentences: list[tuple[int, int, int]]
) -> list[str | None]:
    """The counted thing of each quantity (quantities ordered by position), or None."""
    out: list[str | None] = []
    earlier: list[str] = []
    starts = [a for a, _, _ in sentences]
    ends = [b for _, b, _ in sentences]
    for n, q in enumerate(quantities):
        k = sentence_of(q.start, starts, ends)
        s_start, s_end = (starts[k], ends[k]) if k >= 0 else (0, len(text))
        if n > 0 and s_start <= quantities[n - 1].start < q.start:
            s_start = max(s_start, quantities[n - 1].end)  # not into the figure before
        after = _after(text, q, s_end)
        before = _before(text, q, s_start)
        what = after or before
        if after and _NOT_A_THING.match(after):
            what = f"{before} {after}" if before else after
        elif after and before and _VERB_AFTER.match(after) and _DEMONSTRATIVE.match(before):
            what = before  # "Of these files, 120 were closed": the files counted before
        elif after and before and len(after.split()) <= MAX_BARE_WORDS:
            what = f"{after} {before}"  # "Russia has lost 1,000 tanks": tanks Russia has lost
        joined = n > 0 and _SAME_THING.match(text[quantities[n - 1].end : q.start]) is not None
        if joined and out[-1]:
            what = out[-1]
        elif joined and what:
            out[-1] = what
        if what:
            what = _resolve(what, earlier)
            earlier.append(what)
        out.append(what or None)
    return out
