"""Series across reports, round 3: a foreign contingent fights in one theatre, so a region its
figures name is where it was sent, not a scope narrower than its whole.

All sentences are written for these tests (en/ru/uk/de), with near misses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.checks.across import link_figures
from claimledger.checks.metrics import Metric
from claimledger.store.base import ClaimRow

NO_METRICS: list[Metric] = []
_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=1, text="1", value=1, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="dead", period_from=None, period_to=None,
    sources=(), canonical_sources=(), metric=None, outlet="a.example", published="2024-05-02",
    url=None, title=None,
)


def _fig(doc: str, value: float, what: str, published: str) -> tuple[ClaimRow, str]:
    text = f"{int(value)} {what}"
    c = replace(_BASE, doc_id=doc, text=str(int(value)), value=value, what=what, start=0,
                end=len(str(int(value))), published=published)
    return c, text


def _series(figures: list[tuple[ClaimRow, str]]) -> list[str | None]:
    return [link.series for link in link_figures(figures, NO_METRICS, lambda _o: None)]


# --- a contingent's one region is its theatre -----------------------------------------------


@pytest.mark.parametrize(
    ("regional", "plain"),
    [
        ("North Korean casualties in the Kursk region", "North Korean casualties"),
        ("потерь северокорейских военных в Курской области", "потерь северокорейских военных"),
        ("втрат північнокорейських військових у Курській області",
         "втрат північнокорейських військових"),
        ("nordkoreanische Verluste in der Kursk-Region", "nordkoreanische Verluste"),
    ],
)
def test_a_contingents_one_region_is_no_scope(regional: str, plain: str) -> None:
    a, b = _series([_fig("a", 6100, regional, "2025-01-10"),
                    _fig("b", 4300, plain, "2025-03-10")])
    assert a is not None and a == b
    assert "region:" not in a


@pytest.mark.parametrize(
    ("regional", "plain"),
    [
        ("Russian casualties in the Kursk region", "Russian casualties"),
        ("потерь российских военных в Курской области", "потерь российских военных"),
        ("втрат російських військових у Курській області", "втрат російських військових"),
        ("russische Verluste in der Kursk-Region", "russische Verluste"),
    ],
)
def test_a_belligerents_region_stays_a_scope(regional: str, plain: str) -> None:
    a, b = _series([_fig("a", 6100, regional, "2025-01-10"),
                    _fig("b", 430000, plain, "2025-03-10")])
    assert a is not None and b is not None and a != b
    assert "region:" in a


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("North Korean casualties in the Kursk region",
         "North Korean casualties in the Belgorod region"),
        ("потерь северокорейских военных в Курской области",
         "потерь северокорейских военных в Белгородской области"),
        ("втрат північнокорейських військових у Курській області",
         "втрат північнокорейських військових у Бєлгородській області"),
        ("nordkoreanische Verluste in der Kursk-Region",
         "nordkoreanische Verluste in der Belgorod-Region"),
    ],
)
def test_a_contingent_in_two_regions_keeps_them_apart(first: str, second: str) -> None:
    a, b = _series([_fig("a", 6100, first, "2025-01-10"),
                    _fig("b", 430, second, "2025-03-10")])
    assert a is not None and b is not None and a != b
