"""The automatic thing of a figure: the concepts (and actor) its words name, in any language.

A figure whose words name no bundled metric still counts something: "the 20-year pact", "a
treaty expected to remain in force for 20 years", "договор сроком на 20 лет" all state one
treaty's term. Its thing is read from the concept lexicon (``claimledger/lexicon/things.py``):
the concepts its ``what`` names (when it names none, those of its clause), kept as the lexicon's
tiers say, with the actor they are about ("north_korea" in "North Korean casualties"). The same
statement in other words or another language gets the same thing; a figure whose words name
no concept gets none here (its frame falls back to the stems of its ``what``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.things import (
    ACTOR_ORDER,
    ACTORS,
    BOTH_SIDES,
    COMBINED,
    CONCEPTS,
    IMPLIED_ENTITY,
    LOSS_VERBS,
    NAMED,
    NOT_FOR_KIND,
    QUALIFIER_FROM_CLAUSE,
    QUALIFIERS,
    QUALIFIES,
    STOCKS,
    SUFFERED,
    SUFFERER_NAMES,
    SUFFERER_WINDOW,
    SUFFERERS_JOINED,
    TIERS,
    WITH_ENTITY,
)
from .metrics import Metric

AUTO_PREFIX = "auto:"  # an automatic thing's name starts with this (a metric's never does)
EVENT_TIER = 2  # the tier of what happens to people or things (deaths, deployment)
ENTITY_TIER = 3  # the tier of the entities counted (personnel, drones)
DEFAULT_ACTOR = "russia"  # whom a thing is about when its words name no one (left unwritten)
# named in a clause mostly as who reports the count (the Ukrainian General Staff on Russian
# losses): an event's actor is taken from its clause only when it is none of these
REPORTING_ACTORS = frozenset({"ukraine"})
OWNER_ENTITY = "personnel"  # named beside another entity, the people who have or lose it
MIN_NAME = 4  # shorter capitalised words are mostly abbreviations of no use as names
HEAD = 2  # entries are indexed by this many first letters
MATCH_CACHE_SIZE = 1 << 14  # distinct word sequences matched and remembered per table

_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class _Entry:
    """One lexicon entry: consecutive words, each matched as a beginning, whole or part."""

    words: tuple[tuple[str, str], ...]  # (mode, text); mode: "prefix" | "whole" | "part"


def _entry(text: str) -> _Entry:
    out = []
    for w in text.casefold().split():
        if w.startswith("="):
            out.append(("whole", w[1:]))
        elif w.startswith("*"):
            out.append(("part", w[1:]))
        else:
            out.append(("prefix", w))
    return _Entry(tuple(out))


@lru_cache(maxsize=4)
def _table(which: str) -> tuple[tuple[str, tuple[_Entry, ...]], ...]:
    source: Mapping[str, Mapping[str, tuple[str, ...]]] = {
        "concepts": CONCEPTS, "actors": ACTORS, "qualifiers": QUALIFIERS}[which]
    return tuple((name, tuple(_entry(e) for es in by_lang.values() for e in es))
                 for name, by_lang in source.items())


@dataclass(frozen=True)
class _Index:
    """The entries of one table keyed by the first letters of their first word, so a word is
    tried only against the entries it can start; entries that match inside a word aside."""

    by_head: Mapping[str, tuple[tuple[str, _Entry], ...]]
    anywhere: tuple[tuple[str, _Entry], ...]


@lru_cache(maxsize=4)
def _index(which: str) -> _Index:
    by_head: dict[str, list[tuple[str, _Entry]]] = {}
    anywhere: list[tuple[str, _Entry]] = []
    for name, entries in _table(which):
        for entry in entries:
            mode, text = entry.words[0]
            if mode == "part" or len(text) < HEAD:
                anywhere.append((name, entry))
            else:
                by_head.setdefault(text[:HEAD], []).append((name, entry))
    return _Index({k: tuple(v) for k, v in by_head.items()}, tuple(anywhere))


def _word_fits(word: str, mode: str, text: str) -> bool:
    if mode == "whole":
        return word == text
    if mode == "part":
        return text in word
    return word.startswith(text)


@lru_cache(maxsize=MATCH_CACHE_SIZE)
def _matches(which: str, words: tuple[str, ...]) -> tuple[tuple[int, int, int, str], ...]:
    """Every entry of table ``which`` that ``words`` hold: (first word, words, letters, name)."""
    index = _index(which)
    out = []
    for i, word in enumerate(words):
        for name, entry in (*index.by_head.get(word[:HEAD], ()), *index.anywhere):
            n = len(entry.words)
            if i + n <= len(words) and all(
                    _word_fits(words[i + j], m, t) for j, (m, t) in enumerate(entry.words)):
                out.append((i, n, sum(len(t) for _, t in entry.words), name))
    return tuple(out)


def _named(which: str, words: Sequence[str]) -> frozenset[str]:
    """The names of table ``which`` whose entries ``words`` hold."""
    return frozenset(name for *_, name in _matches(which, tuple(words)))


def words_of(text: str | None, skip: Collection[str] = ()) -> list[str]:
    """The lower-case words of ``text`` (hyphenated words kept whole and split), without the
    words of ``skip`` (the figure's own text)."""
    out: list[str] = []
    for w in _WORD.findall((text or "").casefold().replace("ё", "е")):
        w = w.strip("-")
        if not w or w in skip or any(ch.isdigit() for ch in w):
            continue
        out.append(w)
        if "-" in w:
            out.extend(p for p in w.split("-") if p and p not in skip)
    return out


def concepts_of(text: str | None, skip: Collection[str] = ()) -> frozenset[str]:
    """Every concept of the lexicon that the words of ``text`` name. Where entries of several
    concepts cover the same word, the longest entry names it ("Vertragssoldaten" is a
    contract soldier, not a treaty)."""
    best: dict[int, tuple[int, set[str]]] = {}  # word position -> (entry length, concepts)
    for i, n, size, name in _matches("concepts", tuple(words_of(text, skip))):
        for k in range(i, i + n):
            held = best.get(k)
            if held is None or size > held[0]:
                best[k] = (size, {name})
            elif size == held[0]:
                held[1].add(name)
    return frozenset(c for _, names in best.values() for c in names)


def qualifiers_of(text: str | None, skip: Collection[str] = ()) -> frozenset[str]:
    """Every qualifier of the lexicon (defence, federal...) that the words of ``text`` name."""
    return _named("qualifiers", words_of(text, skip))


def names_of(text: str | None, skip: Collection[str] = ()) -> frozenset[str]:
    """The names in ``text``: capitalised words that no table of the lexicon knows."""
    out = set()
    for raw in _WORD.findall(text or ""):
        if len(raw) < MIN_NAME or not raw[0].isupper() or raw.casefold() in skip:
            continue
        word = raw.casefold()
        if not any(_named(which, [word]) for which in ("concepts", "actors", "qualifiers")):
            out.add(word)
    return frozenset(out)


def suffering_actor(sentence: str | None) -> str:
    """The actor a sentence says suffers losses: a country written at most
    ``SUFFERER_WINDOW`` words before a verb of losing ("Ukraine has also suffered heavy
    losses", "Україна зазнала втрат"), or ""."""
    words = words_of(sentence)
    verbs = tuple(v for vs in LOSS_VERBS.values() for v in vs)
    joins = {j for js in SUFFERERS_JOINED.values() for j in js}

    def sufferer(w: str) -> str:
        return next((a for a, by_lang in SUFFERER_NAMES.items()
                     if any(w.startswith(p) for ps in by_lang.values() for p in ps)), "")

    for i, w in enumerate(words):
        actor = sufferer(w)
        if actor and any(x.startswith(verbs) for x in words[i + 1:i + 2 + SUFFERER_WINDOW]):
            # "Ukraine and Russia have lost": two sides joined before the verb lose together
            before = sufferer(words[i - 2]) if i >= 2 and words[i - 1] in joins else ""
            after = sufferer(words[i + 2]) if i + 2 < len(words) and words[i + 1] in joins else ""
            return BOTH_SIDES if {before, after} - {"", actor} else actor
    return ""


def actor_of(text: str | None, skip: Collection[str] = ()) -> str:
    """The actor the words of ``text`` are about ("north_korea", "russia"...), or "". Of several,
    the first of ``ACTOR_ORDER``: Russia, the default, only when no other is named."""
    found = _named("actors", words_of(text, skip))
    return next((a for a in ACTOR_ORDER if a in found), "")


def thing_concepts(found: Collection[str], imply: bool = True) -> frozenset[str]:
    """The concepts that make a thing of those ``found`` in its words: the highest tier, and
    for an event or production the entity it happens to (named, else, when ``imply``, the one
    the event implies)."""
    have = set(found)
    for parts, whole in COMBINED:
        if parts <= have:
            have = (have - parts) | {whole}
    if not have or min(TIERS[c] for c in have) >= ENTITY_TIER:
        return frozenset()  # an entity alone ("soldiers") says too little of what is counted
    top = min(TIERS[c] for c in have)
    kept = {c for c in have if TIERS[c] == top}
    if top < ENTITY_TIER and kept & WITH_ENTITY:
        entities = {c for c in have if TIERS[c] == ENTITY_TIER}
        if len(entities) > 1:  # "planes Russian forces lost": the planes are counted
            entities.discard(OWNER_ENTITY)
        if not entities and imply:
            entities = {IMPLIED_ENTITY[c] for c in kept if c in IMPLIED_ENTITY}
        kept |= entities
    return frozenset(kept)


def auto_thing(what: str | None, clause: str = "", skip: Collection[str] = (),
               kind: str = "", before: str = "", sufferer: str = "", tail: str = "") -> str | None:
    """The automatic thing of a figure: "auto:" + its concepts (+ "@" + actor), read from its
    ``what``, else from its ``clause``; None when neither names a concept. ``skip``: words
    of the figure's own text, which say nothing of what it counts; ``kind``: the figure's
    kind (concepts that say nothing of it are not read); ``before``: the sentence before the
    figure's own in its paragraph, where an event's actor may have been named."""
    found = thing_of(what, clause, skip, kind, before, sufferer, tail)
    if not found:
        return None
    concepts, actor = found
    name = AUTO_PREFIX + "+".join(sorted(concepts))
    return name if actor == DEFAULT_ACTOR else f"{name}@{actor}"


def named_thing(what: str | None, clause: str, skip: Collection[str], metrics: Sequence[Metric],
                kind: str, unit: str | None, before: str = "", sufferer: str = "",
                tail: str = "") -> str | None:
    """The thing of a figure whose words name no metric's term: the metric its concepts make
    (``metric_of``), else its automatic thing (``auto_thing``), else None."""
    found = thing_of(what, clause, skip, kind, before, sufferer, tail)
    if not found:
        return None
    return metric_of(*found, metrics, kind, unit) or auto_thing(what, clause, skip, kind, before,
                                                                sufferer, tail)


def metric_of(concepts: Collection[str], actor: str, metrics: Sequence[Metric], kind: str,
              unit: str | None) -> str | None:
    """The metric (of ``kind`` and ``unit``) made of exactly ``concepts`` about ``actor``."""
    have = frozenset(concepts) | {"@" + actor}
    return next((m.name for m in metrics if m.concepts == have and m.kind == kind
                 and m.unit == unit), None)


def thing_of(what: str | None, clause: str = "", skip: Collection[str] = (), kind: str = "",
             before: str = "", sufferer: str = "",
             tail: str = "") -> tuple[frozenset[str], str] | None:
    """The concepts and actor of a figure's thing (see ``auto_thing``), or None. The actor is
    read from the ``what``; for an event (tier 2) also from the clause; when none is named it
    is the ledger's default (Russia, whose war the reports count). An event whose clause names
    no actor either is of the actor the sentence ``before`` it names ("North Korean forces
    suffered heavy losses. About 4,000 people died" counts North Korean dead). ``sufferer``:
    the actor the figure's sentence says suffers losses (``suffering_actor``), which an event
    whose own words name no actor is of, whoever it is."""
    unfit = NOT_FOR_KIND.get(kind, frozenset())
    found, imply = concepts_of(what, skip) - unfit, True
    if not found:  # the clause: only an entity it names (its other figures imply theirs)
        found, imply = concepts_of(clause, skip) - unfit, False
    elif all(TIERS[c] >= ENTITY_TIER for c in found):
        # a what naming only the entity ("1.5 million personnel") in a clause about a size at
        # one moment ("a decree to increase the size of the army") counts that size; an event
        # of its clause (sent, lost) may be another figure's, and is not borrowed
        found = found | (concepts_of(f"{clause} {tail}", skip) & STOCKS)
    kept = set(thing_concepts(found, imply))
    if not kept:
        return None
    event = min(TIERS[c] for c in kept) == EVENT_TIER
    own = qualifiers_of(what, skip)
    level = qualifiers_of(clause, skip) & QUALIFIER_FROM_CLAUSE
    if not own & QUALIFIER_FROM_CLAUSE and len(level) == 1:
        own |= level  # a bonus's level from its clause, when the clause names only one
    kept |= {q for q in own if QUALIFIES[q] & kept}
    if kept & NAMED:
        kept |= {"name:" + n for n in names_of(what, skip)}
    actor = actor_of(what, skip) or DEFAULT_ACTOR
    if event and actor == DEFAULT_ACTOR and sufferer and kept & SUFFERED:
        actor = sufferer
    elif event and actor == DEFAULT_ACTOR:  # "casualties supporting Russia", of Korean troops
        around = actor_of(clause, skip) or actor_of(before, skip)
        if around not in REPORTING_ACTORS:
            actor = around or actor
    return frozenset(kept), actor
