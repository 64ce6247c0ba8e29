"""``python -m claimledger.bench.soups``: run time against size on pathological inputs (issue 15).

Each input is one sentence of a repeated unit ("1 ", a date, a range, a "+N" tally, a chain of
percentages, a sum ...), the kind a hostile or broken source sends. For each size the CPU time
(``time.process_time``) of every pipeline stage is printed with the throughput of the whole, and
the slope of log(time) against log(size) between the smallest and largest size: 1 is linear,
2 quadratic. Nothing is asserted; the tests hold only a runaway guard (tests/runaway.py).

    python -m claimledger.bench.soups                      # every soup, 5k to 40k characters
    python -m claimledger.bench.soups --sizes 5000,1000000 --soups ones,plus
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..checks.arithmetic import check_arithmetic
from ..extract.attribution import attach_context, extract_attributions
from ..extract.hedges import extract_hedges
from ..extract.language import detect_language
from ..extract.narrative import extract_narrative
from ..extract.quantities import extract_quantities
from ..extract.times import extract_times
from ..model import Document

SOUPS: dict[str, str] = {
    "ones": "1 ",
    "dates": "12 March 2024, ",
    "ranges": "5-10 ",
    "plus": "1926 (+8) ",
    "percent": "rose 5% to 10%, ",
    "sums": "of whom 3 and 4 make 7, ",
    "bases": "up 5% from 2023 ",
    "anaphor": "of them 5 ",
    "said": "said on Monday 5 ",
    "ratio": "5 times more than 1926 ",
}
DEFAULT_SIZES = (5_000, 10_000, 20_000, 40_000)
STAGES = ("quantities", "times", "hedges", "attribution", "context", "narrative", "checks")


def stage_seconds(text: str) -> tuple[dict[str, float], int]:
    """CPU seconds of each stage on ``text`` (one document), and the figures found."""
    doc = Document(text=text, published="2025-01-01").with_id()
    doc = replace(doc, language=detect_language(doc.text))
    spent: dict[str, float] = {}
    clock = time.process_time

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0 = clock()
        out = fn()
        spent[name] = clock() - t0
        return out

    q = timed("quantities", lambda: extract_quantities(doc))
    t = timed("times", lambda: extract_times(doc))
    timed("hedges", lambda: extract_hedges(doc))
    a = timed("attribution", lambda: extract_attributions(doc))
    q = timed("context", lambda: attach_context(doc, q, t, a))
    n = timed("narrative", lambda: extract_narrative(doc, q, t, a))
    timed("checks", lambda: check_arithmetic(doc, list(n.quantities)))
    return spent, len(q)


def rows(soups: Sequence[str], sizes: Sequence[int]) -> list[str]:
    """The table's lines: one per soup and size, then the slope of each soup."""
    head = "| soup | chars | figures | " + " | ".join(STAGES) + " | total s | MB/s |"
    out = [head, "|" + "---|" * (len(STAGES) + 5)]
    for name in soups:
        unit = SOUPS[name]
        totals: list[tuple[int, float]] = []
        for size in sizes:
            text = unit * max(1, size // len(unit))
            spent, figures = stage_seconds(text)
            total = sum(spent.values())
            totals.append((len(text), total))
            cells = " | ".join(f"{spent[s]:.2f}" for s in STAGES)
            rate = len(text.encode("utf-8")) / 1e6 / total if total > 0 else float("inf")
            out.append(f"| {name} | {len(text):,} | {figures:,} | {cells} | {total:.2f} | "
                       f"{rate:.3f} |")
            print(out[-1], file=sys.stderr, flush=True)  # progress: large sizes take a while
        (n0, t0), (n1, t1) = totals[0], totals[-1]
        if len(totals) > 1 and t0 > 0 and t1 > 0 and n1 > n0:
            out.append(f"| {name} | slope | {math.log(t1 / t0) / math.log(n1 / n0):.2f} |")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimledger.bench.soups")
    parser.add_argument("--soups", default=",".join(SOUPS), help="comma-separated soup names")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated sizes in characters")
    args = parser.parse_args(argv)
    soups = [s for s in args.soups.split(",") if s]
    unknown = [s for s in soups if s not in SOUPS]
    if unknown:
        parser.error(f"unknown soup(s) {', '.join(unknown)}; known: {', '.join(SOUPS)}")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for line in rows(soups, sizes):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
