"""Figures named by words instead of by position: the links of the checks across sentences.

A report often names a figure of an earlier sentence by what it is instead of restating it:

- the **subject** of a sentence repeats the subject of an earlier figure ("Road spending will
  grow to 9.2 billion … Road spending will make 23% of …");
- a **noun phrase after a share** names an earlier whole ("…, or about 30% of the overall
  budget" after "an overall budget of 40 billion");
- a part **added by words** ("combined with the state grant") names an earlier figure;
- a **total over a conjunction** ("overall spending on schools and hospitals") names its parts.

Each figure gets a *description*: the words of its clause before it (from the start of its
sentence or the figure before it). A phrase names a figure when every content word of the phrase
matches a word of the description (same word up to its ending: "grant" / "grants", "дороги" /
"дорогам") and, when the phrase calls its figure a whole ("total", "общих", "Gesamt-"), the
description does too. Function words and evaluative words ("the", "new", "этот") name nothing.

The cue words per language live in ``claimledger.lexicon.checks_{en,ru,uk,de}``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

from ..lexicon import checks_de, checks_en, checks_ru, checks_uk
from .layout import (
    CANDIDATE_LIMIT,
    Layout,
    amounts_before,
    compatible,
    is_amount,
    prev_quantity,
)

_LEXICONS = (checks_en, checks_ru, checks_uk, checks_de)

# Shortest common beginning for two forms of one word ("fund" / "funding", "дороги" /
# "дорогам"), and how many letters of an ending may differ beyond it.
STEM_MIN = 5
ENDING_MAX = 3
# Most content words a naming phrase may have ("the state grant", "the overall budget").
PHRASE_MAX_WORDS = 6
# Most words of a subject before its verb ("Road spending | will make up").
SUBJECT_MAX_WORDS = 6
# Characters a description may reach back from its figure.
DESCRIPTION_CHARS = 240
# Characters a naming phrase may run ("of the overall 2026 city budget").
PHRASE_CHARS = 120
# Most words after a figure read as what it went on ("on shelters").
TRAILING_MAX_WORDS = 4
# Characters a subject may run from the start of its sentence.
SUBJECT_CHARS = 160
# Longest gap between a figure and its bracketed conversion ("9 billion hryvnias ($218m)").
CONVERSION_GAP_CHARS = 24

_TOKEN = re.compile(r"[^\W\d_]+", re.U)
_BRACKET_BEFORE = re.compile(r"\(\s*(?:[^\W\d]+\s+){0,2}$")


def _words(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for lex in _LEXICONS:
        out.extend(getattr(lex, name))
    return tuple(dict.fromkeys(out))


def _alternation(phrases: Iterable[str]) -> str:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        stem = p[:-1] if p.endswith("*") else p
        body = r"\s+".join(re.escape(w) for w in stem.split())
        parts.append(body + (r"\w*" if p.endswith("*") else ""))
    return "|".join(parts)


def phrase_pattern(name: str) -> str:
    """The lexicon entry ``name`` of all languages as one bounded regex alternation."""
    return rf"(?<!\w)(?:{_alternation(_words(name))})(?!\w)"


_FUNCTION = frozenset(w.lower() for w in _words("FUNCTION_WORDS"))
_TOTALITY_WORD = re.compile(rf"^(?:{_alternation(w for w in _words('TOTALITY') if ' ' not in w)})$",
                            re.I)
_TOTALITY_PREFIX = tuple(w[:-1] for w in _words("TOTALITY") if w.endswith("*"))
_SUBJECT_STOP = re.compile(rf"^(?:{_alternation(_words('SUBJECT_STOPS'))})$", re.I)
_TOTAL_VERB_WORD = re.compile(
    rf"^(?:{_alternation(w for w in _words('TOTAL_VERBS') if ' ' not in w)})$", re.I)
CONJUNCTION = re.compile(phrase_pattern("CONJUNCTIONS"), re.I)
COMBINED_WITH = re.compile(phrase_pattern("COMBINED_WITH"), re.I)
TOTAL_VERB = re.compile(phrase_pattern("TOTAL_VERBS"), re.I)
_SHARE_OF = re.compile(rf"\s*(?:{_alternation(_words('SHARE_OF'))})\s+", re.I)
_WHOLE_LINK_END = re.compile(rf"(?<!\w)(?:{_alternation(_words('WHOLE_LINKS'))})\s*$", re.I)
_MONEY_LINK_END = re.compile(rf"(?<!\w)(?:{_alternation(_words('WHOLE_LINKS_MONEY'))})\s*$",
                             re.I)
_MULTIPLIER_LINK = re.compile(
    rf"^\s*(?:{_alternation(_words('MULTIPLIER_LINKS'))})\s+(?:[^\W\d]+(?:[’'-][^\W\d]+)*\s+){{0,4}}?"
    rf"(?:(?:{_alternation(_words('MULTIPLIER_OF'))})\s+)?$", re.I)
# A dash or colon that opens a phrase ("из которых — студенты").
_LEADING_MARK = re.compile(r"\s*[—–:-]?\s*")
# A clause break inside a phrase: the phrase ends there.
_PHRASE_END = re.compile(r"[.,;:!?()\[\]«»\"“”—–]|\s-\s")


def cues_in(lay: Layout, name: str, pattern: re.Pattern[str], lo: int,
            hi: int) -> list[tuple[int, int]]:
    """The matches of ``pattern`` (called ``name``) inside ``[lo, hi)``, from one scan of the
    sentence that holds ``lo`` (memoised per sentence, so many figures of one long sentence
    share the scan)."""
    s = lay.sent_at(lo)
    key = (name, s)
    spans = lay.cue_spans.get(key)
    if spans is None:
        s0, s1 = lay.sentences[s]
        spans = lay.cue_spans[key] = [m.span() for m in pattern.finditer(lay.text, s0, s1)]
    k = bisect_left(spans, (lo, lo))
    out: list[tuple[int, int]] = []
    while k < len(spans) and spans[k][1] <= hi:
        out.append(spans[k])
        k += 1
    return out


def tokens(text: str) -> list[str]:
    """The lower-case word tokens of ``text`` (hyphenated compounds split)."""
    return [w.lower() for w in _TOKEN.findall(text)]


def is_totality(word: str) -> bool:
    """Whether ``word`` calls its figure a whole ("total", "общих", "Gesamtausgaben")."""
    return bool(_TOTALITY_WORD.match(word)) or word.startswith(_TOTALITY_PREFIX)


def _core(word: str) -> str:
    """A word without a totality prefix ("gesamtausgaben" → "ausgaben")."""
    for prefix in _TOTALITY_PREFIX:
        if word.startswith(prefix) and len(word) - len(prefix) > ENDING_MAX:
            return word[len(prefix):]
    return word


def is_content(word: str) -> bool:
    """Whether ``word`` says what a figure is (not a function word nor a bare "total")."""
    if word in _FUNCTION or len(word) < 3:
        return False
    return not _TOTALITY_WORD.match(word) or _core(word) != word


def is_subject_stop(word: str) -> bool:
    """Whether ``word`` is a verb or auxiliary that ends a subject."""
    return bool(_SUBJECT_STOP.match(word) or _TOTAL_VERB_WORD.match(word))


def same_word(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are forms of one word: a common beginning of ``STEM_MIN`` letters
    (or all of the shorter word) with endings that differ by at most ``ENDING_MAX`` letters."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= min(STEM_MIN, len(a), len(b)) and n >= min(len(a), len(b)) - ENDING_MAX


def names(phrase: list[str], described: list[str]) -> bool:
    """Whether the words ``phrase`` name a figure described by the words ``described``."""
    content = [w for w in phrase if is_content(w)]
    if not content:
        return False
    if any(is_totality(w) for w in phrase) and not any(is_totality(w) for w in described):
        return False
    cores = [_core(d) for d in described]
    return all(any(same_word(_core(w), d) for d in cores) for w in content)


def conversion_of(lay: Layout, j: int) -> int | None:
    """The figure that ``j`` converts when ``j`` stands in brackets right after it
    ("9 billion hryvnias ($218m)"): the bracketed one has that figure's description."""
    s0 = lay.sentences[lay.sent[j]][0]
    lo = max(s0, lay.qs[j].start - CONVERSION_GAP_CHARS)
    if not _BRACKET_BEFORE.search(lay.text, lo, lay.qs[j].start):
        return None
    k = prev_quantity(lay, j)
    if k is None or lay.sent[k] != lay.sent[j] or not is_amount(lay.qs[k]):
        return None
    if lay.qs[j].start - lay.qs[k].end > CONVERSION_GAP_CHARS or compatible(lay.qs[k], lay.qs[j]):
        return None
    return k


def description(lay: Layout, j: int) -> list[str]:
    """The words that describe figure ``j``: its clause before it, from the start of its
    sentence or from the figure before it (memoised per figure)."""
    key = ("description", j)
    cached = lay.descriptions.get(key)
    if cached is not None:
        return cached
    anchor = conversion_of(lay, j)
    target = anchor if anchor is not None else j
    s0 = lay.sentences[lay.sent[target]][0]
    lo = max(s0, lay.qs[target].start - DESCRIPTION_CHARS)
    k = prev_quantity(lay, target)
    if k is not None and lay.sent[k] == lay.sent[target]:
        lo = max(lo, lay.qs[k].end)
    out = tokens(lay.text[lo:lay.qs[target].start])
    lay.descriptions[key] = out
    return out


def trailing(lay: Layout, j: int) -> list[str]:
    """The words right after figure ``j`` that say what it went on: "2 billion hryvnias | on
    shelters | and 1 billion ..." (up to a clause break, a figure or a conjunction)."""
    key = ("trailing", j)
    cached = lay.descriptions.get(key)
    if cached is not None:
        return cached
    pos = lay.qs[j].end
    stop = min(lay.sentences[lay.sent[j]][1], pos + PHRASE_CHARS)
    m = _PHRASE_END.search(lay.text, pos, stop)
    if m:
        stop = m.start()
    order, starts = lay.by_start
    k = bisect_left(starts, pos)
    if k < len(order) and lay.qs[order[k]].start < stop:
        stop = lay.qs[order[k]].start
    c = CONJUNCTION.search(lay.text, pos, stop)
    if c:
        stop = c.start()
    out = tokens(lay.text[pos:stop])[:TRAILING_MAX_WORDS]
    lay.descriptions[key] = out
    return out


def phrase_after(lay: Layout, pos: int, end: int) -> list[str] | None:
    """The words from ``pos`` to the first clause break, figure or ``end``; None when a figure
    comes first (the phrase then names that figure itself)."""
    stop = min(end, pos + PHRASE_CHARS)
    m = _PHRASE_END.search(lay.text, pos, stop)
    if m:
        stop = m.start()
    order, starts = lay.by_start
    k = bisect_left(starts, pos)
    if k < len(order) and lay.qs[order[k]].start < stop:
        return None
    words = tokens(lay.text[pos:stop])
    cut: list[str] = []
    for w in words:
        if is_subject_stop(w):
            break
        cut.append(w)
    return cut[:PHRASE_MAX_WORDS] or None


def content_after(lay: Layout, pos: int) -> list[str]:
    """The content words from ``pos`` to the next clause break of its sentence, verbs left out:
    "(a quarter of whom) were students." → ["students"]; "(из которых) — студенты" →
    ["студенты"]."""
    s1 = lay.sentences[lay.sent_at(pos)][1]
    m = _LEADING_MARK.match(lay.text, pos, s1)
    start = m.end() if m else pos
    stop = min(s1, start + PHRASE_CHARS)
    end = _PHRASE_END.search(lay.text, start, stop)
    words = tokens(lay.text[start:end.start() if end else stop])
    return [w for w in words if is_content(w) and not is_subject_stop(w)][:PHRASE_MAX_WORDS]


def share_of_phrase(lay: Layout, p: int) -> list[str] | None:
    """The noun phrase after a share that names its whole in words: "30% of the overall budget",
    "30% загальних видатків" (a bare genitive only when it calls the whole a total)."""
    q = lay.qs[p]
    s1 = lay.sentences[lay.sent[p]][1]
    m = _SHARE_OF.match(lay.text, q.end, s1)
    start = m.end() if m else q.end
    phrase = phrase_after(lay, start, s1)
    if not phrase:
        return None
    if m is None and not is_totality(next((w for w in phrase if w not in _FUNCTION), "")):
        return None
    return phrase


def whole_link_gap(text: str, money: bool) -> bool:
    """Whether ``text`` between a share and a later figure names that figure as the whole:
    "of the overall 2026 city budget of", "общих расходов бюджета в", "der gesamten Ausgaben
    von" (a totality word, at most ``PHRASE_MAX_WORDS`` words, a linking word at the end; "в",
    "у", "at" link only a sum of ``money``)."""
    if len(text) > 100 or _PHRASE_END.search(text):
        return False
    words = tokens(text)
    if not words or len(words) > PHRASE_MAX_WORDS + 3 or not any(is_totality(w) for w in words):
        return False
    return bool(_WHOLE_LINK_END.search(text) or (money and _MONEY_LINK_END.search(text)))


def multiplier_link(text: str) -> bool:
    """Whether ``text`` between a multiplier and a figure makes that figure its base: "twice
    the", "more than triple the old grant of", "вдвое больше прежних", "doppelt so hoch
    wie die bisherigen"."""
    return bool(_MULTIPLIER_LINK.match(text))


def subject(lay: Layout, p: int) -> list[str] | None:
    """The words of the subject of the sentence of ``p`` when it opens the sentence and ends at
    a verb before ``p`` with no figure in between ("Road spending | will make up 23%",
    "That grant | is twice the ..."); an opening adverbial ends at its comma ("In 2026, road
    spending will ..."). None otherwise."""
    s0 = lay.sentences[lay.sent[p]][0]
    k = prev_quantity(lay, p)
    if k is not None and lay.sent[k] == lay.sent[p]:
        return None
    if lay.qs[p].start - s0 > SUBJECT_CHARS:
        return None
    head = lay.text[s0:lay.qs[p].start]
    verb_at = None
    for m in _TOKEN.finditer(head):
        if is_subject_stop(m.group().lower()):
            verb_at = m.start()
            break
    if verb_at is None:
        return None
    words = tokens(head[head.rfind(",", 0, verb_at) + 1:verb_at])
    if len(words) > SUBJECT_MAX_WORDS or not any(is_content(w) for w in words):
        return None
    return words


def all_named_before(lay: Layout, phrase: list[str], before: int, sentences_back: int,
                     accept: Callable[[int], bool], limit: int = CANDIDATE_LIMIT,
                     after_too: bool = False) -> list[int]:
    """The amounts ending before position ``before`` (in its sentence or up to
    ``sentences_back`` sentences earlier) that ``accept`` takes and ``phrase`` names, nearest
    first, at most ``limit`` of them; ``after_too`` reads the words right after each figure as
    part of its description ("spent 2 billion on shelters")."""
    out: list[int] = []
    s_last = lay.sent_at(before)
    for j in amounts_before(lay, s_last - sentences_back, s_last, before):
        words = description(lay, j) + trailing(lay, j) if after_too else description(lay, j)
        if accept(j) and names(phrase, words):
            out.append(j)
            if len(out) >= limit:
                break
    return out


def named_before(lay: Layout, phrase: list[str], before: int, sentences_back: int,
                 accept: Callable[[int], bool]) -> int | None:
    """The nearest of ``all_named_before``, or None."""
    found = all_named_before(lay, phrase, before, sentences_back, accept, 1)
    return found[0] if found else None


def conjuncts(head: str) -> tuple[list[str], list[str]] | None:
    """The two things a total names across a conjunction in ``head`` (the words of its clause
    before it): "Overall spending on schools and hospitals will come to" → (["schools"],
    ["hospitals"]). None when ``head`` calls nothing a total or joins no two things."""
    cut = None
    for m in CONJUNCTION.finditer(head):
        cut = m
    if cut is None or not any(is_totality(w) for w in tokens(head[:cut.start()])):
        return None
    left: list[str] = []
    for w in reversed(tokens(head[:cut.start()])):
        if not is_content(w) or is_subject_stop(w) or len(left) >= 3:
            break
        left.insert(0, w)
    right: list[str] = []
    for w in tokens(head[cut.end():]):
        if w in _FUNCTION and not right:
            continue
        if not is_content(w) or is_subject_stop(w) or len(right) >= 3:
            break
        right.append(w)
    if not left or not right:
        return None
    return left, right


def same_period(a_from: str | None, a_to: str | None, b_from: str | None,
                b_to: str | None) -> bool:
    """False only when both figures state a time frame and the frames differ."""
    a, b = a_to or a_from, b_to or b_from
    return not a or not b or a[:4] == b[:4]


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _years(lay: Layout, s: int) -> set[str]:
    key = ("years", s)
    known = lay.descriptions.get(key)
    if known is None:
        s0, s1 = lay.sentences[s]
        known = lay.descriptions[key] = sorted(set(_YEAR.findall(lay.text, s0, s1)))
    return set(known)


def same_time(lay: Layout, a: int, b: int) -> bool:
    """False when figures ``a`` and ``b`` are of different years: their periods differ, or
    their sentences name years and none in common ("in 2021 … 4 billion" against "in 2026")."""
    qa, qb = lay.qs[a], lay.qs[b]
    if not same_period(qa.period_from, qa.period_to, qb.period_from, qb.period_to):
        return False
    ya, yb = _years(lay, lay.sent[a]), _years(lay, lay.sent[b])
    return not ya or not yb or bool(ya & yb)
