"""Commands across reports: series and verify."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..checks.claim_series import FrameSeries, Relay
from ..errors import ClaimLedgerError
from ..store.base import ClaimQuery
from .common import (
    DbOption,
    RowFormat,
    _fail,
    _ledger,
    _write_rows,
    app,
    out,
    styled,
)

MetricsOption = Annotated[
    str | None, typer.Option("--metrics", help="A JSON file of your own metric definitions.")
]


@app.command()
def series(
    metric: Annotated[
        str | None, typer.Argument(help="A series id (from the listing) or a metric name.")
    ] = None,
    metrics_file: MetricsOption = None,
    min_points: Annotated[int, typer.Option(help="List only series with this many points.")] = 2,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """List series across reports by frame (what is counted, its start, scope and kind), or
    show one as a timeline with its claims and flags.

    Examples: claimledger series; claimledger series ru_personnel_losses
    """
    from ..checks.claim_series import frame_dict, ledger_view
    from ..checks.metrics import load_metrics

    try:
        metrics = load_metrics(metrics_file)
        with _ledger(db, existing=True) as ledger:
            view = ledger_view(ledger, metrics)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if metric is None:
        listed = [s for s in view.series.values() if len(s.points) >= min_points]
        records = [frame_dict(s) for s in listed]
        if fmt is not RowFormat.table:
            _write_rows(records, fmt)
            return
        table = Table(title=f"{len(listed)} series")
        for col in ("series", "what, start, scope", "points", "claims", "dates", "flags"):
            table.add_column(col, overflow="fold")
        for r in records:
            table.add_row(
                str(r["key"]), str(r["label"]), str(r["points"]), str(r["claims"]),
                f"{r['first'] or '?'} .. {r['last'] or '?'}",
                Text(str(r["flags"]), style="red") if r["flags"] else "",
            )
        out.print(table)
        return
    found = [view.series[metric]] if metric in view.series else [
        s for s in view.series.values() if s.frame.thing == metric
    ]
    if not found:
        raise _fail(f"no series {metric!r} in the ledger (see claimledger series)", 1)
    for s in found:
        _print_series(s, fmt)


def _print_series(s: FrameSeries, fmt: RowFormat) -> None:
    points = [
        {
            "series": s.key,
            "date": p.date,
            "value": p.value,
            "value_high": p.value_high,
            "qualifier": p.qualifier,
            "period_from": p.period_from,
            "sources": list(p.sources),
            "original_source": p.original_source,
            "corroboration": p.corroboration,
            "claim": cid,
            "outlet": p.outlet,
            "url": p.url,
            "doc_id": p.doc_id,
            "index": p.index,
            "text": p.text,
            "what": p.what,
        }
        for p, cid in zip(s.points, s.claims, strict=True)
    ]
    if fmt is not RowFormat.table:
        _write_rows(points, fmt)
        return
    flagged = {i for f in s.flags for i in f.points}
    table = Table(title=f"{s.label}\n{s.key}", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("figure", no_wrap=True)
    table.add_column("what", ratio=2, overflow="fold")
    table.add_column("original source ← chain", ratio=2, overflow="fold")
    table.add_column("seen", no_wrap=True)
    table.add_column("figure id", no_wrap=True)
    for i, p in enumerate(s.points):
        flag = i in flagged
        figure = Text(("⚑ " if flag else "") + p.text, style="red" if flag else "")
        if p.qualifier != "exact":
            figure.append("\n" + p.qualifier.replace("_", " "), style="dim")
        chain = " ← ".join(p.sources) or f"(the outlet {p.outlet or p.doc_id})"
        table.add_row(
            p.date or "?", figure, p.what or "", f"{p.original_source}\n{chain}",
            p.corroboration, f"{p.doc_id}:{p.index}",
        )
    out.print(table)
    for f in s.flags:
        out.print(styled(f"⚑ {f.kind}: ", "red", f.explanation))


@app.command()
def claim(
    figure: Annotated[str, typer.Argument(help="A figure id DOC_ID:INDEX, or a claim id.")],
    metrics_file: MetricsOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """Show the claim a figure belongs to: its original source, when it was first seen, every
    report that relays it, and the versions side by side when they disagree.

    Example: claimledger claim d014:3
    """
    from ..checks.claim_series import claim_dict, find_claim, ledger_view
    from ..checks.metrics import load_metrics

    try:
        metrics = load_metrics(metrics_file)
        with _ledger(db, existing=True) as ledger:
            view = ledger_view(ledger, metrics)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    c = find_claim(view, figure)
    if c is None:
        raise _fail(f"no figure or claim {figure!r} in the ledger (figure ids are DOC_ID:INDEX)",
                    1)
    if fmt is not RowFormat.table:
        _write_rows([claim_dict(c)], fmt)
        return
    out.print(Text(f"claim {c.claim}", style="bold"))
    out.print(f"original source: {c.original_source}; as of {c.as_of or 'an unknown date'}; "
              f"first seen {c.first_seen or 'undated'}; {len(c.relays)} report(s)")
    if c.independent:
        out.print(f"independently stated by: {', '.join(c.independent)}")
    if c.conflict:
        versions = [
            f"{value} ({len(rs)} report(s): {_outlets(rs)})"
            for value, rs in c.versions
        ]
        out.print(styled("⚑ conflicting values: ", "red", "  vs  ".join(versions)))
    table = Table(show_lines=False)
    for col in ("published", "outlet", "lang", "as written", "chain", "figure id"):
        table.add_column(col, overflow="fold")
    for r in c.relays:
        table.add_row(r.published or "?", r.outlet or "", r.language or "",
                      Text(r.text, style="red" if r.conflict else ""),
                      " ← ".join(r.sources) or "(the outlet)", f"{r.doc_id}:{r.index}")
    out.print(table)


@app.command()
def verify(
    reference: Annotated[
        list[Path],
        typer.Option("--reference", help="A dated series, CSV or JSON; repeatable (joined)."),
    ],
    mapping: Annotated[list[str], typer.Option("--map", help="METRIC=COLUMN, repeatable.")],
    tolerance: Annotated[float, typer.Option(help="Relative tolerance, e.g. 0.01 for 1%.")] = 0.0,
    source: Annotated[
        str | None,
        typer.Option(
            help="Only reports relaying this source (e.g. 'General Staff'): named in a chain, "
            "as its outlet, or by totals equal to one day of the reference."
        ),
    ] = None,
    metrics_file: MetricsOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """Compare the ledger's claims with a reference dataset, metric by metric."""
    from ..checks.metrics import load_metrics
    from ..checks.reference import load_reference, merge_references, parse_mapping, verify_claims
    from ..checks.reference_frames import clause
    from ..store.base import ClaimRow

    try:
        ref = merge_references([load_reference(str(p)) for p in reference])
        maps = parse_mapping(mapping)
        metrics = load_metrics(metrics_file)
        with _ledger(db) as ledger:
            texts: dict[str, str] = {}

            def context(c: ClaimRow) -> str:
                if c.doc_id not in texts:
                    texts[c.doc_id] = ledger.get(c.doc_id).document.text
                return clause(texts[c.doc_id], c.start, c.end)

            claims = ledger.iter_claims(ClaimQuery())
            report = verify_claims(
                claims, ref, maps, tolerance, metrics=metrics, source=source, context=context
            )
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if fmt is not RowFormat.table:
        _write_rows(
            [
                {
                    "doc_id": v.claim.doc_id,
                    "index": v.claim.index,
                    "figure": v.claim.text,
                    "metric": v.metric,
                    "column": v.column,
                    "date": v.date,
                    "status": v.status,
                    "expected": v.expected,
                    "difference": v.difference,
                    "misreading": v.misreading,
                    "explanation": v.explanation,
                }
                for v in report.results
            ],
            fmt,
        )
        return
    out.print(
        f"{report.reports} reports, checked {report.checked}, matched {report.matched}, "
        f"within tolerance {report.within_tolerance}, off {report.off} "
        f"({report.misreadings} likely misreadings), could not be matched {report.unmatched}"
    )
    for v in report.mismatches:
        out.print(
            styled("✗ ", "red", f"{v.claim.doc_id} “{v.claim.text}” ({v.date}): {v.explanation}")
        )
    for v in report.unmatchable:
        out.print(Text(f"? {v.claim.doc_id} “{v.claim.text}”: {v.explanation}", style="dim"))


def _outlets(relays: Sequence[Relay]) -> str:
    return ", ".join(sorted({r.outlet or r.doc_id for r in relays}))
