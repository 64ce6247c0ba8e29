"""Events across reports: relays of one dated action, and dates that cannot both be right."""

from __future__ import annotations

from claimledger.checks.events_view import event_key, event_rows
from claimledger.model import Analysis, Document, Event


def report(doc_id: str, outlet: str, *events: Event) -> Analysis:
    return Analysis(Document(text="x" * 200, id=doc_id, outlet=outlet), events=events)


def approve(date: str | None, actor: str = "Vladimir Putin",
            obj: str = "the Navy strategy") -> Event:
    return Event(0, 8, "approved", "approve", actor=actor, object=obj, date=date)


def test_one_action_relayed_by_several_outlets_is_one_event() -> None:
    rows = event_rows([
        report("a", "one.example", approve("2025-05-30")),
        report("b", "two.example", approve("2025-05-30", actor="Putin",
                                            obj="Russia's Navy strategy")),
    ])
    assert len({r.event for r in rows}) == 1
    assert all(r.relays == 2 and not r.conflict for r in rows)


def test_dates_that_cannot_both_be_right_are_a_conflict() -> None:
    rows = event_rows([
        report("a", "one.example", approve("2025-05-30")),
        report("b", "two.example", approve("2025-06-09")),
    ])
    assert all(r.conflict for r in rows)


def test_a_month_and_a_day_in_it_are_no_conflict() -> None:
    rows = event_rows([
        report("a", "one.example", approve("2025-05")),
        report("b", "two.example", approve("2025-05-30")),
    ])
    assert not any(r.conflict for r in rows)


def test_actions_without_actor_or_object_are_not_merged() -> None:
    assert event_key("sign", None, None) is None
    rows = event_rows([
        report("a", "one.example", Event(0, 6, "signed", "sign", date="2024-06")),
        report("b", "two.example", Event(0, 6, "signed", "sign", date="2025-02")),
    ])
    assert len({r.event for r in rows}) == 2 and not any(r.conflict for r in rows)


def test_different_actors_are_different_events() -> None:
    rows = event_rows([
        report("a", "one.example", approve("2025-05-30")),
        report("b", "two.example", approve("2025-06-09", actor="the Duma")),
    ])
    assert len({r.event for r in rows}) == 2 and not any(r.conflict for r in rows)
