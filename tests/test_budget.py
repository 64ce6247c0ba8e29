"""The per-document time budget (issue 15): a pathological document becomes a named failure,
the batch goes on, the run exits 1. No test here measures time: the clock is a counter that
moves one "second" each time it is read, so the budget is spent by the number of checkpoints a
document passes (between stages, and every ``TICKS_PER_CHECK`` steps of a stage's loop)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger import deadline
from claimledger.api import analyze_sources
from claimledger.cli import app
from claimledger.errors import ConfigError
from claimledger.ingest import IngestFailure
from claimledger.model import Analysis, Document
from claimledger.pipeline import (
    BUDGET_ENV,
    DEFAULT_BUDGET_SECONDS,
    analyze_document,
    budget_seconds,
)

GOOD = "The council said 120 homes were rebuilt in 2023, and 40 more are planned."
SOUP = "7 " * 6000  # 6,000 figures in one "sentence": many loop checkpoints
BUDGET = 40.0  # counter "seconds": a report passes a dozen checkpoints, the soup hundreds


class CountingClock:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture()
def counting_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[CountingClock]:
    clock = CountingClock()
    monkeypatch.setattr(deadline, "thread_clock", clock)
    yield clock


def test_a_report_runs_within_the_budget(counting_clock: CountingClock) -> None:
    a = analyze_document(Document(text=GOOD, id="good"), budget=BUDGET)
    assert [q.value for q in a.quantities] == [120, 40]
    assert counting_clock.now < BUDGET


def test_a_soup_past_the_budget_is_a_named_failure(counting_clock: CountingClock) -> None:
    with pytest.raises(deadline.BudgetExceeded) as caught:
        analyze_document(Document(text=SOUP, id="soup"), budget=BUDGET)
    assert caught.value.source == "soup"
    assert "time budget of 40 s" in caught.value.reason
    assert " in " in caught.value.reason  # the stage it was in is named


def test_the_soup_is_stopped_inside_a_stage_not_only_between_stages(
    counting_clock: CountingClock,
) -> None:
    # a budget larger than the checks between stages alone: only the loops' ticks can spend it
    stage_checks = 12
    with pytest.raises(deadline.BudgetExceeded) as caught:
        analyze_document(Document(text=SOUP, id="soup"), budget=float(stage_checks))
    assert "in quantities" in caught.value.reason or "in context" in caught.value.reason


def test_budget_zero_means_no_budget(counting_clock: CountingClock) -> None:
    a = analyze_document(Document(text="7 " * 600, id="soup"), budget=0)
    assert len(a.quantities) == 600


def test_the_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                               counting_clock: CountingClock) -> None:
    monkeypatch.setenv(BUDGET_ENV, str(BUDGET))
    assert budget_seconds() == BUDGET
    with pytest.raises(deadline.BudgetExceeded):
        analyze_document(Document(text=SOUP, id="soup"))
    monkeypatch.setenv(BUDGET_ENV, "0")
    assert len(analyze_document(Document(text="7 " * 600, id="s")).quantities) == 600


def test_default_budget_without_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BUDGET_ENV, raising=False)
    assert budget_seconds() == DEFAULT_BUDGET_SECONDS


@pytest.mark.parametrize("raw", ["soon", "-1", "nan"])
def test_a_bad_budget_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch,
                                                raw: str) -> None:
    monkeypatch.setenv(BUDGET_ENV, raw)
    with pytest.raises(ConfigError) as caught:
        budget_seconds()
    assert caught.value.source == BUDGET_ENV


def test_the_budget_is_per_document_and_restored_after(counting_clock: CountingClock) -> None:
    with pytest.raises(deadline.BudgetExceeded):
        analyze_document(Document(text=SOUP, id="soup"), budget=BUDGET)
    deadline.tick()  # no budget is left open after a document, failed or not
    deadline.check()
    a = analyze_document(Document(text=GOOD, id="good"), budget=BUDGET)
    assert len(a.quantities) == 2


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "first", "text": GOOD}, {"id": "soup", "text": SOUP},
             {"id": "last", "text": GOOD.replace("120", "130")}]
    path.write_text("".join(json.dumps(o) + "\n" for o in lines), encoding="utf-8")
    return path


def test_a_batch_records_the_soup_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              counting_clock: CountingClock) -> None:
    monkeypatch.setenv(BUDGET_ENV, str(BUDGET))
    items = list(analyze_sources([str(_corpus(tmp_path))]))
    assert [type(i) for i in items] == [Analysis, IngestFailure, Analysis]
    failure = items[1]
    assert isinstance(failure, IngestFailure)
    assert "soup" in failure.source and "time budget" in failure.reason
    last = items[2]
    assert isinstance(last, Analysis) and last.quantities[0].value == 130


def test_extract_exits_1_and_prints_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             counting_clock: CountingClock) -> None:
    monkeypatch.setenv(BUDGET_ENV, str(BUDGET))
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", str(_corpus(tmp_path))])
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines() if line.startswith("{")]
    assert ids == ["first", "last"]
    assert "time budget" in result.output
