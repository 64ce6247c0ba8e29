"""The analysis pipeline: run every stage over one document.

The last stage reads each figure's metric and the registry's names of its sources off the
metric definitions and the source registry (``with_registries``): what ``analyze`` returns is
what a ledger stores, and a store never computes either.

Each document is analysed under a time budget (``claimledger.deadline``): CPU seconds of the
analysing thread, ``DEFAULT_BUDGET_SECONDS`` unless ``$CLAIMLEDGER_BUDGET`` or the caller sets
another (0: none). A document that runs past it raises ``BudgetExceeded`` naming it and the
stage, which a batch records as that document's failure and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import cast

from . import deadline
from .checks.arithmetic import check_arithmetic
from .checks.metrics import METRICS_ENV, assign_metric, figure_context, load_metrics
from .errors import ConfigError
from .extract.attribution import attach_context, extract_attributions
from .extract.hedges import extract_hedges
from .extract.language import detect_language
from .extract.narrative import extract_narrative
from .extract.quantities import extract_quantities
from .extract.times import extract_times
from .model import Analysis, Document, Quantity
from .sources_registry import SourceRegistry, default_registry

MetricFn = Callable[[Quantity, Document], str | None]
CanonicalFn = Callable[[str], str]

NAME_CACHE_SIZE = 100_000  # written source names whose registry name is remembered
BUDGET_ENV = "CLAIMLEDGER_BUDGET"  # seconds of CPU one document may take (0: no budget)
# A news report takes milliseconds and the worst soups of issue 15 about 0.1 s per 10 KB: a
# minute is far past any real document of the ingest size cap, and ends a runaway one.
DEFAULT_BUDGET_SECONDS = 60.0


def budget_seconds() -> float:
    """The time budget of one document: ``$CLAIMLEDGER_BUDGET`` or the default."""
    raw = os.environ.get(BUDGET_ENV, "").strip()
    if not raw:
        return DEFAULT_BUDGET_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        raise ConfigError(BUDGET_ENV, f"not a number of seconds: {raw!r}") from None
    if seconds != seconds or seconds < 0:  # NaN or negative
        raise ConfigError(BUDGET_ENV, f"not a number of seconds >= 0: {raw!r}")
    return seconds


def registry_metric() -> MetricFn | None:
    """A metric classifier over the metric definitions (the bundled ones and the user's file
    named by ``$CLAIMLEDGER_METRICS``), or None while there are none."""
    metrics = load_metrics()
    if not metrics:
        return None

    def metric_of(q: Quantity, doc: Document) -> str | None:
        if not q.what:
            return None
        # the sentence around the figure is cut only when a fitting metric needs its words
        return cast(str | None, assign_metric(
            q.what, q.kind, q.unit, metrics,
            lambda: figure_context(doc.text, q.start, q.end)))

    return metric_of


@dataclass
class _Registries:
    """The default registries as last read: rebuilt when the source registry is reloaded or
    ``$CLAIMLEDGER_METRICS`` names another file."""

    registry: SourceRegistry
    metrics_file: str | None
    metric_of: MetricFn | None
    names: dict[str, str] = field(default_factory=dict)  # written name -> registry name

    def canonical(self, name: str) -> str:
        """The registry's name of ``name``, looked up once per distinct name."""
        found = self.names.get(name)
        if found is None:
            if len(self.names) >= NAME_CACHE_SIZE:
                self.names.clear()
            found = self.names[name] = self.registry.canonical(name)
        return found


_current: _Registries | None = None


def _default_registries() -> _Registries:
    global _current
    registry = default_registry()
    metrics_file = os.environ.get(METRICS_ENV) or None
    if _current is None or _current.registry is not registry or (
        _current.metrics_file != metrics_file
    ):
        _current = _Registries(registry, metrics_file, registry_metric())
    return _current


def with_registries(
    doc: Document,
    quantities: Iterable[Quantity],
    *,
    canonical: CanonicalFn | None = None,
    metric_of: MetricFn | None = None,
) -> tuple[Quantity, ...]:
    """``quantities`` of ``doc`` with their ``canonical_sources`` and ``metric`` set: by
    ``canonical`` and ``metric_of`` when given, else by the source registry
    (``$CLAIMLEDGER_SOURCES``) and the metric definitions (``$CLAIMLEDGER_METRICS``). Offsets
    and every other field are left as they are."""
    defaults = _default_registries()
    if metric_of is None:
        metric_of = defaults.metric_of
    canon = canonical or defaults.canonical
    return tuple(
        replace(
            q,
            canonical_sources=tuple(canon(n) for n in q.sources),
            metric=metric_of(q, doc) if metric_of else None,
        )
        for q in quantities
    )


def analyze_document(doc: Document, *, budget: float | None = None) -> Analysis:
    """Extract figures, times, hedges and sources from ``doc``, check their arithmetic and
    read each figure's metric and canonical sources off the registries.

    ``budget``: CPU seconds the analysis may take (None: ``budget_seconds()``; 0: no limit);
    past it ``BudgetExceeded`` is raised, naming the document and the stage."""
    doc = doc.with_id()
    seconds = budget_seconds() if budget is None else budget
    with deadline.budget(doc.origin or doc.id or "<document>", seconds):
        return _analyze(doc)


def _analyze(doc: Document) -> Analysis:
    check = deadline.check
    check("language detection")
    if not doc.language:
        doc = replace(doc, language=detect_language(doc.text))
    check("quantities")
    quantities = extract_quantities(doc)
    check("times")
    times = extract_times(doc)
    check("hedges")
    hedges = extract_hedges(doc)
    check("attribution")
    attributions = extract_attributions(doc)
    check("context")
    quantities = attach_context(doc, quantities, times, attributions)
    check("narrative")
    narrative = extract_narrative(doc, quantities, times, attributions)
    quantities = list(narrative.quantities)
    check("checks")
    checks = check_arithmetic(doc, quantities)
    check("registries")
    quantities_out = with_registries(doc, quantities)
    check()
    return Analysis(
        document=doc,
        quantities=quantities_out,
        times=tuple(times),
        hedges=tuple(hedges),
        attributions=tuple(attributions),
        checks=tuple(checks),
        events=narrative.events,
        agreements=narrative.agreements,
        links=narrative.links,
    )
