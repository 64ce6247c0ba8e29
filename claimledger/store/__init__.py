"""The ledger: where analysed documents are kept, searched and exported.

``open_ledger()`` picks the backend from a path or URL; everything else goes through the
``Ledger`` interface of ``base``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from .base import CheckRow, ClaimQuery, ClaimRow, DocumentRow, Ledger, NotFoundError, SourceSummary
from .common import redact as _redact
from .sqlite import SQLiteLedger

if TYPE_CHECKING:
    from .postgres import PostgresLedger

__all__ = [
    "CheckRow",
    "ClaimQuery",
    "ClaimRow",
    "DocumentRow",
    "Ledger",
    "NotFoundError",
    "PostgresLedger",
    "SQLiteLedger",
    "SourceSummary",
    "default_path",
    "open_ledger",
]

ENV_VAR = "CLAIMLEDGER_DB"
LEDGER_FILE = Path("claimledger") / "ledger.sqlite"
SQLITE_PREFIXES = ("sqlite:///", "sqlite://")
POSTGRES_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def default_path() -> str:
    """Where the ledger lives when no ``--db`` is given.

    ``$CLAIMLEDGER_DB``, else ``$XDG_DATA_HOME/claimledger/ledger.sqlite``, else
    ``~/.local/share/claimledger/ledger.sqlite``.
    """
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        return explicit
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data_home) / LEDGER_FILE)


def resolve(url_or_path: str | None = None) -> tuple[str, str]:
    """The backend (``sqlite`` or ``postgresql``) and its target for ``url_or_path``."""
    target = url_or_path or default_path()
    if target.startswith(POSTGRES_PREFIXES):
        return "postgresql", target
    for prefix in SQLITE_PREFIXES:
        if target.startswith(prefix):
            rest = target[len(prefix):]
            return "sqlite", rest or ":memory:"
    if "://" in target:
        raise StoreError(target, "unknown ledger URL; use a path, sqlite:///path or postgresql://")
    return "sqlite", str(Path(target).expanduser()) if target != ":memory:" else target


def open_ledger(url_or_path: str | None = None) -> Ledger:
    """Open (creating and upgrading as needed) the ledger at ``url_or_path`` or the default."""
    backend, target = resolve(url_or_path)
    if backend == "postgresql":
        try:
            from .postgres import PostgresLedger
        except ImportError as exc:
            raise StoreError(
                _redact(target),
                f"PostgreSQL ledgers need psycopg ({exc}); pip install 'psycopg[binary]>=3.1'",
            ) from None
        return PostgresLedger(target)
    return SQLiteLedger(target)


def __getattr__(name: str) -> object:
    """``PostgresLedger`` on first use, so that SQLite users need not install psycopg."""
    if name == "PostgresLedger":
        from .postgres import PostgresLedger

        return PostgresLedger
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
