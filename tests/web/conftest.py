"""Fixtures of the web tests: a SQLite ledger in tmp_path seeded with hand-made analyses,
an app over it, and a small deterministic analyzer for ingest (numbers and hedges by regex)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimledger.model import (
    Analysis,
    Attribution,
    Check,
    Document,
    Hedge,
    Quantity,
    TimeExpr,
)
from claimledger.pipeline import with_registries
from claimledger.store import Ledger, open_ledger
from claimledger.web import WebSettings, create_app

EVAC_TEXT = (
    "According to the regional governor, 1,240 civilians were evacuated from the town "
    "between 1 and 20 May 2024. About 30% of them were children: 372 children left. "
    "Officials said 400 of them were older people, roughly 40% of the total. "
    "More people will probably leave next week."
)
LATER_TEXT = (
    "The regional governor said 1,100 civilians had been evacuated since 1 May 2024, "
    "as of 10 June 2024."
)
HOSTILE_TITLE = '<script>alert("title")</script>'
HOSTILE_TEXT = (
    "Officials said <img src=x onerror=alert(1)> 25 drones were shot down. "
    "<script>alert('text')</script> and 3 more were \"jammed\" & lost."
)


def registered(analysis: Analysis) -> Analysis:
    """``analysis`` with its figures' metrics and canonical sources read off the registries,
    as the pipeline gives them to the store."""
    return replace(analysis, quantities=with_registries(analysis.document, analysis.quantities))


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def quantity(text: str, needle: str, value: float, **kw: object) -> Quantity:
    start, end = span(text, needle)
    return Quantity(start=start, end=end, text=needle, value=value, **kw)  # type: ignore[arg-type]


def evac_analysis() -> Analysis:
    """A report with two percent checks (one fails), a period and a hedge."""
    t = EVAC_TEXT
    chain = ("regional governor",)
    quantities = (
        quantity(
            t,
            "1,240",
            1240,
            what="civilians evacuated",
            sources=chain,
            period_from="2024-05-01",
            period_to="2024-05-20",
        ),
        quantity(t, "30%", 30, kind="percent", approx="about", what="children", sources=chain),
        quantity(t, "372", 372, what="children", sources=chain),
        quantity(t, "400", 400, what="older people", sources=chain),
        quantity(t, "40%", 40, kind="percent", approx="about", what="older people"),
    )
    ds, de = span(t, "between 1 and 20 May 2024")
    hs, he = span(t, "probably")
    as_, ae = span(t, "According to the regional governor")
    return registered(Analysis(
        document=Document(
            text=t,
            title="Evacuations from the town",
            outlet="Test Wire",
            published="2024-05-21",
            url="https://example.org/evac",
            language="en",
        ),
        quantities=quantities,
        times=(TimeExpr(ds, de, t[ds:de], "period", from_="2024-05-01", to="2024-05-20"),),
        hedges=(Hedge(hs, he, "probably", "likely", 0.55, 0.75),),
        attributions=(Attribution(as_, ae, t[as_:ae], chain),),
        checks=(
            Check("percent_of", "consistent", "372 is 30.0% of 1,240", percent=1, part=2, whole=0),
            Check(
                "percent_of",
                "inconsistent",
                "400 is 32.3% of 1,240, not 40%",
                percent=4,
                part=3,
                whole=0,
            ),
        ),
    ))


def later_analysis() -> Analysis:
    """A later report of the same running total, lower than the first: a flagged decrease."""
    t = LATER_TEXT
    q = quantity(
        t,
        "1,100",
        1100,
        what="civilians evacuated",
        sources=("regional governor",),
        period_from="2024-05-01",
        period_to="2024-06-10",
    )
    doc = Document(
        text=t,
        title="Evacuation update",
        outlet="Other Post",
        published="2024-06-11",
        language="en",
    )
    return registered(Analysis(document=doc, quantities=(q,)))


def hostile_analysis() -> Analysis:
    """A report whose title and text carry markup that must render as text."""
    t = HOSTILE_TEXT
    q = quantity(t, "25", 25, what='drones <b>"shot"</b>', sources=("<i>onerror=x</i>",))
    doc = Document(text=t, title=HOSTILE_TITLE, outlet="<b>Bad & Co</b>", published="2024-07-01")
    return registered(Analysis(document=doc, quantities=(q,)))


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?%?")
_HEDGES = {"probably": ("likely", 0.55, 0.75), "almost certainly": ("almost certain", 0.95, 1.0)}


def regex_analyze(doc: Document) -> Analysis:
    """A tiny stand-in pipeline: every number is a figure, a few words are hedges."""
    doc = replace(doc.with_id(), language=doc.language or "en")
    quantities = []
    for m in _NUMBER.finditer(doc.text):
        raw = m.group(0)
        value = float(raw.rstrip("%").replace(",", ""))
        kind = "percent" if raw.endswith("%") else "count"
        quantities.append(Quantity(m.start(), m.end(), raw, value, kind))  # type: ignore[arg-type]
    hedges = []
    for word, (term, low, high) in _HEDGES.items():
        for m in re.finditer(re.escape(word), doc.text):
            hedges.append(Hedge(m.start(), m.end(), m.group(0), term, low, high))
    return registered(Analysis(document=doc, quantities=tuple(quantities), hedges=tuple(hedges)))


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """An empty SQLite ledger in a temporary folder."""
    led = open_ledger(str(tmp_path / "ledger.sqlite"))
    yield led
    led.close()


@pytest.fixture
def ids(ledger: Ledger) -> dict[str, str]:
    """The seeded reports' ids by name."""
    return {
        name: ledger.save(make())[0]
        for name, make in (
            ("evac", evac_analysis),
            ("later", later_analysis),
            ("hostile", hostile_analysis),
        )
    }


@pytest.fixture
def settings() -> WebSettings:
    """Settings with the regex analyzer and a small upload cap."""
    return WebSettings(analyze=regex_analyze, max_upload_bytes=2048)


@pytest.fixture
def client(ledger: Ledger, settings: WebSettings) -> Iterator[TestClient]:
    """A client of an app over the (unseeded unless ``ids`` is used) ledger."""
    with TestClient(create_app(ledger, settings), base_url="http://127.0.0.1") as c:
        yield c
