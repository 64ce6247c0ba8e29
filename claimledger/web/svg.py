"""Series charts rendered on the server as inline SVG (no script, no external assets).

Dates run along x, values up y; points are coloured by source and flagged points are drawn
with a red ring. Every label is escaped; colours are presentation attributes so that the
page's Content-Security-Policy (no inline styles) does not strip them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from markupsafe import Markup, escape

from ..checks.series import Series
from .metrics import ChartPoint, marked_points, sources_of

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 20, 64
LEGEND_CHARS = 28  # a legend label longer than this is cut (the full name is its tooltip)
LEGEND_ROW = 16  # height of one row of the legend
ZERO_AXIS_SHARE = 0.5  # lowest value above half the highest: the axis starts near the data
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#000000",  # not a second dark blue beside the first
)
FLAG_COLOUR = "#d62728"


def source_colours(sources: list[str]) -> dict[str, str]:
    """A colour for each source, stable for a given list."""
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}


def _axis_floor(low: float, high: float) -> float:
    """Where the y axis starts: at 0, unless the values sit far from it (running totals), where
    starting at 0 would flatten every point onto the top line."""
    if low <= 0 or low < high * ZERO_AXIS_SHARE:
        return min(0.0, low)
    return low - (high - low) * 0.1


def nice_ticks(low: float, high: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values covering ``low``..``high``."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(low / step) * step
    ticks = [round(start, 10)]
    while ticks[-1] < high:  # the last tick is at or above the highest value: no point above it
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def fmt_value(v: float) -> str:
    """A value as a short axis label."""
    if abs(v) >= 1_000_000:
        return f"{v / 1_000_000:g}M"
    if abs(v) >= 10_000:
        return f"{v / 1_000:g}k"
    return f"{v:g}"


def _day(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def render_chart(series: Series, label: str | None = None) -> Markup:
    """``series`` as an inline ``<svg>`` element titled ``label`` (else the series' label);
    dated points only, the undated ones counted in a note. The legend rows below the axis make
    the drawing taller instead of spilling out of it."""
    marked = marked_points(series)
    dated = [(d, cp) for cp in marked if (d := _day(cp.day)) is not None]
    undated = len(marked) - len(dated)
    colours = source_colours(sources_of(series)) if dated else {}
    legend, rows = _legend(colours)
    height = HEIGHT + LEGEND_ROW * max(0, rows - 1)
    title = escape(f"{label or series.label}: {len(dated)} dated figures"
                   + (f", {undated} undated not drawn" if undated else ""))
    head = (
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{title}</title>"
    )
    note = (
        f'<text class="undated" x="{WIDTH - RIGHT}" y="{TOP - 6}" text-anchor="end" '
        f'font-size="11">{undated} undated figure{"" if undated == 1 else "s"} not drawn</text>'
        if undated else ""
    )
    if not dated:
        empty = (
            f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle">no dated figures</text>'
        )
        return Markup(head + note + empty + "</svg>")
    days = [d for d, _ in dated]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - 1, d1 + 1
    values = [cp.point.value for _, cp in dated]
    values += [cp.point.value_high for _, cp in dated if cp.point.value_high is not None]
    yticks = nice_ticks(_axis_floor(min(values), max(values)), max(values))
    y0, y1 = yticks[0], yticks[-1]
    pw, ph = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: int) -> float:
        return LEFT + (day - d0) / (d1 - d0) * pw

    def y(v: float) -> float:
        return TOP + ph - (v - y0) / (y1 - y0) * ph

    parts = [head, note, _axes(yticks, d0, d1, x, y), _y_label(series)]
    for day, cp in dated:
        colour = colours[cp.point.original_source]
        parts.append(_point(cp, x(day), y(cp.point.value), y, colour))
    parts.append(legend)
    parts.append("</svg>")
    return Markup("".join(parts))


def _axes(
    yticks: list[float], d0: int, d1: int, x: Callable[[int], float], y: Callable[[float], float]
) -> str:
    out = [
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" '
        'stroke="#444"/>',
        f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" '
        f'y2="{HEIGHT - BOTTOM}" stroke="#444"/>',
    ]
    for t in yticks:
        ty = y(t)
        out.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11">'
            f"{escape(fmt_value(t))}</text>"
        )
    n = min(5, d1 - d0)
    for i in range(n + 1):
        day = d0 + round(i * (d1 - d0) / n)
        label = dt.date.fromordinal(day).isoformat()
        out.append(
            f'<text x="{x(day):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="11">{escape(label)}</text>'
        )
    return "".join(out)


def _point(cp: ChartPoint, px: float, py: float, y: Callable[[float], float], colour: str) -> str:
    p = cp.point
    tip = f"{p.date}: {p.text} ({p.original_source}, {p.outlet or p.doc_id})"
    tip += "".join(f" — flagged: {f}" for f in cp.flags)
    out = []
    if p.value_high is not None:
        out.append(
            f'<line x1="{px:.1f}" y1="{py:.1f}" x2="{px:.1f}" y2="{y(p.value_high):.1f}" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
    cls = "pt flagged" if cp.flagged else "pt"
    out.append(
        f'<circle class="{cls}" cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{colour}" '
        f'data-source="{escape(p.original_source)}"><title>{escape(tip)}</title></circle>'
    )
    if cp.flagged:
        out.append(
            f'<circle class="flag" cx="{px:.1f}" cy="{py:.1f}" r="9" fill="none" '
            f'stroke="{FLAG_COLOUR}" stroke-width="2"/>'
        )
    return "".join(out)


def _y_label(series: Series) -> str:
    """What the y axis measures: the unit, else the kind of figure (a running total says so)."""
    what = series.unit or {"count": "number", "percent": "%", "money": "amount"}.get(
        series.kind, series.kind)
    if series.cumulative:
        what += " (running total)"
    cy = TOP + (HEIGHT - TOP - BOTTOM) / 2
    return (f'<text class="y-label" x="14" y="{cy:.1f}" text-anchor="middle" font-size="11" '
            f'transform="rotate(-90 14 {cy:.1f})">{escape(what)}</text>')


def _legend(colours: dict[str, str]) -> tuple[str, int]:
    """Source swatches under the x axis labels, wrapping when a row runs out of room; the
    markup and the number of rows."""
    out = []
    rows = 1 if colours else 0
    lx, ly = LEFT, HEIGHT - BOTTOM + 36
    for source, colour in colours.items():
        label = source if len(source) <= LEGEND_CHARS else source[: LEGEND_CHARS - 1] + "…"
        width = 24 + 7 * len(label)
        if lx + width > WIDTH - RIGHT and lx > LEFT:
            lx, ly = LEFT, ly + LEGEND_ROW
            rows += 1
        out.append(
            f'<g class="legend"><title>{escape(source)}</title>'
            f'<circle cx="{lx + 5}" cy="{ly - 4}" r="5" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="{ly}" font-size="11">{escape(label)}</text></g>'
        )
        lx += width
    return "".join(out), rows
