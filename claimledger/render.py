"""Terminal rendering of analyses with rich: the highlighted report, the claims, the checks."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import Analysis, Check, Hedge, Quantity

STYLE_QUANTITY = "bold yellow"
STYLE_TIME = "cyan"
STYLE_HEDGE = "italic magenta"
STATUS_MARK = {"consistent": ("✓", "green"), "inconsistent": ("✗", "bold red"),
               "ambiguous": ("?", "yellow")}
# Characters that end a sentence when we look for the hedge that governs a figure.
_SENTENCE_END = ".!?\n"


def format_value(q: Quantity) -> str:
    """The normalised value of a figure in words a reader scans: "20,538", "88.4%", "10–15 year"."""

    def num(v: float) -> str:
        return f"{int(v):,}" if float(v).is_integer() else f"{v:,.4g}"

    text = num(q.value) + (f"–{num(q.value_high)}" if q.value_high is not None else "")
    if q.kind == "percent":
        text += "%"
    elif q.kind == "duration" and q.unit:
        plural = q.value_high is not None or q.value != 1
        text += f" {q.unit}{'s' if plural else ''}"
    elif q.unit:
        text += f" {q.unit}"
    if q.change:
        text = "Δ " + text
    return text


# Control characters a terminal would act on (ESC of a colour or title sequence, a carriage
# return that overwrites a line, a bidirectional override that reorders it) shown as visible
# stand-ins instead: the C0 controls as their control pictures (ESC as "␛"), the rest as "�".
# One character for one, so styled spans keep their offsets. Newlines and tabs are kept.
_INERT = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_INERT.update({0x7F: 0x2421, **{c: 0xFFFD for c in range(0x80, 0xA0)}})
_INERT.update({c: 0xFFFD for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def inert(text: str) -> str:
    """``text`` safe to print to a terminal: every control character a visible stand-in."""
    return text.translate(_INERT)


def highlighted_text(analysis: Analysis) -> Text:
    """The report's text with figures, times and hedges styled (control characters inert)."""
    text = Text(inert(analysis.document.text))
    for t in analysis.times:
        text.stylize(STYLE_TIME, t.start, t.end)
    for h in analysis.hedges:
        text.stylize(STYLE_HEDGE, h.start, h.end)
    for q in analysis.quantities:
        text.stylize(STYLE_QUANTITY, q.start, q.end)
    return text


def hedge_for(analysis: Analysis, q: Quantity) -> Hedge | None:
    """The hedge in the same sentence as ``q``, if any."""
    body = analysis.document.text
    start = max((body.rfind(c, 0, q.start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (body.find(c, q.end) for c in _SENTENCE_END) if i >= 0]
    end = min(ends) if ends else len(body)
    for h in analysis.hedges:
        if start <= h.start < end:
            return h
    return None


def hedge_lines(analysis: Analysis) -> list[str]:
    """One entry per hedging term: the term with its probability range, how it is written when
    that differs from the term, how often it occurs, and the figures it hedges."""
    groups: dict[tuple[str, float, float], list[Hedge]] = {}
    for h in analysis.hedges:
        groups.setdefault((h.term.casefold(), h.low, h.high), []).append(h)
    hedged: dict[int, list[str]] = {}
    for q in analysis.quantities:
        governing = hedge_for(analysis, q)
        if governing is not None:
            hedged.setdefault(governing.start, []).append(q.text)
    lines = []
    for (term, low, high), hedges in groups.items():
        written = dict.fromkeys(h.text.strip() for h in hedges
                                if h.text.strip().casefold() != term)
        line = f"{hedges[0].term} ({low:.0%}–{high:.0%})"
        if written:
            line += " as " + ", ".join(f"“{inert(w)}”" for w in written)
        if len(hedges) > 1:
            line += f" ×{len(hedges)}"
        figures = [f for h in hedges for f in hedged.get(h.start, [])]
        if figures:
            line += " on " + ", ".join(inert(f) for f in dict.fromkeys(figures))
        lines.append(line)
    return lines


def claims_table(analysis: Analysis) -> Table:
    """One row per figure: value, qualifier, what, period, source chain, hedge."""
    table = Table(title="Claims", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("figure", no_wrap=True)
    table.add_column("what", ratio=3)
    table.add_column("period", no_wrap=True)
    table.add_column("source chain", ratio=2)
    table.add_column("hedge")
    for i, q in enumerate(analysis.quantities):
        figure = Text(inert(q.text), style=STYLE_QUANTITY)
        value = ("" if q.approx == "exact" else q.approx.replace("_", " ") + " ") + format_value(q)
        if value != q.text:
            figure.append("\n" + value, style="dim")
        period = "–".join(p or "…" for p in (q.period_from, q.period_to)) if (
            q.period_from or q.period_to) else ""
        hedge = hedge_for(analysis, q)
        table.add_row(str(i), figure, inert(q.what or ""), period,
                      inert("\n← ".join(q.sources)) or Text("(the outlet)", style="dim"),
                      hedge.term if hedge else "")
    return table


def check_line(check: Check) -> Text:
    """A check as one line: its mark, kind and explanation."""
    mark, style = STATUS_MARK.get(check.status, ("·", ""))
    line = Text()
    line.append(f"{mark} ", style=style)
    line.append(f"{check.kind}: ", style="bold")
    line.append(inert(check.explanation))
    return line


def checks_panel(checks: Sequence[Check]) -> Panel:
    """The checks of one report with ✓/✗ marks."""
    body: RenderableType = (Group(*(check_line(c) for c in checks)) if checks
                            else Text("no arithmetic to check", style="dim"))
    return Panel(body, title="Checks", title_align="left")


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print the highlighted report, its claims and its checks."""
    doc = analysis.document
    meta = inert(" · ".join(x for x in (doc.outlet, doc.published, doc.url, doc.id) if x))
    console.print(Panel(highlighted_text(analysis), title=inert(doc.title or "Report"),
                        subtitle=meta or None, title_align="left"))
    console.print(claims_table(analysis))
    if analysis.hedges:
        console.print("Hedges: " + "; ".join(hedge_lines(analysis)), soft_wrap=True)
    console.print(checks_panel(analysis.checks))
