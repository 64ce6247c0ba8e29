"""The bound of the tests that feed pathological inputs ("1 " * 20000, "Laut " * 5000) to a stage.

It is a guard against runaway run time, not a measure of speed: an input that makes a stage
quadratic takes minutes (1 MB of "1 " took over 300 s before issue 15), while these inputs run
in well under a second on an idle machine. The bound leaves room for a machine busy with other
work; speed itself is measured by ``python -m claimledger.bench`` and
``python -m claimledger.bench.stages``, which print figures.
"""

RUNAWAY_SECONDS = 15.0
