"""The grid a table is computed on: periods, segments, and the closure laid over them.

A layer of pairwise disjoint, sorted periods is cut into segments wherever the structure
changes inside a period (a transfer), so that within a segment every unit has a fixed
set of ancestors. Additive figures are summed per (leaf unit, segment) into a NumPy
matrix and rolled up once through the closure; nothing here walks day by day, and
nothing expands an interval into one row per period when a difference array will do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.stats.workdays import IntArray, WorkCalendar

# Closure entries rolled up at a time (see Grid.roll_up).
ROLL_UP_CHUNK = 1_000_000


def expand_ranges(lo: IntArray, hi: IntArray) -> tuple[IntArray, IntArray]:
    """For half-open ranges [lo, hi): (which range, value) for every value in each."""
    counts = np.maximum(hi - lo, 0)
    which = np.repeat(np.arange(len(lo), dtype=np.int64), counts)
    offsets = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(
        np.cumsum(counts) - counts, counts
    )
    return which, np.repeat(lo, counts) + offsets


def add_at(target: IntArray, index: IntArray, values: IntArray | int) -> None:
    """target.flat[index] += values, repeated indexes adding up (exact, in integers)."""
    np.add.at(target.reshape(-1), index, values)


@dataclass(frozen=True)
class Grid:
    """Periods (K) cut into segments (S), and the closure rows holding on each segment."""

    p_first: IntArray
    p_last: IntArray
    p_workdays: IntArray
    s_first: IntArray
    s_last: IntArray
    s_period: IntArray
    s_workdays: IntArray
    units: int  # leaf unit codes are 0 … units - 1
    ancestors: int  # ancestor codes are 0 … ancestors - 1
    # One entry per (closure row, segment it holds on): what rolls up into what.
    c_unit: IntArray
    c_ancestor: IntArray
    c_segment: IntArray
    cal: WorkCalendar

    @classmethod
    def build(
        cls,
        p_first: IntArray,
        p_last: IntArray,
        tree: pl.DataFrame,
        units: int,
        ancestors: int,
        cal: WorkCalendar,
    ) -> Grid:
        """`tree`: closure rows (unit, ancestor, first, last) with integer codes."""
        t_first, t_last = tree["first"].to_numpy(), tree["last"].to_numpy()
        changes = np.unique(np.concatenate([t_first, t_last + 1]))
        # A segment starts at each period's first day and at each change inside a period.
        k = np.searchsorted(p_first, changes, side="right") - 1
        at = np.maximum(k, 0)
        cuts = (k >= 0) & (changes > p_first[at]) & (changes <= p_last[at])
        starts = np.concatenate([p_first, changes[cuts]])
        periods = np.concatenate([np.arange(len(p_first), dtype=np.int64), k[cuts]])
        order = np.argsort(starts, kind="stable")
        s_first, s_period = starts[order], periods[order]
        # A segment ends before the next one starts, or with its period.
        s_last = np.minimum(np.append(s_first[1:] - 1, p_last[-1]), p_last[s_period])
        # A closure row holds on whole segments: those starting in [first, last].
        lo = np.searchsorted(s_first, t_first, side="left")
        hi = np.searchsorted(s_first, t_last, side="right")
        row, segment = expand_ranges(lo, hi)
        return cls(
            p_first=p_first,
            p_last=p_last,
            p_workdays=cal.count(p_first, p_last),
            s_first=s_first,
            s_last=s_last,
            s_period=s_period,
            s_workdays=cal.count(s_first, s_last),
            units=units,
            ancestors=ancestors,
            c_unit=tree["unit"].to_numpy()[row],
            c_ancestor=tree["ancestor"].to_numpy()[row],
            c_segment=segment,
            cal=cal,
        )

    @property
    def periods(self) -> int:
        return len(self.p_first)

    @property
    def segments(self) -> int:
        return len(self.s_first)

    def cut(self, first: IntArray, last: IntArray) -> tuple[IntArray, IntArray, IntArray]:
        """Pieces of intervals by segment: (interval, segment, working days), only pieces
        with a working day."""
        lo = np.searchsorted(self.s_last, first, side="left")
        hi = np.searchsorted(self.s_first, last, side="right")
        row, segment = expand_ranges(lo, hi)
        workdays = self.cal.count(
            np.maximum(first[row], self.s_first[segment]),
            np.minimum(last[row], self.s_last[segment]),
        )
        keep = workdays > 0
        return row[keep], segment[keep], workdays[keep]

    def spread(self, unit: IntArray, first: IntArray, last: IntArray, weight: IntArray) -> IntArray:
        """Σ weight × working days of [first, last] in each (unit, segment): a [units,
        segments] matrix. The segments an interval covers whole add up in a difference
        array; only its two end pieces are counted one by one."""
        s_first, s_last = self.s_first, self.s_last
        lo = np.searchsorted(s_last, first, side="left")
        hi = np.searchsorted(s_first, last, side="right") - 1  # inclusive
        some = lo <= hi
        unit, first, last, weight, lo, hi = (a[some] for a in (unit, first, last, weight, lo, hi))
        width = self.segments
        result = np.zeros((self.units, width), dtype=np.int64)
        head = self.cal.count(np.maximum(first, s_first[lo]), np.minimum(last, s_last[lo]))
        add_at(result, unit * width + lo, weight * head)
        tail = hi > lo
        hi_t = hi[tail]
        end = self.cal.count(s_first[hi_t], np.minimum(last[tail], s_last[hi_t]))
        add_at(result, unit[tail] * width + hi_t, weight[tail] * end)
        middle = hi - lo >= 2
        diff = np.zeros((self.units, width + 1), dtype=np.int64)
        add_at(diff, unit[middle] * (width + 1) + lo[middle] + 1, weight[middle])
        add_at(diff, unit[middle] * (width + 1) + hi[middle], -weight[middle])
        result += np.cumsum(diff[:, :width], axis=1) * self.s_workdays
        return result

    def period_ranges(self, first: IntArray, last: IntArray) -> tuple[IntArray, IntArray]:
        """Per interval, the periods (k_lo … k_hi, inclusive; empty when k_lo > k_hi) in
        which it has a working day. The periods between the two ends lie wholly inside
        the interval: it has a working day there unless the period has none."""
        k_lo = np.searchsorted(self.p_last, first, side="left")
        k_hi = np.searchsorted(self.p_first, last, side="right") - 1
        top = self.periods - 1
        a, b = np.minimum(k_lo, top), np.clip(k_hi, 0, top)
        at_lo = self.cal.count(np.maximum(first, self.p_first[a]), np.minimum(last, self.p_last[a]))
        at_hi = self.cal.count(np.maximum(first, self.p_first[b]), np.minimum(last, self.p_last[b]))
        return k_lo + (at_lo == 0), k_hi - (at_hi == 0)

    def roll_up(self, leaf: IntArray) -> IntArray:
        """Sums per (leaf unit, segment[, figure]) into sums per (ancestor, period[, …])."""
        rolled = np.zeros((self.ancestors, self.periods, *leaf.shape[2:]), dtype=np.int64)
        # In chunks: the gathered rows of a national closure would take gigabytes at once.
        for start in range(0, len(self.c_unit), ROLL_UP_CHUNK):
            part = slice(start, start + ROLL_UP_CHUNK)
            segment = self.c_segment[part]
            np.add.at(
                rolled,
                (self.c_ancestor[part], self.s_period[segment]),
                leaf[self.c_unit[part], segment],
            )
        return rolled
