"""Forecast benchmark: one unit's forecast, and the backtest over the synthetic Copenhagen.

Prints figures; asserts nothing. Quote medians: the machine is shared and noisy. CPU
time counts all threads; `POLARS_MAX_THREADS=1` makes it the time on one idle core.

    python benchmarks/bench_forecast.py                      # 45,000 employees, 5 years, seed 42
    python benchmarks/bench_forecast.py --seed 7             # another world, same method
    python benchmarks/bench_forecast.py --employees 5000 --part unit

The backtest forecasts every unit with 20+ FTE in the year so far at every month-end
(January–November) of the years whose last year is complete in the world (the first
year's last year is only half there: the world's absences start half a year before it),
from the data as known on that day, and compares with the year's actual days per FTE.
Required (spec/management-information.md): the method's mean absolute error below both
naive forecasts', its 80 % interval holding the actual figure 75–85 % of the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import time
from collections.abc import Callable

import polars as pl

from samraad.forecast import forecast
from samraad.forecast.backtest import backtest_rows, render, summary
from samraad.stats import Dataset, unit_members
from samraad.synth import generate_frames

TODAY = dt.date(2026, 11, 29)  # as bench_foundation.py: 2022–2025 complete


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_ms(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU time (all threads) of `repeat` runs, in milliseconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def sample_units(data: Dataset, day: dt.date, count: int) -> dict[str, list[str]]:
    """`count` workplaces of 20+ staff (a fixed random draw), every centre's first, every
    administration, and the municipality."""
    staff = unit_members(data, day, day).group_by("unit_id").agg(pl.col("employee_id").n_unique())
    kinds = data.units.select("unit_id", "kind").unique("unit_id")
    sized = staff.join(kinds, on="unit_id").sort("unit_id")
    workplaces = sized.filter(
        ~pl.col("kind").is_in(["centre", "administration", "municipality"])
        & (pl.col("employee_id") >= 20)
    )
    return {
        "workplace": workplaces.sample(count, seed=1)["unit_id"].to_list(),
        "centre": sized.filter(pl.col("kind") == "centre")["unit_id"].to_list()[::5],
        "administration": sized.filter(pl.col("kind") == "administration")["unit_id"].to_list(),
        "municipality": sized.filter(pl.col("kind") == "municipality")["unit_id"].to_list(),
    }


def one_unit(data: Dataset, repeat: int, count: int) -> None:
    day = dt.date(TODAY.year - 1, 6, 30)
    forecast(data, "KK", day.year, day)  # the calendar and Polars warm up once per process
    samples = sample_units(data, day, count)
    for kind, units in samples.items():
        times = {
            unit: median_ms(lambda u=unit: forecast(data, u, day.year, day), repeat)
            for unit in units
        }
        slowest = max(times, key=lambda u: times[u][0])
        wall = statistics.median(t[0] for t in times.values())
        cpu = statistics.median(t[1] for t in times.values())
        print(
            f"forecast for one unit as of {day}, {kind} ({len(units)} units, median of "
            f"{repeat} runs each): median {wall:,.0f} ms ({cpu:,.0f} ms CPU), "
            f"slowest {times[slowest][0]:,.0f} ms ({slowest})"
        )
    example = forecast(data, samples["workplace"][0], day.year, day)
    print(f"e.g. {json.dumps(example.to_json(), ensure_ascii=False)}")


def backtest(data: Dataset, years: list[int]) -> None:
    started = time.perf_counter()
    rows = backtest_rows(data, years)
    elapsed = time.perf_counter() - started
    table = summary(rows)
    print(
        f"backtest {', '.join(map(str, years))}: {elapsed:.0f} s, peak memory {peak_mb():,.0f} MB"
    )
    print(render(table))
    overall = table.row(-1, named=True)
    beats = overall["mae_method"] < min(overall["mae_year_to_date"], overall["mae_last_year"])
    holds = 0.75 <= overall["coverage"] <= 0.85
    print(f"method beats both naive forecasts: {'yes' if beats else 'NO'}; ", end="")
    print(f"interval holds the actual 75–85 % of the time: {'yes' if holds else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workplaces", type=int, default=20)
    parser.add_argument("--part", choices=["all", "unit", "backtest"], default="all")
    args = parser.parse_args()
    frames = generate_frames(
        employees=args.employees, years=args.years, seed=args.seed, today=TODAY
    )
    data = Dataset(frames["units"], frames["employments"], frames["absences"])
    print(
        f"world: {args.employees:,} employees × {args.years} years, seed {args.seed}, "
        f"today {TODAY}: {data.units['unit_id'].n_unique():,} units, "
        f"{data.absences.height:,} absence records"
    )
    if args.part in ("all", "unit"):
        one_unit(data, args.repeat, args.workplaces)
    if args.part in ("all", "backtest"):
        first_complete = TODAY.year - args.years + 1
        backtest(data, list(range(first_complete + 1, TODAY.year)))


if __name__ == "__main__":
    main()
