"""`samraad report`: a unit's monthly management report (LIS) as PDF or Excel, or every
administration's and centre's with --all (spec/management-information.md, "Monthly
report (LIS)"; docs/management-information.md). For operators with the database at
hand, like `samraad longest`: a management report names the persons it lists."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from samraad.stats import Structure

FORMATS = ("pdf", "xlsx")
REPORTED_KINDS = ("administration", "centre")


def month(text: str) -> Any:
    from samraad.reports.periods import Month

    try:
        return Month.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("report", help="a unit's monthly management report (PDF or Excel)")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--unit", help="unit_id")
    which.add_argument(
        "--all", action="store_true", help="one report per administration and centre"
    )
    parser.add_argument("--month", required=True, type=month, help="YYYY-MM")
    parser.add_argument("--audience", choices=["management", "committee"], default="management")
    parser.add_argument(
        "--format", choices=FORMATS, help="pdf or xlsx (default: the --out file's suffix, else pdf)"
    )
    parser.add_argument(
        "--structure",
        choices=[s.value for s in Structure],
        help="default: historic for management, current for committee",
    )
    parser.add_argument("--language", choices=["da", "en"], default="da")
    parser.add_argument(
        "--out", required=True, type=Path, help="the file (--unit) or the folder (--all)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.cli import UsageError
    from samraad.clock import today
    from samraad.org.models import Unit
    from samraad.org.tree import tree_on
    from samraad.reports.content import Audience
    from samraad.reports.gather import ReportUnavailable, check_month, prepare

    day = today()
    audience = Audience(args.audience)
    try:
        check_month(args.month, audience, day)
    except ReportUnavailable as exc:
        raise UsageError(str(exc)) from None
    if args.all:
        if args.out.exists() and not args.out.is_dir():
            raise UsageError(f"--out {args.out} is a file; --all writes a folder")
        tree = tree_on(args.month.last)
        units = sorted(u for u, t in tree.units.items() if t.open and t.kind in REPORTED_KINDS)
        args.out.mkdir(parents=True, exist_ok=True)
        kind = args.format or "pdf"
        started = time.perf_counter()
        structure = Structure(args.structure) if args.structure else None
        prepare(units, args.month, audience, day, structure)
        for unit in units:
            write(args, unit, args.out / f"{unit}-{args.month}.{kind}", kind, audience, day)
        print(
            f"{len(units)} reports for {args.month} ({audience}, {kind}) in {args.out} "
            f"({time.perf_counter() - started:.1f} s)"
        )
        return 0
    if not Unit.objects.filter(unit_id=args.unit).exists():
        raise UsageError(f"unknown unit: {args.unit}")
    suffix = args.out.suffix.lower().lstrip(".")
    kind = args.format or (suffix if suffix in FORMATS else "pdf")
    write(args, args.unit, args.out, kind, audience, day)
    print(f"{args.out}: {args.unit}, {args.month}, {audience}, {kind}")
    return 0


def write(
    args: argparse.Namespace, unit: str, out: Path, kind: str, audience: Any, day: Any
) -> None:
    from samraad.reports.document import report_pdf
    from samraad.reports.gather import report
    from samraad.reports.workbook import report_xlsx

    structure = Structure(args.structure) if args.structure else None
    found = report(unit, args.month, audience, day, structure)
    render = report_pdf if kind == "pdf" else report_xlsx
    out.write_bytes(render(found, args.language))
