"""Rule sets as data: TOML files, versioned, in force from a date (spec/rules.md).

Every problem is reported as a `RuleSetError` naming the file and the rule, so that a
municipality editing its own file can act on it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from samraad.rules.kinds import KINDS, Rule, RuleSetError

TOP_LEVEL_KEYS = frozenset({"version", "applies_from", "rule"})
DEFAULT_NAME = "default.toml"


@dataclass(frozen=True)
class RuleSet:
    source: str
    version: str
    applies_from: dt.date | None  # None: in force on every day (until a later file)
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def parse_ruleset(text: str, source: str) -> RuleSet:
    """Read and check one rule-set file's text; `source` names it in errors."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"{source}: not valid TOML: {exc}") from None
    unknown = sorted(set(document) - TOP_LEVEL_KEYS)
    if unknown:
        raise RuleSetError(f"{source}: unknown top-level key {', '.join(map(repr, unknown))}")
    version = document.get("version", hashlib.sha256(text.encode()).hexdigest())
    if not isinstance(version, str) or not version.strip():
        raise RuleSetError(f"{source}: version must be non-empty text, not {version!r}")
    applies_from = document.get("applies_from")
    if applies_from is not None and (
        isinstance(applies_from, dt.datetime) or not isinstance(applies_from, dt.date)
    ):
        raise RuleSetError(
            f"{source}: applies_from must be a TOML date such as 2026-01-01, not {applies_from!r}"
        )
    tables = document.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise RuleSetError(f"{source}: rules are written as [[rule]] tables")
    return RuleSet(source, version, applies_from, parse_rules(tables, source))


def parse_rules(tables: Sequence[Mapping[str, Any]], source: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for number, table in enumerate(tables, start=1):
        name = table.get("id")
        where = f"{source}: rule {name!r}" if isinstance(name, str) else f"{source}: rule #{number}"
        kind = table.get("kind")
        if kind not in KINDS:
            known = ", ".join(sorted(KINDS))
            raise RuleSetError(f"{where}: unknown kind {kind!r}; known: {known}")
        rule = KINDS[kind].from_table(table, where)
        if any(r.id == rule.id for r in rules):
            raise RuleSetError(f"{where}: duplicate rule id {rule.id!r}")
        rules.append(rule)
    return tuple(rules)


def load_ruleset(path: Path) -> RuleSet:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(f"{path}: cannot read the rule set: {exc}") from None
    return parse_ruleset(text, str(path))


def default_ruleset() -> RuleSet:
    """The rule set shipped with Samråd (spec/rules.md, "Default rule set")."""
    text = resources.files("samraad.rules").joinpath(DEFAULT_NAME).read_text(encoding="utf-8")
    return parse_ruleset(text, f"samraad/rules/{DEFAULT_NAME}")


@dataclass(frozen=True)
class Period:
    """The days [first, last] (None: unbounded) on which `ruleset` is in force."""

    ruleset: RuleSet
    first: dt.date | None
    last: dt.date | None


class RuleHistory:
    """Several rule sets: on each day, the one with the latest applies_from not after it."""

    def __init__(self, rulesets: Iterable[RuleSet]) -> None:
        ordered = sorted(rulesets, key=lambda r: r.applies_from or dt.date.min)
        for before, after in itertools.pairwise(ordered):
            if before.applies_from == after.applies_from:
                raise RuleSetError(
                    f"{after.source}: applies_from {after.applies_from or '(none)'} is the same"
                    f" as in {before.source}; each file of a history needs its own date"
                )
        self.rulesets = tuple(ordered)

    @classmethod
    def default(cls) -> RuleHistory:
        return cls([default_ruleset()])

    @classmethod
    def from_files(cls, paths: Sequence[Path]) -> RuleHistory:
        return cls([load_ruleset(p) for p in paths])

    def periods(self) -> list[Period]:
        """Each rule set with the days it is in force, oldest first."""
        result = []
        for i, ruleset in enumerate(self.rulesets):
            following = self.rulesets[i + 1] if i + 1 < len(self.rulesets) else None
            last = None
            if following is not None and following.applies_from is not None:
                last = following.applies_from - dt.timedelta(days=1)
            result.append(Period(ruleset, ruleset.applies_from, last))
        return result

    def in_force(self, day: dt.date) -> RuleSet | None:
        """The rule set in force on `day`; None before the first applies_from."""
        current = None
        for ruleset in self.rulesets:
            if ruleset.applies_from is None or ruleset.applies_from <= day:
                current = ruleset
        return current

    def rule_ids(self) -> list[str]:
        """Every rule id of the history, in order of first appearance."""
        ids: dict[str, None] = {}
        for ruleset in self.rulesets:
            ids.update((r.id, None) for r in ruleset.rules)
        return list(ids)

    def rule(self, rule_id: str) -> Rule | None:
        """The latest version of a rule, for its title."""
        for ruleset in reversed(self.rulesets):
            found = ruleset.rule(rule_id)
            if found is not None:
                return found
        return None
