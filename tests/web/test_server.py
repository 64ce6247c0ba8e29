"""Serving: loopback by default, settings passed through; static assets in the package."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimledger.store import Ledger
from claimledger.web import DEFAULT_HOST, WebSettings, serve


def test_serve_binds_to_loopback_by_default(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def fake_run(app: Any, **kwargs: Any) -> None:
        calls.append({"app": app, **kwargs})

    monkeypatch.setattr("uvicorn.run", fake_run)
    serve(ledger, settings=WebSettings(allow_private_urls=True))
    assert DEFAULT_HOST == "127.0.0.1"
    assert (calls[0]["host"], calls[0]["port"]) == ("127.0.0.1", 8000)
    state = calls[0]["app"].state.claimledger
    assert state.ledger is ledger and state.settings.allow_private_urls is True


def test_static_assets_are_served_from_the_package(client: TestClient) -> None:
    css = client.get("/static/style.css")
    js = client.get("/static/app.js")
    assert css.status_code == 200 and "mark.hl-quantity" in css.text
    assert js.status_code == 200 and "textContent" in js.text and "innerHTML" not in js.text


def test_pages_link_only_local_assets(client: TestClient) -> None:
    page = client.get("/").text
    assert "http://" not in page.replace("http://127.0.0.1", "")
    assert "https://" not in page


def test_two_apps_keep_their_own_ledgers(ledger: Ledger, tmp_path: Any) -> None:
    from claimledger.store import open_ledger
    from claimledger.web import create_app

    other = open_ledger(str(tmp_path / "other.sqlite"))
    try:
        local = "http://127.0.0.1"
        with TestClient(create_app(ledger), base_url=local) as a, TestClient(
            create_app(other), base_url=local
        ) as b:
            a.post("/api/ingest", json={"text": "Officials counted 7 boats."})
            assert len(a.get("/api/documents").json()["documents"]) == 1
            assert b.get("/api/documents").json()["documents"] == []
    finally:
        other.close()
