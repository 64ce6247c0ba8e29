"""Per-language word lists read by the extractors and checks: data kept apart from the rules that
use them (one module per language and task)."""
