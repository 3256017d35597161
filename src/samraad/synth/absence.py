"""Absence episodes drawn as inhomogeneous Poisson processes over each person's working days.

Each process has an intensity per working day: a person factor (job group, age, gender,
a personal frailty) times a day factor (the year's level and the season). Counts per
person come from the integral of the intensity over their employment, and the days by
inverse-CDF sampling of that integral, so no loop runs per person or per day.

Own sickness is two processes: short spells (1–14 calendar days; the young have more)
and long ones (15–365 days; the old have more and longer, some ending in partial sick
leave). On top come the children's sick days, work injuries, pregnancy with maternity
leave, and sickness during a dismissal's notice. docs/synthetic-data.md gives the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from samraad.synth import catalogue as cat
from samraad.synth.calendar import WorkCalendar
from samraad.synth.episodes import (
    CHILD,
    INJURY,
    MATERNITY,
    NO_CAUSE,
    OWN,
    PREGNANCY,
    Episodes,
)
from samraad.synth.staffing import DISMISSAL, NONE, YEAR, Staff

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

SHORT, LONG, CHILDREN, INJURIES, PREGNANCIES, NOTICE = range(6)
OWN_PROCESSES = (SHORT, LONG, NOTICE)

# Share of own-sickness days from short and long spells; the generator draws more
# than the targets ask (30 %) and calibration.py thins the surplus away, year by year.
SHARE_SHORT, SHARE_LONG, INFLATE = 0.38, 0.62, 1.30
# Calendar length of short spells, 1..14 days (1–3 days: 72 % of them).
SHORT_LENGTHS = np.array(
    [0.34, 0.22, 0.16, 0.07, 0.06, 0.03, 0.04, 0.02, 0.01, 0.01, 0.015, 0.01, 0.005, 0.01]
)
YOUNG_SHORT_TILT = 1.35  # under 30: one-day spells this much likelier
OLD_LONG_TILT = 1.35  # 50 and over: spells of 4+ days this much likelier
LONG_MEDIUM = 0.30  # of long spells 15–30 days; the rest 31+ with a lognormal excess
LONG_EXCESS_MEDIAN, LONG_EXCESS_SIGMA, LONG_MAX = 35.0, 0.9, 365
TAIL_SHARE = {True: 0.35, False: 0.10}  # partial return after a 31+ / 15–30 spell
TAIL_DAYS = (14, 70)
TAIL_DEGREES = {0.5: 0.6, 0.4: 0.1, 0.6: 0.1, 0.75: 0.1, 0.3: 0.1}
AGES = [20, 30, 40, 50, 60, 67]
SHORT_BY_AGE = [1.45, 1.25, 1.05, 0.90, 0.80, 0.75]
LONG_BY_AGE = [0.45, 0.70, 0.90, 1.15, 1.45, 1.60]
LONG_LENGTH_BY_AGE = [0.80, 0.90, 1.00, 1.15, 1.35, 1.40]
GENDER = {True: 1.10, False: 0.85}  # KRL 2019: women 12.9, men 9.6 days
FRAILTY_SHAPE = 1.5
CHILD_RATE, CHILD_PARENTS_PEAK = 1.7, 0.75  # spells per parent-year; parents at 36
INJURY_RATE = 0.03  # per year, times the job group's injury factor
PREGNANCY_PEAK = 0.13  # births per woman-year at 32
PREGNANCY_RELATED = 0.45  # of pregnancies with pregnancy-related absence first
MATERNITY_DAYS = (126, 322)  # 4 weeks before birth + 14 weeks + some parental leave
NOTICE_SICKNESS = 0.30  # of dismissed employees sick during the notice


@dataclass
class Exposure:
    """Each person's window for absences: first..last employed day within the generation."""

    first: Ints
    last: Ints  # last employed day (NONE if ongoing)
    begin: Ints  # working-day index of the window's first day
    stop: Ints  # working-day index after its last day
    age: Floats  # at the window's middle


def exposure(staff: Staff, cal: WorkCalendar, window_start: int, today: int) -> Exposure:
    first = np.full(staff.people, NONE)
    np.minimum.at(first, staff.person, staff.start)
    last = np.zeros(staff.people, dtype=np.int64)
    np.maximum.at(last, staff.person, staff.end)
    a = np.maximum(first, window_start)
    b = np.minimum(last, today)
    begin = cal.working_day_index(a)
    stop = np.where(b >= a, cal.working_day_index(b + 1), begin)
    age = ((a + b) / 2 - staff.birth) / YEAR
    return Exposure(first, last, begin, np.maximum(stop, begin), age)


class Processes:
    """The absence processes of one world: day factors, person factors, and the draws."""

    def __init__(
        self, staff: Staff, cal: WorkCalendar, exp: Exposure, rng: np.random.Generator
    ) -> None:
        self.staff, self.cal, self.exp, self.rng = staff, cal, exp, rng
        wd = cal.working_days
        month = wd.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12
        year = cal.year_of(wd)
        season = np.array(cat.SEASON)[month]
        level = np.array([cat.sickness_target(int(y)) for y in cal.years])[year - cal.years[0]]
        per_day = (
            level / np.array([_working_days_in(cal, y) for y in cal.years])[year - cal.years[0]]
        )
        self.short_day = per_day * _normalise(season, year)
        self.long_day = per_day * _normalise(np.sqrt(season), year)
        self.child_day = _normalise(season**1.5, year) / 250.0
        self.flat_day = np.full(len(wd), 1 / 250.0)
        # expected own-sickness FTE-days per FTE on each working day: the calibration target
        self.expected = SHARE_SHORT * self.short_day + SHARE_LONG * self.long_day
        job = staff.job
        groups = list(cat.JOB_GROUPS.values())
        self.sickness = np.array([g.sickness for g in groups])[job]
        self.sickness *= np.where(staff.female, GENDER[True], GENDER[False])
        self.frailty = rng.gamma(FRAILTY_SHAPE, 1 / FRAILTY_SHAPE, staff.people)
        self.injury = np.array([g.injury for g in groups])[job]
        self.weight = (exp.stop - exp.begin) * staff.primary_hours

    # -- drawing days --------------------------------------------------------------------
    def draw(self, rate: Floats, day_factor: Floats) -> tuple[Ints, Ints]:
        """Persons and working days of events with intensity rate[p] * day_factor[d],
        sorted by person and day."""
        cum = np.concatenate(([0.0], np.cumsum(day_factor)))
        lo, hi = cum[self.exp.begin], cum[self.exp.stop]
        counts = self.rng.poisson(rate * (hi - lo))
        person = np.repeat(np.arange(len(rate)), counts)
        u = self.sorted_uniforms(counts)
        u *= np.repeat(hi - lo, counts)
        u += np.repeat(lo, counts)
        index = np.searchsorted(cum, u, side="right") - 1
        del u
        # u < hi, so only rounding can reach the window's end
        index = np.minimum(index, np.repeat(self.exp.stop - 1, counts))
        return person, self.cal.working_days[index]

    def sorted_uniforms(self, counts: Ints) -> Floats:
        """For each person, counts[p] uniforms on [0, 1) in increasing order.

        Exponential spacings: the partial sums of k + 1 exponentials, divided by their
        total, are k sorted uniforms; no sort is needed.
        """
        size = counts[counts > 0] + 1
        ends = np.cumsum(size)
        sums = np.cumsum(self.rng.exponential(1.0, int(ends[-1]) if len(ends) else 0))
        before = np.concatenate(([0.0], sums[ends[:-1] - 1]))
        total = sums[ends - 1] - before
        sums -= np.repeat(before, size)
        sums /= np.repeat(total, size)
        last = np.zeros(len(sums), dtype=bool)
        last[ends - 1] = True
        return np.minimum(sums[~last], np.nextafter(1.0, 0.0))

    def mean_factor(self, factor: Floats) -> float:
        return float((factor * self.weight).sum() / max(self.weight.sum(), 1e-9))

    # -- the processes -------------------------------------------------------------------
    def short(self) -> Episodes:
        factor = self.sickness * np.interp(self.exp.age, AGES, SHORT_BY_AGE) * self.frailty
        pmf = SHORT_LENGTHS / SHORT_LENGTHS.sum()
        rate = factor * INFLATE * SHARE_SHORT / (self.short_days(pmf) * self.mean_factor(factor))
        person, start = self.draw(rate, self.short_day)
        age = self.exp.age[person]
        young, old = age < 30, age >= 50
        tables = [
            pmf,
            _tilt(pmf, slice(0, 1), YOUNG_SHORT_TILT),
            _tilt(pmf, slice(3, None), OLD_LONG_TILT),
        ]
        band = np.where(young, 1, np.where(old, 2, 0))
        u = self.rng.random(len(person))
        length = np.empty(len(person), dtype=np.int64)
        for b, table in enumerate(tables):
            at = band == b
            length[at] = np.searchsorted(np.cumsum(table), u[at], side="right") + 1
        length = np.minimum(length, len(pmf))
        return Episodes.make(person, SHORT, start, start + length - 1)

    def short_days(self, pmf: Floats) -> float:
        """Mean working days of a short spell starting on a working day."""
        days = self.cal.working_days
        counts = [self.cal.count(days, days + n - 1).mean() for n in range(1, len(pmf) + 1)]
        return float(np.dot(pmf, counts))

    def long(self) -> Episodes:
        factor = self.sickness * np.interp(self.exp.age, AGES, LONG_BY_AGE) * self.frailty
        rate = factor * INFLATE * SHARE_LONG / (self.long_days() * self.mean_factor(factor))
        person, start = self.draw(rate, self.long_day)
        n = len(person)
        scale = np.interp(self.exp.age[person], AGES, LONG_LENGTH_BY_AGE)
        medium = self.rng.random(n) < LONG_MEDIUM
        excess = self.rng.lognormal(np.log(LONG_EXCESS_MEDIAN), LONG_EXCESS_SIGMA, n) * scale
        length = np.where(
            medium, self.rng.integers(15, 31, n), 31 + np.minimum(excess, LONG_MAX).astype(np.int64)
        )
        has_tail = self.rng.random(n) < np.where(medium, TAIL_SHARE[False], TAIL_SHARE[True])
        tail = np.where(has_tail, self.rng.integers(*TAIL_DAYS, n), 0)
        length = np.minimum(length, LONG_MAX - tail)
        mid = start + length - 1
        degrees = np.array(list(TAIL_DEGREES), dtype=np.float64)
        degree = self.rng.choice(degrees, size=n, p=list(TAIL_DEGREES.values()))
        return Episodes.make(
            person,
            LONG,
            start,
            mid,
            mid + tail,
            OWN,
            1.0,
            np.where(has_tail, OWN, NO_CAUSE),
            degree,
        )

    def long_days(self) -> float:
        """Mean own-sickness FTE-days of a long episode (about 5 working days a week)."""
        excess = LONG_EXCESS_MEDIAN * np.exp(LONG_EXCESS_SIGMA**2 / 2)
        calendar = LONG_MEDIUM * 22.5 + (1 - LONG_MEDIUM) * (31 + excess)
        tail = (LONG_MEDIUM * TAIL_SHARE[False] + (1 - LONG_MEDIUM) * TAIL_SHARE[True]) * (
            sum(TAIL_DAYS) / 2 * sum(d * p for d, p in TAIL_DEGREES.items())
        )
        share = len(self.cal.working_days) / (self.cal.last - self.cal.first + 1)
        return (calendar + tail) * share

    def children(self) -> Episodes:
        age = self.exp.age
        parent = self.rng.random(len(age)) < CHILD_PARENTS_PEAK * np.exp(-(((age - 36) / 8) ** 2))
        person, start = self.draw(np.where(parent, CHILD_RATE, 0.0), self.child_day)
        two = (self.rng.random(len(person)) < 0.45) & (self.cal.count(start + 1, start + 1) > 0)
        return Episodes.make(person, CHILDREN, start, start + two, cause1=CHILD)

    def injuries(self) -> Episodes:
        person, start = self.draw(INJURY_RATE * self.injury, self.flat_day)
        n = len(person)
        length = 1 + np.minimum(self.rng.lognormal(np.log(7), 1.0, n), 180).astype(np.int64)
        return Episodes.make(person, INJURIES, start, start + length - 1, cause1=INJURY)

    def pregnancies(self) -> Episodes:
        age = self.exp.age
        rate = np.where(self.staff.female, PREGNANCY_PEAK * np.exp(-(((age - 32) / 5.5) ** 2)), 0)
        person, leave = self.draw(rate, self.flat_day)
        n = len(person)
        before = self.rng.integers(10, 91, n)
        related = (self.rng.random(n) < PREGNANCY_RELATED) & (
            leave - before >= self.exp.first[person]
        )
        degree = np.where(self.rng.random(n) < 0.8, 1.0, 0.5)
        end = leave + self.rng.integers(*MATERNITY_DAYS, n) - 1
        return Episodes.make(
            person,
            PREGNANCIES,
            np.where(related, leave - before, leave),
            np.where(related, leave - 1, end),
            end,
            cause1=np.where(related, PREGNANCY, MATERNITY),
            degree1=np.where(related, degree, 1.0),
            cause2=np.where(related, MATERNITY, NO_CAUSE),
        )

    def notice(self, window_start: int, today: int) -> Episodes:
        """Dismissed employees often fall sick while under notice."""
        s = self.staff
        at = np.flatnonzero((s.reason == DISMISSAL) & (s.notice != NONE))
        at = at[self.rng.random(len(at)) < NOTICE_SICKNESS]
        span = s.end[at] - s.notice[at]
        day = s.notice[at] + (self.rng.random(len(at)) * 0.6 * span).astype(np.int64)
        start = self.cal.working_days[
            np.minimum(self.cal.working_day_index(day), len(self.cal.working_days) - 1)
        ]
        ok = (start <= np.minimum(s.end[at], today)) & (start >= window_start)
        return Episodes.make(s.person[at][ok], NOTICE, start[ok], s.end[at][ok])


def _working_days_in(cal: WorkCalendar, year: int) -> int:
    first, last = cal.year_bounds(year)
    return int(cal.count(np.array([first]), np.array([last]))[0]) or 1


def _normalise(values: Floats, year: Ints) -> Floats:
    """Scale values so that they average 1 over each year's working days."""
    _, inverse = np.unique(year, return_inverse=True)
    means = np.bincount(inverse, weights=values) / np.bincount(inverse)
    return values / means[inverse]


def _tilt(pmf: Floats, part: slice, factor: float) -> Floats:
    tilted = pmf.copy()
    tilted[part] *= factor
    return tilted / tilted.sum()


def draw_episodes(
    staff: Staff,
    cal: WorkCalendar,
    exp: Exposure,
    window_start: int,
    today: int,
    rng: np.random.Generator,
) -> tuple[Episodes, Processes]:
    p = Processes(staff, cal, exp, rng)
    parts = [
        p.short(),
        p.long(),
        p.children(),
        p.injuries(),
        p.pregnancies(),
        p.notice(window_start, today),
    ]
    return Episodes.concat(parts), p
