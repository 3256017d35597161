"""generate_frames: a whole synthetic municipality, deterministic in its arguments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import polars as pl

from samraad.synth import templates as tpl
from samraad.synth.absence import draw_episodes, exposure
from samraad.synth.calendar import WorkCalendar, day_number
from samraad.synth.calibration import YearFit, calibrate
from samraad.synth.episodes import resolve_overlaps, to_records, truncate
from samraad.synth.frames import (
    absences_frame,
    managers_frame,
    people_frames,
    person_ids,
    targets_frame,
    units_frame,
)
from samraad.synth.managers import ENGLISH_SHARE, manager_rows
from samraad.synth.names import person_names
from samraad.synth.organisation import build_organisation
from samraad.synth.staffing import build_staff
from samraad.synth.targets import target_rows

# Absences are drawn from half a year before the period, so that its first day already
# has the long spells that started before it.
HISTORY_DAYS = 183


@dataclass(frozen=True)
class Period:
    first: dt.date  # 1 January, `years - 1` years before today's year
    today: dt.date

    @property
    def history(self) -> dt.date:
        return self.first - dt.timedelta(days=HISTORY_DAYS)

    @property
    def years(self) -> range:
        return range(self.first.year, self.today.year + 1)


def period(years: int, today: dt.date) -> Period:
    if years < 1:
        raise ValueError("years must be at least 1")
    return Period(dt.date(today.year - years + 1, 1, 1), today)


def generate_frames(
    *, employees: int = 45_000, years: int = 5, seed: int = 42, today: dt.date
) -> dict[str, pl.DataFrame]:
    """The interchange tables of a Copenhagen-like municipality, keyed by file stem.

    `employees` is the headcount on any day (positions are refilled as people leave);
    the history covers `years` calendar years, the last one up to `today`. The same
    arguments give the same frames, row for row.
    """
    frames, _ = generate(employees=employees, years=years, seed=seed, today=today)
    return frames


def generate(
    *, employees: int, years: int, seed: int, today: dt.date
) -> tuple[dict[str, pl.DataFrame], list[YearFit]]:
    """generate_frames, plus how the calibration met each year's target."""
    if employees < 100:
        raise ValueError("employees must be at least 100")
    span = period(years, today)
    rng = np.random.default_rng(seed)
    transfer = dt.date(*tpl.PROPERTIES_MOVE)
    org = build_organisation(employees, rng, transfer if today >= transfer else None)
    first, now, history = day_number(span.first), day_number(today), day_number(span.history)
    staff = build_staff(org, first, now, rng)
    cal = WorkCalendar(dt.date(span.history.year, 1, 1), dt.date(today.year + 2, 12, 31))
    exp = exposure(staff, cal, history, now)
    episodes, processes = draw_episodes(staff, cal, exp, history, now, rng)
    episodes = resolve_overlaps(truncate(episodes, exp.last), cal)
    episodes, fits = calibrate(episodes, staff, cal, processes.expected, history, now, rng)
    people = person_ids(staff)
    # Drawn last, so that the other files are what they were before managers.csv.
    english = rng.random(staff.people) < ENGLISH_SHARE
    names = person_names(staff.female, staff.gender_known, seed)
    employees_frame, employments = people_frames(org, staff, people, names)
    frames = {
        "units": units_frame(org),
        "employees": employees_frame,
        "employments": employments,
        "absences": absences_frame(to_records(episodes, now), people),
        "targets": targets_frame(target_rows(org, span.years)),
        "managers": managers_frame(manager_rows(org, staff, history), people, english),
    }
    return frames, fits
