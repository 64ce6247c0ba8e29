"""Fixtures of the store tests: a fresh in-memory ledger per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimledger.model import Analysis
from claimledger.store import SQLiteLedger

from .factories import canonical, make_analysis


@pytest.fixture
def ledger() -> Iterator[SQLiteLedger]:
    """A fresh in-memory ledger with a fixed source registry."""
    store = SQLiteLedger(":memory:", canonical=canonical)
    yield store
    store.close()


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()

