"""What the rules look at, as NumPy arrays per employee (no Django).

Employees become integers 0..n-1 (in sorted order of their ids). Days are integers
(days since 1970, as in `samraad.stats.workdays`). Arrays that are sorted by
(employee, day) are searched with one composite key, `employee << 32 | day + OFFSET`,
so that "the last absent day of employee e up to day d" is one `searchsorted` for every
employee at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import polars as pl

from samraad.stats import START, Dataset, IntArray, WorkCalendar, form_spells

BoolArray = npt.NDArray[np.bool_]

OFFSET = 1 << 31
# "No alert yet": earlier than any day the data can hold.
NEVER = -(1 << 30)


def keys(employee: IntArray, day: IntArray) -> IntArray:
    """Composite sort key of (employee, day); order-preserving for both."""
    return (employee.astype(np.int64) << 32) | (day.astype(np.int64) + OFFSET)


@dataclass(frozen=True)
class Spells:
    """One row per spell of some causes: employee, first day, last day (END while it goes on)."""

    employee: IntArray
    first: IntArray
    last: IntArray


@dataclass(frozen=True)
class AbsentDays:
    """One row per absent working day (any degree) up to the replay's last day.

    Sorted by (employee, day). `spell` numbers the employee's spells consecutively, so
    the spells among rows lo..hi are `spell[hi] - spell[lo] + 1`; `spell_first` is the
    first day of the row's spell (non-decreasing within an employee).
    """

    employee: IntArray
    day: IntArray
    spell: IntArray
    spell_first: IntArray

    @cached_property
    def key(self) -> IntArray:
        return keys(self.employee, self.day)

    @cached_property
    def first_key(self) -> IntArray:
        return keys(self.employee, self.spell_first)


class World:
    """The data of one replay, up to and including day `until`."""

    def __init__(self, data: Dataset, until: int, cal: WorkCalendar) -> None:
        self.until = until
        self.cal = cal
        self._data = data
        ids = pl.concat([data.employments["employee_id"], data.absences["employee_id"]]).unique()
        self.employee_ids: pl.Series = ids.sort().alias("employee_id")
        self._index = pl.DataFrame({"employee": self.employee_ids}).with_row_index("index")
        self._tagged_records: dict[frozenset[str], pl.DataFrame] = {}
        self._spells: dict[frozenset[str], Spells] = {}
        self._absent_days: dict[frozenset[str], AbsentDays] = {}

    def index_of(self, frame: pl.DataFrame) -> IntArray:
        """The integer index of each row's `employee` id."""
        joined = frame.select("employee").join(
            self._index, on="employee", how="left", maintain_order="left"
        )
        return joined["index"].cast(pl.Int64).to_numpy()

    @cached_property
    def employment(self) -> tuple[IntArray, IntArray, IntArray]:
        """(employee, first, last) of the disjoint periods with an active employment,
        sorted by (employee, first): overlapping and adjoining employments merged."""
        rows = self._data.employment_rows.select("employee", "first", "last")
        rows = rows.filter(pl.col("first") <= self.until).sort("employee", "first")
        reach = pl.col("last").cum_max().over("employee")
        rows = rows.with_columns(
            (pl.col("first") > reach.shift(1).over("employee").fill_null(-(1 << 40)) + 1)
            .cum_sum()
            .alias("period")
        )
        periods = rows.group_by("employee", "period", maintain_order=True).agg(
            pl.col("first").min(), pl.col("last").max()
        )
        return (
            self.index_of(periods),
            periods["first"].to_numpy().astype(np.int64),
            periods["last"].to_numpy().astype(np.int64),
        )

    @cached_property
    def _employment_key(self) -> IntArray:
        employee, first, _ = self.employment
        return keys(employee, first)

    def employed(self, employee: IntArray, day: IntArray) -> BoolArray:
        """Whether each employee has an active employment on the given day."""
        period_employee, _, period_last = self.employment
        if len(period_employee) == 0:
            return np.zeros(len(employee), dtype=np.bool_)
        at = np.searchsorted(self._employment_key, keys(employee, day), side="right") - 1
        safe = np.maximum(at, 0)
        return (at >= 0) & (period_employee[safe] == employee) & (period_last[safe] >= day)

    def spells(self, causes: frozenset[str]) -> Spells:
        if causes not in self._spells:
            tagged = self._tagged(causes)
            spells = tagged.group_by("spell").agg(
                pl.col("employee").first(),
                pl.col("spell_first").first(),
                pl.col("spell_last").first(),
            )
            self._spells[causes] = Spells(
                self.index_of(spells),
                spells["spell_first"].to_numpy().astype(np.int64),
                spells["spell_last"].to_numpy().astype(np.int64),
            )
        return self._spells[causes]

    def absent_days(self, causes: frozenset[str]) -> AbsentDays:
        if causes not in self._absent_days:
            self._absent_days[causes] = self._expand(self._tagged(causes))
        return self._absent_days[causes]

    def _tagged(self, causes: frozenset[str]) -> pl.DataFrame:
        """The records of the causes, tagged with their spells (numbered consecutively
        within each employee). All records, also those after `until`: whether a spell
        still goes on, on a weekend after its last record, depends on the record that
        follows. Alerts on a day are thus a function of the stored data and that day."""
        if causes not in self._tagged_records:
            self._tagged_records[causes] = form_spells(self._data.absence_rows(causes), self.cal)
        return self._tagged_records[causes]

    def _expand(self, tagged: pl.DataFrame) -> AbsentDays:
        """Each record's working days up to `until`, without a Python loop over days."""
        cal = self.cal
        first = tagged["first"].to_numpy().astype(np.int64)
        last = np.minimum(tagged["last"].to_numpy().astype(np.int64), self.until)
        # Working days are numbered by the calendar's prefix count: record i covers the
        # working days numbered lo[i] .. hi[i] - 1.
        lo = cal.prefix[np.clip(first, START, None) - START]
        hi = cal.prefix[np.maximum(np.clip(last, START - 1, None) - START + 1, 0)]
        lengths = np.maximum(hi - lo, 0)
        row = np.repeat(np.arange(len(first)), lengths)
        starts = np.cumsum(lengths) - lengths
        ordinal = lo[row] + np.arange(int(lengths.sum())) - starts[row]
        working_days = np.flatnonzero(cal.is_working).astype(np.int64) + START
        employee = self.index_of(tagged)[row]
        day = working_days[ordinal]
        spell = tagged["spell"].to_numpy().astype(np.int64)[row]
        spell_first = tagged["spell_first"].to_numpy().astype(np.int64)[row]
        # form_spells orders records by (employee, first), and the employee index follows
        # the ids' order, so the days come out sorted unless records overlap (bad data).
        if len(day) > 1 and np.any(np.diff(keys(employee, day)) < 0):
            order = np.lexsort((day, employee))
            employee, day, spell = employee[order], day[order], spell[order]
            spell_first = spell_first[order]
        # Records of one employee never overlap (the import refuses that); keep one row
        # per (employee, day) anyway, so a day is never counted twice.
        keep = np.ones(len(day), dtype=np.bool_)
        keep[1:] = (employee[1:] != employee[:-1]) | (day[1:] != day[:-1])
        return AbsentDays(employee[keep], day[keep], spell[keep], spell_first[keep])
