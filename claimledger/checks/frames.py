"""A figure's frame: what it is a value of, read from its words, its period and its clause.

The thing counted (its metric, else the first stems of its ``what``), the scope (one region; a
sub-count such as "captured"), the aggregation (a running total since a start, a figure for one
period, one day's increment, an average), and the kind and unit. Cue words per language are in
``claimledger/data/frames.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..lexicon.numbers_de import DE_SCALE_FORMS, DE_UNITS
from ..lexicon.numbers_en import EN_SCALES, EN_UNITS
from ..lexicon.numbers_ru import RU_FORMS, RU_SCALE_FORMS
from ..lexicon.numbers_uk import UK_FORMS, UK_SCALE_FORMS
from ..lexicon.things import BELLIGERENTS, BOTH_SIDES, STOCKS
from ..store.base import ClaimRow
from .metrics import (
    STOP_WORDS,
    Metric,
    assign_metric,
    content_words,
    excluded_in,
    figure_context,
    load_metrics,
    metrics_named,
    stem,
)
from .things import (
    AUTO_PREFIX,
    DEFAULT_ACTOR,
    ENTITY_TIER,
    EVENT_TIER,
    TIERS,
    actor_of,
    concepts_of,
    named_thing,
    thing_concepts,
)

MAX_AUTO_STEMS = 2  # an automatic thing: the first stems of its what, in reading order
FRAMES_FILE = "frames.json"  # the bundled cue words of frames, per language
EXACT_WORD_CHARS = 2  # a cue word this short matches only itself ("a day" is not "any day")
DOCUMENTED = "documented"  # the counting method of what is seen or named one by one
BASE_OFFENCE = "awol"  # the offence the court counts of the ledger are of
MIN_OFFENCES = 2  # a count whose clause names this many offences counts the cases of all
ADDED_CHARS = 40  # how far before a figure an "added" cue ("another", "ще") is looked for

# flows whose figures are often plans or targets, told apart from what was done
PLANNED_FLOWS = frozenset({"recruitment", "conscription", "deployment", "production"})
HEAD_WORDS = 2  # the noun a figure heads is among this many words after it (an adjective first)
PLACES = AUTO_PREFIX + "places"  # the thing of a figure that counts regions or provinces
YEAR_DIGITS, FIRST_YEAR, LAST_YEAR = 4, 1900, 2100  # a number like this is a year, no item

_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"[;:()–—]|,(?!\d)")


@dataclass(frozen=True)
class Frame:
    """What a figure is a value of, independent of who states it and when."""

    thing: str  # a metric name, or "auto:" + stems of the figure's ``what``
    scope: str  # "" for the whole country or force, "region:<stem>", "method:documented",
    # "facet:<captured|...>", or several joined by "+" ("method:documented+captured")
    aggregation: str  # total | since:<YYYY-MM> | per:<day|month|year> | increment | average
    # | prewar (a stock before the war)
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
        if extra.startswith(("region:", "facet:", "method:")):
            scope = extra
        else:
            unit = extra
    return Frame(thing, scope, aggregation, kind, unit)


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text)
    out: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for role, by_lang in raw.items():
        if not isinstance(by_lang, dict) or role in (
                "facets", "stages", "offences", "method_sources", "articles"):
            continue
        out[role] = {
            lang: tuple(tuple(_WORD.findall(p.casefold())) for p in phrases)
            for lang, phrases in by_lang.items()
        }
    return out


@lru_cache(maxsize=2)
def _facets(group: str = "facets") -> dict[str, tuple[str, ...]]:
    """Facet name -> the word prefixes (any language) that name it, of one group of
    frames.json ("facets": sub-counts of a tally, "stages": stages of a court case)."""
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text).get(group, {})
    return {name: tuple(p.casefold() for ps in by_lang.values() for p in ps)
            for name, by_lang in raw.items()}


@lru_cache(maxsize=1)
def _offence_patterns() -> dict[str, re.Pattern[str]]:
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text).get("offences", {})
    out = {}
    for name, by_lang in raw.items():
        phrases = [tuple(_WORD.findall(p.casefold())) for ps in by_lang.values() for p in ps]
        alternatives = sorted({r"\s+".join(re.escape(w) + r"\w*" for w in ph)
                               for ph in phrases if ph}, key=len, reverse=True)
        out[name] = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")")
    return out


def several_offences(context: str) -> bool:
    """Whether a figure's clause names two or more offences ("cases of going absent without
    leave, desertion or refusing orders"): a count of the cases of all of them, not of one."""
    words = " ".join(_WORD.findall(context.casefold()))
    return sum(1 for p in _offence_patterns().values() if p.search(words)) >= MIN_OFFENCES


# an article of the criminal code cited: "Art. 338", "Article 338", "Artikel 338", "ст. 338",
# "статья 338", "статті 338"
_ARTICLE = re.compile(r"(?<!\w)(?:art|ст)\w*\.?\s*(\d{3})(?!\d)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _articles() -> dict[str, str]:
    """Article number -> the offence it is of ("338" -> "desertion")."""
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, list[str]] = json.loads(text).get("articles", {})
    return {num: name for name, nums in raw.items() for num in nums}


def article_offence(words: str) -> str:
    """The offence of the one article of the criminal code ``words`` cite ("cases under
    Art. 338" -> "desertion"), when it is not absence without leave (``BASE_OFFENCE``, the
    court counts' own); "" when they cite none, several, or that one."""
    found = {_articles().get(m.group(1), "") for m in _ARTICLE.finditer(words)} - {""}
    if len(found) != 1:
        return ""
    (offence,) = found
    return offence if offence != BASE_OFFENCE else ""


def stage_of(what: str | None, context: str = "") -> str:
    """The stage of a court case a count is of ("sentenced", "prosecuted"), read from its
    ``what`` and its own clause, or "" (cases received, the whole)."""
    words = _WORD.findall(f"{what or ''} {context}".casefold())
    for name, prefixes in sorted(_facets("stages").items()):
        if any(w.startswith(p) for w in words for p in prefixes):
            return name
    return ""


@lru_cache(maxsize=1)
def _method_sources() -> dict[str, tuple[str, ...]]:
    """Counting method -> the sources (lower case names) whose every count is of that method."""
    try:
        text = resources.files("claimledger").joinpath("data", FRAMES_FILE).read_text("utf-8")
    except (OSError, NotADirectoryError):
        text = (Path(__file__).parents[1] / "data" / FRAMES_FILE).read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text).get("method_sources", {})
    return {name: tuple(n.casefold() for n in names) for name, names in raw.items()}


def method_of(claim: ClaimRow, context: str) -> str:
    """The counting method a figure's count is limited to ("documented": only losses seen on
    photos or videos, only the dead identified by name), from the cue words of its clause or
    its ``what``, or from its original source when that source counts only so; else ""."""
    words = _WORD.findall(f"{claim.what or ''} {context}".casefold())
    if _has_cue(words, "method"):
        return "documented"
    chain = claim.canonical_sources or claim.sources
    if chain:
        last = set(_WORD.findall(chain[-1].casefold()))
        for name, sources in sorted(_method_sources().items()):
            if any(set(_WORD.findall(src)) <= last for src in sources):
                return name
    return ""


def _of_people(what: str | None, thing: str) -> bool:
    """Whether a figure's thing is of people: its own words (or its automatic thing) name
    personnel and no equipment (a metric's name alone says too little: a thin ``what`` may
    have been given the wrong one)."""
    found = set(concepts_of(what))
    if thing.startswith(AUTO_PREFIX):
        found |= set(thing[len(AUTO_PREFIX):].split("@", 1)[0].split("+"))
    return "personnel" in found and "equipment" not in found


def _dead_of(what: str | None) -> str:
    """The thing of a documented count of people: the dead (nobody documents the wounded by
    name), of the actor its words name."""
    actor = actor_of(what) or DEFAULT_ACTOR
    name = AUTO_PREFIX + "death+personnel"
    return name if actor == DEFAULT_ACTOR else f"{name}@{actor}"


def counts_deaths(thing: str) -> bool:
    """Whether a thing is a count of the dead ("auto:death+personnel"). The dead identified by
    name and the dead an estimate or an authority gives are one series of deaths (the named
    count is the floor of the same toll, put on one chart), unlike equipment, where a
    documented (visually confirmed) tally is a series of its own."""
    if not thing.startswith("auto:"):
        return False
    concepts = thing[len("auto:"):].split("@", 1)[0].split("+")
    return "death" in concepts


def contingent_people(thing: str) -> bool:
    """Whether a thing counts the people of a contingent sent to the war (an automatic thing
    of personnel about an actor other than the ``BELLIGERENTS``: "North Korean casualties",
    "North Korean troops sent"): a stock that grows while it is there, not a yearly flow."""
    if not thing.startswith(AUTO_PREFIX) or "@" not in thing:
        return False
    concepts, _, actor = thing[len(AUTO_PREFIX):].partition("@")
    return actor not in BELLIGERENTS and "personnel" in concepts.split("+")


def stock(thing: str) -> bool:
    """Whether a thing is a size at one moment (an automatic thing of a ``STOCKS`` concept:
    an army's strength), which a period dates but never sums."""
    if not thing.startswith(AUTO_PREFIX):
        return False
    return bool(STOCKS & set(thing[len(AUTO_PREFIX):].partition("@")[0].split("+")))


def facet_of(what: str | None) -> str:
    """The sub-count a ``what`` names ("tanks captured" -> "captured"), or ""."""
    words = _WORD.findall((what or "").casefold())
    for name, prefixes in sorted(_facets().items()):
        if any(w.startswith(p) for w in words for p in prefixes):
            return name
    return ""


@lru_cache(maxsize=16)
def _cue_pattern(role: str) -> re.Pattern[str] | None:
    """One pattern for every cue phrase of ``role``: each word of a phrase starts a word of the
    text, the words consecutive ("минул доб" matches "минулої доби")."""
    alternatives = sorted({
        r"\s+".join(re.escape(w) + ("" if len(w) <= EXACT_WORD_CHARS else r"\w*") for w in phrase)
        for phrases in _cues().get(role, {}).values() for phrase in phrases if phrase
    }, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def has_cue(text: str, role: str) -> bool:
    """Whether a cue phrase of ``role`` (any language) occurs in ``text``."""
    return _has_cue(_WORD.findall(text.casefold()), role)


def _has_cue(words: Sequence[str], role: str) -> bool:
    """Whether a cue phrase of ``role`` (any language) starts the consecutive ``words``."""
    pattern = _cue_pattern(role)
    return bool(pattern and pattern.search(" ".join(words)))


@lru_cache(maxsize=1)
def _added_pattern() -> re.Pattern[str] | None:
    """An "added" cue ("another", "ще", "weitere") at the end of the text before a figure,
    approximators ("over", "понад") allowed between."""
    cues = _cues()
    def alternatives(role: str) -> str:
        return "|".join(sorted({r"\s+".join(re.escape(w) for w in phrase)
                                for phrases in cues.get(role, {}).values()
                                for phrase in phrases if phrase}, key=len, reverse=True))
    added = alternatives("added")
    if not added:
        return None
    approx = alternatives("approximators")
    between = rf"(?:\s+(?:{approx}))*" if approx else ""
    return re.compile(rf"(?<!\w)(?:{added}){between}\s+$")


def added_before(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is written as added to a count already told
    ("another 1,100", "ще понад 1 400", "weitere 900")."""
    pattern = _added_pattern()
    return bool(pattern and pattern.search(text[max(0, start - ADDED_CHARS):start].casefold()))


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
    # a separator, not the comma of a number ("180,000")
    cut = max((m.start() for m in _SEPARATOR.finditer(text, lo, start)), default=-1)
    stops = [m.start() for m in _SEPARATOR.finditer(text, end, hi)][:1]
    # the next figure of the sentence starts the next list item: "999 200 осіб та 10 927
    # танків" frames the people with no tanks
    stops += [a for a, _ in others if end <= a < hi]
    return text[(cut + 1 if cut >= 0 else lo):(min(stops) if stops else hi)]


def sentence_lead(text: str, start: int, end: int) -> str:
    """The words of the figure's own sentence before it ("North Korean troops have suffered
    4,700 casualties, including some 600 killed": the troops lead the 600)."""
    sentence = figure_context(text, start, end)
    lo = text.find(sentence, max(0, start - len(sentence) - 1))
    return text[lo:start] if 0 <= lo <= start else ""


def sentence_before(text: str, start: int, end: int) -> str:
    """The sentence before the one holding the figure at ``start``..``end`` of ``text``, when
    both are of one paragraph (no line break between them); else ""."""
    sentence = figure_context(text, start, end)
    lo = text.find(sentence, max(0, start - len(sentence) - 1))
    if lo <= 1 or "\n" in text[lo - 1:lo]:
        return ""
    prev = figure_context(text, lo - 1, lo - 1)
    at = text.rfind(prev, 0, lo)
    return "" if at < 0 or "\n" in text[at + len(prev):lo] else prev


def list_clause_span(
    text: str, start: int, end: int, others: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """Where ``list_clause_of`` reads: the offsets of a figure's clause with the list items
    before it."""
    sentence = figure_context(text, start, end)
    lo = text.find(sentence, max(0, start - len(sentence) - 1))
    if lo < 0:
        return start, end
    hi = lo + len(sentence)
    inside = [(a, b) for a, b in others if lo <= a and b <= hi and (a, b) != (start, end)]
    if not inside:
        return lo, hi
    cuts = [m.start() for m in _SEPARATOR.finditer(text, lo, hi) if not start <= m.start() < end]
    bounds = [lo - 1, *cuts, hi]
    parts = [(bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]
    mine = next((n for n, (a, b) in enumerate(parts) if a <= start < b), 0)
    first = mine
    while first > 0 and any(parts[first - 1][0] <= a < parts[first - 1][1] for a, _ in inside):
        first -= 1
    return parts[first][0], parts[mine][1]


def list_clause_of(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> str:
    """A figure's clause (``clause_of``) with the items of the list it belongs to before it:
    in "за добу росіяни втратили 1400 солдатів, чотири танки" the tanks are counted over the
    day too. Only its aggregation is read from here (its thing comes from its own clause)."""
    lo, hi = list_clause_span(text, start, end, others)
    if (lo, hi) == (start, end):
        return figure_context(text, start, end)
    return text[lo:hi]


def figure_tail(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> str:
    """The words after a figure up to the next figure or the end of its sentence: what it
    counts, however many commas it takes ("536 cases of A, B and C")."""
    sentence = figure_context(text, start, end)
    lo = text.find(sentence, max(0, start - len(sentence) - 1))
    hi = lo + len(sentence) if lo >= 0 else len(text)
    nexts = [a for a, _ in others if end <= a < hi]
    return text[end:min(nexts, default=hi)]


def added_in_clause(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> bool:
    """Whether a figure of the figure's list clause (``list_clause_span``: its own clause and
    the list items before it) is written as added to a count already told (``added_before``):
    in "знищили ще чотири танки, 11 машин" both are one day's increments."""
    lo, hi = list_clause_span(text, start, end, others)
    return any(lo <= a < hi and added_before(text, a) for a, _ in {*others, (start, end)})


def _foreign_people(name: str, claim: ClaimRow, context: str, defs: Sequence[Metric],
                    lead: str = "") -> bool:
    """Whether a metric of personnel (Russia's, as every bundled one is about Russia) is read
    for people its clause says are another actor's, not one of the ``BELLIGERENTS``, while its
    own words name no actor: then the figure's thing is that actor's (``named_thing``).
    ``lead``: the words of its sentence before it ("… troops suffered 3,900 casualties,
    including 450 killed")."""
    metric = next((m for m in defs if m.name == name), None)
    if metric is None or "personnel" not in metric.concepts:
        return False
    own = set(_WORD.findall(claim.text.casefold()))
    foreign = actor_of(context, own) or actor_of(lead, own)
    return bool(foreign) and foreign not in BELLIGERENTS and not actor_of(claim.what, own)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """The number words of the four languages ("four", "чотири", "vier"), lower case."""
    forms: set[str] = set(EN_UNITS) | set(EN_SCALES) | set(DE_UNITS)
    for table in (RU_FORMS, RU_SCALE_FORMS, UK_FORMS, UK_SCALE_FORMS, DE_SCALE_FORMS):
        forms |= {f for fs in table.values() for f in fs}
    return frozenset(w.casefold() for w in forms)


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) or word in _number_words()


def _names_an_item(what: str, metrics: Sequence[Metric]) -> bool:
    """Whether ``what`` names what a list item counts: a metric's term or an entity (tier 3)."""
    if metrics_named(what, metrics):
        return True
    return any(TIERS.get(c) == ENTITY_TIER for c in concepts_of(what))


def _item_words(what: str, metrics: Sequence[Metric]) -> bool:
    """Whether ``what`` names what a list item counts: a metric's term or an entity (tier 3)."""
    if metrics_named(what, metrics):
        return True
    return any(TIERS.get(c) == ENTITY_TIER for c in concepts_of(what))


def _year(word: str) -> bool:
    return len(word) == YEAR_DIGITS and word.isdigit() and FIRST_YEAR <= int(word) <= LAST_YEAR


def item_what(what: str | None, lead: str, metrics: Sequence[Metric]) -> str | None:
    """A figure's ``what`` without the nouns of the list item before it: in "four tanks and
    over 1,400 soldiers" the words between the previous number and the figure ("tanks") are
    that number's noun, as every language here writes the noun after its number: the words
    right after it up to the first function word, when the first of them names an item (a
    metric's term, an entity). Only those that name one are dropped, never a verb ("since
    2022 Russia lost 1,000 tanks" keeps "lost"), and a year is no number of a list. ``lead``:
    its sentence's words before it (``sentence_lead``). The ``what`` is kept whole when what
    is left names no item."""
    if not what or not lead:
        return what
    words = _WORD.findall(lead.casefold())
    last = max((i for i, w in enumerate(words) if _is_number(w) and not _year(w)), default=-1)
    if last < 0:
        return what
    after = words[last + 1:]
    if not after or not _item_words(after[0], metrics):
        return what  # the number before counts no item ("in 24 hours the army lost")
    run = after[:next((i for i, w in enumerate(after) if w in STOP_WORDS), len(after))]
    gap = {stem(w) for w in run if _item_words(w, metrics)}
    kept = [w for w in _WORD.findall(what) if stem(w.casefold()) not in gap]
    own = " ".join(kept)
    if len(kept) == len(_WORD.findall(what)) or not _item_words(own, metrics):
        return what
    return own


def _without_item_before(context: str, lead: str, metrics: Sequence[Metric]) -> str:
    """``context`` without the nouns of the list item before the figure (see ``item_what``)."""
    return item_what(context, lead, metrics) or context


def planned(thing: str, words: str) -> bool:
    """Whether a count of a flow of people or things (recruited, called up, sent, produced:
    ``PLANNED_FLOWS``) is a plan or target, as a cue of its clause or ``what`` says ("plans to
    recruit 400,000"), not what was done ("280,000 have been recruited")."""
    if not thing.startswith(AUTO_PREFIX):
        return False
    concepts = set(thing[len(AUTO_PREFIX):].partition("@")[0].split("+"))
    return bool(concepts & PLANNED_FLOWS) and has_cue(words, "plan")


def _befell_otherwise(name: str, tail: str, metrics: Sequence[Metric]) -> bool:
    """Whether the words after a figure (``figure_tail``) say that another event befell what
    it counts than the metric ``name`` counts, in words the metric excludes ("13 pilots,
    killed in the mutiny" are dead, not personnel losses); the other things they name
    ("soldiers lost in Ukrainian drone strikes") do not."""
    if not excluded_in(tail, name, metrics):
        return False
    metric = next((m for m in metrics if m.name == name), None)
    events = {c for c in thing_concepts(concepts_of(tail)) if TIERS.get(c) == EVENT_TIER}
    return metric is not None and bool(metric.concepts) and bool(events - metric.concepts)


def counts_places(tail: str) -> bool:
    """Whether the noun a figure heads, in the first ``HEAD_WORDS`` words after it
    (``figure_tail``), is a region ("85 regions", "five Russian regions", "12 областей",
    "16 Regionen"): the figure counts places."""
    if tail.lstrip().startswith(")"):
        return False  # "Orenburg (255) regions": a value in brackets heads no noun
    head = _WORD.findall(tail.casefold())[:HEAD_WORDS]
    return any(_has_cue([w], "region") for w in head)


def frame_of(
    claim: ClaimRow, context: str, metrics: Sequence[Metric] | None = None,
    cue_context: str | None = None, added: bool = False, tail: str = "", before: str = "",
    sufferer: str = "",
) -> Frame | None:
    """The frame of a figure read from its ``what``, its period and its clause ``context``;
    None when it names nothing countable. A ``what`` that names no metric is helped by the
    clause: the metric its words name, when one does. ``cue_context``, when given, is where the
    aggregation's cue words are looked for instead (``list_clause_of``); ``added``: the
    figure or one of its list is written as added to a count already told
    (``added_in_clause``), one day's increment; ``tail``: the words after the figure up to the
    next one (``figure_tail``), where the offences a count of cases covers are read;
    ``before``: the sentence before the figure's in its paragraph (``sentence_before``);
    ``sufferer``: the actor its sentence says suffers losses (``things.suffering_actor``)."""
    defs = load_metrics() if metrics is None else metrics
    lead = before.partition("\n")[0]
    what = item_what(claim.what, lead, defs)
    metric_context = require_context = context
    if what != claim.what:  # the figure's own list item decides its thing, the words after
        # it up to the next item (``tail``) what it requires ("1,400 soldiers: losses…")
        claim = replace(claim, what=what, metric=None)
        metric_context = _without_item_before(context, lead, defs)
        require_context = f"{metric_context} {tail}"
    name = claim.metric or assign_metric(claim.what, claim.kind, claim.unit, defs,
                                         require_context)
    if not name and metric_context:
        name = assign_metric(metric_context, claim.kind, claim.unit, defs, metric_context)
    if name and _foreign_people(name, claim, context, defs, before.partition("\n")[0]):
        name = None  # "North Korean troops ... suffered 4,700 casualties": not Russia's losses
    if name and _befell_otherwise(name, tail, defs):
        name = None  # the words it heads say what befell them: "13 pilots, killed in the mutiny"
    if name and sufferer == BOTH_SIDES and not actor_of(claim.what):
        name = None  # "Ukraine and Russia have lost a million": the losses of both, not Russia's
    places = counts_places(tail)  # "85 regions had published nothing": regions, not people
    if name and not places:
        thing = name
    else:
        own = set(_WORD.findall(claim.text.casefold()))
        stems = [stem(w) for w in content_words(claim.what or "")
                 if not any(ch.isdigit() for ch in w) and w not in own]
        stems = sorted(list(dict.fromkeys(s for s in stems if len(s) > 2))[:MAX_AUTO_STEMS])
        # the concepts its words name (any language), else the first stems of its what
        thing = (named_thing(claim.what, context, own, defs, claim.kind, claim.unit, before,
                             sufferer, tail)
                 or ("auto:" + " ".join(stems) if stems else ""))
        if places:  # what the places do or have ("five regions raised their bonuses")
            thing = PLACES + ("+" + thing[len(AUTO_PREFIX):] if thing else "")
        if not thing:
            return None
    words = _WORD.findall((context if cue_context is None else cue_context).casefold())
    what_words = _WORD.findall((claim.what or "").casefold())
    method = method_of(claim, context)
    if method == DOCUMENTED and not counts_deaths(thing) and _of_people(claim.what, thing):
        thing = _dead_of(claim.what)
    one_period = bool(claim.period_from and claim.period_from == claim.period_to)
    if _has_cue(words, "average"):
        aggregation = "average"
    elif _has_cue(words, "prewar"):
        aggregation = "prewar"
    elif claim.change or _has_cue(words, "per_day") or (
            added and not method_of(claim, context) and not facet_of(claim.what)):
        aggregation = "increment"
    elif _has_cue(words, "per_week"):
        aggregation = "per:week"
    elif _has_cue(words, "per_month"):
        aggregation = "per:month"
    elif one_period and (counts_deaths(thing) or contingent_people(thing) or stock(thing)):
        # a toll of the dead is a running count: the one month or year it is dated by (and no
        # cue says it is that period's dead) is when it stood, not when they died; so is what
        # befell a contingent sent to the war (its losses, its troops sent)
        aggregation = "total"
    elif one_period:
        aggregation = "per:" + _granularity(claim.period_from or "")
    elif claim.period_from:
        aggregation = "since:" + (_month(claim.period_from) or "")
    else:
        aggregation = "total"
    scope = ""
    for i, w in enumerate(what_words):
        if _has_cue([w], "region") and i:
            scope = "region:" + stem(what_words[i - 1])
            break
    if method and not counts_deaths(thing):
        scope = f"{scope}+method:{method}" if scope else f"method:{method}"
    facet = facet_of(claim.what) or stage_of(claim.what, context)
    if not facet and several_offences(f"{context} {tail}"):
        facet = "all_offences"
    elif not thing.startswith(AUTO_PREFIX) and (
            offence := article_offence(f"{claim.what or ''} {tail}")):
        facet = f"{facet}+{offence}" if facet else offence
    if claim.kind == "count" and planned(thing, f"{claim.what or ''} {context}"):
        facet = f"{facet}+planned" if facet else "planned"
    if facet:
        scope = f"{scope}+{facet}" if scope else f"facet:{facet}"
    return Frame(thing, scope, aggregation, claim.kind, claim.unit or "")
