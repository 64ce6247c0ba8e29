"""Analyses written for the store tests (made-up reports, one record of every kind)."""

from __future__ import annotations

from claimledger.model import Analysis, Attribution, Check, Document, Hedge, Quantity, TimeExpr
from claimledger.pipeline import CanonicalFn, MetricFn, with_registries

ALIASES = {"the regional governor": "Regional Governor", "Ministry": "Ministry of Defence"}


def canonical(name: str) -> str:
    """A stand-in for the source registry: a few fixed aliases, else the name itself."""
    return ALIASES.get(name, name)


def span(text: str, surface: str) -> tuple[int, int, str]:
    """Offsets of the first ``surface`` in ``text``."""
    start = text.index(surface)
    return start, start + len(surface), surface


STORY = (
    "Overnight, the regional governor said, citing the Ministry, that about 42 craft were "
    "launched since November 2024 and 38 were downed, or 90.5%. It is likely that "
    "repairs will take up to 10 days."
)


def make_analysis(
    lead: str = "",
    *,
    doc_id: str = "t001",
    title: str | None = "Drone strikes on the grid",
    outlet: str | None = "Test Wire",
    published: str | None = "2024-11-20",
    sources: tuple[str, ...] = ("the regional governor", "Ministry"),
    period_to: str | None = "2024-11",
    canonical: CanonicalFn = canonical,
    metric_of: MetricFn | None = None,
) -> Analysis:
    """A made-up report with one record of every kind, all fields set.

    ``lead`` is put before the story so that several documents have different texts. The
    figures' canonical sources are read off ``canonical`` (a few fixed aliases) and their
    metrics off ``metric_of`` (else the bundled metric definitions), as the pipeline does.
    """
    text = lead + STORY
    doc = Document(
        text=text, id=doc_id, url="https://example.test/a", title=title, outlet=outlet,
        published=published, language="en", origin="fixture.jsonl", meta={"feed": "x"},
    )
    q42 = Quantity(*span(text, "42"), value=42, kind="count", approx="about", what="drones",
                   period_from="2024-11", period_to=period_to, sources=sources)
    q38 = Quantity(*span(text, "38"), value=38, what="shot down", sources=sources,
                   period_to=period_to)
    q_pct = Quantity(*span(text, "90.5%"), value=90.5, kind="percent", sources=sources)
    q10 = Quantity(*span(text, "10 days"), value=10, kind="duration", unit="day",
                   approx="at_most", value_high=12.0, change=True, what="repairs")
    return Analysis(
        document=doc,
        quantities=with_registries(doc, (q42, q38, q_pct, q10), canonical=canonical,
                                   metric_of=metric_of),
        times=(
            TimeExpr(*span(text, "since November 2024"), type="period", from_="2024-11"),
            TimeExpr(*span(text, "Overnight"), type="date", value="2024-11-20"),
        ),
        hedges=(Hedge(*span(text, "likely"), term="likely", low=0.55, high=0.75),),
        attributions=(Attribution(*span(text, "citing the Ministry"), chain=sources),),
        checks=(
            Check("percent_of", "consistent", "38 of 42 is 90.5%", percent=2, part=1, whole=0),
            Check("sum", "inconsistent", "made up to have a failure", whole=0, parts=(1, 3)),
        ),
    )
