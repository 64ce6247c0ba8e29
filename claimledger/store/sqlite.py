"""The SQLite ledger: the default store, one file, WAL mode, full-text search over claims.

Every saved document is one ``BEGIN IMMEDIATE`` … ``COMMIT``: the document is stored whole or
not at all, and a crash halfway leaves the previous state. One connection is shared by the
threads of a process behind a lock (the web app's workers read through it); other processes
wait up to ``BUSY_TIMEOUT_MS`` for the write lock.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Analysis, Document, Quantity
from . import schema
from .base import ClaimQuery, ClaimRow, NotFoundError
from .common import CLAIM_COLUMNS as _CLAIM_COLUMNS
from .common import (
    ITER_BATCH,
    MAX_LIMIT,
    RECORD_INSERTS,
    RECORD_TABLES,
    LedgerReads,
    Params,
    canonical_names,
    claim_order,
    plain_claim_filters,
    record_rows,
    search_text,
)
from .common import claim_row as _claim_row
from .common import like_pattern as _like_pattern
from .common import now as _now

__all__ = ["SQLiteLedger", "fts_query"]

BUSY_TIMEOUT_MS = 10_000  # another process's save takes milliseconds; ten seconds means stuck
CACHE_KIB = 65_536  # 64 MiB page cache: the indexes of a million claims stay in memory
MMAP_BYTES = 1 << 28  # read through a 256 MiB memory map: no read() call per page
NAME_CACHE_SIZE = 100_000  # source names (and their ids) remembered between saves
# Checking one claim against a filter costs about this many times reading one match of it
# (measured: ~2.8 us per probe against ~0.45 us per materialised match).
PROBE_COST = 6
MIN_PROBE_MATCHES = 2_000  # below this many matches, reading them all is always cheap
# With a source filter matching many claims, the matches of a search are read into a set when
# fewer than this (~0.1 us each from the full-text index; then ~0.3 us per claim walked instead
# of a ~2.8 us probe); more, and the two together match densely enough to walk with two probes.
SEARCH_SET_MAX = 150_000

_WORD = re.compile(r"\w+\*?")


def fts_query(search: str) -> str:
    """``search`` as an FTS5 query: every word required, quoted; a trailing ``*`` is a prefix."""
    terms = []
    for word in _WORD.findall(search):
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms)


class SQLiteLedger(LedgerReads):
    """A ledger in one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path) -> None:
        """Open (creating or upgrading) the ledger at ``path``.

        The ledger stores what it is given: each figure's metric and canonical sources come
        with the analysis (the pipeline reads them off the registries).
        """
        self.path = str(path)
        self._name_ids: dict[str, int] = {}  # source_names ids of committed names
        self._new_name_ids: dict[str, int] = {}  # ids added by the open transaction
        self._lock = threading.RLock()
        if self.path != ":memory:":
            try:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(self.path, f"cannot create its folder: {exc}") from exc
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._configure()
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"cannot open the ledger: {exc}") from exc

    # -- opening -------------------------------------------------------------------------

    def _configure(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if self.path != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(self.path, f"cannot switch to WAL mode (got {mode})")
            # WAL + NORMAL survives a crash of the process; only power loss may drop the last save
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")

    def _migrate(self) -> None:
        with self._transaction():
            version = schema.current_version(self._conn)
            if version > schema.SCHEMA_VERSION:
                raise StoreError(
                    self.path,
                    f"ledger schema version {version} is newer than this claimledger"
                    f" supports ({schema.SCHEMA_VERSION}); upgrade claimledger",
                )
            for step in schema.pending(version):
                schema.apply_migration(self._conn, step)

    def schema_version(self) -> int:
        """The schema version of the open ledger."""
        with self._lock:
            return schema.current_version(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _read(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(self.path, f"cannot read the ledger: {exc}") from exc

    # -- writing -------------------------------------------------------------------------

    def save(self, analysis: Analysis) -> tuple[str, bool]:
        """Store ``analysis`` in one transaction; returns (doc id, whether it was new).

        A text already stored (same content hash) keeps its row and id: its metadata takes the
        new values that are set and its extraction is replaced.
        """
        with self._lock:  # the name ids of this save are its own until it commits
            doc = analysis.document
            try:
                with self._transaction() as conn:
                    row = conn.execute(
                        "SELECT id FROM documents WHERE content_hash = ?", (doc.content_hash,)
                    ).fetchone()
                    if row is None:
                        doc_id = self._free_id(conn, doc)
                        self._insert_document(conn, doc_id, doc)
                    else:
                        doc_id = row[0]
                        self._delete_records(conn, doc_id)
                        self._update_document(conn, doc_id, doc)
                    self._insert_records(conn, doc_id, analysis)
            except sqlite3.Error as exc:
                what = doc.id or doc.content_hash
                raise StoreError(self.path, f"cannot save {what}: {exc}") from exc
            finally:
                added, self._new_name_ids = self._new_name_ids, {}
            if len(self._name_ids) + len(added) > NAME_CACHE_SIZE:
                self._name_ids.clear()
            self._name_ids.update(added)  # committed: the transaction did not raise
        return doc_id, row is None

    def _free_id(self, conn: sqlite3.Connection, doc: Document) -> str:
        taken = "SELECT 1 FROM documents WHERE id = ?"
        if doc.id and conn.execute(taken, (doc.id,)).fetchone() is None:
            return doc.id
        for width in range(12, 65, 4):
            candidate = "doc-" + doc.content_hash[:width]
            if conn.execute(taken, (candidate,)).fetchone() is None:
                return candidate
        raise StoreError(self.path, f"no free id for {doc.content_hash}")

    def _insert_document(self, conn: sqlite3.Connection, doc_id: str, doc: Document) -> None:
        now = _now()
        conn.execute(
            "INSERT INTO documents (id, content_hash, url, title, outlet, published, language,"
            " origin, meta, text, ingested_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id, doc.content_hash, doc.url, doc.title, doc.outlet, doc.published,
                doc.language, doc.origin, json.dumps(doc.meta, default=str), doc.text, now, now,
            ),
        )

    def _update_document(self, conn: sqlite3.Connection, doc_id: str, doc: Document) -> None:
        conn.execute(
            "UPDATE documents SET url = coalesce(?, url), title = coalesce(?, title),"
            " outlet = coalesce(?, outlet), published = coalesce(?, published),"
            " language = coalesce(?, language), origin = coalesce(?, origin),"
            " meta = coalesce(?, meta), updated_at = ? WHERE id = ?",
            (
                doc.url, doc.title, doc.outlet, doc.published, doc.language, doc.origin,
                json.dumps(doc.meta, default=str) if doc.meta else None, _now(), doc_id,
            ),
        )

    def delete(self, doc_ids: list[str]) -> int:
        """Remove ``doc_ids`` and everything derived from them, in one transaction."""
        ids = list(dict.fromkeys(doc_ids))
        try:
            with self._transaction() as conn:
                for doc_id in ids:
                    if conn.execute("SELECT 1 FROM documents WHERE id = ?",
                                    (doc_id,)).fetchone() is None:
                        raise NotFoundError(doc_id, "no such document in the ledger")
                    self._delete_records(conn, doc_id)
                    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"cannot delete: {exc}") from exc
        return len(ids)

    def _delete_records(self, conn: sqlite3.Connection, doc_id: str) -> None:
        claims = "SELECT id FROM quantities WHERE doc_id = ?"
        conn.execute(f"DELETE FROM claims_fts WHERE rowid IN ({claims})", (doc_id,))
        conn.execute(f"DELETE FROM claim_sources WHERE claim_id IN ({claims})", (doc_id,))
        for table in ("quantities", *RECORD_TABLES):
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def _insert_records(self, conn: sqlite3.Connection, doc_id: str, analysis: Analysis) -> None:
        title, published = conn.execute(
            "SELECT title, published FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        self._insert_quantities(conn, doc_id, analysis, title, published)
        conn.executemany(
            "INSERT INTO times (doc_id, idx, span_start, span_end, text, type, date_value,"
            " date_from, date_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, t.start, t.end, t.text, t.type, t.value, t.from_, t.to)
                for i, t in enumerate(analysis.times)
            ],
        )
        conn.executemany(
            "INSERT INTO hedges (doc_id, idx, span_start, span_end, text, term, low, high)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, h.start, h.end, h.text, h.term, h.low, h.high)
                for i, h in enumerate(analysis.hedges)
            ],
        )
        conn.executemany(
            "INSERT INTO attributions (doc_id, idx, span_start, span_end, text, chain)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, a.start, a.end, a.text, json.dumps(list(a.chain)))
                for i, a in enumerate(analysis.attributions)
            ],
        )
        conn.executemany(
            "INSERT INTO checks (doc_id, idx, kind, status, explanation, percent, part, whole,"
            " parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, i, c.kind, c.status, c.explanation, c.percent, c.part, c.whole,
                 json.dumps(list(c.parts)))
                for i, c in enumerate(analysis.checks)
            ],
        )
        narrative = record_rows(doc_id, analysis)
        for table in ("events", "agreements", "links"):
            conn.executemany(RECORD_INSERTS[table], narrative[table])
        failed = sum(1 for c in analysis.checks if c.status == "inconsistent")
        conn.execute(
            "UPDATE documents SET n_quantities = ?, n_failed_checks = ? WHERE id = ?",
            (len(analysis.quantities), failed, doc_id),
        )

    def _insert_quantities(
        self,
        conn: sqlite3.Connection,
        doc_id: str,
        analysis: Analysis,
        title: str | None,
        published: str | None,
    ) -> None:
        """The figures, their source index and search rows: a few batched statements."""
        quantities = analysis.quantities
        if not quantities:
            return
        doc = analysis.document
        canonicals = [canonical_names(q) for q in quantities]
        conn.executemany(
            "INSERT INTO quantities (doc_id, idx, span_start, span_end, text, value, value_high,"
            " kind, unit, approx, change, what, period_from, period_to, sources,"
            " canonical_sources, metric, date_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                self._insert_quantity(doc_id, idx, q, published) for idx, q in enumerate(quantities)
            ],
        )
        ids = [
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM quantities WHERE doc_id = ? ORDER BY idx", (doc_id,)
            )
        ]
        # as schema.index_claim does for one claim, for all of them at once
        sources: list[tuple[int, int, int, int]] = []
        search: list[tuple[int, str, str, str, str]] = []
        for claim_id, q, canonical in zip(ids, quantities, canonicals, strict=True):
            for pos, (name, canon) in enumerate(zip(q.sources, canonical, strict=True)):
                sources.append(
                    (claim_id, pos, self._name_id(conn, name), self._name_id(conn, canon))
                )
            names = " ".join(dict.fromkeys(q.sources + canonical))
            search.append((claim_id, search_text(q, doc.text), q.what or "", names, title or ""))
        conn.executemany(
            "INSERT INTO claim_sources (claim_id, pos, name_id, canonical_id) VALUES (?, ?, ?, ?)",
            sources,
        )
        conn.executemany(
            "INSERT INTO claims_fts (rowid, text, what, sources, title) VALUES (?, ?, ?, ?, ?)",
            search,
        )

    def _insert_quantity(
        self,
        doc_id: str,
        idx: int,
        q: Quantity,
        published: str | None,
    ) -> tuple[Any, ...]:
        """The ``quantities`` row of figure ``idx`` (``_insert_quantities`` inserts them all)."""
        return (
            doc_id, idx, q.start, q.end, q.text, q.value, q.value_high, q.kind, q.unit,
            q.approx, int(q.change), q.what, q.period_from, q.period_to,
            json.dumps(list(q.sources), ensure_ascii=False),
            json.dumps(list(q.canonical_sources), ensure_ascii=False),
            q.metric,
            q.period_to or published,
        )

    def _name_id(self, conn: sqlite3.Connection, name: str) -> int:
        """The ``source_names`` id of ``name``; ids of committed names are remembered (names are
        never deleted), ids added by the open transaction only once it commits."""
        known = self._name_ids.get(name)
        if known is None:
            known = self._new_name_ids.get(name)
        if known is None:
            known = self._new_name_ids[name] = schema.source_name_id(conn, name)
        return known

    # -- reading -------------------------------------------------------------------------

    def claims(self, query: ClaimQuery) -> list[ClaimRow]:
        """Stored figures matching ``query``: a document's in order, else newest date first."""
        where, params = self._claim_filters(query, query.offset + min(query.limit, MAX_LIMIT))
        order = claim_order(query)
        rows = self._read(
            f"SELECT {_CLAIM_COLUMNS} FROM quantities q JOIN documents d ON d.id = q.doc_id"
            f" WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, min(query.limit, MAX_LIMIT), query.offset],
        )
        return [_claim_row(r) for r in rows]

    def count_claims(self, query: ClaimQuery) -> int:
        """How many stored figures match ``query``'s filters (its limit and offset ignored)."""
        where, params = self._claim_filters(query, MAX_LIMIT)
        ((n,),) = self._read(f"SELECT count(*) FROM quantities q WHERE {where}", params)
        return int(n)

    def iter_claims(self, query: ClaimQuery | None = None) -> Iterator[ClaimRow]:
        """Every stored figure (matching ``query``'s filters; its limit and offset are ignored),
        in storage order, streamed in batches.

        Unfiltered, the table is walked by row id. Filtered, the ids of the matches are read
        first through whichever index serves the filter (the row id ends every SQLite index),
        then their rows by id, a batch at a time: walking the table by id and testing every row
        would read all of it for a metric's few thousand figures. A figure deleted meanwhile (its
        document refreshed) is skipped, as paging by id would skip it.
        """
        query = query or ClaimQuery()
        where, params = self._claim_filters(query, ITER_BATCH)
        if where == "1 = 1":
            yield from self._iter_all_claims()
            return
        matches = self._read(f"SELECT q.id FROM quantities q WHERE {where}", params)
        ids = sorted(r[0] for r in matches)
        for start in range(0, len(ids), ITER_BATCH):
            batch = ids[start:start + ITER_BATCH]
            rows = self._read(
                f"SELECT {_CLAIM_COLUMNS} FROM quantities q JOIN documents d ON d.id = q.doc_id"
                f" WHERE q.id IN ({', '.join('?' * len(batch))}) ORDER BY q.id",
                batch,
            )
            yield from (_claim_row(r) for r in rows)

    def _iter_all_claims(self) -> Iterator[ClaimRow]:
        last = -1
        while True:
            rows = self._read(
                f"SELECT q.id, {_CLAIM_COLUMNS} FROM quantities q"
                " JOIN documents d ON d.id = q.doc_id WHERE q.id > ? ORDER BY q.id LIMIT ?",
                [last, ITER_BATCH],
            )
            yield from (_claim_row(r[1:]) for r in rows)
            if len(rows) < ITER_BATCH:
                return
            last = rows[-1][0]

    def _claim_filters(self, query: ClaimQuery, want: int) -> tuple[str, list[Any]]:
        """The WHERE clause for ``query`` when ``want`` rows are to be read in index order.

        A search or source filter that matches few claims is read whole (``IN``); one that
        matches many is checked claim by claim while the date index is walked (``EXISTS``), so
        that a common word costs about as much as a rare one. When both match many, the search
        matches (cheap to read from the full-text index) are read whole into a set unless they
        are very many, and the date index is walked checking that set (``+``: not an index to
        drive from) before the source: one probe per claim instead of two.
        """
        clauses, params = ["1 = 1"], []
        threshold = self._probe_threshold(want)
        match = fts_query(query.search) if query.search else ""
        matches = "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?"
        names = "SELECT id FROM source_names WHERE folded LIKE ? ESCAPE '\\'"
        pattern = _like_pattern(query.source) if query.source else ""
        by_name = f"SELECT claim_id FROM claim_sources WHERE name_id IN ({names})"
        by_canon = f"SELECT claim_id FROM claim_sources WHERE canonical_id IN ({names})"
        many_matches = bool(match) and self._at_least(matches, [match], threshold)
        many_sources = bool(pattern) and self._at_least(
            f"{by_name} UNION ALL {by_canon}", [pattern] * 2, threshold
        )
        if match:
            if not many_matches:
                clauses.append(f"q.id IN ({matches})")
            elif many_sources and not self._at_least(matches, [match], SEARCH_SET_MAX):
                clauses.append(f"+q.id IN ({matches})")
            else:
                clauses.append(f"EXISTS ({matches} AND rowid = q.id)")
            params.append(match)
        if pattern:
            if many_sources:
                clauses.append(
                    "EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = q.id"
                    f" AND (cs.name_id IN ({names}) OR cs.canonical_id IN ({names})))"
                )
            else:
                clauses.append(f"q.id IN ({by_name} UNION {by_canon})")
            params += [pattern] * 2
        plain, plain_params = plain_claim_filters(query)
        return " AND ".join(clauses + plain), params + plain_params

    def _probe_threshold(self, want: int) -> int:
        """Matches above which checking claim by claim beats reading every match.

        Reading M matches costs M; walking the index to find ``want`` of them costs about
        PROBE_COST * want * total / M; the two are equal at M = sqrt(PROBE_COST * want * total).
        """
        ((total,),) = self._read("SELECT coalesce(max(id), 0) FROM quantities")
        return max(MIN_PROBE_MATCHES, int((PROBE_COST * max(want, 1) * total) ** 0.5))

    def _at_least(self, sql: str, params: list[Any], n: int) -> bool:
        """Whether ``sql`` yields at least ``n`` rows (reading no more than ``n``)."""
        rows = self._read(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, n])
        return bool(rows[0][0] >= n)

    def integrity_check(self) -> list[str]:
        """Problems found: SQLite's own checks, foreign keys, the search index, stored counts.

        A ledger too damaged for a check to run is reported as that check's problem, never
        raised: the damage is what the check is for."""
        problems: list[str] = []

        def rows(label: str, sql: str) -> list[Any]:
            try:
                return list(self._read(sql))
            except StoreError as exc:
                problems.append(f"{label}: {exc.reason}")
                return []

        problems += [
            f"integrity: {msg}" for (msg,) in rows("integrity", "PRAGMA integrity_check")
            if msg != "ok"
        ]
        problems += [
            f"foreign key: {table} row {rowid} points to a missing {parent}"
            for table, rowid, parent, _fk in rows("foreign key", "PRAGMA foreign_key_check")
        ]
        try:
            with self._lock:
                self._conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
        except sqlite3.Error as exc:
            problems.append(f"search index: {exc}")
        for (claim_id,) in rows(
            "search index",
            "SELECT id FROM quantities WHERE id NOT IN (SELECT rowid FROM claims_fts) LIMIT 20",
        ):
            problems.append(f"search index: claim {claim_id} is missing")
        for doc_id, stored, actual in rows(
            "counts",
            "SELECT d.id, d.n_quantities, (SELECT count(*) FROM quantities q WHERE q.doc_id = d.id)"
            " AS n FROM documents d WHERE d.n_quantities != n LIMIT 20",
        ):
            problems.append(f"counts: {doc_id} records {stored} figures but has {actual}")
        return problems

    def optimize(self) -> None:
        """Refresh the query planner's statistics and merge the search index (after bulk loads)."""
        with self._lock:
            self._conn.execute("ANALYZE")
            self._conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('optimize')")

    def close(self) -> None:
        """Release the connection (after letting SQLite refresh its statistics)."""
        with self._lock:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # closing must not fail on a read-only or damaged file
            self._conn.close()

    def __enter__(self) -> SQLiteLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

