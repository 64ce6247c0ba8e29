"""What only the PostgreSQL ledger has: concurrent writers, its integrity checks, tsquery text."""

from __future__ import annotations

import threading
from collections.abc import Callable

from claimledger.model import Analysis
from claimledger.store import ClaimQuery, PostgresLedger
from claimledger.store.postgres import pg_sql, ts_query

from .factories import make_analysis


def run_together(jobs: list[Callable[[], None]]) -> list[BaseException]:
    """Run ``jobs`` in threads released at the same moment; the errors they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
        try:
            barrier.wait(timeout=30)
            job()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "an ingest hung"
    return errors


def report(i: int, lead: str = "Report") -> Analysis:
    """Made-up reports whose sources overlap: five agencies, one ministry."""
    return make_analysis(f"{lead} {i}: ", doc_id=f"r{i}", sources=(f"Agency {i % 5}", "Ministry"))


def assert_stored_once(store: PostgresLedger, analyses: list[Analysis]) -> None:
    hashes = {a.document.content_hash for a in analyses}
    assert store.count()["documents"] == len(hashes)
    assert store.count()["claims"] == 4 * len(hashes)
    for a in analyses:
        doc_id = store.lookup(a.document.content_hash)
        assert doc_id is not None
        assert store.get(doc_id).quantities == a.quantities
    ((names, distinct),) = store._conn.execute(
        "SELECT count(*), count(DISTINCT name) FROM source_names"
    ).fetchall()
    assert names == distinct == 7  # five agencies, "Ministry" and its canonical name
    assert store.integrity_check() == []


def test_concurrent_ingests_of_overlapping_documents_store_each_once(pg_schema_url: str) -> None:
    docs = [report(i) for i in range(40)]
    # Texts of their own under ids the first batch takes: they get ids from their hashes.
    others = [report(i, lead="Other") for i in range(0, 40, 4)]
    batches = [docs[:30], list(reversed(docs[10:])), others + docs[5:15]]
    stores = [PostgresLedger(pg_schema_url) for _ in batches]
    results: list[list[tuple[str, bool]]] = [[] for _ in batches]

    def ingest(k: int) -> Callable[[], None]:
        return lambda: results[k].extend(stores[k].save(a) for a in batches[k])

    try:
        assert run_together([ingest(k) for k in range(len(batches))]) == []
        assert_stored_once(stores[0], docs + others)
        saved = [r for batch in results for r in batch]
        assert sum(is_new for _, is_new in saved) == len(docs) + len(others)
        assert len({doc_id for doc_id, _ in saved}) == len(docs) + len(others)
        assert {doc_id for doc_id, _ in saved} >= {f"r{i}" for i in range(40)}
    finally:
        for store in stores:
            store.close()


def test_concurrent_ingests_of_the_same_documents_refresh_instead_of_failing(
    pg_schema_url: str,
) -> None:
    docs = [report(i) for i in range(15)]
    stores = [PostgresLedger(pg_schema_url) for _ in range(3)]
    try:
        def ingest(store: PostgresLedger) -> Callable[[], None]:
            def job() -> None:
                for a in docs:
                    store.save(a)

            return job

        assert run_together([ingest(store) for store in stores]) == []
        assert_stored_once(stores[0], docs)
        assert {d.id for d in stores[1].documents(limit=100)} == {f"r{i}" for i in range(15)}
    finally:
        for store in stores:
            store.close()


def test_one_ledger_shared_by_threads(pg_ledger: PostgresLedger) -> None:
    docs = [report(i) for i in range(20)]

    def ingest_and_read(part: list[Analysis]) -> Callable[[], None]:
        def job() -> None:
            for a in part:
                pg_ledger.save(a)
                assert pg_ledger.claims(ClaimQuery(doc_id=a.document.id))

        return job

    assert run_together([ingest_and_read(docs[k::4]) for k in range(4)]) == []
    assert_stored_once(pg_ledger, docs)


def test_integrity_check_reports_orphans_missing_search_rows_and_counts(
    pg_ledger: PostgresLedger, analysis: Analysis
) -> None:
    pg_ledger.save(analysis)
    pg_ledger.save(make_analysis("Second: ", doc_id="t002"))
    assert pg_ledger.integrity_check() == []
    conn = pg_ledger._conn
    conn.execute("UPDATE quantities SET search = NULL WHERE id = (SELECT min(id) FROM quantities)")
    conn.execute("UPDATE documents SET n_quantities = 9, n_failed_checks = 0 WHERE id = 't002'")
    conn.execute("ALTER TABLE quantities DROP CONSTRAINT quantities_doc_id_fkey")
    conn.execute("DELETE FROM documents WHERE id = 't001'")
    problems = pg_ledger.integrity_check()
    assert any(p.startswith("foreign key: quantities row") for p in problems)
    assert any(p.startswith("search index: claim") for p in problems)
    assert "counts: t002 records 9 figures but has 4" in problems
    assert "counts: t002 records 0 failed checks but has 1" in problems


def test_search_terms_become_a_tsquery_of_folded_words() -> None:
    assert ts_query("Su-34 (AWOL)") == "'su' & '34' & 'awol'"
    assert ts_query("foo_bar Répar*") == "('foo' <-> 'bar') & 'repar':*"
    assert ts_query("-:* & | !") == ""
    assert pg_sql("a LIKE ? AND b = '100%'") == "a LIKE %s AND b = '100%%'"


def test_a_phrase_word_matches_only_its_words_in_order(pg_ledger: PostgresLedger) -> None:
    pg_ledger.save(make_analysis(title="The air_defence report"))
    assert len(pg_ledger.claims(ClaimQuery(search="air_defence"))) == 4
    assert pg_ledger.claims(ClaimQuery(search="defence_air")) == []
