"""`samraad demo`: load the synthetic municipality, show it, serve it.

`samraad.synth` generates; `demo.world` imports through the real import and replays the
rules; `demo.users` makes a login per role; this module puts them together.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from samraad import clock
from samraad.demo.users import create_demo_users
from samraad.demo.world import (
    DemoSettings,
    RealDataPresent,
    administration_overview,
    already_loaded,
    last_full_year,
    load_and_report,
)
from samraad.org.models import Target, UnitPeriod
from samraad.web.server import port_problem, serve


def run_demo(employees: int, years: int, seed: int, serve_on: tuple[str, int] | None) -> int:
    """Load the demo (unless this very demo is loaded already), print each
    administration's figures and the logins, and serve the web app until Ctrl+C."""
    today = clock.today()
    if serve_on is not None and (problem := port_problem(*serve_on)):
        print(f"samraad: error: {problem}", file=sys.stderr)
        return 2
    settings = DemoSettings(employees, years, seed, today)
    if already_loaded(settings):
        print(f"The database already holds this demo ({employees:,} employees, {today}).")
    else:
        try:
            load_and_report(settings, say=print)
        except RealDataPresent as exc:
            print(f"samraad demo: {exc}")
            return 1
    year = last_full_year(today)[0].year
    print(render_overview(administration_overview(today), year, today))
    if serve_on is None:
        return 0
    host, port = serve_on
    logins = create_demo_users(today)
    url = f"http://{host}:{port}/"
    print(f"\nSamråd serves the demo on {url} — sign in as (password: demo):")
    for username, what in logins:
        print(f"  {username:<8} {what}")
    print("Ctrl+C stops it.", flush=True)
    serve(host, port, demo=True)
    return 0


def render_overview(rows: list[tuple[str, Any]], year: int, today: dt.date) -> str:
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
