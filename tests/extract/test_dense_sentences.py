"""Issue 15: a sentence holding more than ``DENSE_SENTENCE_FIGURES`` figures is not prose (a
table, a soup from a broken or hostile source). Every figure keeps its value, kind and unit; the
first ``DENSE_SENTENCE_FIGURES`` are read in context (what, period, checks), the rest are not,
so the context stages stay bounded per sentence. Sentences of real reports (a few dozen figures
at most) are read in full. Also: the shortcuts of the context and check stages give what the
plain computation gives."""

from __future__ import annotations

import random

import pytest

from claimledger.checks.layout import Layout, layout, nearby
from claimledger.extract import what
from claimledger.extract.attribution import attach_context, extract_attributions
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.scan import DENSE_SENTENCE_FIGURES
from claimledger.extract.times import extract_times
from claimledger.model import Document, Quantity
from claimledger.pipeline import analyze_document

CAP = DENSE_SENTENCE_FIGURES

# (language, opening clause with a year, counted noun)
LISTS = [
    ("en", "In 2024 the city counted", "houses"),
    ("de", "Im Jahr 2024 zählte die Stadt", "Häuser"),
    ("ru", "В 2024 году город насчитал", "домов"),
    ("uk", "У 2024 році місто нарахувало", "будинків"),
]


def _list_sentence(opening: str, noun: str, n: int) -> str:
    return opening + " " + ", ".join(f"{k} {noun}" for k in range(101, 101 + n)) + "."


def _analysed(text: str, lang: str) -> list[Quantity]:
    doc = Document(text=text, language=lang, published="2025-01-01")
    return list(analyze_document(doc).quantities)


@pytest.mark.parametrize(("lang", "opening", "noun"), LISTS)
def test_every_figure_of_a_dense_sentence_keeps_its_value(lang: str, opening: str,
                                                          noun: str) -> None:
    qs = _analysed(_list_sentence(opening, noun, CAP + 50), lang)
    assert [q.value for q in qs] == [float(k) for k in range(101, 101 + CAP + 50)]
    assert {q.kind for q in qs} == {"count"}


@pytest.mark.parametrize(("lang", "opening", "noun"), LISTS)
def test_only_the_first_figures_of_a_dense_sentence_are_read_in_context(
    lang: str, opening: str, noun: str
) -> None:
    qs = _analysed(_list_sentence(opening, noun, CAP + 50), lang)
    head, rest = qs[:CAP], qs[CAP:]
    assert all(q.what and noun in q.what for q in head)
    assert all(q.period_from == "2024" for q in head)
    assert all(q.what is None and q.period_from is None and q.period_to is None for q in rest)


@pytest.mark.parametrize(("lang", "opening", "noun"), LISTS)
def test_a_sentence_at_the_cap_is_read_in_full(lang: str, opening: str, noun: str) -> None:
    qs = _analysed(_list_sentence(opening, noun, CAP), lang)
    assert len(qs) == CAP
    assert all(q.what and noun in q.what and q.period_from == "2024" for q in qs)


def test_the_next_sentence_after_a_dense_one_is_read_in_full() -> None:
    text = _list_sentence("In 2024 the city counted", "houses", CAP + 20) + (
        " In 2023 the town repaired 12 bridges and 30 roads.")
    qs = _analysed(text, "en")
    last = qs[-2:]
    assert [q.value for q in last] == [12, 30]
    assert "bridges" in str(last[0].what) and "roads" in str(last[1].what)
    assert all(q.period_from == "2023" for q in last)


def test_figures_past_the_cap_open_no_check() -> None:
    unit = "of whom 3 and 4 make 7, "
    text = unit * 60  # 180 figures in one sentence
    doc = Document(text=text, language="en", published="2025-01-01")
    a = analyze_document(doc)
    assert len(a.quantities) == 180
    lay: Layout = layout(text, list(a.quantities))
    dense = lay.dense
    assert len(dense) == 180 - CAP
    assert a.checks  # the first figures still open their checks
    for c in a.checks:
        opener = c.whole if c.whole is not None else c.percent
        assert opener is None or opener not in dense


def _plain_nearby(lay: Layout, i: int, limit: int) -> list[int]:
    order, starts = lay.by_start
    from bisect import bisect_left

    k = bisect_left(starts, lay.qs[i].start)
    lo, hi = max(0, k - limit), min(len(order), k + limit + 1)
    return sorted(order[lo:hi], key=lambda j: abs(lay.qs[j].start - lay.qs[i].start))


@pytest.mark.parametrize("seed", range(5))
def test_nearby_orders_as_a_stable_sort_by_distance(seed: int) -> None:
    rng = random.Random(seed)
    text = "x" * 400
    qs = []
    for _ in range(60):  # equal starts and equal distances on both sides: ties in text order
        s = rng.randrange(0, 390)
        qs.append(Quantity(start=s, end=s + 1, text="x", value=1.0))
    lay = layout(text, qs)
    for i in range(len(qs)):
        for limit in (1, 3, 40):
            assert nearby(lay, i, limit) == _plain_nearby(lay, i, limit)


MEMO_TEXTS = [
    "Fares went from 400 in May TO 2,400 in June, and from 400 in May To many more later.",
    "Prices rose 5 to 10 and 5 to 10, then 5 toward 10 and 5 to ten.",
    "Die Preise stiegen von 400 im Mai bis 2.400 und von 400 im Mai to 500.",
]


def _whats(text: str) -> list[str | None]:
    doc = Document(text=text, published="2025-01-01").with_id()
    qs = extract_quantities(doc)
    out = attach_context(doc, qs, extract_times(doc), extract_attributions(doc))
    return [q.what for q in out]


@pytest.mark.parametrize("text", MEMO_TEXTS)
def test_the_memo_key_without_a_to_gives_the_fresh_reading(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered = _whats(text)
    monkeypatch.setattr(what, "_after_memo",
                        lambda text, q, s_end, starts, _sorted, _memo: what._after(
                            text, q, s_end, starts))
    assert remembered == _whats(text)
