"""Metric definitions: named things that reports count, and matching a figure's ``what`` to one.

A metric ("ru_personnel_losses") names what a figure counts independently of the words and
language a report uses. Definitions are bundled in ``claimledger/data/metrics.json``; a user file
in the same shape adds metrics or replaces bundled ones of the same name.

File shape: ``{"metrics": [{"name": ..., "kind": "count", "unit": null, "cumulative": true,
"description": ..., "terms": {"en": [...], "ru": [...], "uk": [...], "de": [...]},
"exclude": {"en": [...]}, "require": {"en": [...]}, "concepts": [...]}]}`` (a bare list of
metric objects is accepted too). ``require`` lists context words of which one must also occur
(e.g. a loss word for losses, so "personnel" alone, as in the size of an army, does not count).
``concepts``
names the concepts of the thing lexicon that make the metric ("loss", "personnel", "@russia"):
a figure whose words name no term but exactly these concepts counts it too.

Matching works on normalised words: lower-case, stop-words dropped, each word cut to a light
stem. A term matches when its stems start the consecutive words of ``what`` in order, so
"особового складу" matches "особовий склад" and "tank" matches "tanks".
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError

LANGUAGES = ("en", "ru", "uk", "de")  # the languages claimledger reads; terms are keyed by them
BUNDLED_NAME = "metrics.json"  # file name of the bundled definitions in claimledger/data
METRICS_ENV = "CLAIMLEDGER_METRICS"  # a users' metric file applied on ingest and re-analysis
MIN_STEM = 3  # shorter stems match too many unrelated words by prefix
STEM_CACHE_SIZE = 1 << 16  # distinct words stemmed and remembered: a large news vocabulary
INDEX_CACHE_SIZE = 16  # metric lists indexed and remembered (bundled, bundled + user file)
WHAT_CACHE_SIZE = 1 << 14  # distinct ``what`` phrases matched and remembered per metric list
CONTEXT_CHARS = 300  # how far around a figure its sentence is looked for
_SENTENCE_END = re.compile(r"[!?\n]|\.(?!\d)|(?<!\d)\.")
MAX_CUTS = 3  # endings cut per word at most: enough for plural + case ending, no runaway
KINDS = frozenset({"count", "percent", "money", "duration", "measure", "ratio", "other"})

# Words that carry no meaning for what is counted: function words of the four languages and
# the "total number of" padding that reports put around the same thing.
STOP_WORDS = frozenset(
    """
    a an the of in on at for to and or by with from as since than about more over some its their
    his her which that this these those were was is are have has been be had into per among total
    number overall all approximately around nearly almost up least most
    и в во на с со по за из от до к о об для не что как а или это его их ее её всего около более
    менее почти общее общая общее число количество свыше
    і й та в у на з із зі по за від до для не що як а або це його їх її усього всього близько
    понад більше менше майже загальна загальні загальний кількість число
    der die das den dem des ein eine einen einem eines und oder in im am an auf mit von vom zu
    zum zur für seit bei nach aus über insgesamt gesamt zahl anzahl rund etwa fast mehr als
    """.split()
)

# Endings cut from a word to reach its stem, longest first; Cyrillic endings cover the common
# noun and adjective cases of Russian and Ukrainian, Latin ones English and German plurals.
_CYRILLIC_ENDINGS = sorted(
    """
    ого ому ыми ими ых их ов ев ей ам ям ах ях ами ями ой ий ый ая яя ое ее ые ие ую юю ом ем
    ів їв ій ої ою ові еві ям ях ів а я ы и о е у ю ь і ї
    """.split(),
    key=len,
    reverse=True,
)
_LATIN_ENDINGS = ("ing", "ies", "es", "ed", "ly", "s", "en", "er", "e")
_ES_PLURAL = ("x", "z", "ch", "sh")  # plurals in -es ("boxes", "matches"; "cases" is case+s)
# an English silent e after one consonant after a vowel ("plane", "drone", "missile"); German
# endings in -e follow a consonant pair or a vowel pair and are cut ("Drohne", "Fälle")
_SILENT_E = re.compile(r"(?:^|[^aeiouäöü])[aeiouy][bcdfgklmnprstvz]e$")
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яіїєґ]")


@dataclass(frozen=True)
class Metric:
    """A named thing that reports count, with the words that name it in each language."""

    name: str
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    kind: str = "count"
    unit: str | None = None
    cumulative: bool = False
    description: str = ""
    exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    require: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    # the concepts of the thing lexicon (claimledger/lexicon/things.py) that make this metric,
    # "@actor" for whom: an automatic thing of exactly these concepts is this metric
    concepts: frozenset[str] = frozenset()


def _cut(word: str) -> str:
    """``word`` with one ending cut (the longest that leaves ``MIN_STEM`` letters)."""
    endings = _CYRILLIC_ENDINGS if _CYRILLIC.search(word) else _LATIN_ENDINGS
    if word.endswith("ss") or word.endswith("us"):
        return word
    if word.endswith("sses"):
        return word[:-2]
    latin = endings is _LATIN_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            rest = word[: -len(ending)]
            if latin and ending == "es" and not rest.endswith(_ES_PLURAL):
                continue  # "planes" is "plane" + s, not "plan" + es ("plans")
            if latin and ending == "e" and _SILENT_E.search(word):
                return word  # "plane", "drone", "missile": the e is part of the word
            return rest
    return word


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """A light stem of one lower-case word: endings cut until none is left to cut.

    Cutting to a fixed point makes singular and plural land on the same stem ("soldiers",
    "soldier" -> "soldi"; "особового", "особовий" -> "особ").
    """
    for _ in range(MAX_CUTS):
        cut = _cut(word)
        if cut == word:
            break
        word = cut
    return word


def content_words(text: str) -> list[str]:
    """The words of ``text`` that say what is counted: lower-case, no stop-words, no numbers."""
    words = _WORD.findall(text.casefold().replace("ё", "е"))
    return [w for w in words if w not in STOP_WORDS and not w.isdigit() and w != "_"]


def what_key(what: str | None) -> tuple[str, ...]:
    """A normalised key of ``what``: the sorted distinct stems of its content words."""
    if not what:
        return ()
    return tuple(sorted({stem(w) for w in content_words(what)}))


def _term_stems(term: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in content_words(term))


def _matches_at(words: Sequence[str], i: int, term: tuple[str, ...]) -> bool:
    """Whether ``term``'s stems start the words of ``words`` from position ``i`` on."""
    if i + len(term) > len(words):
        return False
    return all(words[i + j].startswith(t) for j, t in enumerate(term))


@dataclass(frozen=True)
class _Index:
    """Terms of a metric list keyed by their first stem, for lookup by word prefix."""

    metrics: tuple[Metric, ...]
    by_first: Mapping[str, tuple[tuple[int, tuple[str, ...], str], ...]]  # (metric, term, role)
    needs_context: frozenset[int]  # metrics with a ``require`` list
    # what the terms say about a ``what`` phrase (scores, vetoed, required words present)
    what_cache: dict[str, _WhatMatch] = field(default_factory=dict, compare=False, hash=False)


# Of one ``what`` phrase: the best term length per metric, the metrics an exclusion vetoes and
# the metrics whose required words it holds.
_WhatMatch = tuple[dict[int, int], frozenset[int], frozenset[int]]


def _build_index(metrics: Sequence[Metric]) -> _Index:
    by_first: dict[str, list[tuple[int, tuple[str, ...], str]]] = {}
    for n, m in enumerate(metrics):
        for role, table in (("term", m.terms), ("exclude", m.exclude), ("require", m.require)):
            for term in {_term_stems(t) for ts in table.values() for t in ts}:
                if term:
                    by_first.setdefault(term[0], []).append((n, term, role))
    needs = frozenset(n for n, m in enumerate(metrics) if m.require)
    return _Index(tuple(metrics), {k: tuple(v) for k, v in by_first.items()}, needs)


_index_cache: dict[tuple[int, ...], _Index] = {}


def _index(metrics: Sequence[Metric]) -> _Index:
    """The term index of ``metrics``, built once per list of metric objects."""
    key = tuple(id(m) for m in metrics)
    hit = _index_cache.get(key)
    # the cached index holds the very objects whose ids make the key: identity is equality
    if hit is None or any(a is not b for a, b in zip(hit.metrics, metrics, strict=True)):
        hit = _build_index(metrics)
        if len(_index_cache) >= INDEX_CACHE_SIZE:
            _index_cache.clear()
        _index_cache[key] = hit
    return hit


def figure_context(text: str, start: int, end: int) -> str:
    """The sentence around a figure at ``start``..``end`` of ``text`` (at most a few hundred
    characters): the context in which a metric's required words are looked for."""
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    # a point between digits is a decimal point ("1.5 million"), no end of a sentence
    ends = [m.start() for m in _SENTENCE_END.finditer(text, lo, hi)]
    cut = max((i for i in ends if i < start), default=-1)
    stop = min((i for i in ends if i >= end), default=hi)
    return text[(cut + 1 if cut >= 0 else lo) : stop]


def assign_metric(
    what: str | None,
    kind: str,
    unit: str | None,
    metrics: Sequence[Metric],
    context: str | Callable[[], str] | None = None,
) -> str | None:
    """The name of the metric that ``what`` counts, or None.

    A metric fits when its kind and unit equal the figure's, one of its terms occurs in
    ``what``, none of its exclusions does and, when it lists required context words and a
    ``context`` (the figure's sentence, see ``figure_context``) is given, one of those occurs
    in ``what`` or the context. Of several fits the one whose term covers the
    most words wins; ties go to the metric listed first. ``context`` may be a function giving
    that sentence: it is called only when a fitting metric needs its words.
    """
    if not what:
        return None
    index = _index(metrics)
    found = index.what_cache.get(what)
    if found is None:
        found = _match_what(what, index)
        if len(index.what_cache) >= WHAT_CACHE_SIZE:
            index.what_cache.clear()
        index.what_cache[what] = found
    scores, vetoed, in_context = found
    fits = [n for n in scores if n not in vetoed and index.metrics[n].kind == kind
            and index.metrics[n].unit == unit]
    if not fits:
        return None
    # only a fitting metric whose required words ``what`` lacks needs the context read
    if context is not None and any(n in index.needs_context and n not in in_context
                                   for n in fits):
        around = [stem(w) for w in content_words(context() if callable(context) else context)]
        seen = set(in_context)
        for i, word in enumerate(around):
            for cut in range(1, len(word) + 1):
                for n, term, role in index.by_first.get(word[:cut], ()):
                    if role == "require" and _matches_at(around, i, term):
                        seen.add(n)
        missing = index.needs_context - seen
        fits = [n for n in fits if n not in missing]
    best: tuple[int, int] | None = None  # (score, -position)
    for n in fits:
        if best is None or (scores[n], -n) > best:
            best = (scores[n], -n)
    return index.metrics[-best[1]].name if best else None


def metrics_named(what: str | None, metrics: Sequence[Metric]) -> frozenset[str]:
    """The names of every metric one of whose terms the words of ``what`` hold (exclusions
    aside): "окупантів і знищили артсистем" names personnel and artillery."""
    if not what:
        return frozenset()
    index = _index(metrics)
    scores, _, _ = _match_what(what, index)
    return frozenset(index.metrics[n].name for n in scores)


def excluded_in(text: str | None, name: str, metrics: Sequence[Metric]) -> bool:
    """Whether one of the exclusions of the metric ``name`` occurs in ``text``."""
    if not text:
        return False
    index = _index(metrics)
    _, vetoed, _ = _match_what(text, index)
    return any(index.metrics[n].name == name for n in vetoed)


def _match_what(what: str, index: _Index) -> _WhatMatch:
    """What the terms of ``index`` say about the words of ``what``."""
    words = [stem(w) for w in content_words(what)]
    scores: dict[int, int] = {}
    vetoed: set[int] = set()
    in_context: set[int] = set()
    for i, word in enumerate(words):
        for cut in range(1, len(word) + 1):
            for n, term, role in index.by_first.get(word[:cut], ()):
                if not _matches_at(words, i, term):
                    continue
                if role == "exclude":
                    vetoed.add(n)
                elif role == "require":
                    in_context.add(n)
                else:
                    scores[n] = max(scores.get(n, 0), len(term))
    return scores, frozenset(vetoed), frozenset(in_context)


def _terms(value: Any, where: str, path: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(path, f"{where} must be an object of language -> list of words")
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in value.items():
        if lang not in LANGUAGES:
            raise ConfigError(path, f"{where}: unknown language {lang!r} (use {LANGUAGES})")
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ConfigError(path, f"{where}.{lang} must be a list of non-empty strings")
        out[lang] = tuple(words)
    return out


def _parse_metric(obj: Any, i: int, path: str) -> Metric:
    where = f"metric {i + 1}"
    if not isinstance(obj, dict):
        raise ConfigError(path, f"{where} is not an object")
    name = obj.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ConfigError(path, f"{where} needs a name of letters, digits, _ . - (got {name!r})")
    where = f"metric {name!r}"
    unknown = set(obj) - {
        "name",
        "terms",
        "kind",
        "unit",
        "cumulative",
        "description",
        "exclude",
        "require",
        "concepts",
    }
    if unknown:
        raise ConfigError(path, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    kind = obj.get("kind", "count")
    if kind not in KINDS:
        raise ConfigError(path, f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    unit = obj.get("unit")
    if unit is not None and not isinstance(unit, str):
        raise ConfigError(path, f"{where}: unit must be a string or null")
    cumulative = obj.get("cumulative", False)
    if not isinstance(cumulative, bool):
        raise ConfigError(path, f"{where}: cumulative must be true or false")
    description = obj.get("description", "")
    if not isinstance(description, str):
        raise ConfigError(path, f"{where}: description must be a string")
    terms = _terms(obj.get("terms"), f"{where}.terms", path)
    if not any(_term_stems(t) for ts in terms.values() for t in ts):
        raise ConfigError(path, f"{where} has no usable terms")
    exclude = _terms(obj.get("exclude"), f"{where}.exclude", path)
    require = _terms(obj.get("require"), f"{where}.require", path)
    concepts = obj.get("concepts", [])
    if not isinstance(concepts, list) or not all(isinstance(c, str) and c for c in concepts):
        raise ConfigError(path, f"{where}: concepts must be a list of non-empty strings")
    return Metric(name, terms, kind, unit, cumulative, description, exclude, require,
                  frozenset(concepts))


def parse_metrics(text: str, path: str) -> list[Metric]:
    """Metrics from the JSON ``text`` of the file ``path``; ConfigError naming it when invalid."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(path, f"not valid JSON: {exc}") from exc
    items = data.get("metrics") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError(path, 'expected {"metrics": [...]} or a list of metric objects')
    metrics = [_parse_metric(obj, i, path) for i, obj in enumerate(items)]
    seen: set[str] = set()
    for m in metrics:
        if m.name in seen:
            raise ConfigError(path, f"metric {m.name!r} is defined twice")
        seen.add(m.name)
    return metrics


@lru_cache(maxsize=1)
def _bundled() -> tuple[Metric, ...]:
    path = Path(__file__).resolve().parent.parent / "data" / BUNDLED_NAME
    return tuple(parse_metrics(path.read_text(encoding="utf-8"), str(path)))


def merge_metrics(base: Iterable[Metric], extra: Iterable[Metric]) -> list[Metric]:
    """``base`` with each metric of ``extra`` replacing the one of the same name or appended."""
    out = list(base)
    index = {m.name: i for i, m in enumerate(out)}
    for m in extra:
        if m.name in index:
            out[index[m.name]] = m
        else:
            index[m.name] = len(out)
            out.append(m)
    return out


def load_metrics(path: str | None = None) -> list[Metric]:
    """The bundled metrics plus those of the user's JSON file ``path``, else of the file named
    by ``$CLAIMLEDGER_METRICS`` (same names replace)."""
    metrics = list(_bundled())
    path = path or os.environ.get(METRICS_ENV) or None
    if path is None:
        return metrics
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read metric file: {exc}") from exc
    return merge_metrics(metrics, parse_metrics(text, path))
