"""Which reports relay a reference's source, and which day of the reference each relays.

A figure relays the source when a link of its attribution chain names it: as written or by its
canonical name, or containing one of the registry's names for it word by word ("Generalstabs
der Streitkräfte der Ukraine zum heutigen Stand" holds "Generalstab"; "Генерального штабу ЗСУ"
holds "Генеральний штаб ЗСУ" once Cyrillic words are stemmed). A report published by the source
(its outlet) relays it in its own voice. A report whose totals equal one day's values of the
reference in two or more columns relays that day's update, whoever it names: the day dates its
undated figures, and the figures of the chains that gave it are checked.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..sources_registry import SourceRegistry, name_key
from ..store.base import ClaimRow
from .reference_frames import Frame

MIN_DATING_VALUE = 100  # smaller totals equal some early day of the reference by chance
MIN_DATING_COLUMNS = 2  # columns whose values must agree on one day to date a report
MIN_CHANGE_COLUMNS = 3  # columns whose day-to-day changes must agree to date a report by them
MAX_TIED_DAYS = 3  # a report whose totals fit more days than this, equally well, is not dated
MIN_PREFIX = 5  # a written word may extend a registry word of this length ("Generalstabs")
MAX_SUFFIX = 2  # ... by at most this many letters


@dataclass(frozen=True)
class Item:
    """A figure of a mapped metric with its column and frame."""

    claim: ClaimRow
    metric: str
    column: str
    frame: Frame


@dataclass(frozen=True)
class ReportDay:
    """The day of the update a report relays, found by its totals."""

    day: str
    columns: tuple[str, ...]  # the columns whose values equal that day's
    chains: frozenset[tuple[str, ...]]  # the attribution chains of the figures that agreed


class SourceMatcher:
    """Whether a written or canonical source name names ``source``."""

    def __init__(self, source: str, registry: SourceRegistry) -> None:
        self.source = source
        self.folded = source.casefold()
        self.canonical = registry.canonical(source)
        keys = {name_key(source), name_key(self.canonical)}
        if registry.known(source):
            keys |= {k for k, name in registry.aliases.items() if name == self.canonical}
        self.keys = [k.split() for k in keys if k]
        self.registry = registry

    def names(self, name: str) -> bool:
        """Whether ``name`` (one link of a chain) names the source."""
        if not name:
            return False
        if self.folded in name.casefold() or self.registry.canonical(name) == self.canonical:
            return True
        words = name_key(name).split()
        return any(_contains(words, key) for key in self.keys)

    def chain(self, claim: ClaimRow) -> bool:
        """Whether any link of the figure's chain, as written or canonical, names the source."""
        return any(self.names(n) for n in (*claim.sources, *claim.canonical_sources))

    def outlet(self, claim: ClaimRow) -> bool:
        """Whether the figure's report is published by the source."""
        if not claim.outlet:
            return False
        own = self.registry.for_outlet(claim.outlet)
        return own == self.canonical or self.names(claim.outlet)


def _word_fits(written: str, key: str) -> bool:
    if written == key:
        return True
    return (
        len(key) >= MIN_PREFIX and written.startswith(key) and len(written) - len(key) <= MAX_SUFFIX
    )


def _contains(words: Sequence[str], key: Sequence[str]) -> bool:
    n = len(key)
    return any(
        all(_word_fits(words[i + j], key[j]) for j in range(n)) for i in range(len(words) - n + 1)
    )


@dataclass(frozen=True)
class Total:
    """An exact total of a report that may date it: its value, its column if mapped (None for a
    figure of no mapped metric) and its chain."""

    doc_id: str
    value: float
    column: str | None
    sources: tuple[str, ...]


def dating_total(claim: ClaimRow, column: str | None, frame: Frame | None) -> Total | None:
    """``claim`` as a total that may date its report: exact, whole, large enough, no change."""
    if (
        claim.change
        or claim.kind != "count"
        or claim.approx != "exact"
        or claim.value_high is not None
        or claim.value < MIN_DATING_VALUE
        or (frame is not None and frame.kind != "total")
    ):
        return None
    return Total(claim.doc_id, claim.value, column, claim.sources)


def report_days(
    totals: Iterable[Total], where: Mapping[float, Sequence[tuple[str, str]]]
) -> dict[str, ReportDay]:
    """Per report, the day on which its exact totals equal the reference's values in the most
    columns (at least MIN_DATING_COLUMNS; a value in another column than its own counts too, a
    misread column being an extraction error, not another day), ties broken by the totals in
    their own columns; ``where`` is value -> the (day, column) pairs that have it."""
    by_doc: dict[str, list[Total]] = defaultdict(list)
    for t in totals:
        by_doc[t.doc_id].append(t)
    out: dict[str, ReportDay] = {}
    for doc, its in by_doc.items():
        votes: dict[str, set[str]] = defaultdict(set)
        own: dict[str, set[str]] = defaultdict(set)
        chains: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for t in its:
            for day, column in where.get(t.value, ()):
                votes[day].add(column)
                chains[day].add(t.sources)
                if column == t.column:
                    own[day].add(column)
        if not votes:
            continue
        score = {d: (len(cols), len(own[d])) for d, cols in votes.items()}
        best = max(score.values())
        if best[0] < MIN_DATING_COLUMNS:
            continue
        tied = sorted(d for d, sc in score.items() if sc == best)
        if len(tied) > MAX_TIED_DAYS:
            continue
        day = tied[0]
        out[doc] = ReportDay(day, tuple(sorted(votes[day])), frozenset(chains[day]))
    return out


def change_days(
    items: Iterable[Item],
    where: Mapping[tuple[str, float], Sequence[str]],
    own_day: Callable[[ClaimRow], bool],
) -> dict[str, ReportDay]:
    """Per report with no day of its own, the one day whose day-to-day changes equal its
    figures for one day ("+1,150", "19 artillery systems") in the most columns, at least
    MIN_CHANGE_COLUMNS and more than on any other day; ``where`` is (column, change) -> the days
    with that change. Small changes recur, so only a figure's own column counts."""
    by_doc: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        c = it.claim
        if (
            it.frame.kind == "total"
            and c.approx == "exact"
            and c.value_high is None
            and c.value > 0
            and not own_day(c)
        ):
            by_doc[c.doc_id].append(it)
    out: dict[str, ReportDay] = {}
    for doc, its in by_doc.items():
        votes: dict[str, set[str]] = defaultdict(set)
        chains: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for it in its:
            for day in where.get((it.column, it.claim.value), ()):
                votes[day].add(it.column)
                chains[day].add(it.claim.sources)
        ranked = sorted(votes, key=lambda d: (-len(votes[d]), d))
        if not ranked or len(votes[ranked[0]]) < MIN_CHANGE_COLUMNS:
            continue
        if len(ranked) > 1 and len(votes[ranked[1]]) == len(votes[ranked[0]]):
            continue
        day = ranked[0]
        out[doc] = ReportDay(day, tuple(sorted(votes[day])), frozenset(chains[day]))
    return out


def reaches(item: Item, matcher: SourceMatcher | None, dated: dict[str, ReportDay]) -> bool:
    """Whether ``item`` is checked: every figure without a source filter; with one, a figure
    naming the source, one in the source's own voice on its outlet, or one whose chain gave
    its report's day by totals."""
    if matcher is None:
        return True
    c = item.claim
    if matcher.chain(c):
        return True
    if not c.sources and matcher.outlet(c):
        return True
    rd = dated.get(c.doc_id)
    return rd is not None and c.sources in rd.chains
