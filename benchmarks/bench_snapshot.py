"""Snapshot imports at Copenhagen scale: `samraad import DIR --snapshot` (docs/interchange.md).

The synthetic municipality (45,000 employees × 5 years: ≈ 85,000 employees, 93,000
employments, 700,000 absences, 2,600 managers) is written as interchange files once; then,
on SQLite and on PostgreSQL, each timed in its own `samraad` process:

1. first full snapshot into an empty (migrated) database;
2. the same snapshot again (nothing changes);
3. a snapshot with ≈ 1 % of the absences left out and ≈ 1 % changed (their degree and
   end); after each timed run the full snapshot is imported again, untimed, so that
   every run starts from the same state.

Prints medians of wall and CPU time (the import process's own, plus on PostgreSQL the
server backends' serving the benchmark's database, read from /proc: run it on the
database's machine) and the machine's load average: it is shared, and the CPU time is
the figure that does not depend on what else runs. Asserts nothing.

    python benchmarks/bench_snapshot.py                                  # both, 3 runs
    python benchmarks/bench_snapshot.py --employees 5000 --runs 1
    python benchmarks/bench_snapshot.py --database-url postgres://postgres@127.0.0.1/bench
    python benchmarks/bench_snapshot.py --no-postgres

The target (issue 13): a full snapshot under 20 s on either database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TODAY = dt.date(2026, 11, 29)
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/snapshot_bench"
CLI = [sys.executable, "-c", "import sys; from samraad.cli import main; sys.exit(main())"]


def write_snapshots(employees: int, years: int, scratch: Path) -> tuple[Path, Path]:
    """The full folder, and the folder with ≈ 1 % of absences removed and ≈ 1 % changed."""
    import polars as pl

    from samraad.synth import generate_frames, write_folder

    started = time.perf_counter()
    frames = generate_frames(employees=employees, years=years, seed=42, today=TODAY)
    full = scratch / "full"
    write_folder(frames, full)
    rows = {name: frame.height for name, frame in frames.items()}
    size = sum(p.stat().st_size for p in full.iterdir()) / 1e6
    print(f"{employees:,} employees × {years} years: {rows}; {size:.0f} MB of CSV", end="")
    print(f"; generated and written in {time.perf_counter() - started:.0f} s")

    absences = frames["absences"].with_row_index("_n")
    every = 100
    # Row n % 100 == 0 is left out, n % 100 == 50 changes: a half-day record, ending on
    # its first day (a shorter record never overlaps a neighbour).
    changed = pl.col("_n") % every == every // 2
    corrected = absences.filter(pl.col("_n") % every != 0).with_columns(
        pl.when(changed).then(pl.lit(0.5)).otherwise(pl.col("degree")).alias("degree"),
        pl.when(changed).then(pl.col("start_date")).otherwise(pl.col("end_date")).alias("end_date"),
    )
    removed = absences.height - corrected.height
    edited = corrected.filter(changed).height
    print(f"the corrected snapshot: {removed:,} absences left out, {edited:,} changed")
    corrected_frames = {**frames, "absences": corrected.drop("_n")}
    corrections = scratch / "corrected"
    write_folder(corrected_frames, corrections)
    return full, corrections


def migrate(env: dict[str, str]) -> None:
    code = "from samraad.cli import setup_django; setup_django()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def timed(folder: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall and CPU (user + system) of one `samraad import FOLDER --snapshot`; on
    PostgreSQL the CPU of the server processes serving its database is added."""
    database = env.get("DATABASE_URL", "").rsplit("/", 1)[-1]
    server = ServerCPU(database) if database else None
    started = time.perf_counter()
    process = subprocess.Popen(
        [*CLI, "import", str(folder), "--snapshot"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"import failed:\n{out}\n{err}")
    usage = resource_usage() + (server.stop() if server else 0.0)
    return wall, usage, out


class ServerCPU(threading.Thread):
    """Polls /proc for PostgreSQL backends serving `database` (same machine) and keeps the
    last CPU time seen of each: their sum is the server's share of an import."""

    def __init__(self, database: str) -> None:
        super().__init__(daemon=True)
        self.marker = f" {database} ".encode()
        self.seen: dict[int, float] = {}
        self.done = threading.Event()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.start()

    def run(self) -> None:
        while not self.done.wait(0.05):
            self.poll()

    def poll(self) -> None:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if self.marker not in (entry / "cmdline").read_bytes().replace(b"\0", b" "):
                    continue
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            self.seen[int(entry.name)] = (int(fields[11]) + int(fields[12])) / self.tick

    def stop(self) -> float:
        self.done.set()
        self.join()
        return sum(self.seen.values())


_cpu_seen = [0.0]


def resource_usage() -> float:
    """CPU of the children since the last call."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    spent, _cpu_seen[0] = total - _cpu_seen[0], total
    return spent


def fresh_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def bench(where: str, fresh: object, full: Path, corrected: Path, runs: int) -> None:
    """`fresh()` gives the environment of an empty, migrated database."""
    assert callable(fresh)
    loads = [os.getloadavg()[0]]
    figures: dict[str, list[tuple[float, float]]] = {"first": [], "again": [], "corrected": []}
    shown = False
    for _ in range(runs):
        env = fresh()
        resource_usage()
        wall, cpu, out = timed(full, env)
        figures["first"].append((wall, cpu))
        if not shown:
            print("  " + "\n  ".join(out.splitlines()))
            shown = True
        loads.append(os.getloadavg()[0])
    for _ in range(runs):
        wall, cpu, _out = timed(full, env)
        figures["again"].append((wall, cpu))
        loads.append(os.getloadavg()[0])
    for run in range(runs):
        wall, cpu, out = timed(corrected, env)
        figures["corrected"].append((wall, cpu))
        if run == 0:
            print("  " + "\n  ".join(line for line in out.splitlines() if "absences" in line))
        timed(full, env)  # back to the full state, untimed
        loads.append(os.getloadavg()[0])
    names = {
        "first": "first full snapshot, empty database",
        "again": "the same snapshot again (no change)",
        "corrected": "1 % of absences removed, 1 % changed",
    }
    for key, label in names.items():
        walls = [w for w, _ in figures[key]]
        cpus = [c for _, c in figures[key]]
        print(
            f"{where}: {label}: median wall {statistics.median(walls):.1f} s"
            f" (all: {', '.join(f'{w:.1f}' for w in walls)}), median CPU"
            f" {statistics.median(cpus):.1f} s"
        )
    print(f"{where}: load average {min(loads):.1f}–{max(loads):.1f} (2 cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="samraad-bench-snapshot-"))
    try:
        full, corrected = write_snapshots(args.employees, args.years, scratch)
        databases = iter(range(1000))

        def fresh_sqlite() -> dict[str, str]:
            env = {**os.environ, "SAMRAAD_DB": str(scratch / f"db{next(databases)}.sqlite3")}
            env.pop("DATABASE_URL", None)
            migrate(env)
            return env

        def fresh_pg() -> dict[str, str]:
            fresh_postgres(args.database_url)
            env = {**os.environ, "DATABASE_URL": args.database_url}
            migrate(env)
            return env

        if not args.no_sqlite:
            bench("SQLite", fresh_sqlite, full, corrected, args.runs)
        if not args.no_postgres:
            bench("PostgreSQL", fresh_pg, full, corrected, args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
