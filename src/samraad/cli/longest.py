"""`samraad longest`: the longest ongoing own-sickness spells below a unit, with the last
conversation and the next statutory step (spec/management-information.md, "Longest
absences"; docs/management-information.md). Person-level data: for operators with the
database at hand, like the import."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from samraad.cli.options import iso_date
from samraad.followup.longest import MIN_DAYS, LongAbsence


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number, at least 1, not {text!r}")
    return int(text)


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "longest", help="the longest ongoing absences below a unit, with the next step due"
    )
    parser.add_argument("--unit", required=True, help="unit_id")
    parser.add_argument("--as-of", required=True, type=iso_date, help="the day (YYYY-MM-DD)")
    parser.add_argument("--top", type=positive, help="at most this many, the longest first")
    parser.add_argument(
        "--min-days", type=positive, default=MIN_DAYS, help="calendar days so far (default 29)"
    )
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        metavar="FILE",
        help="rule-set file (repeatable; default: the shipped rule set)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON array on stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError
    from samraad.followup.long_absences import stored_conversations
    from samraad.followup.longest import longest
    from samraad.frames.loading import load_for_unit
    from samraad.org.models import Unit
    from samraad.rules import RuleHistory, RuleSetError

    if not Unit.objects.filter(unit_id=args.unit).exists():
        raise UsageError(f"unknown unit: {args.unit}")
    try:
        history = RuleHistory.from_files(args.rules) if args.rules else RuleHistory.default()
    except RuleSetError as exc:
        raise UsageError(str(exc)) from None
    data = load_for_unit(args.unit, args.as_of, args.as_of)
    rows = longest(
        data,
        args.unit,
        args.as_of,
        stored_conversations,
        history.in_force(args.as_of),
        top=args.top,
        min_days=args.min_days,
    )
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=1))
    else:
        print(render(rows, args.unit, args))
    return 0


def render(rows: list[LongAbsence], unit: str, args: argparse.Namespace) -> str:
    lines = [
        f"{unit}: own sickness going on on {args.as_of}, at least {args.min_days} days "
        f"({len(rows)})",
        "",
        f"  {'employee':<14}{'unit':<16}{'since':<12}{'days':>5}{'degree':>7}"
        f"  {'last conversation':<34}next step due",
    ]
    for r in rows:
        held = r.last_conversation
        due = r.next_due
        talk = f"{held.held_on} {held.kind}" if held else "–"
        step = f"{due.rule_id} by {due.due_by}" if due else "–"
        if due is not None and due.overdue(args.as_of):
            step += " (overdue)"
        lines.append(
            f"  {r.employee_id:<14}{r.unit:<16}{r.spell_start.isoformat():<12}{r.days:>5}"
            f"{r.degree:>7.2f}  {talk:<34}{step}"
        )
    return "\n".join(lines)
