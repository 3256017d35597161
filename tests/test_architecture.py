"""Imports point inward: the pure parts know nothing of Django, the database or the apps.

The statistics core, the rule engine, the generator and the import's reading and
validation run without Django, so they are testable and reusable on plain frames.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "samraad"

# module files (globs under src/samraad) → the samraad packages they may import
PURE = {
    "stats/*.py": ("samraad.stats",),
    "synth/*.py": ("samraad.synth", "samraad.stats"),
    "forecast/*.py": ("samraad.forecast", "samraad.stats"),
    "rules/engine.py": ("samraad.rules", "samraad.stats"),
    "rules/ruleset.py": ("samraad.rules", "samraad.stats"),
    "rules/kinds.py": ("samraad.rules", "samraad.stats"),
    "rules/world.py": ("samraad.rules", "samraad.stats"),
    "rules/compliance.py": ("samraad.rules", "samraad.stats"),
    **{
        f"interchange/{name}.py": ("samraad.interchange",)
        for name in ("schema", "errors", "reading", "intervals", "validation", "consistency")
    },
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("pattern", sorted(PURE))
def test_pure_modules_import_neither_django_nor_other_apps(pattern: str) -> None:
    paths = sorted(SRC.glob(pattern))
    assert paths, f"no module matches {pattern}"
    for path in paths:
        for name in imported_modules(path):
            assert not name.startswith("django"), f"{path.name} imports {name}"
            if name.startswith("samraad."):
                assert name.startswith(PURE[pattern]), f"{path.name} imports {name}"


def test_the_forecast_reads_only_the_statistics_cores_public_names() -> None:
    """The forecast builds on `samraad.stats` as a user would: its package, not its modules."""
    for path in sorted((SRC / "forecast").glob("*.py")):
        for name in imported_modules(path):
            if name.startswith("samraad.stats"):
                assert name == "samraad.stats", f"{path.name} imports {name}"
