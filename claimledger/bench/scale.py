"""The Dask engine with 1 and 2 workers on each backend: documents/s, speed-up, CPU per document.

``python -m claimledger.bench.scale [--docs N] [--pg URL]`` (also run by
``python -m claimledger.bench``). For each backend (SQLite with its one writer, PostgreSQL,
Parquet) a local cluster of 1, then 2 worker processes is started and warmed up (the pipeline
imported and run once on every worker) before the clock starts, then ingests the same synthetic
JSONL corpus cut into the same shards. CPU is counted per part: on the workers, reading, the
pipeline and writing (the PostgreSQL client or pyarrow), as thread CPU time of the task; in the
calling process, its whole CPU (planning, collecting, and on SQLite the writes); on the server,
the CPU of every ``postgres`` process of this machine (so it must run here, as ``.ci/postgres.sh``
starts it). The load of the machine (other processes) is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import write_jsonl

PG_DEFAULT = "postgresql://claimledger:claimledger@127.0.0.1:5432/claimledger_test"
SHARDS = 16  # the corpus is cut into this many shards, whatever the number of workers
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass
class Run:
    backend: str
    workers: int
    documents: int
    seconds: float
    cpu: dict[str, float]  # CPU seconds per part, summed over the run
    load: tuple[float, float]  # 1-minute load before and after
    server_bytes: int = 0  # PostgreSQL: growth of the database


def postgres_cpu() -> float:
    """CPU seconds used so far by the ``postgres`` processes of this machine (0 without /proc)."""
    total = 0
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        name = stat[stat.find("(") + 1:stat.rfind(")")]
        if name.startswith("postgres"):
            fields = stat[stat.rfind(")") + 2:].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / _TICK


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm() -> int:
    from ..model import Document
    from ..pipeline import analyze_document

    analyze_document(Document(text="Officials said 1,200 people left in May 2024, 25% of them."))
    return os.getpid()


@contextmanager
def _cluster(workers: int) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    client = Client(cluster)
    try:
        client.wait_for_workers(workers)
        client.run(_warm)
        yield client
    finally:
        client.close()
        cluster.close()


@contextmanager
def _pg_schema(url: str) -> Iterator[str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def _db_bytes(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def run_once(backend: str, workers: int, src: Path, tmp: Path, shard_bytes: int,
             pg_url: str | None) -> Run:
    from ..scale import ingest_dask
    from ..store import open_ledger

    with _cluster(workers) as client, _maybe_schema(backend, pg_url) as url:
        ledger = None
        parquet = None
        if backend == "parquet":
            parquet = str(tmp / f"pq-{workers}")
        else:
            target = url if backend == "postgresql" else str(tmp / f"l{workers}.sqlite")
            ledger = open_ledger(target)
        size0 = _db_bytes(url) if backend == "postgresql" else 0
        load0 = os.getloadavg()[0]
        server0, self0 = postgres_cpu(), _self_cpu()
        t0 = time.perf_counter()
        report = ingest_dask([str(src)], ledger, parquet_dir=parquet, client=client,
                             shard_bytes=shard_bytes)
        seconds = time.perf_counter() - t0
        server, client_cpu = postgres_cpu() - server0, _self_cpu() - self0
        load1 = os.getloadavg()[0]
        size1 = _db_bytes(url) if backend == "postgresql" else 0
        if ledger is not None:
            ledger.close()
    cpu = dict(report.cpu)
    cpu["client"] = client_cpu
    cpu["client write"] = report.client_write_cpu
    cpu["server"] = server if backend == "postgresql" else 0.0
    return Run(backend, workers, report.stored + report.refreshed, seconds, cpu,
               (load0, load1), size1 - size0)


@contextmanager
def _maybe_schema(backend: str, pg_url: str | None) -> Iterator[str]:
    if backend == "postgresql" and pg_url:
        with _pg_schema(pg_url) as url:
            yield url
    else:
        yield ""


def _pg_reachable(url: str) -> str | None:
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=5).close()
    except Exception as exc:  # noqa: BLE001 - reported in the table
        return f"PostgreSQL not reachable ({type(exc).__name__}); start it: bash .ci/postgres.sh"
    return None


def bench_scale(n: int, pg_url: str | None = None,
                backends: tuple[str, ...] = ("sqlite", "postgresql", "parquet")) -> list[str]:
    """Table rows (markdown) for the Dask engine on each backend with 1 and 2 workers."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None:  # pragma: no cover - the install
        return ["| Dask engine | dask not installed (pip install -e '.[dask]') |"]
    pg_url = pg_url or os.environ.get("CLAIMLEDGER_TEST_PG") or PG_DEFAULT
    rows = [
        f"Load before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores; {n:,} documents, "
        f"{SHARDS} shards; CPU in ms per document.",
        "",
        "| backend | workers | docs/s | speed-up | read | extract | worker write | "
        "client | client write | server | server share | load during |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        src = tmp / "corpus.jsonl"
        size = write_jsonl(src, n, seed=5)
        shard_bytes = max(1, size // SHARDS + 1)
        for backend in backends:
            if backend == "postgresql" and (why := _pg_reachable(pg_url)):
                rows.append(f"| postgresql | | {why} | | | | | | | | | |")
                continue
            runs = [run_once(backend, w, src, tmp, shard_bytes, pg_url) for w in (1, 2)]
            for run in runs:
                rows.append(_row(run, runs[0]))
            if backend == "postgresql":
                growth = runs[0].server_bytes / n / 1024
                rows.append(f"| postgresql | | database growth {growth:.1f}"
                            " KB per document | | | | | | | | | |")
    return rows


def _row(run: Run, base: Run) -> str:
    per = {k: 1000 * v / max(1, run.documents) for k, v in run.cpu.items()}
    rate = run.documents / run.seconds
    speed = base.seconds / run.seconds
    share = run.cpu["server"] / run.seconds / (os.cpu_count() or 1)
    return (
        f"| {run.backend} | {run.workers} | {rate:,.0f} | {speed:.2f}× | {per['read']:.2f} | "
        f"{per['extract']:.2f} | {per['write']:.2f} | {per['client']:.2f} | "
        f"{per['client write']:.2f} | {per['server']:.2f} | {100 * share:.0f}% | "
        f"{run.load[0]:.1f}→{run.load[1]:.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimledger.bench.scale", description=__doc__)
    ap.add_argument("--docs", type=int, default=2_000, help="documents per run")
    ap.add_argument("--pg", default=None, help=f"PostgreSQL URL (default $CLAIMLEDGER_TEST_PG, "
                    f"else {PG_DEFAULT})")
    ap.add_argument("--backend", action="append", choices=("sqlite", "postgresql", "parquet"),
                    help="only these backends (repeatable)")
    args = ap.parse_args(argv)
    backends = tuple(args.backend) if args.backend else ("sqlite", "postgresql", "parquet")
    print("\n".join(bench_scale(args.docs, args.pg, backends)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
