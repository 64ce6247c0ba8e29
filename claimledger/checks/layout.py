"""Sentence layout and cue words shared by the arithmetic checks.

The checks find candidate relations from the layout of a report (which figures share a sentence,
which stand next to each other) and from the words between figures ("or", "of them", "from ...
to", "in all"). This module cuts a document into sentences, places the quantities in them and
holds the cue patterns; the judging of a relation lives in ``percent`` and ``sums``.

Every pattern is anchored or bounded (no nested unbounded repeats), so no input backtracks badly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..extract.scan import DENSE_SENTENCE_FIGURES
from ..model import Quantity
from .tolerance import Interval, interval_of

# Longest text between a figure and the percentage that restates it ("18,159, or 88.4%",
# "240 of the 800 schools in the oblast, or 30%").
ADJACENT_GAP_CHARS = 40
# Longest wordy gap before a restatement: "400 of them, or 20%", "1,000 conscripts ... (480)".
RESTATE_GAP_CHARS = 60
# Characters looked back before a figure for the word that places it ("of the", "from").
LOOKBACK_CHARS = 40

# Most candidates a check weighs for one figure (bases, earlier totals, figures to name in an
# explanation): the nearest ones; a cap keeps the checks linear in the number of figures.
CANDIDATE_LIMIT = 60

# Words that restate a figure in other terms: "or", "that is", "или", "also" (German), ...
LINK = (r"(?:or|или|або|oder|also|bzw\.?|i\.\s?e\.|that is|то есть|т\.\s?е\.|тобто|"
        r"d\.\s?h\.|das sind)")
_WORD = r"[^\W\d]+"
# Gap between a figure and its restatement: "18,159, or 88.4%", "900 (25%)", "86.2% or 17,721",
# and with a few words in between: "400 of them, or 20%", "45 out of 300 applications (15%)".
# Qualifiers that may stand between the restated figure and the share: "1,700, or nearly 40%".
QUALIFIER = (r"(?:about|around|roughly|some|approximately|nearly|almost|over|more than|"
             r"less than|under|около|примерно|почти|более|менее|свыше|близько|приблизно|майже|"
             r"понад|rund|etwa|fast|knapp|über|mehr als)")
OR_GAP = re.compile(
    rf"^\s*[,(]?\s*(?:{LINK})?\s*[,(:–—-]?\s*$"
    rf"|^\s*(?:,\s*{LINK}|\(|[,–—])\s*{QUALIFIER}\s+$"
    rf"|^\s+(?:{_WORD}[’'-]?\s+){{0,3}}{_WORD}\s*(?:,\s*{LINK}|\()\s*$", re.I)
# A longer gap that still ends in a restatement mark: "... in the district (480)",
# "... substations, or 60", "... were students: 30", "... apartments, roughly 600".
RESTATE_END = re.compile(
    rf"^[^\d.;!?]*?(?:\(|,\s*{LINK}|[:–—]|,\s*(?:{LINK}\s+)?(?:about|around|roughly|some|"
    rf"approximately|nearly|almost|около|примерно|почти|близько|приблизно|майже|rund|etwa|"
    rf"fast))\s*$", re.I)
# "of the N" right after a share or its restated part: "25% of the 640", "half of the initial
# 11,000", "25% (160) of the 640", "900, or 30 per cent, of the 3,000", "60 Prozent der 2.500".
OF_GAP = re.compile(
    r"^[\s,)]*(?:of|out of|von|der|des|из|от|від|з|із)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
# The same words before a figure mark it as a whole: "of the 536 cases", "out of 300".
OF_BEFORE = re.compile(
    r"(?:^|[\s,.;:(])(?:of|out of|von|из|від|з|із|unter|among)\s+"
    r"(?!(?:whom|them|which|них|яких|которых|ihnen|denen)\b)(?:the|den|die|der|all|these|"
    r"those|всех|этих)?\s*(?:[\w’'-]+\s+){0,2}$", re.I)
# Words that name the figure before them as the base: "of them", "of whom", "из них", "davon".
BASE_CUE = re.compile(
    r"\b(?:of|among|from)\s+(?:all\s+)?(?:these|those|them|which|whom)\b|\bиз\s+(?:них|которых|"
    r"этих)\b|(?<!\w)і?з\s+(?:них|яких|цих)\b|\bdavon\b|\bvon\s+(?:ihnen|diesen)\b|\bdarunter\b",
    re.I)
# A verb that states the share of the figure before it: "3,200 people, accounting for 40%".
SHARE_VERB = re.compile(
    r"^[^\d.;!?]{0,50}?\b(?:accounting for|accounts? for|representing|represents?|making up|"
    r"makes? up|amounting to|equal to|equivalent to|(?:что )?составля\w*|(?:що )?станов\w*|"
    r"склада\w*|das sind|entspricht|entsprechend)\s+(?:about|around|some|nearly|almost|over|"
    r"more than|less than|roughly|около|почти|более|майже|близько|понад|rund|etwa|fast)?\s*$",
    re.I)

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”’)]?\s+(?=[\"«“‘(]?[A-ZА-ЯЁІЇЄҐÄÖÜ])|\n+")
_WORDS = re.compile(r"\w+")
# "another 5", "a further 300", "ещё 12", "ще 600", "weitere 200": one more part of a list.
_ANOTHER = re.compile(r"\b(?:another|further|ещё|еще|ще|weitere|noch)\s+$", re.I)
_STOPWORDS = frozenset("the of a an and or in on by for to at as with from were was is are".split())


@dataclass(frozen=True)
class Layout:
    """The document cut into sentences and paragraphs, with the quantities placed in them."""

    text: str
    qs: list[Quantity]
    sentences: list[tuple[int, int]]
    sent: list[int]  # sentence index of each quantity
    para_of_sentence: list[int]

    # Indexes over ``qs`` built on first use (the checks ask per quantity and per sentence).
    @cached_property
    def amounts_by_sentence(self) -> dict[int, list[int]]:
        """Indices of the amounts of each sentence, in order."""
        by: dict[int, list[int]] = {}
        for i, q in enumerate(self.qs):
            if is_amount(q):
                by.setdefault(self.sent[i], []).append(i)
        return by

    @cached_property
    def parts_by_sentence(self) -> dict[int, list[int]]:
        """Indices of the figures that may be parts of a sum in each sentence, in order: the
        amounts and the "another 5", "ще 600", "weitere 200" the extractor reads as changes."""
        by: dict[int, list[int]] = {}
        for i, q in enumerate(self.qs):
            if is_amount(q) or (q.change and q.value > 0 and q.kind in ("count", "money", "measure")
                                and _ANOTHER.search(self.text, max(0, q.start - 12), q.start)):
                by.setdefault(self.sent[i], []).append(i)
        return by

    @cached_property
    def part_starts_by_sentence(self) -> dict[int, list[int]]:
        """The starts of ``parts_by_sentence``, for bisecting."""
        return {s: [self.qs[j].start for j in ids] for s, ids in self.parts_by_sentence.items()}

    @cached_property
    def amount_starts_by_sentence(self) -> dict[int, list[int]]:
        """The starts of the amounts of each sentence, in order (for bisecting)."""
        return {s: [self.qs[j].start for j in ids] for s, ids in self.amounts_by_sentence.items()}

    @cached_property
    def amount_ends_by_sentence(self) -> dict[int, list[int]]:
        """The ends of the amounts of each sentence, in order (for bisecting)."""
        return {s: [self.qs[j].end for j in ids] for s, ids in self.amounts_by_sentence.items()}

    @cached_property
    def amounts_in_order(self) -> dict[int, bool]:
        """Whether the amounts of each sentence follow one another without overlapping (then
        their starts and ends are both sorted and can be bisected)."""
        out: dict[int, bool] = {}
        for s, ids in self.amounts_by_sentence.items():
            out[s] = all(self.qs[a].end <= self.qs[b].start
                         for a, b in zip(ids, ids[1:], strict=False))
        return out

    @cached_property
    def pairs(self) -> dict[tuple[str, int], tuple[int, int] | None]:
        """Pairs of quantities found once per sentence by a check (keyed by its name)."""
        return {}

    @cached_property
    def intervals(self) -> dict[int, Interval]:
        """The interval of each quantity, filled on first use (see ``iv``)."""
        return {}

    def iv(self, i: int) -> Interval:
        """The interval quantity ``i`` stands for (computed once)."""
        got = self.intervals.get(i)
        if got is None:
            got = self.intervals[i] = interval_of(self.qs[i])
        return got

    @cached_property
    def figures_by_sentence(self) -> dict[int, list[int]]:
        """Indices of all the quantities of each sentence, in text order."""
        by: dict[int, list[int]] = {}
        for i in sorted(range(len(self.qs)), key=lambda j: (self.qs[j].start, j)):
            by.setdefault(self.sent[i], []).append(i)
        return by

    @cached_property
    def dense(self) -> frozenset[int]:
        """The quantities past the first ``DENSE_SENTENCE_FIGURES`` of their sentence: a
        sentence of so many is no prose, and they open no check of their own."""
        return frozenset(i for ids in self.figures_by_sentence.values()
                         for i in ids[DENSE_SENTENCE_FIGURES:])

    @cached_property
    def sentence_ends(self) -> list[int]:
        """The end of each sentence, for bisecting."""
        return [e for _, e in self.sentences]

    def sent_at(self, pos: int) -> int:
        """The index of the sentence that holds text position ``pos``."""
        return min(bisect_right(self.sentence_ends, pos), len(self.sentences) - 1)

    @cached_property
    def descriptions(self) -> dict[tuple[str, int], list[str]]:
        """The words describing each figure (see ``naming.description``), filled on first use."""
        return {}

    @cached_property
    def cue_spans(self) -> dict[tuple[str, int], list[tuple[int, int]]]:
        """Where a cue pattern matches in each sentence (see ``naming.cues_in``)."""
        return {}

    @cached_property
    def memo(self) -> dict[tuple[str, int], bool]:
        """Answers the checks computed once per sentence or quantity of this layout."""
        return {}

    @cached_property
    def by_start(self) -> tuple[list[int], list[int]]:
        """Quantity indices ordered by (start, index), and their starts."""
        order = sorted(range(len(self.qs)), key=lambda j: (self.qs[j].start, j))
        return order, [self.qs[j].start for j in order]

    @cached_property
    def by_end(self) -> tuple[list[int], list[int]]:
        """Quantity indices ordered by (end, -index), and their ends."""
        order = sorted(range(len(self.qs)), key=lambda j: (self.qs[j].end, -j))
        return order, [self.qs[j].end for j in order]


def layout(text: str, qs: list[Quantity]) -> Layout:
    """Cut ``text`` into sentences (and paragraphs at newlines) and place each quantity."""
    spans: list[tuple[int, int]] = []
    paras: list[int] = []
    start, para = 0, 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
            paras.append(para)
        if "\n" in m.group():
            para += 1
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
        paras.append(para)
    if not spans:
        spans, paras = [(0, len(text))], [0]
    ends = [e for _, e in spans]

    def index(pos: int) -> int:
        return min(bisect_right(ends, pos), len(spans) - 1)

    return Layout(text, qs, spans, [index(q.start) for q in qs], paras)


# ---------------------------------------------------------------------------- wording


def fmt(x: float) -> str:
    """A number as a reader writes it: thousands separators, decimals only below 100."""
    if abs(x) >= 100 or abs(x - round(x)) < 1e-9:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def pct(x: float) -> str:
    """A percentage with one decimal."""
    return f"{x:.1f}%"


def span_text(iv: Interval, percent: bool = False) -> str:
    """An interval as "lo–hi" (with a percent sign for percentages)."""
    if percent:
        places = 2 if iv.hi - iv.lo < 1 else 1
        return f"{iv.lo:.{places}f}–{iv.hi:.{places}f}%"
    return f"{fmt(iv.lo)}–{fmt(iv.hi)}"


_QUALIFIER_WORDS = {"over": "more than ", "under": "less than ", "about": "about ",
                    "at_least": "at least ", "at_most": "up to ", "exact": ""}


def stated(q: Quantity) -> str:
    """The stated figure with its qualifier and the range it stands for."""
    iv = interval_of(q)
    span = span_text(iv.scale(100), True) if q.kind == "ratio" and q.value < 1 else (
        span_text(iv, q.kind == "percent"))
    return f"'{_QUALIFIER_WORDS[q.approx]}{q.text}' ({span})"


# ---------------------------------------------------------------------------- figures


def is_amount(q: Quantity) -> bool:
    """A positive count, sum of money or measure that is not itself a change."""
    return q.kind in ("count", "money", "measure") and not q.change and q.value > 0


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can be added or divided: same kind and unit."""
    return a.kind == b.kind and a.unit == b.unit


def is_share(q: Quantity) -> bool:
    """A percentage up to 100 or a fraction below one, stated as a level, not a change."""
    if q.change or q.value_high is not None or q.value <= 0:
        return False
    return (q.kind == "percent" and q.value <= 100) or (q.kind == "ratio" and q.value < 1)


def share_interval(q: Quantity) -> Interval:
    """The share a percentage or fraction stands for, as a fraction of one."""
    i = interval_of(q)
    return i.scale(0.01) if q.kind == "percent" else i


@lru_cache(maxsize=4096)
def _content_words(s: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORDS.findall((s or "").lower())
                     if w not in _STOPWORDS and len(w) > 2)


def same_thing(a: Quantity, b: Quantity) -> bool:
    """False only when both say what they count and share no content word."""
    wa, wb = _content_words(a.what), _content_words(b.what)
    return not wa or not wb or bool(wa & wb)


def same_thing_named(a: Quantity, b: Quantity) -> bool:
    """True only when both say what they count and share a content word."""
    return bool(_content_words(a.what) & _content_words(b.what))


# The word "one" is most often a pronoun ("one of them", "a broken one"), not a count.
_ONE_WORDS = frozenset("one один одна одно одне eins ein eine".split())


def is_pronoun_one(text: str, q: Quantity) -> bool:
    """Whether ``q`` is the word "one" (read as a pronoun, not a figure, by the checks)."""
    return q.value == 1 and text[q.start:q.end].lower() in _ONE_WORDS


def amounts_in(lay: Layout, sentence: int) -> list[int]:
    """Indices of the amounts in one sentence, in order."""
    return list(lay.amounts_by_sentence.get(sentence, ()))


def next_quantity(lay: Layout, i: int) -> int | None:
    """The quantity that starts first after quantity ``i`` ends."""
    order, starts = lay.by_start  # the first start at or after the end; lowest index on ties
    k = bisect_left(starts, lay.qs[i].end)
    return order[k] if k < len(order) else None


def prev_quantity(lay: Layout, i: int) -> int | None:
    """The quantity that ends last before quantity ``i`` starts."""
    order, ends = lay.by_end  # the last end at or before the start; lowest index on ties
    k = bisect_right(ends, lay.qs[i].start)
    return order[k - 1] if k > 0 else None


def amounts_before(lay: Layout, first_sentence: int, last_sentence: int, end: int,
                   limit: int = CANDIDATE_LIMIT) -> list[int]:
    """Amounts ending at or before ``end`` in sentences ``first_sentence..last_sentence``,
    nearest first, at most ``limit`` of them."""
    out: list[int] = []
    for s in range(last_sentence, max(first_sentence, 0) - 1, -1):
        ids = lay.amounts_by_sentence.get(s, [])
        k = bisect_left(lay.amount_starts_by_sentence.get(s, []), end)
        for j in reversed(ids[:k]):
            if lay.qs[j].end <= end:
                out.append(j)
                if len(out) >= limit:
                    return out
    return out


def nearby(lay: Layout, i: int, limit: int = CANDIDATE_LIMIT) -> list[int]:
    """Up to ``limit`` quantities on each side of quantity ``i`` in text order, nearest first."""
    order, starts = lay.by_start
    at = lay.qs[i].start
    k = bisect_left(starts, at)
    lo, hi = max(0, k - limit), min(len(order), k + limit + 1)
    # sorted by distance, ties in text order (a stable sort): tuples compared in C, no key calls
    ranked = sorted(zip([abs(x - at) for x in starts[lo:hi]], range(hi - lo), order[lo:hi],
                        strict=True))
    return [j for _, _, j in ranked]


def gap(lay: Layout, a: int, b: int) -> str:
    """The text between quantity ``a`` and the later quantity ``b``."""
    return lay.text[lay.qs[a].end:lay.qs[b].start]


def text_before(lay: Layout, i: int, chars: int = LOOKBACK_CHARS) -> str:
    """Up to ``chars`` characters before quantity ``i``, within its sentence."""
    lo = max(lay.sentences[lay.sent[i]][0], lay.qs[i].start - chars)
    return lay.text[lo:lay.qs[i].start]


def is_base_position(lay: Layout, i: int) -> bool:
    """Whether quantity ``i`` stands after "of the" and so names a whole, not a part."""
    lo = max(0, lay.qs[i].start - LOOKBACK_CHARS)
    return bool(OF_BEFORE.search(lay.text[lo:lay.qs[i].start]))
