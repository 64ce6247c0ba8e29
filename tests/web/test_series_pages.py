"""Pages of a metric series: the latest points first, older pages by date, and flags and
corroboration on every page as in the whole series (read through the export)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimledger.checks.series import SeriesPoint, date_bounds
from claimledger.checks.series_export import find_series, point_flags
from claimledger.model import Analysis, Document, Quantity
from claimledger.pipeline import with_registries
from claimledger.store import SQLiteLedger
from claimledger.store.base import Ledger
from claimledger.web import create_app
from claimledger.web.queries import SeriesPage, cut_series, page_of_series, series_page

METRIC = "ru_drone_losses"  # defined as a running total


def report(n: int, figures: list[tuple[float, str | None, str]], published: str) -> Analysis:
    """Document ``n`` stating ``figures`` (value, period_to, original source) about drones."""
    parts, quantities = [], []
    pos = 0
    for value, period_to, source in figures:
        chunk = f"{source} said {value:g} drones were downed. "
        start = pos + len(f"{source} said ")
        quantities.append(
            Quantity(
                start=start, end=start + len(f"{value:g}"), text=f"{value:g}", value=value,
                what="drones downed", period_to=period_to, sources=(source,),
            )
        )
        parts.append(chunk)
        pos += len(chunk)
    doc = Document(
        text="".join(parts), id=f"r{n:04d}", title=f"Report {n}", outlet=f"Outlet {n % 3}",
        published=published, language="en",
    )
    figures_of = with_registries(doc, quantities, metric_of=lambda q, doc: METRIC)
    return Analysis(document=doc, quantities=figures_of)


def open_store(path: Path) -> SQLiteLedger:
    return SQLiteLedger(path)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteLedger]:
    led = open_store(tmp_path / "pages.sqlite")
    yield led
    led.close()


def seed_random(ledger: Ledger, seed: int, n_docs: int = 120) -> None:
    """Reports over a few months: days, whole months and whole years, rising totals with
    slips (decreases) and one source's figure relayed with different values (conflicts)."""
    rng = random.Random(seed)
    day0 = dt.date(2023, 11, 1)
    for n in range(n_docs):
        day = day0 + dt.timedelta(days=rng.randrange(120))
        figures = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            shape = rng.random()
            period = (
                day.isoformat()[:7] if shape < 0.2 else day.isoformat()[:4] if shape < 0.3
                else None if shape < 0.6 else day.isoformat()
            )
            value = float((day - day0).days * 10 + rng.choice([0, 0, 5, -40, 300]))
            figures.append((value, period, rng.choice(["General Staff", "Air Force", "Mayor"])))
        ledger.save(report(n, figures, day.isoformat()))


def pages(ledger: Ledger, limit: int) -> Iterator[tuple[SeriesPage, dt.date | None]]:
    before: dt.date | None = None
    while True:
        page = series_page(ledger, METRIC, limit, before, newer=True)
        yield page, before
        if page.next is None:
            return
        before = dt.date.fromisoformat(page.next)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("limit", [1, 7, 40])
def test_pages_cover_the_series_with_the_whole_series_flags(
    store: SQLiteLedger, seed: int, limit: int
) -> None:
    seed_random(store, seed)
    whole = find_series(store, METRIC)
    assert whole is not None and whole.cumulative
    kinds = {f.kind for f in whole.flags}
    assert kinds == {"cumulative_decrease", "conflicting_values"}  # both are exercised
    seen: list[SeriesPoint] = []
    for page, before in pages(store, limit):
        s = page.series
        days = {b[0] for p in s.points if (b := date_bounds(p.date))}
        assert s.points and (len(s.points) <= limit or len(days) == 1)  # whole days
        start = dt.date.fromisoformat(page.next) if page.next else None
        expected = cut_series(whole, start, before)
        assert s.points == expected.points  # same figures, same corroboration
        assert s.flags == expected.flags
        assert point_flags(s) == point_flags(expected)
        assert page.newer == page_of_series(whole, limit, before, newer=True).newer
        seen = list(s.points) + seen
    dated = [p for p in whole.points if p.date]
    assert seen == dated


def test_a_flag_at_the_page_boundary_is_reported(store: SQLiteLedger) -> None:
    store.save(report(1, [(500, "2024-03-01", "General Staff")], "2024-03-01"))
    store.save(report(2, [(450, "2024-03-02", "General Staff")], "2024-03-02"))  # went down
    store.save(report(3, [(600, "2024-03-03", "General Staff")], "2024-03-03"))
    store.save(report(4, [(700, "2024-03-04", "General Staff")], "2024-03-04"))
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        first = client.get(f"/api/metrics/{METRIC}?limit=3").json()
        assert [p["date"] for p in first["points"]] == ["2024-03-02", "2024-03-03", "2024-03-04"]
        assert first["next"] == "2024-03-02" and first["before"] is None
        assert first["points"][0]["flagged"] is True
        (flag,) = first["flags"]
        assert flag["kind"] == "cumulative_decrease" and flag["points"] == [0]
        assert "500" in flag["explanation"] and "450" in flag["explanation"]
        older = client.get(f"/api/metrics/{METRIC}?limit=3&before=2024-03-02").json()
        assert [p["date"] for p in older["points"]] == ["2024-03-01"]
        assert older["flags"] == [] and older["next"] is None
        two = client.get(f"/api/metrics/{METRIC}?limit=2").json()
        assert [p["date"] for p in two["points"]] == ["2024-03-03", "2024-03-04"]
        assert two["flags"] == []  # the slip marks a point of the older page
        # a page's statistics are named as the page's, never as the whole series'
        assert (two["page_points"], two["page_flags"]) == (2, 0)
        assert (first["page_points"], first["page_flags"]) == (3, 1)
        assert "n_points" not in two and "n_flags" not in two
        html = client.get(f"/metrics/{METRIC}?limit=3").text
        assert 'rel="next" href="?limit=3&amp;before=2024-03-02"' in html
        assert 'rel="prev"' not in html and html.count('<tr class="flagged">') == 1
        html = client.get(f"/metrics/{METRIC}?limit=3&before=2024-03-02").text
        assert 'rel="prev" href="?limit=3"' in html and 'rel="next"' not in html


def test_conflicting_values_of_a_boundary_day_stay_together(store: SQLiteLedger) -> None:
    store.save(report(1, [(100, "2024-05-01", "Mayor")], "2024-05-01"))
    store.save(report(2, [(200, "2024-05-02", "Mayor")], "2024-05-02"))
    store.save(report(3, [(290, "2024-05-02", "Mayor")], "2024-05-03"))  # relayed differently
    store.save(report(4, [(300, "2024-05-03", "Air Force")], "2024-05-03"))
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        page = client.get(f"/api/metrics/{METRIC}?limit=2").json()
        assert [p["date"] for p in page["points"]] == ["2024-05-03"]  # a day is never split
        page = client.get(f"/api/metrics/{METRIC}?limit=3").json()
        assert [p["value"] for p in page["points"]] == [200, 290, 300]
        assert [f["kind"] for f in page["flags"]] == ["conflicting_values"]
        assert page["flags"][0]["points"] == [0, 1]


def test_page_parameters_are_checked(store: SQLiteLedger) -> None:
    store.save(report(1, [(100, "2024-05-01", "Mayor")], "2024-05-01"))
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:
        assert client.get(f"/api/metrics/{METRIC}?limit=0").status_code == 422
        assert client.get(f"/api/metrics/{METRIC}?limit=100000").status_code == 422
        assert client.get(f"/api/metrics/{METRIC}?before=May").status_code == 422
        assert client.get(f"/metrics/{METRIC}?before=2024-13-01").status_code == 422
        empty = client.get(f"/api/metrics/{METRIC}?before=2024-01-01").json()
        assert empty["points"] == [] and empty["next"] is None
        assert client.get("/api/metrics/no_such_metric?before=2024-01-01").status_code == 404
