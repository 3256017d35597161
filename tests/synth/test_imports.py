"""The generator is pure: no Django, no database, nothing of the apps."""

from __future__ import annotations

import ast
from pathlib import Path

SYNTH = Path(__file__).resolve().parents[2] / "src" / "samraad" / "synth"


def test_synth_imports_neither_django_nor_the_apps() -> None:
    for path in SYNTH.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert not name.startswith("django"), f"{path.name} imports {name}"
                if name.startswith("samraad."):
                    assert name.startswith("samraad.synth"), f"{path.name} imports {name}"
