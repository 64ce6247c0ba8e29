"""Date atoms: the stretches of text that name a date, a month, a year or a relative day.

Explicit dates in many formats and the four languages ("May 30, 2025", "30 травня 2025 року",
"30. Mai 2025", "30.05.2025", "2025-05-30"), years in a date context ("in 2023", "2021 года"),
relative expressions resolved against the publication date ("last October", "on Friday",
"this week"), and the modifiers before them ("late May", "the first nine months of 2024").
times.py builds periods from these atoms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..lexicon.times import FUTURE_CUES
from .dates import (
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    PartialDate,
    days_before,
    last_month_named,
    last_weekday,
    month_number,
    numeric_day_near,
    shift_month,
    two_digit_year,
    valid_day,
    year_for_month,
)
from .scan import scan, word_index

_S = r"(?:[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2}\n[ \t\u00a0]{0,2})"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_YW = (
    rf"(?:-(?:го|му|м|й|ом|ий|ого|ому)(?![^\W\d_]))?"
    rf"(?:{_S}(?:(?:годами|годах|годов|годы|года|году|годом|год"
    rf"|роками|роках|років|року|році|роком|рік|роки)"
    rf"(?![^\W\d_])|гг\.|г\.|рр\.|р\.))"
)
_LAST_ALONE = (
    r"last(?![ \t]+(?:week|month|year|night|time|day|weekend|summer|winter|spring|autumn"
    r"|fall|\w+day)\b)(?!\w)"
)
_REL_SUFFIX = (
    rf"(?:{_S}(?:of{_S})?(?P<ry>this|last|next|previous){_S}year"
    rf"|{_S}(?P<rx>letzten|vergangenen|diesen|dieses|nächsten|kommenden|прошлого|этого"
    rf"|текущего|следующего|минулого|цього|поточного|наступного){_S}(?:Jahres|года|року)"
    rf"|{_S}(?P<rl>{_LAST_ALONE}))"
)
_MONTH_FIRST = re.compile(
    rf"(?<![\w.])(?P<m>{MONTH_RE})(?:{_S}(?P<d>{_DAY}){_ORD}(?!\d|[:.,]\d))?"
    rf"(?:,?{_S}(?P<y>{_YEAR})(?!\d))?{_YW}?{_REL_SUFFIX}?"
)
_DAY_FIRST = re.compile(
    rf"(?<![\w.,/])(?P<d>{_DAY})(?:\.|{_ORD}){_S}(?:of{_S})?(?P<m>{MONTH_RE})"
    rf"(?:,?{_S}(?P<y>{_YEAR})(?!\d))?{_YW}?{_REL_SUFFIX}?"
)
# A range of days in one month: "1-15 March 2024", "с 1 по 15 марта", "vom 1. bis 15. März".
_DAY_RANGE = re.compile(
    rf"(?<![\w.,/])(?P<d1>{_DAY})(?:\.|{_ORD})\s{{0,2}}"
    rf"(?:[-–—]|\s(?:to|until|till|through|bis(?:\s+zum)?|по|до)\s)\s{{0,2}}"
    rf"(?P<d>{_DAY})(?:\.|{_ORD}){_S}(?:of{_S})?(?P<m>{MONTH_RE})"
    rf"(?:,?{_S}(?P<y>{_YEAR})(?!\d))?{_YW}?"
)
_MONTH_DAY_RANGE = re.compile(
    rf"(?<![\w.])(?P<m>{MONTH_RE}){_S}(?P<d1>{_DAY}){_ORD}\s{{0,2}}(?:[-–—]|\s(?:to|through)\s)"
    rf"\s{{0,2}}(?P<d>{_DAY}){_ORD}(?!\d|[:.,]\d)(?:,?{_S}(?P<y>{_YEAR})(?!\d))?"
)
# A quarter or half written short: "Q1 2025", "H2 2024".
_SHORT_PART = re.compile(
    rf"(?<![\w.])(?P<p>[QH])(?P<n>[1-4])[ \t\u00a0]?(?:'|’)?(?P<y>{_YEAR})(?!\d)"
)
_REL_MONTH = re.compile(
    rf"(?<!\w)(?P<pre>[Tt]his|[Ll]ast|[Nn]ext|[Ll]etzten|[Vv]ergangenen|[Dd]iesen|[Kk]ommenden"
    rf"|[Nn]ächsten){_S}(?P<m>{MONTH_RE})(?!{_S}(?:{_DAY}|{_YEAR})(?!\d))"
)
_ISO = re.compile(
    r"(?<![\w.,/-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?"
    r"(?![\d-])"
)
_DOTTED = re.compile(
    rf"(?<![\w.,])(?P<d>{_DAY})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{_YEAR}|\d\d)(?!\d|[.,]\d)"
)
_SLASH = re.compile(r"(?<![\w/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>" + _YEAR + r"))?"
                    r"(?![\w/]|[.,]\d)")
# Where a maximal run of digits starts: every digit-led pattern below refuses a word character
# before its first digit, so each of its matches begins at one of these.
_DIGIT_RUN = re.compile(r"\d+")
_YEAR_ONLY = re.compile(
    rf"(?<![\w.,/])(?P<y>{_YEAR})(?!\d|[.,]\d|{_S}?%)"
    rf"(?:\s?[-–—]\s?(?P<present>present|now|today|heute)|[-–](?P<yy>\d\d)(?![\d%]|[.,]\d))?"
    rf"(?P<yw>{_YW})?"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_RELATIVE = re.compile(
    r"(?<!\w)(?:"
    r"(?P<today>today|yesterday|tomorrow|heute|gestern|сегодня|вчера|сьогодні|вчора|учора)"
    rf"|(?P<wd>{WEEKDAY_RE})(?:[ \t]+(?:morning|afternoon|evening|night))?"
    r"|(?P<ry>(?:(?:earlier|later)\s+)?(?:the\s+)?(?:this|last|next|previous|preceding|current"
    r"|coming)\s+year"
    r"|в\s+прошлом\s+году|прошлого\s+года|в\s+этом\s+году|этого\s+года"
    r"|в\s+текущем\s+году|текущего\s+года|в\s+следующем\s+году|прошлогодн[а-я]{0,4}"
    r"|минулого\s+року|[ув]\s+минулому\s+році|торік|цього\s+року|[ув]\s+цьому\s+році"
    r"|поточного\s+року|наступного\s+року|минулорічн[а-яі]{0,4}|letztes\s+Jahr|letzten\s+Jahres"
    r"|vergangenes\s+Jahr|vergangenen\s+Jahres|im\s+vergangenen\s+Jahr|im\s+Vorjahr"
    r"|vorigen\s+Jahres|voriges\s+Jahr|dieses\s+Jahr|diesen\s+Jahres|in\s+diesem\s+Jahr"
    r"|nächstes\s+Jahr|nächsten\s+Jahres)"
    r"|(?P<pweek>(?:(?:over|in|during)\s+)?the\s+(?:past|last)\s+(?:week|7\s+days|seven\s+days)"
    r"(?!\s+of\s)"
    r"|за\s+(?:последнюю|прошедшую|минувшую)\s+неделю|за\s+(?:минулий|останній)\s+тиждень)"
    r"|(?P<week>(?:this|last|next)\s+week(?!\s+of\s)|diese\s+Woche|letzte\s+Woche"
    r"|vergangene\s+Woche|на\s+этой\s+неделе|на\s+прошлой\s+неделе|цього\s+тижня"
    r"|минулого\s+тижня)"
    r"|(?P<pmon>(?:over\s+|in\s+)?the\s+past\s+month|за\s+последний\s+месяц"
    r"|в\s+последний\s+месяц|за\s+прошедший\s+месяц|за\s+останній\s+місяць"
    r"|за\s+минулий\s+місяць)"
    r"|(?P<mon>(?:earlier\s+|later\s+)?(?:this|last|next)\s+month|diesen\s+Monat"
    r"|letzten\s+Monat|в\s+этом\s+месяце|в\s+прошлом\s+месяце|цього\s+місяця"
    r"|минулого\s+місяця)"
    r"|(?P<pday>(?:the\s+)?past\s+(?:day|24\s+hours)|минулу\s+добу|минулої\s+доби"
    r"|прошедшие\s+сутки|минувшие\s+сутки|последние\s+сутки)"
    rf"|(?P<ago>(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago)"
    r"|(?P<same>the\s+same\s+day)"
    rf"|(?P<pyears>the\s+(?:previous|past|last|preceding)\s+(?P<ny>{_NUM})\s+years)"
    r"|(?P<season>(?:(?P<spre>this|last|next|early|late)\s+)?(?P<sname>spring|summer|autumn"
    r"|fall|winter|весной|весною|летом|осенью|зимой|навесні|навесну|влітку|улітку|восени"
    r"|взимку|узимку|Frühjahr|Frühling|Sommer|Herbst)"
    rf"(?:,?\s+(?P<sy>{_YEAR})(?!\d)(?:\s+(?:года|року|р\.|г\.))?)?)"
    r")(?!\w)",
    re.IGNORECASE,
)
# What ``_RELATIVE`` needs after a number ("3 days ago") or after "the" ("the past week"): a
# cheap test that skips the long alternation where it cannot match.
_AGO_GATE = re.compile(r"\d{1,3}\s+(?:day|week|month|year)", re.IGNORECASE)
_THE_GATE = re.compile(
    r"the\s+(?:this|last|next|previous|preceding|current|coming|past|same)", re.IGNORECASE
)
# Words (lower-cased) where the word-led patterns may start; others are skipped unscanned.
MONTH_STARTS = frozenset(MONTHS)
_REL_MONTH_STARTS = frozenset(
    "this last next letzten vergangenen diesen kommenden nächsten".split()
)
_RELATIVE_STARTS = frozenset(
    "today yesterday tomorrow heute gestern сегодня вчера сьогодні вчора учора п the this "
    "last next previous preceding current coming в у прошлого этого текущего минулого торік "
    "цього поточного наступного минулу минулої прошедшие минувшие последние "
    "letztes letzten vergangenes vergangenen im vorigen voriges "
    "dieses diesen in nächstes nächsten diese letzte vergangene на за over past earlier "
    "later during early late spring summer autumn fall winter весной весною летом осенью зимой "
    "навесні навесну влітку улітку восени взимку узимку frühjahr frühling sommer herbst".split()
) | frozenset(_NUMBER_WORDS) | frozenset(w for w in WEEKDAYS if w.isalpha())
_RELATIVE_PREFIXES = ("прошлогодн", "минулорічн")
_MODIFIER = re.compile(
    r"(?<!\w)(?:the\s+)?(?:very\s+)?(?:(?P<half>first|second|перв[а-я]{1,3}|втор[а-я]{1,3}"
    r"|перш[а-яії]{1,3}|друг[а-яії]{1,3}|ersten|zweiten)\s+(?:half\s+of|полугоди[а-я]{1,2}"
    r"|півріччя|півріччі|півріччям|Halbjahr(?:es|s)?|Jahreshälfte)"
    r"|(?P<q>first|second|third|fourth|перв[а-я]{1,3}|втор[а-я]{1,3}|трет[а-я]{1,3}"
    r"|четв[её]рт[а-я]{1,3}|перш[а-яії]{1,3}|друг[а-яії]{1,3}|трет[а-яії]{1,3}"
    r"|четверт[а-яії]{1,3}|ersten|zweiten|dritten|vierten)\s+(?:quarter\s+of|квартал[аеуі]?"
    r"|Quartals?)"
    r"|first\s+(?:(?P<nm>\w+)\s+)?months\s+of|(?P<yto>year\s+to)"
    r"|(?:first|last|second|third|final)\s+(?:week|two\s+weeks|days|fortnight|weekend)\s+of"
    r"|early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|whole\s+of|course\s+of"
    r"|Anfang|Ende|Mitte|в\s+начале|в\s+конце|в\s+середине|начале|конце|середине|начала|конца"
    r"|середины|наприкінці|на\s+початку|в\s+кінці|у\s+кінці|кінці|кінця|початку|середині|середини)"
    r"(?:\s*-\s*|\s+)$",
    re.IGNORECASE,
)
# A month named alone is a date when a second month follows as the end of a range.
_MONTH_RANGE_NEXT = re.compile(
    rf"\s{{0,2}}(?:[-–—]|\s(?:and|to|und|bis|и|і|та|по|до)\s)\s{{0,2}}{MONTH_RE}"
)
_YEAR_RANGE_NEXT = re.compile(
    r"\s{0,2}(?:[-–—]|\s(?:and|to|or|und|bis|и|і|та|й|по|до|или|або)\s)\s{0,2}(?:1[89]|20)\d\d"
)
# Words after which a month named alone ("in March", "early December") is a date.
_BARE_MONTH_CONTEXT = frozenset(
    "in on since by until till through from to between and or of during early late mid last over "
    "this next before after for as with the his her its their throughout "
    "im am seit bis von ab zwischen und anfang ende mitte vor nach "
    "в во с со до по к на между и у з із від між та і початку кінці середині наприкінці "
    "начале конце середине начала конца середины".split()
)
# Words after which a four-digit number is a year ("in 2023", "the 2015 deal", "Jahr 2022").
_YEAR_CONTEXT = _BARE_MONTH_CONTEXT | frozenset(
    "a an year jahr jahres gesamtjahr frühjahr sommer herbst winter spring summer autumn fall "
    "winter end beginning start middle half quarter whole quartal quartals jahreshälfte "
    "©".split()
)
# Words before a number that make it an amount ("more than 2000"), not a year.
_QUANTIFIERS = frozenset(
    "about around over nearly almost some than approximately roughly least most total "
    "около более менее почти свыше близько понад майже etwa rund über fast mehr".split()
)
# Lower-case words ending in -s that may follow a year without making it a count.
_NOT_PLURAL = frozenset(
    "this thus plus less unless across always besides whereas does goes".split()
)
# "the past week" reaches this many days back from publication.
PAST_WEEK_DAYS = 7
# Prepositions after which a four-digit number in the years of the war's context is a year even
# before a plural noun ("In 2023 courts heard ..."): a count there would be written with a comma.
_STRONG_YEAR_PREPS = frozenset("in since during throughout until by for im seit".split())
# Years that such a preposition makes a year before a plural (round hundreds stay counts).
STRONG_YEAR_SPAN = (1990, 2039)
# The end of a year range right before a number ("2022-2023"): the number is a year too.
_YEAR_RANGE_PREV = re.compile(r"(?:1[89]|20)\d\d[ \t]?[-–—][ \t]?$")
# How far before a month without a year a word of the future is looked for, in characters.
FUTURE_CUE_LOOKBACK = 100
_FUTURE = re.compile(
    r"(?<!\w)(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted({w for ws in FUTURE_CUES.values() for w in ws}, key=len, reverse=True)
    ) + r")(?!\w)",
    re.IGNORECASE,
)
# A percentage change "over" a year: the year is the base of the comparison.
_PERCENT_OVER = re.compile(r"(?:%|\bper\s?cent|\bpercent|\bp\.c\.?)\s+over\s+$", re.IGNORECASE)
# Latest year accepted from a bare number with no year word beside it.
MAX_BARE_YEAR = 2039


@dataclass(frozen=True)
class Atom:
    """One stretch of text naming a date, a month, a year or a relative day or period."""

    start: int
    end: int
    date: PartialDate | None
    lo: PartialDate | None = None
    hi: PartialDate | None = None
    is_period: bool = False
    year_given: bool = False
    month: int | None = None
    day: int | None = None
    grain: str = "day"
    is_relative: bool = False
    anaphora: str = ""


def _prev_word(text: str, start: int) -> str:
    """The word before ``start`` (lower-cased; "©" counts as a word), or ""."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i > 0 and text[i - 1] == "©":
        return "©"
    j = i
    while j > 0 and i - j < 40 and (text[j - 1].isalpha() or text[j - 1] in "'’"):
        j -= 1
    return text[j:i].lower()


def _next_word(text: str, end: int) -> str:
    i = end
    while i < len(text) and i - end < 3 and text[i] in " \t\u00a0":
        i += 1
    j = i
    while j < len(text) and j - i < 40 and text[j].isalpha():
        j += 1
    return text[i:j]


def _year_context_ok(text: str, start: int, end: int, year: int, language: str | None) -> bool:
    """True when a bare four-digit number reads as a year, not an amount or a name."""
    prev = _prev_word(text, start)
    if prev in _QUANTIFIERS and not (
        prev == "over" and _PERCENT_OVER.search(text, max(0, start - 30), start)
    ):
        return False  # "over 2000 soldiers"; but "an increase of 3.4 per cent over 2024"
    before = text[max(0, start - 3):start].rstrip(" \t\u00a0")
    if before[-1:].isdigit() or before.endswith("+"):
        return False  # a group of a phone number ("+380 44 256 2023")
    if year <= MAX_BARE_YEAR and (_YEAR_RANGE_PREV.search(text, max(0, start - 8), start)
                                  or text[max(0, start - 4):start].lower() == "mid-"):
        return True
    if _YEAR_RANGE_NEXT.match(text, end) and year <= MAX_BARE_YEAR:
        return True
    nxt = _next_word(text, end)
    if nxt and nxt[0].islower():
        if nxt[0].isascii():
            strong = prev in _STRONG_YEAR_PREPS and \
                STRONG_YEAR_SPAN[0] <= year <= STRONG_YEAR_SPAN[1] and year % 100 != 0
            if len(nxt) >= 4 and nxt.endswith("s") and nxt not in _NOT_PLURAL and not strong \
                    and language != "de":
                return False  # "2000 soldiers" (a German noun is written with a capital)
        elif language in ("ru", "uk") or not nxt[0].isascii():
            return False  # "2000 солдат": a Slavic year is written with its year word
    if year > MAX_BARE_YEAR:
        return False
    if prev in _YEAR_CONTEXT or prev.endswith("jahr"):
        return True
    if before[-1:] in ("—", "–", ":") and prev not in _YEAR_CONTEXT:
        return False  # "спеціальна техніка — 1926 (+8)": a list's value, not a year
    line_start = start == 0 or text[max(0, start - 1)] in "\n" or not prev
    return line_start and not (nxt and nxt[0].islower())


def _month_atom(m: re.Match[str], text: str, pub: dt.date | None) -> Atom | None:
    month = month_number(m.group("m"))
    if month is None:
        return None
    groups = m.groupdict()
    day = int(groups["d"]) if groups.get("d") else None
    year_txt = groups.get("y")
    rel = ""
    for key in ("ry", "rx", "rl", "pre"):
        if groups.get(key):
            rel = groups[key].lower()
    if day is not None and not valid_day(int(year_txt) if year_txt else None, month, day):
        day = None
    if year_txt:
        year: int | None = int(year_txt)
    elif rel:
        offset = _relative_offset(rel)
        if rel in ("last", "letzten", "vergangenen") and "pre" in groups and groups.get("pre"):
            year = last_month_named(month, pub)
        else:
            year = pub.year + offset if pub is not None else None
    else:
        if day is None and not _bare_month_ok(text, m.start(), m.group("m")):
            return None
        year = year_for_month(month, pub, _speaks_of_future(text, m.start()))
    date = PartialDate(year, month, day)
    return Atom(m.start(), m.end(), date, year_given=bool(year_txt), month=month, day=day,
                grain="day" if day else "month", is_relative=not year_txt)


def _speaks_of_future(text: str, start: int) -> bool:
    """True when the sentence before ``start`` holds a word of the future ("will hold")."""
    lo = max(0, start - FUTURE_CUE_LOOKBACK)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    return _FUTURE.search(text, cut + 1 if cut >= 0 else lo, start) is not None


def _bare_month_ok(text: str, start: int, word: str) -> bool:
    """True when a month named alone is a date: after a date word, in a range, or opening
    a sentence before a lower-case verb ("May stands out")."""
    prev = _prev_word(text, start)
    if prev in _BARE_MONTH_CONTEXT or text[max(0, start - 4):start].lower() == "mid-":
        return True
    if _MONTH_RANGE_NEXT.match(text, start + len(word)):
        return True
    if not word.isascii():
        return not word.lower().startswith("лют") and bool(prev)
    before = text[max(0, start - 3):start].rstrip(" \t")
    opens = start == 0 or before.endswith(("\n", ".", "!", "?")) or not before
    nxt = _next_word(text, start + len(word))
    return opens and bool(nxt) and nxt[0].islower()


def _relative_offset(word: str) -> int:
    """-1, 0 or +1 for a word that places a year or month relative to publication."""
    low = word.lower()
    if any(k in low for k in ("last", "previous", "preceding", "before", "прошл", "минул",
                              "торік", "letzt", "vergangen", "vorig", "vorjahr")):
        return -1
    if any(k in low for k in ("next", "coming", "следующ", "наступн", "nächst", "kommend")):
        return 1
    return 0


def _numeric_atom(m: re.Match[str], pattern: re.Pattern[str], pub: dt.date | None,
                  language: str | None) -> Atom | None:
    groups = m.groupdict()
    if pattern is _SLASH:
        a, b = int(groups["a"]), int(groups["b"])
        month_first = language not in ("ru", "uk", "de") and a <= 12
        month, day = (a, b) if month_first else (b, a)
        if groups["y"] is None:
            if language not in (None, "en") or len(groups["a"]) != 2 or len(groups["b"]) != 2:
                return None
            near = numeric_day_near(pub, month, day) if valid_day(None, month, day) else None
            if near is None:
                return None
            return Atom(m.start(), m.end(), near, month=month, day=day, is_relative=True)
        year = int(groups["y"])
    else:
        year = two_digit_year(groups["y"])
        month = int(groups["m"])
        day = int(groups["d"]) if groups.get("d") else 0
    if day and not valid_day(year, month, day):
        return None
    date = PartialDate(year, month, day or None)
    return Atom(m.start(), m.end(), date, year_given=True, month=month, day=day or None,
                grain="day" if day else "month")


def _relative_atom(m: re.Match[str], text: str, pub: dt.date | None) -> Atom | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["today"]:
        word = g["today"].lower()
        if word == "today" and m.group(0)[0].isupper() and _prev_word(text, s) != "":
            return None  # "Russia Today", "USA Today"
        shift = {"yesterday": 1, "gestern": 1, "вчера": 1, "вчора": 1, "учора": 1,
                 "tomorrow": -1}.get(word, 0)
        return Atom(s, e, days_before(pub, shift), grain="today", is_relative=True)
    if g["wd"]:
        return Atom(s, e, last_weekday(WEEKDAYS[g["wd"].lower()], pub), is_relative=True)
    if g["ry"]:
        low = g["ry"].lower()
        if any(k in low for k in ("previous", "preceding", "before", "vorjahr")):
            return Atom(s, e, None, grain="year", is_relative=True, anaphora="prev_year")
        year = pub.year + _relative_offset(low) if pub else None
        return Atom(s, e, PartialDate(year), grain="year", is_relative=True)
    if g["pweek"]:
        if pub is None:
            return Atom(s, e, None, is_period=True, grain="week", is_relative=True)
        lo = pub - dt.timedelta(days=PAST_WEEK_DAYS)
        return Atom(s, e, None, PartialDate(lo.year, lo.month, lo.day),
                    PartialDate(pub.year, pub.month, pub.day), True, grain="week",
                    is_relative=True)
    if g["week"]:
        if pub is None:
            return Atom(s, e, None, is_period=True, grain="week", is_relative=True)
        off = _relative_offset(g["week"]) * 7
        monday = pub - dt.timedelta(days=pub.weekday() - off)
        sunday = monday + dt.timedelta(days=6)
        return Atom(s, e, None, PartialDate(monday.year, monday.month, monday.day),
                    PartialDate(sunday.year, sunday.month, sunday.day), True, grain="week",
                    is_relative=True)
    if g["pmon"]:
        if pub is None:
            return Atom(s, e, None, is_period=True, grain="month", is_relative=True)
        y, mo = shift_month(pub.year, pub.month, -1)
        return Atom(s, e, None, PartialDate(y, mo), PartialDate(pub.year, pub.month), True,
                    grain="month", is_relative=True)
    if g["mon"]:
        if pub is None:
            return Atom(s, e, None, grain="month", is_relative=True)
        y, mo = shift_month(pub.year, pub.month, _relative_offset(g["mon"]))
        return Atom(s, e, PartialDate(y, mo), grain="month", is_relative=True)
    if g["pday"]:
        return Atom(s, e, days_before(pub, 1), is_relative=True)
    if g["ago"]:
        return _ago_atom(s, e, g, pub)
    if g["same"]:
        return Atom(s, e, None, is_relative=True, anaphora="same_day")
    if g["pyears"]:
        n = _NUMBER_WORDS.get(g["ny"].lower()) or int(g["ny"]) if g["ny"].isdigit() else \
            _NUMBER_WORDS.get(g["ny"].lower(), 0)
        return Atom(s, e, None, is_period=True, grain="year", is_relative=True,
                    anaphora=f"prev_years:{n}")
    if g["season"]:
        if g["sy"]:
            year = int(g["sy"])
            return Atom(s, e, PartialDate(year), year_given=True, grain="season")
        pre = (g["spre"] or "").lower()
        if pre in ("this", "last", "next"):
            year = pub.year + _relative_offset(pre) if pub else None
            return Atom(s, e, PartialDate(year), grain="season", is_relative=True)
    return None


def _ago_atom(s: int, e: int, g: dict[str, str], pub: dt.date | None) -> Atom:
    n_txt = g["n"].lower()
    n = int(n_txt) if n_txt.isdigit() else _NUMBER_WORDS.get(n_txt, 1)
    unit = g["unit"].lower()
    if pub is None:
        return Atom(s, e, None, is_relative=True)
    if unit in ("day", "week"):
        return Atom(s, e, days_before(pub, n * (7 if unit == "week" else 1)), is_relative=True)
    if unit == "month":
        y, mo = shift_month(pub.year, pub.month, -n)
        return Atom(s, e, PartialDate(y, mo), grain="month", is_relative=True)
    return Atom(s, e, PartialDate(pub.year - n), grain="year", is_relative=True)


def _year_atom(m: re.Match[str], text: str, language: str | None) -> Atom | None:
    year = int(m.group("y"))
    if m.group("yw") is None and m.group("present") is None and m.group("yy") is None and \
            not _year_context_ok(text, m.start(), m.end("y"), year, language):
        return None
    date = PartialDate(year)
    if m.group("yy"):
        # "2025–27": the end shares the century of the start
        end = year // 100 * 100 + int(m.group("yy"))
        if end <= year or not STRONG_YEAR_SPAN[0] <= year <= STRONG_YEAR_SPAN[1] or \
                year % 100 == 0:
            return None  # "2000-50 soldiers": a range of counts
        return Atom(m.start(), m.end(), None, date, PartialDate(end), True, year_given=True,
                    grain="year")
    if m.group("present"):
        return Atom(m.start(), m.end(), None, date, None, True, year_given=True, grain="year")
    return Atom(m.start(), m.end(), date, year_given=True, grain="year")


def _apply_modifier(text: str, atom: Atom) -> Atom:
    """Widen an atom over a modifier before it ("late", "the first half of", "the year to")."""
    if atom.grain not in ("year", "month", "day", "season") or atom.anaphora:
        return atom
    m = _MODIFIER.search(text, max(0, atom.start - 40), atom.start)
    if m is None:
        return atom
    widened = replace(atom, start=m.start())
    date = atom.date
    if date is None or date.year is None:
        return replace(widened, is_period=bool(m.group("yto")) or atom.is_period)
    y = date.year
    if m.group("half") and date.month is None:
        first = m.group("half").lower().startswith(_FIRST_STEMS)
        return replace(widened, lo=PartialDate(y, 1 if first else 7),
                       hi=PartialDate(y, 6 if first else 12), is_period=True)
    if m.group("q") and date.month is None:
        q = _quarter_index(m.group("q"))
        return replace(widened, lo=PartialDate(y, 3 * q + 1), hi=PartialDate(y, 3 * q + 3),
                       is_period=True)
    if m.group("nm") and date.month is None:
        nm = m.group("nm").lower()
        n = int(nm) if nm.isdigit() else _NUMBER_WORDS.get(nm, 0)
        if 1 <= n <= 12:
            return replace(widened, lo=PartialDate(y, 1), hi=PartialDate(y, n), is_period=True)
    if m.group("yto") and date.month is not None:
        ly, lm = shift_month(y, date.month, -11)
        return replace(widened, lo=PartialDate(ly, lm), hi=PartialDate(y, date.month),
                       is_period=True)
    return widened


# Stems of the ordinal words "first" .. "fourth" in the four languages, in order.
_ORDINAL_STEMS: tuple[tuple[str, ...], ...] = (
    ("first", "перв", "перш", "erst"), ("second", "втор", "друг", "zweit"),
    ("third", "трет", "dritt"), ("fourth", "четв", "viert"),
)
_FIRST_STEMS = _ORDINAL_STEMS[0]


def _quarter_index(word: str) -> int:
    """0..3 for an ordinal word ("third", "третьем", "dritten")."""
    low = word.lower()
    for i, stems in enumerate(_ORDINAL_STEMS):
        if low.startswith(stems):
            return i
    return 0


def _day_range_atom(m: re.Match[str], pub: dt.date | None) -> Atom | None:
    """A range of days in one month ("1-15 March 2024"), as a period atom."""
    month = month_number(m.group("m"))
    if month is None:
        return None
    d1, d2 = int(m.group("d1")), int(m.group("d"))
    year_txt = m.group("y")
    year = int(year_txt) if year_txt else year_for_month(month, pub)
    if d1 >= d2 or not valid_day(year, month, d2):
        return None
    return Atom(m.start(), m.end(), None, PartialDate(year, month, d1),
                PartialDate(year, month, d2), True, year_given=bool(year_txt), month=month,
                grain="dayrange", is_relative=not year_txt)


def _short_part_atom(m: re.Match[str]) -> Atom | None:
    """"Q1 2025" (a quarter) or "H2 2024" (a half year), as a period atom."""
    year, n = int(m.group("y")), int(m.group("n"))
    size = 3 if m.group("p") == "Q" else 6
    if size == 6 and n > 2:
        return None
    lo, hi = PartialDate(year, size * (n - 1) + 1), PartialDate(year, size * n)
    return Atom(m.start(), m.end(), None, lo, hi, True, year_given=True, grain="year")


def _select(cands: list[Atom]) -> list[Atom]:
    """Leftmost-longest: of overlapping candidates keep the one starting first, then longest."""
    cands.sort(key=lambda a: (a.start, -a.end))
    out: list[Atom] = []
    last_end = -1
    for a in cands:
        if a.start >= last_end:
            out.append(a)
            last_end = a.end
    return out


def _resolve_anaphora(atoms: list[Atom], pub: dt.date | None) -> list[Atom]:
    """"the previous year", "the same day", "the previous five years": from earlier atoms."""
    out: list[Atom] = []
    last_year: int | None = None
    last_day: PartialDate | None = None
    for a in atoms:
        if a.anaphora == "prev_year":
            base = last_year if last_year is not None else (pub.year if pub else None)
            a = replace(a, date=PartialDate(base - 1 if base is not None else None))
        elif a.anaphora.startswith("prev_years:"):
            n = int(a.anaphora.split(":")[1])
            base = last_year if last_year is not None else (pub.year if pub else None)
            if base is not None and n > 0:
                a = replace(a, lo=PartialDate(base - n), hi=PartialDate(base - 1))
        elif a.anaphora == "same_day":
            a = replace(a, date=last_day)
        if a.year_given and a.date is not None and a.date.year is not None:
            last_year = a.date.year
        if a.date is not None and a.date.day is not None and not a.anaphora:
            last_day = a.date
        out.append(a)
    return out


# Words (lower-cased) that open a short quarter or half ("Q1 2025", "H2 2024").
_SHORT_PART_WORDS = frozenset("q1 q2 q3 q4 h1 h2".split())


def _is_day_word(low: str) -> bool:
    """Whether a (lower-cased) word can be the first day of a range ("1", "01", "1st")."""
    if low.isdigit():
        return len(low) <= 2
    return 3 <= len(low) <= 4 and low[:-2].isdigit() and low[-2:] in ("st", "nd", "rd", "th")


def _opens(low: str) -> bool:
    """Whether a (lower-cased) word can open a month or relative-date pattern."""
    return (
        low in MONTH_STARTS
        or low in _REL_MONTH_STARTS
        or low in _RELATIVE_STARTS
        or low.startswith(_RELATIVE_PREFIXES)
        or (low.isdigit() and len(low) <= 3)
        or low in _SHORT_PART_WORDS
        or _is_day_word(low)
    )


def _opening_words(text: str) -> list[tuple[int, str]]:
    """The words of ``text`` that can open a word-led pattern, with their positions, in order."""
    found = [
        (pos, low) for low, positions in word_index(text).items() if _opens(low)
        for pos in positions
    ]
    found.sort()
    return found


def find_atoms(text: str, pub: dt.date | None, language: str | None) -> list[Atom]:
    """Every date atom in ``text``, in order, without overlaps, resolved against ``pub``."""
    cands: list[Atom] = []
    # Word-led patterns are tried only where a word that can open them starts (fast): the
    # text's word index (shared by the stages) gives those words' positions directly.
    for pos, low in _opening_words(text):
        if low in MONTH_STARTS:
            m = _MONTH_FIRST.match(text, pos)
            atom = _month_atom(m, text, pub) if m else None
            if atom is not None:
                cands.append(atom)
            m = _MONTH_DAY_RANGE.match(text, pos)
            atom = _day_range_atom(m, pub) if m else None
            if atom is not None:
                cands.append(atom)
        if low in _REL_MONTH_STARTS:
            m = _REL_MONTH.match(text, pos)
            atom = _month_atom(m, text, pub) if m else None
            if atom is not None:
                cands.append(atom)
        if low in _SHORT_PART_WORDS:
            m = _SHORT_PART.match(text, pos)
            atom = _short_part_atom(m) if m else None
            if atom is not None:
                cands.append(atom)
        if _is_day_word(low):
            m = _DAY_RANGE.match(text, pos)
            atom = _day_range_atom(m, pub) if m else None
            if atom is not None:
                cands.append(atom)
        if low in _RELATIVE_STARTS or low.startswith(_RELATIVE_PREFIXES) or \
                (low.isdigit() and len(low) <= 3):
            gate = _AGO_GATE if low.isdigit() else _THE_GATE if low == "the" else None
            m = _RELATIVE.match(text, pos) if gate is None or gate.match(text, pos) else None
            atom = _relative_atom(m, text, pub) if m else None
            if atom is not None:
                cands.append(atom)
    # Digit-led patterns: tried only where a run of digits starts (what ``finditer`` finds).
    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
    for m in scan(_DAY_FIRST, text, digits):
        atom = _month_atom(m, text, pub)
        if atom is not None:
            cands.append(atom)
    for pattern in (_ISO, _DOTTED, _SLASH):
        for m in scan(pattern, text, digits):
            atom = _numeric_atom(m, pattern, pub, language)
            if atom is not None:
                cands.append(atom)
    for m in scan(_YEAR_ONLY, text, digits):
        atom = _year_atom(m, text, language)
        if atom is not None:
            cands.append(atom)
    atoms = [_apply_modifier(text, a) for a in _select(cands)]
    return _resolve_anaphora(_select(atoms), pub)
