"""`samraad table`: every unit × every period of a range, to a file (spec/cli.md).

One call of the statistics core for the whole table, then the fields of
`samraad stats --json` as flat columns (`samraad.stats.flat_figures`), written as CSV,
Parquet or Excel for Power BI and other tools. `follow_up` is not among them: it is
the state of the follow-up work as of today, from the stored alerts, not a figure of
the absence data (docs/table.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl

from samraad.cli.options import iso_date
from samraad.cli.stats import causes_list
from samraad.spreadsheet import write_frame_csv, write_frame_xlsx
from samraad.stats import (
    DEFAULT_LENGTH_GROUPS,
    Dataset,
    Structure,
    TableRequest,
    closure,
    day_number,
    figures_table,
    flat_figures,
)

PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
FORMATS = ("csv", "parquet", "xlsx")


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("table", help="every unit × every period of a range, to a file")
    parser.add_argument("--from", dest="start", required=True, type=iso_date)
    parser.add_argument("--to", dest="end", required=True, type=iso_date)
    parser.add_argument("--by", required=True, choices=list(PERIOD_MONTHS))
    parser.add_argument(
        "--structure", choices=[s.value for s in Structure], default=Structure.HISTORIC.value
    )
    parser.add_argument("--as-of", type=iso_date, help="current structure: the tree of this day")
    parser.add_argument("--causes", type=causes_list, default=frozenset({"own_sickness"}))
    parser.add_argument("--units", type=unit_list, help="these units and everything below them")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--out", required=True, type=Path)
    parser.set_defaults(func=run)


def unit_list(text: str) -> list[str]:
    units = [part.strip() for part in text.split(",") if part.strip()]
    if not units:
        raise argparse.ArgumentTypeError("expected unit ids separated by commas")
    return units


def periods(start: dt.date, end: dt.date, months: int) -> list[tuple[dt.date, dt.date]]:
    """Calendar months, quarters or years touching [start, end], cut at start and end."""
    result: list[tuple[dt.date, dt.date]] = []
    index = start.year * 12 + (start.month - 1) // months * months  # months since year 0
    while True:
        first = dt.date(index // 12, index % 12 + 1, 1)
        if first > end:
            return result
        index += months
        following = dt.date(index // 12, index % 12 + 1, 1)
        result.append((max(first, start), min(following - dt.timedelta(days=1), end)))


def run(args: argparse.Namespace) -> int:
    # The one place this command touches the database loader.
    from samraad.cli import UsageError
    from samraad.frames.loading import load_dataset, load_units

    if args.start > args.end:
        raise UsageError(f"--from {args.start} is after --to {args.end}")
    if not args.out.parent.is_dir():
        raise UsageError(f"--out: no such folder: {args.out.parent}")
    structure = Structure(args.structure)
    request = TableRequest(
        periods=periods(args.start, args.end, PERIOD_MONTHS[args.by]),
        structure=structure,
        as_of=args.as_of,
        causes=args.causes,
    )
    if args.units is None:
        data = load_dataset()
    else:
        units = load_units()
        unknown = sorted(set(args.units) - set(units["unit_id"].to_list()))
        if unknown:
            raise UsageError(f"unknown unit: {', '.join(unknown)}")
        shown = units_below(units, args.units, request)
        # A unit shown may, in a month when it was elsewhere, hold units never below
        # the ones asked for: load what lies below any unit shown.
        data = load_dataset(units_below(units, shown, request))
        request = dataclasses.replace(request, units=shown)
    table = figures_table(data, request)
    WRITERS[args.format](
        flat_figures(table, structure, args.causes, DEFAULT_LENGTH_GROUPS), args.out
    )
    return 0


def units_below(units: pl.DataFrame, tops: list[str], request: TableRequest) -> list[str]:
    """The units given and every unit below one of them on some day of the range, in the
    structure asked for."""
    rows = Dataset(units, Dataset.empty().employments, Dataset.empty().absences).unit_rows
    first = day_number(min(a for a, _ in request.periods))
    last = day_number(max(b for _, b in request.periods))
    below = closure(rows, request.structure, request.as_of_day()).filter(
        pl.col("ancestor").is_in(tops) & (pl.col("first") <= last) & (pl.col("last") >= first)
    )
    return sorted(set(below["unit"].to_list()) | set(tops))


def write_csv(rows: pl.DataFrame, out: Path) -> None:
    write_frame_csv(rows, out)


def write_parquet(rows: pl.DataFrame, out: Path) -> None:
    rows.write_parquet(out)


def write_xlsx(rows: pl.DataFrame, out: Path) -> None:
    write_frame_xlsx(rows, out, "table")


WRITERS = {"csv": write_csv, "parquet": write_parquet, "xlsx": write_xlsx}
