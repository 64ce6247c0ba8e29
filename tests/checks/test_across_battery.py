"""The across-report linking on the held-out relay battery (``tests/fixtures/across_battery.jsonl``,
reports of our own in en/ru/uk/de; ``scripts/eval_across_battery.py`` scores it as a whole).
Here: properties an analyst relies on, figure by figure."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from claimledger.api import analyze
from claimledger.checks.across_export import export_linked_claims
from claimledger.store import open_ledger

BATTERY = Path(__file__).parents[1] / "fixtures" / "across_battery.jsonl"
MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]+)(\|!)?\]\]")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, object]]:
    """(report id, written figure) -> its exported row, for the marked figures."""
    tmp = tmp_path_factory.mktemp("battery")
    ledger = open_ledger(str(tmp / "l.sqlite"))
    marked: list[tuple[str, int, str]] = []
    try:
        for line in BATTERY.read_text(encoding="utf-8").splitlines():
            rep = json.loads(line)
            text, pos = "", 0
            for m in MARK.finditer(rep["text"]):
                text += rep["text"][pos:m.start()]
                marked.append((rep["id"], len(text), m.group(1)))
                text += m.group(1)
                pos = m.end()
            text += rep["text"][pos:]
            analysis = analyze(text, language=rep["language"], url=rep["url"],
                               published=rep["published"], outlet=rep["outlet"])
            ledger.save(replace(analysis, document=replace(analysis.document, id=rep["id"])))
        out = tmp / "claims.jsonl"
        export_linked_claims(ledger, "jsonl", str(out))
    finally:
        ledger.close()
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()]
    found: dict[tuple[str, str], dict[str, object]] = {}
    for doc, start, written in marked:
        for row in rows:
            if row["doc"] == doc and row["start"] <= start < row["end"]:
                found[(doc, written)] = row
    assert len(found) == len(marked), "every marked figure is extracted"
    return found


def test_one_days_total_relayed_in_four_languages_is_one_claim(linked: dict) -> None:
    rows = [linked[k] for k in (("b01", "876720"), ("b02", "876,720"), ("b03", "876.720"),
                                ("b04", "876 720"))]
    assert len({r["claim"] for r in rows}) == 1
    assert len({r["series"] for r in rows}) == 1
    assert not any(r["conflict"] for r in rows)


def test_another_days_total_is_another_claim_of_the_same_series(linked: dict) -> None:
    a, b = linked[("b02", "876,720")], linked[("b05", "999,200")]
    assert a["claim"] != b["claim"]
    assert a["series"] == b["series"]


def test_two_sources_of_one_number_are_two_claims(linked: dict) -> None:
    pentagon, nis = linked[("b14", "10,000")], linked[("b11", "15,000")]
    assert pentagon["claim"] != nis["claim"]


def test_relays_of_one_nights_attack_are_one_claim(linked: dict) -> None:
    rows = [linked[(d, "479")] for d in ("b18", "b19", "b20")]
    assert len({r["claim"] for r in rows}) == 1
