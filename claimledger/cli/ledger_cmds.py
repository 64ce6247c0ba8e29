"""Commands over the ledger: claims, show, export, doctor, sources, serve."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.table import Table

from ..errors import ClaimLedgerError
from ..render import render_analysis
from ..store.base import ClaimQuery, Ledger
from ..store.export import Format
from .common import (
    DbOption,
    ExportFormat,
    RowFormat,
    _fail,
    _ledger,
    _write_rows,
    app,
    err,
    iso_day,
    out,
    styled,
)

CLAIM_FIELDS = (
    "doc_id",
    "index",
    "text",
    "value",
    "value_high",
    "kind",
    "unit",
    "approx",
    "change",
    "what",
    "period_from",
    "period_to",
    "sources",
    "canonical_sources",
    "metric",
    "outlet",
    "published",
    "url",
)


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
    """Search the claims in the ledger.

    Example: claimledger claims --search desertion --source Mediazona --since 2024-01-01
    """
    since, until = iso_day(since, "--since"), iso_day(until, "--until")
    query = ClaimQuery(
        search=search, source=source, metric=metric, since=since, until=until, limit=limit
    )
    with _ledger(db, existing=True) as ledger:
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
            table.add_row(
                r.doc_id,
                r.text,
                r.what or "",
                period,
                " ← ".join(r.sources),
                r.outlet or "",
                r.published or "",
            )
        out.print(table)
    else:
        _write_rows(records, fmt)


@app.command()
def show(doc_id: str, db: DbOption = None) -> None:
    """Show one stored report with its figures, claims and checks."""
    with _ledger(db, existing=True) as ledger:
        try:
            analysis = ledger.get(doc_id)
        except ClaimLedgerError as exc:
            raise _fail(str(exc), 1) from None
    render_analysis(analysis, out)


@app.command()
def export(
    table: Annotated[
        str, typer.Argument(help="claims | documents | checks | series | events")
    ] = "claims",
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file.")] = None,
    db: DbOption = None,
) -> None:
    """Export the ledger's claims, documents, checks or metric series (one row per point) as
    CSV, JSONL or Parquet."""
    from ..checks.across_export import export_linked_claims
    from ..checks.events_view import export_events
    from ..checks.series_export import export_series
    from ..store import export as exports

    writers: dict[str, Callable[[Ledger, Format, BinaryIO], int]] = {
        "claims": export_linked_claims,
        "documents": exports.export_documents,
        "checks": exports.export_checks,
        "series": export_series,
        "events": export_events,
    }
    if table not in writers:
        raise _fail(f"cannot export {table!r}: choose claims, documents, checks, series or "
                    "events")
    write = writers[table]

    if fmt is ExportFormat.parquet and output is None:
        raise _fail("Parquet is binary: give --output FILE")
    with _ledger(db, existing=True) as ledger:
        try:
            if output is None:
                write(ledger, fmt.value, sys.stdout.buffer)
            else:
                with output.open("wb") as fh:
                    write(ledger, fmt.value, fh)
        except ClaimLedgerError as exc:
            raise _fail(str(exc)) from None
        except BrokenPipeError:  # the reader went away (``| head``): nothing is wrong
            _quiet_stdout()
        except OSError as exc:
            raise _fail(f"{output}: {exc.strerror}") from None


@app.command()
def doctor(db: DbOption = None) -> None:
    """Check the ledger's integrity (SQLite integrity and foreign keys, counts)."""
    with _ledger(db, existing=True) as ledger:
        problems = ledger.integrity_check()
        try:
            counts = ledger.count()
        except ClaimLedgerError as exc:  # too damaged to count: a problem found, not a crash
            counts, problems = {}, [*problems, f"counts: {exc.reason}"]
    if counts:
        out.print(", ".join(f"{v:,} {k}" for k, v in counts.items()))
    if problems:
        for p in problems:
            err.print(styled("✗ ", "red", p))
        raise typer.Exit(1)
    out.print(styled("✓ ", "green", "ledger is sound"))


@app.command()
def sources(
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """List canonical sources with their number of figures and the outlets that relay them."""
    from ..sources_registry import listed_sources

    with _ledger(db, existing=True) as ledger:
        summary = listed_sources(ledger.sources_summary())
    records = [
        {
            "source": s.source,
            "figures": s.n_claims,
            "documents": s.n_documents,
            "variants": list(s.names),
            "outlets": list(s.outlets),
        }
        for s in summary
    ]
    if fmt is RowFormat.table:
        table = Table(title=f"{len(records)} sources")
        for col in ("source", "figures", "reports", "written as", "relayed by"):
            table.add_column(col)
        for s in summary:
            table.add_row(
                s.source,
                str(s.n_claims),
                str(s.n_documents),
                "; ".join(s.names),
                "; ".join(s.outlets),
            )
        out.print(table)
    else:
        _write_rows(records, fmt)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it local.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_private_urls: Annotated[
        bool, typer.Option("--allow-private-urls", help="Let URL ingest reach private addresses.")
    ] = False,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Another host name the app answers to (repeatable)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Open the local web app (documents, annotated reports, metrics, sources, JSON API).

    It answers only to this machine's loopback names and the --host it binds (a page elsewhere
    that rebinds its name to this address is refused); --allow-host adds a name.
    """
    from ..web import WebSettings
    from ..web import serve as run_server
    from ..web.settings import LOOPBACK_HOSTS

    hosts = [*LOOPBACK_HOSTS, *(allow_host or [])]
    if host not in ("0.0.0.0", "::"):
        hosts.append(host)

    with _ledger(db) as ledger:
        err.print(f"claimledger on http://{host}:{port}/ (Ctrl+C to stop)")
        run_server(
            ledger,
            host=host,
            port=port,
            settings=WebSettings(allow_private_urls=allow_private_urls,
                                 allowed_hosts=tuple(dict.fromkeys(hosts))),
        )


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush of a closed pipe does
    not report an error."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
