"""Benchmarks: ``python -m claimledger.bench`` (see ``__main__``) and the synthetic corpus."""
