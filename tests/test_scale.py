"""Planning shards: a corpus cut into files and JSONL byte ranges reads as a single read does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from scale_helpers import corpus, jsonl_line

from claimledger.ingest import IngestFailure, read_sources
from claimledger.ingest.shards import plan_shards, read_shard
from claimledger.model import Document


def _key(item: Document | IngestFailure) -> tuple[object, ...]:
    if isinstance(item, IngestFailure):
        return ("failure", item.source, item.reason)
    return (item.id, item.origin, item.content_hash, item.meta.get("line"))


@pytest.mark.parametrize("shard_bytes", [1, 300, 1_000, 10**9])
def test_shards_read_as_a_single_read(tmp_path: Path, shard_bytes: int) -> None:
    root = corpus(tmp_path / "c")
    sources = [str(root), str(tmp_path / "missing.jsonl")]
    shards = list(plan_shards(sources, shard_bytes=shard_bytes))
    planned = [_key(i) for s in shards for i in read_shard(s)]
    assert planned == [_key(i) for i in read_sources(sources)]
    assert [s.index for s in shards] == list(range(len(shards)))
    if shard_bytes == 300:
        ranges = [p for s in shards for p in s.parts if p.end is not None]
        assert len([p for p in ranges if p.source.endswith("a.jsonl")]) > 3  # a.jsonl is cut
        assert not any(p.source.endswith(".gz") for p in ranges)  # a gzipped file is not


def test_ranges_cut_at_line_starts_and_cover_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(jsonl_line(i) for i in range(30)) + "\n", encoding="utf-8")
    (shard,) = plan_shards([str(path)], shard_bytes=10**9)
    assert shard.parts[0].end is None  # small enough to read whole
    parts = [p for s in plan_shards([str(path)], shard_bytes=500) for p in s.parts]
    data = path.read_bytes()
    assert parts[0].start == 0 and parts[-1].end == len(data)
    for before, after in zip(parts, parts[1:], strict=False):
        assert before.end == after.start and data[after.start - 1:after.start] == b"\n"
        assert after.first_line == data[:after.start].count(b"\n") + 1


def test_shard_ids_are_stable_and_distinct(tmp_path: Path) -> None:
    root = corpus(tmp_path / "c")
    first = [s.id for s in plan_shards([str(root)], shard_bytes=300)]
    assert first == [s.id for s in plan_shards([str(root)], shard_bytes=300)]
    assert len(set(first)) == len(first)


def test_a_blank_only_file_is_read_whole_for_its_failure(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n" * 5000)
    shards = list(plan_shards([str(path)], shard_bytes=100))
    assert len(shards) == 1 and shards[0].parts[0].end is None
    assert [str(i) for i in read_shard(shards[0])] == [f"{path}: no documents"]


def test_standard_input_is_read_by_the_planner_and_shipped_as_documents(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "\n".join(jsonl_line(i) for i in range(9)) + "\n{broken\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    shards = list(plan_shards(["-"], shard_bytes=400))
    assert len(shards) > 2 and all(not s.parts for s in shards)
    planned = [_key(i) for s in shards for i in read_shard(s)]
    assert planned == [_key(i) for i in read_sources(["-"], stdin=io.StringIO(text))]
    assert planned[-1][0] == "failure"
