"""Management information at Copenhagen scale: target breakdowns, every unit's forecast
(the unit page's outlook), the longest absences, and the analyses' group figures.

Prints figures (medians; CPU counts all threads); asserts nothing. The machine is shared:
quote medians, and the CPU time rather than the wall time when the load is high.

    python benchmarks/bench_management.py [--employees 45000] [--seed 42] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from decimal import Decimal

import polars as pl

from samraad.followup.longest import CONVERSATION_COLUMNS, longest
from samraad.forecast import forecast_units
from samraad.rules import default_ruleset
from samraad.stats import (
    Dataset,
    Structure,
    age_pieces,
    grouped_figures,
    notice_pieces,
    senior_pieces,
)
from samraad.synth import generate_frames
from samraad.targets.breakdown import breakdown

TODAY = dt.date(2026, 11, 29)


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of `repeat` runs, and the last result."""
    walls, cpus = [], []
    result: object = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000, result


def line(name: str, wall: float, cpu: float, extra: str = "") -> None:
    print(f"  {name:<52}{wall:>9,.0f} ms{cpu:>9,.0f} ms CPU  {extra}", flush=True)


def no_conversations(people: Sequence[str]) -> pl.DataFrame:
    return pl.DataFrame(schema=CONVERSATION_COLUMNS)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    frames = generate_frames(employees=args.employees, years=5, seed=args.seed, today=TODAY)
    data = Dataset(frames["units"], frames["employments"], frames["absences"])
    units = frames["units"].unique("unit_id", keep="last")
    kinds = dict(units.select("unit_id", "kind").iter_rows())
    targets = {
        (u, y): Decimal(str(v)) for u, y, v in frames["targets"].iter_rows() if y == TODAY.year
    }
    load = os.getloadavg()[0]
    print(
        f"world: {args.employees:,} employees × 5 years, seed {args.seed}, today {TODAY}: "
        f"{len(kinds):,} units, {data.absences.height:,} absence records; load {load:.1f}"
    )

    print("target breakdown (proportional, 1 baseline year, current structure):")
    for unit in ["KK", "BUF", "KFF", "OKF", "BUF-03"]:
        wall, cpu, result = timed(
            lambda u=unit: breakdown(data, u, TODAY.year, targets[(u, TODAY.year)]),
            args.repeat,
        )
        rows = len(result.shares)  # type: ignore[attr-defined]
        mean = float(result.weighted_mean())  # type: ignore[attr-defined]
        line(f"{unit} ({rows} rows)", wall, cpu, f"weighted mean {mean:.4f}")
    example = breakdown(data, "KFF", TODAY.year, targets[("KFF", TODAY.year)])
    print("  e.g. " + json.dumps(example.to_json(), ensure_ascii=False))

    print("every unit's forecast (the unit page's outlook, kept per day):")
    for structure in Structure:
        wall, cpu, found = timed(
            lambda s=structure: forecast_units(data, TODAY.year, TODAY, structure=s),
            max(1, args.repeat // 2),
        )
        line(f"{structure}: {len(found):,} units", wall, cpu)  # type: ignore[arg-type]

    print("longest absences on the day (29+ days, the shipped rule set):")
    rules = default_ruleset()
    centre = next(u for u, k in sorted(kinds.items()) if k == "centre")
    for unit in ["KK", "BUF", "SUF", centre]:
        wall, cpu, rows = timed(
            lambda u=unit: longest(data, u, TODAY, no_conversations, rules), args.repeat
        )
        found = rows  # type: ignore[assignment]
        line(f"{unit}: {len(found):,} spells", wall, cpu)  # type: ignore[arg-type]

    print("analyses: every unit × group, last 12 months, current structure:")
    period = (dt.date(TODAY.year - 1, TODAY.month, TODAY.day + 1), TODAY)
    employees, jobs = frames["employees"], frames["employments"]
    families = {
        "age bands": age_pieces(jobs, employees),
        "seniors by job group": senior_pieces(
            jobs, employees, jobs.select("employment_id", "job_group")
        ),
        "notice periods (3 years)": notice_pieces(jobs),
    }
    for name, pieces in families.items():
        span = (dt.date(TODAY.year - 3, 12, 1), TODAY) if "notice" in name else period
        wall, cpu, found = timed(
            lambda p=pieces, s=span: grouped_figures(data, p, [s], Structure.CURRENT, TODAY),
            max(1, args.repeat // 2),
        )
        line(f"{name}: {len(found):,} cells", wall, cpu)  # type: ignore[arg-type]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main()
