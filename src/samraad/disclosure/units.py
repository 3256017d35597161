"""Which units' figures an audience without person-level access may see, month by month.

The atoms are a unit's own staff in one month (cut where the unit moves in the tree
within the month); a unit's figure for a month, in the historic or the current
structure, is the sum over the atoms below it. The class rule (`classes.py`) is applied
to every month over both structures at once, so that neither parent minus children,
nor the historic minus the current structure, isolates fewer than MIN_CELL persons.

A period's figure is shown only when the period is made of whole months of the horizon
and the unit is shown in each of them: then it is a sum of shown monthly figures and
tells nothing they do not (a year minus its shown months is nothing hidden).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.disclosure.classes import MIN_CELL, Family, publishable
from samraad.disclosure.trees import Trees
from samraad.stats import Dataset, Structure, day_number

Period = tuple[dt.date, dt.date]


def month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def last_complete_month(today: dt.date) -> dt.date:
    """The last day of the last month that has ended by `today` (today included)."""
    return today if today == month_end(today) else today.replace(day=1) - dt.timedelta(days=1)


def whole_months(first: dt.date, last: dt.date) -> list[Period]:
    """The months from `first`'s to `last`'s, whole."""
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append((day, month_end(day)))
        day = month_end(day) + dt.timedelta(days=1)
    return months


@dataclass(frozen=True)
class UnitVisibility:
    """Per structure and unit, the months (indices into `months`) it may be shown in."""

    months: tuple[Period, ...]
    shown: dict[tuple[Structure, str], frozenset[int]]

    def month_span(self, start: dt.date, end: dt.date) -> range | None:
        """The months that make up [start, end] exactly, or None when it is not whole
        months of the horizon."""
        starts = {m[0]: i for i, m in enumerate(self.months)}
        ends = {m[1]: i for i, m in enumerate(self.months)}
        if start not in starts or end not in ends or ends[end] < starts[start]:
            return None
        return range(starts[start], ends[end] + 1)

    def to_frame(self) -> pl.DataFrame:
        """structure, unit, month (first day): one row per month a unit is shown; the
        horizon's months as rows with no unit."""
        rows: list[tuple[str, str | None, dt.date]] = [
            (str(s), u, self.months[m][0]) for (s, u), months in self.shown.items() for m in months
        ]
        rows += [("", None, first) for first, _ in self.months]
        return pl.DataFrame(
            rows, schema={"structure": pl.String, "unit": pl.String, "month": pl.Date}, orient="row"
        )

    @classmethod
    def from_frame(cls, frame: pl.DataFrame) -> UnitVisibility:
        firsts = sorted(frame.filter(pl.col("unit").is_null())["month"].to_list())
        months = tuple((first, month_end(first)) for first in firsts)
        index = {first: i for i, first in enumerate(firsts)}
        shown: dict[tuple[Structure, str], set[int]] = defaultdict(set)
        for structure, unit, first in frame.drop_nulls("unit").iter_rows():
            shown[(Structure(structure), unit)].add(index[first])
        return cls(months, {k: frozenset(v) for k, v in shown.items()})

    def unit_shown(self, structure: Structure, unit: str, start: dt.date, end: dt.date) -> bool:
        span = self.month_span(start, end)
        if span is None:
            return False
        months = self.shown.get((structure, unit), frozenset())
        return all(m in months for m in span)


def default_first_month(data: Dataset, reference: dt.date, years: int) -> dt.date:
    """The horizon starts `years` calendar years before the reference's year, or at the
    month of the first employment if that is later."""
    first = dt.date(reference.year - years, 1, 1)
    if data.employments.height:
        earliest = data.employments["start_date"].min()
        if isinstance(earliest, dt.date) and earliest > first:
            first = earliest.replace(day=1)
    return min(first, reference.replace(day=1))


def unit_visibility(
    data: Dataset, reference: dt.date, as_of: dt.date, first: dt.date
) -> UnitVisibility:
    """Visibility of every unit in every whole month from `first`'s up to the month
    ending on `reference`; the current structure is the tree of `as_of`."""
    months = whole_months(first, reference)
    starts = np.array([day_number(a) for a, _ in months], dtype=np.int64)
    ends = np.array([day_number(b) for _, b in months], dtype=np.int64)
    jobs = data.employment_rows.join(
        data.employment_rows["employee"].unique().to_frame().with_row_index("person"),
        on="employee",
    )
    # every employment × the months it overlaps (a search, an explode: no row per day)
    jobs = (
        jobs.with_columns(
            pl.int_ranges(
                pl.Series(np.searchsorted(ends, jobs["first"].to_numpy(), side="left")),
                pl.Series(np.searchsorted(starts, jobs["last"].to_numpy(), side="right")),
            ).alias("month")
        )
        .explode("month")
        .drop_nulls("month")
    )
    trees = Trees.of(data, as_of)
    atoms: list[tuple[int, str, frozenset[str]]] = []  # month, unit, historic ancestors
    rows: list[tuple[int, int, str, int, int]] = []  # atom, month, unit, first, last
    for month, unit in jobs.select("month", "unit").unique().sort("month", "unit").iter_rows():
        for a, b, ancestors in trees.segments(unit, starts[month], ends[month]):
            rows.append((len(atoms), month, unit, a, b))
            atoms.append((month, unit, ancestors))
    frame = pl.DataFrame(
        rows,
        schema={
            "atom": pl.Int64,
            "month": pl.Int64,
            "unit": pl.String,
            "a_first": pl.Int64,
            "a_last": pl.Int64,
        },
        orient="row",
    )
    pairs = (
        jobs.with_columns(pl.col("month").cast(pl.Int64))
        .join(frame, on=["month", "unit"])
        .filter((pl.col("first") <= pl.col("a_last")) & (pl.col("last") >= pl.col("a_first")))
        .select("month", "atom", pl.col("person").cast(pl.Int64))
        .unique()
        .sort("month", "atom")
    )
    units = sorted({u for _, u, _ in atoms} | set(trees.units))
    cells = [(s, u) for s in Structure for u in units]
    cell_id = {cell: i for i, cell in enumerate(cells)}
    shown: dict[tuple[Structure, str], set[int]] = defaultdict(set)
    for key, in_month in pairs.group_by("month", maintain_order=True):
        month = int(key[0])
        month_atoms = np.unique(in_month["atom"].to_numpy()).tolist()
        local = {a: i for i, a in enumerate(month_atoms)}
        members = [
            tuple(
                sorted(
                    [cell_id[(Structure.HISTORIC, x)] for x in atoms[a][2]]
                    + [cell_id[(Structure.CURRENT, x)] for x in trees.current.get(atoms[a][1], ())]
                )
            )
            for a in month_atoms
        ]
        pair_atom = np.array([local[a] for a in in_month["atom"].to_list()], dtype=np.int64)
        family = _deduplicated(members, pair_atom, in_month["person"].to_numpy())
        for cell in publishable(family.family, MIN_CELL):
            for original in family.same[cell]:
                shown[cells[original]].add(month)
    return UnitVisibility(tuple(months), {k: frozenset(v) for k, v in shown.items()})


@dataclass(frozen=True)
class _Deduplicated:
    family: Family
    same: dict[int, list[int]]  # representative cell → the cells with the same atoms


def _deduplicated(
    members: list[tuple[int, ...]], pair_atom: np.ndarray, pair_person: np.ndarray
) -> _Deduplicated:
    """Cells over exactly the same atoms show the same figure: one decision for all
    (the historic and current figure of a unit that did not move; a parent and its
    only child)."""
    atoms_of: dict[int, list[int]] = defaultdict(list)
    for atom, cells in enumerate(members):
        for cell in cells:
            atoms_of[cell].append(atom)
    representative: dict[tuple[int, ...], int] = {}
    same: dict[int, list[int]] = defaultdict(list)
    rename: dict[int, int] = {}
    for cell, atoms in sorted(atoms_of.items()):
        rep = representative.setdefault(tuple(atoms), cell)
        rename[cell] = rep
        same[rep].append(cell)
    renamed = [tuple(sorted({rename[c] for c in cells})) for cells in members]
    return _Deduplicated(Family(renamed, pair_atom, pair_person), dict(same))
