"""Scale-out: ingest a corpus on a Dask (distributed) cluster, workers reading and writing.

The calling process plans shards (``claimledger.ingest.shards``: files, WARC files, byte ranges
of JSONL) and collects what each shard did: counts, failures and the CPU it spent. Each worker
reads its shards itself, runs the pipeline and writes where the run writes:

* **PostgreSQL** (``ledger`` a ``PostgresLedger``): every worker process has its own connection;
  a document and its records are one transaction together with a row of the run's progress log
  (``PostgresLedger.save_logged``), idempotent by content hash and safe against another worker
  storing the same text at the same moment.
* **Parquet** (``parquet_dir``): one file per shard per table (``claimledger.store.
  parquet_dataset``), put in place when the shard is done.
* **SQLite** (any other ledger) keeps one writer: workers read and analyse, this process saves
  each shard's analyses in reading order (the ledger is the same as a single-process run).

Faults: a worker lost mid-shard (killed, out of memory) has its shard retried on another by the
scheduler; what the lost attempt committed to PostgreSQL is in the progress log and is skipped
and counted as it was then, a Parquet shard's files are replaced, and the SQLite writer only ever
receives finished shards, so nothing is lost or stored twice. A document the pipeline cannot
analyse, or the store rejects, is a failure record; the shard goes on. A run ends with the same
counts, failures and exit status as the local engine.

With a ``scheduler`` address the workers must see the inputs at the same paths (a shared file
system) and reach the database; without one a local cluster of ``workers`` processes is started.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .api import IngestReport, analyze_or_fail
from .errors import ConfigError, IngestError, StoreError
from .ingest import IngestFailure, IngestSettings
from .ingest.shards import SHARD_BYTES, Shard, plan_shards, read_shard
from .model import Analysis, Document
from .store.base import Ledger

SHARD_TIMEOUT = 1800  # seconds for one shard: far beyond its work, so only a lost cluster
IN_FLIGHT_PER_WORKER = 2  # shards queued per worker: keeps workers busy, memory bounded
TASK_RETRIES = 2  # a shard whose task raised (a dropped connection) is run again this often
PARTS = ("read", "extract", "write")  # CPU seconds a worker spends, per part

Hook = Callable[[str, int], None]  # (shard id, seq) after each stored document: fault tests


@dataclass
class ShardResult:
    """What one shard did, sent back to the calling process (small: no documents)."""

    shard: int
    documents: int = 0
    stored: int = 0
    refreshed: int = 0
    resumed: int = 0  # documents a lost attempt had already stored (skipped, counted as then)
    failures: list[IngestFailure] = field(default_factory=list)
    items: list[Analysis | IngestFailure] = field(default_factory=list)  # SQLite only
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PARTS, 0.0))


@dataclass
class DaskReport(IngestReport):
    """An ``IngestReport`` with what the cluster did."""

    shards: int = 0
    resumed: int = 0
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PARTS, 0.0))
    client_write_cpu: float = 0.0  # SQLite: CPU seconds this process spent saving


@dataclass(frozen=True)
class Sink:
    """Where workers write: ``kind`` is ``postgresql``, ``parquet`` or ``collect`` (SQLite)."""

    kind: str
    target: str = ""
    run_id: str = ""


# -- on the workers ----------------------------------------------------------------------

_LEDGERS: dict[str, Any] = {}  # one PostgreSQL connection per worker process, by URL


def _pg_ledger(url: str) -> Any:
    ledger = _LEDGERS.get(url)
    if ledger is None or ledger.broken:
        from .store.postgres import PostgresLedger

        ledger = _LEDGERS[url] = PostgresLedger(url)
    return ledger


class _Timer:
    def __init__(self, cpu: dict[str, float]) -> None:
        self.cpu = cpu

    def items(self, part: str, it: Iterator[Any]) -> Iterator[Any]:
        while True:
            t0 = time.thread_time()
            try:
                item = next(it)
            except StopIteration:
                self.cpu[part] += time.thread_time() - t0
                return
            self.cpu[part] += time.thread_time() - t0
            yield item


def _doc_name(doc: Document) -> str:
    name = doc.origin or doc.id or "<document>"
    if doc.id and doc.origin and doc.id not in doc.origin:
        name = f"{doc.origin} ({doc.id})"
    return name


def run_shard(shard: Shard, sink: Sink, settings: IngestSettings | None,
              hook: Hook | None = None) -> ShardResult:
    """Read, analyse and write one shard (executed on a worker)."""
    result = ShardResult(shard.index)
    timer = _Timer(result.cpu)
    shard_id = shard.id
    writer: Any = None
    done: dict[int, bool] = {}
    if sink.kind == "postgresql":
        writer = _pg_ledger(sink.target)
        done = writer.run_progress(sink.run_id, shard_id)
    elif sink.kind == "parquet":
        from .store.parquet_dataset import ParquetShardWriter

        writer = ParquetShardWriter(sink.target, shard_id)
    try:
        seq = 0
        for item in timer.items("read", read_shard(shard, settings)):
            if isinstance(item, IngestFailure):
                _fail(result, item, sink)
                continue
            seq += 1
            result.documents += 1
            if seq in done:
                is_new = done[seq]
                result.resumed += 1
            else:
                t0 = time.thread_time()
                analysis = analyze_or_fail(item)
                t1 = time.thread_time()
                result.cpu["extract"] += t1 - t0
                if isinstance(analysis, IngestFailure):
                    result.documents -= 1
                    _fail(result, analysis, sink)
                    continue
                if sink.kind == "collect":
                    result.items.append(analysis)
                    continue
                try:
                    if sink.kind == "postgresql":
                        is_new = writer.save_logged(analysis, sink.run_id, shard_id, seq)
                    else:
                        is_new = writer.write(analysis)
                except StoreError as exc:
                    if sink.kind == "postgresql" and writer.broken:
                        raise  # the connection, not the document: the task is run again
                    result.documents -= 1
                    _fail(result, IngestFailure(_doc_name(item), f"could not be stored ({exc})"),
                          sink)
                    continue
                finally:
                    result.cpu["write"] += time.thread_time() - t1
                if hook is not None:
                    hook(shard_id, seq)
            result.stored += is_new
            result.refreshed += not is_new
        if sink.kind == "parquet":
            t0 = time.thread_time()
            writer.commit()
            result.cpu["write"] += time.thread_time() - t0
            writer = None
    finally:
        if sink.kind == "parquet" and writer is not None:
            writer.abort()
    return result


def _fail(result: ShardResult, failure: IngestFailure, sink: Sink) -> None:
    result.failures.append(failure)
    if sink.kind == "collect":
        result.items.append(failure)


# -- in the calling process --------------------------------------------------------------


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("--engine dask", "needs Dask: pip install '.[dask]'") from exc
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    return Client(cluster)


def _sink(ledger: Ledger | None, parquet_dir: str | None) -> Sink:
    if parquet_dir is not None:
        return Sink("parquet", parquet_dir)
    if ledger is None:
        raise ConfigError("--engine dask", "give a ledger (--db) or a Parquet dataset (--out)")
    url = getattr(ledger, "worker_url", None)
    if isinstance(url, str) and hasattr(ledger, "save_logged"):
        return Sink("postgresql", url, uuid.uuid4().hex)
    return Sink("collect")


def ingest_dask(
    sources: Iterable[str],
    ledger: Ledger | None,
    *,
    parquet_dir: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    client: Any = None,
    settings: IngestSettings | None = None,
    shard_bytes: int = SHARD_BYTES,
    on_item: Callable[[Analysis | IngestFailure], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    hook: Hook | None = None,
) -> DaskReport:
    """Like ``claimledger.ingest_sources`` but on a Dask cluster (see the module's notes).

    Writes to ``parquet_dir`` when given, else to ``ledger``. ``client`` is a connected
    ``distributed.Client`` to use (left open); else one is made from ``scheduler``, else a local
    cluster of ``workers`` processes is started for the run and shut down after it.
    ``on_item`` is called with every failure (and, on SQLite, every stored analysis);
    ``on_progress`` (PostgreSQL, Parquet) with the number of documents of each finished shard.
    """
    try:
        from dask.distributed import wait
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("--engine dask", "needs Dask: pip install '.[dask]'") from exc
    sink = _sink(ledger, parquet_dir)
    report = DaskReport()
    own = client is None
    if own:
        client = _client(scheduler, workers)
    if sink.kind == "postgresql":
        ledger.begin_run()  # type: ignore[union-attr]
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window = n_workers * IN_FLIGHT_PER_WORKER
        plan = plan_shards(sources, settings=settings, shard_bytes=shard_bytes)
        pending: dict[int, Any] = {}  # shard index -> future
        done: dict[int, ShardResult] = {}
        next_out = 0
        exhausted = False

        def emit(result: ShardResult) -> None:
            report.shards += 1
            report.resumed += result.resumed
            for part, seconds in result.cpu.items():
                report.cpu[part] += seconds
            if sink.kind == "collect":
                assert ledger is not None
                for item in result.items:
                    if isinstance(item, IngestFailure):
                        report.failures.append(item)
                    else:
                        t0 = time.thread_time()
                        _, is_new = ledger.save(item)
                        report.client_write_cpu += time.thread_time() - t0
                        report.stored += is_new
                        report.refreshed += not is_new
                    if on_item is not None:
                        on_item(item)
            else:
                report.stored += result.stored
                report.refreshed += result.refreshed
                report.failures.extend(result.failures)
                if on_item is not None:
                    for failure in result.failures:
                        on_item(failure)
            if on_progress is not None and sink.kind != "collect":
                on_progress(result.documents)

        while True:
            # Results are taken in any order but passed on in reading order; on SQLite the
            # window also bounds the analyses waiting for the writer.
            while not exhausted and len(pending) + len(done) < window:
                shard = next(plan, None)
                if shard is None:
                    exhausted = True
                    break
                pending[shard.index] = client.submit(
                    run_shard, shard, sink, settings, hook,
                    key=f"shard-{shard.index}-{shard.id}-{sink.run_id or uuid.uuid4().hex}",
                    retries=TASK_RETRIES,
                )
            if not pending and not done:
                break
            if next_out not in done:
                finished = wait(list(pending.values()), timeout=SHARD_TIMEOUT,
                                return_when="FIRST_COMPLETED").done
                if not finished:
                    raise IngestError("--engine dask", f"no shard finished in {SHARD_TIMEOUT} s;"
                                      " are workers up?")
                for index, future in list(pending.items()):
                    if future in finished:
                        done[index] = _result(future, index)
                        del pending[index]
            while next_out in done:
                emit(done.pop(next_out))
                next_out += 1
    finally:
        if sink.kind == "postgresql":
            ledger.end_run(sink.run_id)  # type: ignore[union-attr]
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None and not scheduler:
                cluster.close()
    return report


def _result(future: Any, index: int) -> ShardResult:
    try:
        result: ShardResult = future.result()
    except Exception as exc:
        raise IngestError("--engine dask", f"shard {index} failed: {type(exc).__name__}: {exc}"
                          ) from exc
    return result
