"""Every ledger, SQLite and PostgreSQL alike: round trips, idempotency, search and filters,
summaries, integrity. Each test runs once per backend (see conftest)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimledger.errors import StoreError
from claimledger.model import Analysis, Attribution, Document, Hedge, Quantity, TimeExpr
from claimledger.store import ClaimQuery, NotFoundError
from claimledger.store import postgres as postgres_store
from claimledger.store import sqlite as sqlite_store

from .conftest import AnyLedger, MakeLedger, backend_error
from .factories import make_analysis, span


def test_save_then_get_returns_the_same_analysis(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    doc_id, is_new = ledger.save(analysis)
    assert (doc_id, is_new) == ("t001", True)
    assert ledger.get(doc_id) == analysis
    assert ledger.get(doc_id).document.meta == {"feed": "x"}


def test_stored_offsets_still_cover_their_surface(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    stored = ledger.get(ledger.save(analysis)[0])
    text = stored.document.text
    records: list[Quantity | TimeExpr | Hedge | Attribution] = [
        *stored.quantities, *stored.times, *stored.hedges, *stored.attributions,
    ]
    for record in records:
        assert text[record.start:record.end] == record.text


def test_saving_the_same_text_again_keeps_one_row_and_refreshes_extraction(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    fewer = replace(analysis, quantities=analysis.quantities[:1], checks=())
    assert ledger.save(fewer) == ("t001", False)
    assert ledger.count() == {"documents": 1, "claims": 1, "checks": 0, "failed_checks": 0}
    assert ledger.get("t001").quantities == analysis.quantities[:1]
    assert [r.index for r in ledger.claims(ClaimQuery(search="drones"))] == [0]
    assert ledger.claims(ClaimQuery(search="repairs")) == []
    assert ledger.integrity_check() == []


def test_refresh_keeps_the_first_id_even_under_another_input_id(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    again = replace(analysis, document=replace(analysis.document, id="other", title=None))
    assert ledger.save(again) == ("t001", False)
    assert ledger.get("t001").document.title == "Drone strikes on the grid"


def test_refresh_takes_new_metadata(ledger: AnyLedger, analysis: Analysis) -> None:
    ledger.save(analysis)
    ledger.save(replace(analysis, document=replace(analysis.document, outlet="Other Wire")))
    assert ledger.documents()[0].outlet == "Other Wire"


def test_the_same_text_from_another_outlet_is_another_report(ledger: AnyLedger) -> None:
    first = make_analysis(doc_id="wire-1")
    first = replace(first, document=replace(first.document, url=None, outlet="Wire One"))
    copy = replace(first, document=replace(first.document, id="wire-2", outlet="Wire Two"))
    assert ledger.save(first) == ("wire-1", True)
    assert ledger.save(copy) == ("wire-2", True)
    assert {d.outlet for d in ledger.documents()} == {"Wire One", "Wire Two"}
    assert ledger.save(copy) == ("wire-2", False)  # the same report again is stored once
    assert ledger.count()["documents"] == 2


def test_a_lone_surrogate_in_a_text_has_an_identity() -> None:
    broken = make_analysis(doc_id="odd")
    doc = replace(broken.document, text=broken.document.text + " \ud800")
    assert len(doc.content_hash) == 64


def test_a_different_text_under_a_taken_id_gets_an_id_from_its_hash(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    other = make_analysis("More later. ")
    doc_id, is_new = ledger.save(other)
    assert is_new and doc_id == "doc-" + other.document.content_hash[:12]
    assert ledger.lookup(other.document.content_hash) == doc_id


def test_a_document_without_id_is_stored_under_its_hash(ledger: AnyLedger) -> None:
    plain = make_analysis(doc_id="")
    assert ledger.save(plain)[0] == "doc-" + plain.document.content_hash[:12]


def test_a_failed_save_stores_nothing(
    ledger: AnyLedger, analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise backend_error(ledger, "disk I/O error")

    monkeypatch.setattr(ledger, "_insert_quantity", broken)
    with pytest.raises(StoreError, match="disk I/O error"):
        ledger.save(analysis)
    assert ledger.count() == {"documents": 0, "claims": 0, "checks": 0, "failed_checks": 0}


def test_a_failed_refresh_keeps_the_previous_extraction(
    ledger: AnyLedger, analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.save(analysis)

    def broken(*args: object) -> None:
        raise backend_error(ledger, "disk full")

    monkeypatch.setattr(ledger, "_insert_quantity", broken)
    with pytest.raises(StoreError):
        ledger.save(replace(analysis, checks=()))
    assert ledger.get("t001") == analysis


def test_get_of_an_unknown_id_raises_not_found(ledger: AnyLedger) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        ledger.get("nope")
    assert issubclass(NotFoundError, StoreError)


def test_claims_carry_canonical_sources_and_document_metadata(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    first = ledger.claims(ClaimQuery(doc_id="t001"))[0]
    assert first.sources == ("the regional governor", "Ministry")
    assert first.canonical_sources == ("Regional Governor", "Ministry of Defence")
    assert (first.outlet, first.published, first.title) == (
        "Test Wire", "2024-11-20", "Drone strikes on the grid",
    )
    assert (first.value, first.approx, first.period_to) == (42.0, "about", "2024-11")


def test_claims_of_a_document_come_in_text_order(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    ledger.save(make_analysis("Another made-up report of ", doc_id="t002"))
    assert [c.index for c in ledger.claims(ClaimQuery(doc_id="t001"))] == [0, 1, 2, 3]


def test_search_matches_text_what_sources_and_title(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    assert {c.index for c in ledger.claims(ClaimQuery(search="drones"))} == {0}
    # the words of a figure's sentence are searched too: its three figures, not the fourth
    assert {c.index for c in ledger.claims(ClaimQuery(search="craft"))} == {0, 1, 2}
    assert {c.index for c in ledger.claims(ClaimQuery(search="launched"))} == {0, 1, 2}
    assert {c.index for c in ledger.claims(ClaimQuery(search="likely"))} == {3}
    assert {c.index for c in ledger.claims(ClaimQuery(search="ministry defence"))} == {0, 1, 2}
    assert len(ledger.claims(ClaimQuery(search="grid"))) == 4
    assert {c.index for c in ledger.claims(ClaimQuery(search="repair*"))} == {3}
    assert ledger.claims(ClaimQuery(search="tanks")) == []


def test_search_survives_punctuation_and_query_syntax(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    assert [c.index for c in ledger.claims(ClaimQuery(search='"drones" (NEAR:'))] == []
    assert [c.index for c in ledger.claims(ClaimQuery(search='"drones" (:'))] == [0]
    assert len(ledger.claims(ClaimQuery(search="-:*"))) == 4  # no words: no search filter


def test_search_folds_case_in_cyrillic(ledger: AnyLedger) -> None:
    text = "За даними Генштабу, збито 12 дронів."
    cyr = Analysis(
        document=Document(text, id="u1", title="Звіт"),
        quantities=(Quantity(*span(text, "12"), value=12, what="Дронів"),),
    )
    ledger.save(cyr)
    assert [c.doc_id for c in ledger.claims(ClaimQuery(search="ДРОНІВ"))] == ["u1"]


def test_source_filter_matches_written_or_canonical_names_in_any_case(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    other = make_analysis("Made up. ", doc_id="t002", sources=("Navy spokesman",))
    ledger.save(other)
    assert {c.doc_id for c in ledger.claims(ClaimQuery(source="GOVERNOR"))} == {"t001"}
    assert {c.doc_id for c in ledger.claims(ClaimQuery(source="of defence"))} == {"t001"}
    assert {c.doc_id for c in ledger.claims(ClaimQuery(source="navy"))} == {"t002"}
    assert ledger.claims(ClaimQuery(source="100%_")) == []


def test_since_and_until_use_period_to_else_published(ledger: AnyLedger) -> None:
    ledger.save(make_analysis("Report one: ", doc_id="a", period_to="2024-03"))
    ledger.save(make_analysis("Report two: ", doc_id="b", period_to=None,
                              published="2024-06-15"))
    ledger.save(make_analysis("Report three: ", doc_id="c", period_to="2025-01-02"))

    def docs(since: str | None = None, until: str | None = None) -> set[str]:
        query = ClaimQuery(search="shot", since=since, until=until)
        return {c.doc_id for c in ledger.claims(query)}

    assert docs(since="2024-06-01") == {"b", "c"}
    assert docs(until="2024-06") == {"a", "b"}
    assert docs(since="2024-03", until="2024-12-31") == {"a", "b"}
    assert docs(until="2024-02") == set()


def test_claims_are_newest_first_and_paged(ledger: AnyLedger) -> None:
    for i, month in enumerate(["2024-01", "2024-03", "2024-02"]):
        ledger.save(make_analysis(f"Report {i}: ", doc_id=f"r{i}", period_to=month))
    found = ledger.claims(ClaimQuery(search="shot", limit=2))
    assert [c.period_to for c in found] == ["2024-03", "2024-02"]
    assert [c.period_to for c in ledger.claims(ClaimQuery(search="shot", offset=2))] == [
        "2024-01"
    ]


def test_the_metric_the_analysis_gives_is_stored(make_ledger: MakeLedger) -> None:
    def metric_of(q: Quantity, doc: object) -> str | None:
        return "drones_launched" if q.what == "drones" else None

    store = make_ledger()
    store.save(make_analysis(metric_of=metric_of))
    series = store.claims(ClaimQuery(metric="drones_launched"))
    assert [(c.index, c.metric) for c in series] == [(0, "drones_launched")]


def test_metrics_summary_counts_figures_reports_and_latest_date(
    make_ledger: MakeLedger,
) -> None:
    def metric_of(q: Quantity, doc: object) -> str | None:
        return {"drones": "drones_launched", "shot down": "drones_downed"}.get(q.what or "")

    store = make_ledger()
    assert store.metrics_summary() == []
    store.save(make_analysis("One. ", doc_id="a", period_to="2024-11", metric_of=metric_of))
    store.save(make_analysis("Two. ", doc_id="b", period_to="2024-12-02", metric_of=metric_of))
    store.save(make_analysis("Three. ", doc_id="c", period_to=None, published="2025-01-05",
                             metric_of=metric_of))
    summary = store.metrics_summary()
    assert [(m.metric, m.n_claims, m.n_documents, m.last_date) for m in summary] == [
        ("drones_downed", 3, 3, "2025-01-05"),
        ("drones_launched", 3, 3, "2025-01-05"),
    ]
    four = make_analysis("Four. ", doc_id="d", period_to="2023-01", metric_of=metric_of)
    store.save(replace(four, quantities=four.quantities[:1], checks=()))
    launched = {m.metric: m for m in store.metrics_summary()}["drones_launched"]
    assert (launched.n_claims, launched.n_documents, launched.last_date) == (4, 4, "2025-01-05")


def test_iter_claims_streams_all_rows_and_applies_filters(ledger: AnyLedger) -> None:
    for i in range(5):
        ledger.save(make_analysis(f"Report {i}: ", doc_id=f"r{i}"))
    assert len(list(ledger.iter_claims())) == 20
    assert len(list(ledger.iter_claims(ClaimQuery(search="drones", limit=1)))) == 5



def test_filtered_iter_claims_keeps_storage_order_across_batches(
    make_ledger: MakeLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_store, "ITER_BATCH", 3)
    monkeypatch.setattr(postgres_store, "ITER_BATCH", 3)

    def metric_of(q: Quantity, doc: object) -> str | None:
        return "even" if q.start % 2 == 0 else "odd"

    store = make_ledger()
    for i in range(6):
        store.save(make_analysis(f"Report {i}: " + "x" * i, doc_id=f"r{i}", metric_of=metric_of))
    every = [(c.doc_id, c.index, c.metric) for c in store.iter_claims()]
    assert len(every) == 24
    for metric in ("even", "odd"):
        got = [(c.doc_id, c.index, c.metric) for c in store.iter_claims(ClaimQuery(metric=metric))]
        assert got == [row for row in every if row[2] == metric]
    drones = [(c.doc_id, c.index) for c in store.iter_claims(ClaimQuery(search="drones"))]
    assert drones == [(f"r{i}", drones[0][1]) for i in range(6)]

def test_documents_are_listed_newest_first_with_counts(ledger: AnyLedger) -> None:
    ledger.save(make_analysis("Old: ", doc_id="old", published="2023-01-01"))
    ledger.save(make_analysis("Undated: ", doc_id="undated", published=None))
    ledger.save(make_analysis("New: ", doc_id="new", published="2025-01-01"))
    rows = ledger.documents()
    assert [r.id for r in rows] == ["new", "old", "undated"]
    assert (rows[0].n_quantities, rows[0].n_failed_checks) == (4, 1)
    assert [r.id for r in ledger.documents(limit=1, offset=1)] == ["old"]
    assert {r.id for r in ledger.iter_documents()} == {"new", "old", "undated"}


def test_count_and_checks_iteration(ledger: AnyLedger, analysis: Analysis) -> None:
    ledger.save(analysis)
    assert ledger.count() == {"documents": 1, "claims": 4, "checks": 2, "failed_checks": 1}
    checks = list(ledger.iter_checks())
    assert [(c.kind, c.status, c.parts) for c in checks] == [
        ("percent_of", "consistent", ()), ("sum", "inconsistent", (1, 3)),
    ]


def test_sources_summary_counts_figures_and_outlets_per_canonical_source(
    ledger: AnyLedger,
) -> None:
    ledger.save(make_analysis("One: ", doc_id="a", outlet="Wire A"))
    ledger.save(make_analysis("Two: ", doc_id="b", outlet="Wire B",
                              sources=("Ministry",)))
    summary = {s.source: s for s in ledger.sources_summary()}
    mod = summary["Ministry of Defence"]
    assert (mod.n_claims, mod.n_documents, set(mod.outlets)) == (6, 2, {"Wire A", "Wire B"})
    assert mod.names == ("Ministry",)
    assert summary["Regional Governor"].outlets == ("Wire A",)
    assert next(iter(summary)) == "Ministry of Defence"  # most figures first


def test_without_a_registry_the_written_name_is_canonical(ledger: AnyLedger) -> None:
    ledger.save(make_analysis(canonical=lambda name: name))
    assert ledger.claims(ClaimQuery(doc_id="t001"))[0].canonical_sources == (
        "the regional governor", "Ministry",
    )


def test_the_store_writes_the_registry_fields_it_is_given(ledger: AnyLedger) -> None:
    # names and a metric no registry would give: stored as they are, never recomputed
    given = make_analysis(canonical=str.upper, metric_of=lambda q, doc: f"made_up_{q.kind}")
    ledger.save(given)
    assert ledger.get("t001") == given
    row = ledger.claims(ClaimQuery(doc_id="t001"))[0]
    assert (row.canonical_sources, row.metric) == (("THE REGIONAL GOVERNOR", "MINISTRY"),
                                                   "made_up_count")
    assert {s.source for s in ledger.sources_summary()} == {"THE REGIONAL GOVERNOR", "MINISTRY"}
    assert [m.metric for m in ledger.metrics_summary()] == [
        "made_up_count", "made_up_duration", "made_up_percent",
    ]


def test_a_figure_given_no_canonical_sources_is_indexed_by_its_written_names(
    ledger: AnyLedger,
) -> None:
    bare = make_analysis()
    bare = replace(bare, quantities=tuple(
        replace(q, canonical_sources=(), metric=None) for q in bare.quantities))
    ledger.save(bare)
    assert ledger.get("t001") == bare  # stored as given: no registry applied by the store
    summary = {s.source: s.names for s in ledger.sources_summary()}
    assert summary == {"the regional governor": ("the regional governor",),
                       "Ministry": ("Ministry",)}
    assert sorted(c.index for c in ledger.claims(ClaimQuery(source="Ministry"))) == [0, 1, 2]


def test_combined_filters_page_and_stream_alike(ledger: AnyLedger) -> None:
    for i, month in enumerate(["2024-01", "2024-03", "2024-02"]):
        ledger.save(make_analysis(f"Report {i}: ", doc_id=f"r{i}", period_to=month))
    found = ledger.claims(ClaimQuery(search="shot", source="ministry", limit=2))
    assert [(c.doc_id, c.index) for c in found] == [("r1", 1), ("r2", 1)]
    assert len(list(ledger.iter_claims(ClaimQuery(search="drones", source="governor")))) == 3
    assert ledger.claims(ClaimQuery(search="shot", source="navy")) == []


def test_undated_claims_come_last_and_diacritics_fold(ledger: AnyLedger) -> None:
    text = "Le ministère a compté 7 frappes."
    undated = Analysis(
        document=Document(text, id="fr1", title="Rapport du ministère", published=None),
        quantities=(Quantity(*span(text, "7"), value=7, what="frappes"),),
    )
    ledger.save(undated)
    ledger.save(make_analysis(period_to="2024-11"))
    assert [c.doc_id for c in ledger.claims(ClaimQuery())][-1] == "fr1"
    assert [c.doc_id for c in ledger.claims(ClaimQuery(search="MINISTERE"))] == ["fr1"]
    assert [c.doc_id for c in ledger.claims(ClaimQuery(search="minist*"))] == [
        "t001", "t001", "t001", "fr1",
    ]


def test_integrity_check_is_empty_on_a_sound_ledger_with_refreshes(
    ledger: AnyLedger, analysis: Analysis
) -> None:
    ledger.save(analysis)
    ledger.save(replace(analysis, quantities=analysis.quantities[:2]))
    ledger.save(make_analysis("Second: ", doc_id="t002"))
    assert ledger.integrity_check() == []
    assert ledger.count()["claims"] == 6



def test_events_agreements_and_links_round_trip(ledger: AnyLedger, analysis: Analysis) -> None:
    from claimledger.model import Agreement, Event, Link, Provision

    text = analysis.document.text
    narrative = replace(
        analysis,
        events=(Event(0, 5, text[0:5], "approve", actor="the minister", object="the plan",
                      date="2025-05-30", sources=("Ministry",)),),
        agreements=(Agreement(0, 5, text[0:5], "treaty", parties=("A", "B"),
                              provisions=(Provision(1, 3, text[1:3], present=False),)),),
        links=(Link(0, 5, text[0:5], "read_more", outlet=None),),
    )
    doc_id, _ = ledger.save(narrative)
    back = ledger.get(doc_id)
    assert back.events == narrative.events
    assert back.agreements == narrative.agreements
    assert back.links == narrative.links
    ledger.save(replace(narrative, events=()))  # a refresh replaces them
    assert ledger.get(doc_id).events == ()
