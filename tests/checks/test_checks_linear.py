"""Issue 15: a sentence of many changes is checked in linear time, with the same checks.

The change checks find a change's before and after figures once per sentence (memoised on the
layout) and bisect the sentence's amounts; these tests hold that the shortcut gives the checks
the full scan gives, and that a long chain of changes does not run away.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest
from runaway import RUNAWAY_SECONDS

from claimledger.checks.layout import Layout, layout
from claimledger.checks.percent import percent_change_checks
from claimledger.extract.attribution import attach_context, extract_attributions
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.times import extract_times
from claimledger.model import Document, Quantity

CHAINS = [
    "The fare rose 5% from 200 to 210, and the toll rose 10% from 50 to 55.",
    "Output was 400 last spring, up 25% from 320, and 500 this spring, up 25% from 400.",
    "Die Zahl stieg um 50% von 40 auf 60 und danach um 10% von 60 auf 66.",
    "Число выросло на 20% с 100 до 120, а затем на 50% с 120 до 180.",
    "Кількість зросла на 10% з 300 до 330, а потім ще на 10% з 330 до 363.",
    "Exports fell 20% to 800 while imports, up 5%, reached 1,050 from 1,000.",
    "Rents rose 5% to 10%, 5% to 10%, 5% to 10% in three cities.",  # changes, no amounts
]


def _figures(text: str) -> list[Quantity]:
    doc = Document(text=text, published="2025-01-01", language="en").with_id()
    qs = extract_quantities(doc)
    return attach_context(doc, qs, extract_times(doc), extract_attributions(doc))


def _full_scan(lay: Layout) -> Layout:
    """The same layout, made to scan every sentence's amounts instead of bisecting them."""
    slow = layout(lay.text, lay.qs)
    slow.__dict__["amounts_in_order"] = {s: False for s in slow.amounts_by_sentence}
    return slow


@pytest.mark.parametrize("text", CHAINS)
def test_bisected_amounts_give_the_checks_of_the_full_scan(text: str) -> None:
    lay = layout(text, _figures(text))
    assert percent_change_checks(lay) == percent_change_checks(_full_scan(lay))


def test_a_change_still_finds_its_before_and_after() -> None:
    text = "The fare rose 5% from 200 to 210."
    lay = layout(text, _figures(text))
    (check,) = percent_change_checks(lay)
    assert check.status == "consistent"
    assert (lay.qs[check.whole].value, lay.qs[check.part].value) == (200, 210)


def test_overlapping_amounts_fall_back_to_the_full_scan() -> None:
    text = "Prices rose 10% from 100 to 110 in a year."
    qs = _figures(text)
    amounts = [q for q in qs if q.kind == "count"]
    wide = replace(amounts[0], end=amounts[1].end)  # a reading spanning both: they overlap
    lay = layout(text, sorted([*qs, wide], key=lambda q: q.start))
    assert not all(lay.amounts_in_order.values())
    assert percent_change_checks(lay) == percent_change_checks(_full_scan(lay))


def _chain(unit: str, n: int) -> tuple[str, list[Quantity]]:
    """``unit`` repeated ``n`` times, with its figures read by hand: "5%" after "up" or "rose" a
    change, "100" an amount (the extractor is not what is timed)."""
    text = unit * n
    qs: list[Quantity] = []
    for m in re.finditer(r"\d+%?", text):
        percent = m.group().endswith("%")
        change = percent and text[max(0, m.start() - 5):m.start()].strip() in ("up", "rose")
        qs.append(Quantity(start=m.start(), end=m.end(), text=m.group(),
                           value=float(m.group().rstrip("%")),
                           kind="percent" if percent else "count", change=change))
    return text, qs


@pytest.mark.parametrize("unit", ["rose 5% to 10%, ", "up 5% from 2023 ",
                                  "from 100 to 110, up 10%, "])
def test_a_long_chain_of_changes_is_checked_quickly(unit: str) -> None:
    text, qs = _chain(unit, 20_000)  # one sentence of 20,000 changes: quadratic took minutes
    start = time.process_time()
    percent_change_checks(layout(text, qs))
    assert time.process_time() - start < RUNAWAY_SECONDS
