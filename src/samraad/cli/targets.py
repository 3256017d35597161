"""`samraad targets breakdown`: a unit's target broken down to its direct children
(spec/management-information.md, "Targets"; docs/management-information.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from samraad.stats import Dataset, Structure, parents_on
from samraad.targets.breakdown import Breakdown, Method, breakdown


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("targets", help="targets (måltal): break a target down")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    down = actions.add_parser(
        "breakdown", help="break a unit's target for a year down to its direct children"
    )
    down.add_argument("--unit", required=True, help="unit_id")
    down.add_argument("--year", required=True, type=int)
    down.add_argument("--method", choices=[m.value for m in Method], default=Method.PROPORTIONAL)
    down.add_argument(
        "--baseline-years", type=int, default=1, help="complete years before --year (default 1)"
    )
    down.add_argument(
        "--structure", choices=[s.value for s in Structure], default=Structure.CURRENT.value
    )
    down.add_argument("--write", action="store_true", help="store the children's targets")
    down.add_argument(
        "--replace", action="store_true", help="with --write: replace existing targets"
    )
    down.add_argument("--json", action="store_true", help="one JSON object on stdout")
    down.set_defaults(func=run_breakdown)


def load_everything() -> Dataset:
    """All stored data: under the historic structure a child's baseline may lie outside
    the unit's subtree (it moved in), so a one-unit load would not do."""
    from samraad.frames.loading import load_dataset

    return load_dataset()


def run_breakdown(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError
    from samraad.org.models import Unit
    from samraad.targets.inheritance import target_of
    from samraad.targets.store import TargetsExist, read_targets, write_targets

    if args.replace and not args.write:
        raise UsageError("--replace goes with --write")
    if args.baseline_years < 1:
        raise UsageError(f"--baseline-years must be at least 1, not {args.baseline_years}")
    if not Unit.objects.filter(unit_id=args.unit).exists():
        raise UsageError(f"unknown unit: {args.unit}")
    data = load_everything()
    first_day = dt.date(args.year, 1, 1)
    found = target_of(args.unit, read_targets(args.year), parents_on(data, first_day))
    if found is None:
        raise UsageError(f"no target for {args.year} for {args.unit} or any unit above it")
    result = breakdown(
        data,
        args.unit,
        args.year,
        found.value,
        method=Method(args.method),
        baseline_years=args.baseline_years,
        structure=Structure(args.structure),
        target_set_for=found.set_for,
    )
    if args.write:
        try:
            write_targets(
                args.year, {s.unit: s.target for s in result.children}, replace=args.replace
            )
        except TargetsExist as exc:
            raise UsageError(f"{exc}; nothing written (--replace replaces them)") from None
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        print(render(result, written=args.write))
    return 0


def _number(value: object, places: int) -> str:
    return "–" if value is None else f"{value:.{places}f}"


def render(result: Breakdown, *, written: bool = False) -> str:
    data = result.to_json()
    baseline = data["baseline"]
    inherited = (
        f" (set for {result.target_set_for})"
        if result.target_set_for not in (None, result.unit)
        else ""
    )
    lines = [
        f"{result.unit}  target {result.year}: {result.target:.2f} days per FTE{inherited}",
        f"method {result.method}, baseline {baseline['from']} – {baseline['to']} "
        f"({result.structure} structure): {_number(baseline['absence_days_per_fte'], 2)} "
        f"days per FTE a year, {baseline['fte']:.1f} FTE",
        "",
        f"  {'unit':<24}{'baseline days/FTE':>19}{'baseline FTE':>14}{'target':>9}",
    ]
    for row in data["children"]:
        lines.append(
            f"  {row['unit']:<24}{_number(row['baseline_days_per_fte'], 2):>19}"
            f"{row['baseline_fte']:>14.1f}{row['target']:>9.2f}"
        )
    mean = result.weighted_mean()
    lines += ["", f"  FTE-weighted mean of the targets: {_number(mean and float(mean), 2)}"]
    if written:
        lines.append(f"  stored the targets of {len(result.children)} units for {result.year}")
    return "\n".join(lines)
