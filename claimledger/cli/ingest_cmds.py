"""Commands that read inputs: analyze, ingest, extract, reanalyze."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from .. import api
from ..errors import ClaimLedgerError
from ..ingest import IngestFailure, read_sources
from ..model import Analysis
from ..render import format_value, render_analysis
from .common import (
    AllowPrivate,
    DbOption,
    Engine,
    ExtractFormat,
    QuietOption,
    _fail,
    _ledger,
    _ProgressView,
    _report_failure,
    _settings,
    app,
    err,
    iso_day,
    out,
)


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
    published = iso_day(published, "--published")
    failures: list[IngestFailure] = []
    analyses: list[Analysis] = []
    for item in read_sources([source], settings=_settings(allow_private, None)):
        if isinstance(item, IngestFailure):
            failures.append(item)
            _report_failure(item)
        else:
            analyses.append(api.analyze(item, published=published))
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
    out_dataset: Annotated[
        str | None,
        typer.Option("--out", help="With --engine dask: write a Parquet dataset, parquet:DIR."),
    ] = None,
) -> None:
    """Read, analyse and store documents in the ledger (the same document is stored once)."""
    view = _ProgressView(quiet)
    settings = _settings(allow_private, max_bytes)
    if out_dataset is not None:
        if engine is not Engine.DASK:
            raise _fail("--out needs --engine dask (the local engine writes a ledger: --db)")
        if db is not None:
            raise _fail("give --db or --out, not both")
        if not out_dataset.startswith("parquet:") or not out_dataset[len("parquet:"):]:
            raise _fail(f"--out must be parquet:DIR, not {out_dataset!r}")
    report: api.IngestReport
    try:
        if out_dataset is not None:
            from ..scale import ingest_dask

            report = ingest_dask(
                sources, None, parquet_dir=out_dataset[len("parquet:"):], scheduler=scheduler,
                workers=workers, settings=settings, on_item=view, on_progress=view.advance,
            )
        else:
            with _ledger(db) as ledger:
                if engine is Engine.DASK:
                    from ..scale import ingest_dask

                    report = ingest_dask(
                        sources, ledger, scheduler=scheduler, workers=workers,
                        settings=settings, on_item=view, on_progress=view.advance,
                    )
                else:
                    report = api.ingest_sources(sources, ledger, settings=settings, on_item=view)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    finally:
        view.close()
    if not quiet:
        err.print(
            f"stored {report.stored} new, refreshed {report.refreshed}, "
            f"failed {len(report.failures)}"
        )
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
        table.add_row(
            q.text,
            format_value(q),
            q.kind,
            q.approx,
            q.what or "",
            f"{q.period_from or ''}–{q.period_to or ''}",
            " ← ".join(q.sources),
        )
    out.print(table)


@app.command()
def reanalyze(db: DbOption = None, quiet: QuietOption = False) -> None:
    """Run the extraction again over every stored report (a newer claimledger, or new source
    and metric files in $CLAIMLEDGER_SOURCES / $CLAIMLEDGER_METRICS)."""
    view = _ProgressView(quiet)
    with _ledger(db, existing=True) as ledger:
        try:
            n = api.reanalyze(ledger, on_item=view)
        except ClaimLedgerError as exc:
            raise _fail(str(exc)) from None
        finally:
            view.close()
    if not quiet:
        err.print(f"re-analysed {n} documents")
