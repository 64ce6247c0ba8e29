"""Per-language word lists that are data rather than code (one module per language and task)."""
