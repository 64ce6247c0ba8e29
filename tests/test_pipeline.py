"""The whole pipeline on text we write: offsets hold, the sample's arithmetic is judged right."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger
from claimledger.model import Analysis

SAMPLES = Path(claimledger.__file__).parent / "samples"


def _assert_offsets(a: Analysis) -> None:
    text = a.document.text
    for record in (*a.quantities, *a.times, *a.hedges, *a.attributions):
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start : record.end] == record.text


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir()))
def test_offsets_point_at_their_surface_text_in_every_sample(name: str) -> None:
    _assert_offsets(claimledger.analyze(SAMPLES / name))


def test_sample_finds_the_figures_of_the_awol_report() -> None:
    a = claimledger.analyze(claimledger.sample_path())
    values = {q.text: q.value for q in a.quantities}
    assert values["20,538"] == 20538
    assert values["88.4%"] == 88.4
    assert values["17,721"] == 17721


def test_sample_checks_one_consistent_and_one_broken_percentage() -> None:
    a = claimledger.analyze(claimledger.sample_path())
    by_percent = {a.quantities[c.percent].text: c for c in a.checks if c.percent is not None}
    assert by_percent["88.4%"].status == "consistent"
    broken = by_percent["86.2%"]
    assert broken.status == "inconsistent"
    assert "15,653" in broken.explanation and "86.3%" in broken.explanation


def test_sample_carries_the_attribution_chain_to_its_figures() -> None:
    a = claimledger.analyze(claimledger.sample_path())
    first = next(q for q in a.quantities if q.text == "20,538")
    assert first.sources[0] == "UK Defence Intelligence"
    assert len(first.sources) == 2
    assert first.period_from == "2022-02" and first.period_to == "2025-05"


def test_analyze_accepts_plain_text_and_resolves_relative_dates_against_published() -> None:
    a = claimledger.analyze("Last year the ministry counted 1,200 cases.", published="2024-04-24")
    assert [q.value for q in a.quantities] == [1200]
    assert [t.value for t in a.times] == ["2023"]


def test_analyze_is_deterministic() -> None:
    text = claimledger.sample_path().read_text(encoding="utf-8")
    assert claimledger.analyze(text).to_contract() == claimledger.analyze(text).to_contract()


# Figures whose metric and registry source the pipeline reads off the bundled definitions.
REGISTRY_CASES = [
    ("en", "According to the General Staff, Russia has lost about 650,000 soldiers since the"
     " start of the invasion.", "650,000", ("General Staff of the Armed Forces of Ukraine",),
     "ru_personnel_losses"),
    ("uk", "Британська розвідка повідомила, що Росія втратила 1200 військових за добу.", "1200",
     ("UK Defence Intelligence",), "ru_personnel_losses"),
    # a near miss: a source the registry knows, but a count no metric defines
    ("en", "Ukraine's air force said it shot down 40 of the 52 Shahed drones launched"
     " overnight.", "52", ("Ukrainian Air Force",), None),
]


@pytest.mark.parametrize(("lang", "text", "figure", "canonical", "metric"), REGISTRY_CASES)
def test_analyze_returns_each_figures_metric_and_canonical_sources(
    lang: str, text: str, figure: str, canonical: tuple[str, ...], metric: str | None
) -> None:
    a = claimledger.analyze(text, published="2025-03-01", language=lang)
    q = next(q for q in a.quantities if q.text == figure)
    assert (q.canonical_sources, q.metric) == (canonical, metric)
    assert len(q.canonical_sources) == len(q.sources)
    _assert_offsets(a)


def test_the_contract_record_leaves_the_registry_fields_out() -> None:
    a = claimledger.analyze(REGISTRY_CASES[0][1], published="2025-03-01")
    assert a.quantities[0].metric == "ru_personnel_losses"
    keys = {k for q in a.to_contract()["quantities"] for k in q}
    assert keys.isdisjoint({"metric", "canonical_sources"}) and "sources" in keys


def test_what_analyze_returns_is_what_the_ledger_stores() -> None:
    from claimledger.store import ClaimQuery, SQLiteLedger

    a = claimledger.analyze(REGISTRY_CASES[1][1], published="2025-03-01")
    with SQLiteLedger(":memory:") as ledger:
        doc_id, _ = ledger.save(a)
        assert ledger.get(doc_id) == a
        row = ledger.claims(ClaimQuery())[0]
    q = a.quantities[0]
    assert (row.canonical_sources, row.metric) == (q.canonical_sources, q.metric)
