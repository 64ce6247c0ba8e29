"""Issue 15: the two shortcuts of the figure reader give what the plain regex calls give.

``match_at`` answers ``pattern.match(text, pos)`` None at once where the next two characters
cannot open a match (worked out from the pattern's parse); ``search_before`` remembers the
windows before a figure where a pattern found nothing. Both are checked against the plain
calls on sentences of our own in en/ru/uk/de and on constructs a prefix analysis could get
wrong (inline flags, repeats, optional leads, look-arounds, back references, empty matches).
"""

from __future__ import annotations

import random
import re

import pytest

from claimledger.extract import quantity_figure, quantity_lexicon, scan
from claimledger.extract.scan import match_at, search_before

SENTENCES = [
    "The storm cut 12 km of road, 3.5 km2 of forest and 40% of the power; 7 mph winds, 2 t.",
    "Prices rose 5-10% in 2024, to $3 billion, up 12 percent from 1,200 a year earlier.",
    "Die Stadt baute 12 Kilometer Straße, 30 Tage lang, für 4 Mio. Euro, 15 Prozent mehr.",
    "Город построил 12 км дороги за 30 дней, на 5% больше, 2 млн рублей, 40 тонн груза.",
    "Місто збудувало 12 км дороги за 30 днів, на 5% більше, 2 млн гривень, 40 тонн.",
    "1 1 1 1 1926 (+8) 5-10 5–10 12 March 2024, of whom 3 and 4 make 7, aged 40, 3x, 2-fold",
    "He was 21. 6,000+ people, 10 years or more, 80%-90%, 12°C, 5 000 000, 1\u00a0000 m²",
]

PATTERNS = [
    quantity_lexicon.SUFFIX_RE,
    quantity_lexicon.MAGNITUDE_RE,
    quantity_lexicon.MONTH_AFTER_RE,
    quantity_lexicon.CHANGE_RIGHT_RE,
    quantity_lexicon.FURNITURE_AFTER_RE,
    quantity_figure.TIMES_RE,
    quantity_figure.FOLD_RE,
    re.compile(r"(?i:ab)c|\s?x{2,3}"),  # inline flags, a bounded repeat
    re.compile(r"[\s-]?km(?!\w)|\s?%"),  # optional leads, a look-ahead, a one-character match
    re.compile(r"(a)\1|b"),  # a back reference: no prefilter, the plain match
    re.compile(r"x*"),  # matches the empty string everywhere
    re.compile(r"(?<=\d)\s+(?:Mio|Mrd)\.?", re.IGNORECASE),  # a look-behind at the start
    re.compile(r"(?>ab|a)c|(?:de)++f"),  # atomic group, possessive repeat
    re.compile(r"\s(?:год|рік)(?!\w)|\s?Jahr(?:e|en)?\b", re.IGNORECASE),
]


def _texts() -> list[str]:
    rng = random.Random(7)
    alphabet = " \u00a0-–.,;:()%$€°²+0123456789abcdeikmtxyzABJKMаагдкмнорстьрікJahre"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(2, 14)))
             for _ in range(400)]
    return SENTENCES + noise


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:30])
def test_match_at_gives_the_plain_match(pattern: re.Pattern[str]) -> None:
    for text in _texts():
        for pos in range(len(text) + 1):
            plain = pattern.match(text, pos)
            fast = match_at(pattern, text, pos)
            assert (plain is None) == (fast is None), (text, pos)
            if plain is not None and fast is not None:
                assert plain.span() == fast.span() and plain.lastgroup == fast.lastgroup


def test_match_at_prefilters_the_unit_pattern() -> None:
    pre = scan._prefilter(quantity_lexicon.SUFFIX_RE)
    assert pre.prefixes is not None  # the unit pattern is analysed, not matched blind
    assert not pre.may_match(" 1") and pre.may_match(" k") and pre.may_match("%.")


def test_a_back_reference_leaves_the_pattern_unfiltered() -> None:
    assert scan._prefilter(re.compile(r"(a)\1")).prefixes is None


LEFT_PATTERNS = [
    quantity_lexicon.AGE_BEFORE_RE,
    quantity_lexicon.MONTH_BEFORE_RE,
    quantity_lexicon.CURRENCY_PREFIX_RE,
    re.compile(r"^(?:in|im|в)\s+$", re.IGNORECASE),  # only at the very start of the text
    re.compile(r"^at\s$", re.MULTILINE),  # at the start of a line: the newline before counts
    re.compile(r"(?<!compared)\s+to\s+$"),  # a long look-behind reaching before the window
    re.compile(r"\bminus\s+$"),
]

WINDOWS = [
    "aged 40, aged 40 and aged  41; im Alter von 30",
    "in 5 in 5 in 5, im 7 im 7, в 8",
    "x\nat 5 at 5\nat 6",
    "rose compared to 5 and rose to 5, sank to 5",
    "$5 $5 US$ 6 € 7 грн 8 Rs. 9",
    "minus 5 aminus 5 minus 5",
]


@pytest.mark.parametrize("pattern", LEFT_PATTERNS, ids=lambda p: p.pattern[:30])
def test_search_before_gives_the_plain_search(pattern: re.Pattern[str]) -> None:
    texts = WINDOWS + _texts()[:120]
    for _ in range(2):  # the second round answers from the memo
        for text in texts:
            for hi in range(len(text) + 1):
                for width in (3, 8, 12, 24):
                    lo = max(0, hi - width)
                    plain = pattern.search(text, lo, hi)
                    fast = search_before(pattern, text, lo, hi)
                    assert (plain is None) == (fast is None), (text, lo, hi)
                    if plain is not None and fast is not None:
                        assert plain.span() == fast.span()


def test_lookbehind_reach_covers_the_longest_lookbehind() -> None:
    assert scan._lookbehind_reach(re.compile(r"(?<!compared)\s+to$")) == len("compared")
    assert scan._lookbehind_reach(re.compile(r"abc$")) == 1  # at least the character before


def test_a_stale_entry_for_a_reused_id_is_rebuilt() -> None:
    first = re.compile(r"no\s+$")
    second = re.compile(r"yes\s+$")
    assert search_before(first, "say yes ", 0, 8) is None  # remembered for ``first``
    scan._NO_MATCH[id(second)] = scan._NO_MATCH[id(first)]  # as if ``second`` took its id
    assert search_before(second, "say yes ", 0, 8) is not None
    scan._PREFILTERS[id(second)] = scan._prefilter(first)
    assert match_at(second, "yes ", 0) is not None
