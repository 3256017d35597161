"""Who holds which position when: employments over the years, vectorised by generation.

Each staff position starts the period filled. When its holder leaves (resignation,
dismissal, retirement, end of training), a new employee takes it after a short vacancy;
when the holder moves, the position goes with them to another unit of the same
administration and job group (a new employment row from the day after). One loop turn
handles one generation of holders of every position at once, so the loop runs a few dozen
times whatever the size. A few part-timers hold a second job at the same time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from samraad.synth import catalogue as cat
from samraad.synth.calendar import day_number
from samraad.synth.organisation import ORIGIN, Organisation

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
NONE = np.iinfo(np.int64).max  # "no date" (ongoing, no notice)
YEAR = 365.25

COLUMNS = ("person", "unit", "job", "start", "end", "reason", "notice")
REASONS = ["", "resignation", "dismissal", "retirement", "transfer", "other"]
RESIGNATION, DISMISSAL, RETIREMENT, TRANSFER, OTHER = 1, 2, 3, 4, 5
MOVE_RATE = 0.035  # internal moves per person-year
LEAVER_REASONS = {RESIGNATION: 0.82, DISMISSAL: 0.10, OTHER: 0.08}
SHORT_STAYERS = 0.25  # of new hires who leave at three times the usual rate
HIRE_AGE_SHIFT = -5.0  # new hires are this much younger than the staff in post
RETIREMENT_AGE = {
    62: 0.08,
    63: 0.12,
    64: 0.15,
    65: 0.18,
    66: 0.15,
    67: 0.17,
    68: 0.08,
    69: 0.04,
    70: 0.03,
}
# Funktionærloven § 2: the employer's notice grows with seniority (months -> days).
NOTICE_STEPS = [(0.5, 30), (2.75, 91), (5.67, 122), (8.67, 152), (np.inf, 183)]
SECOND_JOB_SHARE = 0.04  # of part-timers in the groups below, at the start
SECOND_JOB_GROUPS = (
    "pædagog",
    "pædagogmedhjælper",
    "sosu-hjælper",
    "sosu-assistent",
    "sygeplejerske",
    "serviceassistent",
    "hk",
)
SECOND_JOB_HOURS = np.array([8.0, 10.0, 12.0, 15.0, 18.5])


@dataclass
class Staff:
    """People and their employments as parallel arrays (day numbers for dates)."""

    birth: Ints
    female: npt.NDArray[np.bool_]
    gender_known: npt.NDArray[np.bool_]
    job: Ints  # the person's job group (it stays with them when they move)
    person: Ints  # per employment ...
    unit: Ints
    emp_job: Ints
    hours: Floats
    start: Ints
    end: Ints
    reason: Ints
    notice: Ints
    primary_hours: Floats  # per person: hours of their first employment

    @property
    def people(self) -> int:
        return len(self.birth)


@dataclass
class _Holders:
    """The current holder of each still-filled position, one generation at a time."""

    person: Ints
    unit: Ints
    job: Ints
    hours: Floats
    start: Ints
    clock: Ints  # the day from which the leaving hazard runs
    new_hire: npt.NDArray[np.bool_]


class _StaffBuilder:
    def __init__(self, org: Organisation, start: int, today: int, rng: np.random.Generator) -> None:
        self.org, self.rng, self.period_start, self.today = org, rng, start, today
        self.turnover = np.array([g.turnover for g in cat.JOB_GROUPS.values()])
        self.female_share = np.array([g.female for g in cat.JOB_GROUPS.values()])
        admin = np.array(org.staffed_admin, dtype=np.int64)[org.position_unit]
        key = admin * len(cat.JOB_NAMES) + org.position_job
        order = np.argsort(key, kind="stable")
        self.slot_unit = org.position_unit[order]
        self.slot_offsets = np.searchsorted(key[order], np.arange(key.max() + 2))
        self.unit_admin = np.array(org.staffed_admin, dtype=np.int64)
        self.births: list[Ints] = []
        self.females: list[npt.NDArray[np.bool_]] = []
        self.jobs: list[Ints] = []
        self.retire: list[Ints] = []
        self.people = 0
        self.rows: dict[str, list[Ints]] = {k: [] for k in COLUMNS}
        self.row_hours: list[Floats] = []

    def hire(self, job: Ints, age_at: Ints, shift: float) -> Ints:
        """New people of these job groups, aged as staff in post (shift 0) or new hires."""
        n = len(job)
        mean = np.array([g.age_mean for g in cat.JOB_GROUPS.values()])[job] + shift
        sd = np.array([g.age_sd for g in cat.JOB_GROUPS.values()])[job]
        is_pupil = job == cat.JOB_NAMES.index("elev")
        age = np.clip(
            self.rng.normal(mean, sd), np.where(is_pupil, 17, 19), np.where(is_pupil, 45, 66)
        )
        ages = np.array(list(RETIREMENT_AGE), dtype=np.float64)
        retire_age = self.rng.choice(ages, size=n, p=list(RETIREMENT_AGE.values()))
        retire_age += self.rng.random(n)
        age = np.minimum(age, retire_age - 0.3)
        birth = age_at - (age * YEAR).astype(np.int64)
        self.births.append(birth)
        self.females.append(self.rng.random(n) < self.female_share[job])
        self.jobs.append(job)
        self.retire.append(birth + (retire_age * YEAR).astype(np.int64))
        ids = np.arange(self.people, self.people + n, dtype=np.int64)
        self.people += n
        return ids

    def draw_hours(self, job: Ints) -> Floats:
        hours = np.empty(len(job))
        for code, group in enumerate(cat.JOB_GROUPS.values()):
            at = np.flatnonzero(job == code)
            hours[at] = self.rng.choice(
                list(group.hours), size=len(at), p=list(group.hours.values())
            )
        return hours

    def stock(self) -> _Holders:
        """Everyone in post on the first day, hired at some time before it."""
        job = self.org.position_job
        n = len(job)
        person = self.hire(job, np.full(n, self.period_start), 0.0)
        age = (self.period_start - self.births[-1]) / YEAR
        is_pupil = job == cat.JOB_NAMES.index("elev")
        tenure = np.where(is_pupil, self.rng.uniform(0, 2.5, n), self.rng.exponential(9.0, n))
        tenure = np.minimum(tenure, np.maximum(age - np.where(is_pupil, 17, 19), 0.1))
        start = np.maximum(self.period_start - (tenure * YEAR).astype(np.int64), day_number(ORIGIN))
        return _Holders(
            person,
            self.org.position_unit.copy(),
            job,
            self.draw_hours(job),
            start,
            np.full(n, self.period_start),
            np.zeros(n, bool),
        )

    def run(self) -> None:
        holders = self.stock()
        while len(holders.person):
            holders = self.generation(holders)

    def generation(self, h: _Holders) -> _Holders:
        n = len(h.person)
        rate = self.turnover[h.job] + MOVE_RATE
        rate = np.where(h.new_hire & (self.rng.random(n) < SHORT_STAYERS), rate * 3, rate)
        stay = np.maximum(self.rng.exponential(1.0, n) / rate * YEAR, 14).astype(np.int64)
        end = h.clock + stay
        target = self.move_target(h.unit, h.job)
        is_move = (self.rng.random(n) < MOVE_RATE / rate) & (target != h.unit)
        reason = np.where(
            is_move,
            TRANSFER,
            self.rng.choice(list(LEAVER_REASONS), size=n, p=list(LEAVER_REASONS.values())),
        )
        is_pupil = h.job == cat.JOB_NAMES.index("elev")
        training_end = h.start + (self.rng.uniform(1.5, 3.7, n) * YEAR).astype(np.int64)
        pupil_done = is_pupil & (training_end < end)
        end = np.where(pupil_done, training_end, end)
        reason = np.where(pupil_done, OTHER, reason)
        retire = np.concatenate(self.retire)[h.person]
        retiring = retire < end
        end = np.where(retiring, np.maximum(retire, h.start + 14), end)
        reason = np.where(retiring, RETIREMENT, reason)
        notice = np.where(reason == DISMISSAL, end - self.notice_days(end - h.start), NONE)
        notice = np.where(notice == NONE, NONE, np.maximum(notice, h.start))
        # a move ending today would continue tomorrow: as of today, it simply goes on
        future = (end > self.today) | ((reason == TRANSFER) & (end == self.today))
        known = future & (reason == DISMISSAL) & (notice <= self.today)
        end = np.where(future & ~known, NONE, end)
        reason = np.where(end == NONE, 0, reason)
        notice = np.where(end == NONE, NONE, notice)
        self.record(
            h.hours,
            person=h.person,
            unit=h.unit,
            job=h.job,
            start=h.start,
            end=end,
            reason=reason,
            notice=notice,
        )
        return self.successors(h, end, reason, target)

    def notice_days(self, tenure_days: Ints) -> Ints:
        years = tenure_days / YEAR
        days = np.full(len(years), NOTICE_STEPS[-1][1], dtype=np.int64)
        for limit, length in reversed(NOTICE_STEPS):
            days = np.where(years < limit, length, days)
        return days

    def successors(self, h: _Holders, end: Ints, reason: Ints, target: Ints) -> _Holders:
        ended = end < self.today
        moving = ended & (reason == TRANSFER)
        leaving = ended & ~moving
        m = np.flatnonzero(moving)
        new_hours = np.where(self.rng.random(len(m)) < 0.6, h.hours[m], self.draw_hours(h.job[m]))
        lv = np.flatnonzero(leaving)
        gap = np.where(self.rng.random(len(lv)) < 0.3, 0, self.rng.geometric(1 / 35, len(lv)))
        start = end[lv] + 1 + gap
        lv, start = lv[start <= self.today], start[start <= self.today]
        people = self.hire(h.job[lv], start, HIRE_AGE_SHIFT)
        return _Holders(
            person=np.concatenate((h.person[m], people)),
            unit=np.concatenate((target[m], h.unit[lv])),
            job=np.concatenate((h.job[m], h.job[lv])),
            hours=np.concatenate((new_hours, self.draw_hours(h.job[lv]))),
            start=np.concatenate((end[m] + 1, start)),
            clock=np.concatenate((end[m] + 1, start)),
            new_hire=np.concatenate((np.zeros(len(m), bool), np.ones(len(lv), bool))),
        )

    def move_target(self, unit: Ints, job: Ints) -> Ints:
        """A unit of the same administration with a position of the same job group."""
        key = self.unit_admin[unit] * len(cat.JOB_NAMES) + job
        first, count = self.slot_offsets[key], np.diff(self.slot_offsets)[key]
        pick = first + (self.rng.random(len(unit)) * count).astype(np.int64)
        return self.slot_unit[np.minimum(pick, len(self.slot_unit) - 1)]

    def record(self, hours: Floats, **columns: Ints) -> None:
        self.row_hours.append(hours)
        for name in COLUMNS:
            self.rows[name].append(columns[name])

    def second_jobs(self) -> None:
        """A few part-timers also hold a small job elsewhere, inside their first employment."""
        first = {k: v[0] for k, v in self.rows.items()}  # the first generation: staff in post
        first_hours = self.row_hours[0]
        groups = [cat.JOB_NAMES.index(g) for g in SECOND_JOB_GROUPS]
        eligible = np.isin(first["job"], groups) & (first_hours <= 32)
        chosen = eligible & (self.rng.random(len(first_hours)) < SECOND_JOB_SHARE)
        pick = np.flatnonzero(chosen)
        n = len(pick)
        main_end = first["end"][pick]
        begin = np.maximum(first["start"][pick], self.period_start - 730)
        last = np.minimum(main_end, self.today)
        offset = self.rng.random(n) * np.maximum(last - begin, 0) * 0.5
        start = begin + offset.astype(np.int64)
        stop = start + self.rng.integers(60, 900, n)
        end = np.where(stop < main_end, stop, main_end)
        end = np.where((end != NONE) & (end > self.today), NONE, end)
        hours = np.minimum(self.rng.choice(SECOND_JOB_HOURS, size=n), 48 - first_hours[pick])
        unit = self.move_target(first["unit"][pick], first["job"][pick])
        keep = (unit != first["unit"][pick]) & (start <= self.today)
        self.record(
            hours[keep],
            person=first["person"][pick][keep],
            unit=unit[keep],
            job=first["job"][pick][keep],
            start=start[keep],
            end=end[keep],
            reason=np.where(end == NONE, 0, RESIGNATION)[keep],
            notice=np.full(int(keep.sum()), NONE),
        )

    def table(self) -> tuple[dict[str, Ints], Floats]:
        """All employments, sorted by person and start."""
        rows = {k: np.concatenate(v) for k, v in self.rows.items()}
        hours = np.concatenate(self.row_hours)
        order = np.lexsort((rows["start"], rows["person"]))
        return {k: v[order] for k, v in rows.items()}, hours[order]


def build_staff(org: Organisation, start: int, today: int, rng: np.random.Generator) -> Staff:
    """Employments of every position from before `start` up to `today` (day numbers)."""
    b = _StaffBuilder(org, start, today, rng)
    b.run()
    b.second_jobs()
    rows, hours = b.table()
    first = np.searchsorted(rows["person"], np.arange(b.people))
    return Staff(
        birth=np.concatenate(b.births),
        female=np.concatenate(b.females),
        gender_known=rng.random(b.people) >= 0.003,
        job=np.concatenate(b.jobs),
        person=rows["person"],
        unit=rows["unit"],
        emp_job=rows["job"],
        hours=hours,
        start=rows["start"],
        end=rows["end"],
        reason=rows["reason"],
        notice=rows["notice"],
        primary_hours=hours[first],
    )
