"""Decoding inputs: UTF-8 first, declared charsets, detection, and refusing binary or empty."""

from __future__ import annotations

import codecs

import pytest

from claimledger.errors import ParseError
from claimledger.ingest.text import declared_charset, decode_bytes, parse_text

CYRILLIC = "Генштаб ЗСУ повідомив про втрати противника за минулу добу на фронті."


def test_utf8_text_is_kept_exactly() -> None:
    raw = "Line one\r\nLine two — with a dash\n"
    doc = parse_text(raw.encode("utf-8"), "a.txt")
    assert doc.text == raw
    assert doc.origin == "a.txt"
    assert doc.id == ""


def test_utf8_byte_order_mark_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Київ".encode(), "x") == "Київ"


def test_utf16_with_byte_order_mark_is_decoded_not_called_binary() -> None:
    assert decode_bytes("Харків".encode("utf-16"), "x") == "Харків"


def test_declared_charset_decodes_cp1251() -> None:
    data = CYRILLIC.encode("cp1251")
    assert decode_bytes(data, "x", declared="windows-1251") == CYRILLIC


def test_charset_in_meta_tag_is_found() -> None:
    head = b'<html><head><meta charset="windows-1251"></head>'
    assert declared_charset(head) == "windows-1251"
    assert declared_charset(b'<?xml version="1.0" encoding="KOI8-R"?><rss/>') == "koi8-r"


def test_undeclared_cp1251_is_detected() -> None:
    text = (CYRILLIC + " ") * 5
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_binary_file_is_refused() -> None:
    with pytest.raises(ParseError, match="binary file"):
        parse_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "img.png")


def test_control_characters_count_as_binary() -> None:
    with pytest.raises(ParseError, match="binary file"):
        decode_bytes(bytes(range(1, 32)) * 20, "x")


def test_empty_file_is_a_failure() -> None:
    with pytest.raises(ParseError, match="empty file"):
        parse_text(b"", "e.txt")


def test_whitespace_only_file_is_a_failure() -> None:
    with pytest.raises(ParseError, match="only whitespace"):
        parse_text(b"  \n\t\n", "e.txt")


def test_parse_error_names_the_input() -> None:
    with pytest.raises(ParseError) as info:
        parse_text(b"", "reports/empty.txt")
    assert info.value.source == "reports/empty.txt"
    assert str(info.value) == "reports/empty.txt: empty file"


def test_a_plain_text_is_titled_by_its_first_line() -> None:
    data = b"\nCourts swamped with cases\n\nThe ministry said 1,200 cases were heard."
    doc = parse_text(data, "a.txt")
    assert doc.title == "Courts swamped with cases"
