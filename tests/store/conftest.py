"""Fixtures of the store tests: a fresh ledger per test, on SQLite and on PostgreSQL.

Every test that takes ``ledger`` (or ``make_ledger``) runs once per backend. SQLite ledgers are
in memory; each PostgreSQL test gets a schema of its own in the database of
``$CLAIMLEDGER_TEST_PG`` (default: the one ``.ci/postgres.sh`` prepares), dropped afterwards.
Without a reachable server the PostgreSQL tests fail, saying how to start one.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import psycopg
import pytest

from claimledger.model import Analysis
from claimledger.store import PostgresLedger, SQLiteLedger
from claimledger.store.common import redact

from .factories import make_analysis

PG_ENV = "CLAIMLEDGER_TEST_PG"
PG_DEFAULT = "postgresql://claimledger:claimledger@127.0.0.1:5432/claimledger_test"
BACKENDS = ("sqlite", "postgresql")

AnyLedger: TypeAlias = SQLiteLedger | PostgresLedger
MakeLedger: TypeAlias = Callable[..., AnyLedger]


def pg_url() -> str:
    """The PostgreSQL database the tests use."""
    return os.environ.get(PG_ENV) or PG_DEFAULT


def with_search_path(url: str, schema: str) -> str:
    """``url`` with connections that create and find tables in ``schema``."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


PG_DOWN = "PostgreSQL is not reachable"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Iterator[None]:
    """A PostgreSQL test without a server is a failed test, not an error of its fixture."""
    outcome: Any = yield
    report = outcome.get_result()
    if call.when == "setup" and report.failed and call.excinfo is not None:
        if str(call.excinfo.value).startswith(PG_DOWN):
            report.when = "call"


@pytest.fixture(scope="session")
def pg_server() -> str | None:
    """None when the test server answers, else why not (checked once per session)."""
    try:
        psycopg.connect(pg_url(), connect_timeout=5).close()
    except psycopg.Error as exc:
        return (
            f"{PG_DOWN} at {redact(pg_url())} ({str(exc).strip()}).\n"
            "Start it with `sudo bash .ci/postgres.sh` (installs, starts and prepares the test"
            f" database), or point ${PG_ENV} at another server."
        )
    return None


@pytest.fixture
def pg_schema_url(pg_server: str | None) -> Iterator[str]:
    """The URL of a fresh, empty schema of the test database (dropped after the test)."""
    if pg_server is not None:
        pytest.fail(pg_server, pytrace=False)
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(pg_url(), autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(pg_url(), schema)
    finally:
        with psycopg.connect(pg_url(), autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_ledger(backend: str, request: pytest.FixtureRequest) -> Iterator[MakeLedger]:
    """Opens ledgers of the test's backend (all on the same fresh store), closed afterwards."""
    opened: list[AnyLedger] = []
    url = request.getfixturevalue("pg_schema_url") if backend == "postgresql" else ""

    def make(**kwargs: Any) -> AnyLedger:
        store: AnyLedger = (
            PostgresLedger(url, **kwargs) if url else SQLiteLedger(":memory:", **kwargs)
        )
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def ledger(make_ledger: MakeLedger) -> AnyLedger:
    """A fresh ledger with a fixed source registry."""
    return make_ledger()


@pytest.fixture
def sqlite_ledger() -> Iterator[SQLiteLedger]:
    """A fresh in-memory SQLite ledger (for what only SQLite has)."""
    store = SQLiteLedger(":memory:")
    yield store
    store.close()


@pytest.fixture
def pg_ledger(pg_schema_url: str) -> Iterator[PostgresLedger]:
    """A fresh PostgreSQL ledger (for what only PostgreSQL has)."""
    store = PostgresLedger(pg_schema_url)
    yield store
    store.close()


def backend_error(store: AnyLedger, message: str) -> Exception:
    """The error the backend's driver raises when the disk fails, say."""
    if isinstance(store, SQLiteLedger):
        return sqlite3.OperationalError(message)
    return psycopg.OperationalError(message)


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()
