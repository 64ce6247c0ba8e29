"""Commands on events: the dated actions reports state, in order, with their relays."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..errors import ClaimLedgerError
from .common import DbOption, RowFormat, _fail, _ledger, _write_rows, app, iso_day, out


@app.command()
def events(
    actor: Annotated[str | None, typer.Option(help="Only events of this actor.")] = None,
    obj: Annotated[
        str | None, typer.Option("--object", help="Only events about this (words contained).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date.")] = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: DbOption = None,
) -> None:
    """A timeline of dated actions (signed, ratified, approved, ...) across reports: each with
    its actor, object, date and sources, how many reports state it, and ⚑ where they give it
    dates that cannot both be right.

    Example: claimledger events --actor Putin --since 2025-01-01
    """
    from dataclasses import asdict

    from ..checks.events_view import ledger_events

    since = iso_day(since, "--since")
    try:
        with _ledger(db, existing=True) as ledger:
            rows = ledger_events(ledger, actor=actor, obj=obj, since=since)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if fmt is not RowFormat.table:
        _write_rows([asdict(r) for r in rows], fmt)
        return
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "actor", "action", "object", "sources", "reports", "report"):
        table.add_column(col, overflow="fold")
    for r in rows:
        date = Text(("⚑ " if r.conflict else "") + (r.date or "?"),
                    style="red" if r.conflict else "")
        table.add_row(date, r.actor or "", r.action, r.object or "", " ← ".join(r.sources),
                      str(r.relays), f"{r.doc_id} ({r.outlet or ''})")
    out.print(table)
