"""Commands over the ledger: claims, documents, show, delete, export, doctor, sources, serve."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, BinaryIO, cast

import typer
from rich import box
from rich.table import Table

from .. import api
from ..errors import ClaimLedgerError
from ..render import render_analysis
from ..store.base import ClaimQuery, ClaimSort, DocumentQuery, DocumentSort, Ledger
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
    parse_value,
    styled,
)


class ClaimSortChoice(StrEnum):
    newest = "newest"
    oldest = "oldest"
    largest = "largest"
    smallest = "smallest"


class DocumentSortChoice(StrEnum):
    newest = "newest"
    oldest = "oldest"
    figures = "figures"
    failed = "failed"
    title = "title"  # type: ignore[assignment]  # str.title is a method


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
    search: Annotated[str | None, typer.Option(
        help="Words of the figure, its sentence, what it counts, its sources or the title.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Only claims from this source.")] = None,
    metric: Annotated[str | None, typer.Option(help="Only claims of this metric.")] = None,
    since: Annotated[str | None, typer.Option(help="Only claims on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only claims on or before this date.")] = None,
    value: Annotated[str | None, typer.Option(
        help="Only figures of this value (7400, 7,400 or 7 400 alike; a range holding it too)."
    )] = None,
    tolerance: Annotated[float, typer.Option(
        min=0, help="How far from --value a figure may be.")] = 0.0,
    sort: Annotated[ClaimSortChoice, typer.Option(
        help="Newest or oldest date first, largest or smallest value first.")
    ] = ClaimSortChoice.newest,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """Search the claims in the ledger.

    Examples:  claimledger claims --search desertion --source "UK Defence Intelligence"
    --since 2025-01-01  ·  claimledger claims --value 7400 --sort oldest  ·
    claimledger claims --metric ru_tank_losses --offset 50 -f csv
    """
    since, until = iso_day(since, "--since"), iso_day(until, "--until")
    query = ClaimQuery(
        search=search, source=source, metric=metric, since=since, until=until,
        value=parse_value(value) if value is not None else None, tolerance=tolerance,
        sort=cast(ClaimSort, sort.value), limit=limit, offset=offset,
    )
    with _ledger(db, existing=True) as ledger:
        try:
            rows = ledger.claims(query)
            total = ledger.count_claims(query) if fmt is RowFormat.table else len(rows)
        except ClaimLedgerError as exc:
            raise _fail(str(exc)) from None
    records = [{k: getattr(r, k) for k in CLAIM_FIELDS} for r in rows]
    if fmt is RowFormat.table:
        shown = f"{offset + 1}–{offset + len(rows)} of " if rows and len(rows) < total else ""
        noun = "claim" if total == 1 else "claims"
        table = Table(title=f"{shown}{total} {noun}", box=box.SIMPLE_HEAD, show_edge=False)
        # one line per figure, cut to the terminal (the full rows are in -f json or csv)
        cells = [(r.doc_id, r.text, r.what or "", r.period_to or r.published or "",
                  _source_cell(r.canonical_sources or r.sources)) for r in rows]
        fixed = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in ((0, "doc"),
                 (1, "figure"), (3, "date"))]
        room = max(20, out.width - sum(fixed) - 3 * 5)
        what_w = max(10, room * 3 // 5)
        source_w = max(10, room - what_w)
        for col in ("doc", "figure", "what", "date", "source"):
            table.add_column(col, no_wrap=True)
        for doc, fig, what, day, src in cells:
            table.add_row(doc, fig, _cut(what, what_w), day, _cut(src, source_w))
        out.print(table)
    else:
        _write_rows(records, fmt)


def _cut(text: str, width: int) -> str:
    """``text`` on at most ``width`` characters, an ellipsis marking a cut."""
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


def _source_cell(chain: tuple[str, ...]) -> str:
    """The original source of a chain (its innermost name) and how many relay it."""
    if not chain:
        return ""
    relays = len(chain) - 1
    return chain[-1] + (f" (+{relays} relaying)" if relays else "")


@app.command()
def documents(
    outlet: Annotated[str | None, typer.Option(help="Only documents of this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Only published on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="Only published on or before.")] = None,
    failed: Annotated[bool, typer.Option("--failed", help="Only documents with a failed check."
                                         )] = False,
    sort: Annotated[DocumentSortChoice, typer.Option(
        help="newest, oldest, figures (most first), failed (most failed checks first), title."
    )] = DocumentSortChoice.newest,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """List the stored documents with their figures and failed checks.

    Examples:  claimledger documents --failed  ·  claimledger documents --outlet Reuters
    --since 2025-01-01 --sort figures
    """
    query = DocumentQuery(
        outlet=outlet, since=iso_day(since, "--since"), until=iso_day(until, "--until"),
        failed_only=failed, sort=cast(DocumentSort, sort.value),
    )
    with _ledger(db, existing=True) as ledger:
        rows = ledger.documents(limit=limit, offset=offset, query=query)
        total = ledger.count_documents(query)
    if fmt is not RowFormat.table:
        _write_rows([dict(vars(r)) for r in rows], fmt)
        return
    shown = f"{offset + 1}–{offset + len(rows)} of " if rows and len(rows) < total else ""
    noun = "document" if total == 1 else "documents"
    table = Table(title=f"{shown}{total} {noun}", box=box.SIMPLE_HEAD, show_edge=False)
    cells = [(r.id, r.title or r.url or "", r.outlet or "", r.published or "",
              str(r.n_quantities), str(r.n_failed_checks)) for r in rows]
    heads = ("id", "title", "outlet", "published", "figures", "failed")
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads)]
    outlet_w = min(widths[2], 18)
    title_w = max(12, out.width - sum(widths) + widths[1] + widths[2] - outlet_w - 3 * 6)
    for head in heads:
        table.add_column(head, no_wrap=True, justify="right" if head in heads[4:] else "left")
    for c in cells:
        table.add_row(c[0], _cut(c[1], title_w), _cut(c[2], outlet_w), *c[3:])
    out.print(table)


@app.command()
def delete(
    doc_ids: Annotated[list[str], typer.Argument(help="Ids of the documents to remove.")],
    db: DbOption = None,
) -> None:
    """Remove documents and everything derived from them (figures, checks, search rows), all in
    one transaction: an unknown id removes nothing.

    Example:  claimledger delete doc-1e35d9abb31f
    """
    with _ledger(db, existing=True) as ledger:
        try:
            n = ledger.delete(doc_ids)
        except ClaimLedgerError as exc:
            raise _fail(f"{exc}; nothing was removed", 1) from None
    out.print(styled("✓ ", "green", f"removed {n} document{'s' if n != 1 else ''}"))


@app.command()
def show(doc_id: str, db: DbOption = None) -> None:
    """Show one stored report with its figures, claims and checks.

    Example:  claimledger show doc-1e35d9abb31f
    """
    with _ledger(db, existing=True) as ledger:
        try:
            analysis = ledger.get(doc_id)
        except ClaimLedgerError as exc:
            raise _fail(str(exc), 1) from None
    render_analysis(analysis, out)


@app.command()
def export(
    table: Annotated[
        str, typer.Argument(
            help="claims | documents | checks | series | events | times | hedges | attributions")
    ] = "claims",
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Output file.")] = None,
    db: DbOption = None,
) -> None:
    """Export a table of the ledger (claims, documents, checks, metric series with one row per
    point, events, times, hedges, attributions) as CSV, JSONL or Parquet.

    Examples:  claimledger export claims -f csv -o claims.csv  ·  claimledger export hedges
    """
    if table not in api.EXPORT_TABLES:
        raise _fail(f"cannot export {table!r}: choose {', '.join(api.EXPORT_TABLES)}")

    def write(ledger: Ledger, fmt: str, out: BinaryIO) -> int:
        return api.export_table(ledger, table, fmt, out)

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
    """Check the ledger's integrity (SQLite integrity and foreign keys, counts).

    Example:  claimledger doctor --db ledger.sqlite
    """
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
    """List canonical sources with their number of figures and the outlets that relay them.

    Example:  claimledger sources -f csv
    """
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
