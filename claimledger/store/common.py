"""What the SQLite and PostgreSQL ledgers share: registries, row shapes and the read queries.

The read queries are written once with ``?`` placeholders (PostgreSQL's connection wrapper turns
them into ``%s``); each backend supplies ``_read`` and ``_document_order`` and inherits the rest
from ``LedgerReads``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, cast

from ..model import (
    Agreement,
    Analysis,
    Approx,
    Attribution,
    Check,
    CheckKind,
    CheckStatus,
    Document,
    Event,
    Hedge,
    Kind,
    Link,
    LinkKind,
    Provision,
    Quantity,
    TimeExpr,
)
from .base import (
    CheckRow,
    ClaimQuery,
    ClaimRow,
    DocumentQuery,
    DocumentRow,
    MetricSummary,
    NotFoundError,
    SourceSummary,
)

ITER_BATCH = 2_000  # rows per query when streaming: bounded memory, few round trips
MAX_LIMIT = 10_000  # a page larger than this is an export; use iter_claims instead
UNTIL_PAD = "-99"  # appended to ``until`` so "2025-05" keeps every day of May 2025

_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: how SQLite's unicode61 splits words

Params = tuple[Any, ...] | list[Any]

CLAIM_COLUMNS = (
    "q.doc_id, q.idx, q.span_start, q.span_end, q.text, q.value, q.value_high, q.kind, q.unit,"
    " q.approx, q.change, q.what, q.period_from, q.period_to, q.sources, q.canonical_sources,"
    " q.metric, d.outlet, d.published, d.url, d.title"
)
DOC_COLUMNS = (
    "id, content_hash, title, outlet, url, published, language, n_quantities,"
    " n_failed_checks, ingested_at"
)
CHECK_COLUMNS = (
    "c.doc_id, c.idx, c.kind, c.status, c.explanation, c.percent, c.part, c.whole, c.parts,"
    " d.outlet, d.published, d.url, d.title"
)


def canonical_names(q: Quantity) -> tuple[str, ...]:
    """The registry's name of each of ``q``'s sources, as the pipeline gave them; the written
    name where it gave none (a record built without the pipeline)."""
    given = q.canonical_sources
    return tuple(given[pos] if pos < len(given) else name for pos, name in enumerate(q.sources))


def now() -> str:
    """The current UTC time as stored in ``ingested_at`` and ``updated_at``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def like_pattern(text: str) -> str:
    """A ``LIKE … ESCAPE '\\'`` pattern matching ``text`` (case-folded) anywhere."""
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_words(text: str) -> list[str]:
    """The words of ``text`` folded for search: case-folded, without diacritics (as SQLite's
    ``unicode61 remove_diacritics 2`` tokenizer does), split at anything but letters and digits.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _TOKEN.findall(unicodedata.normalize("NFC", bare))


_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)]*\s+|\n\s*")
SENTENCE_REACH = 400  # characters read either side of a figure for its sentence


def figure_sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding the span ``start``-``end`` (at most ``SENTENCE_REACH``
    characters either side): what a claims search reads besides the figure's description."""
    lo = max(0, start - SENTENCE_REACH)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    first = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    return text[first:after.start() if after else min(len(text), end + SENTENCE_REACH)].strip()


def search_text(q: Quantity, doc_text: str) -> str:
    """The figure as written and its sentence, the ``text`` a claims search matches."""
    sentence = figure_sentence(doc_text, q.start, q.end)
    return f"{q.text} {sentence}" if sentence else q.text


def search_document(text: str, what: str | None, names: str, title: str | None) -> str:
    """What the search of a claim matches, as folded words (PostgreSQL's ``tsvector`` input)."""
    return " ".join(search_words(" ".join((text, what or "", names, title or ""))))


# The records of an analysis other than its figures, table by table (shared by the backends).
RECORD_INSERTS = {
    "times": "INSERT INTO times (doc_id, idx, span_start, span_end, text, type, date_value,"
    " date_from, date_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "hedges": "INSERT INTO hedges (doc_id, idx, span_start, span_end, text, term, low, high)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "attributions": "INSERT INTO attributions (doc_id, idx, span_start, span_end, text, chain)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    "checks": "INSERT INTO checks (doc_id, idx, kind, status, explanation, percent, part, whole,"
    " parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events (doc_id, idx, span_start, span_end, text, action, actor, object,"
    " event_date, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "agreements": "INSERT INTO agreements (doc_id, idx, span_start, span_end, text, name, parties,"
    " provisions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "links": "INSERT INTO links (doc_id, idx, span_start, span_end, text, kind, outlet)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
}
# The tables of a document's records besides its figures, deleted before a refresh.
RECORD_TABLES = tuple(RECORD_INSERTS)


def record_rows(doc_id: str, analysis: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    """The parameter rows of ``RECORD_INSERTS`` for ``analysis`` stored as ``doc_id``."""
    return {
        "times": [
            (doc_id, i, t.start, t.end, t.text, t.type, t.value, t.from_, t.to)
            for i, t in enumerate(analysis.times)
        ],
        "hedges": [
            (doc_id, i, h.start, h.end, h.text, h.term, h.low, h.high)
            for i, h in enumerate(analysis.hedges)
        ],
        "attributions": [
            (doc_id, i, a.start, a.end, a.text, json.dumps(list(a.chain)))
            for i, a in enumerate(analysis.attributions)
        ],
        "checks": [
            (doc_id, i, c.kind, c.status, c.explanation, c.percent, c.part, c.whole,
             json.dumps(list(c.parts)))
            for i, c in enumerate(analysis.checks)
        ],
        "events": [
            (doc_id, i, e.start, e.end, e.text, e.action, e.actor, e.object, e.date,
             json.dumps(list(e.sources)))
            for i, e in enumerate(analysis.events)
        ],
        "agreements": [
            (doc_id, i, a.start, a.end, a.text, a.name, json.dumps(list(a.parties)),
             json.dumps([[p.start, p.end, p.text, p.present] for p in a.provisions]))
            for i, a in enumerate(analysis.agreements)
        ],
        "links": [
            (doc_id, i, ln.start, ln.end, ln.text, ln.kind, ln.outlet)
            for i, ln in enumerate(analysis.links)
        ],
    }


def plain_claim_filters(query: ClaimQuery) -> tuple[list[str], list[Any]]:
    """The clauses of ``query`` that every backend writes alike: metric, dates, document."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.metric:
        clauses.append("q.metric = ?")
        params.append(query.metric)
    if query.since:
        clauses.append("q.date_key >= ?")
        params.append(query.since)
    if query.until:
        clauses.append("q.date_key <= ?")
        params.append(query.until + UNTIL_PAD)
    if query.doc_id:
        clauses.append("q.doc_id = ?")
        params.append(query.doc_id)
    if query.value is not None:
        # a figure of that value, or a range holding it; a hair of slack for stored floats
        slack = max(abs(query.tolerance), abs(query.value) * 1e-9)
        low, high = query.value - slack, query.value + slack
        clauses.append(
            "((q.value >= ? AND q.value <= ?) OR"
            " (q.value_high IS NOT NULL AND q.value <= ? AND q.value_high >= ?))"
        )
        params += [low, high, high, low]
    return clauses, params


def claim_order(query: ClaimQuery, nulls_last: str = "") -> str:
    """The ORDER BY of ``Ledger.claims``: a document's figures in order unless a sort is asked
    for; else by date (undated last) or by value, ties newest stored first. ``nulls_last`` is
    what the backend writes after a descending date (PostgreSQL puts NULLs first)."""
    if query.sort is None and query.doc_id:
        return "q.idx"
    sort = query.sort or "newest"
    if sort == "oldest":
        return "q.date_key IS NULL, q.date_key, q.id"
    if sort == "largest":
        return "q.value DESC, q.id DESC"
    if sort == "smallest":
        return "q.value, q.id"
    return f"q.date_key DESC{nulls_last}, q.id DESC"


def document_filters(query: DocumentQuery) -> tuple[str, list[Any]]:
    """The WHERE clause of ``Ledger.documents`` for ``query``."""
    clauses, params = ["1 = 1"], []
    if query.outlet:
        clauses.append("lower(coalesce(outlet, '')) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(query.outlet))
    if query.since:
        clauses.append("published >= ?")
        params.append(query.since)
    if query.until:
        clauses.append("published <= ?")
        params.append(query.until + UNTIL_PAD)
    if query.failed_only:
        clauses.append("n_failed_checks > 0")
    return " AND ".join(clauses), params


def document_order(query: DocumentQuery, newest: str) -> str:
    """The ORDER BY of ``Ledger.documents`` for ``query.sort``; ``newest`` is the backend's."""
    return {
        "newest": newest,
        "oldest": "published IS NULL, published, ingested_at, id",
        "figures": "n_quantities DESC, id",
        "failed": "n_failed_checks DESC, n_quantities DESC, id",
        "title": "lower(coalesce(title, url, id)), id",
    }[query.sort]


def redact(url: str) -> str:
    """``url`` without its password, for error messages."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at:
        return url
    user = creds.split(":", 1)[0]
    return f"{scheme}{sep}{user}:***@{host}"


def quantity_from_row(r: Params) -> Quantity:
    """A ``Quantity`` from the columns ``get`` reads."""
    (start, end, text, value, kind, high, unit, approx, change, what, p_from, p_to, sources,
     canonical, metric) = r
    return Quantity(
        start=start, end=end, text=text, value=value, kind=cast(Kind, kind), value_high=high,
        unit=unit, approx=cast(Approx, approx), change=bool(change), what=what,
        period_from=p_from, period_to=p_to, sources=tuple(json.loads(sources)),
        canonical_sources=tuple(json.loads(canonical)), metric=metric,
    )


def claim_row(r: Params) -> ClaimRow:
    """A ``ClaimRow`` from ``CLAIM_COLUMNS``."""
    values = list(r)
    values[10] = bool(values[10])
    values[14] = tuple(json.loads(values[14]))
    values[15] = tuple(json.loads(values[15]))
    return ClaimRow(*values)


def check_row(r: Params) -> CheckRow:
    """A ``CheckRow`` from ``CHECK_COLUMNS``."""
    values = list(r)
    values[8] = tuple(json.loads(values[8]))
    return CheckRow(*values)


class LedgerReads:
    """The read side of a ledger over the shared schema; subclasses supply ``_read``."""

    # How ``documents()`` sorts: newest published first, undated last, then newest ingested.
    _document_order = "published DESC, ingested_at DESC, id DESC"

    def _read(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def lookup(self, content_hash: str) -> str | None:
        """The id of the stored document with ``content_hash``, if there is one."""
        rows = self._read("SELECT id FROM documents WHERE content_hash = ?", (content_hash,))
        return str(rows[0][0]) if rows else None

    def get(self, doc_id: str) -> Analysis:
        """The stored analysis of ``doc_id``; raises ``NotFoundError`` when there is none."""
        rows = self._read(
            "SELECT id, text, url, title, outlet, published, language, origin, meta"
            " FROM documents WHERE id = ?",
            (doc_id,),
        )
        if not rows:
            raise NotFoundError(doc_id, "no such document in the ledger")
        id_, text, url, title, outlet, published, language, origin, meta = rows[0]
        doc = Document(
            text=text, id=id_, url=url, title=title, outlet=outlet, published=published,
            language=language, origin=origin, meta=json.loads(meta),
        )
        by_doc = "WHERE doc_id = ? ORDER BY idx"
        quantities = tuple(
            quantity_from_row(r)
            for r in self._read(
                "SELECT span_start, span_end, text, value, kind, value_high, unit, approx,"
                " change, what, period_from, period_to, sources, canonical_sources, metric"
                f" FROM quantities {by_doc}",
                (doc_id,),
            )
        )
        times = tuple(
            TimeExpr(s, e, t, ty, v, f, to)
            for s, e, t, ty, v, f, to in self._read(
                "SELECT span_start, span_end, text, type, date_value, date_from, date_to"
                f" FROM times {by_doc}",
                (doc_id,),
            )
        )
        hedges = tuple(
            Hedge(*r)
            for r in self._read(
                f"SELECT span_start, span_end, text, term, low, high FROM hedges {by_doc}",
                (doc_id,),
            )
        )
        attributions = tuple(
            Attribution(s, e, t, tuple(json.loads(chain)))
            for s, e, t, chain in self._read(
                f"SELECT span_start, span_end, text, chain FROM attributions {by_doc}", (doc_id,)
            )
        )
        checks = tuple(
            Check(
                kind=cast(CheckKind, k), status=cast(CheckStatus, st), explanation=ex,
                percent=pc, part=pa, whole=wh, parts=tuple(json.loads(ps)),
            )
            for k, st, ex, pc, pa, wh, ps in self._read(
                "SELECT kind, status, explanation, percent, part, whole, parts"
                f" FROM checks {by_doc}",
                (doc_id,),
            )
        )
        events = tuple(
            Event(s, e, t, act, actor, obj, day, tuple(json.loads(src)))
            for s, e, t, act, actor, obj, day, src in self._read(
                "SELECT span_start, span_end, text, action, actor, object, event_date, sources"
                f" FROM events {by_doc}",
                (doc_id,),
            )
        )
        agreements = tuple(
            Agreement(s, e, t, name, tuple(json.loads(parties)), tuple(
                Provision(int(ps), int(pe), str(pt), bool(pp))
                for ps, pe, pt, pp in json.loads(provisions)))
            for s, e, t, name, parties, provisions in self._read(
                "SELECT span_start, span_end, text, name, parties, provisions"
                f" FROM agreements {by_doc}",
                (doc_id,),
            )
        )
        links = tuple(
            Link(s, e, t, cast(LinkKind, kind), outlet)
            for s, e, t, kind, outlet in self._read(
                f"SELECT span_start, span_end, text, kind, outlet FROM links {by_doc}", (doc_id,)
            )
        )
        return Analysis(doc, quantities, times, hedges, attributions, checks,
                        events=events, agreements=agreements, links=links)

    def documents(
        self, *, limit: int = 100, offset: int = 0, query: DocumentQuery | None = None
    ) -> list[DocumentRow]:
        """Stored documents, newest published first (undated last), then newest ingested; or
        those ``query`` keeps, in its order."""
        query = query or DocumentQuery()
        where, params = document_filters(query)
        rows = self._read(
            f"SELECT {DOC_COLUMNS} FROM documents WHERE {where}"
            f" ORDER BY {document_order(query, self._document_order)} LIMIT ? OFFSET ?",
            (*params, min(limit, MAX_LIMIT), offset),
        )
        return [DocumentRow(*r) for r in rows]

    def count_documents(self, query: DocumentQuery | None = None) -> int:
        """How many stored documents match ``query``'s filters."""
        where, params = document_filters(query or DocumentQuery())
        ((n,),) = self._read(f"SELECT count(*) FROM documents WHERE {where}", params)
        return int(n)

    def iter_documents(self) -> Iterator[DocumentRow]:
        """Every stored document as listed, in id order, streamed in batches."""
        last = ""
        while True:
            rows = self._read(
                f"SELECT {DOC_COLUMNS} FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                (last, ITER_BATCH),
            )
            yield from (DocumentRow(*r) for r in rows)
            if len(rows) < ITER_BATCH:
                return
            last = rows[-1][0]

    def iter_checks(self) -> Iterator[CheckRow]:
        """Every stored check with its document's metadata, streamed in batches."""
        last: tuple[str, int] = ("", -1)
        while True:
            rows = self._read(
                f"SELECT {CHECK_COLUMNS} FROM checks c JOIN documents d ON d.id = c.doc_id"
                " WHERE (c.doc_id, c.idx) > (?, ?) ORDER BY c.doc_id, c.idx LIMIT ?",
                (*last, ITER_BATCH),
            )
            yield from (check_row(r) for r in rows)
            if len(rows) < ITER_BATCH:
                return
            last = (rows[-1][0], rows[-1][1])

    def count(self) -> dict[str, int]:
        """Numbers of documents, claims, checks and failed checks."""
        (docs, claims, checks, failed), = self._read(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM quantities),"
            " (SELECT count(*) FROM checks),"
            " (SELECT count(*) FROM checks WHERE status = 'inconsistent')"
        )
        return {
            "documents": int(docs), "claims": int(claims), "checks": int(checks),
            "failed_checks": int(failed),
        }

    def sources_summary(self) -> list[SourceSummary]:
        """Per canonical source: figures naming it and the outlets relaying it, most first."""
        outlets: dict[int, list[str]] = {}
        for canon, outlet, _n in self._read(
            "SELECT cs.canonical_id, d.outlet, count(DISTINCT cs.claim_id) AS n"
            " FROM claim_sources cs JOIN quantities q ON q.id = cs.claim_id"
            " JOIN documents d ON d.id = q.doc_id WHERE d.outlet IS NOT NULL"
            " GROUP BY cs.canonical_id, d.outlet ORDER BY n DESC, d.outlet"
        ):
            outlets.setdefault(canon, []).append(outlet)
        names: dict[int, list[str]] = {}
        for canon, name in self._read(
            "SELECT DISTINCT cs.canonical_id, s.name FROM claim_sources cs"
            " JOIN source_names s ON s.id = cs.name_id ORDER BY s.name"
        ):
            names.setdefault(canon, []).append(name)
        rows = self._read(
            "SELECT cs.canonical_id, s.name, count(DISTINCT cs.claim_id) AS n,"
            " count(DISTINCT q.doc_id) FROM claim_sources cs"
            " JOIN source_names s ON s.id = cs.canonical_id"
            " JOIN quantities q ON q.id = cs.claim_id"
            " GROUP BY cs.canonical_id, s.name ORDER BY n DESC, s.name"
        )
        return [
            SourceSummary(name, int(n), int(n_docs), tuple(outlets.get(cid, [])),
                          tuple(names[cid]))
            for cid, name, n, n_docs in rows
        ]

    def metrics_summary(self) -> list[MetricSummary]:
        """Per stored metric name: its figures, reports and latest date, by name."""
        rows = self._read(
            "SELECT metric, count(*), count(DISTINCT doc_id), max(date_key) FROM quantities"
            " WHERE metric IS NOT NULL GROUP BY metric ORDER BY metric"
        )
        return [MetricSummary(str(m), int(n), int(n_docs), last) for m, n, n_docs, last in rows]
