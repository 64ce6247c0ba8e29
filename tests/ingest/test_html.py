"""HTML pages: the article's text and metadata, page furniture left out."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger.ingest.html as html_module
from claimledger.errors import ParseError
from claimledger.ingest.html import (
    document_from_html,
    html_to_text,
    iso_date,
    looks_like_html,
    parse_html,
)
from claimledger.model import Document

SAMPLE = Path(html_module.__file__).resolve().parent.parent / "samples" / "sample_page.html"


@pytest.fixture(scope="module")
def sample_doc() -> Document:
    return parse_html(SAMPLE.read_bytes(), str(SAMPLE))


def test_article_text_is_extracted(sample_doc: Document) -> None:
    assert "lost more than one million personnel" in sample_doc.text
    assert "around 1,000" in sample_doc.text


def test_navigation_and_footer_are_left_out(sample_doc: Document) -> None:
    assert "About us" not in sample_doc.text
    assert "All rights reserved" not in sample_doc.text
    assert "Privacy" not in sample_doc.text


def test_metadata_comes_from_the_page(sample_doc: Document) -> None:
    assert sample_doc.title == "General Staff: Russian losses pass one million"
    assert sample_doc.outlet == "Sample Ledger News"
    assert sample_doc.published == "2025-06-12"
    assert sample_doc.url == "https://news.example.org/2025/06/12/losses-one-million"
    assert sample_doc.origin == str(SAMPLE)
    assert sample_doc.id == ""


def test_page_without_article_text_is_a_failure() -> None:
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body>"
    with pytest.raises(ParseError, match="no article text"):
        parse_html(page, "menu.html")


def test_empty_html_file_is_a_failure() -> None:
    with pytest.raises(ParseError, match="empty file"):
        parse_html(b"   ", "blank.html")


def test_cp1251_page_is_decoded_by_its_meta_charset() -> None:
    body = "Генштаб ЗСУ оновив дані про втрати противника станом на ранок четверга. " * 4
    page = (
        '<html><head><meta charset="windows-1251"><title>Втрати</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    ).encode("cp1251")
    doc = parse_html(page, "ua.html")
    assert "Генштаб ЗСУ оновив дані" in doc.text


def test_document_from_html_takes_text_markup() -> None:
    markup = SAMPLE.read_text(encoding="utf-8")
    doc = document_from_html(markup, origin="<html>")
    assert doc.origin == "<html>"
    assert "one million" in doc.text


def test_html_is_sniffed_from_its_start() -> None:
    assert looks_like_html(b"\n<!DOCTYPE html><html>")
    assert looks_like_html(b"<HTML lang='uk'>")
    assert not looks_like_html(b"Plain words about <b>tags</b> in a text file.")


def test_fragment_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = "<p>First\n  line &amp; more</p><script>alert(1)</script><p>Second</p>"
    assert html_to_text(fragment) == "First line & more\nSecond"


def test_iso_date_keeps_only_a_leading_date() -> None:
    assert iso_date("2025-06-12T09:30:00+03:00") == "2025-06-12"
    assert iso_date("June 12") is None
    assert iso_date(None) is None
