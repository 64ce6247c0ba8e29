"""Per-language word lists read by the extractors (kept apart from the rules that use them)."""
