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

import itertools
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import TimeExpr
from ..store.base import ClaimRow
from .metrics import Metric, assign_metric, content_words, figure_context, load_metrics, stem
from .series import date_bounds

RELAY_DAYS = 45  # agreeing figures of one source this close in date are one statement relayed
MAX_AUTO_STEMS = 2  # an automatic thing: the first stems of its what, in reading order
MAX_RELAYS = 200  # a written value shared by more figures than this is too common to link on
PARTICULAR_DIGITS = 3  # a value written with this many significant digits rarely recurs by chance
OPEN_BOUND_SHARE = 0.1  # "over X" is relayed as at most this share above X (or a digit's unit)
MIN_SLIP_DIGITS = 2  # digit strings shorter than this are no evidence of one statement
SYNDICATED_RATIO = 80.0  # texts of two outlets this similar (rapidfuzz ratio, 0-100): one copy
SYNDICATION_CHARS = 20_000  # how much of each text is compared for syndication
MIN_SHARED_FIGURES = 2  # reports compared for syndication share at least this many values
VOTE_ROUNDS = 2  # rounds of frame votes and statement joins (a second round settles the joins)
DATELINE_CHARS = 200  # a date this close to a report's start is its date line
FRAMES_FILE = "frames.json"  # the bundled cue words of frames, per language

_URL_DATE = re.compile(
    r"(?<!\d)(20\d{2})[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?!\d)"
)
_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"[;:()–—]|,(?!\d)")
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?")


@dataclass(frozen=True)
class Frame:
    """What a figure is a value of, independent of who states it and when."""

    thing: str  # a metric name, or "auto:" + stems of the figure's ``what``
    scope: str  # "" for the whole country or force, "region:<stem>", "facet:<captured|...>"
    aggregation: str  # total | since:<YYYY-MM> | per:<day|month|year> | increment | average
    kind: str
    unit: str

    @property
    def key(self) -> str:
        """The series id: the frame written out."""
        parts = [self.thing, self.aggregation, self.kind]
        if self.unit:
            parts.append(self.unit)
        if self.scope:
            parts.append(self.scope)
        return "|".join(parts)


def parse_frame(key: str) -> Frame:
    """The frame a series id (``Frame.key``) writes out."""
    parts = key.split("|")
    thing, aggregation, kind = (parts + ["", "", ""])[:3]
    unit = scope = ""
    for extra in parts[3:]:
        if extra.startswith(("region:", "facet:")):
            scope = extra
        else:
            unit = extra
    return Frame(thing, scope, aggregation, kind, unit)


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


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text)
    out: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for role, by_lang in raw.items():
        if not isinstance(by_lang, dict) or role == "facets":
            continue
        out[role] = {
            lang: tuple(tuple(_WORD.findall(p.casefold())) for p in phrases)
            for lang, phrases in by_lang.items()
        }
    return out


@lru_cache(maxsize=1)
def _facets() -> dict[str, tuple[str, ...]]:
    """Facet name -> the word prefixes (any language) that name it."""
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text).get("facets", {})
    return {name: tuple(p.casefold() for ps in by_lang.values() for p in ps)
            for name, by_lang in raw.items()}


def facet_of(what: str | None) -> str:
    """The sub-count a ``what`` names ("tanks captured" -> "captured"), or ""."""
    words = _WORD.findall((what or "").casefold())
    for name, prefixes in sorted(_facets().items()):
        if any(w.startswith(p) for w in words for p in prefixes):
            return name
    return ""


def _has_cue(words: Sequence[str], role: str) -> bool:
    """Whether a cue phrase of ``role`` (any language) starts the consecutive ``words``."""
    for phrases in _cues().get(role, {}).values():
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if all(words[i + j].startswith(phrase[j]) for j in range(n)):
                    return True
    return False


def written_interval(claim: ClaimRow) -> tuple[float, float]:
    """The values a written figure stands for (ACROSS.md): the interval its written digits
    round to, an integer's trailing zeros not significant; "about" widens it to a unit of the
    last significant digit; "over"/"at least" open it upwards, "under"/"up to" downwards."""
    v, hi = claim.value, claim.value_high
    if not math.isfinite(v):
        return (v, v)
    if hi is not None and math.isfinite(hi):
        return (min(v, hi), max(v, hi))
    if claim.approx in ("over", "at_least"):
        return (v, math.inf)
    if claim.approx in ("under", "at_most"):
        return (-math.inf, v)
    number = re.search(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?", claim.text)
    digits = re.sub(r"\D", "", number.group(0)) if number else ""
    n = int(digits) if digits else 0
    if n and v:
        unit = abs(v) / n
        if claim.approx == "about" or unit >= 1:
            unit *= 10 ** (len(digits) - len(digits.rstrip("0")))
    else:  # a number in words: a quarter of its leading digit's unit either side
        unit = 10 ** math.floor(math.log10(abs(v))) / 2 if v else 1.0
        if claim.approx == "about":
            unit *= 2
    return (v - unit / 2, v + unit / 2)


def relay_interval(claim: ClaimRow) -> tuple[float, float]:
    """The values a relay of a figure can plausibly state: its written interval, with an open
    bound ("over 6,000") closed at the next rounding step (``OPEN_BOUND_SHARE`` of the value
    or one unit of its last significant digit, whichever is more): "over 6,000" is relayed
    as 6,000 to 7,000, not as 11,000."""
    lo, hi = written_interval(claim)
    v = claim.value
    if math.isfinite(lo) and math.isfinite(hi) or not math.isfinite(v):
        return lo, hi
    zeros = 0
    digits = written_digits(claim)
    if digits and float(v).is_integer():
        zeros = len(digits) - len(digits.rstrip("0"))
    unit = abs(v) / int(digits) * 10 ** zeros if digits and int(digits) else abs(v)
    step = max(unit, OPEN_BOUND_SHARE * abs(v), 1e-9)
    return (lo, v + step) if math.isinf(hi) else (v - step, hi)


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def url_date(url: str | None) -> str | None:
    """The date a report's URL carries (``/2024/04/25/``, ``-20240425``, ``/2024-04/``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for m in _URL_DATE.finditer(path):
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            date(int(year), int(month), int(day or 1))
        except ValueError:
            continue
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    return None


def _month(iso: str | None) -> str | None:
    return iso[:7] if iso else None


def _granularity(iso: str) -> str:
    return {4: "year", 7: "month"}.get(len(iso), "day")


def clause_of(text: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()) -> str:
    """The words that frame a figure at ``start``..``end`` of ``text``: its sentence, or, when
    the sentence holds other figures (``others``: their spans), the part between the clause
    and list separators around it (so "за добу" after one item frames no total before it)."""
    sentence = figure_context(text, start, end)
    lo = text.find(sentence, max(0, start - len(sentence) - 1))
    if lo < 0:
        return sentence
    hi = lo + len(sentence)
    if not any(lo <= a and b <= hi and (a, b) != (start, end) for a, b in others):
        return sentence
    cut = max(text.rfind(c, lo, start) for c in ",;:()–—")
    stops = [i for i in (text.find(c, end, hi) for c in ",;:()–—") if i >= 0]
    return text[(cut + 1 if cut >= 0 else lo):(min(stops) if stops else hi)]


def list_clause_of(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> str:
    """A figure's clause (``clause_of``) with the items of the list it belongs to before it:
    in "за добу росіяни втратили 1400 солдатів, чотири танки" the tanks are counted over the
    day too. Only its aggregation is read from here (its thing comes from its own clause)."""
    sentence = figure_context(text, start, end)
    lo = text.find(sentence, max(0, start - len(sentence) - 1))
    if lo < 0:
        return sentence
    hi = lo + len(sentence)
    inside = [(a, b) for a, b in others if lo <= a and b <= hi and (a, b) != (start, end)]
    if not inside:
        return sentence
    cuts = [m.start() for m in _SEPARATOR.finditer(text, lo, hi) if not start <= m.start() < end]
    bounds = [lo - 1, *cuts, hi]
    parts = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]
    mine = next((n for n, (a, b) in enumerate(parts) if a <= start < b), 0)
    first = mine
    while first > 0 and any(parts[first - 1][0] <= a < parts[first - 1][1] for a, _ in inside):
        first -= 1
    return text[parts[first][0]:parts[mine][1]]


def frame_of(
    claim: ClaimRow, context: str, metrics: Sequence[Metric] | None = None,
    cue_context: str | None = None,
) -> Frame | None:
    """The frame of a figure read from its ``what``, its period and its clause ``context``;
    None when it names nothing countable. A ``what`` that names no metric is helped by the
    clause: the metric its words name, when one does. ``cue_context``, when given, is where the
    aggregation's cue words are looked for instead (``list_clause_of``)."""
    defs = load_metrics() if metrics is None else metrics
    name = claim.metric or assign_metric(claim.what, claim.kind, claim.unit, defs, context)
    if not name and context:
        name = assign_metric(context, claim.kind, claim.unit, defs, context)
    if name:
        thing = name
    else:
        own = set(_WORD.findall(claim.text.casefold()))
        stems = [stem(w) for w in content_words(claim.what or "")
                 if not any(ch.isdigit() for ch in w) and w not in own]
        stems = sorted(list(dict.fromkeys(s for s in stems if len(s) > 2))[:MAX_AUTO_STEMS])
        if not stems:
            return None
        thing = "auto:" + " ".join(stems)
    words = _WORD.findall((context if cue_context is None else cue_context).casefold())
    what_words = _WORD.findall((claim.what or "").casefold())
    if _has_cue(words, "average"):
        aggregation = "average"
    elif claim.change or _has_cue(words, "per_day"):
        aggregation = "increment"
    elif claim.period_from and claim.period_to and claim.period_from == claim.period_to:
        aggregation = "per:" + _granularity(claim.period_from)
    elif claim.period_from:
        aggregation = "since:" + (_month(claim.period_from) or "")
    else:
        aggregation = "total"
    scope = ""
    for i, w in enumerate(what_words):
        if _has_cue([w], "region") and i:
            scope = "region:" + stem(what_words[i - 1])
            break
    if facet := facet_of(claim.what):
        scope = f"{scope}+{facet}" if scope else f"facet:{facet}"
    return Frame(thing, scope, aggregation, claim.kind, claim.unit or "")


def original_source(claim: ClaimRow, outlet_source: Callable[[str | None], str | None]) -> str:
    """The last link of the figure's chain that names a source (its canonical name), else the
    outlet itself."""
    from ..sources_registry import is_source_name

    written = claim.sources
    chain = claim.canonical_sources or written
    named = [c for n, c in enumerate(chain)
             if is_source_name(written[n] if n < len(written) else c)]
    if named:
        return named[-1]
    return outlet_source(claim.outlet) or claim.outlet or claim.doc_id


def _chain_keys(claim: ClaimRow) -> set[str]:
    """The keys of the registry sources a figure's chain names (a known source, not a
    description such as "Russian opposition journalists")."""
    return {_source_key(c) for c in claim.canonical_sources if _registered(c)}


@lru_cache(maxsize=4096)
def _registered(name: str) -> bool:
    from ..sources_registry import default_registry

    return default_registry().lookup(name) is not None


def _source_key(name: str) -> str:
    return " ".join(w for w in _WORD.findall(name.casefold()) if w not in ("the", "of"))


def dateline(times: Iterable[TimeExpr]) -> str | None:
    """The date a report's opening line gives (a full day within ``DATELINE_CHARS`` of the
    start), the date of a report that has no published date."""
    for t in times:
        if t.start >= DATELINE_CHARS:
            break
        if t.type == "date" and t.value and _FULL_DAY.match(t.value):
            return t.value
    return None


def _figure(
    claim: ClaimRow, context: str, metrics: Sequence[Metric],
    outlet_source: Callable[[str | None], str | None], line_date: str | None = None,
    cue_context: str | None = None,
) -> _Figure:
    frame = frame_of(claim, context, metrics, cue_context)
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


def significant_digits(claim: ClaimRow) -> int:
    """How many significant digits the figure is written with ("7,400" 2, "496" 3, "88.4" 3)."""
    number = re.search(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?", claim.text)
    if not number:
        return 1
    digits = re.sub(r"\D", "", number.group(0)).lstrip("0")
    if float(claim.value).is_integer():
        digits = digits.rstrip("0")
    return max(1, len(digits))


def _near(a: _Figure, b: _Figure) -> bool:
    if a.day is None or b.day is None:
        return True
    return abs((a.day - b.day).days) <= RELAY_DAYS


def _relay_edges(facts: Sequence[_Figure], groups: _Groups) -> None:
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
                if a.claim.doc_id == b.claim.doc_id or not _near(a, b):
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
                same_source = _source_key(a.source) == _source_key(b.source) or bool(
                    _chain_keys(a.claim) & _chain_keys(b.claim))
                # an unattributed relay of the same thing repeats it; two named sources of one
                # value are two statements unless the value is too particular for chance
                unnamed = not (a.claim.sources and b.claim.sources)
                same_thing = a.frame is not None and b.frame is not None and (
                    a.frame.thing == b.frame.thing)
                if same_source or (same_thing and unnamed) or digits >= PARTICULAR_DIGITS:
                    groups.union(i, j)


def written_digits(claim: ClaimRow) -> str:
    """The digits a figure is written with ("7 400" -> "7400"); empty for a number in words."""
    number = _NUMBER.search(claim.text)
    return re.sub(r"\D", "", number.group(0)) if number else ""


def one_slip(a: str, b: str) -> bool:
    """Whether two digit strings differ by one slip of the pen: a digit dropped, added or
    changed, or two neighbours swapped ("684"/"64", "20538"/"20583"); never for one digit."""
    if a == b or min(len(a), len(b)) < MIN_SLIP_DIGITS:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _same_statement(a: _Figure, b: _Figure) -> bool:
    """Whether two figures of one series and source can be one statement: values that agree,
    or a one-slip misquote of the other's digits (which is then a conflict)."""
    if not _disjoint(a.interval, b.interval):
        return True
    return one_slip(written_digits(a.claim), written_digits(b.claim))


def _statement_edges(facts: Sequence[_Figure], groups: _Groups) -> None:
    """Join figures of one series and one original source that state the same thing: those
    about the same stated period (a month's count, however each relay writes it) whose values
    agree or differ by one slip; running totals whose values agree, dated within
    ``RELAY_DAYS``; and one day's increments of the same day."""
    by_series: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.frame is not None:
            by_series[(f.frame.key, _source_key(f.source))].append(i)
    for idx in by_series.values():
        by_period: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            period = facts[i].period
            if period:
                for j in by_period[period]:
                    if _same_statement(facts[i], facts[j]):
                        groups.union(i, j)
                by_period[period].append(i)
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
    if a.claim.doc_id == b.claim.doc_id or not _disjoint(a.interval, b.interval):
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
    aggs = Counter(f.aggregation for f in frames)
    aggregation = sorted(aggs.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    scopes = Counter(f.scope for f in frames)
    scope = sorted(scopes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return Frame(thing, scope, aggregation, frames[0].kind, frames[0].unit)


def _with_frame(f: _Figure, frame: Frame | None) -> _Figure:
    return _Figure(f.claim, frame, f.source, f.as_of, f.dated_by, f.day, f.period, f.interval)


def _settle_totals(figures: list[_Figure]) -> list[_Figure]:
    """A running total whose start is unstated takes the start its series' relays state most
    often (the same thing, scope, kind and unit): "7,400 cases" joins "7,400 since September"."""
    starts: dict[tuple[str, str, str, str], Counter[str]] = defaultdict(Counter)
    for f in figures:
        if f.frame and f.frame.aggregation.startswith("since:"):
            fs = f.frame
            starts[(fs.thing, fs.scope, fs.kind, fs.unit)][fs.aggregation] += 1
    out = []
    for f in figures:
        fr = f.frame
        if fr and fr.aggregation == "total":
            found = starts.get((fr.thing, fr.scope, fr.kind, fr.unit))
            if found:
                start = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                f = _with_frame(f, Frame(fr.thing, fr.scope, start, fr.kind, fr.unit))
        out.append(f)
    return out


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())[:SYNDICATION_CHARS]


def syndicated(
    claims: Sequence[ClaimRow], texts: dict[str, str], outlets: dict[str, str | None]
) -> dict[str, str]:
    """Reports that are copies of another outlet's report: copy doc id -> original doc id.

    Only reports sharing ``MIN_SHARED_FIGURES`` written values are compared (so the cost
    follows the relays, not the square of the ledger), with rapidfuzz's normalised Indel
    similarity of their texts; a pair of different outlets at ``SYNDICATED_RATIO`` or more is
    one text, and the earlier report (then the smaller id) is the original. Templates of one
    outlet (its daily updates) are not copies of each other.
    """
    from rapidfuzz import fuzz

    by_value: dict[tuple[str, float], set[str]] = defaultdict(set)
    for c in claims:
        if math.isfinite(c.value):
            by_value[(c.kind, c.value)].add(c.doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in by_value.values():
        if 1 < len(docs) <= MAX_RELAYS:
            for pair in itertools.combinations(sorted(docs), 2):
                shared[pair] += 1
    published = {c.doc_id: c.published or url_date(c.url) or "9999" for c in claims}
    norm: dict[str, str] = {}
    original: dict[str, str] = {}
    for (a, b), n in sorted(shared.items()):
        if n < MIN_SHARED_FIGURES or (outlets.get(a) or a) == (outlets.get(b) or b):
            continue
        ta = norm.setdefault(a, _normalised(texts.get(a, "")))
        tb = norm.setdefault(b, _normalised(texts.get(b, "")))
        if fuzz.ratio(ta, tb, score_cutoff=SYNDICATED_RATIO) < SYNDICATED_RATIO:
            continue
        first, copy = sorted((a, b), key=lambda d: (published[d], d))
        root = original.get(first, first)
        if copy not in original or (published[root], root) < (
                published[original[copy]], original[copy]):
            original[copy] = root
    return original


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
    facts = []
    for c, text in listed:
        others = spans[c.doc_id]
        fact = _figure(c, clause_of(text, c.start, c.end, others), defs, outlet_source,
                       (datelines or {}).get(c.doc_id),
                       list_clause_of(text, c.start, c.end, others))
        if c.doc_id in copies and not c.sources:  # a copy's own words are the original's
            origin = outlets.get(copies[c.doc_id])
            fact = replace(fact, source=outlet_source(origin) or origin or copies[c.doc_id])
        facts.append(fact)
    facts = _settle_totals(facts)
    groups = _Groups(len(facts))
    _relay_edges(facts, groups)
    for _ in range(VOTE_ROUNDS):
        families = groups.members()
        for family in families.values():
            if len(family) > 1:
                frame = _vote(facts, family)
                for i in family:
                    facts[i] = _with_frame(facts[i], frame)
        facts = _settle_totals(facts)
        _statement_edges(facts, groups)
    families = groups.members()
    claim_of: dict[int, str] = {}
    conflicted: set[int] = set()
    for root, family in families.items():
        frame = facts[root].frame
        if frame is None:
            continue
        head = min(family, key=lambda i: (facts[i].claim.doc_id, facts[i].claim.index))
        first = facts[head].claim
        cid = f"{frame.key}#{_source_key(facts[head].source)}#{first.doc_id}:{first.index}"
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
