"""The store only stores: no module of ``claimledger.store`` imports the checks or the source
registry (the pipeline reads metrics and canonical sources off them before a save)."""

from __future__ import annotations

import ast
from pathlib import Path

import claimledger.store

STORE = Path(claimledger.store.__file__).parent
FORBIDDEN = ("claimledger.checks", "claimledger.sources_registry", "claimledger.pipeline")


def imported_modules(path: Path) -> set[str]:
    """The absolute names of the modules ``path`` imports (relative imports resolved)."""
    package = "claimledger.store"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            names.add(module)
            names.update(f"{module}.{a.name}" for a in node.names)
    return names


def test_the_resolver_sees_relative_imports(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from ..checks import metrics\nfrom .base import Ledger\n", encoding="utf-8")
    assert {"claimledger.checks.metrics", "claimledger.store.base"} <= imported_modules(probe)


def test_no_store_module_imports_the_checks_or_the_registries() -> None:
    files = sorted(STORE.glob("*.py"))
    assert files
    for path in files:
        bad = {m for m in imported_modules(path) if m.startswith(FORBIDDEN)}
        assert not bad, f"{path.name} imports {sorted(bad)}"
