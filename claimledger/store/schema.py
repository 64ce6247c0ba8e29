"""The ledger schema, defined once as a sequence of registered migrations.

A fresh ledger and an old one reach the same schema the same way: every migration not yet
recorded in ``schema_migrations`` runs, in order, each in the caller's transaction. A migration
that has been released is never edited; a change to the schema is a new migration.

The SQL keeps to what SQLite and PostgreSQL share (no ``AUTOINCREMENT``, JSON stored as text,
no reserved words as column names) except for the full-text table, which is SQLite's FTS5; a
PostgreSQL backend would put a ``tsvector`` column in its place.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True)
class RegisteredMigration:
    """A numbered step of the schema."""

    version: int
    name: str
    apply: Migration


MIGRATIONS: list[RegisteredMigration] = []


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as schema step ``version``; versions must come in order, from 1."""

    def register(fn: Migration) -> Migration:
        if version != len(MIGRATIONS) + 1:
            raise ValueError(f"migration {version} registered out of order")
        MIGRATIONS.append(RegisteredMigration(version, name, fn))
        return fn

    return register


V1_TABLES = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    language TEXT,
    origin TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    text TEXT NOT NULL,
    n_quantities INTEGER NOT NULL DEFAULT 0,
    n_failed_checks INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_high REAL,
    kind TEXT NOT NULL,
    unit TEXT,
    approx TEXT NOT NULL,
    change INTEGER NOT NULL,
    what TEXT,
    period_from TEXT,
    period_to TEXT,
    sources TEXT NOT NULL DEFAULT '[]',
    canonical_sources TEXT NOT NULL DEFAULT '[]',
    metric TEXT,
    UNIQUE (doc_id, idx)
);
CREATE INDEX quantities_metric ON quantities (metric);
CREATE INDEX quantities_period_to ON quantities (period_to);
CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    date_value TEXT,
    date_from TEXT,
    date_to TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE hedges (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    term TEXT NOT NULL,
    low REAL NOT NULL,
    high REAL NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE attributions (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    chain TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE checks (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    explanation TEXT NOT NULL,
    percent INTEGER,
    part INTEGER,
    whole INTEGER,
    parts TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX checks_status ON checks (status);
"""


@migration(1, "documents and their records")
def _v1_tables(conn: sqlite3.Connection) -> None:
    for statement in V1_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


V2_SEARCH = """
ALTER TABLE quantities ADD COLUMN date_key TEXT;
CREATE INDEX quantities_date_key ON quantities (date_key);
CREATE INDEX quantities_metric_date ON quantities (metric, date_key);
DROP INDEX quantities_metric;
CREATE TABLE source_names (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    folded TEXT NOT NULL
);
CREATE TABLE claim_sources (
    claim_id INTEGER NOT NULL REFERENCES quantities (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    name_id INTEGER NOT NULL REFERENCES source_names (id),
    canonical_id INTEGER NOT NULL REFERENCES source_names (id),
    PRIMARY KEY (claim_id, pos)
);
CREATE INDEX claim_sources_name ON claim_sources (name_id);
CREATE INDEX claim_sources_canonical ON claim_sources (canonical_id);
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, what, sources, title, tokenize = 'unicode61 remove_diacritics 2'
);
"""


@migration(2, "full-text search, source index and date key for claims")
def _v2_search(conn: sqlite3.Connection) -> None:
    for statement in V2_SEARCH.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(
        "UPDATE quantities SET date_key = coalesce(period_to,"
        " (SELECT published FROM documents d WHERE d.id = quantities.doc_id))"
    )
    rows = conn.execute(
        "SELECT q.id, q.text, q.what, q.sources, q.canonical_sources, d.title"
        " FROM quantities q JOIN documents d ON d.id = q.doc_id"
    ).fetchall()
    for claim_id, text, what, sources, canonical, title in rows:
        written = tuple(json.loads(sources))
        canon = tuple(json.loads(canonical))
        index_claim(conn, claim_id, text, what, written, canon, title)


@migration(3, "index for the documents list")
def _v3_documents_listing(conn: sqlite3.Connection) -> None:
    conn.execute("DROP INDEX documents_published")
    conn.execute(
        "CREATE INDEX documents_listing ON documents (published, ingested_at, id)"
    )


def source_name_id(conn: sqlite3.Connection, name: str) -> int:
    """The id of ``name`` in ``source_names``, added when it is new."""
    row = conn.execute("SELECT id FROM source_names WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO source_names (name, folded) VALUES (?, ?)", (name, name.casefold())
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def index_claim(
    conn: sqlite3.Connection,
    claim_id: int,
    text: str,
    what: str | None,
    sources: tuple[str, ...],
    canonical: tuple[str, ...],
    title: str | None,
) -> None:
    """Add a stored claim to the source index and the full-text table (schema v2 and on)."""
    for pos, name in enumerate(sources):
        canon = canonical[pos] if pos < len(canonical) else name
        conn.execute(
            "INSERT INTO claim_sources (claim_id, pos, name_id, canonical_id) VALUES (?, ?, ?, ?)",
            (claim_id, pos, source_name_id(conn, name), source_name_id(conn, canon)),
        )
    names = " ".join(dict.fromkeys(sources + canonical))
    conn.execute(
        "INSERT INTO claims_fts (rowid, text, what, sources, title) VALUES (?, ?, ?, ?, ?)",
        (claim_id, text, what or "", names, title or ""),
    )


SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    """The highest schema version recorded in the database (0 for an empty one)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def pending(version: int) -> list[RegisteredMigration]:
    """The registered migrations newer than ``version``."""
    return [m for m in MIGRATIONS if m.version > version]


def apply_migration(conn: sqlite3.Connection, step: RegisteredMigration) -> None:
    """Run ``step`` and record it; the caller holds the transaction."""
    step.apply(conn)
    conn.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        (step.version, step.name, datetime.now(UTC).isoformat(timespec="seconds")),
    )
