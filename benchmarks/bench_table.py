"""Every unit × every month: Samråd beside the usual BI approach, and at national scale.

    pip install -e ".[bench]"                      # DuckDB, for the peer
    python benchmarks/bench_table.py               # Copenhagen side by side, then national
    python benchmarks/bench_table.py --part copenhagen --runs 5 --database cph.sqlite3
    python benchmarks/bench_table.py --part national --sizes 45000,150000,500000

Copenhagen: the synthetic municipality (45,000 positions, 5 years) is imported into
SQLite; then, in one run, each of these in its own process, `--runs` times (medians):
- the peer: DuckDB, 2 threads, one fact row per employment × working day and per
  absence record × day, joined to an ancestor closure, summed in integers
  (benchmarks/daily_facts.sql), on the same intervals read from the same database;
- Samråd through its Python API: load the dataset from SQLite, then `figures_table`;
- `samraad table --format parquet` in a fresh process (everything, from the database).
The peer's figures are checked against Samråd's on every row, exactly. Wall, CPU
(user + sys, all threads) and peak memory (max RSS) are each process's own (wait4).

National: frames from the same generator (`--sizes`, 10 years), kept as Parquet; a fresh
process reads them and computes every unit × every month.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 29)
RESULT_COLUMNS = [
    "working_days",
    "planned",
    "headcount",
    *(f"absent_{i}" for i in range(4)),
    *(f"spells_{i}" for i in range(4)),
    "spell_days",
    "spell_employees",
]


def span(years: int) -> tuple[dt.date, dt.date]:
    return dt.date(TODAY.year - years + 1, 1, 1), TODAY


def months(years: int) -> list[tuple[dt.date, dt.date]]:
    from samraad.cli.table import periods

    return periods(*span(years), 1)


def own_measures() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def timed(action: Any) -> tuple[Any, dict[str, float]]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def use_database(database: Path) -> None:
    os.environ["SAMRAAD_DB"] = str(database)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samraad.settings")
    import django

    django.setup()


def run_child(argv: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a process; its wall time, CPU and peak memory (its own, by wait4) and the
    JSON it printed last, if any."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, env=env, text=True)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {out}")
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return {
        "wall": time.perf_counter() - started,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        **(json.loads(lines[-1]) if lines else {}),
    }


def part(name: str, *args: str) -> list[str]:
    return [sys.executable, str(Path(__file__)), "--part", name, *args]


# -- children ---------------------------------------------------------------------------


def export_inputs(database: Path, folder: Path, years: int) -> None:
    """The peer's inputs, from the same database: integer keys, days and scaled values."""
    use_database(database)
    import numpy as np
    import polars as pl

    from samraad.frames.loading import load_dataset
    from samraad.stats import END, OWN_SICKNESS, START, day_number, work_calendar

    data = load_dataset()
    units = data.unit_rows
    codes = pl.DataFrame({"unit": sorted(set(units["unit"].to_list()))}).with_row_index("code")
    codes.write_parquet(folder / "unit_codes.parquet")

    def coded(frame: pl.DataFrame, column: str) -> pl.DataFrame:
        mapping = codes.rename({"unit": column, "code": f"{column}_code"})
        return (
            frame.join(mapping, on=column, how="left")
            .drop(column)
            .rename({f"{column}_code": column})
        )

    coded(coded(units, "unit"), "parent").write_parquet(folder / "units.parquet")
    jobs = coded(data.employment_rows, "unit")
    people = pl.DataFrame({"employee": jobs["employee"].unique()}).with_row_index("id")
    jobs.join(people, on="employee").drop("employee").rename({"id": "employee"}).write_parquet(
        folder / "jobs.parquet"
    )
    records = data.absence_rows(OWN_SICKNESS)
    records.join(people, on="employee").drop("employee").rename({"id": "employee"}).write_parquet(
        folder / "records.parquet"
    )
    cal = work_calendar()
    first_day = min(records["first"].min() or END, jobs["first"].min() or END)  # type: ignore[type-var]
    days = np.arange(first_day, END + 1, dtype=np.int64)
    pl.DataFrame({"day": days, "working": cal.is_working[days - START]}).write_parquet(
        folder / "calendar.parquet"
    )
    periods = months(years)
    pl.DataFrame(
        {
            "period": range(len(periods)),
            "p_first": [day_number(a) for a, _ in periods],
            "p_last": [day_number(b) for _, b in periods],
        }
    ).write_parquet(folder / "months.parquet")


def peer(folder: Path) -> None:
    """The daily-fact approach in DuckDB, 2 threads; its result to peer.parquet."""
    import duckdb

    from samraad.stats import END

    sql = (HERE / "daily_facts.sql").read_text().format(folder=folder, open_end=END)

    def compute() -> None:
        con = duckdb.connect()
        con.execute("SET threads = 2")
        con.execute("SET preserve_insertion_order = false")
        con.execute(sql)
        con.execute(f"COPY result TO '{folder}/peer.parquet' (FORMAT parquet)")
        con.close()

    _, measures = timed(compute)
    print(json.dumps({"compute": measures, **own_measures()}))


def samraad_api(database: Path, folder: Path, years: int) -> None:
    """Samråd through its Python API: load from SQLite, then every unit × every month."""
    use_database(database)
    from samraad.frames.loading import load_dataset
    from samraad.stats import TableRequest, figures_table, work_calendar

    work_calendar()  # built once per process, as in the command; counted in neither part
    data, load = timed(load_dataset)
    table, compute = timed(lambda: figures_table(data, TableRequest(periods=months(years))))
    table.write_parquet(folder / "samraad.parquet")
    print(json.dumps({"load": load, "compute": compute, **own_measures()}))


def national_data(employees: int, years: int, folder: Path) -> None:
    from samraad.synth import generate_frames

    frames = generate_frames(employees=employees, years=years, seed=7, today=TODAY)
    for name in ("units", "employments", "absences"):
        frames[name].write_parquet(folder / f"{name}.parquet")
    print(json.dumps({"rows": {k: v.height for k, v in frames.items()}}))


def national(folder: Path, years: int) -> None:
    import polars as pl

    from samraad.stats import Dataset, TableRequest, figures_table, work_calendar

    work_calendar()
    data = Dataset(
        *(pl.read_parquet(folder / f"{n}.parquet") for n in ("units", "employments", "absences"))
    )
    table, compute = timed(lambda: figures_table(data, TableRequest(periods=months(years))))
    print(
        json.dumps(
            {
                "compute": compute,
                "rows": table.height,
                "units": table["unit_id"].n_unique(),
                **own_measures(),
            }
        )
    )


# -- the parent -------------------------------------------------------------------------


def median(runs: list[dict[str, Any]], *path: str) -> float:
    values = []
    for run in runs:
        value: Any = run
        for key in path:
            value = value[key]
        values.append(float(value))
    return statistics.median(values)


def check_agreement(folder: Path) -> str:
    """Compare the peer's figures with Samråd's on every (unit, month), exactly."""
    import polars as pl

    codes = pl.read_parquet(folder / "unit_codes.parquet").with_columns(
        pl.col("code").cast(pl.Int64)
    )
    theirs = (
        pl.read_parquet(folder / "peer.parquet")
        .with_columns(pl.col("unit").cast(pl.Int64))
        .join(codes, left_on="unit", right_on="code")
        .select(
            pl.col("unit_right").alias("unit_id"), pl.col("p_first").cast(pl.Int64), *RESULT_COLUMNS
        )
        .with_columns(pl.col(RESULT_COLUMNS).cast(pl.Int64))
    )
    ours = pl.read_parquet(folder / "samraad.parquet").select(
        "unit_id", pl.col("period_from").cast(pl.Int64).alias("p_first"), *RESULT_COLUMNS
    )
    joined = ours.join(theirs, on=["unit_id", "p_first"], how="full", suffix="_peer")
    same = pl.all_horizontal(
        (pl.col(c) == pl.col(f"{c}_peer")).fill_null(False) for c in RESULT_COLUMNS
    )
    agree = joined.filter(same).height
    if agree != joined.height or ours.height != theirs.height:
        differ = joined.filter(~same)
        print(differ.head(5))
        raise SystemExit(f"the peer and Samråd differ on {joined.height - agree:,} rows")
    return f"agree exactly on all {agree:,} rows ({len(RESULT_COLUMNS)} integer figures each)"


def copenhagen(args: argparse.Namespace, scratch: Path) -> None:
    database = args.database
    if database is None:
        sys.path.insert(0, str(HERE))
        from bench_foundation import generate_and_import

        database = scratch / "cph.sqlite3"
        (scratch / "files").mkdir()
        generate_and_import(args.employees, args.years, scratch / "files", database)
    run_child(part("export", "--database", str(database), "--folder", str(scratch)))
    first, last = span(args.years)
    command = [sys.executable, "-m", "samraad.cli", "table", "--from", str(first)]
    command += ["--to", str(last), "--by", "month", "--format", "parquet"]
    command += ["--out", str(scratch / "command.parquet")]
    env = {**os.environ, "SAMRAAD_DB": str(database)}
    env.pop("DATABASE_URL", None)
    peers, apis, commands = [], [], []
    for _ in range(args.runs):
        peers.append(run_child(part("peer", "--folder", str(scratch))))
        apis.append(run_child(part("api", "--database", str(database), "--folder", str(scratch))))
        commands.append(run_child(command, env))
    print(
        f"== every unit × every month, {args.employees:,} positions, {args.years} years "
        f"(medians of {args.runs} runs; CPU = user + sys of all threads) =="
    )
    print("peer (DuckDB daily facts, 2 threads) and Samråd: " + check_agreement(scratch))
    rows = [
        (
            "peer: SQL (facts, closure join, sums)",
            median(peers, "compute", "wall"),
            median(peers, "compute", "cpu"),
            median(peers, "peak_mb"),
        ),
        (
            "peer: whole process",
            median(peers, "wall"),
            median(peers, "cpu"),
            median(peers, "peak_mb"),
        ),
        (
            "Samråd API: load from SQLite",
            median(apis, "load", "wall"),
            median(apis, "load", "cpu"),
            None,
        ),
        (
            "Samråd API: compute (figures_table)",
            median(apis, "compute", "wall"),
            median(apis, "compute", "cpu"),
            None,
        ),
        (
            "Samråd API: whole process",
            median(apis, "wall"),
            median(apis, "cpu"),
            median(apis, "peak_mb"),
        ),
        (
            "samraad table → Parquet, fresh process",
            median(commands, "wall"),
            median(commands, "cpu"),
            median(commands, "peak_mb"),
        ),
    ]
    print(f"{'':42}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}")
    for label, wall, cpu, peak in rows:
        print(f"{label:42}{wall:9.2f}{cpu:9.2f}{'' if peak is None else f'{peak:9,.0f}'}")
    ratio = median(peers, "compute", "cpu") / median(apis, "compute", "cpu")
    whole = median(peers, "cpu") / median(commands, "cpu")
    print(
        f"CPU ratio, compute: peer / Samråd = {ratio:.1f}×; "
        f"whole processes (peer from Parquet, samraad table from SQLite): {whole:.1f}×"
    )


def national_scale(args: argparse.Namespace, scratch: Path) -> None:
    print(
        f"== national scale: every unit × every month, {args.national_years} years, "
        "fresh process =="
    )
    print(
        f"{'positions':>10}{'employees':>11}{'absences':>12}{'units':>8}{'rows':>11}"
        f"{'wall s':>9}{'CPU s':>9}{'peak MB':>9}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        folder = scratch / f"national-{size}"
        folder.mkdir()
        made = run_child(
            part(
                "national-data",
                "--folder",
                str(folder),
                "--employees",
                str(size),
                "--years",
                str(args.national_years),
            )
        )
        runs = [
            run_child(
                part("national-child", "--folder", str(folder), "--years", str(args.national_years))
            )
            for _ in range(args.national_runs)
        ]
        print(
            f"{size:>10,}{made['rows']['employees']:>11,}{made['rows']['absences']:>12,}"
            f"{runs[0]['units']:>8,}{runs[0]['rows']:>11,}{median(runs, 'compute', 'wall'):9.1f}"
            f"{median(runs, 'compute', 'cpu'):9.1f}{median(runs, 'peak_mb'):9,.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--part",
        default="all",
        choices=[
            "all",
            "copenhagen",
            "national",
            "export",
            "peer",
            "api",
            "national-data",
            "national-child",
        ],
    )
    parser.add_argument("--database", type=Path, help="an imported SQLite database to reuse")
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--sizes", default="45000,500000", help="national: positions, comma-separated"
    )
    parser.add_argument("--national-years", type=int, default=10)
    parser.add_argument("--national-runs", type=int, default=1)
    args = parser.parse_args()
    if args.part == "export":
        export_inputs(args.database, args.folder, args.years)
    elif args.part == "peer":
        peer(args.folder)
    elif args.part == "api":
        samraad_api(args.database, args.folder, args.years)
    elif args.part == "national-data":
        national_data(args.employees, args.years, args.folder)
    elif args.part == "national-child":
        national(args.folder, args.years)
    else:
        with tempfile.TemporaryDirectory(prefix="samraad-table-") as scratch:
            if args.part in ("all", "copenhagen"):
                copenhagen(args, Path(scratch))
            if args.part in ("all", "national"):
                national_scale(args, Path(scratch))


if __name__ == "__main__":
    main()
