"""Imports point inward: the statistics core knows nothing of Django or the database."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "samraad"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_statistics_core_imports_neither_django_nor_other_samraad_apps() -> None:
    for path in (SRC / "stats").rglob("*.py"):
        for name in imported_modules(path):
            assert not name.startswith("django"), f"{path.name} imports {name}"
            if name.startswith("samraad."):
                assert name.startswith("samraad.stats"), f"{path.name} imports {name}"
