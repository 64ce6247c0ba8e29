"""The ``claimledger`` command: a thin layer that parses arguments, calls the public API and prints.

Exit codes: 0 all went well; 1 some input failed (every good document is still stored);
2 a usage error or a ledger that cannot be opened.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import api
from .errors import ClaimLedgerError
from .ingest import IngestFailure, IngestSettings
from .model import Analysis
from .render import format_value, render_analysis
from .store import open_ledger
from .store.base import ClaimQuery, Ledger

app = typer.Typer(
    name="claimledger",
    help="Turn news reports into a ledger of checked claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Ledger path or URL (default: $CLAIMLEDGER_DB, else user data dir)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching private and loopback addresses.")
]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Size cap per input, in bytes.")]


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Engine(StrEnum):
    LOCAL = "local"
    DASK = "dask"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def main() -> None:
    """Entry point of the console script."""
    app()


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def _ledger(db: str | None) -> Iterator[Ledger]:
    try:
        ledger = open_ledger(db)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    try:
        yield ledger
    finally:
        ledger.close()


def _settings(allow_private: bool, max_bytes: int | None) -> IngestSettings:
    settings = IngestSettings(allow_private=allow_private)
    if max_bytes is not None:
        from dataclasses import replace

        settings = replace(settings, max_bytes=max_bytes)
    return settings


def _report_failure(failure: IngestFailure) -> None:
    err.print(f"[red]✗[/] {failure.source}: {failure.reason}", highlight=False, soft_wrap=True)


class _ProgressView:
    """A progress display on stderr that appears once a second item arrives."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.seen = 0
        self.progress: Progress | None = None
        self.task: Any = None

    def __call__(self, item: Analysis | IngestFailure) -> None:
        self.seen += 1
        if isinstance(item, IngestFailure):
            _report_failure(item)
        if self.quiet:
            return
        if self.progress is None and self.seen >= 2:
            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                     TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                                     console=err, transient=True)
            self.progress.start()
            self.task = self.progress.add_task("ingesting", total=None)
        if self.progress is not None:
            self.progress.update(self.task, completed=self.seen)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command()
def analyze(
    source: Annotated[str | None, typer.Argument(help="A file, URL, or - for stdin.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Analyse the bundled sample.")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    db: DbOption = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not write the ledger.")] = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Analyse one report: print it with its figures highlighted, its claims and its checks."""
    if sample:
        source = str(api.sample_path())
    if source is None:
        raise _fail("give a SOURCE (file, URL or -) or --sample")
    failures: list[IngestFailure] = []
    analyses: list[Analysis] = []
    for item in api.analyze_sources([source], settings=_settings(allow_private, None)):
        (failures if isinstance(item, IngestFailure) else analyses).append(item)  # type: ignore[arg-type]
    for failure in failures:
        _report_failure(failure)
    if published:
        from dataclasses import replace

        analyses = [api.analyze(replace(a.document, published=published)) for a in analyses]
    if analyses and not no_store:
        with _ledger(db) as ledger:
            for a in analyses:
                ledger.save(a)
    for a in analyses:
        render_analysis(a, out)
    if failures or not analyses:
        raise typer.Exit(1)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, feeds, JSONL, URLs or -.")],
    db: DbOption = None,
    quiet: QuietOption = False,
    allow_private: AllowPrivate = False,
    max_bytes: Annotated[int | None, typer.Option(help="Size cap per input, bytes.")] = None,
    engine: Annotated[Engine, typer.Option(help="Where the pipeline runs.")] = Engine.LOCAL,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Workers of the local Dask cluster.")] = 2,
) -> None:
    """Read, analyse and store documents in the ledger (the same document is stored once)."""
    view = _ProgressView(quiet)
    settings = _settings(allow_private, max_bytes)
    with _ledger(db) as ledger:
        try:
            if engine is Engine.DASK:
                from .scale import ingest_dask

                report = ingest_dask(sources, ledger, scheduler=scheduler, workers=workers,
                                     settings=settings, on_item=view)
            else:
                report = api.ingest_sources(sources, ledger, settings=settings, on_item=view,
                                    keep_ids=False)
        except ClaimLedgerError as exc:
            raise _fail(str(exc)) from None
        finally:
            view.close()
    if not quiet:
        err.print(f"stored {report.stored} new, refreshed {report.refreshed}, "
                  f"failed {len(report.failures)}")
    if report.failures:
        raise typer.Exit(1)


@app.command()
def extract(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, feeds, JSONL, URLs or -.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.jsonl,
    allow_private: AllowPrivate = False,
) -> None:
    """Print the extracted records without touching the ledger (jsonl: the eval contract)."""
    failed = False
    collected: list[dict[str, Any]] = []
    for item in api.analyze_sources(sources, settings=_settings(allow_private, None)):
        if isinstance(item, IngestFailure):
            _report_failure(item)
            failed = True
            continue
        record = item.to_contract()
        if fmt is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt is ExtractFormat.json:
            collected.append(record)
        else:
            _print_quantities(item)
    if fmt is ExtractFormat.json:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


def _print_quantities(a: Analysis) -> None:
    table = Table(title=a.document.title or a.document.id)
    for col in ("figure", "value", "kind", "approx", "what", "period", "sources"):
        table.add_column(col)
    for q in a.quantities:
        table.add_row(q.text, format_value(q), q.kind, q.approx, q.what or "",
                      f"{q.period_from or ''}–{q.period_to or ''}", " ← ".join(q.sources))
    out.print(table)


CLAIM_FIELDS = ("doc_id", "index", "text", "value", "value_high", "kind", "unit", "approx",
                "change", "what", "period_from", "period_to", "sources", "canonical_sources",
                "metric", "outlet", "published", "url")


@app.command()
def claims(
    search: Annotated[str | None, typer.Option(help="Full-text search over claims.")] = None,
    source: Annotated[str | None, typer.Option(help="Only claims from this source.")] = None,
    metric: Annotated[str | None, typer.Option(help="Only claims of this metric.")] = None,
    since: Annotated[str | None, typer.Option(help="Only claims on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only claims on or before this date.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """Search the claims in the ledger."""
    query = ClaimQuery(search=search, source=source, metric=metric, since=since, until=until,
                       limit=limit)
    with _ledger(db) as ledger:
        try:
            rows = ledger.claims(query)
        except ClaimLedgerError as exc:
            raise _fail(str(exc)) from None
    records = [{k: getattr(r, k) for k in CLAIM_FIELDS} for r in rows]
    if fmt is RowFormat.table:
        table = Table(title=f"{len(rows)} claims")
        for col in ("doc", "figure", "what", "period", "sources", "outlet", "published"):
            table.add_column(col)
        for r in rows:
            period = f"{r.period_from or ''}–{r.period_to or ''}"
            table.add_row(r.doc_id, r.text, r.what or "", period,
                          " ← ".join(r.sources), r.outlet or "", r.published or "")
        out.print(table)
    else:
        _write_rows(records, fmt)


def _write_rows(records: list[dict[str, Any]], fmt: RowFormat) -> None:
    if fmt is RowFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=list) + "\n")
    elif fmt is RowFormat.jsonl:
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=list) + "\n")
    else:
        import csv

        writer = csv.writer(sys.stdout)
        if records:
            writer.writerow(records[0].keys())
        for r in records:
            writer.writerow("; ".join(v) if isinstance(v, tuple | list) else v for v in r.values())


@app.command()
def show(doc_id: str, db: DbOption = None) -> None:
    """Show one stored report with its figures, claims and checks."""
    with _ledger(db) as ledger:
        try:
            analysis = ledger.get(doc_id)
        except ClaimLedgerError as exc:
            raise _fail(str(exc), 1) from None
    render_analysis(analysis, out)


@app.command()
def export(
    table: Annotated[str, typer.Argument(help="claims | documents | checks")] = "claims",
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file.")] = None,
    db: DbOption = None,
) -> None:
    """Export the ledger's claims, documents or checks as CSV, JSONL or Parquet."""
    from .store import export as exports

    writers = {"claims": exports.export_claims, "documents": exports.export_documents,
               "checks": exports.export_checks}
    if table not in writers:
        raise _fail(f"cannot export {table!r}: choose claims, documents or checks")
    write = writers[table]

    if fmt is ExportFormat.parquet and output is None:
        raise _fail("Parquet is binary: give --output FILE")
    with _ledger(db) as ledger:
        try:
            if output is None:
                write(ledger, fmt.value, sys.stdout.buffer)
            else:
                with output.open("wb") as fh:
                    write(ledger, fmt.value, fh)
        except ClaimLedgerError as exc:
            raise _fail(str(exc)) from None
        except OSError as exc:
            raise _fail(f"{output}: {exc.strerror}") from None


@app.command()
def doctor(db: DbOption = None) -> None:
    """Check the ledger's integrity (SQLite integrity and foreign keys, counts)."""
    with _ledger(db) as ledger:
        problems = ledger.integrity_check()
        counts = ledger.count()
    out.print(", ".join(f"{v:,} {k}" for k, v in counts.items()))
    if problems:
        for p in problems:
            err.print(f"[red]✗[/] {p}", highlight=False)
        raise typer.Exit(1)
    out.print("[green]✓[/] ledger is sound")


@app.command()
def sources(
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """List canonical sources with their number of figures and the outlets that relay them."""
    with _ledger(db) as ledger:
        summary = ledger.sources_summary()
    records = [
        {"source": s.source, "figures": s.n_claims, "documents": s.n_documents,
         "variants": list(s.names), "outlets": list(s.outlets)}
        for s in summary
    ]
    if fmt is RowFormat.table:
        table = Table(title=f"{len(records)} sources")
        for col in ("source", "figures", "reports", "written as", "relayed by"):
            table.add_column(col)
        for s in summary:
            table.add_row(s.source, str(s.n_claims), str(s.n_documents), "; ".join(s.names),
                          "; ".join(s.outlets))
        out.print(table)
    else:
        _write_rows(records, fmt)


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
    from .checks.metrics import load_metrics
    from .checks.series import build_series

    try:
        metrics = load_metrics(metrics_file)
        with _ledger(db) as ledger:
            found = build_series(ledger.iter_claims(), metrics, metric=metric,
                                 min_points=1 if metric else min_points)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if metric and not found:
        raise _fail(f"no series {metric!r} in the ledger", 1)
    if metric is None:
        records = [{"key": s.key, "label": s.label, "points": len(s.points), "kind": s.kind,
                    "unit": s.unit, "cumulative": s.cumulative, "flags": len(s.flags)}
                   for s in found]
        if fmt is not RowFormat.table:
            _write_rows(records, fmt)
            return
        table = Table(title=f"{len(found)} series")
        for col in ("series", "label", "points", "flags"):
            table.add_column(col)
        for r in records:
            table.add_row(str(r["key"]), str(r["label"]), str(r["points"]),
                          f"[red]{r['flags']}[/]" if r["flags"] else "")
        out.print(table)
        return
    for s in found:
        points = [{"date": p.date, "value": p.value, "value_high": p.value_high,
                   "qualifier": p.qualifier, "sources": list(p.sources),
                   "original_source": p.original_source, "corroboration": p.corroboration,
                   "outlet": p.outlet, "url": p.url, "doc_id": p.doc_id, "text": p.text}
                  for p in s.points]
        if fmt is not RowFormat.table:
            _write_rows(points, fmt)
            continue
        flagged = {i for f in s.flags for i in f.points}
        table = Table(title=f"{s.label} ({s.key})")
        for col in ("date", "figure", "qualifier", "sources", "corroboration", "outlet", "report"):
            table.add_column(col)
        for i, p in enumerate(s.points):
            mark = "[red]⚑[/] " if i in flagged else ""
            qualifier = "" if p.qualifier == "exact" else p.qualifier
            table.add_row(p.date or "?", mark + p.text, qualifier,
                          " ← ".join(p.sources) or "(outlet)", p.corroboration, p.outlet or "",
                          p.url or p.doc_id)
        out.print(table)
        for f in s.flags:
            out.print(f"[red]⚑ {f.kind}[/]: {f.explanation}", highlight=False)


@app.command()
def verify(
    reference: Annotated[Path, typer.Option("--reference", help="A dated series, CSV or JSON.")],
    mapping: Annotated[list[str], typer.Option("--map", help="METRIC=COLUMN, repeatable.")],
    tolerance: Annotated[float, typer.Option(help="Relative tolerance, e.g. 0.01 for 1%.")] = 0.0,
    metrics_file: MetricsOption = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """Compare the ledger's claims with a reference dataset, metric by metric."""
    from .checks.metrics import load_metrics
    from .checks.reference import load_reference, parse_mapping, verify_claims

    try:
        ref = load_reference(str(reference))
        maps = parse_mapping(mapping)
        metrics = load_metrics(metrics_file)
        with _ledger(db) as ledger:
            report = verify_claims(ledger.iter_claims(), ref, maps, tolerance, metrics=metrics)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if fmt is not RowFormat.table:
        _write_rows([{"doc_id": v.claim.doc_id, "figure": v.claim.text, "metric": v.metric,
                      "column": v.column, "date": v.date, "status": v.status,
                      "expected": v.expected, "difference": v.difference,
                      "explanation": v.explanation} for v in report.results], fmt)
        return
    out.print(f"checked {report.checked}, matched {report.matched}, within tolerance "
              f"{report.within_tolerance}, off {report.off}, could not be matched "
              f"{report.unmatched}")
    for v in report.mismatches:
        out.print(f"[red]✗[/] {v.claim.doc_id} “{v.claim.text}” ({v.date}): {v.explanation}",
                  highlight=False)
    for v in report.unmatchable:
        out.print(f"[dim]? {v.claim.doc_id} “{v.claim.text}”: {v.explanation}[/]", highlight=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it local.")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_private_urls: Annotated[
        bool, typer.Option("--allow-private-urls", help="Let URL ingest reach private addresses.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Open the local web app (documents, annotated reports, metrics, sources, JSON API)."""
    from .web import WebSettings
    from .web import serve as run_server

    with _ledger(db) as ledger:
        err.print(f"claimledger on http://{host}:{port}/ (Ctrl+C to stop)")
        run_server(ledger, host=host, port=port,
                   settings=WebSettings(allow_private_urls=allow_private_urls))
