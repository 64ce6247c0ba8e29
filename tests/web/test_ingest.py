"""Ingest through the web: pasted text, uploads, URLs, their caps and refusals."""

from __future__ import annotations

import re

import httpx
from fastapi.testclient import TestClient

from claimledger.ingest import HttpxFetcher, IngestSettings
from claimledger.ingest.text import title_from_text
from claimledger.store import Ledger
from claimledger.web import WebSettings, create_app

from .conftest import regex_analyze

PASTED = "Border guards said 1,500 people crossed on Monday, probably 20% more than usual."


def test_pasted_text_ends_on_the_annotated_page_with_highlighted_figures(
    client: TestClient, ledger: Ledger
) -> None:
    r = client.post(
        "/ingest",
        data={
            "text": PASTED,
            "title": "Crossings",
            "outlet": "Field Notes",
            "published": "2024-08-05",
        },
    )
    assert r.status_code == 200
    assert len(r.history) == 1 and r.history[0].status_code == 303
    doc_id = r.history[0].headers["location"].removeprefix("/documents/")
    assert r.url.path == f"/documents/{doc_id}"
    marks = re.findall(r'<mark class="hl hl-quantity" tabindex[^>]*>([^<]*)</mark>', r.text)
    assert marks == ["1,500", "20%"]
    assert re.search(r'<mark class="hl hl-hedge"[^>]*>probably</mark>', r.text)
    stored = ledger.get(doc_id)
    assert (stored.document.title, stored.document.outlet) == ("Crossings", "Field Notes")
    assert stored.document.published == "2024-08-05"


def test_pasted_text_without_a_title_is_titled_by_its_first_line(
    client: TestClient, ledger: Ledger
) -> None:
    r = client.post("/ingest", data={"text": "\n  Night   attack on <b>Kharkiv</b>  \n" + PASTED})
    doc_id = r.url.path.removeprefix("/documents/")
    assert ledger.get(doc_id).document.title == "Night attack on <b>Kharkiv</b>"
    assert "<h1>Night attack on &lt;b&gt;Kharkiv&lt;/b&gt;</h1>" in r.text
    long_line = "Officials said " + "many more people crossed the border " * 6
    r = client.post("/api/ingest", json={"text": long_line + "\n" + PASTED})
    title = ledger.get(r.json()["id"]).document.title or ""
    assert title.endswith("…") and len(title) <= 100 and title.startswith("Officials said many")
    assert long_line.startswith(title.removesuffix("…"))


def test_title_from_text_cuts_at_a_word() -> None:
    assert title_from_text("a" * 150) == "a" * 99 + "…"
    assert title_from_text("one two three", limit=9) == "one two…"
    assert title_from_text("\n\n  x  ") == "x"


def test_api_ingest_of_text_returns_201_and_the_document_location(client: TestClient) -> None:
    r = client.post("/api/ingest", json={"text": PASTED, "outlet": "Field Notes"})
    assert r.status_code == 201
    body = r.json()
    assert body["new"] is True and body["n_quantities"] == 2
    assert body["location"] == f"/documents/{body['id']}"
    again = client.post("/api/ingest", json={"text": PASTED, "outlet": "Field Notes"}).json()
    assert again["id"] == body["id"] and again["new"] is False
    assert client.get(body["location"]).status_code == 200


def test_api_ingest_needs_exactly_one_of_text_and_url(client: TestClient) -> None:
    for payload in ({}, {"text": "1 thing", "url": "https://example.org/"}):
        r = client.post("/api/ingest", json=payload)
        assert r.status_code == 422
        assert r.json()["error"]["message"] == "give exactly one of text and url"
    assert client.post("/api/ingest", json={"text": "   "}).status_code == 422
    bad_date = client.post("/api/ingest", json={"text": "5 tanks", "published": "May"})
    assert bad_date.status_code == 422


def test_upload_over_the_cap_is_413(client: TestClient, settings: WebSettings) -> None:
    big = b"12 drones. " * (settings.max_upload_bytes // 10)
    assert len(big) > settings.max_upload_bytes
    r = client.post("/api/ingest/upload", files={"file": ("big.txt", big, "text/plain")})
    assert r.status_code == 413
    assert r.json()["error"] == {"status": 413, "message": "the file is larger than the 2 KB cap"}
    form = client.post("/ingest", files={"file": ("big.txt", big, "text/plain")})
    assert form.status_code == 413
    assert "larger than the 2 KB cap" in form.text
    text = client.post("/api/ingest", json={"text": "x" * (settings.max_upload_bytes + 1)})
    assert text.status_code == 413


def test_request_body_far_over_the_cap_is_refused_before_reading(client: TestClient) -> None:
    huge = b"x" * (2048 + 70 * 1024)
    r = client.post("/api/ingest/upload", files={"file": ("huge.txt", huge, "text/plain")})
    assert r.status_code == 413
    assert r.json()["error"]["message"].startswith("request body larger than")
    assert client.post("/ingest", files={"file": ("huge.txt", huge)}).status_code == 413


def test_upload_of_a_text_file_is_stored(client: TestClient, ledger: Ledger) -> None:
    r = client.post(
        "/api/ingest/upload",
        files={"file": ("note.txt", PASTED.encode(), "text/plain")},
        data={"title": "Uploaded"},
    )
    assert r.status_code == 201
    assert ledger.get(r.json()["id"]).document.title == "Uploaded"


def test_binary_upload_is_422_with_the_reason(client: TestClient) -> None:
    r = client.post("/api/ingest/upload", files={"file": ("x.bin", bytes(range(256)) * 4)})
    assert r.status_code == 422
    assert "binary" in r.json()["error"]["message"]


def test_url_to_a_private_address_is_refused_with_400(client: TestClient) -> None:
    r = client.post("/api/ingest", json={"url": "http://127.0.0.1:9/report"})
    assert r.status_code == 400
    assert "loopback" in r.json()["error"]["message"]
    form = client.post("/ingest", data={"url": "http://10.0.0.5/report"})
    assert form.status_code == 400 and "private" in form.text


def test_url_that_is_not_http_is_refused_before_any_read(client: TestClient) -> None:
    for url in ("file:///etc/passwd", "/etc/passwd", "ftp://example.org/x"):
        r = client.post("/api/ingest", json={"url": url})
        assert r.status_code == 400, url
        assert "not an http(s) URL" in r.json()["error"]["message"]


def test_allow_private_urls_lets_the_fetch_reach_loopback(ledger: Ledger) -> None:
    app = create_app(ledger, WebSettings(analyze=regex_analyze, allow_private_urls=True))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        r = c.post("/api/ingest", json={"url": "http://127.0.0.1:9/report"})
    assert r.status_code == 400  # nothing listens there, but it was not refused
    assert "loopback" not in r.json()["error"]["message"]


def test_url_ingest_stores_the_fetched_report(ledger: Ledger) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text=PASTED, headers={"content-type": "text/plain"})

    fetcher = HttpxFetcher(
        IngestSettings(),
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: ["93.184.216.34"],
    )
    settings = WebSettings(analyze=regex_analyze, fetcher=fetcher)
    with TestClient(create_app(ledger, settings), base_url="http://127.0.0.1") as c:
        r = c.post("/api/ingest", json={"url": "https://news.example/report"})
    assert r.status_code == 201, r.text
    assert ledger.get(r.json()["id"]).document.text == PASTED


def test_empty_form_is_shown_again_with_the_reason(client: TestClient) -> None:
    r = client.post("/ingest", data={"text": "  ", "title": "<b>kept</b>"})
    assert r.status_code == 422
    assert "paste a text, give a URL or choose a file" in r.text
    assert 'value="&lt;b&gt;kept&lt;/b&gt;"' in r.text


def test_cross_site_post_is_refused(client: TestClient) -> None:
    r = client.post("/ingest", data={"text": PASTED}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    same = client.post("/ingest", data={"text": PASTED}, headers={"origin": "http://127.0.0.1"})
    assert same.status_code == 200


def test_pasted_text_through_the_real_pipeline_is_highlighted(ledger: Ledger) -> None:
    with TestClient(create_app(ledger), base_url="http://127.0.0.1") as c:
        r = c.post("/ingest", data={"text": PASTED})
    assert r.status_code == 200 and r.url.path.startswith("/documents/")
    marks = re.findall(r'<mark class="hl hl-quantity" tabindex[^>]*>([^<]*)</mark>', r.text)
    assert "1,500" in marks


def test_api_ingest_of_text_with_lone_surrogates_stores_it(client: TestClient) -> None:
    """A JSON body may escape half a UTF-16 pair ("\\ud800"): stored as U+FFFD, not a 500."""
    body = '{"text": "The yard built 3 ferries \\ud800 this year.", "title": "Ferries \\udfff"}'
    r = client.post("/api/ingest", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 201, r.text
    doc = client.get(f"/api/documents/{r.json()['id']}").json()
    assert "\ufffd" in doc["document"]["text"] and doc["document"]["title"] == "Ferries \ufffd"
