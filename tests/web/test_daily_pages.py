"""The web pages as an analyst uses them every day (issue 16): documents sorted and filtered by
failed checks with a total, the claims page paged with a total, titles that fall back to the
URL, dates that never wrap, tables that scroll on phones, the figures list from 1."""

from __future__ import annotations

import re
from dataclasses import replace

from fastapi.testclient import TestClient

from claimledger.store import Ledger

from .conftest import later_analysis


def titles(html: str) -> list[str]:
    return re.findall(r'<td><a href="/documents/[^"]+">(.*?)</a></td>', html)


def test_documents_page_filters_failed_checks_and_says_how_many(
    client: TestClient, ids: dict[str, str]
) -> None:
    everything = client.get("/")
    assert re.search(r"1–\d+ of (\d+) documents", everything.text)
    failed = client.get("/?failed=1")
    assert failed.status_code == 200
    assert "with failed checks" in failed.text
    assert "Evacuations from the town" in failed.text
    n_all = re.search(r"of (\d+) documents", everything.text)
    n_failed = re.search(r"of (\d+) documents? with", failed.text)
    assert n_all is not None and n_failed is not None
    assert 0 < int(n_failed.group(1)) < int(n_all.group(1))


def test_documents_page_sorts_by_figures_and_pages_with_the_sort_kept(
    client: TestClient, ids: dict[str, str]
) -> None:
    by_figures = client.get("/?sort=figures")
    assert "Evacuations from the town" in titles(by_figures.text)[0]
    first = client.get("/?sort=oldest&limit=1")
    assert "next →" in first.text and "sort=oldest" in first.text
    assert client.get("/?sort=sideways").status_code == 422


def test_a_document_without_title_is_listed_by_its_url(ledger: Ledger, client: TestClient) -> None:
    a = later_analysis()
    doc = replace(a.document, title=None, url="https://news.example/untitled-report", id=None)
    ledger.save(replace(a, document=doc))
    assert "https://news.example/untitled-report" in titles(client.get("/").text)


def test_claims_page_has_a_total_and_a_next_page(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get("/claims?limit=2")
    assert r.status_code == 200
    m = re.search(r"1–2 of (\d+) figures", r.text)
    assert m is not None and int(m.group(1)) > 2
    assert 'href="/claims?limit=2&amp;offset=2"' in r.text
    second = client.get("/claims?limit=2&offset=2")
    assert "3–4 of" in second.text and "← previous" in second.text


def test_dates_do_not_wrap_and_tables_scroll(client: TestClient, ids: dict[str, str]) -> None:
    page = client.get("/").text
    assert '<div class="scroll">\n<table class="documents">' in page
    assert '<td class="date">2024-05-21</td>' in page
    claims = client.get("/claims").text
    assert '<div class="scroll">\n<table class="claims">' in claims
    css = client.get("/static/style.css").text
    assert re.search(r"\.date[^{]*\{ white-space: nowrap; \}", css)
    for page_url in ("/metrics", "/sources"):
        assert '<div class="scroll">' in client.get(page_url).text


def test_the_figures_list_counts_from_one(client: TestClient, ids: dict[str, str]) -> None:
    r = client.get(f"/documents/{ids['evac']}")
    assert '<ol start="0">' not in r.text
    assert re.search(r'<section class="figures">.*?<ol>', r.text, re.S)


def test_a_figure_in_a_failed_check_is_marked_and_lists_its_checks(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = client.get(f"/documents/{ids['evac']}").text
    marks = {m.group(2): m.group(0) for m in re.finditer(
        r'<mark class="(hl hl-quantity[^"]*)"[^>]*id="(q-\d)"[^>]*>', html)}
    # 400 is 32.3% of 1,240, not 40%: the three figures of that check are flagged
    for ref in ("q-0", "q-3", "q-4"):
        assert "hl-failed" in marks[ref], ref
        assert 'data-checks="' in marks[ref] and "✗" in marks[ref]
    # 372 and 30% take part only in the check that holds
    for ref in ("q-1", "q-2"):
        assert "hl-failed" not in marks[ref]
        assert "✓ percent" in marks[ref]


def test_a_hedge_says_which_figures_it_hedges_and_values_are_grouped() -> None:
    from claimledger.model import Analysis, Document, Hedge, Quantity
    from claimledger.web.annotate import annotated_html

    text = "The office said 12500 crates will likely arrive. Another 40 came on Monday."
    start = text.index("12500")
    h = text.index("likely")
    a = Analysis(
        document=Document(text=text),
        quantities=(Quantity(start=start, end=start + 5, text="12500", value=12500),
                    Quantity(start=text.index("40"), end=text.index("40") + 2, text="40",
                             value=40)),
        hedges=(Hedge(h, h + 6, "likely", "likely", 0.55, 0.75),),
    )
    html = str(annotated_html(a))
    assert 'data-hedges="12500"' in html  # not the 40 of the next sentence
    assert 'data-value="12,500"' in html


def test_metrics_are_titled_by_their_label(client: TestClient, ids: dict[str, str]) -> None:
    from claimledger.api import metric_labels

    label = metric_labels()["ru_drone_losses"]
    assert f'<a href="/metrics/ru_drone_losses">{label}</a>' in client.get("/metrics").text
    page = client.get("/metrics/ru_drone_losses").text
    assert f"<title>{label}" in page and f"<h1>{label} <small><code>ru_drone_losses" in page


def test_head_of_the_documents_page_answers(client: TestClient, ids: dict[str, str]) -> None:
    r = client.head("/")
    assert r.status_code == 200 and r.text == ""


def test_a_jsonl_upload_is_a_batch_with_a_result_per_report(
    client: TestClient, ledger: Ledger
) -> None:
    import json

    lines = [
        json.dumps({"text": "The depot said 120 buses ran on Sunday.", "title": "Buses"}),
        "{not json",
        json.dumps({"text": "About 45 ferries crossed the bay in May.", "title": "Ferries"}),
    ]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    r = client.post("/ingest", files={"file": ("batch.jsonl", body, "application/x-ndjson")})
    assert r.status_code == 200
    assert "2 reports stored · 1 failed" in r.text
    assert ">Buses</a>" in r.text and ">Ferries</a>" in r.text
    assert "upload:batch.jsonl" in r.text  # the bad line is named by the upload, not a temp path
    assert "/tmp/" not in r.text
    assert ledger.count()["documents"] == 2  # not one document holding the whole file


def test_the_api_ingests_a_batch_with_a_result_per_report(
    client: TestClient, ledger: Ledger
) -> None:
    import json

    lines = [
        json.dumps({"text": "The port said 64 tugs left on Monday.", "title": "Tugs"}),
        "[1, 2",
        json.dumps({"text": "Some 310 lorries queued at the border in June.", "title": "Lorries"}),
    ]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    before = ledger.count()["documents"]
    r = client.post("/api/ingest/batch", files={"file": ("two.jsonl", body)})
    assert r.status_code == 201
    out = r.json()
    assert (out["stored"], out["failed"]) == (2, 1)
    assert [x.get("title") for x in out["results"] if "error" not in x or not x["error"]] == [
        "Tugs", "Lorries"]
    bad = next(x for x in out["results"] if x.get("error"))
    assert bad["source"] == "upload:two.jsonl:2"
    assert ledger.count()["documents"] == before + 2
    # the one-report endpoint refuses a batch instead of storing it as one document
    r = client.post("/api/ingest/upload", files={"file": ("two.jsonl", body)})
    assert r.status_code == 422 and "/api/ingest/batch" in r.json()["error"]["message"]
    assert ledger.count()["documents"] == before + 2
    r = client.post("/api/ingest/batch", files={"file": ("note.txt", b"Just 12 words here.")})
    assert r.status_code == 422
