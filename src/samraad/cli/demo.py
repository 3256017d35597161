"""`samraad demo`: the synthetic municipality, imported, summarised (spec/cli.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Any


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return value


def add_parser(sub: Any) -> None:
    parser = sub.add_parser("demo", help="generate, import and show the synthetic municipality")
    parser.add_argument("--employees", type=positive, default=45_000)
    parser.add_argument("--years", type=positive, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.demo.world import (
        DemoSettings,
        RealDataPresent,
        administration_overview,
        last_full_year,
        load_demo,
        replay_rules,
    )

    today = dt.date.today()
    settings = DemoSettings(args.employees, args.years, args.seed, today)
    print(
        f"Generating a synthetic municipality: {args.employees:,} employees, "
        f"{args.years} years up to {today}, seed {args.seed} …"
    )
    started = time.perf_counter()
    try:
        summary = load_demo(settings)
    except RealDataPresent as exc:
        print(f"samraad demo: {exc}")
        return 1
    print(summary)
    print(f"Generated and imported in {time.perf_counter() - started:.1f} s.")
    started = time.perf_counter()
    alerts = replay_rules(today)
    elapsed = time.perf_counter() - started
    print(f"Replayed the follow-up rules: {alerts:,} alerts in {elapsed:.1f} s.\n")
    year = last_full_year(today)[0].year
    print(render_overview(administration_overview(today), year, today))
    return 0


def render_overview(rows: list[tuple[str, Any]], year: int, today: dt.date) -> str:
    from samraad.org.models import Target, UnitPeriod

    names = {p.unit_id: p.name for p in UnitPeriod.objects.order_by("valid_from")}
    targets = {t.unit_id: t.absence_days_per_fte for t in Target.objects.filter(year=year)}
    header = (
        f"{'Administration':<46}{'Headcount':>10}{'FTE':>10}{'Rate %':>9}"
        f"{'Days/FTE':>10}{'Target':>8}{'Spells':>9}{'Long-term':>11}"
    )
    lines = [
        f"Own sickness {year}, by administration (structure as of {today})",
        header,
        "-" * len(header),
    ]
    rows = sorted(rows[:-1], key=lambda r: names.get(r[0], r[0])) + rows[-1:]
    for unit, figures in rows:
        data = figures.to_json()
        hours = figures.absence_hours
        long_share = figures.by_length["31+"].absence_hours / hours * 100 if hours else 0
        target = targets.get(unit)
        lines.append(
            f"{names.get(unit, unit)[:45]:<46}{figures.headcount:>10,}{data['fte']:>10,.1f}"
            f"{(data['absence_rate'] or 0):>9.2f}{data['absence_days_per_fte']:>10.2f}"
            f"{'' if target is None else f'{target:.1f}':>8}{figures.spells:>9,}"
            f"{float(long_share):>10.1f}%"
        )
    lines.append("Long-term: share of absence hours in spells over 30 days.")
    return "\n".join(lines)
