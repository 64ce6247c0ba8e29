"""Quantities: every figure that states an amount, with value, kind, unit, qualifier and change.

One digit- and word-anchored regex pass finds candidates (``quantity_words.CANDIDATE_RE``);
each is then read outward: currency and sign on the left, magnitude, range, unit or multiplier
on the right, qualifier and change words around it. Numbers that are dates, years, clock
times, article or model numbers, ordinals or list labels are dropped.
"""

from __future__ import annotations

import bisect
import re

from ..deadline import tick
from ..lexicon import gather
from ..model import Document, Quantity
from .numbers import CARDINALS, DE_COMPOUND_RE, SCALES, VULGAR_FRACTIONS, parse_digits
from .quantity_figure import (
    FAR_YEAR_RANGE,
    FOLD_RE,
    TIMES_RE,
    WORD_TOKEN_RE,
    YEAR_RANGE,
    Figure,
    compound_duration,
    compound_magnitude,
    glued_ok,
    magnitude_value,
    parse_any,
    qualify,
    read_range,
    suffix_at,
)
from .quantity_lexicon import (
    AGE_AFTER_RE,
    AGE_BEFORE_RE,
    CHANGE_RIGHT_RE,
    CODE_AFTER_RE,
    CURRENCY_CODES,
    CURRENCY_PREFIX_RE,
    FURNITURE_AFTER_RE,
    GLUED_MAG_RE,
    LEFT_WINDOW,
    LIST_AFTER_RE,
    MAGNITUDE_RE,
    MASK_RE,
    MONEY_MAG_RE,
    MONEY_MAG_VALUES,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    MONTH_WORDS,
    QUALIFIER_RE,
    REFERENCE_BEFORE_RE,
    REFERENCE_OPENERS,
    UNIT_TABLE,
    WORD_FORMS,
)
from .quantity_words import BARE_UNITS, HALF_OF, candidate_re, fraction_value, half_of
from .scan import match_at, search_before, word_index

# How far left of a year-like number the words that make it a year are looked for.
YEAR_CONTEXT_WINDOW = 16
# Day numbers up to this bound next to a month name are dates.
MAX_DAY = 31
# The language of a document that names none.
DEFAULT_LANGUAGE = "en"

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
_DEFINITE_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:the|these|those|both|first|last|next|other)\s+$",
                                 re.IGNORECASE)
_PRONOUN_AFTER_RE = re.compile(
    r"\s*(?:of|another|or|who|that|which|by|side|thing|way|such|time|point|hand|,|\.|из"
    r"|з|із|с|и|і|та"
    r"|\)|;)(?!\w)", re.IGNORECASE)
_PRONOUN_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:no|any|every|each|the|this|that|which|some|only|such|last|next|other|but"
    r"|no-|ни)\s*$", re.IGNORECASE)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?\n]\s*)$")
# "one day", "one morning": a narrative time ("one day a shell hit") unless a duration word
# before makes "one day" a length of time ("lasted one day", "for only one day").
_ONE_TIME_AFTER_RE = re.compile(r"\s+(?:(?P<day>day)|morning|night|evening|afternoon)\b", re.I)
_DURATION_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:for|within|in|lasted|lasting|last|took|takes|spent|than|after|over"
    r"|nearly|almost|about|around|just|only|least|most|single|full|entire)\s+$", re.I)
# "one broken one", "a broken one": "one" whose head is the pronoun "one" two words on.
_ONE_PRONOUN_HEAD_RE = re.compile(r"\s+(?!(?:and|or|to|in|by|after)\s)[^\W\d_]+\s+one\b", re.I)
_ADJ_ONE_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:a|an|one)\s+[^\W\d_]+\s+$", re.I)
# "one soldier who fought there", "one officer told": an indefinite person of a relative
# clause or a quotation, not a count, unless it sits in a list of figures.
_ONE_INDEFINITE_AFTER_RE = re.compile(
    r"\s+[^\W\d_]+\s+(?:who|whom|whose|that|which|said|says|told|tells|explained|recalled"
    r"|wrote|added|noted|claimed|described|admitted|complained|recounted)\b", re.I)
# How far a list of figures around a "one" is looked for (its clause, at most this far).
ONE_LIST_WINDOW = 80
_NUMBER_WORD = (r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                r"|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
                r"|dozen)")
# "five officers and one soldier", "28 ships, as well as one submarine": a figure, words, a
# list joint, then the "one".
_LIST_BEFORE_ONE_RE = re.compile(
    r"(?:^|(?<=\W))" + _NUMBER_WORD + r"(?:\s+[^\W\d_]+){0,4}\s*(?:,|and|as well as|plus"
    r"|while|but)\s+(?:also\s+)?$", re.I)
# "one soldier was killed and three were wounded": a list joint, then a figure.
_LIST_AFTER_ONE_RE = re.compile(
    r"(?:\s+[^\W\d_.!?;:,]+){1,6}\s*(?:,\s*|\s+and\s+|\s+while\s+|\s+but\s+)(?:another\s+)?"
    + _NUMBER_WORD + r"\b", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[.!?;:\n]")
# A day number that opens a day range before a month ("1-15 March", "с 1 по 15 марта",
# "vom 1. bis 15. März"), or closes one after a month ("March 1 to 15"): part of a date.
_DAY_RANGE_AFTER_RE = re.compile(
    r"(?:\.|st|nd|rd|th)?(?:\s?[-–]\s?|\s+(?:to|till|until|through|and|по|до|и|і|та|bis|und)"
    r"\s+(?:the\s+)?)[0-9]{1,2}" + MONTH_AFTER_RE.pattern)
_DAY_RANGE_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))" + MONTH_WORDS + r"\.?\s[0-9]{1,2}(?:st|nd|rd|th)?(?:\s?[-–]\s?"
    r"|\s+(?:to|till|until|through|and)\s+(?:the\s+)?)$")
# How far left of a day number "March 1 to " is looked for.
DAY_RANGE_WINDOW = 24
# A channel's name: "Channel 4", "Канал 24", "24 Канал"; a lower-case singular "канал" after a
# number that would govern "канали"/"каналів" ("5 канал") is a name too.
_CHANNEL_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:Channel|Канал|Kanal)\s$")
_CHANNEL_AFTER_RE = re.compile(r"\s(?:Канал|Kanal|Channel|(?P<low>канал))(?!\w)")
_TIMES_PREP_RE = re.compile(r"(?:^|(?<=\W))(?:в|во|у)\s*$", re.IGNORECASE)
_HALF_BAD_BEFORE_RE = re.compile(
    r"(?:first|second|latter|other|перв\w+|втор\w+|друг\w+|ersten|zweiten)\s*$", re.I)
# "half a million", "a quarter of a million", "a half-million", "two-thirds of a billion".
_FRACTION_MAG_RE = re.compile(
    r"(?:\s+of)?(?:\s+an?)?(?:\s+|-)(?P<mag>million|billion|thousand|dozen)\b", re.I)
_FRACTION_MAGS = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "dozen": 12.0}
# "half an hour", "half a day": half of one unit of time.
_HALF_UNIT_RE = re.compile(r"\s+an?\s+(?P<unit>hour|day|week|month|year|minute)\b")
_AUNIT_OK_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:for|in|within|after|than|just|only|over|nearly|almost|about|around"
    r"|barely|roughly|less than|more than)\s*$", re.I)
_AUNIT_OK_AFTER_RE = re.compile(r"\s*(?:later|ago|earlier|before|after|long|-long)\b", re.I)
# "compared with 1,000 a year earlier", "7% higher than a year ago": "a year earlier" names the
# time of a comparison base, not an amount; it follows a figure or a comparison word and ends
# its phrase (narrative "a day later, ..." after no figure, or "a week before the summit", stays).
_AUNIT_REFERENCE_AFTER_RE = re.compile(
    r"\s+(?:earlier|ago|before|later|prior)(?=\s*(?:[,.;:)!?\n]|$|and\b|—|–))", re.I)
_AUNIT_BASE_BEFORE_RE = re.compile(
    r"(?:(?:compared|comparison)\s+(?:with|to)|than|from|versus|vs\.?|against|since|as)\s*$"
    r"|[0-9%]\s*(?:[^\W\d_]+\s+){0,3}$",
    re.I)
# "2000 drones", "1500 солдатів", "2000 Drohnen": a year-like number right before a counted
# noun is a count. The noun: en lower-case plural in -s; ru/uk lower-case word that is not a
# year word or a verb; de capitalised plural. Words that make a year an attribute or a time
# ("in 2024", "the 2024 budget", "2024 elections") keep it a year.
_YEAR_COUNT_NOUN_RE: dict[str, re.Pattern[str]] = {
    "en": re.compile(r" (?!(?:years|levels|figures|prices|rates|results|numbers|estimates"
                     r"|forecasts|budgets|elections|sanctions|talks|negotiations|games|olympics"
                     r"|statistics|reports|records|totals|lows|highs|peaks|terms|standards"
                     r"|values|targets|goals|plans|reforms|protests|events|accounts|this|thus"
                     r"|plus|less|unless|perhaps|always|besides|towards|afterwards|whereas"
                     r"|across|versus|progress|process|congress|address|business|access"
                     r"|success|was|has|its|is|as)\b)[a-z]{2,20}s\b"),
    "ru": re.compile(r" (?!(?:год\w*|гг?|лет|март\w*|ма[йяе]|август\w*)(?!\w))"
                     r"(?![а-яё]+(?:л|ла|ло|ли|лся|лась|лось|лись|ет|ит|ют|ть)(?!\w))"
                     r"[а-яё]{3,20}(?!\w)"),
    "uk": re.compile(r" (?!(?:рік|року|роком|роках|роки|років|рр?|берез\w*|трав\w*|серп\w*)"
                     r"(?!\w))(?![а-яіїєґ'’]+(?:[иауея]в|ла|ло|ли|вся|лася|лося|лися|ть|є|ють|ять)(?!\w))"
                     r"[а-яіїєґ'’]{3,20}(?!\w)"),
    "de": re.compile(r" (?!(?:Jahr\w*|Uhr|Januar|Februar|März|April|Mai|Juni|Juli|August"
                     r"|September|Oktober|November|Dezember|Ende|Anfang|Mitte)\b)"
                     r"[A-ZÄÖÜ][a-zäöüß]{1,20}(?:en|er|e|n|s)\b"),
}
# A determiner and one attribute before a year-like number: "the full 2026", "der gesamten 2026".
ATTRIBUTE_WINDOW = 30
_ATTRIBUTE_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:the|its|their|this|that|der|die|das|den|dem|des)\s+[^\W\d_]{3,20}\s+$",
    re.I)
# A year word right after a number: "2026 год", "2026 року", "2026 г.".
_YEAR_WORD_AFTER_RE = re.compile(r"\s*(?:год\w*|г\.|року|рік|р\.)(?!\w)", re.I)
_YEAR_CONTEXT_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:in|since|by|until|till|through|during|before|after|early|late|mid|end"
    r"|start|spring|summer|autumn|fall|winter|the|its|their|his|her|our|this|that|'s|’s"
    r"|в|во|у|с|со|з|із|зі|от|від|после|після|к|по|начала|конца|середины|кінця|початку"
    r"|середини|im|seit|bis|ab|vor|nach|Jahr|Jahres|Frühjahr|Sommer|Herbst|Winter"
    r"|" + MONTH_WORDS + r")\s*$",
    re.IGNORECASE,
)
# "He was 21.", "who is 19,": a bare number after a person and "was"/"is" is an age in years.
_AGE_BARE_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:he|she|who|er|sie)\s+(?:was|is|war|ist)\s+$",
                                 re.IGNORECASE)
_AGE_BARE_AFTER_RE = re.compile(r"\s*(?:[.,;)]|$)")
# How far left of "a year earlier" its figure or comparison word is looked for.
AUNIT_BASE_WINDOW = 40
# "five and a quarter", "two and three quarters", "пять с половиной", "два з половиною".
_AND_FRACTION_RE = re.compile(
    r"\s+and\s+(?:a|one)\s+(?P<half>half)\b|\s+and\s+(?:a|one)\s+(?P<quarter>quarter)\b"
    r"|\s+and\s+(?:a|one)\s+(?P<third>third)\b|\s+and\s+three[\s-](?P<three>quarters?)\b"
    r"|\s+(?:с|з)\s+(?P<half_>половиной|половиною)(?!\w)|\s+(?:с|з)\s+(?P<quarter_>четвертью|чвертю)(?!\w)")
_AND_FRACTION_VALUES = {"half": 0.5, "half_": 0.5, "quarter": 0.25, "quarter_": 0.25,
                        "third": 1 / 3, "three": 0.75}
# "1 / 4", "2 / 3": a fraction written with spaced digits (not a date "12 / 05 / 2024").
_SLASH_RATIO_RE = re.compile(r"\s/\s(?P<den>[0-9]{1,3})(?![0-9]|[.,][0-9]|\s?/)")
# The decimal part glued to a number word ("three.5", "six,3").
_WORD_DECIMAL_RE = re.compile(r"[.,]([0-9]{1,6})(?![0-9.,])")
# Words before a far year ("up to 2050", "aimed at 2050", "до 2050 года", "bis 2050").
_FAR_YEAR_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:to|at|до|к|bis|zum|für|na|на)\s*$", re.I)
# An increment in brackets right after a figure ("1926 (+8)").
_INCREMENT_AFTER_RE = re.compile(r"\s?\([+\u2212-][0-9]")
# Bullets and blanks that may open a ticker line.
_BULLETS = " \t\u00a0•·*-–—▲▼"
# How far left of a bare unit of time its qualifier is looked for.
QUALIFIER_WINDOW_BARE = 24
# "около часа ночи": an hour of the clock, not a length.
_CLOCK_PART_AFTER_RE = re.compile(r"\s+(?:ночи|дня|утра|вечера|ночі|ранку|вечора)(?!\w)")
# A sign written as a word before a figure.
_MINUS_WORD_BEFORE_RE = re.compile(r"(?:^|(?<=\W))(?:minus|минус|мінус)\s+$", re.I)
# How far left of a bracketed amount its clause is searched for another figure.
ACCOUNTING_WINDOW = 40
_LIST_PROPAGATION_GAP_RE = re.compile(r"\s+[^\W\d_]+\s*(?:,|та|і|и|й)\s*$")
_ON_BY_RE = re.compile(r"(?:^|(?<=\W))на\s*$")
# "the additional 180,000 personnel" after "an additional 180,000 personnel to 1.5 million":
# an increment word before a figure that restates an earlier increment keeps it a change.
_INCREMENT_BEFORE_RE = re.compile(
    r"(?:^|(?<=\W))(?:additional|another|extra|zusätzliche[nr]?|weitere[nr]?"
    r"|дополнительн\w{1,3}|додатков\w{1,3}|ще|ещё|еще)\s+$", re.I)


# Where a candidate or a mask can start, found once per text so that ``CANDIDATE_RE`` and
# ``MASK_RE`` (which begin with lookbehinds, so ``re`` would try them at every character) are
# tried only there. Non-word starts: a digit run, a sign, a vulgar fraction ("½"), and for
# masks "(" (phone numbers), "@" (e-mail) and "http"/"www." (URLs, found as substrings).
_SYMBOL_STARTS_RE = re.compile(r"[0-9]+|[-+\u2212(@" + "".join(VULGAR_FRACTIONS) + "]")
_URL_OPENERS = ("http", "www.")
# Words that open a fraction or multiplier (``quantity_words._FRACTION_RE``), lower-cased.
_FRACTION_OPENERS = frozenset({
    *gather("quantities", "FRACTION_OPENERS"), *BARE_UNITS,
    *(pre + w for w in HALF_OF if not w.isascii() for pre in gather("quantities", "HALF_PREFIXES")),
})
# Words (lower-cased, as the word index splits them) that can open a word-led candidate:
# fractions, "a year", number words with their articles.
_WORD_OPENERS = _FRACTION_OPENERS | {w.lower() for w in gather("numbers", "ARTICLES")} | {
    m.group() for f in WORD_FORMS if (m := re.match(r"[^\W_]+", f.lower())) is not None
}


def _candidate_starts(text: str, lang: str | None = None) -> tuple[list[int], list[int]]:
    """Sorted positions where a candidate can start (in ``lang``, or any language), and where a
    mask can start."""
    symbols = [m.start() for m in _SYMBOL_STARTS_RE.finditer(text)]
    index = word_index(text)
    words = [p for w in _WORD_OPENERS.intersection(index) for p in index[w]]
    # German compound numerals ("dreihundertfünfzig") are too many to list: test each word
    if lang in (None, "de"):
        words += [p for w, at in index.items() if len(w) > 6 and DE_COMPOUND_RE.fullmatch(w)
                  for p in at]
    lowered = text.lower()
    urls: list[int] = []
    if len(lowered) == len(text):
        for opener in _URL_OPENERS:
            at = lowered.find(opener)
            while at >= 0:
                urls.append(at)
                at = lowered.find(opener, at + 1)
    else:  # a letter that lower-cases to several: the positions would shift
        urls = list(range(len(text)))
    return sorted(symbols + words), sorted(symbols + urls)


def _mask_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The spans ``MASK_RE.finditer`` finds, trying the pattern only at ``starts``."""
    spans: list[tuple[int, int]] = []
    last = 0
    for p in starts:
        if p < last:
            continue
        m = match_at(MASK_RE, text, p)
        if m is not None:
            spans.append((p, m.end()))
            last = max(m.end(), p + 1)
    return spans


# Fullwidth forms (U+FF01-U+FF5E: "１，２３４", "８８．４％") read as their ASCII twins, one
# character for one, so every offset still points into the original text.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # the ideographic space
_WIDE_OR_ZERO = re.compile("[\uff01-\uff5e\u3000]|(?<=\\d)[\u200b\u2060\ufeff](?=\\d)")
# a zero-width space or word joiner between digits ("1\u200b000\u200b000") separates groups
# like a narrow no-break space: one number, not three
_ZERO_WIDTH_IN_NUMBER = re.compile("(?<=\\d)[\u200b\u2060\ufeff](?=\\d)")


# a terminal escape sequence (CSI "ESC[0m", OSC "ESC]0;title BEL") is no figure: blanked
_TERMINAL_ESCAPE = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"
    "|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
)


def reading_form(text: str) -> str:
    """``text`` as figures are read from it: fullwidth digits and signs as ASCII, zero-width
    characters between digits as group separators, terminal escape sequences as blanks (no
    "0" out of "ESC[0m"). Same length, same offsets."""
    if "\x1b" in text or "\x9b" in text:
        text = _TERMINAL_ESCAPE.sub(lambda m: " " * len(m.group(0)), text)
    if _WIDE_OR_ZERO.search(text) is None:
        return text
    return _ZERO_WIDTH_IN_NUMBER.sub("\u202f", text.translate(_FULLWIDTH))


def extract_quantities(doc: Document) -> list[Quantity]:
    """Figures in ``doc.text`` with value, kind, unit, approx and change set."""
    original = doc.text
    text = reading_form(original)
    # A language without number words of its own is read with the English ones, but its digits
    # with its own separators ("173.990" in Italian is 173990).
    lang = (doc.language or DEFAULT_LANGUAGE).replace("_", "-").split("-")[0].lower()
    starts, mask_at = _candidate_starts(text, lang)
    masks = _mask_spans(text, mask_at)
    mask_starts = [s for s, _ in masks]
    pattern = candidate_re(lang)
    figures: list[Figure] = []
    pos = 0
    for p in starts:  # what ``pattern.search(text, pos)`` would find, in order
        if p < pos:
            continue
        tick()
        m = pattern.match(text, p)
        if m is None:
            continue
        if _masked(m.start(), m.end(), masks, mask_starts):
            pos = m.end()
            continue
        fig, nxt = _read(text, m, lang)
        pos = max(nxt, m.start() + 1)
        if fig is not None and fig.end > fig.start:
            figures.append(fig)
    if lang in ("ru", "uk"):
        _propagate_lists(text, figures)
    _restated_increments(text, figures)
    _ticker_lines(text, figures)
    _payment_currencies(text, figures)
    return [
        Quantity(
            start=f.start, end=f.end, text=original[f.start:f.end], value=f.value, kind=f.kind,
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


def _read(text: str, m: re.Match[str], lang: str) -> tuple[Figure | None, int]:
    """The figure that starts at candidate ``m`` (or None) and where to search next."""
    group = m.lastgroup
    if group == "num":
        return _read_digits(text, m.start(), m.end(), lang)
    if group == "word":
        return _read_words(text, m.start(), m.end(), lang)
    if group == "frac":
        frac = _read_fraction(text, m.start(), m.end(), lang)  # "half a million" reads on
        return frac, max(m.end(), frac.end if frac is not None else 0)
    if group == "bunit":
        return _read_bare_unit(text, m.start(), m.end()), m.end()
    return _read_a_unit(text, m.start(), m.end()), m.end()


def _read_bare_unit(text: str, s: int, e: int) -> Figure | None:
    """"свыше месяца", "понад рік": one unit of time after a qualifier (else no figure)."""
    q = QUALIFIER_RE.search(text, max(0, s - QUALIFIER_WINDOW_BARE), s)
    if q is None or q.lastgroup is None or _CLOCK_PART_AFTER_RE.match(text, e):
        return None
    unit = BARE_UNITS[text[s:e].lower()]
    return qualify(text, Figure(s, e, 1.0, kind="duration", unit=unit))


# --- digits -------------------------------------------------------------------------------------

def _read_digits(text: str, s: int, e: int, lang: str) -> tuple[Figure | None, int]:
    if text[s] in "+-\u2212" and s > 0 and text[s - 1] not in " \t\n(['\"\u00a0":
        s += 1
        if s >= e:
            return None, e
    raw = text[s:e]
    before = text[s - 1] if s > 0 else ""
    before2 = text[s - 2] if s > 1 else ""
    if before.isalpha() or (before and before in "_/") or (before in "-–." and (before2.isalnum())):
        return None, _skip_token(text, e)
    if before in ",." and before2.isdigit():
        return None, _skip_token(text, e)
    value = parse_digits(raw, lang)
    if value is None:
        return None, e
    fig = Figure(s, e, value, raw_digits=raw)
    if raw[0] == "+":
        fig.change = True
    slash = match_at(_SLASH_RATIO_RE, text, e) if raw.isdigit() and len(raw) <= 3 else None
    if slash is not None and float(slash.group("den")) > 0:  # "1 / 4": a fraction
        fig.kind, fig.end = "ratio", slash.end()
        fig.value = value / float(slash.group("den"))
        return qualify(text, fig), fig.end
    minus = search_before(_MINUS_WORD_BEFORE_RE, text, max(0, s - 8), s)
    if minus is not None and raw[0] not in "+-\u2212":
        fig.value, fig.start = -value, minus.start()  # "minus 5 degrees", "мінус 3"
    after = text[e] if e < len(text) else ""
    if REFERENCE_OPENERS.search(REFERENCE_BEFORE_RE, text, max(0, s - LEFT_WINDOW), s) or (
            match_at(CODE_AFTER_RE, text, e)):
        return None, _skip_token(text, e)
    plain = raw.lstrip("+-\u2212")
    if plain.isdigit() and len(plain) <= 2 and 0 < value <= MAX_DAY:
        if match_at(MONTH_AFTER_RE, text, e) or search_before(
                MONTH_BEFORE_RE, text, max(0, s - 12), s):
            return None, e
        if match_at(_DAY_RANGE_AFTER_RE, text, e) or search_before(
                _DAY_RANGE_BEFORE_RE, text, max(0, s - DAY_RANGE_WINDOW), s):
            return None, e
    if plain.isdigit() and _channel_name(text, s, e, plain):
        return None, e
    if plain.isdigit() and match_at(LIST_AFTER_RE, text, e) and _line_head(text, s):
        return None, e
    # currency before
    cur = search_before(CURRENCY_PREFIX_RE, text, max(0, s - 12), s)
    if cur is not None and (cur.start() == 0 or not text[cur.start() - 1].isalpha()):
        fig.kind, fig.unit = "money", CURRENCY_CODES[str(cur.lastgroup)]
        fig.start = cur.start()
    # glued letters: money magnitude, unit, or an ordinal/model suffix
    if fig.kind == "money":
        mm = match_at(MONEY_MAG_RE, text, e)
        if mm is not None:
            fig.value *= MONEY_MAG_VALUES[mm.group("mag")]
            fig.end = e = mm.end()
    else:
        gm = match_at(GLUED_MAG_RE, text, e)
        if gm is not None:
            fig.value *= MONEY_MAG_VALUES[gm.group("mag")]
            fig.end = e = gm.end()
    after = text[e] if e < len(text) else ""
    if after.isalpha() or after == "-":
        if not glued_ok(text, e):
            return None, _skip_token(text, e)
    year = plain.isdigit() and len(plain) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
    if plain.isdigit() and len(plain) == 4 and FAR_YEAR_RANGE[0] <= value <= FAR_YEAR_RANGE[1]:
        lo = max(0, s - YEAR_CONTEXT_WINDOW)
        year = bool(search_before(_YEAR_CONTEXT_BEFORE_RE, text, lo, s)
                    or search_before(_FAR_YEAR_BEFORE_RE, text, lo, s))
    if year and fig.kind == "count" and _counted_noun_after(text, s, e, lang):
        year = False
    if e > fig.end or match_at(_INCREMENT_AFTER_RE, text, e):
        year = False  # "2000k", "1926 (+8)": a magnitude or an increment makes it an amount
    result, nxt = _finish(text, fig, lang, year=year)
    if result is not None and result.kind == "money":
        _accounting_negative(text, result)
    return result, nxt


def _accounting_negative(text: str, fig: Figure) -> None:
    """"($99.99)": an amount alone in brackets, no figure before it in its clause, is negative."""
    s, e = fig.start, fig.end
    if not (s > 0 and text[s - 1] == "(" and e < len(text) and text[e] == ")"):
        return
    if fig.value <= 0 or fig.change:
        return
    lo = max(0, s - 1 - ACCOUNTING_WINDOW)
    for m in _CLAUSE_BREAK_RE.finditer(text, lo, s - 1):
        lo = m.end()
    if any(ch.isdigit() for ch in text[lo:s - 1]):
        return  # "rose 5% ($99 million)": the same amount restated, not a debit
    fig.value = -fig.value
    fig.start, fig.end = s - 1, e + 1


def _line_head(text: str, s: int) -> bool:
    """Whether only blanks stand between the start of its line and ``s``."""
    i = s - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


def _counted_noun_after(text: str, s: int, e: int, lang: str) -> bool:
    """Whether the year-like number at ``s:e`` counts the noun after it ("2000 drones"); not
    when a determiner and one attribute stand before it and the text names the same number
    as a year elsewhere ("the full 2026 payments" where "in 2026" is said)."""
    noun = _YEAR_COUNT_NOUN_RE.get(lang, _YEAR_COUNT_NOUN_RE["en"])
    if not noun.match(text, e):
        return False
    if search_before(_YEAR_CONTEXT_BEFORE_RE, text, max(0, s - YEAR_CONTEXT_WINDOW), s):
        return False
    if _ATTRIBUTE_BEFORE_RE.search(text, max(0, s - ATTRIBUTE_WINDOW), s):
        return not _named_year_elsewhere(text, s, text[s:e])
    return True


def _named_year_elsewhere(text: str, s: int, digits: str) -> bool:
    """Whether ``digits`` stand elsewhere in ``text`` right after a word of time ("in 2026",
    "im Jahr 2026") or before a year word ("2026 год", "2026 року")."""
    for m in re.finditer(rf"(?<!\d){digits}(?!\d)", text):
        if m.start() == s:
            continue
        lo = max(0, m.start() - YEAR_CONTEXT_WINDOW)
        if (search_before(_YEAR_CONTEXT_BEFORE_RE, text, lo, m.start())
                or _YEAR_WORD_AFTER_RE.match(text, m.end())):
            return True
    return False


def _channel_name(text: str, s: int, e: int, plain: str) -> bool:
    """Whether the number at ``s:e`` is part of a channel's name ("24 Канал", "Channel 4")."""
    if search_before(_CHANNEL_BEFORE_RE, text, max(0, s - 8), s):
        return True
    m = match_at(_CHANNEL_AFTER_RE, text, e)
    if m is None:
        return False
    if m.group("low") is None:
        return True
    return not (plain.endswith("1") and not plain.endswith("11"))  # "21 канал" counts


def _skip_token(text: str, e: int) -> int:
    """The end of the token glued to position ``e`` (so its digits are not read again)."""
    n = len(text)
    while e < n and (text[e].isalnum() or text[e] in "-."):
        if text[e] == "." and (e + 1 >= n or not text[e + 1].isalnum()):
            break
        e += 1
    return e


# --- number words -------------------------------------------------------------------------------

def _read_words(text: str, s: int, e: int, lang: str) -> tuple[Figure | None, int]:
    tokens = [(t.start() + s, t.end() + s, t.group()) for t in WORD_TOKEN_RE.finditer(text[s:e])]
    if not tokens:
        return None, e
    first = tokens[0][2]
    article = first.lower() in _ARTICLES
    words = [t[2] for t in tokens[1:]] if article else [t[2] for t in tokens]
    parsed = parse_any(words, lang)
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
    elif article and used_words[0] not in scales:
        return None, tokens[1][0]  # "a five": read "five" alone ("a hundred and six" stays)
    part = _AND_FRACTION_RE.match(text, end)
    if len(used_words) == 1:
        w = used_words[0]
        if w in _ONE_WORDS and part is None and not _one_is_number(text, s, end):
            return None, end
        if w in _DEFINITE_SMALL and _DEFINITE_BEFORE_RE.search(text, max(0, s - 8), s):
            return None, end
        if lang == "de" and words[0][0].isupper() and w in ("acht", "elf"):
            return None, end
    if end < len(text) and text[end] == "-" and not glued_ok(text, end):
        return None, _skip_token(text, end)
    tail = _WORD_DECIMAL_RE.match(text, end) if len(used_words) == 1 and value < 10 else None
    if tail is not None:  # "three.5 trillion", "six.3 %": a digit rewritten as a word
        value += float("0." + tail.group(1))
        end = tail.end()
    fig = Figure(s, end, value, is_word=True)
    if part is not None and part.lastgroup is not None:
        # "one million and a half": the fraction is of the last scale word, not of one
        last_word = used_words[-1] if used_words else ""
        scale = _all_scales_values().get(last_word, 1.0)
        fig.value += _AND_FRACTION_VALUES[part.lastgroup] * (scale if scale >= 1000 else 1.0)
        fig.end = part.end()
    return _finish(text, fig, lang, year=False)


_SCALE_CACHE: set[str] = set()


def _all_scales_values() -> dict[str, float]:
    if not _SCALE_VALUES:
        for table in SCALES.values():
            _SCALE_VALUES.update({w.lower(): v for w, v in table.items()})
    return _SCALE_VALUES


_SCALE_VALUES: dict[str, float] = {}


def _all_scales() -> set[str]:
    if not _SCALE_CACHE:
        for table in SCALES.values():
            _SCALE_CACHE.update(w.lower() for w in table)
    return _SCALE_CACHE


def _one_is_number(text: str, s: int, e: int) -> bool:
    """Whether "one" at ``s:e`` counts something (not "one of", "no one", "the one")."""
    if _PRONOUN_AFTER_RE.match(text, e) or _ONE_PRONOUN_HEAD_RE.match(text, e):
        return False
    if _ADJ_ONE_BEFORE_RE.search(text, max(0, s - 24), s):
        return False  # "a broken one", "one broken one"
    time_after = _ONE_TIME_AFTER_RE.match(text, e)
    if time_after is not None:  # "one day" is a length only after a duration word
        return time_after.group("day") is not None and bool(
            _DURATION_BEFORE_RE.search(text, max(0, s - 12), s))
    if text[s].isupper() and _SENTENCE_START_RE.search(text, max(0, s - 3), s):
        return _in_figure_list(text, s, e)  # "One journalist said": an indefinite article
    if _PRONOUN_BEFORE_RE.search(text, max(0, s - 12), s):
        return False
    if _ONE_INDEFINITE_AFTER_RE.match(text, e):
        return _in_figure_list(text, s, e)
    return True


def _in_figure_list(text: str, s: int, e: int) -> bool:
    """Whether the "one" at ``s:e`` is an item of a list of figures in its clause."""
    lo = max(0, s - ONE_LIST_WINDOW)
    for m in _CLAUSE_BREAK_RE.finditer(text, lo, s):
        lo = m.end()
    if _LIST_BEFORE_ONE_RE.search(text, lo, s):
        return True
    hi = min(len(text), e + ONE_LIST_WINDOW)
    cut = _CLAUSE_BREAK_RE.search(text, e, hi)
    return bool(_LIST_AFTER_ONE_RE.match(text[:cut.start() if cut else hi], e))


# --- fractions, multipliers, "a month" ----------------------------------------------------------

def _read_fraction(text: str, s: int, e: int, lang: str) -> Figure | None:
    surface = text[s:e]
    fused = half_of(surface)
    if fused is not None:  # "полчаса", "півмільйона", "eine halbe Stunde"
        kind, unit, v = fused
        fig = Figure(s, e, v, kind=kind, unit=unit)  # type: ignore[arg-type]
        return _finish(text, fig, lang, year=False)[0] if kind == "count" else qualify(text, fig)
    got = fraction_value(surface)
    if got is None:
        return None
    value, change = got
    low = surface.lower()
    fm = _FRACTION_MAG_RE.match(text, e) if not change and value < 1 else None
    if fm is not None:  # "a quarter of a million", "a half-million", "half a million"
        fig = Figure(s, fm.end(), value * _FRACTION_MAGS[fm.group("mag").lower()])
        return _finish(text, fig, lang, year=False)[0]
    if e + 1 < len(text) and text[e] == "-" and text[e + 1].isalpha():
        return None  # "a half-hearted attempt", "half-brother": a compound word
    if low in ("half", "hälfte") or low.startswith("половин"):
        if _HALF_BAD_BEFORE_RE.search(text, max(0, s - 16), s):
            return None
        hu = _HALF_UNIT_RE.match(text, e)
        if hu is not None:
            su = suffix_at(text, hu.start("unit") - 1)
            if su is not None and su.lastgroup is not None:
                kind, unit, factor = UNIT_TABLE[int(su.lastgroup[1:])]
                if kind == "duration":
                    return qualify(text, Figure(s, hu.end(), 0.5 * factor, kind="duration",
                                                unit=unit))
    fig = Figure(s, e, value, kind="ratio", change=change)
    return qualify(text, fig)


def _read_a_unit(text: str, s: int, e: int) -> Figure | None:
    surface = text[s:e]
    half = surface.endswith("half")  # "a year and a half", "the last week and a half"
    left = text[max(0, s - LEFT_WINDOW):s]
    if not half and not (_AUNIT_OK_BEFORE_RE.search(left) or _AUNIT_OK_AFTER_RE.match(text, e)):
        return None
    if _AUNIT_REFERENCE_AFTER_RE.match(text, e) and _AUNIT_BASE_BEFORE_RE.search(
            text, max(0, s - AUNIT_BASE_WINDOW), s):
        return None
    article = surface.split(" ", 1)[0].lower() in ("a", "an")
    su = suffix_at(text, s + surface.index(" ") if article else s)
    if su is None or su.lastgroup is None:
        return None
    kind, unit, factor = UNIT_TABLE[int(su.lastgroup[1:])]
    value = factor * (1.5 if half else 1.0)
    return qualify(text, Figure(s, e, value, kind="duration", unit=unit))  # type: ignore[arg-type]


# --- reading outward ----------------------------------------------------------------------------

def _finish(text: str, fig: Figure, lang: str, *, year: bool) -> tuple[Figure | None, int]:
    """Read magnitude, range, unit and multiplier after the number, then qualifiers."""
    e = fig.end
    mag = match_at(MAGNITUDE_RE, text, e)
    if mag is not None:
        fig.value *= magnitude_value(mag.group("mag"), lang)
        e = fig.end = mag.end()
        year = False
        e = compound_magnitude(text, fig, lang)
    # range
    e = read_range(text, fig, lang, year)
    if fig.high is not None:
        year = False
    furniture = match_at(FURNITURE_AFTER_RE, text, e)
    if furniture is not None and fig.kind == "count":
        fig.kind, fig.end = "other", (furniture.start() + len(furniture.group().split()[0])
                                      + (1 if furniture.group()[0].isspace() else 0))
        return qualify(text, fig), fig.end
    su = suffix_at(text, e)
    if su is not None and su.lastgroup is not None:
        kind, unit, factor = UNIT_TABLE[int(su.lastgroup[1:])]
        joined_by_hyphen = text[e] == "-"
        if joined_by_hyphen and kind not in ("duration", "measure"):
            su = None
        elif kind == "money" and fig.kind == "money":
            su = None
        elif year and kind in ("duration", "other"):
            return None, su.end()
        elif kind == "measure" and unit in ("m", "t", "l") and fig.is_word and len(
                su.group().strip(" -.")) <= 1:
            su = None  # "one t", "два т": a letter, not a unit, after a number word
        if su is not None:
            if lang == "uk" and unit == "year" and su.group().strip() == "год":
                unit = "hour"  # Ukrainian "год." is "годин" (hours); Russian "год" a year
            fig.kind, fig.unit = kind, unit  # type: ignore[assignment]
            fig.value *= factor
            if fig.high is not None:
                fig.high *= factor
            fig.end = su.end()
            year = False
            if kind == "duration":
                compound_duration(text, fig, lang)
            elif kind == "money":
                mag = match_at(MAGNITUDE_RE, text, fig.end)  # "75 USD million"
                if mag is not None and fig.high is None:
                    fig.value *= magnitude_value(mag.group("mag"), lang)
                    fig.end = mag.end()
    if fig.kind == "count":
        tm = match_at(TIMES_RE, text, fig.end)
        if tm is not None:
            if "раз" in tm.group() and not _TIMES_PREP_RE.search(
                    text, max(0, fig.start - 6), fig.start):
                tm = None
        if tm is not None:
            fig.kind, fig.end = "ratio", tm.end()
            year = False
        else:
            fm = match_at(FOLD_RE, text, fig.end)
            if fm is not None:
                fig.kind, fig.end = "ratio", fm.end()
                year = False
    if year:
        return None, fig.end
    if fig.kind == "count":
        start, end = fig.start, fig.end
        if (search_before(AGE_BEFORE_RE, text, max(0, start - 24), start)
                or match_at(AGE_AFTER_RE, text, end)
                or (search_before(_AGE_BARE_BEFORE_RE, text, max(0, start - 16), start)
                    and match_at(_AGE_BARE_AFTER_RE, text, end))):
            fig.kind, fig.unit = "duration", "year"
        elif fig.end < len(text) and text[fig.end] == "+":
            fig.end += 1
            fig.approx = "over"
    result = qualify(text, fig)
    if result is not None and lang in ("ru", "uk") and not result.change:
        left = text[max(0, result.start - 8):result.start]
        if _ON_BY_RE.search(left) and match_at(CHANGE_RIGHT_RE, text, result.end):
            result.change = True
    return result, fig.end


def _ticker_lines(text: str, figures: list[Figure]) -> None:
    """Exchange-rate tickers ("• USD 39.4" on lines of their own, two or more in a row) are
    page furniture: kind other, no currency."""
    alone: list[tuple[int, Figure]] = []
    for f in figures:
        if f.kind != "money":
            continue
        lo = text.rfind("\n", 0, f.start) + 1
        hi = text.find("\n", f.end)
        hi = len(text) if hi < 0 else hi
        if text[lo:f.start].strip(_BULLETS) == "" and text[f.end:hi].strip() == "":
            alone.append((text.count("\n", 0, f.start), f))
    lines = {n for n, _ in alone}
    for n, f in alone:
        if n - 1 in lines or n + 1 in lines:
            f.kind, f.unit = "other", None


# A payment named by its noun: a bare figure before it ("the 2,500 one-time payment", at most
# one hyphenated modifier between; a singular noun: "2,500 payments" counts payments) or after
# it ("выплата в 195 000", "виплата у 19 500", "Zahlung von 1.950", "a payment of 2,500").
PAYMENT_LOOKBACK_CHARS = 600
_PAYMENT_NOUN = (r"payment|bonus|salary|wage|allowance|grant|fine|pension|benefit|compensation"
                 r"|fee|stipend")
_PAYMENT_NOUN_RU_UK = (r"выплат[аеуы]|премия|премии|премию|зарплата|пособие|компенсация|штраф"
                       r"|пенсия|виплат[аиу]|премія|премії|премію|допомога|компенсація|пенсія")
_PAYMENT_NOUN_DE = r"Zahlung|Prämie|Bonus|Gehalt|Sold|Zulage|Entschädigung|Strafe|Rente"
_CONVERSION_GAP_RE = re.compile(
    r"\s*\(\s*(?:about|around|approximately|≈|~|ca\.|около|близько)?\s*")
_PAYMENT_AFTER_RE = re.compile(rf"\s+(?:[a-z]+-[a-z]+\s+)?(?:{_PAYMENT_NOUN})\b")
_PAYMENT_BEFORE_RE = re.compile(
    rf"(?:(?<!\w)(?:{_PAYMENT_NOUN})\s+of|(?<!\w)(?:{_PAYMENT_NOUN_RU_UK})\s+(?:в|у)(?:\s+"
    rf"(?:размере|розмірі))?|(?<!\w)(?:{_PAYMENT_NOUN_DE})\s+(?:von|in\s+Höhe\s+von))\s+$")


def _payment_currencies(text: str, figures: list[Figure]) -> None:
    """A bare figure that a payment noun names ("the old 2,500 one-time payment", "выплата в
    195 000") is a sum of money in the currency of the nearest sum of money before it that is
    not a conversion in brackets ("400,000 rubles ($4,600)": rubles)."""
    last_money: Figure | None = None
    for f in figures:
        if f.kind == "money":
            if not (last_money is not None and _CONVERSION_GAP_RE.fullmatch(
                    text, last_money.end, f.start)):
                last_money = f
            continue
        if (f.kind != "count" or f.unit is not None or f.change or f.high is not None
                or last_money is None or f.start - last_money.end > PAYMENT_LOOKBACK_CHARS):
            continue
        if (_PAYMENT_AFTER_RE.match(text, f.end)
                or _PAYMENT_BEFORE_RE.search(text, max(0, f.start - 40), f.start)):
            f.kind, f.unit = "money", last_money.unit


def _restated_increments(text: str, figures: list[Figure]) -> None:
    """Mark "the additional N" a change when an earlier "additional N" of that value was one."""
    seen: set[tuple[float, str]] = set()
    for f in figures:
        key = (f.value, f.kind)
        if f.change:
            seen.add(key)
        elif key in seen and _INCREMENT_BEFORE_RE.search(text, max(0, f.start - 20), f.start):
            f.change = True


def _propagate_lists(text: str, figures: list[Figure]) -> None:
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
