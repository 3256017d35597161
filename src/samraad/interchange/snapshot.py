"""A snapshot import (`samraad import DIR --snapshot`): the files are the whole truth
for their scope, so the stored rows of that scope that they no longer hold are removed.

The scope is a period (`--from`, `--to`; either may be left open) and/or units (`--units`:
those units and every unit below them on a day of the period). Only the tables whose
file is in the folder take part: a snapshot of `absences.csv` alone removes absences
and nothing else. Per table, a stored row is in the scope when (docs/interchange.md):

- units, employments, managers: its period shares a day with the scope's period, and its
  `unit_id` is a unit of the scope;
- targets: its year shares a day with the period, and its unit is one of the scope;
- absences: it shares a day with the period and, with `--units`, with an employment
  (stored or in the folder) in a unit of the scope;
- employees and conversations are never removed: a person leaves through the retention
  purge (retention/purge.py), with everything about them, and a conversation is a
  follow-up record (an alert's status is derived from it; the app records them too).

The removal itself is the replacing-source mechanism (reading.Source.replaces): the
validation takes the removed rows out of the prospective whole, so whatever they leave
broken (an employment without its unit's period) is an error and nothing is written.

No Django here: the stored rows come in as frames of strings, as the validation's do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from samraad.interchange.reading import Folder
from samraad.interchange.schema import TABLES_BY_NAME
from samraad.interchange.validation import canonical

# The tables a snapshot removes from: the (first day, last day) columns placing a row in
# time; targets are placed by their year.
SPANS: dict[str, tuple[str, str]] = {
    "units": ("valid_from", "valid_to"),
    "employments": ("start_date", "end_date"),
    "absences": ("start_date", "end_date"),
    "managers": ("valid_from", "valid_to"),
}
REMOVES = ("units", "employments", "absences", "targets", "managers")
# Never removed by a snapshot (see the module doc); their files add and update only.
KEEPS = ("employees", "conversations")


class UnknownUnit(ValueError):
    """A unit of `--units` exists neither in the database nor in the folder."""


@dataclass(frozen=True)
class Scope:
    start: dt.date | None = None
    end: dt.date | None = None
    units: frozenset[str] | None = None  # the units named; everything below them is in, too

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"--from {self.start} is after --to {self.end}")

    def describe(self) -> str:
        period = f"{self.start or '…'} to {self.end or '…'}"
        if self.start is None and self.end is None:
            period = "all time"
        units = "all units" if self.units is None else "units " + ", ".join(sorted(self.units))
        return f"{units}, {period}"


def apply(folder: Folder, stored: Mapping[str, pl.DataFrame], scope: Scope) -> Folder:
    """The folder with each removing table's source speaking for the stored rows of the scope.

    Raises UnknownUnit when a unit of the scope is nowhere to be found.
    """
    units = _canonical(folder, stored, "units")
    unit_ids = None if scope.units is None else units_below(units, scope)
    sources = dict(folder.sources)
    for name, source in folder.sources.items():
        if name not in REMOVES:
            continue
        if name == "absences":
            replaces = _absences_in_scope(folder, stored, scope, unit_ids)
        else:
            replaces = _overlaps(scope, *_span(name))
            if unit_ids is not None:
                replaces = replaces & pl.col("unit_id").is_in(pl.Series(sorted(unit_ids)))
        sources[name] = dataclasses.replace(source, replaces=replaces)
    return Folder(sources, list(folder.errors), set(folder.unreadable))


def units_below(units: pl.DataFrame, scope: Scope) -> set[str]:
    """The scope's units and every unit below one of them on some day of the period,
    in the stored tree or the folder's (a unit moved in or out during it is in)."""
    assert scope.units is not None
    known = set(units["unit_id"].to_list())
    unknown = sorted(scope.units - known)
    if unknown:
        raise UnknownUnit(f"unknown unit {', '.join(unknown)}")
    edges = units.filter(
        _overlaps(scope, "valid_from", "valid_to"), pl.col("parent_id").is_not_null()
    )
    children: dict[str, set[str]] = {}
    for unit, parent in edges.select("unit_id", "parent_id").unique().iter_rows():
        children.setdefault(parent, set()).add(unit)
    found = set(scope.units)
    todo = list(found)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _canonical(folder: Folder, stored: Mapping[str, pl.DataFrame], name: str) -> pl.DataFrame:
    """The stored rows and the folder's (whatever their state), with the stored columns."""
    table = TABLES_BY_NAME[name]
    frames = [canonical(table, stored[name]).select(table.column_names)]
    source = folder.sources.get(name)
    if source is not None and name not in folder.unreadable:
        incoming = canonical(table, source.frame)
        frames.append(
            incoming.select(
                pl.col(c) if c in incoming.columns else pl.lit(None, pl.String).alias(c)
                for c in table.column_names
            )
        )
    return pl.concat(frames)


def _span(name: str) -> tuple[str, str]:
    return SPANS.get(name, ("_year_start", "_year_end"))


def _overlaps(scope: Scope, first: str, last: str) -> pl.Expr:
    """Rows whose days (ISO text, `last` empty = open) share one with the scope's period."""
    if first == "_year_start":
        year = pl.col("year")
        start, end = year + pl.lit("-01-01"), year + pl.lit("-12-31")
    else:
        start, end = pl.col(first), pl.col(last)
    condition = pl.lit(True)
    if scope.end is not None:
        condition = condition & (start <= pl.lit(scope.end.isoformat()))
    if scope.start is not None:
        condition = condition & (end.is_null() | (end >= pl.lit(scope.start.isoformat())))
    return condition


def _absences_in_scope(
    folder: Folder, stored: Mapping[str, pl.DataFrame], scope: Scope, unit_ids: set[str] | None
) -> pl.Expr:
    in_period = _overlaps(scope, "start_date", "end_date")
    if unit_ids is None:
        return in_period
    # An absence belongs to a unit through the employee's employments on its days.
    employments = _canonical(folder, stored, "employments").filter(
        pl.col("unit_id").is_in(pl.Series(sorted(unit_ids)))
    )
    absences = stored["absences"].filter(in_period)
    shared = absences.join(
        employments.select(
            "employee_id",
            pl.col("start_date").alias("_from"),
            pl.col("end_date").alias("_to"),
        ),
        on="employee_id",
    ).filter(
        (pl.col("_to").is_null() | (pl.col("_to") >= pl.col("start_date")))
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= pl.col("_from")))
    )
    return pl.col("absence_id").is_in(shared["absence_id"].unique())
