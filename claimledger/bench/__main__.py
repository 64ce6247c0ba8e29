"""``python -m claimledger.bench``: throughput and memory of extraction and ingest, with quantulum3
measured in the same run on the same documents as a ratio.

Prints a table; no timing is asserted anywhere. Medians over repeated runs, one core.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..model import Document
from ..pipeline import analyze_document
from .corpus import as_html, synthetic_documents, write_jsonl

REPEATS = 5  # medians of five runs: these machines are noisy


def _median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _mb(docs: Sequence[Document]) -> float:
    return sum(len(d.text.encode("utf-8")) for d in docs) / 1e6


def _extract_all(docs: Sequence[Document]) -> None:
    for d in docs:
        analyze_document(d)


def _quantulum_all(docs: Sequence[Document]) -> None | str:
    try:
        import warnings

        warnings.filterwarnings("ignore")
        from quantulum3 import parser
    except ImportError:
        return "quantulum3 not installed (pip install -e '.[bench]')"
    for d in docs:
        parser.parse(d.text)
    return None


def _row(name: str, docs: int, mb: float, seconds: float) -> str:
    return (f"| {name} | {docs:,} | {mb:.2f} | {docs / seconds:,.0f} | "
            f"{mb / seconds:.2f} |")


def bench_extract(
    label: str, docs: list[Document], q_docs: list[Document], repeats: int
) -> list[str]:
    """Rows for claimledger and quantulum3 on the same documents, and their ratio."""
    rows = []
    t_cl = _median_seconds(lambda: _extract_all(docs), repeats)
    rows.append(_row(f"claimledger extract, {label}", len(docs), _mb(docs), t_cl))
    t_cl_q = _median_seconds(lambda: _extract_all(q_docs), repeats)
    missing = _quantulum_all(q_docs[:1])
    if missing:
        rows.append(f"| quantulum3, {label} | {missing} | | | |")
        return rows
    t_q = _median_seconds(lambda: _quantulum_all(q_docs), 1 if len(q_docs) > 20 else 3)
    rows.append(_row(f"quantulum3, {label} (first {len(q_docs)})", len(q_docs), _mb(q_docs), t_q))
    rows.append(f"| ratio claimledger / quantulum3, {label} | {len(q_docs):,} | | "
                f"**{t_q / t_cl_q:,.0f}×** | |")
    return rows


def bench_html(n: int) -> list[str]:
    """Main-text extraction from generated pages (trafilatura), per page."""
    from ..ingest.html import document_from_html

    pages = [as_html(d) for d in synthetic_documents(n, seed=11)]
    mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    t = _median_seconds(lambda: [document_from_html(p, origin="bench") for p in pages], 3)
    return [_row("HTML main text (trafilatura)", n, mb, t)]


def bench_ingest(n: int) -> list[str]:
    """Ingest ``n`` synthetic JSONL documents into a fresh SQLite ledger in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        size = write_jsonl(src, n, seed=3)
        code = (
            "import resource, sys, time, json\n"
            "from claimledger.api import ingest_sources\n"
            "from claimledger.store import open_ledger\n"
            "ledger = open_ledger(sys.argv[2])\n"
            "t0 = time.perf_counter()\n"
            "r = ingest_sources([sys.argv[1]], ledger)\n"
            "dt = time.perf_counter() - t0\n"
            "ledger.close()\n"
            "print(json.dumps({'seconds': dt, 'stored': r.stored, 'failed': len(r.failures),\n"
            "  'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
        )
        proc = subprocess.run([sys.executable, "-c", code, str(src), str(Path(tmp) / "l.sqlite")],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            last = proc.stderr.strip().splitlines()[-1:]
            return [f"| ingest into SQLite | failed: {last} | | | |"]
        res = json.loads(proc.stdout.strip().splitlines()[-1])
    return [
        _row("ingest JSONL → SQLite", res["stored"], size / 1e6, res["seconds"]),
        f"| peak memory of that ingest | {res['peak_mb']:,.0f} MB | | | |",
    ]


def bench_dask(n: int) -> list[str]:
    """The Dask engine on SQLite, PostgreSQL and Parquet with 1 and 2 workers (``bench.scale``);
    its own table, printed after the main one."""
    from .scale import bench_scale

    return ["", *bench_scale(n)]


def _load_eval_docs(path: Path) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            docs.append(Document(text=o["text"], id=o["id"], language=o.get("language"),
                                 published=o.get("published"), outlet=o.get("outlet")))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimledger.bench", description=__doc__)
    ap.add_argument("--eval-docs", type=Path, default=Path("../shared/eval/dev/docs.jsonl"),
                    help="the dev documents (skipped if missing)")
    ap.add_argument("--synthetic", type=int, default=2000,
                    help="synthetic documents for the extract benchmark")
    ap.add_argument("--ingest", type=int, default=100_000, help="documents for the ingest run")
    ap.add_argument("--quantulum-docs", type=int, default=40,
                    help="documents quantulum3 is timed on (it runs ~40 KB/s)")
    ap.add_argument("--repeats", type=int, default=REPEATS)
    ap.add_argument("--dask", type=int, default=2_000,
                    help="documents for the Dask engine per backend and worker count (0 to skip)")
    args = ap.parse_args(argv)

    rows = ["| benchmark | documents | MB | docs/s | MB/s |", "|---|---:|---:|---:|---:|"]
    if args.eval_docs.is_file():
        dev = _load_eval_docs(args.eval_docs)
        rows += bench_extract("dev set", dev, dev[: args.quantulum_docs], args.repeats)
    syn = list(synthetic_documents(args.synthetic))
    rows += bench_extract("synthetic", syn, syn[: args.quantulum_docs], args.repeats)
    rows += bench_html(200)
    if args.ingest:
        rows += bench_ingest(args.ingest)
    if args.dask:
        rows += bench_dask(args.dask)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
