"""Bring own sickness to the year's target exactly, by thinning surplus episodes.

The processes draw a little more own sickness than the targets ask (absence.INFLATE). For
each year in turn, own-sickness episodes starting in that year are dropped in random order
until the year's FTE-weighted absence days meet the target, so composition effects, cut-off
employments and the first year's missing history do not bias the result. The measure is
spec/statistics.md's (absent hours / 7.4) / FTE, with each person's first weekly hours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from samraad.synth.absence import OWN_PROCESSES
from samraad.synth.calendar import WorkCalendar, day_number
from samraad.synth.episodes import NO_CAUSE, Episodes
from samraad.synth.staffing import Staff

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class YearFit:
    year: int
    target: float  # FTE-days of own sickness asked for
    drawn: float  # before thinning
    kept: float  # after


class _Window:
    """Sums over working days within [first, last], plain or weighted by a day factor."""

    def __init__(self, cal: WorkCalendar, first: int, last: int, weights: Floats) -> None:
        self.cal, self.first, self.last = cal, first, last
        daily = np.zeros(cal.last - cal.first + 1)
        daily[cal.working_days - cal.first] = weights
        self.weighted = np.concatenate(([0.0], np.cumsum(daily)))

    def clip(self, start: Ints, end: Ints, year: Ints) -> tuple[Ints, Ints]:
        jan1 = _jan1(year)
        dec31 = _jan1(year + 1) - 1
        return np.maximum(np.maximum(start, jan1), self.first), np.minimum(
            np.minimum(end, dec31), self.last
        )

    def days(self, start: Ints, end: Ints, year: Ints) -> Ints:
        a, b = self.clip(start, end, year)
        return self.cal.count(a, b)

    def weighted_days(self, start: Ints, end: Ints, year: Ints) -> Floats:
        a, b = self.clip(start, end, year)
        a = np.clip(a - self.cal.first, 0, len(self.weighted) - 1)
        b = np.clip(b + 1 - self.cal.first, 0, len(self.weighted) - 1)
        return np.maximum(self.weighted[b] - self.weighted[a], 0.0)


def _jan1(year: Ints) -> Ints:
    return (year - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)


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
    years = range(cal.year_of(np.array([first]))[0], cal.year_of(np.array([today]))[0] + 1)
    own = np.isin(ep.process, OWN_PROCESSES)
    start_year = cal.year_of(ep.start)
    hours = staff.primary_hours[ep.person] / 37
    w_first = _episode_days(window, ep, start_year) * hours
    w_next = _episode_days(window, ep, start_year + 1) * hours
    kept = np.ones(len(ep), dtype=bool)
    fits = []
    for year in years:
        target = _target(window, staff, year)
        this, last = own & (start_year == year), own & (start_year == year - 1)
        drawn = w_first[this & kept].sum() + w_next[last & kept].sum()
        excess = drawn - target
        if excess > 0:
            candidates = np.flatnonzero(this & kept)
            order = candidates[rng.permutation(len(candidates))]
            kept[order[np.cumsum(w_first[order]) <= excess]] = False
        fits.append(
            YearFit(
                int(year),
                float(target),
                float(drawn),
                float(w_first[this & kept].sum() + w_next[last & kept].sum()),
            )
        )
    return ep.take(kept), fits


def _episode_days(window: _Window, ep: Episodes, year: Ints) -> Floats:
    first = window.days(ep.start, ep.mid, year) * ep.degree1
    second = window.days(ep.mid + 1, ep.end, year) * ep.degree2
    return first + np.where(ep.cause2 == NO_CAUSE, 0.0, second)


def _target(window: _Window, staff: Staff, year: int) -> float:
    years = np.full(len(staff.start), year)
    days = window.weighted_days(staff.start, staff.end, years)
    return float((days * staff.hours / 37).sum())


def year_start(year: int) -> int:
    return day_number(dt.date(year, 1, 1))
