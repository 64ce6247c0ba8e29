"""Downloads under /api/export: every table in every format, filters, names, errors, links."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from claimledger.store import Ledger

from .conftest import evac_analysis

TABLES = ("documents", "claims", "checks", "series")
FORMATS = ("csv", "jsonl", "parquet")


def read_rows(fmt: str, body: bytes) -> list[dict[str, object]]:
    """The rows of a download, whatever its format."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    if fmt == "jsonl":
        return [json.loads(line) for line in body.decode("utf-8").splitlines()]
    rows: list[dict[str, object]] = pq.read_table(io.BytesIO(body)).to_pylist()
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("table", TABLES)
def test_every_table_downloads_in_every_format(
    client: TestClient, ids: dict[str, str], ledger: Ledger, table: str, fmt: str
) -> None:
    r = client.get(f"/api/export/{table}.{fmt}")
    assert r.status_code == 200
    expected_type = {"csv": "text/csv", "jsonl": "application/x-ndjson"}.get(
        fmt, "application/vnd.apache.parquet"
    )
    assert r.headers["content-type"].startswith(expected_type)
    assert r.headers["content-disposition"] == f'attachment; filename="{table}.{fmt}"'
    assert "default-src 'none'" in r.headers["content-security-policy"]
    rows = read_rows(fmt, r.content)
    counts = ledger.count()
    expected = {
        "documents": counts["documents"],
        "claims": counts["claims"],
        "checks": counts["checks"],
        "series": counts["claims"],  # every seeded figure names what it counts
    }[table]
    assert len(rows) == expected


def test_claims_download_is_the_current_search_without_its_page(
    client: TestClient, ids: dict[str, str]
) -> None:
    r = client.get("/api/export/claims.jsonl", params={"search": "civilians", "limit": 1})
    rows = read_rows("jsonl", r.content)
    assert sorted(str(row["doc_id"]) for row in rows) == sorted([ids["evac"], ids["later"]])
    r = client.get("/api/export/claims.csv", params={"source": "governor", "until": "2024-05-31"})
    assert {row["doc_id"] for row in read_rows("csv", r.content)} == {ids["evac"]}
    bad = client.get("/api/export/claims.csv", params={"since": "soon"})
    assert bad.status_code == 422 and bad.json()["error"]["status"] == 422


def test_series_download_of_one_series_has_its_points_and_flags(
    client: TestClient, ids: dict[str, str]
) -> None:
    listing = client.get("/api/metrics").json()["metrics"]
    evac = next(m for m in listing if m["auto"] and m["n_claims"] == 2)
    r = client.get("/api/export/series.csv", params={"id": evac["id"]})
    assert r.status_code == 200
    assert re.fullmatch(
        r'attachment; filename="series-[A-Za-z0-9_.-]+\.csv"', r.headers["content-disposition"]
    )
    rows = read_rows("csv", r.content)
    assert [(row["date"], row["value"], row["flagged"]) for row in rows] == [
        ("2024-05-20", "1240.0", "False"),
        ("2024-06-10", "1100.0", "True"),
    ]
    assert {row["series_id"] for row in rows} == {evac["id"]}
    assert json.loads(str(rows[0]["sources"])) == ["regional governor"]
    assert rows[0]["doc_id"] == ids["evac"] and rows[0]["corroboration"] == "single"
    parquet = read_rows("parquet", client.get(
        "/api/export/series.parquet", params={"id": evac["id"]}
    ).content)
    assert [row["flagged"] for row in parquet] == [False, True]
    missing = client.get("/api/export/series.csv", params={"id": "no-such-series"})
    assert missing.status_code == 404 and "no-such-series" in missing.json()["error"]["message"]


@pytest.mark.parametrize(
    "path", ["/api/export/people.csv", "/api/export/claims.xlsx", "/api/export/claims"]
)
def test_an_unknown_table_or_format_is_a_json_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["status"] == 404


def test_an_empty_ledger_downloads_headers_only(client: TestClient) -> None:
    assert client.get("/api/export/claims.csv").text.startswith("doc_id,index,")
    assert client.get("/api/export/series.jsonl").content == b""
    assert read_rows("parquet", client.get("/api/export/checks.parquet").content) == []


def export_hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="(/api/export/[^"]+)"', html)]


def test_pages_link_their_exports(client: TestClient, ids: dict[str, str]) -> None:
    index = export_hrefs(client.get("/").text)
    assert "/api/export/documents.csv" in index and "/api/export/documents.parquet" in index
    claims = export_hrefs(client.get("/claims", params={"search": "civilians <&>"}).text)
    assert len(claims) == 3
    split = urlsplit(claims[0])
    assert split.path == "/api/export/claims.csv"
    assert parse_qs(split.query) == {"search": ["civilians <&>"]}
    listing = client.get("/api/metrics").json()["metrics"]
    evac = next(m for m in listing if m["auto"] and m["n_claims"] == 2)
    metric = export_hrefs(client.get("/metrics/" + quote(evac["id"], safe="")).text)
    assert [urlsplit(h).path for h in metric] == [
        "/api/export/series.csv", "/api/export/series.jsonl", "/api/export/series.parquet",
    ]
    assert parse_qs(urlsplit(metric[0]).query) == {"id": [evac["id"]]}
    for href in (*index, *metric):
        assert client.get(href).status_code == 200, href


def test_a_large_export_streams_in_chunks(client: TestClient, ledger: Ledger) -> None:
    base = evac_analysis()
    for i in range(300):
        doc = replace(base.document, text=f"Copy {i}. " + base.document.text, id=f"copy-{i}")
        shifted = tuple(
            replace(q, start=q.start + len(f"Copy {i}. "), end=q.end + len(f"Copy {i}. "))
            for q in base.quantities
        )
        ledger.save(replace(base, document=doc, quantities=shifted, times=(), hedges=(),
                            attributions=()))
    with client.stream("GET", "/api/export/claims.jsonl") as r:
        chunks = [c for c in r.iter_bytes() if c]
    body = b"".join(chunks)
    assert len(body.splitlines()) == 1500
    assert len(chunks) > 1
