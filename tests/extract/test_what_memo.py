"""Issue 15: the phrase after a figure is read once per distinct window, with the same result.

``find_what`` remembers ``_after``'s answer for a window it has read (a soup of one repeated
unit asks the same question thousands of times); these tests hold that the answers are those
of reading every window afresh, also where equal text is followed by different figures.
"""

from __future__ import annotations

import time

import pytest
from runaway import RUNAWAY_SECONDS

from claimledger.extract import what
from claimledger.extract.attribution import attach_context, extract_attributions
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.times import extract_times
from claimledger.model import Document, Quantity

TEXTS = [
    "The shelter took in 40 dogs and 40 cats, then 40 dogs and 12 rabbits.",
    "Fares went from 400 in May to 2,400 in June, and from 400 in May to many more later.",
    "Of them 5 were new. Of them 5 were old. Of them 5 were repaired twice.",
    "Die Stadt zählte 30 Busse, 30 Busse und 30 Bahnen im Jahr.",
    "В городе 12 школ и 12 школ, а также 12 больниц.",
    "У місті 7 мостів (+2) та 7 мостів (+1) за рік.",
    "1926 (+8) 1926 (+8) 1926 (+9) tanks, 1926 (+8) guns",
]


def _whats(text: str) -> list[str | None]:
    doc = Document(text=text, published="2025-01-01").with_id()
    qs = extract_quantities(doc)
    out: list[Quantity] = attach_context(doc, qs, extract_times(doc), extract_attributions(doc))
    return [q.what for q in out]


@pytest.mark.parametrize("text", TEXTS)
def test_remembered_windows_give_the_fresh_reading(text: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    remembered = _whats(text)
    monkeypatch.setattr(what, "_after_memo",
                        lambda text, q, s_end, starts, _sorted, _memo: what._after(
                            text, q, s_end, starts))
    assert remembered == _whats(text)


def test_a_letter_soup_reads_its_things_quickly() -> None:
    text = "of them 5 " * 20_000  # one sentence of 20,000 figures with a word after each
    start = time.process_time()
    found = _whats(text)
    assert time.process_time() - start < RUNAWAY_SECONDS
    assert len(found) == 20_000
