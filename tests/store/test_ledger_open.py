"""Choosing the ledger: default path, environment, URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.store import (
    PostgresLedger,
    SQLiteLedger,
    default_path,
    open_ledger,
    resolve,
)


def test_default_path_prefers_the_environment_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DB", str(tmp_path / "env.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == str(tmp_path / "env.sqlite")


def test_default_path_falls_back_to_xdg_then_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CLAIMLEDGER_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == str(tmp_path / "xdg" / "claimledger" / "ledger.sqlite")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "claimledger" / "ledger.sqlite"
    assert default_path() == str(expected)


def test_an_explicit_path_overrides_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DB", str(tmp_path / "env.sqlite"))
    assert resolve(str(tmp_path / "cli.sqlite")) == ("sqlite", str(tmp_path / "cli.sqlite"))


def test_sqlite_urls_follow_the_three_and_four_slash_convention(tmp_path: Path) -> None:
    assert resolve(f"sqlite:///{tmp_path}/a.sqlite") == ("sqlite", f"{tmp_path}/a.sqlite")
    assert resolve("sqlite:///relative.sqlite") == ("sqlite", "relative.sqlite")
    assert resolve("sqlite://") == ("sqlite", ":memory:")


def test_open_ledger_creates_the_file_and_its_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DB", str(tmp_path / "a" / "b" / "ledger.sqlite"))
    store = open_ledger()
    try:
        assert isinstance(store, SQLiteLedger)
        assert store.count()["documents"] == 0
    finally:
        store.close()
    assert (tmp_path / "a" / "b" / "ledger.sqlite").exists()


def test_an_unreachable_postgresql_server_is_a_store_error_without_the_password() -> None:
    # Port 1 on the loopback address: nothing listens there, the refusal is immediate.
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        open_ledger("postgresql://claims:s3cret@127.0.0.1:1/ledger")
    assert "s3cret" not in str(info.value)
    assert "claims:***@127.0.0.1:1" in str(info.value)


def test_postgresql_urls_open_a_postgres_ledger(pg_schema_url: str) -> None:
    for url in (pg_schema_url, pg_schema_url.replace("postgresql://", "postgres://", 1)):
        store = open_ledger(url)
        try:
            assert isinstance(store, PostgresLedger)
            assert store.count()["documents"] == 0
        finally:
            store.close()


def test_an_unknown_url_scheme_is_refused() -> None:
    with pytest.raises(StoreError, match="unknown ledger URL"):
        open_ledger("mysql://host/db")
