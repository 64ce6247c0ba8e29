"""Errors of claimledger. Each names the input it is about.

    ClaimLedgerError
    ├── IngestError        an input could not be read as documents
    │   ├── FetchError     a URL could not be fetched (network, refused address, too large)
    │   └── ParseError     bytes were read but hold no usable document (bad HTML, feed, JSONL)
    ├── StoreError         the ledger could not be opened or written
    └── ConfigError        a settings, registry or metric file is invalid

Failed checks are data (``Check`` with status ``inconsistent``), never exceptions.
"""

from __future__ import annotations


class ClaimLedgerError(Exception):
    """Base of every error claimledger raises on purpose."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class IngestError(ClaimLedgerError):
    """An input could not be read as documents."""


class FetchError(IngestError):
    """A URL could not be fetched."""


class ParseError(IngestError):
    """An input was read but holds no usable document."""


class StoreError(ClaimLedgerError):
    """The ledger could not be opened or written."""


class ConfigError(ClaimLedgerError):
    """A configuration file is invalid."""
