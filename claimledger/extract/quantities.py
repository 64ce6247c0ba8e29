"""Quantities: every figure that states an amount, with value, kind, unit, qualifier and change.

One digit- and word-anchored regex pass finds candidates (``quantity_words.CANDIDATE_RE``);
each is then read outward: currency and sign on the left, magnitude, range, unit or multiplier
on the right, qualifier and change words around it. Numbers that are dates, years, clock
times, article or model numbers, ordinals or list labels are dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Approx, Document, Kind, Quantity
from .numbers import CARDINALS, MAGNITUDES, SCALES, parse_digits, parse_words
from .quantity_lexicon import (
    AGE_AFTER_RE,
    AGE_BEFORE_RE,
    CHANGE_LEFT_RE,
    CHANGE_RIGHT_RE,
    CODE_AFTER_RE,
    CURRENCY_CODES,
    CURRENCY_PREFIX_RE,
    FURNITURE_AFTER_RE,
    LEFT_WINDOW,
    LIST_AFTER_RE,
    LIST_LABEL_RE,
    MAGNITUDE_RE,
    MAGNITUDE_VALUES,
    MASK_RE,
    MONEY_MAG_RE,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    ORDINAL_AFTER_RE,
    POST_QUALIFIER_RE,
    QUALIFIER_RE,
    REFERENCE_BEFORE_RE,
    SUFFIX_RE,
    UNIT_TABLE,
)
from .quantity_words import CANDIDATE_RE, DIGITS_RE, fraction_value

# Bare four-digit numbers in this range are read as years (times), not amounts.
YEAR_RANGE = (1900, 2039)
# Day numbers up to this bound next to a month name are dates.
MAX_DAY = 31
# Languages whose number words we know; others are read with English rules.
DEFAULT_LANGUAGE = "en"

_WORD_TOKEN_RE = re.compile(r"[^\s-]+")
_CONNECTORS = frozenset({"and", "und", "и", "і", "й"})
_ARTICLES = frozenset({"a", "an", "ein", "eine", "einer", "einen"})
# Scale words that stand alone for exactly one of them ("тисячу солдатів" is 1000).
_SINGULAR_SCALES = frozenset({
    "тысяча", "тысячу", "тысячей", "тисяча", "тисячу", "тисячею", "миллион", "мільйон",
    "миллиард", "мільярд",
})
_ONE_WORDS = frozenset(
    w.lower() for table in CARDINALS.values() for w, v in table.items() if v == 1
)
# "the two countries", "both three": a small number after a definite word names a known set.
_DEFINITE_SMALL = frozenset({"two", "three"})
_DEFINITE_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:the|these|those|both)\s+$", re.IGNORECASE)
_PRONOUN_AFTER_RE = re.compile(
    r"\s*(?:of|another|or|who|that|which|by|side|thing|day|way|such|time|point|hand|,|\.|из"
    r"|з|із|с|и|і|та"
    r"|\)|;)(?!\w)", re.IGNORECASE)
_PRONOUN_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:no|any|every|each|the|this|that|which|some|only|such|last|next|other|but"
    r"|no-|ни)\s*$", re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\n]\s*)$")
_RANGE_SEP_RE = re.compile(r"\s?[-–]\s?|\s+(?:to|and|до|bis|und|і|и|та)\s+")
_RANGE_OPENERS = {
    "and": re.compile(r"\bbetween\s*$", re.I), "und": re.compile(r"zwischen\s*$", re.I),
    "и": re.compile(r"между\s*$", re.I), "і": re.compile(r"між\s*$", re.I),
    "та": re.compile(r"між\s*$", re.I),
    "до": re.compile(r"(?:^|(?<=\W))(?:от|від|з|із)\s*$", re.I),
}
# "rose from 776 to 568": a change between two figures, not a range.
_FROM_CHANGE_RE = re.compile(
    r"\w+(?:ed|en|ped)\s+from\s*$|\w+(?:лся|лась|лось|лись|ло|ла|л|в|ла|ли)\s+(?:с|от|з|від)\s*$")
_TIMES_RE = re.compile(
    r"\s+times(?=\s+(?:more|less|higher|lower|greater|larger|smaller|fewer|as|the|over"
    r"|faster|cheaper|bigger|that|what|than)\b)|\s+раз(?:а|и|ів)?(?!\w)|-?\s?mal\b")
_TIMES_PREP_RE = re.compile(r"(?:^|(?<=\W))(?:в|во|у)\s*$", re.IGNORECASE)
_FOLD_RE = re.compile(r"[\s-]?fold\b|-?fach(?:e[nrms]?)?\b")
_HALF_BAD_BEFORE_RE = re.compile(
    r"(?:first|second|latter|other|перв\w+|втор\w+|друг\w+|ersten|zweiten)\s*$", re.I)
_HALF_MAG_RE = re.compile(r"\s+a\s+(million|billion|thousand|dozen)\b")
_AUNIT_OK_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:for|in|within|after|than|just|only|over|nearly|almost|about|around"
    r"|barely|roughly|less than|more than)\s*$", re.I)
_AUNIT_OK_AFTER_RE = re.compile(r"\s*(?:later|ago|earlier|before|after|long|-long)\b", re.I)
_AND_HALF_RE = re.compile(r"\s+and\s+a\s+half\b|\s+с\s+половиной\b|\s+з\s+половиною\b")
_COMPOUND_DURATION_RE = re.compile(r"\s*(?:,|and|и|і|та|und)?\s+")
_LIST_PROPAGATION_GAP_RE = re.compile(r"\s+[^\W\d_]+\s*(?:,|та|і|и|й)\s*$")
_PERCENT_COMPARATIVE_RE = re.compile(r"\s*(?:higher|lower|höher|niedriger)\b")
_ON_BY_RE = re.compile(r"(?:^|(?<=\W))на\s*$")


@dataclass
class _Figure:
    """A candidate figure being read outward from its number."""

    start: int
    end: int
    value: float
    high: float | None = None
    kind: Kind = "count"
    unit: str | None = None
    approx: Approx = "exact"
    change: bool = False
    is_word: bool = False
    raw_digits: str = ""


def extract_quantities(doc: Document) -> list[Quantity]:
    """Figures in ``doc.text`` with value, kind, unit, approx and change set."""
    text = doc.text
    lang = doc.language if doc.language in CANDIDATE_RE else DEFAULT_LANGUAGE
    masks = [(m.start(), m.end()) for m in MASK_RE.finditer(text)]
    mask_starts = [s for s, _ in masks]
    pattern = CANDIDATE_RE[lang]
    figures: list[_Figure] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = pattern.search(text, pos)
        if m is None:
            break
        if _masked(m.start(), m.end(), masks, mask_starts):
            pos = m.end()
            continue
        fig, nxt = _read(text, m, lang)
        pos = max(nxt, m.start() + 1)
        if fig is not None and fig.end > fig.start:
            figures.append(fig)
    if lang in ("ru", "uk"):
        _propagate_lists(text, figures)
    return [
        Quantity(
            start=f.start, end=f.end, text=text[f.start:f.end], value=f.value, kind=f.kind,
            value_high=f.high, unit=f.unit, approx=f.approx, change=f.change,
        )
        for f in figures
    ]


def _masked(start: int, end: int, masks: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(masks) and masks[j][0] < end and start < masks[j][1]:
            return True
    return False


def _read(text: str, m: re.Match[str], lang: str) -> tuple[_Figure | None, int]:
    """The figure that starts at candidate ``m`` (or None) and where to search next."""
    group = m.lastgroup
    if group == "num":
        return _read_digits(text, m.start(), m.end(), lang)
    if group == "word":
        return _read_words(text, m.start(), m.end(), lang)
    if group == "frac":
        return _read_fraction(text, m.start(), m.end()), m.end()
    return _read_a_unit(text, m.start(), m.end()), m.end()


# --- digits -------------------------------------------------------------------------------------

def _read_digits(text: str, s: int, e: int, lang: str) -> tuple[_Figure | None, int]:
    if text[s] in "+-\u2212" and s > 0 and text[s - 1] not in " \t\n(['\"\u00a0":
        s += 1
        if s >= e:
            return None, e
    raw = text[s:e]
    before = text[s - 1] if s > 0 else ""
    before2 = text[s - 2] if s > 1 else ""
    if before.isalpha() or before in "_/" or (before in "-–." and (before2.isalnum())):
        return None, _skip_token(text, e)
    if before in ",." and before2.isdigit():
        return None, _skip_token(text, e)
    value = parse_digits(raw, lang)
    if value is None:
        return None, e
    fig = _Figure(s, e, value, raw_digits=raw)
    if raw[0] == "+":
        fig.change = True
    after = text[e] if e < len(text) else ""
    left = text[max(0, s - LEFT_WINDOW):s]
    if REFERENCE_BEFORE_RE.search(left) or CODE_AFTER_RE.match(text, e):
        return None, _skip_token(text, e)
    plain = raw.lstrip("+-\u2212")
    if plain.isdigit() and len(plain) <= 2 and 0 < value <= MAX_DAY:
        if MONTH_AFTER_RE.match(text, e) or MONTH_BEFORE_RE.search(left):
            return None, e
    if plain.isdigit() and LIST_LABEL_RE.search(left) and LIST_AFTER_RE.match(text, e):
        return None, e
    # currency before
    cur = CURRENCY_PREFIX_RE.search(text, max(0, s - 12), s)
    if cur is not None and (cur.start() == 0 or not text[cur.start() - 1].isalpha()):
        fig.kind, fig.unit = "money", CURRENCY_CODES[str(cur.lastgroup)]
        fig.start = cur.start()
    # glued letters: money magnitude, unit, or an ordinal/model suffix
    if fig.kind == "money":
        mm = MONEY_MAG_RE.match(text, e)
        if mm is not None:
            fig.value *= {"bn": 1e9, "b": 1e9, "m": 1e6, "k": 1e3}[mm.group("mag")]
            fig.end = e = mm.end()
    after = text[e] if e < len(text) else ""
    if after.isalpha() or after == "-":
        if not _glued_ok(text, e):
            return None, _skip_token(text, e)
    year = plain.isdigit() and len(plain) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
    return _finish(text, fig, lang, year=year)


def _glued_ok(text: str, e: int) -> bool:
    """Whether letters or a hyphen glued to a number end in a unit, magnitude or multiplier."""
    if MAGNITUDE_RE.match(text, e) or _FOLD_RE.match(text, e) or _TIMES_RE.match(text, e):
        return True
    su = SUFFIX_RE.match(text, e)
    if su is not None:
        return True
    if ORDINAL_AFTER_RE.match(text, e):
        return False
    return text[e] == "-" and e + 1 < len(text) and text[e + 1].isdigit()


def _skip_token(text: str, e: int) -> int:
    """The end of the token glued to position ``e`` (so its digits are not read again)."""
    n = len(text)
    while e < n and (text[e].isalnum() or text[e] in "-."):
        if text[e] == "." and (e + 1 >= n or not text[e + 1].isalnum()):
            break
        e += 1
    return e


# --- number words -------------------------------------------------------------------------------

def _read_words(text: str, s: int, e: int, lang: str) -> tuple[_Figure | None, int]:
    tokens = [(t.start() + s, t.end() + s, t.group()) for t in _WORD_TOKEN_RE.finditer(text[s:e])]
    if not tokens:
        return None, e
    first = tokens[0][2]
    article = first.lower() in _ARTICLES
    words = [t[2] for t in tokens[1:]] if article else [t[2] for t in tokens]
    parsed = _parse_any(words, lang)
    if parsed is None:
        return None, tokens[0][1]
    value, used = parsed
    offset = 1 if article else 0
    last = tokens[offset + used - 1]
    end = last[1]
    used_words = [w.lower() for w in words[:used] if w.lower() not in _CONNECTORS]
    scales = _all_scales()
    cardinal_seen = any(w not in scales for w in used_words)
    if not cardinal_seen:
        if article and lang in ("en", "de"):
            pass
        elif lang in ("ru", "uk") and used_words[0] in _SINGULAR_SCALES:
            pass
        elif lang in ("ru", "uk") and QUALIFIER_RE.search(text[max(0, s - LEFT_WINDOW):s]):
            value = value or 1000
        else:
            return None, end
    elif article:
        return None, tokens[1][0]  # "a five": read "five" alone
    if len(used_words) == 1:
        w = used_words[0]
        if w in _ONE_WORDS and not _one_is_number(text, s, end):
            return None, end
        if w in _DEFINITE_SMALL and _DEFINITE_BEFORE_RE.search(text, max(0, s - 8), s):
            return None, end
        if lang == "de" and words[0][0].isupper() and w in ("acht", "elf"):
            return None, end
    if end < len(text) and text[end] == "-" and not _glued_ok(text, end):
        return None, _skip_token(text, end)
    fig = _Figure(s, end, value, is_word=True)
    half = _AND_HALF_RE.match(text, end)
    if half is not None:
        fig.value += 0.5
        fig.end = half.end()
    return _finish(text, fig, lang, year=False)


def _parse_any(words: list[str], lang: str) -> tuple[float, int] | None:
    parsed = parse_words(words, lang)
    if parsed is None:
        for other in CARDINALS:
            if other != lang:
                parsed = parse_words(words, other)
                if parsed is not None:
                    break
    return parsed


_SCALE_CACHE: set[str] = set()


def _all_scales() -> set[str]:
    if not _SCALE_CACHE:
        for table in SCALES.values():
            _SCALE_CACHE.update(w.lower() for w in table)
    return _SCALE_CACHE


def _one_is_number(text: str, s: int, e: int) -> bool:
    """Whether "one" at ``s:e`` counts something (not "one of", "no one", "the one")."""
    if _PRONOUN_AFTER_RE.match(text, e):
        return False
    if text[s].isupper() and _SENTENCE_START_RE.search(text, max(0, s - 3), s):
        return False  # "One journalist said": an indefinite article
    return not _PRONOUN_BEFORE_RE.search(text, max(0, s - 12), s)


# --- fractions, multipliers, "a month" ----------------------------------------------------------

def _read_fraction(text: str, s: int, e: int) -> _Figure | None:
    surface = text[s:e]
    got = fraction_value(surface)
    if got is None:
        return None
    value, change = got
    low = surface.lower()
    if low in ("half", "hälfte") or low.startswith("половин"):
        if _HALF_BAD_BEFORE_RE.search(text, max(0, s - 16), s):
            return None
        if e < len(text) and text[e] == "-":
            return None
        hm = _HALF_MAG_RE.match(text, e)
        if hm is not None:
            mag = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "dozen": 12}[hm.group(1)]
            return _qualify(text, _Figure(s, hm.end(), 0.5 * mag))
    fig = _Figure(s, e, value, kind="ratio", change=change)
    return _qualify(text, fig)


def _read_a_unit(text: str, s: int, e: int) -> _Figure | None:
    left = text[max(0, s - LEFT_WINDOW):s]
    if not (_AUNIT_OK_BEFORE_RE.search(left) or _AUNIT_OK_AFTER_RE.match(text, e)):
        return None
    su = SUFFIX_RE.match(text, s + text[s:e].index(" "))
    if su is None or su.lastgroup is None:
        return None
    kind, unit, factor = UNIT_TABLE[int(su.lastgroup[1:])]
    return _qualify(text, _Figure(s, e, factor, kind="duration", unit=unit))  # type: ignore[arg-type]


# --- reading outward ----------------------------------------------------------------------------

def _finish(text: str, fig: _Figure, lang: str, *, year: bool) -> tuple[_Figure | None, int]:
    """Read magnitude, range, unit and multiplier after the number, then qualifiers."""
    e = fig.end
    mag = MAGNITUDE_RE.match(text, e)
    if mag is not None:
        fig.value *= magnitude_value(mag.group("mag"), lang)
        e = fig.end = mag.end()
        year = False
        e = _compound_magnitude(text, fig, lang)
    # range
    e = _read_range(text, fig, lang, year)
    if fig.high is not None:
        year = False
    furniture = FURNITURE_AFTER_RE.match(text, e)
    if furniture is not None and fig.kind == "count":
        fig.kind, fig.end = "other", (furniture.start() + len(furniture.group().split()[0])
                                      + (1 if furniture.group()[0].isspace() else 0))
        return _qualify(text, fig), fig.end
    su = SUFFIX_RE.match(text, e)
    if su is not None and su.lastgroup is not None:
        kind, unit, factor = UNIT_TABLE[int(su.lastgroup[1:])]
        joined_by_hyphen = text[e] == "-"
        if joined_by_hyphen and kind not in ("duration", "measure"):
            su = None
        elif kind == "money" and fig.kind == "money":
            su = None
        elif year and kind in ("duration", "other"):
            return None, su.end()
        elif kind == "measure" and unit in ("m", "t", "l") and fig.is_word:
            su = None
        if su is not None:
            fig.kind, fig.unit = kind, unit  # type: ignore[assignment]
            fig.value *= factor
            if fig.high is not None:
                fig.high *= factor
            fig.end = su.end()
            year = False
            if kind == "duration":
                _compound_duration(text, fig, lang)
    if fig.kind == "count":
        tm = _TIMES_RE.match(text, fig.end)
        if tm is not None:
            if "раз" in tm.group() and not _TIMES_PREP_RE.search(
                    text, max(0, fig.start - 6), fig.start):
                tm = None
        if tm is not None:
            fig.kind, fig.end = "ratio", tm.end()
            year = False
        else:
            fm = _FOLD_RE.match(text, fig.end)
            if fm is not None:
                fig.kind, fig.end = "ratio", fm.end()
                year = False
    if year:
        return None, fig.end
    if fig.kind == "count":
        left = text[max(0, fig.start - LEFT_WINDOW):fig.start]
        if AGE_BEFORE_RE.search(left) or AGE_AFTER_RE.match(text, fig.end):
            fig.kind, fig.unit = "duration", "year"
        elif fig.end < len(text) and text[fig.end] == "+":
            fig.end += 1
            fig.approx = "over"
    result = _qualify(text, fig)
    if result is not None and lang in ("ru", "uk") and not result.change:
        left = text[max(0, result.start - 8):result.start]
        if _ON_BY_RE.search(left) and CHANGE_RIGHT_RE.match(text, result.end):
            result.change = True
    return result, fig.end


def magnitude_value(word: str, lang: str) -> float:
    """The multiplier of a magnitude word as ``lang`` reads it (de "Billion" is 10**12)."""
    table = MAGNITUDES.get(lang, {})
    if word in table:
        return table[word]
    if word.lower() in table:
        return table[word.lower()]
    en = MAGNITUDES["en"]
    return en.get(word.lower(), MAGNITUDE_VALUES[word])


def _compound_magnitude(text: str, fig: _Figure, lang: str) -> int:
    """Extend "2 million 389 thousand" with its smaller part."""
    e = fig.end
    if e >= len(text) or text[e] not in " \u00a0":
        return e
    dm = DIGITS_RE[lang].match(text, e + 1)
    if dm is None:
        return e
    mag2 = MAGNITUDE_RE.match(text, dm.end())
    part = parse_digits(dm.group(), lang)
    if mag2 is None or part is None:
        return e
    scale = magnitude_value(mag2.group("mag"), lang)
    if part * scale < fig.value and scale < fig.value:
        fig.value += part * scale
        fig.end = mag2.end()
    return fig.end


def _read_range(text: str, fig: _Figure, lang: str, year: bool) -> int:
    """Extend ``fig`` over "-15", " to 15", " bis 15" when they make a rising range."""
    e = fig.end
    # a unit may sit on both ends ("80%-90%"): look past it
    first_suffix = SUFFIX_RE.match(text, e)
    if first_suffix is not None and first_suffix.lastgroup is not None:
        kind = UNIT_TABLE[int(first_suffix.lastgroup[1:])][0]
        probe = first_suffix.end() if kind == "percent" else e
    else:
        probe = e
    sep = _RANGE_SEP_RE.match(text, probe)
    if sep is None:
        return e
    word = sep.group().strip()
    left = text[max(0, fig.start - LEFT_WINDOW):fig.start]
    opener = _RANGE_OPENERS.get(word)
    if opener is not None and not opener.search(left):
        return e
    if word in ("to", "до", "bis") and _FROM_CHANGE_RE.search(left):
        return e
    j = sep.end()
    high: float | None = None
    hend = j
    dm = DIGITS_RE[lang].match(text, j)
    if dm is not None and dm.group()[0].isdigit():
        high = parse_digits(dm.group(), lang)
        hend = dm.end()
        if hend < len(text) and (text[hend].isalpha() and not _glued_ok(text, hend)):
            return e
        raw_high = dm.group()
        if year or (raw_high.isdigit() and len(raw_high) == 4
                    and YEAR_RANGE[0] <= (high or 0) <= YEAR_RANGE[1] and fig.value >= 1000):
            return e
    elif fig.is_word:
        wm = CANDIDATE_RE[lang].match(text, j)
        if wm is not None and wm.lastgroup == "word":
            words = [t.group() for t in _WORD_TOKEN_RE.finditer(wm.group())]
            parsed = _parse_any(words, lang)
            if parsed is not None:
                high = parsed[0]
                hend = j + len(" ".join(words[:parsed[1]]))
    if high is None:
        return e
    mag = MAGNITUDE_RE.match(text, hend)
    if mag is not None:
        scale = magnitude_value(mag.group("mag"), lang)
        high *= scale
        hend = mag.end()
        if fig.value * scale <= high and fig.value < scale:
            fig.value *= scale
    if not fig.value < high:
        return e
    fig.high = high
    fig.end = hend
    return hend


def _compound_duration(text: str, fig: _Figure, lang: str) -> None:
    """Add "and three months" to "two years" (as a fraction of the first unit)."""
    per = {("year", "month"): 12.0, ("day", "hour"): 24.0, ("hour", "minute"): 60.0}
    sep = _COMPOUND_DURATION_RE.match(text, fig.end)
    if sep is None:
        return
    m = CANDIDATE_RE[lang].match(text, sep.end())
    if m is None or m.lastgroup not in ("num", "word"):
        return
    if m.lastgroup == "num":
        v = parse_digits(m.group(), lang)
    else:
        parsed = _parse_any([t.group() for t in _WORD_TOKEN_RE.finditer(m.group())], lang)
        v = parsed[0] if parsed and parsed[1] == len(m.group().split()) else None
    su = SUFFIX_RE.match(text, m.end())
    if v is None or su is None or su.lastgroup is None:
        return
    kind, unit, _ = UNIT_TABLE[int(su.lastgroup[1:])]
    ratio = per.get((str(fig.unit), str(unit)))
    if kind == "duration" and ratio:
        fig.value += v / ratio
        fig.end = su.end()


def _qualify(text: str, fig: _Figure) -> _Figure | None:
    """Set approx and change from the words around ``fig``."""
    left = text[max(0, fig.start - LEFT_WINDOW):fig.start]
    q = QUALIFIER_RE.search(left)
    rest = left
    if q is not None and q.lastgroup is not None:
        rest = left[:q.start()]
        approx = q.lastgroup
        if q.group().strip().lower() in ("до", "to") and re.search(
                r"(?:\w{3,})\s*$", rest) and CHANGE_LEFT_RE.search(rest + "на "):
            approx = "exact"  # "зросла до 500": a new total, not an upper bound
        if fig.approx == "exact":
            fig.approx = approx  # type: ignore[assignment]
    post = POST_QUALIFIER_RE.match(text, fig.end)
    if post is not None and post.lastgroup is not None and fig.approx == "exact":
        fig.approx = post.lastgroup  # type: ignore[assignment]
    cl = CHANGE_LEFT_RE.search(rest)
    if cl is not None:
        word = cl.group().strip().lower()
        explicit = any(word.endswith(x) for x in (" by", " of", " на", " um", " von")) or word in (
            "another", "ще", "ещё", "еще", "weitere", "weiteren", "weiterer")
        if explicit or fig.kind in ("percent", "ratio"):
            if not (word in ("up", "down") and fig.kind == "ratio"):
                fig.change = True
    if not fig.change and fig.kind in ("percent", "ratio", "count"):
        cr = CHANGE_RIGHT_RE.match(text, fig.end)
        if cr is not None:
            w = cr.group().strip().lower()
            comparative = w in ("больше", "меньше", "більше", "менше", "вище", "нижче", "выше",
                                "ниже")
            relative = w.startswith(("по сравн", "у порівн", "порівн"))
            if relative and fig.kind == "ratio":
                fig.change = True
            elif not comparative and not relative:
                if w in ("higher", "lower", "höher", "niedriger"):
                    fig.change = fig.kind == "percent"
                else:
                    fig.change = fig.kind in ("percent", "ratio") or w.startswith(
                        ("increase", "rise", "drop", "decrease", "decline", "jump", "surge"))
    return fig


def _propagate_lists(text: str, figures: list[_Figure]) -> None:
    """In ru/uk lists ("ще 1500 окупантів та 20 танків", "минимум два генерала, 10
    полковников"), a leading change word or qualifier covers the next items."""
    for prev, cur in zip(figures, figures[1:], strict=False):
        if cur.approx != "exact" or cur.change or cur.kind != prev.kind:
            continue
        gap = text[prev.end:cur.start]
        if not _LIST_PROPAGATION_GAP_RE.fullmatch(gap):
            continue
        if prev.change and not text[prev.start] == "+":
            cur.change = True
        if prev.approx == "at_least":
            cur.approx = prev.approx
