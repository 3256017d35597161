"""`samraad demo`: the synthetic municipality, imported, summarised (spec/cli.md)."""

from __future__ import annotations

import argparse
import datetime as dt
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
    parser.add_argument("--host", default="127.0.0.1", help="address the web app listens on")
    parser.add_argument("--port", type=positive, default=8000)
    parser.add_argument(
        "--no-serve", action="store_true", help="load and summarise only; do not serve the app"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from samraad.accounts.demo import create_demo_users
    from samraad.demo.world import (
        DemoSettings,
        RealDataPresent,
        administration_overview,
        already_loaded,
        last_full_year,
        load_and_report,
    )
    from samraad.web.server import serve

    today = dt.date.today()
    settings = DemoSettings(args.employees, args.years, args.seed, today)
    if already_loaded(settings):
        print(f"The database already holds this demo ({args.employees:,} employees, {today}).")
    else:
        try:
            load_and_report(settings, say=print)
        except RealDataPresent as exc:
            print(f"samraad demo: {exc}")
            return 1
    year = last_full_year(today)[0].year
    print(render_overview(administration_overview(today), year, today))
    if args.no_serve:
        return 0
    logins = create_demo_users(today)
    url = f"http://{args.host}:{args.port}/"
    print(f"\nSamråd serves the demo on {url} — sign in as (password: demo):")
    for username, what in logins:
        print(f"  {username:<8} {what}")
    print("Ctrl+C stops it.", flush=True)
    serve(args.host, args.port, demo=True)
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
