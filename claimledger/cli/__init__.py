"""The ``claimledger`` command: a thin layer that parses arguments, calls the public API and prints.

One module per group of sub-commands; each registers its commands on the shared Typer ``app``.
Exit codes: 0 all went well; 1 some input failed (every good document is still stored);
2 a usage error or a ledger that cannot be opened.
"""

from __future__ import annotations

from . import (  # noqa: F401  (registers the commands)
    events_cmds,
    ingest_cmds,
    ledger_cmds,
    series_cmds,
)
from .common import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the console script."""
    app()
