"""read_sources: every kind of source, in order, with one failure per bad input."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import claimledger.ingest as ingest_module
from claimledger.errors import FetchError
from claimledger.ingest import FetchResult, IngestFailure, IngestSettings, read_sources
from claimledger.model import Document

SAMPLES = Path(ingest_module.__file__).resolve().parent.parent / "samples"
PAGE = SAMPLES / "sample_page.html"
FEED = SAMPLES / "sample_feed.xml"


class FakeFetcher:
    """Answers from a dict of URL -> result; any other URL is unreachable."""

    def __init__(self, pages: dict[str, FetchResult]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def fetch(self, url: str) -> FetchResult:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError(url, "could not connect (connection refused)")
        return self.pages[url]


def _read(*sources: str, **kwargs: Any) -> list[Document | IngestFailure]:
    return list(read_sources(sources, **kwargs))


def test_text_file_becomes_one_document(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Air raid alert in Kyiv lasted three hours.", encoding="utf-8")
    (doc,) = _read(str(path))
    assert isinstance(doc, Document)
    assert doc.text == "Air raid alert in Kyiv lasted three hours."
    assert doc.origin == str(path)


def test_file_of_unknown_kind_is_sniffed(tmp_path: Path) -> None:
    shutil.copy(PAGE, tmp_path / "page.download")
    shutil.copy(FEED, tmp_path / "feed.download")
    (tmp_path / "words.log").write_text("Plain words.", encoding="utf-8")
    items = _read(
        str(tmp_path / "page.download"),
        str(tmp_path / "feed.download"),
        str(tmp_path / "words.log"),
    )
    assert [i.meta["format"] for i in items if isinstance(i, Document)] == [
        "html",
        "feed",
        "feed",
        "feed",
        "text",
    ]


def test_html_feed_and_jsonl_files_are_read(tmp_path: Path) -> None:
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(json.dumps({"id": "j1", "text": "From a corpus."}) + "\n", encoding="utf-8")
    items = _read(str(PAGE), str(FEED), str(corpus))
    assert all(isinstance(i, Document) for i in items)
    assert len(items) == 5
    assert isinstance(items[-1], Document) and items[-1].id == "j1"


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("inner", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "c.md").write_text("# last", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    items = _read(str(tmp_path))
    assert [i.text for i in items if isinstance(i, Document)] == ["first", "inner", "# last"]
    assert all(isinstance(i, Document) for i in items)


def test_one_bad_input_never_stops_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Still read.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.bin").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    items = _read(
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "image.bin"),
        str(good),
    )
    assert items[:3] == [
        IngestFailure(str(tmp_path / "missing.txt"), "no such file or folder"),
        IngestFailure(str(tmp_path / "empty.txt"), "empty file"),
        IngestFailure(str(tmp_path / "image.bin"), "binary file, not text"),
    ]
    assert isinstance(items[3], Document) and items[3].text == "Still read."


def test_file_over_the_size_cap_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    items = _read(str(path), settings=IngestSettings(max_bytes=1024))
    assert items == [IngestFailure(str(path), "larger than the 1 KB cap")]


def test_default_cap_is_ten_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    assert _read(str(path)) == [IngestFailure(str(path), "larger than the 10 MB cap")]


def test_html_without_article_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    assert _read(str(path)) == [IngestFailure(str(path), "no article text found in the HTML")]


def test_malformed_feed_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    path.write_bytes(b"<rss><channel><item><title>cut off")
    (failure,) = _read(str(path))
    assert isinstance(failure, IngestFailure) and failure.reason.startswith("malformed feed")


def test_gzip_of_unknown_kind_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html></html>"))
    (failure,) = _read(str(path))
    assert isinstance(failure, IngestFailure) and "only .jsonl.gz is read" in failure.reason


def test_stdin_text_is_read() -> None:
    (doc,) = _read("-", stdin=io.StringIO("Text piped in.\n"))
    assert isinstance(doc, Document)
    assert doc.text == "Text piped in.\n"
    assert doc.origin == "<stdin>"


def test_stdin_jsonl_is_streamed_line_by_line() -> None:
    lines = json.dumps({"id": "p1", "text": "one"}) + "\n{bad\n" + json.dumps({"text": "two"})
    items = _read("-", stdin=io.StringIO(lines + "\n"))
    assert isinstance(items[0], Document) and items[0].id == "p1"
    assert isinstance(items[1], IngestFailure) and items[1].source == "<stdin>:2"
    assert isinstance(items[2], Document) and items[2].text == "two"


def test_stdin_html_is_extracted() -> None:
    (doc,) = _read("-", stdin=io.StringIO(PAGE.read_text(encoding="utf-8")))
    assert isinstance(doc, Document) and doc.meta["format"] == "html"
    assert doc.title == "General Staff: Russian losses pass one million"


def test_empty_stdin_is_a_failure() -> None:
    assert _read("-", stdin=io.StringIO("")) == [IngestFailure("<stdin>", "empty file")]


def test_url_with_html_content_type_is_extracted() -> None:
    url = "https://news.example.org/a"
    fetcher = FakeFetcher(
        {url: FetchResult(url=url + "?final", body=PAGE.read_bytes(), content_type="text/html")}
    )
    (doc,) = _read(url, fetcher=fetcher)
    assert isinstance(doc, Document)
    assert doc.origin == url
    assert "one million" in doc.text


def test_url_with_feed_content_type_gives_one_document_per_entry() -> None:
    url = "https://news.example.org/rss"
    fetcher = FakeFetcher(
        {url: FetchResult(url=url, body=FEED.read_bytes(), content_type="application/rss+xml")}
    )
    items = _read(url, fetcher=fetcher)
    assert len(items) == 3 and all(isinstance(i, Document) for i in items)


def test_url_body_is_sniffed_when_content_type_is_vague() -> None:
    url = "https://news.example.org/feed"
    fetcher = FakeFetcher(
        {url: FetchResult(url=url, body=FEED.read_bytes(), content_type="application/octet-stream")}
    )
    assert len(_read(url, fetcher=fetcher)) == 3


def test_plain_text_url_gets_its_final_url() -> None:
    url = "https://news.example.org/t"
    fetcher = FakeFetcher(
        {url: FetchResult(url=url + "/final", body=b"Plain report.", content_type="text/plain")}
    )
    (doc,) = _read(url, fetcher=fetcher)
    assert isinstance(doc, Document) and doc.url == url + "/final" and doc.origin == url


def test_unreachable_url_is_a_failure_and_the_next_source_is_read() -> None:
    good = "https://news.example.org/ok"
    fetcher = FakeFetcher({good: FetchResult(url=good, body=b"Fine.", content_type="text/plain")})
    items = _read("https://down.example.org/", good, fetcher=fetcher)
    assert items[0] == IngestFailure(
        "https://down.example.org/", "could not connect (connection refused)"
    )
    assert isinstance(items[1], Document)


def test_documents_are_streamed_not_collected(tmp_path: Path) -> None:
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": str(n), "text": f"doc {n}"}) + "\n" for n in range(5)),
        encoding="utf-8",
    )
    stream = read_sources([str(corpus), str(tmp_path / "missing.txt")])
    first = next(stream)
    assert isinstance(first, Document) and first.id == "0"


@pytest.mark.parametrize("name", ["note.txt", "note.md"])
def test_cp1251_text_file_is_decoded(tmp_path: Path, name: str) -> None:
    text = "Генштаб ЗСУ оновив дані про втрати противника станом на ранок. " * 3
    path = tmp_path / name
    path.write_bytes(text.encode("cp1251"))
    (doc,) = _read(str(path))
    assert isinstance(doc, Document) and doc.text == text
