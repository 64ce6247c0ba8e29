"""Across reports: series by frame, claims (one statement relayed) and conflicts between relays.

The notions are those of the evaluation guide (``ACROSS.md``):

- a **series** is what a figure is a value of: the thing counted (its metric, else the first
  stems of its ``what``), the scope (national, one region, a sub-count such as "captured"), the
  aggregation (a running total since a start, a figure for one period, one day's increment, an
  average) and the kind and unit. Its id is the frame written out (``Frame.key``).
- a **claim** is one statement of one original source (the last link of the chain, the outlet
  when it speaks on its own; a syndicated copy speaks with its original): the relays of one
  value at near dates, the figures of a series from that source about the same period (a month,
  a day) that agree or differ by a slip of a digit, and running totals that agree within
  ``RELAY_DAYS``. Each statement's figures then take the frame most of them give it, so a relay
  in other words or another language joins the series its other relays name.
- a **conflict** is a claim two of whose figures, from different reports, disagree beyond their
  written precision (the intervals their written digits round to do not overlap): "684" against
  "64". Rounding ("over 20,000" for 20,538) is not a conflict.

Everything here is a pure function of the stored figures (and their documents' texts, for the
clause a frame is read from): the same ledger gives the same series and claims.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..lexicon.things import BELLIGERENTS
from ..store.base import ClaimRow
from .frames import (
    Frame,
    added_in_clause,
    clause_of,
    figure_tail,
    frame_of,
    has_cue,
    list_clause_of,
    parse_frame,
    sentence_before,
    sentence_lead,
)
from .metrics import Metric, figure_context, load_metrics, metrics_named
from .precision import (
    MIN_SLIP_DIGITS,
    disjoint,
    one_slip,
    relay_interval,
    significant_digits,
    written_digits,
    written_interval,
)
from .provenance import (
    MAX_RELAYS,
    chain_keys,
    original_source,
    source_key,
    syndicated,
    url_date,
)
from .series import date_bounds
from .things import AUTO_PREFIX, suffering_actor

__all__ = ["FigureLink", "Frame", "link_figures", "parse_frame", "written_interval"]

RELAY_DAYS = 45  # agreeing figures of one source this close in date are one statement relayed
PARTICULAR_DIGITS = 3  # a value written with this many significant digits rarely recurs by chance
STORY_COUNT_BELOW = 1000  # a number in words below this is a count in a story, not a tally
STATED_SHARE = 3  # a scope stated by one in this many reports of a statement is its scope
VOTE_ROUNDS = 2  # rounds of frame votes and statement joins (a second round settles the joins)

@dataclass(frozen=True)
class FigureLink:
    """Where one stored figure stands across reports."""

    doc_id: str
    index: int
    series: str | None  # None: a figure that names nothing to follow (no ``what``)
    claim: str | None
    conflict: bool
    original_source: str
    as_of: str | None  # the date the figure is as of (ISO, maybe partial)
    dated_by: str  # period | published | url | dateline | none: where ``as_of`` came from


@dataclass(frozen=True)
class _Figure:
    claim: ClaimRow
    frame: Frame | None
    source: str
    as_of: str | None
    dated_by: str
    day: date | None  # the first day ``as_of`` covers
    period: str | None  # the stated period a figure is about (a month, a day), if it has one
    interval: tuple[float, float]
    told: str | None = None  # the aggregation the figure's own words state (None: "total")


def _figure(
    claim: ClaimRow, context: str, metrics: Sequence[Metric],
    outlet_source: Callable[[str | None], str | None], line_date: str | None = None,
    cue_context: str | None = None, added: bool = False, tail: str = "", before: str = "",
    sufferer: str = "",
) -> _Figure:
    frame = frame_of(claim, context, metrics, cue_context, added, tail, before, sufferer)
    if claim.period_to:
        as_of, dated_by = claim.period_to, "period"
    elif claim.published:
        as_of, dated_by = claim.published[:10], "published"
    elif (from_url := url_date(claim.url)) is not None:
        as_of, dated_by = from_url, "url"
    elif line_date:
        as_of, dated_by = line_date, "dateline"
    else:
        as_of, dated_by = None, "none"
    bounds = date_bounds(as_of)
    period = claim.period_to if claim.period_from and claim.period_from == claim.period_to else None
    return _Figure(
        claim=claim, frame=frame, source=original_source(claim, outlet_source), as_of=as_of,
        dated_by=dated_by, day=bounds[0] if bounds else None, period=period,
        interval=relay_interval(claim),
        told=frame.aggregation if frame is not None and frame.aggregation != "total" else None,
    )


class _Groups:
    """Union-find over figure positions: which figures are one statement."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return out


SHARE_KINDS = frozenset({"ratio", "percent"})  # a share of a whole, not a count


def _near(a: _Figure, b: _Figure) -> bool:
    if a.day is None or b.day is None:
        return True
    return abs((a.day - b.day).days) <= RELAY_DAYS


def _apart(a: _Figure, b: _Figure, metrics: Sequence[Metric]) -> bool:
    """Whether two figures of one value are told as counts of two things: each names a
    metric of its own and not the other's ("12 air defence systems", "12 MLRS"; a ``what``
    that runs over two items of a list, "occupiers and destroyed artillery", may be of
    either). No source or rare value makes them one statement."""
    fa, fb = a.frame, b.frame
    if fa is None or fb is None or fa.thing == fb.thing:
        return False
    if fa.thing.startswith(AUTO_PREFIX) or fb.thing.startswith(AUTO_PREFIX):
        return False
    return (fb.thing not in metrics_named(a.claim.what, metrics)
            and fa.thing not in metrics_named(b.claim.what, metrics))


def _relay_edges(facts: Sequence[_Figure], groups: _Groups, metrics: Sequence[Metric]) -> None:
    """Join figures of different reports that repeat one statement: the same value (kind,
    unit and range; "about" or a "+" does not make another statement) at near dates, from the
    same original source, or about the same thing where one report names no source, or with a
    value too particular to recur by chance."""
    by_value: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        c = f.claim
        if f.frame is None or not math.isfinite(c.value):
            continue
        by_value[(c.kind, c.unit or "", c.value, c.value_high)].append(i)
    for idx in by_value.values():
        if len(idx) > MAX_RELAYS:
            continue  # a value this common ("100%", "2") says nothing about identity
        for pos, i in enumerate(idx):
            for j in idx[pos + 1:]:
                a, b = facts[i], facts[j]
                if a.claim.doc_id == b.claim.doc_id or not _near(a, b) or _apart(a, b, metrics):
                    continue
                digits = min(significant_digits(a.claim), significant_digits(b.claim))
                change = a.claim.change or b.claim.change
                if change or (digits < MIN_SLIP_DIGITS and abs(a.claim.value) < 100):
                    # "+4", "8 tanks": one day's small figures recur every day; only a report of
                    # the same thing on the same day (or an undated one, except for a change of
                    # one digit) repeats them
                    same_day = a.as_of == b.as_of if a.as_of and b.as_of else (
                        digits >= MIN_SLIP_DIGITS or not change)
                    if not (same_day and a.frame is not None and b.frame is not None
                            and a.frame.thing == b.frame.thing):
                        continue
                # one original source, or one relaying source citing it in other words ("UK
                # Defence Intelligence, citing Mediazona" / "... citing Russian journalists")
                same_source = source_key(a.source) == source_key(b.source) or bool(
                    chain_keys(a.claim) & chain_keys(b.claim))
                # an unattributed relay of the same thing repeats it; two named sources of one
                # value are two statements unless the value is too particular for chance
                unnamed = not (a.claim.sources and b.claim.sources)
                same_thing = a.frame is not None and b.frame is not None and (
                    a.frame.thing == b.frame.thing)
                if same_source or (same_thing and unnamed) or digits >= PARTICULAR_DIGITS:
                    groups.union(i, j)


def _same_statement(a: _Figure, b: _Figure) -> bool:
    """Whether two figures of one series and source can be one statement: values that agree,
    or a one-slip misquote of the other's digits (which is then a conflict)."""
    if not disjoint(a.interval, b.interval):
        return True
    return one_slip(written_digits(a.claim), written_digits(b.claim))


def _report_edges(facts: Sequence[_Figure], groups: _Groups) -> None:
    """Join the agreeing figures of one series in one report (its title and its text, a
    number in words and in digits) that are one statement: of one source, or one of them
    naming no source (the report's own words relay the source it names elsewhere). Two
    named sources of one value stay two statements; figures about two stated periods too."""
    by_report: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.frame is not None and not f.claim.change:
            by_report[(f.claim.doc_id, f.frame.key)].append(i)
    for idx in by_report.values():
        for pos, i in enumerate(idx):
            for j in idx[pos + 1:]:
                a, b = facts[i], facts[j]
                if a.period and b.period and a.period != b.period:
                    continue
                if disjoint(a.interval, b.interval):
                    continue
                if source_key(a.source) == source_key(b.source) or not (
                        a.claim.sources and b.claim.sources):
                    groups.union(i, j)


def _statement_edges(facts: Sequence[_Figure], groups: _Groups) -> None:
    """Join figures of one series and one original source that state the same thing: those
    about the same stated period (a month's count, however each relay writes it) whose values
    agree or differ by one slip; running totals whose values agree, dated within
    ``RELAY_DAYS``; and one day's increments of the same day."""
    by_series: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.frame is not None:
            by_series[(f.frame.key, source_key(f.source))].append(i)
    for idx in by_series.values():
        by_period: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            period = facts[i].period
            if period:
                for j in by_period[period]:
                    if _same_statement(facts[i], facts[j]):
                        groups.union(i, j)
                by_period[period].append(i)
        # one source's share of one thing, relayed on one day by two reports, is one statement
        # however each relay words it ("a third" / "half"): two versions of it disagree
        by_day: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            f = facts[i]
            if f.claim.kind in SHARE_KINDS and not f.period and f.as_of and f.claim.sources:
                for j in by_day[f.as_of]:
                    if facts[j].claim.doc_id != f.claim.doc_id:
                        groups.union(i, j)
                by_day[f.as_of].append(i)
        # one report's agreeing figures ("4,000 tanks" in its title, 3,947 in its text) are one
        # statement whatever their dates; across reports only dated figures written in digits
        rest = sorted((i for i in idx if not facts[i].period and written_digits(facts[i].claim)),
                      key=lambda i: facts[i].interval[0])
        for pos, i in enumerate(rest):
            for j in rest[pos + 1:]:
                a, b = facts[i], facts[j]
                if b.interval[0] > a.interval[1]:
                    break
                if a.claim.doc_id == b.claim.doc_id:
                    groups.union(i, j)
                    continue
                if a.day is None or b.day is None:
                    continue
                frame = a.frame
                if frame is not None and frame.aggregation == "increment":
                    if a.as_of == b.as_of:
                        groups.union(i, j)
                elif _near(a, b):
                    groups.union(i, j)


def _conflict(a: _Figure, b: _Figure) -> bool:
    """Whether two figures of one claim are rival versions of one statement: from different
    reports, about the same stated period or date (or one a slip of the other's digits), with
    intervals that do not overlap. Agreeing running totals of nearby days chained into one
    claim are not rivals of each other."""
    if a.claim.doc_id == b.claim.doc_id or not disjoint(a.interval, b.interval):
        return False
    if a.period and a.period == b.period:
        return True
    if a.as_of and a.as_of == b.as_of:
        return True
    return one_slip(written_digits(a.claim), written_digits(b.claim))


def _vote(facts: list[_Figure], family: list[int]) -> Frame | None:
    """The frame most members of one statement give it: a named metric over words, then the
    most frequent aggregation and scope (ties broken by name, so the result is stable)."""
    frames = [fr for fr in (facts[i].frame for i in family) if fr is not None]
    if not frames:
        return None
    things = Counter(f.thing for f in frames)
    named = {t: n for t, n in things.items() if not t.startswith("auto:")}
    pool = named or things
    thing = sorted(pool.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    # each member votes with what its own words state (a start settled for it is no vote); a
    # running total whose start is unstated takes the start its relays state
    told = Counter(facts[i].told or "total" for i in family if facts[i].frame is not None)
    aggregation = sorted(told.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    starts = Counter({a: n for a, n in told.items() if a.startswith("since:")})
    if aggregation == "total" and starts:
        aggregation = sorted(starts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    # the scope: one vote per report (a report that repeats its figure does not weigh more);
    # a scope stated by a third of the reports outvotes the relays that state none
    by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for i in family:
        if (fr := facts[i].frame) is not None:
            by_doc[facts[i].claim.doc_id][fr.scope] += 1
    scopes: Counter[str] = Counter()
    for found in by_doc.values():
        named = Counter({sc: n for sc, n in found.items() if sc}) or found
        scopes[sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]] += 1
    stated = Counter({sc: n for sc, n in scopes.items() if sc})
    if stated and STATED_SHARE * sum(stated.values()) >= sum(scopes.values()):
        scopes = stated
    scope = sorted(scopes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return Frame(thing, scope, aggregation, frames[0].kind, frames[0].unit)


def _with_frame(f: _Figure, frame: Frame | None) -> _Figure:
    return replace(f, frame=frame)


def _same_period(facts: list[_Figure], anaphoric: set[int]) -> list[_Figure]:
    """A figure counted "during the same period" as the figure told before it takes that
    figure's aggregation (one day's increments go on in the next sentence)."""
    out = list(facts)
    last: dict[str, int] = {}
    for i in sorted(range(len(facts)), key=lambda i: (facts[i].claim.doc_id,
                                                      facts[i].claim.start)):
        f = facts[i]
        before = last.get(f.claim.doc_id)
        if (i in anaphoric and before is not None and f.frame is not None
                and (prev := out[before].frame) is not None
                and f.frame.aggregation in ("total", "increment")):
            fr = f.frame
            out[i] = _with_frame(f, Frame(fr.thing, fr.scope, prev.aggregation, fr.kind,
                                          fr.unit))
        if (mine := out[i].frame) is not None and mine.kind == "count":
            last[f.claim.doc_id] = i
    return out


def _documented_in_report(facts: list[_Figure]) -> list[_Figure]:
    """A report that gives a documented count ("Oryx reports 3,947 tanks") and rounds it
    elsewhere ("4,000 tanks gone") without saying how it was counted: the rounding is of the
    documented count too (same thing, aggregation, kind and unit, overlapping values)."""
    documented: dict[tuple[str, ...], list[tuple[tuple[float, float], str]]] = defaultdict(list)
    for f in facts:
        fr = f.frame
        if fr is not None and fr.scope.startswith("method:"):
            key = (f.claim.doc_id, fr.thing, fr.aggregation, fr.kind, fr.unit)
            documented[key].append((f.interval, fr.scope))
    out = []
    for f in facts:
        fr = f.frame
        if fr is not None and not fr.scope and not has_cue(f.claim.what or "", "estimate"):
            found = documented.get((f.claim.doc_id, fr.thing, fr.aggregation, fr.kind, fr.unit))
            method = next((sc for iv, sc in found or () if not disjoint(f.interval, iv)), None)
            if method:
                f = _with_frame(f, replace(fr, scope=method))
        out.append(f)
    return out


def _without_region(scope: str) -> str:
    """A scope with its region taken off ("region:kursk+captured" -> "facet:captured")."""
    if not scope.startswith("region:"):
        return scope
    rest = scope.partition("+")[2]
    return rest if not rest or rest.startswith(("method:", "facet:")) else "facet:" + rest


def _contingent_theatre(facts: list[_Figure]) -> list[_Figure]:
    """A contingent sent to one theatre (an actor other than the ``BELLIGERENTS``, whose
    figures name one region at most) is counted whole there: "North Korean losses in the Kursk
    region" and "North Korean losses" are one series. A contingent whose figures name two
    regions keeps them apart."""
    regions: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        fr = f.frame
        if fr is not None and fr.thing.startswith(AUTO_PREFIX) and "@" in fr.thing:
            actor = fr.thing.rpartition("@")[2]
            if actor not in BELLIGERENTS and fr.scope.startswith("region:"):
                regions[actor].add(fr.scope.partition("+")[0])
    out = []
    for f in facts:
        fr = f.frame
        if fr is not None and "@" in fr.thing and fr.scope.startswith("region:") and len(
                regions.get(fr.thing.rpartition("@")[2], ())) == 1:
            f = _with_frame(f, replace(fr, scope=_without_region(fr.scope)))
        out.append(f)
    return out


def _runs_to_report(f: _Figure) -> bool:
    """Whether a figure's period runs up to its report: open ("since September 2022"), or
    ending within ``RELAY_DAYS`` of the report's published date. "From October 1999 to
    December 2002" is history, not the start of the report's running totals."""
    end = date_bounds(f.claim.period_to)
    if end is None:
        return True
    report = date_bounds(f.claim.published or url_date(f.claim.url))
    return report is not None and (report[0] - end[1]).days <= RELAY_DAYS


def _settle_totals(figures: list[_Figure]) -> list[_Figure]:
    """A running total whose start is unstated takes the start its own report states for the
    same thing (scope, kind and unit) most often, else the start its series' relays state most
    often: "7,400 cases" joins "7,400 since September"; "471 of them" in a report of cases
    since September counts since September too."""
    starts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for f in figures:
        if f.frame and f.frame.aggregation.startswith("since:"):
            fs = f.frame
            if _runs_to_report(f):
                starts[(fs.thing, fs.scope, fs.kind, fs.unit)][fs.aggregation] += 1
                starts[(f.claim.doc_id, fs.thing, fs.kind, fs.unit)][fs.aggregation] += 1
    out = []
    for f in figures:
        fr = f.frame
        if fr and fr.aggregation == "total":
            key = (fr.thing, fr.scope, fr.kind, fr.unit)
            # a small number in words ("five officers", "one deserter") is a count in a
            # story, not a tally: only its own report settles its start
            tally = bool(written_digits(f.claim)) or abs(f.claim.value) >= STORY_COUNT_BELOW
            own = starts.get((f.claim.doc_id, fr.thing, fr.kind, fr.unit))
            found = own or (starts.get(key) if tally else None)
            if found:
                start = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                f = _with_frame(f, Frame(fr.thing, fr.scope, start, fr.kind, fr.unit))
        out.append(f)
    return out


def link_figures(
    figures: Iterable[tuple[ClaimRow, str]],
    metrics: Sequence[Metric] | None = None,
    outlet_source: Callable[[str | None], str | None] | None = None,
    datelines: Mapping[str, str] | None = None,
) -> list[FigureLink]:
    """Series, claim and conflict of every figure of ``figures`` (each with the text of its
    document), in the given order. ``datelines``: the date line of each report (by doc id), the
    date of a figure whose report has neither a published date nor one in its URL.

    Statements are found first (relays of one value, figures of one source about one period),
    then each statement's figures take the frame most of them give it, so a relay whose own
    words are thin ("the total number") joins the series its other relays name.
    """
    defs = list(load_metrics() if metrics is None else metrics)
    if outlet_source is None:
        from ..sources_registry import default_registry

        outlet_source = default_registry().for_outlet
    listed = list(figures)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    texts: dict[str, str] = {}
    outlets: dict[str, str | None] = {}
    for c, text in listed:
        spans[c.doc_id].append((c.start, c.end))
        texts.setdefault(c.doc_id, text)
        outlets.setdefault(c.doc_id, c.outlet)
    copies = syndicated([c for c, _ in listed], texts, outlets)
    facts: list[_Figure] = []
    same_period: set[int] = set()
    for c, text in listed:
        others = spans[c.doc_id]
        sentence = figure_context(text, c.start, c.end)
        cues = list_clause_of(text, c.start, c.end, others)
        fact = _figure(c, clause_of(text, c.start, c.end, others), defs, outlet_source,
                       (datelines or {}).get(c.doc_id), cues,
                       added_in_clause(text, c.start, c.end, others),
                       figure_tail(text, c.start, c.end, others),
                       # where an event's actor may be named: its sentence's lead, the one
                       # before it
                       sentence_lead(text, c.start, c.end) + "\n"
                       + sentence_before(text, c.start, c.end),
                       suffering_actor(sentence))
        if has_cue(sentence, "same_period"):
            same_period.add(len(facts))
        if c.doc_id in copies and not c.sources:  # a copy's own words are the original's
            origin = outlets.get(copies[c.doc_id])
            fact = replace(fact, source=outlet_source(origin) or origin or copies[c.doc_id])
        facts.append(fact)
    facts = _same_period(facts, same_period)
    facts = _documented_in_report(facts)
    facts = _contingent_theatre(facts)
    facts = _settle_totals(facts)
    groups = _Groups(len(facts))
    _relay_edges(facts, groups, defs)
    for _ in range(VOTE_ROUNDS):
        families = groups.members()
        for family in families.values():
            if len(family) > 1:
                frame = _vote(facts, family)
                for i in family:
                    facts[i] = _with_frame(facts[i], frame)
        facts = _contingent_theatre(facts)  # a vote may have given a relay its actor
        facts = _settle_totals(facts)
        _statement_edges(facts, groups)
        _report_edges(facts, groups)
    families = groups.members()
    claim_of: dict[int, str] = {}
    conflicted: set[int] = set()
    for root, family in families.items():
        frame = facts[root].frame
        if frame is None:
            continue
        head = min(family, key=lambda i: (facts[i].claim.doc_id, facts[i].claim.index))
        first = facts[head].claim
        cid = f"{frame.key}#{source_key(facts[head].source)}#{first.doc_id}:{first.index}"
        for i in family:
            claim_of[i] = cid
        for pos, i in enumerate(family):
            for j in family[pos + 1:]:
                if _conflict(facts[i], facts[j]):
                    conflicted.update((i, j))
    return [
        FigureLink(
            doc_id=f.claim.doc_id, index=f.claim.index,
            series=f.frame.key if f.frame else None, claim=claim_of.get(i),
            conflict=i in conflicted, original_source=f.source, as_of=f.as_of,
            dated_by=f.dated_by,
        )
        for i, f in enumerate(facts)
    ]
