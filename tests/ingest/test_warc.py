"""WARC crawls: one document per HTML response, damaged records as failures, streamed.

The WARC files are built here with warcio's WARCWriter from short pages written for the tests.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import tracemalloc
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.ingest import IngestFailure, IngestSettings, read_sources
from claimledger.ingest.warc import is_warc_file, looks_like_warc, read_warc_file, read_warc_stream
from claimledger.model import Document

Item = Document | IngestFailure

PAGE = """<!doctype html>
<html><head><title>{title}</title>
<meta property="article:published_time" content="{date}">
<meta property="og:site_name" content="Harbour Gazette">
</head><body>
<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/port">Port</a></nav>
<article><h1>{title}</h1>
<p>{lead}</p>
<p>{body}</p>
</article>
<footer>Harbour Gazette, all rights reserved. Contact the newsroom.</footer>
</body></html>
"""

PAGES = [
    {
        "url": "https://gazette.example/port-cargo",
        "title": "Port cargo rose in May",
        "date": "2024-06-03",
        "lead": "The port authority said 412 ships docked at the harbour in May.",
        "body": "That was 37 more than in April, the authority added in its monthly note.",
    },
    {
        "url": "https://gazette.example/ferry-fares",
        "title": "Ferry fares go up next month",
        "date": "2024-06-04",
        "lead": "The island ferry company will raise single fares by 8 percent from July.",
        "body": "A return ticket will cost 14 euros, the company told passengers on Tuesday.",
    },
    {
        "url": "https://gazette.example/bridge-works",
        "title": "Bridge works to last two years",
        "date": "2024-06-05",
        "lead": "The city council approved repairs on the old swing bridge worth 9 million.",
        "body": "Traffic will use one lane until the spring of 2026, the council said.",
    },
]


def _html(page: dict[str, str]) -> bytes:
    return PAGE.format(**page).encode("utf-8")


def _http(
    status: str = "200 OK", content_type: str = "text/html; charset=utf-8"
) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


class Crawl:
    """A WARC file under construction: records are added in order, then written."""

    def __init__(self, *, gzipped: bool = True) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzipped)

    def warcinfo(self) -> Crawl:
        self.writer.write_record(
            self.writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"})
        )
        return self

    def response(
        self,
        url: str,
        body: bytes,
        http: StatusAndHeaders | None = None,
    ) -> Crawl:
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http or _http()
        )
        self.writer.write_record(record)
        return self

    def page(self, page: dict[str, str]) -> Crawl:
        return self.response(page["url"], _html(page))

    def request(self, url: str) -> Crawl:
        http = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "gazette.example")], is_http_request=True
        )
        record = self.writer.create_warc_record(url, "request", http_headers=http)
        self.writer.write_record(record)
        return self

    def metadata(self, url: str) -> Crawl:
        record = self.writer.create_warc_record(
            url,
            "metadata",
            payload=io.BytesIO(b"outlink: https://gazette.example/city\n"),
            warc_content_type="application/warc-fields",
        )
        self.writer.write_record(record)
        return self

    def data(self) -> bytes:
        return self.buffer.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.data())
        return path


def _read(path: Path, settings: IngestSettings | None = None) -> list[Item]:
    return list(read_warc_file(path, settings or IngestSettings()))


def _docs(items: list[Item]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _failures(items: list[Item]) -> list[IngestFailure]:
    return [i for i in items if isinstance(i, IngestFailure)]


def _members(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each gzip member of a .warc.gz."""
    spans = []
    start = 0
    while start < len(data):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inflater.decompress(data[start:])
        end = len(data) - len(inflater.unused_data)
        spans.append((start, end))
        start = end
    return spans


def _mixed_crawl(*, gzipped: bool = True) -> Crawl:
    """warcinfo, a request, page 0, an image, page 1, a 404 page, metadata, page 2."""
    crawl = Crawl(gzipped=gzipped).warcinfo()
    crawl.request(PAGES[0]["url"]).page(PAGES[0])
    crawl.response(
        "https://gazette.example/logo.png",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        _http(content_type="image/png"),
    )
    crawl.page(PAGES[1])
    crawl.response("https://gazette.example/gone", _html(PAGES[0]), _http("404 Not Found"))
    crawl.metadata(PAGES[1]["url"]).page(PAGES[2])
    return crawl


def test_each_html_response_becomes_a_document(tmp_path: Path) -> None:
    path = _mixed_crawl().save(tmp_path / "crawl.warc.gz")
    items = _read(path)
    assert _failures(items) == []
    docs = _docs(items)
    assert [d.url for d in docs] == [p["url"] for p in PAGES]
    first = docs[0]
    assert "412 ships" in first.text and "37 more" in first.text
    assert "Home" not in first.text and "all rights reserved" not in first.text
    assert first.title == "Port cargo rose in May"
    assert first.outlet == "Harbour Gazette"
    assert first.published == "2024-06-03"  # from the page, not the crawl date
    assert first.origin == f"{path}#record-3"
    assert first.meta["format"] == "warc" and first.meta["record"] == 3
    assert first.meta["crawled"].startswith("20")  # WARC-Date: crawl time, kept in meta only
    assert first.meta["warc_record_id"].startswith("<urn:uuid:")
    assert [d.origin for d in docs] == [f"{path}#record-{n}" for n in (3, 5, 8)]


def test_uncompressed_warc_is_read_the_same(tmp_path: Path) -> None:
    path = _mixed_crawl(gzipped=False).save(tmp_path / "crawl.warc")
    items = _read(path)
    assert _failures(items) == []
    assert [d.url for d in _docs(items)] == [p["url"] for p in PAGES]


def test_read_sources_dispatches_by_extension_and_by_magic(tmp_path: Path) -> None:
    data = _mixed_crawl().data()
    plain = _mixed_crawl(gzipped=False).data()
    (tmp_path / "a.warc.gz").write_bytes(data)
    (tmp_path / "b.download").write_bytes(data)  # gzipped WARC with no telling name
    (tmp_path / "c.bin").write_bytes(plain)  # plain WARC with no telling name
    assert is_warc_file(tmp_path / "b.download") and is_warc_file(tmp_path / "c.bin")
    assert looks_like_warc(b"WARC/1.1\r\n") and not looks_like_warc(b"<html>")
    items = list(read_sources([str(tmp_path)]))
    assert _failures(items) == []
    assert len(_docs(items)) == 9
    assert {str(d.origin).split("#")[0] for d in _docs(items)} == {
        str(tmp_path / name) for name in ("a.warc.gz", "b.download", "c.bin")
    }


def test_file_over_max_bytes_is_still_read_record_by_record(tmp_path: Path) -> None:
    crawl = Crawl()
    for _ in range(4):
        for page in PAGES:
            crawl.page(page)
    path = crawl.save(tmp_path / "big.warc.gz")
    settings = IngestSettings(max_bytes=4096)  # each page fits; the whole file does not
    assert path.stat().st_size > 4096
    items = _read(path, settings)
    assert _failures(items) == [] and len(_docs(items)) == 12


def test_broken_http_headers_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    crawl = Crawl().page(PAGES[0])
    crawl.response(
        "https://gazette.example/x",
        _html(PAGES[1]),
        StatusAndHeaders("OK", [], protocol="HTTP/1.1"),
    )
    crawl.response(
        "https://gazette.example/y",
        _html(PAGES[1]),
        StatusAndHeaders("200 OK", [], protocol="XTTP/9"),
    )
    path = crawl.page(PAGES[2]).save(tmp_path / "crawl.warc.gz")
    items = _read(path)
    assert [d.url for d in _docs(items)] == [PAGES[0]["url"], PAGES[2]["url"]]
    failures = _failures(items)
    assert [f.source for f in failures] == [f"{path}#record-2", f"{path}#record-3"]
    assert all(f.reason.startswith("bad HTTP status line") for f in failures)


def test_truncated_file_keeps_what_was_read_and_names_the_record(tmp_path: Path) -> None:
    data = Crawl().page(PAGES[0]).page(PAGES[1]).page(PAGES[2]).data()
    start, end = _members(data)[2]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: (start + end) // 2])
    items = _read(path)
    assert [d.url for d in _docs(items)] == [PAGES[0]["url"], PAGES[1]["url"]]
    (failure,) = _failures(items)
    assert failure.source == f"{path}#record-3"
    assert "truncated" in failure.reason
    assert isinstance(items[-1], IngestFailure)


def test_truncated_plain_warc_is_a_failure_too(tmp_path: Path) -> None:
    data = Crawl(gzipped=False).page(PAGES[0]).page(PAGES[1]).data()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-300])
    items = _read(path)
    assert [d.url for d in _docs(items)] == [PAGES[0]["url"]]
    (failure,) = _failures(items)
    assert failure.source == f"{path}#record-2" and "truncated" in failure.reason


def test_corrupt_gzip_member_is_skipped_and_the_next_one_read(tmp_path: Path) -> None:
    data = bytearray(Crawl().page(PAGES[0]).page(PAGES[1]).page(PAGES[2]).data())
    start, end = _members(bytes(data))[1]
    for at in range(start + 30, end - 20, 7):  # damage the deflate data of the second member
        data[at] ^= 0x5A
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    items = _read(path)
    assert [d.url for d in _docs(items)] == [PAGES[0]["url"], PAGES[2]["url"]]
    (failure,) = _failures(items)
    assert failure.source == f"{path}#record-2"
    assert "corrupt gzip data" in failure.reason and "skipped" in failure.reason
    assert _docs(items)[1].origin == f"{path}#record-3"


def test_bad_checksum_at_a_member_end_fails_that_record_only(tmp_path: Path) -> None:
    data = bytearray(Crawl().page(PAGES[0]).page(PAGES[1]).page(PAGES[2]).data())
    _, end = _members(bytes(data))[0]
    data[end - 8] ^= 0xFF  # the CRC-32 of the first member
    path = tmp_path / "crc.warc.gz"
    path.write_bytes(bytes(data))
    items = _read(path)
    assert [d.url for d in _docs(items)] == [PAGES[1]["url"], PAGES[2]["url"]]
    (failure,) = _failures(items)
    assert failure.source == f"{path}#record-1" and "corrupt gzip data" in failure.reason


def test_padding_after_the_last_member_is_ignored_but_junk_is_not(tmp_path: Path) -> None:
    data = Crawl().page(PAGES[0]).page(PAGES[1]).data()
    padded = tmp_path / "padded.warc.gz"
    padded.write_bytes(data + bytes(5000) + b"\r\n")
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(data + b"not gzip at all")
    assert len(_docs(_read(padded))) == 2 and _failures(_read(padded)) == []
    items = _read(junk)
    assert len(_docs(items)) == 2
    assert _failures(items) == [
        IngestFailure(
            f"{junk}#record-3",
            "bytes between gzip members are not gzip data; skipped to the next record",
        )
    ]


def test_garbage_between_plain_records_is_one_failure_then_resync(tmp_path: Path) -> None:
    first = Crawl(gzipped=False).page(PAGES[0]).data()
    rest = Crawl(gzipped=False).page(PAGES[1]).page(PAGES[2]).data()
    path = tmp_path / "junk.warc"
    path.write_bytes(first + b"this line is not a header\r\nnor is this one\r\n" + rest)
    items = _read(path)
    assert [d.url for d in _docs(items)] == [p["url"] for p in PAGES]
    (failure,) = _failures(items)
    assert failure.source == f"{path}#record-2"
    assert failure.reason.startswith("not a WARC record header")
    assert [d.origin for d in _docs(items)] == [f"{path}#record-{n}" for n in (1, 3, 4)]


def test_page_over_the_size_cap_is_a_failure(tmp_path: Path) -> None:
    padding = "<p>" + "More port news. " * 300 + "</p>"  # about 5 KB
    big = dict(PAGES[1], body=PAGES[1]["body"] + padding)
    huge = dict(PAGES[2], body=PAGES[2]["body"] + padding * 40)  # about 200 KB: head read only
    crawl = Crawl().page(PAGES[0]).page(big).page(huge)
    image = b"\x89PNG" + bytes(200_000)  # over the cap, but not a page: skipped silently
    crawl.response("https://gazette.example/big.png", image, _http(content_type="image/png"))
    path = crawl.save(tmp_path / "crawl.warc.gz")
    items = _read(path, IngestSettings(max_bytes=4096))
    assert [d.url for d in _docs(items)] == [PAGES[0]["url"]]
    failures = _failures(items)
    assert [f.source for f in failures] == [f"{path}#record-2", f"{path}#record-3"]
    assert all(f.reason == "page larger than the 4 KB cap" for f in failures)


def test_decompressed_size_cap_stops_the_file(tmp_path: Path) -> None:
    crawl = Crawl()
    for page in PAGES * 3:
        crawl.page(page)
    path = crawl.save(tmp_path / "crawl.warc.gz")
    items = _read(path, IngestSettings(max_decompressed_bytes=4000))
    assert len(_docs(items)) < 9
    assert items[-1] == IngestFailure(
        str(path), "decompressed size over the 4000 bytes cap; stopped"
    )


def test_html_without_a_declared_type_is_sniffed(tmp_path: Path) -> None:
    crawl = Crawl().response(
        PAGES[0]["url"], _html(PAGES[0]), StatusAndHeaders("200 OK", [], protocol="HTTP/1.1")
    )
    crawl.response(
        "https://gazette.example/notes.txt", b"Plain words, no markup.", _http(content_type="")
    )
    path = crawl.save(tmp_path / "crawl.warc.gz")
    items = _read(path)
    assert _failures(items) == []
    assert [d.url for d in _docs(items)] == [PAGES[0]["url"]]


def test_gzip_content_encoding_of_a_page_is_undone(tmp_path: Path) -> None:
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    path = (
        Crawl()
        .response(PAGES[1]["url"], gzip.compress(_html(PAGES[1])), http)
        .save(tmp_path / "crawl.warc.gz")
    )
    (doc,) = _read(path)
    assert isinstance(doc, Document) and "8 percent" in doc.text


def test_files_with_no_page_or_nothing_at_all(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    no_pages = Crawl().warcinfo().request(PAGES[0]["url"]).save(tmp_path / "req.warc.gz")
    not_warc = tmp_path / "text.warc"
    not_warc.write_bytes(b"just some words\n")
    assert _read(empty) == [IngestFailure(str(empty), "empty file")]
    assert _read(no_pages) == [IngestFailure(str(no_pages), "no HTML pages in 2 records")]
    (failure,) = _read(not_warc)
    assert failure == IngestFailure(
        f"{not_warc}#record-1",
        "not a WARC record header (starts 'just some words'); skipped to the next record",
    )


def test_warc_is_streamed_not_read_whole(tmp_path: Path) -> None:
    for gzipped in (False, True):
        crawl = Crawl(gzipped=gzipped)
        for page in PAGES * 600:
            crawl.page(page)
        path = crawl.save(tmp_path / ("many.warc.gz" if gzipped else "many.warc"))
        with path.open("rb") as handle:
            first = next(read_warc_stream(handle, str(path), IngestSettings()))
            assert isinstance(first, Document) and first.url == PAGES[0]["url"]
            assert handle.tell() < path.stat().st_size // 10


def test_jsonl_gz_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(50_000):
            row = {"id": f"d{n}", "text": f"Report {n}: the ferry carried {n % 700} passengers."}
            out.write(json.dumps(row) + "\n")
    size = sum(len(line) for line in gzip.open(path, "rb"))
    assert size > 3_000_000
    tracemalloc.start()
    try:
        items = read_sources([str(path)])
        first = list(itertools.islice(items, 10))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.id for d in first if isinstance(d, Document)] == [f"d{n}" for n in range(10)]
    assert peak < 1_000_000  # the whole file decompressed would be over 3 MB
