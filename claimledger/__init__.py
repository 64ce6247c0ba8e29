"""claimledger: turn news reports into a ledger of checked claims.

The common case is one call::

    import claimledger
    analysis = claimledger.analyze("path/to/report.html")   # or text, or HTML
    for q in analysis.quantities: ...
    for c in analysis.checks: ...
"""

from __future__ import annotations

from .api import (
    IngestReport,
    analyze,
    analyze_sources,
    ingest_sources,
    reanalyze,
    sample_path,
)
from .errors import (
    ClaimLedgerError,
    ConfigError,
    FetchError,
    IngestError,
    ParseError,
    StoreError,
)
from .model import Analysis, Attribution, Check, Document, Hedge, Quantity, TimeExpr
from .pipeline import analyze_document

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Attribution",
    "Check",
    "ClaimLedgerError",
    "ConfigError",
    "Document",
    "FetchError",
    "Hedge",
    "IngestError",
    "IngestReport",
    "ParseError",
    "Quantity",
    "StoreError",
    "TimeExpr",
    "analyze",
    "analyze_document",
    "analyze_sources",
    "ingest_sources",
    "reanalyze",
    "sample_path",
]
