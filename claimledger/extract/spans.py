"""Shared text scans of one document, computed once and reused by every extraction stage.

``sentence_of`` and ``group_by_span`` place items in sentences by bisection instead of testing
every item against every sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence


def sentence_of(pos: int, starts: Sequence[int], ends: Sequence[int]) -> int:
    """The index of the span (sorted, non-overlapping) with ``start <= pos < end``, or -1."""
    k = bisect.bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < ends[k] else -1


def group_by_span(
    positions: Iterable[int], starts: Sequence[int], ends: Sequence[int]
) -> list[list[int]]:
    """For each span, the indices (in input order) of the positions that fall inside it."""
    groups: list[list[int]] = [[] for _ in starts]
    for i, pos in enumerate(positions):
        k = sentence_of(pos, starts, ends)
        if k >= 0:
            groups[k].append(i)
    return groups
