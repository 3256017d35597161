"""Foundation benchmark: generation, import, unit-year, unit × month table, national scale.

Prints figures; asserts nothing. Quote medians: the machine is shared and noisy.

    python benchmarks/bench_foundation.py                   # Copenhagen + national scale
    python benchmarks/bench_foundation.py --employees 5000 --national-employees 50000

Each part that matters for peak memory runs in its own process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TODAY = dt.date(2026, 11, 29)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def months(first_year: int, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    result = []
    for year in range(first_year, last.year + 1):
        for month in range(1, 13):
            start = dt.date(year, month, 1)
            end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            if end <= last:
                result.append((start, end))
    return result


def generate_and_import(employees: int, years: int, folder: Path, database: Path) -> None:
    from samraad.synth import generate_frames, write_folder

    started = time.perf_counter()
    frames = generate_frames(employees=employees, years=years, seed=42, today=TODAY)
    generated = time.perf_counter() - started
    rows = {name: frame.height for name, frame in frames.items()}
    started = time.perf_counter()
    write_folder(frames, folder)
    written = time.perf_counter() - started
    print(f"generate {employees:,} employees × {years} years: {generated:.1f} s  rows {rows}")
    print(f"write CSV: {written:.1f} s  peak memory (generator process) {peak_mb():,.0f} MB")

    env = {**os.environ, "SAMRAAD_DB": str(database)}
    env.pop("DATABASE_URL", None)
    for attempt in ("first import", "re-import (unchanged)"):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "samraad.cli", "import", str(folder)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        del before
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            raise SystemExit(f"{attempt} failed")
        print(f"{attempt} into SQLite: {elapsed:.1f} s  peak memory {child_peak:,.0f} MB")


def query_database(database: Path) -> None:
    os.environ["SAMRAAD_DB"] = str(database)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samraad.settings")
    import django

    django.setup()
    import polars as pl

    from samraad.frames.loading import load_dataset, load_for_unit
    from samraad.stats import Structure, TableRequest, figures_table, unit_figures

    data = load_dataset()
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    sizes = (
        data.employments.filter(pl.col("end_date").is_null())
        .group_by("unit_id")
        .len()
        .filter(pl.col("len").is_between(40, 80))
        .sort("unit_id")
    )
    unit = sizes["unit_id"][0]

    def one_unit_year() -> object:
        return unit_figures(load_for_unit(unit, *year), unit, *year)

    print(
        f"one unit-year from the database ({unit}, {sizes['len'][0]} current employments): "
        f"median {median_time(one_unit_year, 7) * 1000:.0f} ms"
    )
    root = data.units.filter(pl.col("parent_id").is_null())["unit_id"][0]

    def root_year() -> object:
        return unit_figures(load_for_unit(root, *year), root, *year)

    print(f"the whole municipality, one year, from the database: {median_time(root_year, 3):.2f} s")
    print(f"load every row from the database: {median_time(load_dataset, 3):.2f} s")
    periods = months(TODAY.year - 4, TODAY)
    for structure in Structure:
        request = TableRequest(periods=periods, structure=structure)
        table = figures_table(data, request)
        elapsed = median_time(lambda r=request: figures_table(data, r), 3)
        print(
            f"every unit × every month ({table['unit_id'].n_unique():,} units × {len(periods)} "
            f"months = {table.height:,} rows), {structure}: median {elapsed:.2f} s"
        )
    print(f"peak memory (query process) {peak_mb():,.0f} MB")


def national(employees: int, years: int) -> None:
    import polars as pl

    from samraad.stats import Dataset, Structure, TableRequest, figures_table
    from samraad.synth import generate_frames

    started = time.perf_counter()
    frames = generate_frames(employees=employees, years=years, seed=7, today=TODAY)
    print(
        f"national: generate {employees:,} employees × {years} years into frames: "
        f"{time.perf_counter() - started:.1f} s ({frames['absences'].height:,} absence records); "
        f"peak memory so far {peak_mb():,.0f} MB"
    )
    data = Dataset(frames["units"], frames["employments"], frames["absences"])
    root = data.units.filter(pl.col("parent_id").is_null())["unit_id"][0]
    administrations = data.units.filter(pl.col("parent_id") == root)["unit_id"].unique().to_list()
    periods = [
        (dt.date(y, 1, 1), min(dt.date(y, 12, 31), TODAY))
        for y in range(TODAY.year - years + 1, TODAY.year + 1)
    ]
    request = TableRequest(
        periods=periods, units=[root, *administrations], structure=Structure.HISTORIC
    )
    started = time.perf_counter()
    table = figures_table(data, request)
    print(
        f"national: every administration × year ({table.height} rows): "
        f"{time.perf_counter() - started:.1f} s; peak memory {peak_mb():,.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--national-employees", type=int, default=500_000)
    parser.add_argument("--national-years", type=int, default=10)
    parser.add_argument("--part", choices=["all", "copenhagen", "query", "national"], default="all")
    parser.add_argument("--database", type=Path)
    args = parser.parse_args()
    if args.part == "query":
        query_database(args.database)
        return
    if args.part == "national":
        national(args.national_employees, args.national_years)
        return
    with tempfile.TemporaryDirectory(prefix="samraad-bench-") as scratch:
        folder, database = Path(scratch) / "files", Path(scratch) / "bench.sqlite3"
        folder.mkdir()
        print(f"== Copenhagen scale (SQLite at {database}) ==")
        generate_and_import(args.employees, args.years, folder, database)
        own = [sys.executable, __file__, "--database", str(database)]
        subprocess.run([*own, "--part", "query"], check=True)
    if args.part == "all":
        print("== national scale ==")
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--part",
                "national",
                "--national-employees",
                str(args.national_employees),
                "--national-years",
                str(args.national_years),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
