"""JSONL corpora: the docs.jsonl shape, streamed; bad lines and gzip bombs are failures."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from claimledger.ingest.base import IngestFailure, IngestSettings
from claimledger.ingest.jsonl import MAX_BAD_RUN, read_jsonl_file, read_jsonl_stream
from claimledger.model import Document

ROW = {
    "id": "k1",
    "text": "Kyiv said 40 drones were shot down overnight.",
    "url": "https://k.example/1",
    "outlet": "Kyiv Desk",
    "language": "en",
    "published": "2025-06-18",
    "section": "war",
}


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_row_in_the_docs_shape_becomes_a_document(tmp_path: Path) -> None:
    path = _write(tmp_path / "docs.jsonl", [json.dumps(ROW)])
    (doc,) = list(read_jsonl_file(path, IngestSettings()))
    assert isinstance(doc, Document)
    assert doc.id == "k1"
    assert doc.text == ROW["text"]
    assert (doc.url, doc.outlet, doc.language, doc.published) == (
        "https://k.example/1",
        "Kyiv Desk",
        "en",
        "2025-06-18",
    )
    assert doc.origin == str(path)
    assert doc.meta["section"] == "war" and doc.meta["line"] == 1


def test_text_is_kept_exactly_for_offsets(tmp_path: Path) -> None:
    text = "  Leading spaces,\r\nCRLF and\ttabs \u00a0kept.  "
    path = _write(tmp_path / "d.jsonl", [json.dumps({"id": "x", "text": text})])
    (doc,) = list(read_jsonl_file(path, IngestSettings()))
    assert isinstance(doc, Document) and doc.text == text


def test_row_without_id_leaves_it_empty(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", [json.dumps({"text": "No id here."})])
    (doc,) = list(read_jsonl_file(path, IngestSettings()))
    assert isinstance(doc, Document) and doc.id == ""


def test_invalid_lines_name_file_and_line_and_others_go_on(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "d.jsonl",
        [
            json.dumps({"id": "a", "text": "First report."}),
            "{not json",
            "",
            json.dumps(["a", "list"]),
            json.dumps({"id": "b"}),
            json.dumps({"id": "c", "text": "Last report.", "url": 5}),
            json.dumps({"id": "d", "text": "Really last."}),
        ],
    )
    items = list(read_jsonl_file(path, IngestSettings()))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "d"]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:4", f"{path}:5", f"{path}:6"]
    assert failures[0].reason.startswith("invalid JSON")
    assert failures[1].reason == "not a JSON object but list"
    assert failures[2].reason == 'no "text" string'
    assert failures[3].reason == '"url" must be a string or null'


def test_invalid_utf8_line_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "\xff\xfe bad"}\n{"text": "good"}\n')
    items = list(read_jsonl_file(path, IngestSettings()))
    assert items[0] == IngestFailure(f"{path}:1", "invalid UTF-8")
    assert isinstance(items[1], Document)


def test_datetime_published_is_cut_to_its_date(tmp_path: Path) -> None:
    row = {"text": "t", "published": "2025-06-18T10:00:00Z"}
    other = {"text": "u", "published": "June"}
    path = _write(tmp_path / "d.jsonl", [json.dumps(row), json.dumps(other)])
    first, second = list(read_jsonl_file(path, IngestSettings()))
    assert isinstance(first, Document) and first.published == "2025-06-18"
    assert isinstance(second, Document) and second.published is None
    assert second.meta["published_raw"] == "June"


def test_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n in range(3):
            handle.write(json.dumps({"id": f"g{n}", "text": f"Report {n}."}) + "\n")
    items = list(read_jsonl_file(path, IngestSettings()))
    assert [i.id for i in items if isinstance(i, Document)] == ["g0", "g1", "g2"]


def test_gzip_bomb_is_stopped_at_the_decompressed_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(b'{"text": "x"}\n' * 200_000)
    items = list(read_jsonl_file(path, IngestSettings(max_decompressed_bytes=100_000)))
    reason = "decompressed size over the 100000 bytes cap; stopped"
    assert items[-1] == IngestFailure(str(path), reason)
    assert len(items) < 100_000 // 14 + 2


def test_long_run_of_lines_without_documents_stops_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(b'{"text": "first"}\n' + b"\n" * 50_000)
    items = list(read_jsonl_file(path, IngestSettings()))
    assert isinstance(items[0], Document)
    assert items[1:] == [
        IngestFailure(str(path), f"{MAX_BAD_RUN} lines in a row hold no document; stopped")
    ]


def test_oversized_line_is_a_failure_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "d.jsonl",
        [json.dumps({"text": "x" * 5000}), json.dumps({"id": "ok", "text": "small"})],
    )
    items = list(read_jsonl_file(path, IngestSettings(max_bytes=1024)))
    assert items[0] == IngestFailure(f"{path}:1", "line larger than the 1 KB cap")
    assert isinstance(items[1], Document) and items[1].id == "ok"


def test_not_gzip_data_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b'{"text": "plain"}\n')
    (failure,) = list(read_jsonl_file(path, IngestSettings()))
    assert isinstance(failure, IngestFailure)
    assert failure.source == str(path) and failure.reason.startswith("not a valid gzip file")


def test_empty_jsonl_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_bytes(b"")
    assert list(read_jsonl_file(path, IngestSettings())) == [IngestFailure(str(path), "empty file")]


def test_text_stream_is_read_too() -> None:
    stream = io.StringIO(json.dumps({"id": "s", "text": "From a pipe."}) + "\n")
    (doc,) = list(read_jsonl_stream(stream, "<stdin>", IngestSettings()))
    assert isinstance(doc, Document) and doc.id == "s"


def test_a_line_nested_too_deeply_is_a_failure_naming_it_and_later_lines_are_kept(
    tmp_path: Path,
) -> None:
    good = json.dumps({"id": "a", "text": "The council counted 12 new buses."})
    later = json.dumps({"id": "b", "text": "The port handled 40 ships in May."})
    deep = '{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([good, deep, later]) + "\n", encoding="utf-8")
    items = list(read_jsonl_file(path, IngestSettings()))
    assert [d.id for d in items if isinstance(d, Document)] == ["a", "b"]
    failures = [f for f in items if isinstance(f, IngestFailure)]
    assert len(failures) == 1
    assert failures[0].source == f"{path}:2"
    assert "nested too deeply" in failures[0].reason


def test_a_lone_surrogate_in_a_line_is_read_and_later_lines_are_kept(tmp_path: Path) -> None:
    lone = json.dumps({"id": "s", "text": "A lone half \ud800 of a pair; 7 trucks came."})
    later = json.dumps({"id": "t", "text": "The mill hired 30 workers."})
    path = tmp_path / "surrogate.jsonl"
    path.write_text(lone + "\n" + later + "\n", encoding="utf-8")
    items = list(read_jsonl_file(path, IngestSettings()))
    assert [d.id for d in items if isinstance(d, Document)] == ["s", "t"]
