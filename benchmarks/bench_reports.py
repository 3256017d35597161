"""Monthly reports (LIS) at Copenhagen scale: every administration's and centre's report
for one month, as PDF and as Excel, for management (with the longest absences) and for
a committee (the disclosure policy of the day).

Prints the total and the median per report; asserts nothing. The brief's limit: every
administration's and centre's report, PDF and Excel, in at most 60 s in total.

    python benchmarks/bench_reports.py [--employees 45000] [--seed 42] [--month 2026-10]
                                       [--audience management|committee|both]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time
from collections.abc import Sequence
from decimal import Decimal

import polars as pl

from samraad import disclosure
from samraad.followup.longest import CONVERSATION_COLUMNS, LongAbsence, longest
from samraad.reports.content import Audience, compute_sources, monthly_report, no_alerts
from samraad.reports.document import report_pdf
from samraad.reports.periods import Month, ReportPeriods
from samraad.reports.workbook import report_xlsx
from samraad.rules import default_ruleset
from samraad.stats import Dataset, Structure
from samraad.synth import generate_frames

TODAY = dt.date(2026, 11, 29)


def no_conversations(people: Sequence[str]) -> pl.DataFrame:
    return pl.DataFrame(schema=CONVERSATION_COLUMNS)


def day_policy(
    data: Dataset, jobs: pl.DataFrame, month: Month, structure: Structure
) -> disclosure.Policy:
    """The disclosure policy of the day with the decisions a report asks for. The web app
    computes it once a day for every page, export and report of every process (serve's
    warm-up; absence.service.policy shares it through files), so it is timed apart."""
    wall, cpu = time.perf_counter(), time.process_time()
    alerts = pl.DataFrame(
        schema={"employee_id": pl.String, "unit_id": pl.String, "raised_on": pl.Date}
    )
    policy = disclosure.policy(data, TODAY, lambda: jobs, lambda: alerts)
    periods = ReportPeriods(month)
    root = "KK"
    policy.unit(structure, root, *periods.period("last_12_months"))
    for kind in (disclosure.LENGTH_GROUPS, disclosure.JOB_GROUPS):
        policy.parts(kind, structure, root, *periods.period("last_12_months"))
    for _, period, _ in periods.headline():
        policy.parts(disclosure.ALERTS, structure, root, *period)
    print(
        f"the day's disclosure policy and its decisions for the month (once a day, shared): "
        f"{time.perf_counter() - wall:.1f} s, {time.process_time() - cpu:.1f} s CPU",
        flush=True,
    )
    return policy


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=45_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--month", default="2026-10")
    parser.add_argument("--audience", choices=["management", "committee", "both"], default="both")
    args = parser.parse_args()
    month = Month.parse(args.month)
    frames = generate_frames(employees=args.employees, years=5, seed=args.seed, today=TODAY)
    data = Dataset(frames["units"], frames["employments"], frames["absences"])
    units = frames["units"].sort("valid_from").unique("unit_id", keep="last")
    names = dict(units.select("unit_id", "name").iter_rows())
    open_on = units.filter(pl.col("valid_to").is_null() | (pl.col("valid_to") >= month.last))
    reported = sorted(
        u
        for u, k in open_on.select("unit_id", "kind").iter_rows()
        if k in ("administration", "centre")
    )
    targets = {u: Decimal(str(v)) for u, y, v in frames["targets"].iter_rows() if y == month.year}
    people = dict(frames["employees"].select("employee_id", "name").iter_rows())
    jobs = frames["employments"].select("employment_id", "job_group")
    rules = default_ruleset()
    print(
        f"world: {args.employees:,} employees × 5 years, seed {args.seed}: {len(names):,} units, "
        f"{data.absences.height:,} absence records; month {month}: {len(reported)} "
        f"administrations and centres; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )

    def longest_below(unit: str, day: dt.date) -> list[LongAbsence]:
        return longest(data, unit, day, no_conversations, rules)

    audiences = (
        [Audience.MANAGEMENT, Audience.COMMITTEE]
        if args.audience == "both"
        else [Audience(args.audience)]
    )
    for audience in audiences:
        structure = Structure.HISTORIC if audience is Audience.MANAGEMENT else Structure.CURRENT
        shown: disclosure.Disclosure = disclosure.EVERYTHING
        if audience is Audience.COMMITTEE:
            shown = day_policy(data, jobs, month, structure)
        started, cpu = time.perf_counter(), time.process_time()
        sources = compute_sources(data, jobs, no_alerts(), targets, names, month, structure, TODAY)
        sources.make_forecasts(reported)
        tables = time.perf_counter() - started
        pdf_times, xlsx_times, content_times, pages = [], [], [], 0
        for unit in reported:
            t0 = time.perf_counter()
            report = monthly_report(
                sources,
                unit,
                audience,
                shown,
                longest=longest_below if audience is Audience.MANAGEMENT else None,
                person_names=people,
            )
            t1 = time.perf_counter()
            pdf = report_pdf(report)
            t2 = time.perf_counter()
            report_xlsx(report)
            t3 = time.perf_counter()
            content_times.append(t1 - t0)
            pdf_times.append(t2 - t1)
            xlsx_times.append(t3 - t2)
            pages += pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page")
        total, total_cpu = time.perf_counter() - started, time.process_time() - cpu
        per = [c + p + x for c, p, x in zip(content_times, pdf_times, xlsx_times, strict=True)]
        print(
            f"{audience} ({structure} structure): {len(reported)} reports, PDF and Excel, "
            f"in {total:.1f} s total, {total_cpu:.1f} s CPU (every unit's tables {tables:.1f} s "
            f"first)\n"
            f"  per report, median: {statistics.median(per) * 1000:,.0f} ms "
            f"(content {statistics.median(content_times) * 1000:,.0f} ms, "
            f"PDF {statistics.median(pdf_times) * 1000:,.0f} ms, "
            f"Excel {statistics.median(xlsx_times) * 1000:,.0f} ms); slowest "
            f"{max(per) * 1000:,.0f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
