"""Replay the default rule set over a Copenhagen-sized municipality; print time and memory.

    python benchmarks/bench_rules.py [--employees 45000] [--years 5] [--runs 3] [--simple]

The data come from `samraad.synth.generate_frames` when it is there (unless --simple),
else from a plain generator below: every employee with an employment over the whole
span (10 % leave and are replaced), about 22 absence records each over five years,
mostly short, some long, some open-ended, of all causes. Limit (issue 3): a full replay
at Copenhagen scale in at most 30 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import time

import numpy as np
import polars as pl

from samraad.rules import RuleHistory, replay
from samraad.stats import Dataset, day_number, work_calendar

CAUSES = ["own_sickness", "child_sickness", "work_injury", "pregnancy_related", "other"]
CAUSE_SHARES = [0.75, 0.15, 0.04, 0.02, 0.04]


def simple_frames(employees: int, years: int, today: dt.date, seed: int) -> Dataset:
    rng = np.random.default_rng(seed)
    first = day_number(dt.date(today.year - years + 1, 1, 1))
    last = day_number(today)
    # Employments: one per employee; 10 % leave at a random day and are replaced.
    ids = np.arange(employees)
    leaves = rng.random(employees) < 0.10
    end = np.where(leaves, rng.integers(first, last, employees), -1)
    replacement = ids[leaves] + employees
    emp_employee = np.concatenate([ids, replacement])
    emp_start = np.concatenate([np.full(employees, first), end[leaves] + 1])
    emp_end = np.concatenate([end, np.full(len(replacement), -1)])
    # Absence records, per person one after the other: a gap, then a length.
    people = employees + len(replacement)
    per_person = 22 * years // 5
    person = np.repeat(np.arange(people), per_person)
    kind = rng.random(len(person))
    length = np.where(
        kind < 0.80,
        rng.integers(1, 4, len(person)),
        np.where(kind < 0.94, rng.integers(4, 15, len(person)), rng.integers(15, 120, len(person))),
    )
    gap = rng.geometric(1 / (365 * years / per_person), len(person))
    step = (gap + length).reshape(people, per_person)
    start_offset = np.cumsum(step, axis=1).ravel() - length
    person_first = np.where(person >= employees, emp_start[person], first)
    start = person_first + start_offset
    keep = start <= last
    is_open = (rng.random(len(person)) < 0.002) | (start + length - 1 > last)
    record_end = np.where(is_open, -1, start + length - 1)
    causes = rng.choice(len(CAUSES), len(person), p=CAUSE_SHARES)
    degree = np.where(rng.random(len(person)) < 0.05, 0.5, 1.0)

    def date(days: np.ndarray) -> pl.Series:
        return pl.Series(days, dtype=pl.Int32).cast(pl.Date).set(pl.Series(days < 0), None)  # type: ignore[arg-type]

    employments = pl.DataFrame(
        {
            "employment_id": [f"F{i}" for i in range(len(emp_employee))],
            "employee_id": [f"P{e}" for e in emp_employee],
            "unit_id": "U",
            "weekly_hours": 37.0,
            "start_date": date(emp_start),
            "end_date": date(emp_end),
        }
    )
    absences = pl.DataFrame(
        {
            "employee_id": [f"P{p}" for p in person[keep]],
            "cause": np.array(CAUSES)[causes[keep]],
            "start_date": date(start[keep]),
            "end_date": date(record_end[keep]),
            "degree": degree[keep],
        }
    )
    return Dataset(Dataset.empty().units, employments, absences)


def synth_frames(employees: int, years: int, today: dt.date, seed: int) -> Dataset | None:
    try:
        from samraad.synth import generate_frames
    except ImportError:
        return None
    frames = generate_frames(employees=employees, years=years, seed=seed, today=today)
    return Dataset(frames["units"], frames["employments"], frames["absences"])


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--simple", action="store_true", help="the plain generator, not synth")
    args = parser.parse_args()
    today = dt.date(2026, 6, 30)

    started = time.perf_counter()
    data = None if args.simple else synth_frames(args.employees, args.years, today, args.seed)
    source = "samraad.synth"
    if data is None:
        data, source = simple_frames(args.employees, args.years, today, args.seed), "plain"
    print(
        f"data ({source}): {data.employments['employee_id'].n_unique():,} employees, "
        f"{data.employments.height:,} employments, {data.absences.height:,} absence records, "
        f"made in {time.perf_counter() - started:.1f} s"
    )
    work_calendar()
    history = RuleHistory.default()
    before = peak_mib()
    times, alerts = [], None
    for _ in range(args.runs):
        started = time.perf_counter()
        alerts = replay(data, history, today)
        times.append(time.perf_counter() - started)
    assert alerts is not None
    counts = alerts.group_by("rule_id").len().sort("rule_id")
    print("alerts:", ", ".join(f"{r}: {n:,}" for r, n in counts.iter_rows()))
    print(
        f"replay up to {today}: median {statistics.median(times):.2f} s over {args.runs} runs "
        f"({', '.join(f'{t:.2f}' for t in times)}); peak RSS {peak_mib():,.0f} MiB "
        f"({before:,.0f} MiB before the replays)"
    )


if __name__ == "__main__":
    main()
