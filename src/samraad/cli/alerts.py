"""`samraad alerts`: replay the follow-up rules and list the alerts of a period (spec/cli.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import polars as pl

from samraad.cli.options import iso_date

JSON_FIELDS = ("employee_id", "rule_id", "ruleset_version", "raised_on", "due_by", "reason")


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("alerts", help="replay the follow-up rules; list a period's alerts")
    parser.add_argument("--from", dest="start", required=True, type=iso_date)
    parser.add_argument("--to", dest="end", required=True, type=iso_date)
    add_rules_option(parser)
    parser.add_argument("--json", action="store_true", help="a JSON array on stdout")
    parser.set_defaults(func=run)


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        type=Path,
        metavar="FILE",
        help="a rule-set file (TOML); give several to form a history (default: the shipped set)",
    )


def rule_history(paths: list[Path] | None) -> Any:
    """The history from --rules, or the default; a bad file is a usage error (exit 2)."""
    from samraad.cli import UsageError
    from samraad.rules import RuleHistory, RuleSetError

    try:
        return RuleHistory.from_files(paths) if paths else RuleHistory.default()
    except RuleSetError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError
    from samraad.frames.loading import load_dataset
    from samraad.rules import alerts_between

    if args.start > args.end:
        raise UsageError(f"--from {args.start} is after --to {args.end}")
    history = rule_history(args.rules)
    alerts = alerts_between(load_dataset(), history, args.start, args.end)
    if args.json:
        print(json.dumps(to_json(alerts), ensure_ascii=False, indent=1))
    else:
        print(render_table(alerts))
    return 0


def to_json(alerts: pl.DataFrame) -> list[dict[str, Any]]:
    rows = alerts.select(*JSON_FIELDS, "days", "spells").iter_rows(named=True)
    return [
        {k: str(v) if k in ("raised_on", "due_by") else v for k, v in row.items()} for row in rows
    ]


def render_table(alerts: pl.DataFrame) -> str:
    header = f"{'raised on':<12}{'due by':<12}{'employee':<14}{'rule':<22}reason"
    lines = [header, "-" * (len(header) + 12)]
    for a in alerts.iter_rows(named=True):
        lines.append(
            f"{a['raised_on']!s:<12}{a['due_by']!s:<12}{a['employee_id']:<14}"
            f"{a['rule_id']:<22}{a['reason']}"
        )
    lines.append(f"{alerts.height} alert{'s' if alerts.height != 1 else ''}")
    return "\n".join(lines)
