"""A time budget for the analysis of one document (issue 15): a pathological document becomes a
named failure instead of a stalled batch.

The pipeline opens a ``Deadline`` around one document (``budget``); the stages call ``tick()``
in their per-figure loops and ``check()`` between stages. ``tick`` costs a counter increment
and reads the clock once every ``TICKS_PER_CHECK`` calls, so the loops stay cheap. The clock is
the CPU time of the calling thread: a machine busy with other work does not fail a document,
and a worker pool's threads each have their own. Nothing here imports the rest of the package.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import ClaimLedgerError

TICKS_PER_CHECK = 256  # loop steps between two readings of the clock

Clock = Callable[[], float]


class BudgetExceeded(ClaimLedgerError):
    """The analysis of one document ran past its time budget."""


def thread_clock() -> float:
    """CPU seconds of the calling thread (the budget's default clock)."""
    return time.thread_time()


class Deadline:
    """A limit on the clock for one document; ``stage`` names where the work is."""

    __slots__ = ("_ticks", "clock", "limit", "seconds", "source", "stage")

    def __init__(self, source: str, seconds: float, clock: Clock) -> None:
        self.source = source
        self.seconds = seconds
        self.clock = clock
        self.limit = clock() + seconds
        self.stage = ""
        self._ticks = 0

    def check(self, stage: str | None = None) -> None:
        """Raise ``BudgetExceeded`` when the budget is spent; ``stage`` starts a new stage."""
        if stage is not None:
            self.stage = stage
        if self.clock() > self.limit:
            where = f" in {self.stage}" if self.stage else ""
            raise BudgetExceeded(
                self.source,
                f"analysis ran past its time budget of {self.seconds:g} s of CPU{where} "
                f"(a pathological document; the budget is set by $CLAIMLEDGER_BUDGET)",
            )

    def tick(self) -> None:
        self._ticks += 1
        if self._ticks % TICKS_PER_CHECK == 0:
            self.check()


_current: ContextVar[Deadline | None] = ContextVar("claimledger_deadline", default=None)


def tick() -> None:
    """One step of a stage's loop: checks the current budget every ``TICKS_PER_CHECK`` steps."""
    d = _current.get()
    if d is not None:
        d.tick()


def check(stage: str | None = None) -> None:
    """Check the current budget now (between stages); ``stage`` names the next stage."""
    d = _current.get()
    if d is not None:
        d.check(stage)


@contextmanager
def budget(source: str, seconds: float | None, clock: Clock | None = None) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (None or <= 0: no budget) for ``source``,
    on ``clock`` (by default ``thread_clock``, looked up at each call)."""
    if seconds is None or seconds <= 0:
        token = _current.set(None)
    else:
        token = _current.set(Deadline(source, seconds, clock or thread_clock))
    try:
        yield
    finally:
        _current.reset(token)
