"""Parameters at the edges of their types answer 4xx, never 500 (issue 15)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

HUGE = str(2**63)


@pytest.mark.parametrize("path", ["/", "/claims", "/api/documents", "/api/claims"])
@pytest.mark.parametrize("offset", [HUGE, str(2**64 + 5), "9" * 40])
def test_an_offset_past_any_ledger_is_refused(client: TestClient, path: str, offset: str) -> None:
    r = client.get(path, params={"offset": offset})
    assert 400 <= r.status_code < 500, (path, offset, r.status_code)


@pytest.mark.parametrize("path", ["/", "/claims", "/api/documents", "/api/claims"])
def test_a_huge_limit_is_refused(client: TestClient, path: str) -> None:
    r = client.get(path, params={"limit": HUGE})
    assert 400 <= r.status_code < 500, (path, r.status_code)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "0000-01-01", "99999-01-01"])
def test_extreme_dates_on_a_metric_page_answer_4xx_or_a_page(
    client: TestClient, ids: dict[str, str], day: str
) -> None:
    names = [m["id"] for m in client.get("/api/metrics").json()["metrics"]]
    assert names
    for name in names:
        for path in (f"/metrics/{name}", f"/api/metrics/{name}"):
            r = client.get(path, params={"before": day})
            assert r.status_code < 500, (path, day, r.status_code)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_extreme_dates_on_claims_answer_below_500(client: TestClient, day: str) -> None:
    for path in ("/claims", "/api/claims"):
        for key in ("since", "until"):
            r = client.get(path, params={key: day})
            assert r.status_code < 500, (path, key, day, r.status_code)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "not a day"])
def test_extreme_dates_on_events_and_series_answer_below_500(
    client: TestClient, ids: dict[str, str], day: str
) -> None:
    for path in ("/events", "/api/events"):
        r = client.get(path, params={"since": day})
        assert r.status_code < 500, (path, day, r.status_code)
    series = client.get("/api/series").json()["series"]
    assert series
    for m in series[:3]:
        key = quote(m["key"], safe="")
        for path in (f"/series/{key}", f"/api/series/{key}"):
            r = client.get(path, params={"before": day})
            assert r.status_code < 500, (path, day, r.status_code)
