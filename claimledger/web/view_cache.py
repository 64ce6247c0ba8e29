"""The last ledger view (series and claims across reports) an app built, reused while the
ledger's counts stay the same: building it reads every figure of the ledger."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..checks.claim_series import LedgerView, ledger_view
from ..store.base import Ledger

VIEW_SECONDS = 60.0  # a ledger view is rebuilt after this long even when the counts stay


@dataclass
class ViewCache:
    """The last ledger view an app built, with the ledger counts and the time it was built."""

    key: tuple[tuple[str, int], ...] = ()
    built: float = 0.0
    view: LedgerView | None = None


def cached_view(ledger: Ledger, cache: ViewCache | None = None) -> LedgerView:
    """The series and claims of ``ledger`` (reading every figure), kept in ``cache`` while its
    counts of documents and claims stay the same, for at most ``VIEW_SECONDS``."""
    if cache is None:
        return ledger_view(ledger)
    key = tuple(sorted(ledger.count().items()))
    now = time.monotonic()
    if cache.view is not None and cache.key == key and now - cache.built < VIEW_SECONDS:
        return cache.view
    cache.view, cache.key, cache.built = ledger_view(ledger), key, now
    return cache.view

