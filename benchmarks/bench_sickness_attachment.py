"""The yearly sickness item's attachments as the CSO's secretary makes them: the
statistics (every administration and job group, three periods, through the disclosure
policy) and the compiled measures, each as PDF and Word, stored as new versions.

    python benchmarks/bench_sickness_attachment.py [--employees 10000] [--years 3] [--runs 5]

Loads the demo (synthetic municipality, committees, measures) into a scratch SQLite
database in benchmarks/out/, then times:
- the first statistics attachment of the day in a fresh cache (the policy's decisions
  for the periods and the job groups' figures computed), once;
- the statistics attachment again (the day's figures kept), median of the runs;
- the measures attachment (Bilag 2), median of the runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
TODAY = dt.date(2026, 6, 15)


def setup() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / "sickness_attachment.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["SAMRAAD_DB"] = str(database)
    os.environ["SAMRAAD_TODAY"] = TODAY.isoformat()
    sys.path.insert(0, str(ROOT / "src"))
    from samraad.cli import setup_django

    setup_django()


def timed(work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup()
    from samraad.demo.world import DemoSettings, load_demo
    from samraad.frames import cache
    from samraad.measures.store import attach_measures, attach_statistics
    from samraad.meetings.models import AgendaItem

    load = timed(lambda: load_demo(DemoSettings(args.employees, args.years, 42, TODAY)))
    item = AgendaItem.objects.filter(
        meeting__series__committee_id="CSO", recurring__report="sickness_absence"
    ).latest("meeting__date")
    cache.invalidate()
    first = timed(lambda: attach_statistics(item, TODAY, None))
    again = [timed(lambda: attach_statistics(item, TODAY, None)) for _ in range(args.runs)]
    measures = [timed(lambda: attach_measures(item, TODAY, None)) for _ in range(args.runs)]
    print(f"demo: {args.employees:,} employees, {args.years} years, loaded in {load:.1f} s")
    print(f"statistics attachment, first of the day (fresh cache): {first * 1000:.0f} ms")
    print(
        f"statistics attachment again: median {statistics.median(again) * 1000:.0f} ms "
        f"over {args.runs} runs"
    )
    print(
        f"measures attachment (Bilag 2): median {statistics.median(measures) * 1000:.0f} ms "
        f"over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
