"""The PostgreSQL ledger: the same schema, rows and answers as the SQLite one, for many writers.

Every saved document is one transaction. Concurrent ingests of overlapping sources neither
duplicate nor fail: source names are added first, in sorted order, with ``ON CONFLICT DO
NOTHING`` (so two writers never wait on each other in opposite orders); the document row is
claimed with ``INSERT … ON CONFLICT DO NOTHING`` and, when its text is already stored, locked with
``SELECT … FOR UPDATE`` and refreshed; a deadlock or serialization failure that slips through is
retried. Full-text search is a ``tsvector`` column (configuration 'simple') over words folded in
Python as SQLite's tokenizer folds them, so both backends find the same claims.

One connection (autocommit; explicit transactions for writes) is shared by the threads of a
process behind a lock; the schema and its migrations are those of ``schema``, with its
PostgreSQL variants. The tables live in the connection's ``search_path`` (a URL may set it with
``?options=-csearch_path%3Dname``).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors

from ..errors import StoreError
from ..model import Analysis, Document, Quantity
from . import schema
from .base import ClaimQuery, ClaimRow, NotFoundError
from .common import (
    CLAIM_COLUMNS,
    ITER_BATCH,
    MAX_LIMIT,
    RECORD_INSERTS,
    RECORD_TABLES,
    LedgerReads,
    Params,
    canonical_names,
    claim_order,
    claim_row,
    like_pattern,
    now,
    plain_claim_filters,
    record_rows,
    redact,
    search_document,
    search_text,
    search_words,
)

CONNECT_TIMEOUT_S = 10
SAVE_ATTEMPTS = 5  # a save that meets a deadlock or serialization failure is tried again
_RETRYABLE = (pg_errors.DeadlockDetected, pg_errors.SerializationFailure, pg_errors.UniqueViolation)
_WORD = re.compile(r"\w+\*?")
PROGRESS_TABLE = "ingest_progress"  # see ``begin_run``
_T = TypeVar("_T")
_TABLES = ("documents", "quantities", "times", "hedges", "attributions", "checks", "events",
           "agreements", "links")


@lru_cache(maxsize=1024)
def pg_sql(sql: str) -> str:
    """The shared SQL's ``?`` placeholders as psycopg's ``%s`` (literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


_INSERT_QUANTITY = pg_sql(
    "INSERT INTO quantities (doc_id, idx, span_start, span_end, text, value, value_high, kind,"
    " unit, approx, change, what, period_from, period_to, sources, canonical_sources, metric,"
    " date_key, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " to_tsvector('simple', ?)) RETURNING id, idx"
)


def ts_query(search: str) -> str:
    """``search`` as a ``to_tsquery`` text: every word required, a trailing ``*`` a prefix.

    A word that folds to several (``Su-34`` is one word to ``\\w`` only up to the hyphen, but
    ``foo_bar`` is one) must match as a phrase. Words are letters and digits only, so nothing in
    the query is syntax.
    """
    terms = []
    for word in _WORD.findall(search):
        tokens = [f"'{token}'" for token in search_words(word.rstrip("*"))]
        if not tokens:
            continue
        if word.endswith("*"):
            tokens[-1] += ":*"
        terms.append(tokens[0] if len(tokens) == 1 else "(" + " <-> ".join(tokens) + ")")
    return " & ".join(terms)


class PgConnection:
    """A psycopg connection that takes the shared SQL with ``?`` placeholders."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        if not parameters:
            return self.raw.execute(sql.replace("?", "%s") if "?" in sql else sql)
        return self.raw.execute(pg_sql(sql), parameters)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(pg_sql(sql), rows)


class PostgresLedger(LedgerReads):
    """A ledger in a PostgreSQL database (the tables of the connection's ``search_path``)."""

    _document_order = "published DESC NULLS LAST, ingested_at DESC, id DESC"

    def __init__(self, url: str) -> None:
        """Connect to ``url`` and create or upgrade the ledger's tables.

        The ledger stores what it is given, as ``SQLiteLedger`` does. Raises ``StoreError``
        (with the password hidden) when the server cannot be reached.
        """
        self.url = redact(url)
        self._lock = threading.RLock()
        conninfo = re.sub(r"^(postgres|postgresql\+psycopg)://", "postgresql://", url)
        try:
            raw = psycopg.connect(conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(
                self.url, f"cannot connect to PostgreSQL: {self._hide(exc, url)}"
            ) from None
        self._conn = PgConnection(raw)
        self.worker_url = url  # with its password: for the workers of a run, never shown
        try:
            self._migrate()
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(self.url, f"cannot open the ledger: {exc}") from exc

    @staticmethod
    def _hide(exc: Exception, url: str) -> str:
        """The message of ``exc`` with the password of ``url`` blanked out."""
        message = str(exc).strip()
        creds = url.partition("://")[2].rpartition("@")[0]
        password = creds.partition(":")[2]
        return message.replace(password, "***") if password else message

    # -- opening -------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._transaction() as conn:
            # Two processes opening a fresh ledger at once: one creates, the other waits.
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext('claimledger schema '"
                " || coalesce(current_schema(), '')))"
            )
            version = schema.current_version(conn)
            if version > schema.SCHEMA_VERSION:
                raise StoreError(
                    self.url,
                    f"ledger schema version {version} is newer than this claimledger"
                    f" supports ({schema.SCHEMA_VERSION}); upgrade claimledger",
                )
            for step in schema.pending(version):
                schema.apply_migration(conn, step, "postgresql")

    def schema_version(self) -> int:
        """The schema version of the open ledger."""
        with self._lock:
            return schema.current_version(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[PgConnection]:
        with self._lock, self._conn.raw.transaction():
            yield self._conn

    def _read(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except psycopg.Error as exc:
                raise StoreError(self.url, f"cannot read the ledger: {exc}") from exc

    # -- writing -------------------------------------------------------------------------

    def save(self, analysis: Analysis) -> tuple[str, bool]:
        """Store ``analysis`` in one transaction; returns (doc id, whether it was new).

        A text already stored (same content hash) keeps its row and id: its metadata takes the
        new values that are set and its extraction is replaced.
        """
        return self._retrying(analysis, lambda conn: self._save(conn, analysis))

    def _retrying(self, analysis: Analysis, work: Callable[[PgConnection], _T]) -> _T:
        """``work`` in one transaction, retried up to ``SAVE_ATTEMPTS`` times while it
        conflicts with a concurrent writer; a failure is a ``StoreError`` naming the document."""
        doc = analysis.document
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with self._transaction() as conn:
                    return work(conn)
            except _RETRYABLE:
                if attempt == SAVE_ATTEMPTS:
                    raise StoreError(self.url, f"cannot save {doc.id or doc.content_hash}:"
                                     f" still conflicting after {attempt} attempts") from None
            except psycopg.Error as exc:
                raise StoreError(
                    self.url, f"cannot save {doc.id or doc.content_hash}: {exc}"
                ) from exc
        raise AssertionError("unreachable")

    # -- runs of parallel writers (``claimledger.scale``) ---------------------------------

    def begin_run(self) -> None:
        """Create the progress log of parallel ingest runs, if missing.

        A row per document a shard of a run has stored, committed with the document: a shard
        read again after its worker was lost skips what is logged and counts it as it was
        counted then, so a retry neither duplicates nor miscounts."""
        with self._transaction() as conn:
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext('claimledger schema '"
                " || coalesce(current_schema(), '')))"
            )
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {PROGRESS_TABLE} (run_id TEXT NOT NULL,"
                " shard_id TEXT NOT NULL, seq INTEGER NOT NULL, is_new BOOLEAN NOT NULL,"
                " PRIMARY KEY (run_id, shard_id, seq))"
            )

    def end_run(self, run_id: str) -> None:
        """Forget the progress log of ``run_id`` (the run is over)."""
        with self._transaction() as conn:
            conn.execute(f"DELETE FROM {PROGRESS_TABLE} WHERE run_id = ?", (run_id,))

    def run_progress(self, run_id: str, shard_id: str) -> dict[int, bool]:
        """The documents of ``shard_id`` that ``run_id`` has stored: seq -> whether new."""
        rows = self._read(
            f"SELECT seq, is_new FROM {PROGRESS_TABLE} WHERE run_id = ? AND shard_id = ?",
            (run_id, shard_id),
        )
        return {int(seq): bool(new) for seq, new in rows}

    def save_logged(self, analysis: Analysis, run_id: str, shard_id: str, seq: int) -> bool:
        """``save`` and log it as document ``seq`` of ``shard_id`` in ``run_id``, in one
        transaction; whether the document was new (as first logged, when another attempt at
        the same shard logged it first)."""

        def work(conn: PgConnection) -> bool:
            _, is_new = self._save(conn, analysis)
            row = conn.execute(
                f"INSERT INTO {PROGRESS_TABLE} (run_id, shard_id, seq, is_new)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING is_new",
                (run_id, shard_id, seq, is_new),
            ).fetchone()
            if row is None:
                row = conn.execute(
                    f"SELECT is_new FROM {PROGRESS_TABLE} WHERE run_id = ?"
                    " AND shard_id = ? AND seq = ?",
                    (run_id, shard_id, seq),
                ).fetchone()
            return bool(row[0]) if row is not None else is_new

        return self._retrying(analysis, work)

    @property
    def broken(self) -> bool:
        """Whether the connection is lost (a save that failed then failed for that reason)."""
        return bool(self._conn.raw.closed or self._conn.raw.broken)

    def _save(self, conn: PgConnection, analysis: Analysis) -> tuple[str, bool]:
        doc = analysis.document
        canonical = [canonical_names(q) for q in analysis.quantities]
        names = {n for q in analysis.quantities for n in q.sources}
        name_ids = self._name_ids(conn, sorted(names.union(*canonical)))
        doc_id, is_new, title, published = self._claim_document(conn, doc)
        links: list[tuple[int, int, int, int]] = []
        claim_ids = self._insert_quantities(conn, doc_id, analysis.quantities, doc, canonical,
                                            title, published)
        for i, q in enumerate(analysis.quantities):
            links += [
                (claim_ids[i], pos, name_ids[name], name_ids[canonical[i][pos]])
                for pos, name in enumerate(q.sources)
            ]
        conn.executemany(
            "INSERT INTO claim_sources (claim_id, pos, name_id, canonical_id) VALUES (?, ?, ?, ?)",
            links,
        )
        for table, rows in record_rows(doc_id, analysis).items():
            conn.executemany(RECORD_INSERTS[table], rows)
        failed = sum(1 for c in analysis.checks if c.status == "inconsistent")
        conn.execute(
            "UPDATE documents SET n_quantities = ?, n_failed_checks = ? WHERE id = ?",
            (len(analysis.quantities), failed, doc_id),
        )
        return doc_id, is_new

    def _name_ids(self, conn: PgConnection, names: list[str]) -> dict[str, int]:
        """Ids of ``names`` in ``source_names``, adding the new ones in sorted order."""
        if not names:
            return {}
        conn.executemany(
            "INSERT INTO source_names (name, folded) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            [(name, name.casefold()) for name in names],
        )
        rows = conn.execute(
            "SELECT name, id FROM source_names WHERE name = ANY(?)", (names,)
        ).fetchall()
        return {name: int(id_) for name, id_ in rows}

    def _claim_document(
        self, conn: PgConnection, doc: Document
    ) -> tuple[str, bool, str | None, str | None]:
        """The document row of ``doc``, inserted or locked and refreshed: its id, whether it is
        new, and the title and published date its claims are indexed under."""
        stamp = now()
        meta = json.dumps(doc.meta, default=str)
        candidates = ([doc.id] if doc.id else []) + [
            "doc-" + doc.content_hash[:width] for width in range(12, 65, 4)
        ]
        for candidate in candidates:
            row = self._locked_by_hash(conn, doc.content_hash)
            if row is not None:
                return self._refresh(conn, str(row[0]), doc)
            row = conn.execute(
                "INSERT INTO documents (id, content_hash, url, title, outlet, published,"
                " language, origin, meta, text, ingested_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
                " RETURNING title, published",
                (
                    candidate, doc.content_hash, doc.url, doc.title, doc.outlet, doc.published,
                    doc.language, doc.origin, meta, doc.text, stamp, stamp,
                ),
            ).fetchone()
            if row is not None:
                return candidate, True, row[0], row[1]
            # Either this text was stored meanwhile (refreshed above on the next round) or the
            # id is taken by another text (the next candidate is tried).
        row = self._locked_by_hash(conn, doc.content_hash)
        if row is not None:
            return self._refresh(conn, str(row[0]), doc)
        raise StoreError(self.url, f"no free id for {doc.content_hash}")

    @staticmethod
    def _locked_by_hash(conn: PgConnection, content_hash: str) -> tuple[Any, ...] | None:
        return conn.execute(
            "SELECT id FROM documents WHERE content_hash = ? FOR UPDATE", (content_hash,)
        ).fetchone()

    def _refresh(
        self, conn: PgConnection, doc_id: str, doc: Document
    ) -> tuple[str, bool, str | None, str | None]:
        conn.execute("DELETE FROM quantities WHERE doc_id = ?", (doc_id,))  # cascades to sources
        for table in RECORD_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        row = conn.execute(
            "UPDATE documents SET url = coalesce(?, url), title = coalesce(?, title),"
            " outlet = coalesce(?, outlet), published = coalesce(?, published),"
            " language = coalesce(?, language), origin = coalesce(?, origin),"
            " meta = coalesce(?, meta), updated_at = ? WHERE id = ? RETURNING title, published",
            (
                doc.url, doc.title, doc.outlet, doc.published, doc.language, doc.origin,
                json.dumps(doc.meta, default=str) if doc.meta else None, now(), doc_id,
            ),
        ).fetchone()
        assert row is not None
        return doc_id, False, row[0], row[1]

    def _insert_quantities(
        self,
        conn: PgConnection,
        doc_id: str,
        quantities: Sequence[Quantity],
        doc: Document,
        canonical: list[tuple[str, ...]],
        title: str | None,
        published: str | None,
    ) -> dict[int, int]:
        """Insert the figures of a document in one pipeline (one round trip, one prepared
        statement); their ids by position."""
        rows = [
            self._insert_quantity(doc_id, i, q, doc, canonical[i], title, published)
            for i, q in enumerate(quantities)
        ]
        if not rows:
            return {}
        ids: dict[int, int] = {}
        with conn.raw.cursor() as cur:
            cur.executemany(_INSERT_QUANTITY, rows, returning=True)
            for _ in cur.results():
                row = cur.fetchone()
                assert row is not None
                ids[int(row[1])] = int(row[0])
        return ids

    def _insert_quantity(
        self,
        doc_id: str,
        idx: int,
        q: Quantity,
        doc: Document,
        canonical: tuple[str, ...],
        title: str | None,
        published: str | None,
    ) -> tuple[Any, ...]:
        """The values of one figure's row in ``_insert_quantities``' statement."""
        names = " ".join(dict.fromkeys(q.sources + canonical))
        return (
            doc_id, idx, q.start, q.end, q.text, q.value, q.value_high, q.kind, q.unit,
            q.approx, int(q.change), q.what, q.period_from, q.period_to,
            json.dumps(list(q.sources), ensure_ascii=False),
            json.dumps(list(q.canonical_sources), ensure_ascii=False), q.metric,
            q.period_to or published,
            search_document(search_text(q, doc.text), q.what, names, title),
        )

    # -- reading -------------------------------------------------------------------------

    def claims(self, query: ClaimQuery) -> list[ClaimRow]:
        """Stored figures matching ``query``: a document's in order, else newest date first."""
        where, params = self._claim_filters(query)
        order = claim_order(query, " NULLS LAST")
        rows = self._read(
            f"SELECT {CLAIM_COLUMNS} FROM quantities q JOIN documents d ON d.id = q.doc_id"
            f" WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, min(query.limit, MAX_LIMIT), query.offset],
        )
        return [claim_row(r) for r in rows]

    def count_claims(self, query: ClaimQuery) -> int:
        """How many stored figures match ``query``'s filters (its limit and offset ignored)."""
        where, params = self._claim_filters(query)
        ((n,),) = self._read(f"SELECT count(*) FROM quantities q WHERE {where}", params)
        return int(n)

    def delete(self, doc_ids: list[str]) -> int:
        """Remove ``doc_ids`` and everything derived from them (the tables cascade), in one
        transaction."""
        ids = list(dict.fromkeys(doc_ids))
        try:
            with self._transaction() as conn:
                for doc_id in ids:
                    row = conn.execute(
                        "DELETE FROM documents WHERE id = ? RETURNING id", (doc_id,)
                    ).fetchone()
                    if row is None:
                        raise NotFoundError(doc_id, "no such document in the ledger")
        except psycopg.Error as exc:
            raise StoreError(self.url, f"cannot delete: {exc}") from exc
        return len(ids)

    def iter_claims(self, query: ClaimQuery | None = None) -> Iterator[ClaimRow]:
        """Every stored figure (matching ``query``'s filters; its limit and offset are ignored),
        in storage order, streamed in batches."""
        where, params = self._claim_filters(query or ClaimQuery())
        last = -1
        while True:
            rows = self._read(
                f"SELECT q.id, {CLAIM_COLUMNS} FROM quantities q"
                f" JOIN documents d ON d.id = q.doc_id WHERE q.id > ? AND {where}"
                " ORDER BY q.id LIMIT ?",
                [last, *params, ITER_BATCH],
            )
            yield from (claim_row(r[1:]) for r in rows)
            if len(rows) < ITER_BATCH:
                return
            last = rows[-1][0]

    def _claim_filters(self, query: ClaimQuery) -> tuple[str, list[Any]]:
        """The WHERE clause for ``query`` (the planner picks between the GIN and date index)."""
        clauses, params = ["TRUE"], []
        if query.search and (tsq := ts_query(query.search)):
            clauses.append("q.search @@ to_tsquery('simple', ?)")
            params.append(tsq)
        if query.source:
            names = "SELECT id FROM source_names WHERE folded LIKE ? ESCAPE '\\'"
            clauses.append(
                "EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = q.id"
                f" AND (cs.name_id IN ({names}) OR cs.canonical_id IN ({names})))"
            )
            params += [like_pattern(query.source)] * 2
        plain, plain_params = plain_claim_filters(query)
        return " AND ".join(clauses + plain), params + plain_params

    def integrity_check(self) -> list[str]:
        """Problems found: invalid indexes, orphan rows, missing search rows, stored counts."""
        problems = [
            f"integrity: index {name} is invalid"
            for (name,) in self._read(
                "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                " JOIN pg_class t ON t.oid = i.indrelid"
                " JOIN pg_namespace s ON s.oid = t.relnamespace"
                " WHERE s.nspname = current_schema() AND NOT i.indisvalid"
            )
        ]
        for table in _TABLES[1:]:
            key = "id" if table == "quantities" else "idx"
            problems += [
                f"foreign key: {table} row {row} points to a missing documents"
                for (row,) in self._read(
                    f"SELECT t.{key} FROM {table} t WHERE NOT EXISTS"
                    " (SELECT 1 FROM documents d WHERE d.id = t.doc_id) LIMIT 20"
                )
            ]
        problems += [
            f"foreign key: claim_sources row ({claim}, {pos}) points to a missing {what}"
            for claim, pos, what in self._read(
                "SELECT cs.claim_id, cs.pos, CASE WHEN q.id IS NULL THEN 'quantities'"
                " ELSE 'source_names' END FROM claim_sources cs"
                " LEFT JOIN quantities q ON q.id = cs.claim_id"
                " LEFT JOIN source_names n ON n.id = cs.name_id"
                " LEFT JOIN source_names c ON c.id = cs.canonical_id"
                " WHERE q.id IS NULL OR n.id IS NULL OR c.id IS NULL LIMIT 20"
            )
        ]
        problems += [
            f"search index: claim {claim_id} is missing"
            for (claim_id,) in self._read(
                "SELECT id FROM quantities WHERE search IS NULL ORDER BY id LIMIT 20"
            )
        ]
        for doc_id, stored, actual, stored_failed, failed in self._read(
            "SELECT id, n_quantities, n, n_failed_checks, f FROM (SELECT d.id, d.n_quantities,"
            " (SELECT count(*) FROM quantities q WHERE q.doc_id = d.id) AS n, d.n_failed_checks,"
            " (SELECT count(*) FROM checks c WHERE c.doc_id = d.id"
            " AND c.status = 'inconsistent') AS f FROM documents d) counted"
            " WHERE n_quantities != n OR n_failed_checks != f ORDER BY id LIMIT 20"
        ):
            if stored != actual:
                problems.append(f"counts: {doc_id} records {stored} figures but has {actual}")
            if stored_failed != failed:
                problems.append(
                    f"counts: {doc_id} records {stored_failed} failed checks but has {failed}"
                )
        return problems

    def optimize(self) -> None:
        """Refresh the planner's statistics (after bulk loads)."""
        with self._lock:
            for table in (*_TABLES, "claim_sources", "source_names"):
                self._conn.execute(f"ANALYZE {table}")

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            self._conn.raw.close()

    def __enter__(self) -> PostgresLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
