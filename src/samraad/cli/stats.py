"""`samraad stats`: one unit's figures for one period (spec/cli.md, spec/statistics.md)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from samraad.cli.options import iso_date
from samraad.stats import (
    CAUSES,
    DEFAULT_LENGTH_GROUPS,
    LengthGroup,
    Structure,
    UnitFigures,
    parse_length_groups,
    rounded,
    unit_figures,
)


def causes_list(text: str) -> frozenset[str]:
    causes = frozenset(c.strip() for c in text.split(",") if c.strip())
    unknown = sorted(causes - set(CAUSES))
    if unknown or not causes:
        raise argparse.ArgumentTypeError(
            f"unknown cause {', '.join(unknown) or '(none given)'}; known: {', '.join(CAUSES)}"
        )
    return causes


def length_groups(text: str) -> tuple[LengthGroup, ...]:
    try:
        return parse_length_groups(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("stats", help="one unit's absence figures for one period")
    parser.add_argument("--unit", required=True, help="unit_id")
    parser.add_argument("--from", dest="start", required=True, type=iso_date)
    parser.add_argument("--to", dest="end", required=True, type=iso_date)
    parser.add_argument(
        "--structure", choices=[s.value for s in Structure], default=Structure.HISTORIC.value
    )
    parser.add_argument("--as-of", type=iso_date, help="current structure: the tree of this day")
    parser.add_argument("--causes", type=causes_list, default=frozenset({"own_sickness"}))
    parser.add_argument(
        "--length-groups",
        type=length_groups,
        default=DEFAULT_LENGTH_GROUPS,
        help="lower bounds of the spell-length groups in calendar days (default 1,4,15,31)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError
    from samraad.clock import today
    from samraad.followup.status import load_follow_up
    from samraad.frames.loading import load_for_unit
    from samraad.org.models import Unit

    if args.start > args.end:
        raise UsageError(f"--from {args.start} is after --to {args.end}")
    if not Unit.objects.filter(unit_id=args.unit).exists():
        raise UsageError(f"unknown unit: {args.unit}")
    data = load_for_unit(args.unit, args.start, args.end, args.as_of)
    figures = unit_figures(
        data,
        args.unit,
        args.start,
        args.end,
        structure=Structure(args.structure),
        as_of=args.as_of,
        causes=args.causes,
        length_groups=args.length_groups,
    )
    follow_up = load_follow_up(
        args.unit,
        args.start,
        args.end,
        today(),
        structure=Structure(args.structure),
        as_of=args.as_of,
    ).to_json()
    if args.json:
        print(
            json.dumps({**figures.to_json(), "follow_up": follow_up}, ensure_ascii=False, indent=1)
        )
    else:
        print(render_table(figures, follow_up))
    return 0


def render_table(figures: UnitFigures, follow_up: dict[str, Any]) -> str:
    """The figures as a small aligned table for a terminal."""
    data = figures.to_json()
    rate = data["absence_rate"]
    lines = [
        f"{figures.unit}  {data['from']} – {data['to']}  ({data['structure']} structure; "
        f"causes: {', '.join(data['causes'])})",
        "",
        f"  {'working days':<22}{figures.working_days:>14}",
        f"  {'planned hours':<22}{data['planned_hours']:>14,.4f}",
        f"  {'absence hours':<22}{data['absence_hours']:>14,.4f}",
        f"  {'absence rate':<22}{'–' if rate is None else f'{rate:.4f} %':>14}",
        f"  {'FTE':<22}{data['fte']:>14,.4f}",
        f"  {'absence days per FTE':<22}{data['absence_days_per_fte']:>14,.4f}",
        f"  {'headcount':<22}{figures.headcount:>14}",
        f"  {'spells ended':<22}{figures.spells:>14}",
        "",
        f"  {'spell length (days)':<22}{'spells':>8}{'absence hours':>16}",
    ]
    for label, group in figures.by_length.items():
        lines.append(f"  {label:<22}{group.spells:>8}{rounded(group.absence_hours):>16,.4f}")
    compliance = follow_up["compliance"]
    lines += [
        "",
        f"  {'follow-up alerts':<22}{follow_up['alerts_raised']:>8}"
        f"  closed on time {follow_up['closed_on_time']}, late {follow_up['closed_late']}, "
        f"open {follow_up['open']}, overdue {follow_up['overdue']}"
        + (f", lapsed {follow_up['lapsed']}" if follow_up.get("lapsed") else ""),
        f"  {'compliance':<22}{'–' if compliance is None else f'{compliance:.1f} %':>8}",
    ]
    return "\n".join(lines)
