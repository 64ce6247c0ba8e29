"""Series across reports, round 2: a count of the dead is one series whatever its counting
method, and an event's actor may be named in the sentence before the figure's own.

All sentences are written for these tests (en/ru/uk/de), with near misses."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from claimledger.checks.frames import (
    clause_of,
    counts_deaths,
    frame_of,
    list_clause_of,
    sentence_before,
)
from claimledger.checks.metrics import Metric
from claimledger.checks.things import thing_of
from claimledger.store.base import ClaimRow

NO_METRICS: list[Metric] = []
_NUMBER = re.compile(r"\d[\d ,.]*\d|\d")
_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=1, text="1", value=1, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="dead", period_from=None, period_to=None,
    sources=(), canonical_sources=(), metric=None, outlet="a.example", published="2024-05-02",
    url=None, title=None,
)


def _frame(sentence: str, what: str, before: str = ""):  # type: ignore[no-untyped-def]
    spans = [m.span() for m in _NUMBER.finditer(sentence)]
    start, end = spans[0]
    c = replace(_BASE, start=start, end=end, text=sentence[start:end], what=what)
    return frame_of(c, clause_of(sentence, start, end, spans), NO_METRICS,
                    list_clause_of(sentence, start, end, spans), False, "", before)


# --- the dead identified by name are a count of the dead, no scope of their own -----------


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Reporters have identified by name 61,000 dead soldiers.", "dead soldiers"),
        ("Журналисты установили имена 61 000 погибших военных.", "погибших военных"),
        ("Журналісти встановили імена 61 000 загиблих військових.", "загиблих військових"),
        ("Namentlich bekannt sind 61.000 getötete Soldaten.", "getötete Soldaten"),
    ],
)
def test_named_dead_share_the_series_of_the_dead(sentence: str, what: str) -> None:
    frame = _frame(sentence, what)
    assert frame is not None and counts_deaths(frame.thing)
    assert "method:" not in frame.scope


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Russia is visually confirmed to have lost 3,900 tanks.", "tanks"),
        ("Потери России визуально подтверждены: 3 900 танков.", "танков"),
        ("Візуально підтверджено втрату 3 900 російських танків.", "російських танків"),
        ("Russland hat visuell bestätigt 3.900 Panzer verloren.", "Panzer"),
    ],
)
def test_documented_equipment_keeps_its_method_scope(sentence: str, what: str) -> None:
    frame = _frame(sentence, what)
    assert frame is not None and frame.scope == "method:documented"


@pytest.mark.parametrize(
    ("thing", "deaths"),
    [
        ("auto:death+personnel", True),
        ("auto:death+personnel@north_korea", True),
        ("auto:loss+personnel", False),
        ("auto:destruction+equipment", False),
        ("ru_personnel_losses", False),
        ("auto:deathly", False),
    ],
)
def test_counts_deaths_reads_the_concepts(thing: str, deaths: bool) -> None:
    assert counts_deaths(thing) is deaths


# --- the sentence before, in one paragraph -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("North Korean units fought hard. About 3,000 men died.", "3,000",
         "North Korean units fought hard"),
        ("Северокорейские части несли потери. Около 3 000 человек погибли.", "3 000",
         "Северокорейские части несли потери"),
        ("Північнокорейські частини зазнали втрат. Близько 3 000 людей загинули.", "3 000",
         "Північнокорейські частини зазнали втрат"),
        ("Nordkoreanische Einheiten kämpften. Etwa 3000 Männer starben.", "3000",
         "Nordkoreanische Einheiten kämpften"),
        # near misses: a new paragraph, or no sentence before
        ("North Korean units fought hard.\nAbout 3,000 men died.", "3,000", ""),
        ("About 3,000 men died.", "3,000", ""),
    ],
)
def test_sentence_before_stays_in_the_paragraph(text: str, figure: str, expected: str) -> None:
    start = text.index(figure)
    assert sentence_before(text, start, start + len(figure)).strip() == expected


@pytest.mark.parametrize(
    ("what", "before", "actor"),
    [
        ("men died", "North Korean units fought hard", "north_korea"),
        ("человек погибли", "Северокорейские части несли потери", "north_korea"),
        ("людей загинули", "Північнокорейські частини зазнали втрат", "north_korea"),
        ("Männer starben", "Nordkoreanische Einheiten kämpften", "north_korea"),
        # near misses: no actor before; the reporting side named before; own actor wins
        ("men died", "The fighting was hard", "russia"),
        ("men died", "Ukraine's staff published its report", "russia"),
        ("Belarusian men died", "North Korean units fought hard", "belarus"),
    ],
)
def test_an_events_actor_from_the_sentence_before(what: str, before: str, actor: str) -> None:
    found = thing_of(what, "", (), "count", before)
    assert found is not None and found[1] == actor


def test_an_entity_alone_takes_no_actor_from_before() -> None:
    """Tanks are no event: the actor of the sentence before is not read for them."""
    found = thing_of("tanks", "", (), "count", "North Korean units fought hard")
    assert found is None or found[1] != "north_korea"
