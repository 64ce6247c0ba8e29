"""The ledger view across reports: series by frame with flags, claims with their relays."""

from __future__ import annotations

from dataclasses import replace

from claimledger.checks.claim_series import build_view
from claimledger.checks.metrics import Metric
from claimledger.store.base import ClaimRow

_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=7, text="450,000", value=450000, value_high=None,
    kind="count", unit=None, approx="exact", change=False, what="soldiers lost",
    period_from="2022-02-24", period_to=None, sources=("General Staff",),
    canonical_sources=("General Staff of the Armed Forces of Ukraine",), metric=None,
    outlet="a.example", published="2024-05-01", url=None, title=None,
)
LOSSES = Metric(name="losses", terms={"en": ("soldiers lost",)}, cumulative=True)


def claim(**changes: object) -> ClaimRow:
    return replace(_BASE, **changes)  # type: ignore[arg-type]


def view_of(*claims: ClaimRow, lang: str = "en"):  # type: ignore[no-untyped-def]
    return build_view(((c, c.text, lang) for c in claims), [LOSSES])


def test_a_running_total_that_goes_down_within_one_source_is_flagged() -> None:
    days = [("2024-05-01", 450_000), ("2024-05-02", 451_200), ("2024-05-03", 449_900)]
    view = view_of(*[claim(doc_id=f"d{n}", text=f"{v:,}", value=v, published=d)
                     for n, (d, v) in enumerate(days)])
    (series,) = view.series.values()
    assert series.cumulative
    kinds = [f.kind for f in series.flags]
    assert kinds == ["cumulative_decrease"]


def test_a_days_increment_beside_the_total_raises_no_decrease() -> None:
    total = claim(doc_id="a", published="2024-05-01")
    day = claim(doc_id="b", text="1,200", value=1200, change=True, period_from=None,
                published="2024-05-02")
    view = view_of(total, day)
    assert len(view.series) == 2
    assert not any(f.kind == "cumulative_decrease" for s in view.series.values() for f in s.flags)


def test_another_sources_lower_tally_is_no_decrease() -> None:
    official = claim(doc_id="a", published="2024-05-01")
    osint = claim(doc_id="b", text="120,000", value=120000, published="2024-05-02",
                  sources=("Mediazona",), canonical_sources=("Mediazona",))
    view = view_of(official, osint)
    assert not any(s.flags for s in view.series.values())


def test_a_claim_lists_its_relays_and_versions_side_by_side() -> None:
    base = dict(what="soldiers sentenced for desertion", period_from="2024-03",
                period_to="2024-03", sources=("Mediazona",), canonical_sources=("Mediazona",))
    relays = [claim(doc_id=f"ok{i}", text="684", value=684, outlet=f"o{i}.example",
                    published=f"2024-04-2{i}", **base) for i in range(3)]
    wrong = claim(doc_id="bad", text="64", value=64, outlet="bad.example",
                  published="2024-04-25", **base)
    view = view_of(*relays, wrong)
    (cview,) = view.claims.values()
    assert cview.first_seen == "2024-04-20"
    assert [r.doc_id for r in cview.relays][0] == "ok0"
    assert dict((k, len(v)) for k, v in cview.versions) == {"684": 3, "64": 1}
    assert cview.conflict
    (series,) = view.series.values()
    (flag,) = [f for f in series.flags if f.kind == "conflicting_values"]
    assert "684 by o0.example, o1.example, o2.example" in flag.explanation
    assert "64 by bad.example" in flag.explanation
    assert view.figure_claim[("bad", 0)] == cview.claim


def test_independent_only_across_different_original_sources() -> None:
    gs = claim(doc_id="a", text="450,000", value=450000)
    relay = claim(doc_id="b", text="450,000", value=450000, outlet="b.example")
    other = claim(doc_id="c", text="450,000", value=450000, outlet="c.example",
                  sources=("UK Defence Intelligence",),
                  canonical_sources=("UK Defence Intelligence",))
    view = view_of(gs, relay)
    assert {p.corroboration for s in view.series.values() for p in s.points} == {"relay"}
    view = view_of(gs, other)
    assert {p.corroboration for s in view.series.values() for p in s.points} == {"independent"}


def test_a_relay_long_after_the_claim_was_first_seen_is_stale() -> None:
    first = claim(doc_id="a", period_from="2024-03", period_to="2024-03", text="684",
                  value=684, published="2024-04-20")
    late = replace(first, doc_id="b", published="2025-01-10")
    view = view_of(first, late)
    (series,) = view.series.values()
    stale = [f for f in series.flags if f.kind == "stale"]
    assert len(stale) == 1 and "265 days later" in stale[0].explanation


def test_a_total_far_below_the_earlier_one_is_another_frame_not_a_decrease() -> None:
    big = claim(doc_id="a", text="9,100", value=9100, published="2024-10-01")
    small = claim(doc_id="b", text="104", value=104, published="2025-01-25")
    view = view_of(big, small)
    assert not any(f.kind == "cumulative_decrease" for s in view.series.values() for f in s.flags)
