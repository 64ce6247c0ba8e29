"""Build a synthetic ledger (default 1,000,000 claims) and time the store's read paths.

    .venv/bin/python bench/store_bench.py [--claims N] [--db PATH] [--reuse]

Documents are made up from a small vocabulary with a skewed word distribution, a few hundred
source names and a few dozen metrics, so that common and rare search terms both occur. The
target is under 50 ms for a claims search, a metric series page and a document page.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from claimledger.model import Analysis, Check, Document, Quantity
from claimledger.store import ClaimQuery, SQLiteLedger

CLAIMS_PER_DOC = 10  # a long report states about ten figures
REPEATS = 20  # timings are the median of this many runs, each with a different argument
SEED = 20240224  # the same ledger on every run
WORDS = [f"w{i}" for i in range(5000)]  # vocabulary; word i has weight 1/(i+1) (Zipf)
SOURCES = [f"Source {i}" for i in range(300)]
OUTLETS = [f"Outlet {i}" for i in range(50)]
METRICS = [f"metric_{i}" for i in range(40)]
CUM_WEIGHTS = list(itertools.accumulate(1 / (i + 1) for i in range(len(WORDS))))


def make_analysis(rng: random.Random, n: int) -> Analysis:
    """Synthetic document number ``n`` with ``CLAIMS_PER_DOC`` figures."""
    words = rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=120)
    year = rng.choice([2022, 2023, 2024, 2025, 2026])
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    parts, quantities = [], []
    pos = 0
    for i in range(CLAIMS_PER_DOC):
        chunk = " ".join(words[i * 12:(i + 1) * 12]) + " "
        number = str(rng.randint(1, 100_000))
        start = pos + len(chunk)
        parts.append(chunk + number + ". ")
        pos += len(parts[-1])
        sources = tuple(rng.sample(SOURCES, rng.choice([0, 1, 1, 2])))
        quantities.append(
            Quantity(
                start=start, end=start + len(number), text=number, value=float(number),
                what=" ".join(words[i * 12:i * 12 + 3]),
                period_to=published[:7] if rng.random() < 0.5 else None, sources=sources,
            )
        )
    text = f"Report {n}. " + "".join(parts)
    offset = len(f"Report {n}. ")
    quantities = [
        Quantity(**{**q.__dict__, "start": q.start + offset, "end": q.end + offset})
        for q in quantities
    ]
    doc = Document(
        text=text, id=f"b{n:07d}", title=" ".join(words[:6]), outlet=rng.choice(OUTLETS),
        published=published, language="en",
    )
    checks = (Check("percent_of", rng.choice(["consistent", "inconsistent"]), "synthetic",
                    percent=0, part=1, whole=2),)
    return Analysis(document=doc, quantities=tuple(quantities), checks=checks)


def metric_of(q: Quantity, doc: Document) -> str | None:
    """A made-up metric classifier: a third of the figures get one of ``METRICS``."""
    h = hash((doc.id, q.start))
    return METRICS[h % len(METRICS)] if h % 3 == 0 else None


def build(path: Path, n_claims: int) -> float:
    """Fill a new ledger at ``path``; returns the seconds taken."""
    rng = random.Random(SEED)
    started = time.perf_counter()
    with SQLiteLedger(path, canonical=lambda name: name.upper(), metric_of=metric_of) as store:
        for n in range(n_claims // CLAIMS_PER_DOC):
            store.save(make_analysis(rng, n))
            if n and n % 10_000 == 0:
                rate = n / (time.perf_counter() - started)
                print(f"  {n * CLAIMS_PER_DOC:>9,} claims, {rate:,.0f} documents/s", flush=True)
        store.optimize()
    return time.perf_counter() - started


def timed(label: str, fn: Callable[[int], object]) -> None:
    """Print the median and worst time of ``fn(i)`` over ``REPEATS`` runs."""
    times = []
    for i in range(REPEATS):
        started = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - started) * 1000)
    print(f"{label:<44} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms")


def bench(path: Path) -> None:
    """Time the read paths on the ledger at ``path``."""
    store = SQLiteLedger(path)
    counts = store.count()
    print(f"ledger: {counts}  size {path.stat().st_size / 1e6:,.0f} MB")
    n_docs = counts["documents"]
    rng = random.Random(1)
    docs = [f"b{rng.randrange(n_docs):07d}" for _ in range(REPEATS)]
    queries: list[tuple[str, Callable[[int], ClaimQuery]]] = [
        ("search, common word (top 10)", lambda i: ClaimQuery(search=WORDS[i % 10])),
        ("search, mid word (rank 100-120)", lambda i: ClaimQuery(search=WORDS[100 + i])),
        ("search, rare word (rank 4000+)", lambda i: ClaimQuery(search=WORDS[4000 + i])),
        ("search, two words", lambda i: ClaimQuery(search=f"{WORDS[i]} {WORDS[50 + i]}")),
        ("search + since", lambda i: ClaimQuery(search=WORDS[20 + i], since="2025-06")),
        ("search, page 5", lambda i: ClaimQuery(search=WORDS[30 + i], offset=400)),
        ("metric series, first page", lambda i: ClaimQuery(metric=METRICS[i % 40])),
        ("metric series, 2024 page", lambda i: ClaimQuery(
            metric=METRICS[i % 40], since="2024-01", until="2024-12")),
        ("source filter (one source)", lambda i: ClaimQuery(source=f"Source {i + 100}")),
        ("source filter (contains 'source 1')", lambda i: ClaimQuery(source="source 1")),
        ("source + search", lambda i: ClaimQuery(source=f"Source {i}", search=WORDS[i])),
    ]
    for label, make in queries:
        timed(label, lambda i, make=make: store.claims(make(i)))  # type: ignore[misc]
    timed("metric series, every row (iter)", lambda i: list(
        store.iter_claims(ClaimQuery(metric=METRICS[i % 40]))))
    timed("document page: get + its claims", lambda i: (
        store.get(docs[i]), store.claims(ClaimQuery(doc_id=docs[i]))))
    timed("documents list, first page", lambda i: store.documents())
    timed("count", lambda i: store.count())
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="ledger file (default: a temp file)")
    parser.add_argument("--reuse", action="store_true", help="time an existing --db, don't build")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="claimledger-bench-")) / "ledger.sqlite"
    if not args.reuse:
        if path.exists():
            parser.error(f"{path} exists; pass --reuse to time it or remove it")
        print(f"building {args.claims:,} claims in {path}")
        seconds = build(path, args.claims)
        print(f"built in {seconds:,.0f} s ({args.claims / seconds:,.0f} claims/s)")
    bench(path)


if __name__ == "__main__":
    main()
