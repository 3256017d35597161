"""Imports point inward: no domain module imports a view; one permission layer."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "samraad"
WEB_APPS = ("accounts", "audit", "web", "api", "org", "absence")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def _is_web_module(path: Path) -> bool:
    return path.stem in ("views", "urls", "conversation", "upload") or path.parent.name == "api"


def test_no_domain_module_imports_a_view() -> None:
    for app in WEB_APPS:
        for path in (SRC / app).rglob("*.py"):
            if _is_web_module(path) or "migrations" in path.parts:
                continue
            views = [
                n
                for n in _imports(path)
                if n.startswith("samraad.") and n.endswith((".views", ".urls"))
            ]
            assert views == [], f"{path.relative_to(SRC)} imports {views}"


def test_every_view_module_asks_the_permission_layer() -> None:
    for path in SRC.rglob("*.py"):
        if path.stem not in ("views", "conversation", "upload") or "migrations" in path.parts:
            continue
        if path.parent.name in ("web", "signin") and path.stem == "views":
            continue  # sign-in and sign-out only
        imported = _imports(path)
        assert any(n.startswith("samraad.accounts.permissions") for n in imported) or any(
            n.startswith("samraad.accounts.tokens") for n in imported
        ), f"{path.relative_to(SRC)} decides access without accounts.permissions"
