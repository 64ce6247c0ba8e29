"""Extraction stages: each a plain function from a document to a list of records."""
