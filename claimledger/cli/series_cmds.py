"""Commands across reports: series and verify."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

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
    metric: Annotated[str | None, typer.Argument(help="A metric name or series key.")] = None,
    metrics_file: MetricsOption = None,
    min_points: Annotated[int, typer.Option(help="List only series with this many points.")] = 2,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """List metric series across reports, or show one as a timeline with its flags."""
    from ..checks.metrics import load_metrics
    from ..checks.series import build_series

    try:
        metrics = load_metrics(metrics_file)
        with _ledger(db) as ledger:
            found = build_series(
                ledger.iter_claims(), metrics, metric=metric, min_points=1 if metric else min_points
            )
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if metric and not found:
        raise _fail(f"no series {metric!r} in the ledger", 1)
    if metric is None:
        records = [
            {
                "key": s.key,
                "label": s.label,
                "points": len(s.points),
                "kind": s.kind,
                "unit": s.unit,
                "cumulative": s.cumulative,
                "flags": len(s.flags),
            }
            for s in found
        ]
        if fmt is not RowFormat.table:
            _write_rows(records, fmt)
            return
        table = Table(title=f"{len(found)} series")
        for col in ("series", "label", "points", "flags"):
            table.add_column(col)
        for r in records:
            table.add_row(
                str(r["key"]),
                str(r["label"]),
                str(r["points"]),
                Text(str(r["flags"]), style="red") if r["flags"] else "",
            )
        out.print(table)
        return
    for s in found:
        points = [
            {
                "date": p.date,
                "value": p.value,
                "value_high": p.value_high,
                "qualifier": p.qualifier,
                "sources": list(p.sources),
                "original_source": p.original_source,
                "corroboration": p.corroboration,
                "outlet": p.outlet,
                "url": p.url,
                "doc_id": p.doc_id,
                "text": p.text,
            }
            for p in s.points
        ]
        if fmt is not RowFormat.table:
            _write_rows(points, fmt)
            continue
        flagged = {i for f in s.flags for i in f.points}
        table = Table(title=f"{s.label} ({s.key})", show_lines=True)
        table.add_column("date", no_wrap=True)
        table.add_column("figure", no_wrap=True)
        table.add_column("source chain", ratio=2)
        table.add_column("seen", no_wrap=True)
        table.add_column("outlet", ratio=1)
        table.add_column("report", no_wrap=True)
        for i, p in enumerate(s.points):
            flag = i in flagged
            figure = Text(("⚑ " if flag else "") + p.text, style="red" if flag else "")
            if p.qualifier != "exact":
                figure.append("\n" + p.qualifier.replace("_", " "), style="dim")
            table.add_row(
                p.date or "?",
                figure,
                " ← ".join(p.sources) or "(the outlet)",
                p.corroboration,
                p.outlet or "",
                p.doc_id,
            )
        out.print(table)
        for f in s.flags:
            out.print(styled(f"⚑ {f.kind}: ", "red", f.explanation))


@app.command()
def verify(
    reference: Annotated[Path, typer.Option("--reference", help="A dated series, CSV or JSON.")],
    mapping: Annotated[list[str], typer.Option("--map", help="METRIC=COLUMN, repeatable.")],
    tolerance: Annotated[float, typer.Option(help="Relative tolerance, e.g. 0.01 for 1%.")] = 0.0,
    source: Annotated[
        str | None, typer.Option(help="Only claims from this source (e.g. 'General Staff').")
    ] = None,
    metrics_file: MetricsOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """Compare the ledger's claims with a reference dataset, metric by metric."""
    from ..checks.metrics import load_metrics
    from ..checks.reference import load_reference, parse_mapping, verify_claims

    try:
        ref = load_reference(str(reference))
        maps = parse_mapping(mapping)
        metrics = load_metrics(metrics_file)
        with _ledger(db) as ledger:
            claims = ledger.iter_claims(ClaimQuery(source=source))
            report = verify_claims(claims, ref, maps, tolerance, metrics=metrics)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if fmt is not RowFormat.table:
        _write_rows(
            [
                {
                    "doc_id": v.claim.doc_id,
                    "figure": v.claim.text,
                    "metric": v.metric,
                    "column": v.column,
                    "date": v.date,
                    "status": v.status,
                    "expected": v.expected,
                    "difference": v.difference,
                    "explanation": v.explanation,
                }
                for v in report.results
            ],
            fmt,
        )
        return
    out.print(
        f"checked {report.checked}, matched {report.matched}, within tolerance "
        f"{report.within_tolerance}, off {report.off}, could not be matched "
        f"{report.unmatched}"
    )
    for v in report.mismatches:
        out.print(
            styled("✗ ", "red", f"{v.claim.doc_id} “{v.claim.text}” ({v.date}): {v.explanation}")
        )
    for v in report.unmatchable:
        out.print(Text(f"? {v.claim.doc_id} “{v.claim.text}”: {v.explanation}", style="dim"))
