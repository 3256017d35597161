"""Bring own sickness to the year's target exactly, by thinning surplus episodes.

The processes draw more own sickness than the targets ask (absence.INFLATE). For each
year in turn, own-sickness episodes starting in that year are dropped in random order
until the year's FTE-weighted absence days meet the target, so composition effects,
cut-off employments and the first year's missing history do not bias the result. The
measure is spec/statistics.md's (absent hours / 7.4) / FTE, taking each person's first
weekly hours; the year's target follows the day factors of the processes (season and
year level), so a part year is held to its own share.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from samraad.synth.absence import OWN_PROCESSES
from samraad.synth.calendar import WorkCalendar
from samraad.synth.episodes import NO_CAUSE, Episodes
from samraad.synth.staffing import Staff

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class YearFit:
    year: int
    target: float  # FTE-days of own sickness asked for
    drawn: float  # before thinning
    kept: float  # after


class _Window:
    """Working days within [first, last] and one calendar year (given as an index into the
    calendar's years), plain or weighted."""

    def __init__(self, cal: WorkCalendar, first: int, last: int, weights: Floats) -> None:
        self.cal, self.first, self.last = cal, first, last
        daily = np.zeros(cal.last - cal.first + 1)
        daily[cal.working_days - cal.first] = weights
        self.weighted = np.concatenate(([0.0], np.cumsum(daily)))

    def clip(
        self, start: npt.ArrayLike, end: npt.ArrayLike, year: npt.NDArray[np.int64]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        jan1, next_jan1 = (
            self.cal.jan1[year],
            self.cal.jan1[np.minimum(year + 1, len(self.cal.jan1) - 1)],
        )
        a = np.maximum(np.maximum(start, jan1), self.first)
        b = np.minimum(np.minimum(end, next_jan1 - 1), self.last)
        return a, b

    def days(
        self, start: npt.ArrayLike, end: npt.ArrayLike, year: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        a, b = self.clip(start, end, year)
        return self.cal.count(a, b)

    def weighted_days(
        self, start: npt.ArrayLike, end: npt.ArrayLike, year: npt.NDArray[np.int64]
    ) -> Floats:
        a, b = self.clip(start, end, year)
        a = np.clip(a - self.cal.first, 0, len(self.weighted) - 1)
        b = np.clip(b + 1 - self.cal.first, 0, len(self.weighted) - 1)
        return np.maximum(self.weighted[b] - self.weighted[a], 0.0)


def calibrate(
    ep: Episodes,
    staff: Staff,
    cal: WorkCalendar,
    expected: Floats,
    first: int,
    today: int,
    rng: np.random.Generator,
) -> tuple[Episodes, list[YearFit]]:
    window = _Window(cal, first, today, expected)
    years = range(int(cal.year_index(first)), int(cal.year_index(today)) + 1)
    own = np.flatnonzero(np.isin(ep.process, OWN_PROCESSES))
    own_ep = ep.take(own)
    year = cal.year_index(own_ep.start)
    hours = staff.primary_hours[own_ep.person] / 37
    weight_first = _episode_days(window, own_ep, year) * hours
    weight_next = _episode_days(window, own_ep, year + 1) * hours
    del own_ep
    by_year = np.argsort(year.astype(np.int16), kind="stable")  # a radix sort
    bounds = np.searchsorted(year[by_year], np.arange(len(cal.years) + 1))
    dropped = np.zeros(len(own), dtype=bool)
    fits = []
    spill = 0.0  # days that the previous year's kept episodes bring into this one
    for y in years:
        these = by_year[bounds[y] : bounds[y + 1]]
        target = _target(window, staff, y)
        drawn = weight_first[these].sum() + spill
        excess = drawn - target
        if excess > 0:
            order = these[rng.permutation(len(these))]
            dropped[order[np.cumsum(weight_first[order]) <= excess]] = True
        kept = these[~dropped[these]]
        fits.append(YearFit(cal.years[y], target, drawn, weight_first[kept].sum() + spill))
        spill = float(weight_next[kept].sum())
    keep = np.ones(len(ep), dtype=bool)
    keep[own[dropped]] = False
    return ep.take(keep), fits


def _episode_days(window: _Window, ep: Episodes, year: npt.NDArray[np.int64]) -> Floats:
    first = window.days(ep.start, ep.mid, year) * ep.degree1
    second = window.days(ep.mid.astype(np.int64) + 1, ep.end, year) * ep.degree2
    return (first + np.where(ep.cause2 == NO_CAUSE, 0.0, second)).astype(np.float64)


def _target(window: _Window, staff: Staff, year: int) -> float:
    years = np.full(len(staff.start), year)
    days = window.weighted_days(staff.start, staff.end, years)
    return float((days * staff.hours / 37).sum())
