"""Imports point one way (docs/architecture.md).

- The pure parts know nothing of Django, the database or the apps: the statistics
  core, the rule engine, the generator, the import's reading and validation, the
  vocabularies and the small-group rule run on plain data.
- Nothing outside the statistics core imports its internals.
- No two packages import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "samraad"
CORE = ("samraad.stats",)

# module files (globs under src/samraad) → the samraad packages they may import besides
# their own
PURE = {
    "stats/*.py": CORE,
    "synth/*.py": CORE,
    "rules/*.py": CORE,
    "followup/compliance.py": CORE,
    "followup/closing.py": (),
    "followup/longest.py": (*CORE, "samraad.rules", "samraad.forecast"),
    "vocabulary.py": CORE,
    "disclosure/*.py": CORE,
    "spreadsheet.py": (),
    "documents/*.py": (),
    "forecast/*.py": CORE,
    "targets/breakdown.py": CORE,
    "targets/inheritance.py": (),
    "analyses/tables.py": CORE,
    "minutes/*.py": (),
    # The committees' pure parts: the annual cycle, written procedure, plan status,
    # the papers as documents, the import's correction step, the search's Danish words.
    **{
        f"meetings/{name}.py": ("samraad.vocabulary", "samraad.documents", "samraad.minutes")
        for name in ("cycle", "procedure", "plans", "papers", "notepaper", "review", "searchtext")
    },
    # The monthly report's content, charts, PDF and Excel file: no database.
    **{
        f"reports/{name}.py": (
            *CORE,
            "samraad.disclosure",
            "samraad.documents",
            "samraad.followup.compliance",
            "samraad.followup.longest",
            "samraad.forecast",
            "samraad.spreadsheet",
            "samraad.targets.inheritance",
            "samraad.vocabulary",
        )
        for name in ("periods", "content", "charts", "words", "document", "workbook")
    },
    # The measures compiled as seed 003's Bilag 2; the sickness item's statistics attachment.
    **{f"measures/{name}.py": ("samraad.documents",) for name in ("compilation", "report")},
    "signin/mapping.py": ("samraad.vocabulary",),
    **{
        f"interchange/{name}.py": ("samraad.vocabulary",)
        for name in (
            "schema",
            "errors",
            "reading",
            "intervals",
            "validation",
            "consistency",
            "snapshot",
        )
    },
    # Readers of payroll's own exports: the working-day calendar, no Django.
    "interchange/sources/*.py": ("samraad.interchange", "samraad.stats"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "samraad":  # from samraad import clock
                names |= {f"samraad.{alias.name}" for alias in node.names}
    return names


def package_of(module: str) -> str:
    """samraad.followup.inbox → followup; samraad.clock → clock."""
    return module.split(".")[1]


def source_files() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


@pytest.mark.parametrize("pattern", sorted(PURE))
def test_pure_modules_import_neither_django_nor_other_apps(pattern: str) -> None:
    paths = sorted(SRC.glob(pattern))
    assert paths, f"no module matches {pattern}"
    for path in paths:
        relative = path.relative_to(SRC)
        own = (f"samraad.{relative.parts[0]}",) if len(relative.parts) > 1 else ()
        for name in imported_modules(path):
            assert not name.startswith("django"), f"{path.name} imports {name}"
            if name.startswith("samraad."):
                assert name.startswith((*own, *PURE[pattern])), f"{path.name} imports {name}"


def test_nothing_outside_the_core_imports_its_internals() -> None:
    """The core's interface is what `samraad/stats/__init__.py` exports."""
    roots = [SRC, SRC.parents[1] / "benchmarks"]
    for path in (p for root in roots for p in root.rglob("*.py")):
        if path.is_relative_to(SRC / "stats"):
            continue
        inside = sorted(n for n in imported_modules(path) if n.startswith("samraad.stats."))
        assert inside == [], f"{path.name} imports {inside}; import from samraad.stats"


def package_imports() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for path in source_files():
        relative = path.relative_to(SRC)
        package = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        for name in imported_modules(path):
            if name.startswith("samraad.") and package_of(name) != package:
                edges[package].add(package_of(name))
    return edges


def find_loop(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle in the graph, as a path that returns to its start, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (loop := visit(nxt)):
                return loop
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (loop := visit(node)):
            return loop
    return None


def test_no_two_packages_import_each_other_even_round_a_loop() -> None:
    loop = find_loop(package_imports())
    assert loop is None, " → ".join(loop or [])


def test_the_loop_finder_finds_a_loop() -> None:
    assert find_loop({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_loop({"a": {"b"}, "b": {"c"}, "c": set()}) is None
