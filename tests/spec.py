"""Where the tests find the contract: the repo's own copy in docs/ (scripts/spec-diff
says when it differs from the shared original)."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
SPEC = DOCS / "spec"
EXAMPLE = SPEC / "example"
SEEDS = DOCS / "seeds"
