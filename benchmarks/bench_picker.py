"""The unit page's period picker and comparison at Copenhagen scale: what a chosen period
costs the first time it is asked for (every unit's figures for it and the year before,
and its job groups: one `Focus`), and what a unit's page figures cost after (its
statistics and its comparison line looked up). For committee audiences, the disclosure
policy's decisions for the period's breakdowns besides.

Prints figures (medians; CPU counts all threads); asserts nothing. The machine is shared:
quote medians, and the CPU time rather than the wall time when the load is high.

    python benchmarks/bench_picker.py [--employees 45000] [--seed 42] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from collections.abc import Callable

import polars as pl

from samraad import disclosure
from samraad.absence.dashboard import comparison, compute_focus, compute_tables, unit_statistics
from samraad.absence.periods import PagePeriods, PeriodChoices, PeriodKind
from samraad.disclosure import EVERYTHING, JOB_GROUPS, LENGTH_GROUPS
from samraad.stats import Dataset, Structure
from samraad.synth import generate_frames

TODAY = dt.date(2026, 11, 29)


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of `repeat` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def line(name: str, wall: float, cpu: float) -> None:
    print(f"  {name:<60}{wall:>9,.1f} ms{cpu:>9,.1f} ms CPU", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    frames = generate_frames(employees=args.employees, years=5, seed=args.seed, today=TODAY)
    data = Dataset(frames["units"], frames["employments"], frames["absences"])
    jobs = frames["employments"].select("employment_id", "job_group")
    units = frames["units"].unique("unit_id", keep="last")
    parents = dict(units.select("unit_id", "parent_id").iter_rows())
    children: dict[str, list[str]] = {}
    for unit, parent in parents.items():
        if parent:
            children.setdefault(parent, []).append(unit)
    print(
        f"world: {args.employees:,} employees × 5 years, seed {args.seed}, today {TODAY}: "
        f"{len(parents):,} units; load {os.getloadavg()[0]:.1f}"
    )
    structure = Structure.HISTORIC
    periods = PagePeriods(TODAY)
    wall, cpu = timed(lambda: compute_tables(data, jobs, periods, structure, TODAY), 1)
    tables = compute_tables(data, jobs, periods, structure, TODAY)
    line("the page's tables (28 periods, job groups; as before)", wall, cpu)

    choices = PeriodChoices(periods, EVERYTHING.allows)
    sample = sorted(parents)[:: max(1, len(parents) // 200)]
    print(f"person-level reader, {structure} structure; a unit's page: median of {len(sample)}:")
    for kind in PeriodKind:
        chosen = choices.options(kind)[1]  # the newest whole one
        pair = (chosen.period, chosen.year_earlier)
        wall, cpu = timed(lambda p=pair: compute_focus(data, jobs, p, structure, TODAY), 1)
        line(f"{kind} {chosen.key}: every unit's figures, first ask", wall, cpu)
        focus = compute_focus(data, jobs, pair, structure, TODAY)
        per_unit, per_cpu = [], []
        for unit in sample:
            start, cpu_start = time.perf_counter(), time.process_time()
            unit_statistics(tables, unit, children.get(unit, []), EVERYTHING, focus)
            parent = parents[unit]
            if parent:
                comparison(tables, unit, parent, EVERYTHING, focus)
            per_unit.append(time.perf_counter() - start)
            per_cpu.append(time.process_time() - cpu_start)
        line(
            f"{kind} {chosen.key}: a unit's statistics and comparison",
            1000 * statistics.median(per_unit),
            0.0,
        )

    print("committee audience: the policy's decisions for a chosen period's breakdowns:")
    reference = dt.date(2026, 10, 31)
    empty_alerts = pl.DataFrame(
        schema={"employee_id": pl.String, "unit_id": pl.String, "raised_on": pl.Date}
    )
    wall, cpu = timed(lambda: disclosure.policy(data, TODAY, lambda: jobs, lambda: empty_alerts), 1)
    line("the policy (units' visibility; as before)", wall, cpu)
    policy = disclosure.policy(data, TODAY, lambda: jobs, lambda: empty_alerts)
    committee = PeriodChoices(PagePeriods(reference, whole_months=True), policy.allows)
    root = next(u for u, p in parents.items() if not p)
    for kind in PeriodKind:
        chosen = committee.options(kind)[1]
        for family in (LENGTH_GROUPS, JOB_GROUPS):
            wall, cpu = timed(
                lambda c=chosen, f=family: policy.parts(f, Structure.CURRENT, root, *c.period), 1
            )
            line(f"{kind} {chosen.key}: {family}, first ask", wall, cpu)


if __name__ == "__main__":
    main()
