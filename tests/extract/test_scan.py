"""Keyword-anchored scanning finds exactly what a full ``finditer`` finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimledger.bench.corpus import synthetic_documents
from claimledger.extract import attribution_cues as cues
from claimledger.extract.scan import foldable, scan, word_index, word_starts

SAMPLE = Path(__file__).resolve().parents[2] / "claimledger" / "samples" / "awol_report.txt"

CRAFTED = [
    "According to the General Staff, 1,200 troops left. The ministry said, citing data from X.",
    "Russia lost 300 tanks, said the Ukrainian army. As Reuters earlier reported, it was May.",
    "Update from the ministry: a report by the Institute. Analysis by ISW, figures from Oryx.",
    "По данным Генштаба, потери составили 100. Согласно данным ООН. Об этом сообщает ТАСС.",
    "За даними ООН, загинули 50. Згідно з даними штабу. Про це повідомляє Укрінформ.",
    "Laut Angaben der Armee, nach Angaben von Kiew. Das berichtete der Spiegel unter Berufung auf.",
    "This was reported by AFP. Reports Interfax 12 units. The agency has conducted a count, "
    "then said; the ministry now estimates 5; officials previously claimed 9.",
    "ACCORDING TO officials, As AP noted earlier. as cited by Kyiv, estimated by analysts",
]


def _texts() -> list[str]:
    docs = [d.text for d in synthetic_documents(60, seed=9)]
    return docs + CRAFTED + [SAMPLE.read_text(encoding="utf-8")]


@pytest.mark.parametrize(
    ("pattern", "openers"),
    [
        (cues._FORWARD, cues.FORWARD_OPENERS),
        (cues._VERB, cues.VERB_OPENERS),
        (cues._SELF_REF, cues.SELF_REF_OPENERS),
    ],
)
def test_scan_at_openers_equals_finditer(pattern: re.Pattern[str], openers: frozenset[str]) -> None:
    for text in _texts():
        starts = word_starts(text, openers)
        full = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in scan(pattern, text, starts)] == full
        # within a window, as per sentence
        a, b = len(text) // 3, 2 * len(text) // 3
        window = [(m.start(), m.end()) for m in pattern.finditer(text, a, b)]
        assert [(m.start(), m.end()) for m in scan(pattern, text, starts, a, b)] == window


def test_word_index_is_lower_cased_with_positions() -> None:
    index = word_index("Said she. SAID he, said_x 5x")
    assert index["said"] == [0, 10, 19]
    assert index["x"] == [24]
    assert index["5x"] == [26]


def test_word_index_keeps_positions_when_lower_casing_changes_length() -> None:
    text = "İstanbul said"
    assert word_index(text)["said"] == [9]


def test_special_case_folds_fall_back() -> None:
    assert foldable("plain text, кириллица")
    assert not foldable("the ſtate said")
