"""The web app: every page and its JSON twin, escaping, errors, uploads and ingest."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.testclient import TestClient

from claimledger.store.base import Ledger

from .conftest import EVAC_TEXT, HOSTILE_TITLE

API_PATHS = (
    "/api/documents",
    "/api/documents/{doc_id}",
    "/api/claims",
    "/api/claim/{ref}",
    "/api/metrics",
    "/api/metrics/{sid}",
    "/api/sources",
    "/api/export/{table}.{fmt}",
    "/api/ingest",
    "/api/ingest/upload",
)


def test_documents_page_lists_outlet_date_title_and_counts(
    client: TestClient, ids: dict[str, str]
) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    row = re.search(r"<tr>\s*<td>Test Wire</td>.*?</tr>", r.text, re.S)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    assert cells[1] == "2024-05-21"
    assert "Evacuations from the town" in cells[2]
    assert f'href="/documents/{ids["evac"]}"' in cells[2]
    assert cells[3:] == ["5", "1"]  # figures, failed checks
    assert 'action="/claims"' in r.text and 'name="since"' in r.text


def test_api_documents_is_the_json_twin_of_the_list(
    client: TestClient, ids: dict[str, str]
) -> None:
    body = client.get("/api/documents").json()
    by_id = {d["id"]: d for d in body["documents"]}
    assert set(by_id) == set(ids.values())
    evac = by_id[ids["evac"]]
    assert (evac["outlet"], evac["published"], evac["title"]) == (
        "Test Wire",
        "2024-05-21",
        "Evacuations from the town",
    )
    assert (evac["n_quantities"], evac["n_failed_checks"]) == (5, 1)
    # newest published first
    assert [d["id"] for d in body["documents"]][:2] == [ids["hostile"], ids["later"]]


def test_claims_search_filters_by_text_source_and_dates(
    client: TestClient, ids: dict[str, str]
) -> None:
    everything = client.get("/api/claims").json()["claims"]
    assert len(everything) == 7
    in_june = client.get("/api/claims", params={"since": "2024-06-01", "until": "2024-06-30"})
    assert [c["text"] for c in in_june.json()["claims"]] == ["1,100"]
    governor = client.get("/api/claims", params={"source": "regional governor"}).json()
    assert {c["text"] for c in governor["claims"]} == {"1,240", "30%", "372", "400", "1,100"}
    page = client.get("/claims", params={"source": "regional governor", "since": ""})
    assert page.status_code == 200
    assert 'value="regional governor"' in page.text
    assert f"/documents/{ids['later']}#q-0" in page.text
    assert page.text.count("<tr>") == 1 + 5  # header + figures


def test_annotated_report_highlights_figures_times_and_hedges(
    client: TestClient, ids: dict[str, str]
) -> None:
    r = client.get(f"/documents/{ids['evac']}")
    assert r.status_code == 200
    first = re.search(r'<mark class="hl hl-quantity[^"]*"[^>]*id="q-0"[^>]*>1,240</mark>', r.text)
    assert first is not None
    tag = first.group(0)
    for attr in (
        'data-value="1,240"',
        'data-kind="count"',
        'data-qualifier="exact"',
        'data-what="civilians evacuated"',
        'data-period="2024-05-01 – 2024-05-20"',
        'data-sources="regional governor"',
    ):
        assert attr in tag
    assert re.search(r'<mark class="hl hl-quantity"[^>]*data-qualifier="about"[^>]*>30%', r.text)
    assert re.search(r'<mark class="hl hl-time"[^>]*>between 1 and 20 May', r.text)
    assert re.search(r'<mark class="hl hl-hedge"[^>]*data-term="likely"[^>]*>probably', r.text)
    # the checks beside the text, with their marks and explanations
    assert re.search(r"check-consistent.*?✓.*?372 is 30.0% of 1,240", r.text, re.S)
    assert re.search(r"check-inconsistent.*?✗.*?400 is 32.3% of 1,240, not 40%", r.text, re.S)
    assert 'data-refs="q-4 q-3 q-0"' in r.text


def test_annotated_text_is_the_article_once_markup_is_removed(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/documents/{ids['evac']}").text
    body = re.search(r'<div class="text" id="report-text">(.*?)</div>', page, re.S)
    assert body is not None
    assert re.sub(r"<[^>]+>", "", body.group(1)) == EVAC_TEXT


def test_api_document_has_the_contract_shape_and_metadata(
    client: TestClient, ids: dict[str, str]
) -> None:
    d = client.get(f"/api/documents/{ids['evac']}").json()
    assert d["id"] == ids["evac"]
    assert [q["text"] for q in d["quantities"]] == ["1,240", "30%", "372", "400", "40%"]
    assert d["times"][0] == {
        "start": EVAC_TEXT.index("between"),
        "end": EVAC_TEXT.index(". About"),
        "text": "between 1 and 20 May 2024",
        "type": "period",
        "from": "2024-05-01",
        "to": "2024-05-20",
    }
    assert d["hedges"][0]["term"] == "likely"
    assert [c["status"] for c in d["checks"]] == ["consistent", "inconsistent"]
    assert d["document"]["outlet"] == "Test Wire"
    assert d["document"]["text"] == EVAC_TEXT
    assert d["attributions"][0]["chain"] == ["regional governor"]


def test_hostile_title_and_text_render_as_text(client: TestClient, ids: dict[str, str]) -> None:
    for path in ("/", f"/documents/{ids['hostile']}", "/claims", "/metrics", "/sources"):
        html = client.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
        assert "<b>Bad" not in html and "<i>onerror" not in html, path
    page = client.get(f"/documents/{ids['hostile']}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;Bad &amp; Co&lt;/b&gt;" in page
    assert 'data-what="drones &lt;b&gt;&#34;shot&#34;&lt;/b&gt;"' in page
    # the API hands the same strings back unchanged, as JSON data
    assert client.get(f"/api/documents/{ids['hostile']}").json()["document"]["title"] == (
        HOSTILE_TITLE
    )


def test_every_response_carries_a_restrictive_csp(client: TestClient, ids: dict[str, str]) -> None:
    for path in ("/", f"/documents/{ids['evac']}", "/api/documents", "/nope", "/static/app.js"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp


def test_unknown_document_is_a_json_404_under_api_and_a_page_otherwise(
    client: TestClient,
) -> None:
    r = client.get("/api/documents/doc-missing")
    assert r.status_code == 404
    assert r.json() == {"error": {"status": 404, "message": "no document 'doc-missing'"}}
    page = client.get("/documents/doc-missing")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert client.get("/api/nothing-here").json()["error"]["status"] == 404


def test_bad_parameters_are_json_422(client: TestClient) -> None:
    for params in (
        {"since": "last week"},
        {"limit": "many"},
        {"limit": "0"},
        {"since": "2024-06-02", "until": "2024-06-01"},
    ):
        r = client.get("/api/claims", params=params)
        assert r.status_code == 422, params
        err = r.json()["error"]
        assert err["status"] == 422 and err["message"], params
    assert client.get("/claims", params={"until": "June"}).status_code == 422


def test_metrics_pages_chart_each_series_and_flag_a_falling_total(
    client: TestClient, ids: dict[str, str]
) -> None:
    body = client.get("/api/metrics").json()
    listing = body["metrics"]
    assert body["auto_listed"] is True  # a small ledger lists its automatic series too
    named = next(m for m in listing if not m["auto"])
    assert (named["id"], named["n_claims"], named["n_documents"]) == ("ru_drone_losses", 1, 1)
    assert named["last_date"] == "2024-07-01"
    evac = next(m for m in listing if m["auto"] and m["n_claims"] == 2)
    assert (evac["n_documents"], evac["last_date"]) == (2, "2024-06-10")
    series = client.get(f"/api/metrics/{evac['id']}").json()
    assert series["page_flags"] == 1 and series["cumulative"] is True
    assert [(p["date"], p["value"], p["flagged"]) for p in series["points"]] == [
        ("2024-05-20", 1240.0, False),
        ("2024-06-10", 1100.0, True),
    ]
    assert series["flags"][0]["kind"] == "cumulative_decrease"
    page = client.get("/metrics/" + evac["id"])
    assert page.status_code == 200
    svg = re.search(r"<svg class=\"chart\".*?</svg>", page.text, re.S)
    assert svg is not None
    assert svg.group(0).count('<circle class="pt') == 2
    assert svg.group(0).count('<circle class="pt flagged"') == 1
    assert page.text.count('<tr class="flagged">') == 1
    overview = client.get("/metrics").text
    assert overview.count('<a href="/metrics/') == len(listing)
    assert f'href="/metrics/{quote(evac["id"], safe="")}"' in overview
    named_page = client.get("/api/metrics/ru_drone_losses").json()
    assert [p["doc_id"] for p in named_page["points"]] == [ids["hostile"]]
    assert client.get("/api/metrics/no-such-metric").status_code == 404
    assert client.get("/api/metrics/auto:").status_code == 404
    assert client.get("/metrics/auto:nothing%20like%20this").status_code == 404


def test_sources_page_and_api_name_sources_with_counts(
    client: TestClient, ids: dict[str, str]
) -> None:
    sources = client.get("/api/sources").json()["sources"]
    assert sources, "the seeded claims name sources"
    top = sources[0]
    assert top["n_claims"] == 5 and top["n_documents"] == 2
    assert set(top["outlets"]) == {"Test Wire", "Other Post"}
    page = client.get("/sources").text
    assert top["source"] in page and "Other Post" in page


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(API_PATHS) <= set(schema["paths"])
    assert "/" not in schema["paths"]  # pages are not part of the API
    assert "ErrorOut" in schema["components"]["schemas"]


def test_the_favicon_is_a_small_svg(client: TestClient) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    assert r.content.startswith(b"<svg") and len(r.content) < 2048
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").text


def test_a_figures_claim_has_a_page_and_a_json_twin(
    client: TestClient, ids: dict[str, str]
) -> None:
    doc = ids["evac"]
    r = client.get(f"/api/claim/{doc}:0")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["relays"][0]["figure"] == f"{doc}:0"
    assert {"original_source", "first_seen", "versions", "conflict", "series"} <= set(body)
    page = client.get(f"/claim/{doc}:0")
    assert page.status_code == 200 and "A claim of" in page.text
    assert f'href="/documents/{doc}#q-0"' in page.text
    assert client.get("/api/claim/nope:3").status_code == 404
    assert "relays" in client.get("/claims").text


def test_the_claim_page_escapes_what_reports_wrote(
    client: TestClient, ids: dict[str, str]
) -> None:
    page = client.get(f"/claim/{ids['hostile']}:0")
    assert page.status_code == 200
    assert "<b>Bad & Co</b>" not in page.text and "&lt;b&gt;Bad &amp; Co&lt;/b&gt;" in page.text
    assert "<i>onerror" not in page.text



def test_series_by_frame_have_a_listing_a_page_and_json_twins(
    client: TestClient, ids: dict[str, str]
) -> None:
    listing = client.get("/api/series")
    assert listing.status_code == 200
    series = listing.json()["series"]
    assert series and all({"key", "thing", "aggregation", "scope", "points", "claims",
                           "sources"} <= set(s) for s in series)
    key = series[0]["key"]
    page = client.get("/series")
    assert page.status_code == 200 and f'href="/series/{quote(key, safe="")}"' in page.text
    one = client.get(f"/api/series/{quote(key, safe='')}")
    assert one.status_code == 200 and one.json()["frame"]["key"] == key
    detail = client.get(f"/series/{quote(key, safe='')}")
    assert detail.status_code == 200 and "<svg" in detail.text and "relays" in detail.text
    assert client.get("/api/series/no-such-series").status_code == 404


def test_a_request_naming_another_host_is_refused(client: TestClient) -> None:
    # DNS rebinding: a page on evil.example whose name now resolves to this machine
    for path in ("/api/export/documents.jsonl", "/", "/api/claims"):
        r = client.get(path, headers={"Host": "evil.example:8000"})
        assert r.status_code == 421, path
    r = client.post("/api/ingest", json={"text": "5 tanks"},
                    headers={"Host": "evil.example", "Origin": "http://evil.example"})
    assert r.status_code == 421
    for host in ("127.0.0.1:8000", "localhost", "[::1]:8000"):
        assert client.get("/api/documents", headers={"Host": host}).status_code == 200, host


def test_host_names_parse_with_and_without_ports() -> None:
    from claimledger.web.middleware import host_name

    assert host_name("[::1]:8000") == "::1"
    assert host_name("LocalHost:80") == "localhost"
    assert host_name("127.0.0.1") == "127.0.0.1"


def test_the_ledger_view_is_reused_until_the_ledger_changes(
    ledger: Ledger, ids: dict[str, str]
) -> None:
    from claimledger.web.view_cache import ViewCache, cached_view

    cache = ViewCache()
    first = cached_view(ledger, cache)
    assert cached_view(ledger, cache) is first
    cache.key = (("documents", -1),)  # as if a report had been added since
    assert cached_view(ledger, cache) is not first


def test_events_page_is_a_timeline_per_actor_with_agreements(tmp_path: object) -> None:
    from pathlib import Path

    from claimledger.model import Agreement, Analysis, Document, Event, Provision
    from claimledger.store import open_ledger
    from claimledger.web import create_app

    text = "On 17 January 2025 the two leaders signed the partnership treaty. " * 2
    ledger = open_ledger(str(Path(str(tmp_path)) / "ev.sqlite"))
    try:
        for n, day in enumerate(("2025-01-17", "2025-01-18")):
            ledger.save(Analysis(
                Document(text=text, id=f"r{n}", outlet=f"o{n}.example"),
                events=(Event(36, 42, "signed", "sign", actor="Vladimir Putin",
                              object="the partnership treaty", date=day),),
                agreements=(Agreement(47, 65, "partnership treaty", "partnership treaty",
                                      parties=("Russia", "Iran"),
                                      provisions=(Provision(0, 2, "On", present=False),)),),
            ))
        with TestClient(create_app(ledger), base_url="http://127.0.0.1") as c:
            api = c.get("/api/events", params={"actor": "Putin", "object": "treaty"}).json()
            page = c.get("/events", params={"actor": "Putin", "object": "treaty"})
            bad = c.get("/api/events", params={"since": "2025-13-01"})
    finally:
        ledger.close()
    assert [e["doc_id"] for e in api["events"]] == ["r0", "r1"]
    assert all(e["conflict"] for e in api["events"])  # the 17th against the 18th
    assert api["agreements"][0]["parties"] == ["Russia", "Iran"]
    assert page.status_code == 200 and "⚑ 2025-01-17" in page.text and "Iran" in page.text
    assert bad.status_code == 422
