"""Names and texts no UTF-8 store takes are stored in a faithful form, never raised (issue 15).

A file name that is not UTF-8 reaches Python as surrogate escapes, and a JSONL line may hold a
lone surrogate (``\\ud800``) in its text or title: both made the SQLite insert raise
``UnicodeEncodeError`` and stored nothing.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from claimledger.api import ingest_sources
from claimledger.ingest.base import escaped_name, without_surrogates
from claimledger.ingest.sources import read_sources
from claimledger.model import Document
from claimledger.store import open_ledger


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8_is_stored_with_its_bytes_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"depot\xff\xfe.txt"), "wb") as f:
        f.write(b"The depot sent 14 buses to the town.")
    (folder / "port.txt").write_text("The port handled 40 ships.", encoding="utf-8")
    ledger = open_ledger(str(tmp_path / "l.db"))
    report = ingest_sources([str(folder)], ledger)
    assert (report.stored, report.failures) == (2, [])
    rows = ledger.documents(limit=10, offset=0)
    origins = sorted(ledger.get(r.id).document.origin or "" for r in rows)
    assert origins == [f"{folder}/depot\\xff\\xfe.txt", f"{folder}/port.txt"]


def test_lone_surrogates_in_a_line_are_stored_as_replacement_characters(tmp_path: Path) -> None:
    text = "A lone half \ud800 of a pair; 7 trucks came."
    lines = [
        json.dumps({"id": "s\udc01", "text": text, "title": "Trucks \udfff", "section": "\ud800"}),
        json.dumps({"id": "t", "text": "The mill hired 30 workers."}),
    ]
    path = tmp_path / "s.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [d for d in read_sources([str(path)]) if isinstance(d, Document)]
    assert docs[0].text == text.replace("\ud800", "\ufffd") and len(docs[0].text) == len(text)
    assert docs[0].title == "Trucks \ufffd" and docs[0].id == "s\\udc01"
    assert docs[0].meta["repaired"] == ["id", "text", "title"]
    ledger = open_ledger(str(tmp_path / "l.db"))
    report = ingest_sources([str(path)], ledger)
    assert (report.stored, report.failures) == (2, [])


def test_escaped_name_and_replacement_keep_everything_else() -> None:
    assert escaped_name("r\udcff\udc80.txt") == "r\\xff\\x80.txt"
    assert escaped_name("half \ud800") == "half \\ud800"
    assert escaped_name("Київ €.txt") == "Київ €.txt"
    assert without_surrogates("a\udfffb") == "a\ufffdb"
    assert without_surrogates("😀 ok") == "😀 ok"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_names_and_titles_reach_the_terminal_inert(tmp_path: Path) -> None:
    """A file name or title with a newline, an escape sequence or a bidirectional override
    faked lines, recoloured or retitled the terminal (issue 15): names are escaped, titles and
    outlets made one line of words."""
    page = tmp_path / "p\x1b[31m\n.html"
    page.write_bytes(
        b"<html><head><title>Real\x1b]0;pwned\x07\nFAKE \xe2\x80\xae title</title></head>"
        b"<body><p>Officials said 5 drones fell in the city.</p></body></html>"
    )
    docs = [d for d in read_sources([str(tmp_path)]) if isinstance(d, Document)]
    assert len(docs) == 1
    assert docs[0].origin == f"{tmp_path}/p\\x1b[31m\\n.html"
    assert docs[0].title is not None
    assert not any(ord(c) < 0x20 or c == "\u202e" for c in docs[0].title)
    assert "FAKE" in docs[0].title and "pwned" in docs[0].title


def test_control_characters_in_names_are_escaped() -> None:
    assert escaped_name("a\nb\tc\x1b[0m\u202e") == "a\\nb\\tc\\x1b[0m\\u202e"
