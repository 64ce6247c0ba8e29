"""Checks: arithmetic within a report, metric series across reports, reference data."""
