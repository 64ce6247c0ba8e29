"""No module outside ``claimledger/lexicon/`` holds words of a language, apart from an explicit,
shrinking allow-list.

A word is caught by its letters: a string literal (docstrings and comments are documentation and
left out) holding a letter that only the Cyrillic, German or Polish alphabet has. English words
cannot be caught this way; the allow-list is the record of what is left to move.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "claimledger"
FOREIGN_LETTER = re.compile("[\u0400-\u04ffÄÖÜäöüßĄąĆćĘęŁłŃńŚśŹźŻż]")

# module (relative to the package) -> string literals with foreign letters it may still hold.
# Lower an entry when words move into the lexicon; remove it at zero.
ALLOWED: dict[str, int] = {
    "sources_registry.py": 224,  # registry data: outlets' names as written in each language
    "bench/corpus.py": 8,  # the benchmark's synthetic corpus
    # Owned by another stream of work for now (frames, things, metrics):
    "checks/frames.py": 1,
    "checks/things.py": 2,
    "checks/metrics.py": 6,
    # Left to move:
    "checks/layout.py": 10,
    "checks/percent.py": 14,
    "checks/reference_frames.py": 27,
    "checks/reference_load.py": 1,
    "checks/sums.py": 9,
    "extract/agreements.py": 23,
    "extract/attribution.py": 10,
    "extract/attribution_cues.py": 83,
    "extract/events.py": 20,
    "extract/links.py": 2,
    "extract/periods.py": 8,
    "extract/quantities.py": 41,
    "extract/quantity_figure.py": 46,
    "extract/quantity_lexicon.py": 12,
    "extract/times.py": 30,
    "extract/times_atoms.py": 36,
    "extract/what.py": 40,
    "extract/what_lexicon.py": 35,
}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def foreign_literals(source: str) -> list[str]:
    """The string literals of ``source`` (docstrings left out) holding a foreign letter."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs and FOREIGN_LETTER.search(node.value)]


def _modules() -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("lexicon/"):
            continue
        n = len(foreign_literals(path.read_text(encoding="utf-8")))
        if n:
            counts[rel] = n
    return counts


def test_no_language_words_outside_the_lexicon() -> None:
    over = {m: (n, ALLOWED.get(m, 0)) for m, n in _modules().items() if n > ALLOWED.get(m, 0)}
    assert not over, f"words of a language outside claimledger/lexicon/ (found, allowed): {over}"


def test_allow_list_shrinks() -> None:
    counts = _modules()
    stale = {m: (counts.get(m, 0), n) for m, n in ALLOWED.items() if counts.get(m, 0) < n}
    assert not stale, f"lower these allowances to what is left (found, allowed): {stale}"


@pytest.mark.parametrize(("source", "found"), [
    ('x = "said"\n', []),
    ('x = "сказал"\n', ["сказал"]),
    ('def f() -> None:\n    """Reads "über"."""\n    return None\n', []),
    ('# "für"\nx = 1\n', []),
    ('x = f"{1}ß"\n', ["ß"]),
    ('x = "tys."\ny = "złotych"\n', ["złotych"]),
])
def test_foreign_literals(source: str, found: list[str]) -> None:
    assert foreign_literals(source) == found
