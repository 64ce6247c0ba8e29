"""Over which period: the time frame of each figure, from its sentence or a frame set earlier.

A period expression ("since February 2022", "between January and May 2023") gives both ends;
a date introduced by "as of", "by", "on", "станом на", "по состоянию на" is the date a cumulative
figure stands at (``period_to`` only); any other date ("in March 2024", "за добу 17 січня") scopes
the figure to that date, month or year (both ends). A sentence without a usable time expression
inherits the frame of the report so far, as long as the same source is speaking.
"""

from __future__ import annotations

import re

from ..model import Quantity, TimeExpr
from .spans import group_by_span

FOLLOWING_PENALTY = 15  # chars: a time before the figure is preferred over one after it
OWN_TIME_GAP = 40  # chars: a time this close after a figure ("3,000 a day in 2024") is its own
LOOKBEHIND = 30  # chars before a date searched for its preposition ("as of", "станом на")

Period = tuple[str | None, str | None]

_AS_OF = re.compile(
    r"(?:\b(?:as\s+of|as\s+at|by|on|until|till|through|to\s+date|up\s+to)|"
    r"станом\s+на|по\s+состоянию\s+на|\bна|\bдо|\bbis|\bStand|\bper)\s*$",
    re.IGNORECASE,
)
# a sentence that opens a different story: the frame set before does not reach it
_TOPIC_CHANGE = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:separately|in\s+other\s+news|окремо|отдельно|unabhängig\s+davon)\b",
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
    return (t.value, t.value)


def _choose(
    q: Quantity,
    candidates: list[tuple[TimeExpr, Period]],
    figures: list[Quantity] | None = None,
) -> Period | None:
    """The frame of the nearest time, a preceding one preferred; but a figure followed closely by
    its own time ("1,000 a day in 2023 and 3,000 a day in 2024") takes that one when the time
    before it belongs to an earlier figure (follows that figure with no other figure between)."""
    if figures:
        own = _own_following(q, candidates, figures)
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


def _own_following(
    q: Quantity, candidates: list[tuple[TimeExpr, Period]], figures: list[Quantity]
) -> Period | None:
    after = [c for c in candidates if c[0].start >= q.end]
    before = [c for c in candidates if c[0].end <= q.start]
    if not after or not before:
        return None
    following = min(after, key=lambda c: c[0].start)
    preceding = max(before, key=lambda c: c[0].end)
    if following[0].start - q.end > OWN_TIME_GAP or any(
        q.end <= f.start < following[0].start for f in figures
    ):
        return None  # another figure stands between: the time is not this one's
    owner = [f for f in figures if f.end <= preceding[0].start]
    if not owner or any(owner[-1].end <= c[0].start < preceding[0].start for c in candidates):
        return None  # the time before opens the sentence, or it is another figure's own
    if any(preceding[0].end <= f.start < q.start for f in figures if f is not q):
        return None
    return following[1]


def assign_periods(
    text: str,
    quantities: list[Quantity],
    times: list[TimeExpr],
    sentences: list[tuple[int, int, int]],
    chains: list[tuple[str, ...]],
) -> list[Period]:
    """``(period_from, period_to)`` of each quantity (quantities ordered by position)."""
    out: list[Period] = [(None, None)] * len(quantities)
    frame: Period | None = None
    frame_chain: tuple[str, ...] | None = None
    starts = [a for a, _, _ in sentences]
    ends = [b for _, b, _ in sentences]
    quantities_of = group_by_span((q.start for q in quantities), starts, ends)
    times_of = group_by_span((t.start for t in times), starts, ends)
    for k, (s_start, _s_end, _paragraph) in enumerate(sentences):
        in_sent = quantities_of[k]
        resolved = [
            (t, p)
            for t in (times[j] for j in times_of[k])
            for p in [period_of(text, t)]
            if p is not None
        ]
        if _TOPIC_CHANGE.match(text, s_start):
            frame, frame_chain = None, None  # "Separately, ...": a new story, not the same frame
        for i in in_sent:
            q = quantities[i]
            chosen = _choose(q, resolved, [quantities[j] for j in in_sent])
            if chosen is None:
                chosen = frame
            elif chosen[0] is None and frame is not None and frame[0] and not frame[1]:
                chosen = (frame[0], chosen[1])  # "since X" earlier, "as of Y" now: from X to Y
            out[i] = chosen or (None, None)
        if resolved:
            frame = resolved[-1][1] if not in_sent else out[in_sent[-1]]
            frame_chain = chains[in_sent[-1]] if in_sent else _chain_at(quantities, chains, s_start)
        elif in_sent and frame_chain is not None and chains[in_sent[-1]] != frame_chain:
            frame, frame_chain = None, None
    return out


def _chain_at(
    quantities: list[Quantity], chains: list[tuple[str, ...]], pos: int
) -> tuple[str, ...]:
    """The chain of the last quantity before ``pos``: the voice that set a frame."""
    before = [i for i, q in enumerate(quantities) if q.start < pos]
    return chains[before[-1]] if before else ()
