"""Scale-out: extract partitions of a corpus on a Dask (distributed) cluster.

Reading stays in this process (it streams, so memory stays bounded) and so does writing (one
writer, which SQLite needs); workers run the pipeline on partitions of documents. Partitions are
saved in the order they were read, so the ledger is the same as a single-process run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .api import IngestReport, analyze_or_fail
from .errors import ConfigError, IngestError
from .ingest import IngestFailure, IngestSettings, read_sources
from .model import Analysis, Document
from .store.base import Ledger

PARTITION_SIZE = 200  # documents per task: large enough to amortise scheduling, small for memory
PARTITION_TIMEOUT = 600  # seconds for one partition: far beyond its work, so only a lost worker
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker: keeps workers busy, memory bounded


def analyze_partition(docs: list[Document]) -> list[Analysis | IngestFailure]:
    """Run the pipeline over one partition (executed on a worker)."""
    return [analyze_or_fail(d) for d in docs]


def _partitions(
    items: Iterable[Document | IngestFailure], size: int
) -> Iterator[tuple[list[Document], list[IngestFailure]]]:
    docs: list[Document] = []
    failures: list[IngestFailure] = []
    for item in items:
        if isinstance(item, IngestFailure):
            failures.append(item)
        else:
            docs.append(item)
        if len(docs) >= size:
            yield docs, failures
            docs, failures = [], []
    if docs or failures:
        yield docs, failures


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("--engine dask", "needs Dask: pip install '.[dask]'") from exc
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster)


def ingest_dask(
    sources: Iterable[str],
    ledger: Ledger,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    settings: IngestSettings | None = None,
    partition_size: int = PARTITION_SIZE,
    on_item: Callable[[Analysis | IngestFailure], None] | None = None,
) -> IngestReport:
    """Like ``claimledger.ingest_sources`` but the pipeline runs on a Dask cluster.

    ``scheduler`` is the address of a running scheduler; without one a local cluster of
    ``workers`` processes is started for the run and shut down after it.
    """
    report = IngestReport()
    client = _client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque[tuple[Any, list[IngestFailure]]] = deque()

        def drain_one() -> None:
            future, failures = pending.popleft()
            try:
                analyses = future.result(timeout=PARTITION_TIMEOUT)
            except TimeoutError as exc:
                raise IngestError(
                    "--engine dask", f"a partition took over {PARTITION_TIMEOUT} s; are workers up?"
                ) from exc
            for analysis in analyses:
                if isinstance(analysis, IngestFailure):
                    report.failures.append(analysis)
                else:
                    doc_id, is_new = ledger.save(analysis)
                    report.stored += is_new
                    report.refreshed += not is_new
                if on_item is not None:
                    on_item(analysis)
            for failure in failures:
                report.failures.append(failure)
                if on_item is not None:
                    on_item(failure)

        for docs, failures in _partitions(read_sources(sources, settings=settings), partition_size):
            pending.append((client.submit(analyze_partition, docs, pure=False), failures))
            while len(pending) > n_workers * IN_FLIGHT_PER_WORKER:
                drain_one()
        while pending:
            drain_one()
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
    return report
