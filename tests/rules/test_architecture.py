"""The rule engine is pure: no Django in the modules the replay and compliance run on."""

from __future__ import annotations

from pathlib import Path

from tests.test_architecture import imported_modules

RULES = Path(__file__).resolve().parents[2] / "src" / "samraad" / "rules"
PURE = ("engine.py", "ruleset.py", "kinds.py", "world.py", "compliance.py")


def test_rule_engine_imports_no_django() -> None:
    for name in PURE:
        for module in imported_modules(RULES / name):
            assert not module.startswith("django"), f"{name} imports {module}"
            if module.startswith("samraad."):
                assert module.startswith(("samraad.rules", "samraad.stats")), f"{name}: {module}"
