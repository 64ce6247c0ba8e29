"""Issue 15: a figure's first clause break after it answers what a bounded search would.

``periods._choose`` drops a time after a figure when a clause break stands between them; it
looks the break up among the text's breaks, found once, instead of searching each span.
"""

from __future__ import annotations

import bisect

import pytest

from claimledger.extract import periods

TEXTS = [
    "1,200 cases, and since May 400 more; 30 later, but 12 in June",
    "Die Zahl stieg auf 50, und im Mai auf 60; danach,  aber kaum, 70",
    "Число выросло до 50, а в мае до 60, но потом, и только потом, 70;",
    "Кількість зросла до 50, та в травні до 60, але згодом ;; 70",
    ",and ,but , while,whereas; , und,aber x",  # breaks without spaces, and near misses
    "no break here at all, none",
]


def _shortcut(text: str, lo: int, hi: int) -> bool:
    starts, ends = periods._clause_breaks(text)
    k = bisect.bisect_left(starts, lo)
    return k < len(ends) and ends[k] <= hi


@pytest.mark.parametrize("text", TEXTS)
def test_the_first_break_answers_every_bounded_search(text: str) -> None:
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            searched = periods._CLAUSE_BREAK.search(text, lo, hi) is not None
            assert _shortcut(text, lo, hi) == searched, (lo, hi)
