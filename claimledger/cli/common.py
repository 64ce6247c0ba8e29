"""What every ``claimledger`` sub-command shares: the app, consoles, options, ledger opening.

Exit codes: 0 all went well; 1 some input failed (every good document is still stored);
2 a usage error or a ledger that cannot be opened.
"""

from __future__ import annotations

import csv
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
from rich.text import Text
from typer.core import TyperOption

from ..errors import ClaimLedgerError
from ..ingest import IngestFailure, IngestSettings
from ..model import Analysis
from ..store import open_ledger
from ..store.base import Ledger


def _flag_type(display: Any) -> Any:
    """Typer shows ``<bool>`` after every flag; a flag takes no value, so it shows none."""
    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else display(self, ctx)
    return display_type_rich


# the help of every command: flags without a value type (``--quiet``, not ``--quiet <bool>``)
setattr(TyperOption, "display_type_rich", _flag_type(TyperOption.display_type_rich))  # noqa: B010

app = typer.Typer(
    name="claimledger",
    help="Turn news reports into a ledger of checked claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"claimledger {version('claimledger')}")
        except PackageNotFoundError:
            print("claimledger (not installed)")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news reports into a ledger of checked claims."""


# Markup and emoji codes are off: report text, titles and file names are untrusted and may hold
# "[...]" or ":name:" sequences; styling is done with Text objects (see ``styled``).
out = Console(soft_wrap=False, markup=False, emoji=False, highlight=False)
err = Console(stderr=True, markup=False, emoji=False, highlight=False)


def styled(mark: str, style: str, rest: str) -> Text:
    """``mark`` in ``style`` followed by ``rest`` as plain text (never parsed as markup)."""
    return Text.assemble((mark, style), rest)


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Ledger path or URL (default: $CLAIMLEDGER_DB, else user data dir)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching private and loopback addresses.")
]


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


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(styled("error: ", "bold red", message))
    return typer.Exit(code)


@contextmanager
def _ledger(db: str | None, *, existing: bool = False) -> Iterator[Ledger]:
    """The ledger at ``db`` (or the default), opened for one command. ``existing``: a command
    that only reads refuses a SQLite path with no ledger behind it (a mistyped ``--db`` would
    otherwise create an empty ledger and answer from it)."""
    from ..store import resolve

    backend, target = resolve(db)
    new = backend == "sqlite" and target != ":memory:" and not Path(target).exists()
    if existing and new:
        raise _fail(f"no ledger at {target}: check --db, or ingest or analyze a report "
                    "to create one")
    try:
        ledger = open_ledger(db)
    except ClaimLedgerError as exc:
        raise _fail(str(exc)) from None
    if new:  # a writing command's first use: say where the ledger now is
        err.print(f"created a new ledger at {target}", soft_wrap=True)
    try:
        yield ledger
    finally:
        ledger.close()


def _settings(allow_private: bool, max_bytes: int | None) -> IngestSettings:
    if max_bytes is None:
        return IngestSettings(allow_private=allow_private)
    return IngestSettings(allow_private=allow_private, max_bytes=max_bytes)


def _report_failure(failure: IngestFailure) -> None:
    err.print(styled("✗ ", "red", f"{failure.source}: {failure.reason}"), soft_wrap=True)


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
        self._show()

    def advance(self, documents: int) -> None:
        """``documents`` more were stored by workers (the Dask engine's shards)."""
        self.seen += documents
        self._show()

    def _show(self) -> None:
        if self.quiet:
            return
        if self.progress is None and self.seen >= 2:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed} documents"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("ingesting", total=None)
        if self.progress is not None:
            self.progress.update(self.task, completed=self.seen)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _write_rows(records: list[dict[str, Any]], fmt: RowFormat) -> None:
    """Rows for machines on stdout: JSON, JSONL or CSV (lists as JSON arrays, as ``export``
    writes them)."""
    if fmt is RowFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=list) + "\n")
    elif fmt is RowFormat.jsonl:
        for r in records:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=list) + "\n")
    else:
        writer = csv.writer(sys.stdout)
        if records:
            writer.writerow(records[0].keys())
        for r in records:
            writer.writerow(
                json.dumps(list(v), ensure_ascii=False) if isinstance(v, tuple | list)
                else "" if v is None else v
                for v in r.values()
            )


def parse_value(text: str) -> float:
    """A value typed by a user ("7400", "7,400", "7 400", "7_400", "2.5") as a number, or a
    usage error. A comma or a space between digit groups is a thousands separator; a point is
    a decimal point."""
    cleaned = "".join(ch for ch in text if not ch.isspace() and ch not in ",_'")
    try:
        return float(cleaned)
    except ValueError:
        raise _fail(f"--value must be a number such as 7400 or 7,400, not {text!r}") from None


def iso_day(value: str | None, option: str) -> str | None:
    """``value`` as an ISO day (YYYY-MM-DD), or a usage error naming ``option``."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise _fail(f"{option} must be a date as YYYY-MM-DD, not {value!r}") from None

