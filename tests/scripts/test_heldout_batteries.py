"""The held-out batteries are well-formed: offsets, shapes and marks (not scores: those are
measured by ``scripts/eval_extract_battery.py`` and ``scripts/eval_across_battery.py``)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTRACT = ROOT / "tests" / "fixtures" / "extract_battery"
ACROSS = ROOT / "tests" / "fixtures" / "across_battery.jsonl"
QUANTITY_KEYS = {"text", "value", "value_high", "kind", "unit", "approx", "change", "what",
                 "period_from", "period_to", "sources", "start", "end", "series", "claim"}
KINDS = {"count", "percent", "money", "duration", "measure", "ratio", "other"}
APPROX = {"exact", "about", "over", "under", "at_least", "at_most"}
TERMS = {"remote chance", "highly unlikely", "unlikely", "realistic possibility", "likely",
         "probable", "highly likely", "almost certain"}
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


DOCS = {d["id"]: d for d in _load(EXTRACT / "docs.jsonl")}
GOLD = {g["id"]: g for g in _load(EXTRACT / "gold.jsonl")}


def _date_ok(x: object) -> bool:
    return x is None or (isinstance(x, str) and bool(PARTIAL_DATE.match(x)))


def test_battery_holds_ten_reports_per_language_of_80_to_250_words() -> None:
    assert set(DOCS) == set(GOLD)
    langs = [d["language"] for d in DOCS.values()]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 10, "ru": 10, "uk": 10,
                                                                 "de": 10}
    for doc in DOCS.values():
        assert 80 <= len(doc["text"].split()) <= 250, doc["id"]
        assert {"id", "url", "outlet", "language", "published", "text"} <= set(doc)
        assert _date_ok(doc["published"])


def test_generated_files_match_the_marked_source() -> None:
    docs, golds = _module(EXTRACT / "build.py").build(EXTRACT / "reports.txt")
    assert {d["id"]: d for d in docs} == DOCS
    assert {g["id"]: g for g in golds} == GOLD


@pytest.mark.parametrize("rid", sorted(GOLD))
def test_every_span_is_its_text(rid: str) -> None:
    text = DOCS[rid]["text"]
    for field in ("quantities", "times", "hedges"):
        for item in GOLD[rid][field]:
            assert text[item["start"]:item["end"]] == item["text"], (field, item)


@pytest.mark.parametrize("rid", sorted(GOLD))
def test_quantities_have_the_contract_shape(rid: str) -> None:
    for q in GOLD[rid]["quantities"]:
        assert QUANTITY_KEYS <= set(q), q["text"]
        assert q["kind"] in KINDS and q["approx"] in APPROX and isinstance(q["change"], bool)
        assert isinstance(q["value"], (int, float))
        assert q["value_high"] is None or q["value_high"] > q["value"]
        assert (q["unit"] is not None) == (q["kind"] in ("money", "duration", "measure"))
        assert q["what"] and isinstance(q["sources"], list)
        assert all(isinstance(s, str) and s for s in q["sources"])
        for alt in q.get("sources_alt", []):
            assert isinstance(alt, list) and alt != q["sources"]
        assert _date_ok(q["period_from"]) and _date_ok(q["period_to"])
        if q["kind"] == "duration":
            assert q["period_from"] is None and q["period_to"] is None, q["text"]


@pytest.mark.parametrize("rid", sorted(GOLD))
def test_times_hedges_and_checks_have_the_contract_shape(rid: str) -> None:
    gold = GOLD[rid]
    for t in gold["times"]:
        if t["type"] == "period":
            assert _date_ok(t["from"]) and _date_ok(t["to"]) and (t["from"] or t["to"])
        else:
            assert t["type"] == "date" and _date_ok(t["value"])
    assert all(h["term"] in TERMS for h in gold["hedges"])
    n = len(gold["quantities"])
    for chk in gold["checks"]:
        assert chk["status"] in ("consistent", "inconsistent", "ambiguous") and chk["explanation"]
        refs = [chk.get(k) for k in ("percent", "part", "whole")] + list(chk.get("parts") or [])
        assert all(r is None or 0 <= r < n for r in refs)
        if chk["kind"] in ("percent_of", "percent_change"):
            assert chk["percent"] is not None and chk["part"] is not None
        elif chk["kind"] == "sum":
            assert chk["whole"] is not None and len(chk["parts"]) >= 2
        else:
            assert chk["kind"] == "change" and chk["part"] is not None and chk["parts"]


def test_sums_and_changes_hold_unless_planted() -> None:
    planted = 0
    for gold in GOLD.values():
        qs = gold["quantities"]
        for chk in gold["checks"]:
            planted += chk["status"] == "inconsistent"
            if chk["kind"] not in ("sum", "change"):
                continue
            whole = qs[chk["whole"]]["value"]
            parts = sum(qs[i]["value"] for i in chk["parts"])
            parts += qs[chk["part"]]["value"] if chk["kind"] == "change" else 0
            exact = abs(parts - whole) <= 1e-6 * max(1.0, abs(whole))
            assert exact == (chk["status"] == "consistent"), (gold["id"], chk)
    assert planted == 8


ACROSS_MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]+)(\|!)?\]\]")


def test_across_battery_marks_are_well_formed() -> None:
    reports = _load(ACROSS)
    assert len({r["id"] for r in reports}) == len(reports)
    claims_series: dict[str, str] = {}
    for rep in reports:
        assert {"id", "language", "outlet", "url", "published", "text"} <= set(rep)
        marks = list(ACROSS_MARK.finditer(rep["text"]))
        assert marks, rep["id"]
        rest = ACROSS_MARK.sub("", rep["text"])
        assert "[[" not in rest and "]]" not in rest, rep["id"]
        for m in marks:
            assert claims_series.setdefault(m.group(3), m.group(2)) == m.group(2), m.group(0)
