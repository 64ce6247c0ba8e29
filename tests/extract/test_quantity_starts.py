"""The candidate and mask patterns are tried only where ``_candidate_starts`` says a match can
start: every position where either pattern matches must be among those starts."""

from __future__ import annotations

from claimledger.extract.quantities import _candidate_starts
from claimledger.extract.quantity_lexicon import MASK_RE, WORD_FORMS
from claimledger.extract.quantity_words import CANDIDATE_RE, FRACTION_WORDS, MULTIPLIER_WORDS

_BATTERY = " ".join([
    "a half, A third, an hour, One in five, 1 in 4, one out of ten, two-thirds, Three quarters,",
    "twice, Doubled, tripling, quadrupled, halved, tenfold, Fivefold, hundredfold, Half of them,",
    "две трети, Дві третини, двух третей, Половину, треть, Третину, четверть, Чверті, вдвое,",
    "Втроё, вчетверо, впятеро, вдесятеро, удвічі, Втричі, учетверо, die Hälfte, zwei Drittel,",
    "Ein Viertel, doppelt, verdoppelt, verdreifacht, halbiert, a year, An hour, a decade,",
    "ein Dutzend, eine Million, einer Milliarde, a hundred and forty-five thousand, п'ять,",
    "П’ятсот, тис. осіб, 3 Bio. Euro, ½ ¾ 1½, +5, -3, −7, (555) 123-4567, +380 44 123 45 67,",
    "mail me@example.org, https://example.org/x WWW.EXAMPLE.ORG, HTTP://X.Y, 9 a.m., 6pm,",
    "10:30, 24.02.2022, 2024-02-24, 3/4, 1,234,567.89, 1 234 567, 1.234.567,5, x_5 y-2 z'3",
    *sorted(WORD_FORMS), *sorted(FRACTION_WORDS), *sorted(MULTIPLIER_WORDS),
])


def test_every_candidate_start_is_tried() -> None:
    starts, _ = _candidate_starts(_BATTERY)
    tried = set(starts)
    for lang, pattern in CANDIDATE_RE.items():
        missed = [p for p in range(len(_BATTERY)) if p not in tried and pattern.match(_BATTERY, p)]
        assert missed == [], (lang, [_BATTERY[p:p + 20] for p in missed])


def test_every_mask_start_is_tried() -> None:
    _, mask_starts = _candidate_starts(_BATTERY)
    tried = set(mask_starts)
    missed = [p for p in range(len(_BATTERY)) if p not in tried and MASK_RE.match(_BATTERY, p)]
    assert missed == [], [_BATTERY[p:p + 20] for p in missed]
