"""The annotated report: article text with figures, times, hedges and sources highlighted.

The HTML is built from escaped segments only: every piece of article text and every attribute
value goes through ``escape``; nothing from the document is ever inserted raw. Spans that
overlap without nesting are split, so the markup is always well formed.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Analysis, Attribution, Check, Hedge, Quantity, TimeExpr
from ..render import hedge_for

# Outer layers first when two spans cover exactly the same text.
_LAYER_ORDER = {"attribution": 0, "quantity": 1, "time": 2, "hedge": 3}


@dataclass(frozen=True)
class Span:
    """One highlight: a character range, its layer, an anchor id and its data attributes."""

    start: int
    end: int
    layer: str  # quantity | time | hedge | attribution
    anchor: str  # element id of the first piece, e.g. "q-3"
    data: tuple[tuple[str, str], ...]  # (name without "data-", value)
    flag: str = ""  # an extra class: "failed" for a figure in a check that fails


def _fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    # grouped as a reader writes it: 17,721 and 2,450.5, not 17721
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.12g}"


def _period(start: str | None, end: str | None) -> str:
    if start and end:
        return start if start == end else f"{start} – {end}"
    return start or end or ""


def _check_line(c: Check) -> str:
    mark = {"consistent": "✓", "inconsistent": "✗"}.get(c.status, "?")
    return f"{mark} {c.kind.replace('_', ' ')}: {c.explanation}"


def check_roles(checks: Sequence[Check]) -> dict[int, list[Check]]:
    """The checks each figure (by index) takes part in."""
    roles: dict[int, list[Check]] = {}
    for c in checks:
        refs = [i for i in (c.percent, c.part, c.whole) if i is not None] + list(c.parts)
        for i in dict.fromkeys(refs):
            roles.setdefault(i, []).append(c)
    return roles


def quantity_span(i: int, q: Quantity, checks: Sequence[Check] = ()) -> Span:
    """The highlight of the ``i``-th quantity, with the checks it takes part in (a figure in a
    check that fails is flagged)."""
    value = _fmt_number(q.value)
    if q.value_high is not None:
        value = f"{value}–{_fmt_number(q.value_high)}"
    data = (
        ("value", value),
        ("kind", q.kind),
        ("unit", q.unit or ""),
        ("qualifier", q.approx),
        ("change", "yes" if q.change else "no"),
        ("what", q.what or ""),
        ("period", _period(q.period_from, q.period_to)),
        ("sources", " ← ".join(q.sources)),
        ("checks", " · ".join(_check_line(c) for c in checks)),
    )
    failed = any(c.status == "inconsistent" for c in checks)
    return Span(q.start, q.end, "quantity", f"q-{i}", data, "failed" if failed else "")


def time_span(i: int, t: TimeExpr) -> Span:
    """The highlight of the ``i``-th time expression."""
    value = (t.value or "") if t.type == "date" else _period(t.from_, t.to)
    return Span(t.start, t.end, "time", f"t-{i}", (("kind", t.type), ("value", value)))


def hedge_span(i: int, h: Hedge, hedged: Sequence[str] = ()) -> Span:
    """The highlight of the ``i``-th hedge, with its probability range and the figures of its
    sentence that it hedges."""
    prob = f"{round(h.low * 100)}–{round(h.high * 100)} %"
    data = (("term", h.term), ("probability", prob), ("hedges", ", ".join(hedged)))
    return Span(h.start, h.end, "hedge", f"h-{i}", data)


def attribution_span(i: int, a: Attribution) -> Span:
    """The highlight of the ``i``-th attribution, with its chain outermost first."""
    return Span(a.start, a.end, "attribution", f"a-{i}", (("sources", " ← ".join(a.chain)),))


def analysis_spans(analysis: Analysis) -> list[Span]:
    """Every highlight of ``analysis`` whose offsets fit its text."""
    roles = check_roles(analysis.checks)
    spans = [quantity_span(i, q, roles.get(i, ())) for i, q in enumerate(analysis.quantities)]
    spans += [time_span(i, t) for i, t in enumerate(analysis.times)]
    hedged: dict[int, list[str]] = {}
    for q in analysis.quantities:
        governing = hedge_for(analysis, q)
        if governing is not None:
            hedged.setdefault(governing.start, []).append(q.text)
    spans += [hedge_span(i, h, hedged.get(h.start, ())) for i, h in enumerate(analysis.hedges)]
    spans += [attribution_span(i, a) for i, a in enumerate(analysis.attributions)]
    n = len(analysis.document.text)
    return [s for s in spans if 0 <= s.start < s.end <= n]


def _open_tag(span: Span, first: bool) -> str:
    flag = f" hl-{span.flag}" if span.flag else ""
    attrs = [f'class="hl hl-{span.layer}{flag}"', 'tabindex="0"', f'data-layer="{span.layer}"']
    attrs.append(f'id="{escape(span.anchor)}"' if first else 'data-continued="yes"')
    attrs.append(f'data-ref="{escape(span.anchor)}"')
    attrs += [f'data-{name}="{escape(value)}"' for name, value in span.data if value]
    return "<mark " + " ".join(attrs) + ">"


def annotate(text: str, spans: list[Span]) -> Markup:
    """``text`` as HTML with each span wrapped in a ``<mark>`` carrying its data attributes."""
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    order = sorted(spans, key=lambda s: (s.start, -s.end, _LAYER_ORDER[s.layer]))
    opened_once: set[int] = set()
    stack: list[int] = []  # indices into ``order`` of the open elements, outermost first
    out: list[str] = []
    # a sweep over the bounds: the spans covering a segment change only where one starts or
    # ends, so each segment costs its open spans, not every span (linear, not spans x bounds)
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for k, s in enumerate(order):
        if s.start < s.end:
            starting.setdefault(s.start, []).append(k)
            ending.setdefault(s.end, []).append(k)
    active: list[int] = []  # indices of the spans covering the segment, in ``order``
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        for k in ending.get(lo, ()):
            del active[bisect.bisect_left(active, k)]
        for k in starting.get(lo, ()):
            bisect.insort(active, k)
        want = list(active)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for k in want[keep:]:
            out.append(_open_tag(order[k], k not in opened_once))
            opened_once.add(k)
        stack = want
        out.append(str(escape(text[lo:hi])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def annotated_html(analysis: Analysis) -> Markup:
    """The annotated report of ``analysis`` as safe HTML."""
    return annotate(analysis.document.text, analysis_spans(analysis))
