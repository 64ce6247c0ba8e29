"""Over which period: the time frame of each figure, from its sentence or a frame set earlier.

A period expression ("since February 2022", "between January and May 2023") gives both ends;
a date introduced by "as of", "by", "on", "станом на", "по состоянию на" is the date a cumulative
figure stands at (``period_to`` only); any other date ("in March 2024", "за добу 17 січня") scopes
the figure to that date, month or year (both ends).

A figure gets a period only where the text gives it one. Its own time is the nearest in its
clause (an unresolved one, "on July 9" or "later", leaves it without); a time after a clause
break, a comparison's base ("than in 2023") and a statement's date ("said Monday") are not its
own. Without one it inherits the frame set before, as long as the same voice goes on: within the
paragraph that set it (when a sentence with figures set it), in a list under the header that set
it, and beyond only where a word points back ("of these", "since then", "to date", "also").
Durations, ages, probabilities, figures in linked headlines and datelines get none. Words are
kept per language in ``claimledger.lexicon.periods``.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..deadline import tick
from ..lexicon.periods import (
    COMPARISON_BASE,
    CONTINUATION,
    FIGURE_ANAPHORS,
    LINKED_HEADLINE,
    NOT_FRAMED_AFTER,
    NOT_FRAMED_BEFORE,
    REPORTING_VERBS,
    RESPECTIVELY,
    SINCE_THEN,
    SO_FAR,
    SPAN_LEADS,
    SPAN_WARS,
    VAGUE_TIMES,
    all_phrases,
)
from ..model import Quantity, TimeExpr
from .dates import event_date
from .scan import DENSE_SENTENCE_FIGURES
from .spans import group_by_span

CANDIDATE_WINDOW = 30  # times weighed on each side of a figure in a sentence of very many
FOLLOWING_PENALTY = 15  # chars: a time before the figure is preferred over one after it
OWN_TIME_GAP = 40  # chars: a time this close after a figure ("3,000 a day in 2024") is its own
RESTATED_GAP = 40  # chars between an event period and the date that restates its start
LOOKBEHIND = 30  # chars before a date searched for its preposition ("as of", "станом на")

Period = tuple[str | None, str | None]
UNKNOWN: Period = (None, None)  # a time of the figure's own that cannot be resolved

_AS_OF = re.compile(
    r"(?:\b(?:as\s+of|as\s+at|by|on|until|till|through|to\s+date|up\s+to)|"
    r"станом\s+на|по\s+состоянию\s+на|\bна|\bдо|\bк|\bbis|\bStand"
    r"|\bper)\s*$",
    re.IGNORECASE,
)
# a sentence that opens a different story: the frame set before does not reach it
_TOPIC_CHANGE = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:separately|in\s+other\s+news|окремо|отдельно|unabhängig\s+davon)\b",
    re.IGNORECASE,
)
# a break between two clauses: a time after it is the next clause's
_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|but|while|whereas|и|а|но|і|та|але|und|aber|während|doch)\s",
    re.IGNORECASE,
)
_EVENT_START = re.compile(r"\b(?:began|started|begun)\b|почал|началась|начался|begann", re.I)
# "at the end of March": the date a total stands at (a rate there is scoped to it instead)
_END_OF = re.compile(r"(?:the\s+)?end\s+of\b", re.IGNORECASE)
_AT = re.compile(r"\bat\s*$", re.IGNORECASE)
# a rate ("600 people a day"): a figure over a span, scoped by a date rather than standing at it
_RATE_AFTER = re.compile(
    r"[^.;\n\d]{0,30}?(?<!\w)(?:a|per|every|each)\s+(?:day|week|month)\b"
    r"|[^.;\n\d]{0,30}?(?<!\w)(?:в\s+день|в\s+сутки|за\s+сутки|на\s+добу|щодня|щоденно"
    r"|pro\s+Tag|täglich|am\s+Tag)(?!\w)",
    re.IGNORECASE,
)
_NIGHT = re.compile(r"(?:ночь|ніч)\s+на\s*$", re.IGNORECASE)


def period_of(text: str, t: TimeExpr) -> Period | None:
    """The frame that the time expression ``t`` sets for a figure, or None when it is unresolved."""
    if t.type == "period":
        return (t.from_, t.to) if (t.from_ or t.to) else None
    if not t.value:
        return None
    before = text[max(0, t.start - LOOKBEHIND) : t.start]
    if _AS_OF.search(before) and not _NIGHT.search(before):
        return (None, t.value)
    if _END_OF.match(t.text) and _AT.search(before):
        return (None, t.value)  # "at the end of March 2023, 25 cases had been opened"
    return (t.value, t.value)


def _choose(
    text: str,
    q: Quantity,
    candidates: list[tuple[TimeExpr, Period]],
    figures: list[Quantity] | None = None,
    window: _Window | None = None,
) -> Period | None:
    """The frame of the nearest time, a preceding one preferred; but a figure followed closely by
    its own time ("1,000 a day in 2023 and 3,000 a day in 2024") takes that one when the time
    before it belongs to an earlier figure (follows that figure with no other figure between).

    With a ``window`` (a sentence of more than ``2 * CANDIDATE_WINDOW`` times), only the times
    nearest the figure and the figures among them are weighed.
    """
    if window is not None:
        candidates, figures = window.near(q)
    # a time after a clause break opens the next clause: "2,300 cases, and since May 7,400"
    break_starts, break_ends = _clause_breaks(text)
    k = bisect.bisect_left(break_starts, q.end)
    first_break_end = break_ends[k] if k < len(break_ends) else len(text) + 1
    candidates = [c for c in candidates if c[0].start < q.end or first_break_end > c[0].start]
    if figures and q.kind == "ratio":
        # a multiplier compares: a time after the figure it is compared with is that figure's
        # ("a five-fold increase from the 887 cases the previous year")
        candidates = [
            c for c in candidates
            if c[0].start < q.end or not any(
                q.end <= f.start < c[0].start and _COMPARED.search(text, q.end, f.start)
                for f in figures
            )
        ]
    if figures:
        own = _own_following(text, q, candidates, figures)
        if own is not None:
            return own

    def distance(item: tuple[TimeExpr, Period]) -> int:
        t = item[0]
        if t.end <= q.start:
            return q.start - t.end
        if t.start >= q.end:
            return t.start - q.end + FOLLOWING_PENALTY
        return 0

    return min(candidates, key=distance)[1] if candidates else None


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where each clause break of ``text`` starts and ends, in order. A break holds a "," or
    ";" only where it starts and has one length per start, so the first break after a figure
    tells whether one lies wholly between it and a time (what a bounded search would find)."""
    found = list(_CLAUSE_BREAK.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


class _Window:
    """The times of a sentence of very many (a list or a soup of dates) by position, so that each
    figure weighs only the ``CANDIDATE_WINDOW`` times on each side of it and the figures among
    them: a sentence of n figures and times is read in O(n log n), not O(n^2) or worse."""

    def __init__(self, candidates: list[tuple[TimeExpr, Period]], figures: list[Quantity]):
        self.candidates = candidates
        self.order = sorted(range(len(candidates)), key=lambda j: candidates[j][0].start)
        self.starts = [candidates[j][0].start for j in self.order]
        self.figures = figures
        self.f_starts = [f.start for f in figures]

    def near(self, q: Quantity) -> tuple[list[tuple[TimeExpr, Period]], list[Quantity]]:
        """The times on each side of ``q`` (in their order) and the figures from the one before
        the first of them to the one after the last."""
        k = bisect.bisect_left(self.starts, q.start)
        keep = sorted(self.order[max(0, k - CANDIDATE_WINDOW) : k + CANDIDATE_WINDOW])
        near = [self.candidates[j] for j in keep]
        lo = min(t.start for t, _ in near)
        hi = max(t.end for t, _ in near)
        a = max(0, bisect.bisect_left(self.f_starts, lo) - 1)
        b = bisect.bisect_right(self.f_starts, hi) + 1
        return near, self.figures[a:b]


def _names_figures(text: str, start: int, head: str, figures: list[Quantity]) -> bool:
    """An anaphor that names the figures before ("Of these, 80 ...", "624 of which", "half of
    them"): at the sentence's start or right beside one of its figures, not "the nature of these
    trials" in a sentence of its own."""
    f_starts = [f.start for f in figures]  # in order of position
    f_ends = sorted(f.end for f in figures)
    for m in _FIGURE_ANAPHOR.finditer(head):
        if m.start() <= ANAPHOR_OPENING:
            return True
        at, before = start + m.end(), start + m.start()
        if bisect.bisect_right(f_starts, at + ANAPHOR_REACH) > \
                bisect.bisect_left(f_starts, at - ANAPHOR_REACH):
            return True  # a figure starts within reach of the anaphor's end
        if bisect.bisect_right(f_ends, before) > bisect.bisect_left(f_ends, before - ANAPHOR_REACH):
            return True  # a figure ends within reach before it
    return False


def _war_spans(text: str, start: int, end: int) -> list[tuple[TimeExpr, Period]]:
    """"за два роки повномасштабної війни", "over two years of war": a period from the war's
    start, for the figures of the clause (not a time of the times stage: it names a span)."""
    out: list[tuple[TimeExpr, Period]] = []
    for m in _WAR_SPAN.finditer(text, start, end):
        date = event_date(m.group(0))
        iso = date.iso() if date is not None else None
        if iso is not None:
            out.append((TimeExpr(m.start(), m.end(), m.group(0), "period", None, iso), (iso, None)))
    return out


def _content_words(sentence: str) -> set[str]:
    """The stems (first letters) of the longer words of a sentence: what it is about."""
    return {w.lower()[:STEM] for w in _WORD.findall(sentence)}


def _vague_times(text: str, start: int, end: int) -> list[tuple[TimeExpr, Period]]:
    """"later", "згодом", "später" in the sentence: times of their own, with no value."""
    return [
        (TimeExpr(m.start(), m.end(), m.group(0), value=None), UNKNOWN)
        for m in _VAGUE.finditer(text, start, end)
    ]


def _respectively(
    text: str, figures: list[Quantity], candidates: list[tuple[TimeExpr, Period]],
    start: int, end: int,
) -> dict[int, Period]:
    """"X and Y, respectively, in 2026 and 2027": X takes 2026 and Y 2027 (a bracketed
    conversion goes with its figure). Keyed by position in ``figures``."""
    m = _RESPECTIVELY.search(text, start, end)
    if m is None:
        return {}
    spans = [
        (t, p) for t, p in candidates
        if p[0] and p[1] and p[0] != p[1] and abs(t.start - m.end()) <= RESPECTIVELY_GAP
        or (p[0] and p[1] and p[0] != p[1] and abs(m.start() - t.end) <= RESPECTIVELY_GAP)
    ]
    if len(spans) != 1:
        return {}
    t, (lo, hi) = spans[0]
    before = [k for k, f in enumerate(figures) if f.end <= min(m.start(), t.start)]
    main = [k for k in before if not (k > 0 and _converted(text, figures[k - 1], figures[k]))]
    if len(main) < 2:
        return {}
    out: dict[int, Period] = {}
    first, second = main[-2], main[-1]
    for k in before:
        if k >= second:
            out[k] = (hi, hi)
        elif k >= first:
            out[k] = (lo, lo)
    return out


def _converted(text: str, q: Quantity, f: Quantity) -> bool:
    """``f`` is ``q`` restated in brackets right after it: "12.8 trillion rubles ($114.9 bn)"."""
    return text[q.end : f.start].strip() == "(" and text[f.end : f.end + 1] == ")"


def _narrower(inner: Period, outer: Period) -> bool:
    """True when the period ``inner`` lies inside ``outer`` and is not the same."""
    if None in inner or None in outer or inner == outer:
        return False
    return str(outer[0]) <= str(inner[0]) and str(inner[1])[: len(str(outer[1]))] <= str(outer[1])


def _own_following(
    text: str, q: Quantity, candidates: list[tuple[TimeExpr, Period]], figures: list[Quantity]
) -> Period | None:
    after = [c for c in candidates if c[0].start >= q.end]
    before = [c for c in candidates if c[0].end <= q.start]
    if not after or not before:
        return None
    following = min(after, key=lambda c: c[0].start)
    preceding = max(before, key=lambda c: c[0].end)
    # figures are ordered by position: those between two points are found by bisection
    def index(pos: int) -> int:
        return bisect.bisect_left(figures, pos, key=lambda f: f.start)

    if following[0].start - q.end > OWN_TIME_GAP or any(
        not _converted(text, q, f) for f in figures[index(q.end) : index(following[0].start)]
    ):
        return None  # another figure stands between: the time is not this one's
    if _narrower(following[1], preceding[1]):
        return following[1]  # "in 2026-2027: 12.8 trillion in 2026 and ...": the year's own
    k = index(preceding[0].start) - 1  # the last figure ending before the time before
    while k >= 0 and figures[k].end > preceding[0].start:
        k -= 1
    if k < 0 or any(figures[k].end <= c[0].start < preceding[0].start for c in candidates):
        return None  # the time before opens the sentence, or it is another figure's own
    if index(q.start) > index(preceding[0].end):
        return None  # a figure between the time before and this one
    return following[1]


def _phrases(table: dict[str, tuple[str, ...]]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in all_phrases(table))


_FIGURE_ANAPHOR = re.compile(r"(?<!\w)(?:" + _phrases(FIGURE_ANAPHORS) + r")(?!\w)", re.IGNORECASE)
_SINCE_THEN = re.compile(r"(?<!\w)(?:" + _phrases(SINCE_THEN) + r")(?!\w)", re.IGNORECASE)
_SO_FAR = re.compile(r"(?<!\w)(?:" + _phrases(SO_FAR) + r")(?!\w)", re.IGNORECASE)
_LINKED = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:" + _phrases(LINKED_HEADLINE) + r")\s*[:.–—-]", re.IGNORECASE
)
_CONTINUATION = re.compile(r"(?<!\w)(?:" + _phrases(CONTINUATION) + r")(?!\w)", re.IGNORECASE)
# the words before a time that make it a comparison's base, or the date of a statement
_COMPARISON = re.compile(
    r"(?<!\w)(?:" + _phrases(COMPARISON_BASE) + r")(?:\s+(?:the|dem|der|den|die))?"
    r"(?:\s+(?:year|jahr))?\s+$",
    re.IGNORECASE,
)
_COMPARED = re.compile(r"(?<!\w)(?:" + _phrases(COMPARISON_BASE) + r")(?!\w)", re.IGNORECASE)
_STATEMENT = re.compile(
    r"(?<!\w)(?:" + _phrases(REPORTING_VERBS) + r")(?:\s+(?:on|in|last|this|в|у|am|im))?\s+$",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"(?<!\w)(?:" + _phrases(REPORTING_VERBS) + r")(?!\w)", re.IGNORECASE)
BASE_GAP = 60  # chars from a change to the base time it is measured against ("up 25% from 2024")
_NOT_FRAMED_AFTER = re.compile(
    r"[\s-]{0,2}(?:" + _phrases(NOT_FRAMED_AFTER) + r")(?!\w)", re.IGNORECASE
)
_NOT_FRAMED_BEFORE = re.compile(
    r"(?<!\w)(?:" + _phrases(NOT_FRAMED_BEFORE) + r")\s{1,3}(?:(?:of|to|von|auf)\s{1,3})?$",
    re.IGNORECASE,
)
# a list item: a line opened by a bullet or a dash
_ITEM = re.compile(r"[ \t\u00a0]*[-–—•*▪·]")
# a dateline: the stamp that opens a text (" date 2024-07-31 ..."), a line holding nothing but a
# date, or a byline ("by NAME April 10, 2024 2:40 PM 2 min read")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t\u00a0]*(?P<stamp>date[ \t]*)?$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(
    r"[ \t\u00a0]*(?:,?[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|Uhr))?)?"
    r"[ \t\u00a0]*(?:\n|$)"
)
_BYLINE = re.compile(
    r"(?:^|\n)[^\n]{0,80}?\b(?:\d{1,2}:\d{2}\s*(?:[AaPp][Mm])|\d+\s+min(?:ute)?s?\s+read)",
)
_PLACE_BEFORE = re.compile(
    r"[ \t\u00a0]*(?-i:[A-ZÄÖÜА-ЯІЇЄ])[\w.’'-]*(?:[ \t]+(?-i:[A-ZÄÖÜА-ЯІЇЄ])[\w.’'-]*){0,2},[ \t]*"
)
_DASH_AFTER = re.compile(r"[ \t\u00a0]*[-–—]")
_VAGUE = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in all_phrases(VAGUE_TIMES)) + r")(?!\w)",
    re.IGNORECASE)
_RESPECTIVELY = re.compile(r"(?<!\w)(?:" + _phrases(RESPECTIVELY) + r")(?!\w)", re.IGNORECASE)
RESPECTIVELY_GAP = 30  # chars between "respectively" and the period it distributes
ANAPHOR_OPENING = 25  # chars: an anaphor this near the sentence's start opens it ("Of these, ...")
ANAPHOR_REACH = 40  # chars: an anaphor this near a figure names it ("half of them")
# A sentence of the next paragraph that shares this many word stems with the sentence (with
# figures) that set the frame goes on about the same matter and keeps the frame.
SHARED_WORDS = 4
STEM = 6  # letters of a word compared ("spending"/"spendings", "рублей"/"рублів" differ)
_WORD = re.compile(r"[^\W\d_]{5,}")
_WAR_SPAN = re.compile(
    r"(?<!\w)(?:" + _phrases(SPAN_LEADS) + r")\s+(?:the\s+)?[\w’'-]{1,12}\s+(?:"
    + _phrases(SPAN_WARS) + r")(?!\w)",
    re.IGNORECASE,
)
_DATELINE_LOOKBACK = 80  # chars before a date searched for a byline's line start


def _dateline(text: str, t: TimeExpr) -> bool:
    """True for a date that stamps the text (its publication), not a time the text speaks of."""
    if t.type != "date":
        return False
    # A dateline opens its line: a date further into a long line is not one (and the line is
    # not scanned back to its start for every date of a soup of dates).
    lo = max(0, t.start - _DATELINE_LOOKBACK - 1)
    newline = text.rfind("\n", lo, t.start)
    if newline < 0 and lo > 0:
        return False
    line_start = newline + 1
    before = text[line_start : t.start]
    if _PLACE_BEFORE.fullmatch(before) and _DASH_AFTER.match(text, t.end):
        return True  # "Kyiv, Apr. 13 – ..."
    stamp = _DATELINE_BEFORE.search(before)
    if stamp is not None and (
        (line_start == 0 and stamp.group("stamp")) or _DATELINE_AFTER.match(text, t.end)
    ):
        return True  # " date 2024-07-31 ...", or a date alone on its line
    if t.start - line_start > _DATELINE_LOOKBACK:
        return False
    line_end = text.find("\n", t.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _BYLINE.search(line) is not None


def _own_time(text: str, t: TimeExpr) -> bool:
    """False for a time that is a comparison's base ("more than in 2023") or the date of a
    statement ("officials said Monday")."""
    lo = max(0, t.start - LOOKBEHIND)
    return _COMPARISON.search(text, lo, t.start) is None and \
        _STATEMENT.search(text, lo, t.start) is None


def _statement_date(text: str, t: TimeExpr, figures: list[Quantity]) -> bool:
    """True for the date of a statement told before its figures: "In mid-November, the
    minister said the budget envisages ..." (a reporting verb between the time and the first
    figure after it, in the same sentence)."""
    # figures are in order of position: the first at or after the time, by bisection
    k = bisect.bisect_left(figures, t.end, key=lambda f: f.start)
    if k >= len(figures):
        return False
    return _REPORTING.search(text, t.end, figures[k].start) is not None


def _comparison_base(text: str, t: TimeExpr) -> bool:
    """True for the base of a comparison: "more than in 2023", "from the 2024 level"."""
    return _COMPARISON.search(text, max(0, t.start - LOOKBEHIND), t.start) is not None


def _from_base(
    text: str, q: Quantity, chosen: Period, bases: list[TimeExpr], figures: list[Quantity]
) -> Period:
    """A change measured against a base time ("up 25% from the 2024 level" in a sentence on
    2025) spans from the base to the figure's own time; a multiplier ("16 times more than in
    2024") keeps its own time."""
    if q.kind == "ratio" or chosen[0] is None or chosen[0] != chosen[1]:
        return chosen
    lo = bisect.bisect_left(bases, q.end, key=lambda t: t.start)  # bases ordered by position
    hi = bisect.bisect_right(bases, q.end + BASE_GAP, key=lambda t: t.start)
    for t in bases[lo:hi]:
        between = figures[
            bisect.bisect_left(figures, q.end, key=lambda f: f.start):
            bisect.bisect_left(figures, t.start, key=lambda f: f.start)
        ]
        if any(not _converted(text, q, f) for f in between) or \
                _CLAUSE_BREAK.search(text, q.end, t.start):
            continue
        base = period_of(text, t)
        if base is not None and base[0] is not None and base[0] == base[1] and \
                base[0] < chosen[0]:
            return (base[0], chosen[1])
    return chosen


def _not_framed(text: str, q: Quantity) -> bool:
    """A figure that no time frames: a duration, an age, a probability."""
    if q.kind == "duration":
        return True
    if _NOT_FRAMED_AFTER.match(text, q.end):
        return True
    return _NOT_FRAMED_BEFORE.search(text, max(0, q.start - LOOKBEHIND), q.start) is not None


def _increment(text: str, q: Quantity) -> bool:
    """A bracketed increment beside a total ("7,100 (+12)"): the day's change, not the total's."""
    return q.change and text[max(0, q.start - 2) : q.start].rstrip().endswith("(")


def _without_restated_starts(
    text: str, candidates: list[tuple[TimeExpr, Period]]
) -> list[tuple[TimeExpr, Period]]:
    """Drop a date that restates the start of the period right before it ("since the incursion,
    which began in August"): it dates the event, not a figure."""
    periods = sorted(
        ((o.end, j) for j, (o, _) in enumerate(candidates) if o.type == "period"),
    )
    period_ends = [e for e, _ in periods]
    out = []
    for t, p in candidates:
        restated = False
        if t.type == "date":
            # the periods ending at most RESTATED_GAP chars before the date, found by bisection
            lo = bisect.bisect_left(period_ends, t.start - RESTATED_GAP)
            hi = bisect.bisect_right(period_ends, t.start)
            restated = any(
                o.from_ == t.value and _EVENT_START.search(text, o.end, t.start)
                for o in (candidates[j][0] for _, j in periods[lo:hi])
            )
        if not restated:
            out.append((t, p))
    return out


def _merge_open_start(chosen: Period, candidates: list[tuple[TimeExpr, Period]]) -> Period:
    """"Since X and as of Y": the as-of date takes the start of an open period beside it."""
    if chosen[0] is not None or chosen[1] is None:
        return chosen
    for _t, p in candidates:
        if p[0] is not None and p[1] is None and p[0] <= chosen[1]:
            return (p[0], chosen[1])
    return chosen


def _close_open_period(chosen: Period, candidates: list[tuple[TimeExpr, Period]]) -> Period:
    """"On September 3 ... lost 1,000 tanks since the war began": the as-of date of the same
    sentence closes the open period."""
    start = chosen[0]
    if start is None:
        return chosen
    for _t, p in candidates:
        if p[0] is None and p[1] is not None and p[1] >= start:
            return (start, p[1])
    return chosen


def _joined_over_times(
    sentences: list[tuple[int, int, int]], times: list[TimeExpr]
) -> list[tuple[int, int, int]]:
    """Sentences of one paragraph that a time runs across ("bis zum 1. Juni 2024", cut after
    "1.") are one sentence."""
    ends = [b for _, b, _ in sentences]
    crossed: set[int] = set()  # indices of sentences whose end a time runs across
    for t in times:
        k = bisect.bisect_right(ends, t.start)
        while k < len(ends) and ends[k] < t.end:
            crossed.add(k)
            k += 1
    out: list[tuple[int, int, int]] = []
    for k, sent in enumerate(sentences):
        if out and k - 1 in crossed and out[-1][2] == sent[2]:
            out[-1] = (out[-1][0], sent[1], sent[2])
        else:
            out.append(sent)
    return out


def assign_periods(
    text: str,
    quantities: list[Quantity],
    times: list[TimeExpr],
    sentences: list[tuple[int, int, int]],
    chains: list[tuple[str, ...]],
) -> list[Period]:
    """``(period_from, period_to)`` of each quantity (quantities ordered by position).

    A figure takes a time of its own sentence; without one it takes the frame set before: in
    the paragraph that set it (when a sentence with figures set it), in a list under the header
    that set it, in the next paragraph when that goes on about the same matter or says "also",
    and anywhere a word points back at it ("of these", "since then", "to date").
    """
    out: list[Period] = [(None, None)] * len(quantities)
    if not quantities:
        return out
    frame: Period | None = None
    frame_chain: tuple[str, ...] | None = None
    frame_paragraph = -1  # the paragraph that set the frame or last carried it
    frame_from_item = False  # the frame was set by a list item, not by the list's header
    frame_with_figures = False  # the frame was set by a sentence with figures of its own
    frame_words: set[str] = set()  # word stems of the sentence that set the frame
    paragraph = -1
    previous_paragraph = -1  # the paragraph of the sentence before
    linked = False
    usable = [t for t in times if not _dateline(text, t) and _own_time(text, t)]
    compared = [t for t in times if _comparison_base(text, t)]
    sentences = _joined_over_times(sentences, usable)
    starts = [a for a, _, _ in sentences]
    ends = [b for _, b, _ in sentences]
    quantities_of = group_by_span((q.start for q in quantities), starts, ends)
    times_of = group_by_span((t.start for t in usable), starts, ends)
    bases_of = group_by_span((t.start for t in compared), starts, ends)
    # a time broken over a line ("In Aug.\n2023, ...") belongs to the sentence it ends in too
    for k, ending in enumerate(group_by_span((t.end - 1 for t in usable), starts, ends)):
        if ending:
            known = set(times_of[k])  # a set: a sentence of many times stays linear
            times_of[k] += [j for j in ending if j not in known]
    for k, (s_start, s_end, s_paragraph) in enumerate(sentences):
        if s_paragraph != paragraph:
            previous_paragraph, paragraph = (paragraph, s_paragraph)
            linked = _LINKED.match(text, s_start) is not None
        if linked:
            continue  # "Read more: ...": another story's figures and times
        in_sent = quantities_of[k]
        own = [(t, period_of(text, t)) for t in (usable[j] for j in times_of[k])]
        resolved = _without_restated_starts(text, [(t, p) for t, p in own if p is not None])
        if in_sent:
            spans = _war_spans(text, s_start, s_end)
            if spans:
                resolved = sorted(resolved + spans, key=lambda c: c[0].start)
        # a time of its own that cannot be resolved ("on July 9" with no year known, "later"):
        # the sentence has its own time, and the frame before is not it
        figures = [quantities[j] for j in in_sent]
        unknown = [
            (t, UNKNOWN) for t, p in own if p is None and not _statement_date(text, t, figures)
        ]
        if in_sent or frame is not None:
            unknown += _vague_times(text, s_start, s_end)
        unresolved = bool(unknown)
        if _TOPIC_CHANGE.match(text, s_start):
            frame, frame_chain = None, None  # "Separately, ...": a new story, not the same frame
        head = text[s_start : quantities[in_sent[-1]].start if in_sent else s_end] \
            if frame is not None else ""
        since_then = _SINCE_THEN.search(head) is not None
        is_item = _ITEM.match(text, s_start) is not None
        # A time in a sentence without figures dates that sentence's event: the figures after
        # it take it only where a word points back, but it still starts an "as of" total.
        # Beyond its paragraph, a frame reaches only figures that a word points back from.
        opens = frame if frame is not None and s_paragraph == frame_paragraph else None
        carries = frame is not None and not unresolved and (
            (s_paragraph == frame_paragraph and frame_with_figures)
            or bool(in_sent) and (
                since_then
                or _names_figures(text, s_start, head, figures)
                or _SO_FAR.search(head) is not None
                or (frame_paragraph == previous_paragraph and is_item and not frame_from_item)
                or (frame_paragraph == previous_paragraph
                    and _CONTINUATION.search(head) is not None)
                or (frame_paragraph == previous_paragraph and frame_with_figures and not is_item
                    and len(_content_words(text[s_start:s_end]) & frame_words) >= SHARED_WORDS)
            )
        )
        inherited: Period | None = None
        if carries and frame is not None:
            inherited = (frame[0] or frame[1], None) if since_then else frame
            frame_paragraph = s_paragraph
            if in_sent:
                frame_chain = chains[in_sent[-1]]  # the report goes on, in this voice
        by_turn = _respectively(text, figures, resolved, s_start, s_end) if figures else {}
        candidates = resolved + unknown
        bases = [compared[j] for j in bases_of[k]]
        window = _Window(candidates, figures) if len(candidates) > 2 * CANDIDATE_WINDOW else None
        for pos, i in enumerate(in_sent):
            if pos >= DENSE_SENTENCE_FIGURES:
                break  # a sentence of very many figures is no prose: the rest take no period
            tick()
            q = quantities[i]
            if _not_framed(text, q):
                continue
            if pos in by_turn:
                out[i] = by_turn[pos]
                continue
            chosen = _choose(text, q, candidates, figures, window)
            if chosen == UNKNOWN:
                continue  # its own time, unresolved: no period
            if chosen is None:
                chosen = inherited
            elif chosen[0] is None:
                start = inherited or opens
                if start is not None and start[0] and not start[1]:
                    chosen = (start[0], chosen[1])  # "since X" earlier, "as of Y" now
                else:
                    chosen = _merge_open_start(chosen, resolved)
            elif chosen[1] is None:
                chosen = _close_open_period(chosen, resolved)
            if chosen is not None and bases_of[k]:
                chosen = _from_base(text, q, chosen, bases, figures)
            if chosen is not None and chosen[0] is None and chosen[1] is not None and \
                    _RATE_AFTER.match(text, q.end):
                chosen = (chosen[1], chosen[1])  # "about 600 people a day": over that date
            if chosen is not None and chosen[1] is None and _increment(text, q):
                chosen = None  # "(+12)" beside a total since X: the day's change
            out[i] = chosen or (None, None)
        if resolved:
            framed = [i for i in in_sent if any(out[i])]
            frame = resolved[-1][1] if not framed else out[framed[-1]]
            frame_chain = chains[in_sent[-1]] if in_sent else _chain_at(quantities, chains, s_start)
            frame_paragraph = s_paragraph
            frame_from_item = is_item  # an item's own date is not the list's header
            frame_with_figures = bool(in_sent)
            frame_words = _content_words(text[s_start:s_end])
        elif in_sent and frame_chain is not None and chains[in_sent[-1]] != frame_chain:
            frame, frame_chain = None, None
    return out


def _chain_at(
    quantities: list[Quantity], chains: list[tuple[str, ...]], pos: int
) -> tuple[str, ...]:
    """The chain of the last quantity before ``pos``: the voice that set a frame."""
    k = bisect.bisect_left(quantities, pos, key=lambda q: q.start)  # ordered by position
    return chains[k - 1] if k > 0 else ()
