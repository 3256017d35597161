"""SD import at Copenhagen scale: `samraad import --format sd` on SD-format extracts.

The synthetic municipality (45,000 employees × 5 years) is written as SD Løn's extracts
(sd_extract.py: ≈ 4 million SD_FRAVDAG rows, ≈ 365,000 SD_PERSON slices); then the
command reads, merges and imports them into a fresh database, in its own process, a few
times. Prints medians of wall and CPU time, the peak memory of the import process, and
the machine's load average (it is shared: compare CPU times). Asserts nothing.

    python benchmarks/bench_sd_import.py                       # SQLite, 3 runs
    python benchmarks/bench_sd_import.py --runs 1 --employees 5000
    python benchmarks/bench_sd_import.py --database-url postgres://postgres@127.0.0.1/bench
    python benchmarks/bench_sd_import.py --phases              # where the time goes
    python benchmarks/bench_sd_import.py --compare             # figures: SD vs the world

The target (issue "payroll sources"): ≤ 60 s and ≤ 2 GB on the 2-core machine.
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
from pathlib import Path

TODAY = dt.date(2026, 11, 29)
SECRET = "benchmark-secret"


def write_extract(employees: int, years: int, folder: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from samraad.synth import generate_frames
    from sd_extract import write_sd_extract

    started = time.perf_counter()
    frames = generate_frames(employees=employees, years=years, seed=42, today=TODAY)
    first = dt.date(TODAY.year - years + 1, 1, 1)
    rows = write_sd_extract(frames, folder, first, TODAY)
    sizes = {p.name: f"{p.stat().st_size / 1e6:.0f} MB" for p in sorted(folder.iterdir())}
    print(
        f"SD extract of {employees:,} employees × {years} years ({first} to {TODAY}):"
        f" {rows['SD_PERSON']:,} SD_PERSON rows, {rows['SD_FRAVDAG']:,} SD_FRAVDAG rows;"
        f" {sizes}; written in {time.perf_counter() - started:.0f} s"
    )


def run_imports(folder: Path, runs: int, database_url: str | None, scratch: Path) -> None:
    walls, cpus, peaks = [], [], []
    loads = [os.getloadavg()[0]]
    for run in range(runs):
        env = {**os.environ, "SAMRAAD_CPR_KEY": SECRET}
        if database_url:
            _fresh_postgres(database_url)
            env["DATABASE_URL"] = database_url
        else:
            env.pop("DATABASE_URL", None)
            env["SAMRAAD_DB"] = str(scratch / f"run{run}.sqlite3")
        wall, cpu, peak, out = _timed(["import", "--format", "sd", str(folder)], env)
        walls.append(wall)
        cpus.append(cpu)
        peaks.append(peak)
        loads.append(os.getloadavg()[0])
        if run == 0:
            print("  " + "\n  ".join(out.splitlines()))
    where = "PostgreSQL" if database_url else "SQLite"
    print(
        f"first import into {where}, {runs} runs: median wall {statistics.median(walls):.1f} s"
        f" (all: {', '.join(f'{w:.1f}' for w in walls)}), median CPU"
        f" {statistics.median(cpus):.1f} s, peak memory {max(peaks):,.0f} MB;"
        f" load average {min(loads):.1f}–{max(loads):.1f}"
    )
    wall, cpu, peak, out = _timed(["import", "--format", "sd", str(folder)], env)
    print(f"re-import (nothing changed): wall {wall:.1f} s, CPU {cpu:.1f} s, peak {peak:,.0f} MB")


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall, CPU (user + system) and peak memory (MB) of one `samraad` process."""
    command = [sys.executable, "-c", "import sys; from samraad.cli import main; sys.exit(main())"]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    out = process.stdout.read() if process.stdout else ""
    err = process.stderr.read() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed:\n{out}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def _fresh_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def phases(folder: Path) -> None:
    """Read, merge, validate and store, each timed, in this (fresh) process."""
    scratch = Path(tempfile.mkdtemp(prefix="samraad-sd-phases-"))
    os.environ["SAMRAAD_DB"] = str(scratch / "phases.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    from samraad.cli import setup_django

    setup_django()
    from django.db import transaction

    from samraad.interchange import database
    from samraad.interchange.schema import TABLES
    from samraad.interchange.sources import loenart
    from samraad.interchange.sources.sd import read_sd
    from samraad.interchange.store import diff, write
    from samraad.interchange.validation import validate

    clock = [time.perf_counter(), time.process_time()]

    def mark(what: str) -> None:
        wall, cpu = time.perf_counter() - clock[0], time.process_time() - clock[1]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {what}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak so far {peak:,.0f} MB")
        clock[:] = [time.perf_counter(), time.process_time()]

    converted = read_sd(folder, SECRET, loenart.load())
    mark("read and merge the extracts (read_sd)")
    with transaction.atomic():
        validated = validate(converted.folder, database.load_stored())
        mark("validate")
        changes = {
            t.name: diff(t, validated.incoming[t.name], validated.stored[t.name])
            for t in TABLES
            if t.name in validated.incoming
        }
        write(changes)
        mark("write (SQLite)")


def compare(folder: Path, employees: int, years: int) -> None:
    """The municipality's own-sickness figures per year: the world's records vs SD's."""
    import polars as pl

    from samraad.interchange.sources import loenart
    from samraad.interchange.sources.sd import read_sd
    from samraad.interchange.validation import validate
    from samraad.stats import SCALE, Dataset, TableRequest, figures_table
    from samraad.synth import generate_frames

    frames = generate_frames(employees=employees, years=years, seed=42, today=TODAY)
    world = Dataset(frames["units"], frames["employments"], frames["absences"])
    validated = validate(read_sd(folder, SECRET, loenart.load()).folder, {})
    assert validated.ok, validated.errors[:5]
    got = validated.incoming
    sd = Dataset(
        got["units"].with_columns(pl.col("valid_from", "valid_to").str.to_date()),
        got["employments"].with_columns(
            pl.col("start_date", "end_date").str.to_date(), pl.col("weekly_hours").cast(float)
        ),
        got["absences"].with_columns(
            pl.col("start_date", "end_date").str.to_date(), pl.col("degree").cast(float)
        ),
    )
    root = frames["units"].filter(pl.col("parent_id").is_null())["unit_id"][0]
    periods = [(dt.date(y, 1, 1), min(dt.date(y, 12, 31), TODAY)) for y in range(2022, 2027)]
    request = TableRequest(periods, units=[root])
    for name, data in (("world", world), ("SD", sd)):
        table = figures_table(data, request).sort("period_from")
        pairs = zip(table["absent"], table["planned"], strict=True)
        # absent is hours × degree, both kept × SCALE; planned hours × SCALE (stats/dataset.py)
        rates = [f"{100 * a / p / SCALE:.4f} %" for a, p in pairs]
        print(f"  {name}: own-sickness absence rate {root} 2022–2026: {', '.join(rates)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", help="PostgreSQL (dropped and created per run)")
    parser.add_argument("--phases", action="store_true", help="time read, validate, write")
    parser.add_argument("--compare", action="store_true", help="figures: SD vs the world")
    parser.add_argument("--part", choices=["extract", "phases", "compare"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part == "extract":
        write_extract(args.employees, args.years, args.folder)
        return
    if args.part == "phases":
        phases(args.folder)
        return
    if args.part == "compare":
        compare(args.folder, args.employees, args.years)
        return
    with tempfile.TemporaryDirectory(prefix="samraad-bench-sd-") as scratch:
        folder = Path(scratch) / "sd"
        own = [sys.executable, __file__, "--folder", str(folder)]
        sizes = ["--employees", str(args.employees), "--years", str(args.years)]
        # Every part runs in its own process, started from this small one: Linux keeps a
        # process's peak memory across fork and exec, so a big parent would inflate it.
        subprocess.run([*own, *sizes, "--part", "extract"], check=True)
        run_imports(folder, args.runs, args.database_url, Path(scratch))
        if args.phases:
            print("phases, in one process:")
            subprocess.run([*own, "--part", "phases"], check=True)
        if args.compare:
            print("figures (from the frames, no database):")
            subprocess.run([*own, *sizes, "--part", "compare"], check=True)


if __name__ == "__main__":
    main()
