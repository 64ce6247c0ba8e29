"""A figure being read outward from its number: magnitude, range, compound duration,
qualifier and change words (the shared machinery of ``quantities``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import by_language
from ..model import Approx, Kind
from .numbers import CARDINALS, MAGNITUDES, parse_digits, parse_words
from .quantity_lexicon import (
    CHANGE_LEFT_OPENERS,
    CHANGE_LEFT_RE,
    CHANGE_RIGHT_RE,
    CHANGE_WORD_RE,
    FROM_FIGURE_BEFORE_RE,
    LEFT_WINDOW,
    MAGNITUDE_RE,
    MAGNITUDE_VALUES,
    ORDINAL_AFTER_RE,
    POST_QUALIFIER_RE,
    QUALIFIER_OPENERS,
    QUALIFIER_RE,
    RANGE_VERB_RE,
    SENTENCED_BEFORE_RE,
    SUFFIX_RE,
    UNIT_TABLE,
)
from .quantity_words import candidate_re, digits_re
from .scan import match_at, search_before

# Bare four-digit numbers in this range are read as years (times), not amounts.
YEAR_RANGE = (1900, 2039)
# Years of a far plan ("up to 2050", "до 2050 года"): years only after a word of time.
FAR_YEAR_RANGE = (2040, 2100)
# How far left qualifiers ("in excess of", "не менее чем") and change words are looked for.
QUALIFIER_WINDOW = 24
CHANGE_WINDOW = 24
WORD_TOKEN_RE = re.compile(r"[^\s-]+")
_RANGE_SEP_RE = re.compile(r"\s?[-–]\s?|\s+(?:to|and|до|bis|und|і|и|та)\s+")
_RANGE_OPENERS = {
    "and": re.compile(r"\bbetween\s*$", re.I), "und": re.compile(r"zwischen\s*$", re.I),
    "и": re.compile(r"между\s*$", re.I), "і": re.compile(r"між\s*$", re.I),
    "та": re.compile(r"між\s*$", re.I),
    "до": re.compile(r"(?:^|(?<=\W))(?:от|від|з|із|зі|с|со)\s*$", re.I),
}
# Openers of "from A to B"; after these the pair is read as two states unless it is a spread.
_FROM_OPENER_RE = re.compile(r"(?:^|(?<=\W))(?:from|з|із|зі|с|со|von)\s*$", re.I)
# Openers that usually start a spread ("от пяти до десяти лет"): two states only on a change word.
_SPREAD_OPENER_RE = re.compile(r"(?:^|(?<=\W))(?:от|від|between)\s*$", re.I)
# How far back the clause of a figure is searched for a change word.
CLAUSE_WINDOW = 90
# "um"/"by" right before a figure: the amount of a change when the clause has a change word.
_BY_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:um|by)\s+$")
_RATIO_ARTICLE_RE = re.compile(r"(?:^|(?<=\W))(?:die|the|der)\s+$", re.I)
# A figure just before "over N years" (and no "for"/"lasted" between): "over" means across.
_OVER_SPAN_BEFORE_RE = re.compile(
    r"[0-9%][^\W\d_]*(?:\s+(?!for\b|lasted\b|last\b|took\b|than\b)[^\W\d_]+){0,3}\s+$",
    re.I)
# "an additional 180,000 personnel to 1.5 million": an increment when a new total follows
# (a plain "an additional 400,000 troops" is a planned amount, not a change).
_ADDITIONAL_WORDS = ("additional", "zusätzliche", "zusätzlichen", "zusätzlicher",
                     "дополнительные", "дополнительных", "додаткові", "додаткових")
_TO_TOTAL_AFTER_RE = re.compile(r"(?:\s+[^\W\d_]+){0,3}\s+(?:to|до|auf)\s+[0-9]")
_CLAUSE_END_RE = re.compile(r"[.!?;:](?:\s|$)|\n")
# "another"/"ще"/"weitere" N adds to an earlier figure only where the text keeps a running
# tally: a per-day report ("over the past day", "за минулу добу", "binnen 24 Stunden") in its
# sentence or the next, a total stated after it ("Загалом ... досягли"), or a verb of losing
# right before it ("втратили ще 1730"). Elsewhere it is one more part of a list ("Another 20
# were captured", "Загалом 2 400: ..., ще 600") or a plain amount ("another 400,000 troops").
_ANOTHER_WORDS = frozenset({"another", "ще", "ещё", "еще", "weitere", "weiteren", "weiterer"})
_DAILY_TALLY_RE = re.compile(
    r"(?:^|(?<=\W))(?:(?:past|last|previous)\s+(?:day|24\s+hours)|a\s+day\s+earlier"
    r"|доб[уиі]|сутки|суток|24\s+(?:години|часа|часов)|Vortag|24\s+Stunden)(?!\w)", re.I)
_TOTAL_AFTER_RE = re.compile(
    r"(?:^|(?<=\W))(?:in\s+total|total(?:ling|ing)?|overall|bringing|загалом|всього|всего"
    r"|в\s+общей\s+сложности|insgesamt)(?!\w)", re.I)
_LOSS_VERB_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:lost|loses|losing|killed|destroyed|втратил\w{0,2}|втрати\w{0,2}"
    r"|втрачає|втрачають|знищил\w{0,2}|знищено|потерял\w{0,2}|теряет|теряют|уничтожил\w{0,2}"
    r"|уничтожено|verloren|verlor|verliert|getötet|zerstört)\s+$", re.I)
# How far around an "another" figure its sentence and the next are looked at.
TALLY_BEFORE_WINDOW = 200
TALLY_AFTER_WINDOW = 300
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")
# "rose from 776 to 568": a change between two figures, not a range.
_FROM_CHANGE_RE = re.compile(
    r"\w+(?:ed|en|ped)\s+from\s*$|\w+(?:лся|лась|лось|лись|ло|ла|л|в|ла|ли)\s+(?:с|от|з|від)\s*$")
TIMES_RE = re.compile(
    r"\s+times(?=\s+(?:more|less|higher|lower|greater|larger|smaller|fewer|as|the|over"
    r"|faster|cheaper|bigger|that|what|than)\b)|\s+раз(?:а|и|ів)?(?!\w)|-?\s?mal\b"
    r"|[x×](?!\w)")
FOLD_RE = re.compile(r"[\s-]?fold\b|-?[Ff]ach(?:e[nrms]?)?\b")
_CURRENCY_SYMBOL_RE = re.compile(r"(?:US\$|\$|€|£|₽|₴|¥|₹)")
_COMPOUND_DURATION_RE = re.compile(r"\s*(?:,|and|и|і|та|und)?\s+")


class _SuffixMemo:
    """The last ``SUFFIX_RE.match`` (a figure's end is read for a unit two or three times)."""

    text: str | None = None
    pos = -1
    found: re.Match[str] | None = None


def suffix_at(text: str, pos: int) -> re.Match[str] | None:
    """``match_at(SUFFIX_RE, text, pos)``, remembered for the last position asked."""
    memo = _SuffixMemo
    if memo.pos == pos and memo.text is text:
        return memo.found
    found = match_at(SUFFIX_RE, text, pos)
    memo.text, memo.pos, memo.found = text, pos, found
    return found


def glued_ok(text: str, e: int) -> bool:
    """Whether letters or a hyphen glued to a number end in a unit, magnitude or multiplier."""
    if match_at(MAGNITUDE_RE, text, e) or match_at(FOLD_RE, text, e) or match_at(TIMES_RE, text, e):
        return True
    su = suffix_at(text, e)
    if su is not None:
        return True
    if match_at(ORDINAL_AFTER_RE, text, e):
        return False
    return text[e] == "-" and e + 1 < len(text) and text[e + 1].isdigit()


# Words of a language that another language's lexicon reads as a number ("jeden" in German).
_NOT_NUMBERS: dict[str, frozenset[str]] = {
    lang: frozenset(words) for lang, words in by_language("numbers", "NOT_NUMBERS").items()}


def parse_any(words: list[str], lang: str) -> tuple[float, int] | None:
    parsed = parse_words(words, lang)
    if parsed is None and not (words and words[0].lower() in _NOT_NUMBERS.get(lang, ())):
        for other in CARDINALS:
            if other != lang:
                parsed = parse_words(words, other)
                if parsed is not None:
                    break
    return parsed


def magnitude_value(word: str, lang: str) -> float:
    """The multiplier of a magnitude word as ``lang`` reads it (de "Billion" is 10**12)."""
    table = MAGNITUDES.get(lang, {})
    if word in table:
        return table[word]
    if word.lower() in table:
        return table[word.lower()]
    en = MAGNITUDES["en"]
    return en.get(word.lower(), MAGNITUDE_VALUES[word])


def compound_magnitude(text: str, fig: Figure, lang: str) -> int:
    """Extend "2 million 389 thousand" with its smaller part."""
    e = fig.end
    if e >= len(text) or text[e] not in " \u00a0":
        return e
    dm = digits_re(lang).match(text, e + 1)
    if dm is None:
        return e
    mag2 = match_at(MAGNITUDE_RE, text, dm.end())
    part = parse_digits(dm.group(), lang)
    if mag2 is None or part is None:
        return e
    scale = magnitude_value(mag2.group("mag"), lang)
    if part * scale < fig.value and scale < fig.value:
        fig.value += part * scale
        fig.end = mag2.end()
    return fig.end


def read_range(text: str, fig: Figure, lang: str, year: bool) -> int:
    """Extend ``fig`` over "-15", " to 15", " bis 15" when they make a rising range."""
    e = fig.end
    # a unit may sit on both ends ("80%-90%"): look past it
    first_suffix = suffix_at(text, e)
    if first_suffix is not None and first_suffix.lastgroup is not None:
        kind = UNIT_TABLE[int(first_suffix.lastgroup[1:])][0]
        probe = first_suffix.end() if kind == "percent" else e
    else:
        probe = e
    sep = match_at(_RANGE_SEP_RE, text, probe)
    if sep is None:
        return e
    word = sep.group().strip()
    left = text[max(0, fig.start - LEFT_WINDOW):fig.start]
    opener = _RANGE_OPENERS.get(word)
    if opener is not None and not opener.search(left):
        return e
    if word in ("to", "до", "bis") and _FROM_CHANGE_RE.search(left) and not RANGE_VERB_RE.search(
            left):
        _second_state_unit(text, fig, sep.end(), lang)
        return e
    j = sep.end()
    if fig.kind == "money":  # "between $5 billion and $12 billion": the symbol on both ends
        cur = _CURRENCY_SYMBOL_RE.match(text, j)
        if cur is not None:
            j = cur.end()
    high: float | None = None
    hend = j
    dm = digits_re(lang).match(text, j)
    if dm is not None and dm.group()[0].isdigit():
        high = parse_digits(dm.group(), lang)
        hend = dm.end()
        if hend < len(text) and (text[hend].isalpha() and not glued_ok(text, hend)):
            return e
        raw_high = dm.group()
        if year or (raw_high.isdigit() and len(raw_high) == 4
                    and YEAR_RANGE[0] <= (high or 0) <= YEAR_RANGE[1] and fig.value >= 1000):
            return e
    elif fig.is_word:
        wm = candidate_re(lang).match(text, j)
        if wm is not None and wm.lastgroup == "word":
            words = [t.group() for t in WORD_TOKEN_RE.finditer(wm.group())]
            parsed = parse_any(words, lang)
            if parsed is not None:
                high = parsed[0]
                hend = j + len(" ".join(words[:parsed[1]]))
    if high is None:
        return e
    mag = match_at(MAGNITUDE_RE, text, hend)
    if mag is not None:
        scale = magnitude_value(mag.group("mag"), lang)
        high *= scale
        hend = mag.end()
        if fig.value * scale <= high and fig.value < scale:
            fig.value *= scale
    if not fig.value < high:
        return e
    high_suffix = suffix_at(text, hend)
    high_kind = (UNIT_TABLE[int(high_suffix.lastgroup[1:])][0]
                 if high_suffix is not None and high_suffix.lastgroup is not None else None)
    low_unit = probe != e
    if low_unit and high_kind != "percent":
        return e  # "fell 20% to 4 million tonnes": a percent and a total, not a range
    if word in ("to", "до", "bis") and _two_states(text, fig.start, left, low_unit,
                                                    high_kind is not None):
        _second_state_unit(text, fig, j, lang)
        return e
    fig.high = high
    fig.end = hend
    return hend


def _second_state_unit(text: str, fig: Figure, j: int, lang: str) -> None:
    """"doubled from 5 to 10 years": a bare first state takes the unit of the second."""
    if fig.kind != "count" or fig.unit is not None:
        return
    dm = digits_re(lang).match(text, j)
    if dm is None or not dm.group()[0].isdigit():
        return
    su = match_at(SUFFIX_RE, text, dm.end())
    if su is None or su.lastgroup is None:
        return
    kind, unit, factor = UNIT_TABLE[int(su.lastgroup[1:])]
    if kind in ("duration", "measure"):
        fig.kind, fig.unit = kind, unit  # type: ignore[assignment]
        fig.value *= factor


def clause_has_change(text: str, start: int) -> bool:
    """Whether the clause that ends at ``start`` has a change word (and no spread verb)."""
    window = text[max(0, start - CLAUSE_WINDOW):start]
    cut = 0
    for m in _CLAUSE_END_RE.finditer(window):
        cut = m.end()
    clause = window[cut:]
    return bool(CHANGE_WORD_RE.search(clause)) and not RANGE_VERB_RE.search(clause)


def _two_states(text: str, start: int, left: str, low_unit: bool, high_unit: bool) -> bool:
    """Whether "from A to B" before ``start`` states a change between two figures.

    A spread of one estimate writes its unit once, after the high end, and has no change
    word ("from 5 to 10 years", "от пяти до десяти лет"); a change has a change word in its
    clause ("grew by 10% from 2,000 to 2,200") or, after "from"/"з"/"с", two bare or two
    fully written figures ("з 1 000 до 1 200", "from 8% to 10%").
    """
    spread = _SPREAD_OPENER_RE.search(left)
    from_ = _FROM_OPENER_RE.search(left)
    if spread is None and from_ is None:
        return False
    if clause_has_change(text, start):
        return True
    if spread is not None:
        return False
    return low_unit or not high_unit


def compound_duration(text: str, fig: Figure, lang: str) -> None:
    """Add "and three months" to "two years" (as a fraction of the first unit)."""
    per = {("year", "month"): 12.0, ("day", "hour"): 24.0, ("hour", "minute"): 60.0}
    sep = _COMPOUND_DURATION_RE.match(text, fig.end)
    if sep is None:
        return
    m = candidate_re(lang).match(text, sep.end())
    if m is None or m.lastgroup not in ("num", "word"):
        return
    if m.lastgroup == "num":
        v = parse_digits(m.group(), lang)
    else:
        parsed = parse_any([t.group() for t in WORD_TOKEN_RE.finditer(m.group())], lang)
        v = parsed[0] if parsed and parsed[1] == len(m.group().split()) else None
    su = suffix_at(text, m.end())
    if v is None or su is None or su.lastgroup is None:
        return
    kind, unit, _ = UNIT_TABLE[int(su.lastgroup[1:])]
    ratio = per.get((str(fig.unit), str(unit)))
    if kind == "duration" and ratio:
        fig.value += v / ratio
        fig.end = su.end()


def qualify(text: str, fig: Figure) -> Figure | None:
    """Set approx and change from the words around ``fig``."""
    q = QUALIFIER_OPENERS.search(QUALIFIER_RE, text, max(0, fig.start - QUALIFIER_WINDOW),
                                 fig.start)
    if q is None and fig.kind == "ratio":  # "mehr als die Hälfte", "more than the half"
        art = _RATIO_ARTICLE_RE.search(text, max(0, fig.start - 6), fig.start)
        if art is not None:
            q = QUALIFIER_OPENERS.search(QUALIFIER_RE, text,
                                         max(0, art.start() - QUALIFIER_WINDOW), art.start())
    rest_end = fig.start
    if q is not None and q.lastgroup is not None:
        rest_end = q.start()
        approx = q.lastgroup
        rest = text[max(0, rest_end - CHANGE_WINDOW):rest_end]
        qword = q.group().strip().lower()
        if qword in ("до", "to") and CHANGE_LEFT_RE.search(rest + "на "):
            approx = "exact"  # "зросла до 500": a new total, not an upper bound
        elif qword in ("до", "bis") and _second_state_or_sentence(text, q.start()):
            approx = "exact"
        elif qword == "over" and fig.kind == "duration" and _OVER_SPAN_BEFORE_RE.search(
                text, max(0, q.start() - QUALIFIER_WINDOW), q.start()):
            approx = "exact"  # "$40bn in aid over five years": spread across, not more than
        if fig.approx == "exact":
            fig.approx = approx  # type: ignore[assignment]
    post = match_at(POST_QUALIFIER_RE, text, fig.end)
    if post is not None and post.lastgroup is not None and fig.approx == "exact":
        fig.approx = post.lastgroup  # type: ignore[assignment]
    cl = CHANGE_LEFT_OPENERS.search(CHANGE_LEFT_RE, text, max(0, rest_end - CHANGE_WINDOW),
                                    rest_end)
    if cl is not None:
        word = cl.group().strip().lower()
        explicit = any(word.endswith(x) for x in (" by", " of", " на", " um", " von")) or (
            word in _ANOTHER_WORDS and running_tally_near(text, cl.start(), fig.end)) or (
            word.endswith(_ADDITIONAL_WORDS) and _TO_TOTAL_AFTER_RE.match(text, fig.end))
        if explicit or fig.kind in ("percent", "ratio"):
            if not (word in ("up", "down") and fig.kind == "ratio"):
                fig.change = True
    if not fig.change and search_before(_BY_BEFORE_RE, text, max(0, rest_end - 4), rest_end):
        # "stieg im Vergleich zum Vorjahr um 12 %": "um"/"by" of a change word in the clause
        fig.change = clause_has_change(text, rest_end)
    if not fig.change and fig.kind in ("percent", "ratio", "count"):
        cr = match_at(CHANGE_RIGHT_RE, text, fig.end)
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


def running_tally_near(text: str, start: int, end: int) -> bool:
    """Whether "another N" at ``start:end`` adds to a tally (see ``_DAILY_TALLY_RE``)."""
    if _LOSS_VERB_BEFORE_RE.search(text, max(0, start - 24), start):
        return True
    lo = max(0, start - TALLY_BEFORE_WINDOW)
    for m in _SENTENCE_END_RE.finditer(text, lo, start):
        lo = m.end()
    hi = min(len(text), end + TALLY_AFTER_WINDOW)
    ends = 0
    pos = end
    while ends < 2:
        found = _SENTENCE_END_RE.search(text, pos, hi)
        if found is None:
            break
        if text[pos:found.start()].strip():
            ends += 1
        pos = found.end()
    if ends == 2:
        hi = pos
    return bool(_DAILY_TALLY_RE.search(text, lo, hi) or _TOTAL_AFTER_RE.search(text, end, hi))


def _second_state_or_sentence(text: str, at: int) -> bool:
    """Whether "до" at ``at`` ends "с 200 до" or follows "засудив" (not "up to")."""
    left = max(0, at - QUALIFIER_WINDOW - CHANGE_WINDOW)
    return bool(FROM_FIGURE_BEFORE_RE.search(text, left, at)
                or SENTENCED_BEFORE_RE.search(text, left, at))


@dataclass
class Figure:
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
