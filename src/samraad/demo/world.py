"""The demo: generate the synthetic municipality, import it through the real import,
and summarise each administration for the last full year."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl
from django.db import connection, transaction

from samraad.absence.loading import load_dataset
from samraad.demo.models import DemoRun
from samraad.interchange.store import ImportSummary, import_folder
from samraad.people.models import Employee
from samraad.rules.engine import replay
from samraad.rules.ruleset import RuleHistory
from samraad.rules.store import store_alerts
from samraad.stats import Structure, TableRequest, UnitFigures, figures_table
from samraad.stats.structure import parents_as_of
from samraad.stats.workdays import day_number
from samraad.synth import generate_frames, write_folder

# Tables the demo may empty, children first.
DEMO_TABLES = (
    "absence_conversation",
    "absence_absence",
    "people_employment",
    "people_employee",
    "org_target",
    "org_unitperiod",
    "org_unit",
)


class RealDataPresent(Exception):
    """The database holds data that the demo did not put there: it will not touch it."""


@dataclass(frozen=True)
class DemoSettings:
    employees: int
    years: int
    seed: int
    today: dt.date


def clear_previous_demo() -> None:
    if Employee.objects.exists() and not DemoRun.objects.exists():
        raise RealDataPresent(
            "the database holds data that is not from a demo; point SAMRAAD_DB at another file"
        )
    with transaction.atomic(), connection.cursor() as cursor:
        for table in DEMO_TABLES:
            cursor.execute(f"DELETE FROM {table}")
        DemoRun.objects.all().delete()


def load_demo(settings: DemoSettings, folder: Path | None = None) -> ImportSummary:
    """Generate the files into `folder` (a temporary one by default) and import them."""
    clear_previous_demo()
    frames = generate_frames(
        employees=settings.employees, years=settings.years, seed=settings.seed, today=settings.today
    )
    with tempfile.TemporaryDirectory(prefix="samraad-demo-") as scratch:
        target = folder or Path(scratch)
        target.mkdir(parents=True, exist_ok=True)
        write_folder(frames, target)
        summary = import_folder(target)
    DemoRun.objects.create(
        today=settings.today,
        employees=settings.employees,
        years=settings.years,
        seed=settings.seed,
    )
    return summary


def replay_rules(today: dt.date) -> int:
    """Replay the default rule set over the demo data and store the alerts, without
    queueing mail (the demo's managers are made up). Returns the number stored."""
    alerts = replay(load_dataset(), RuleHistory.default(), today)
    return store_alerts(alerts, today, mail=False).new


def last_full_year(today: dt.date) -> tuple[dt.date, dt.date]:
    year = today.year - 1
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def administration_overview(today: dt.date) -> list[tuple[str, UnitFigures]]:
    """Each administration's figures for the last full year, in today's structure
    (so an administration compares like with like after a transfer)."""
    data = load_dataset()
    tree = parents_as_of(data.unit_rows, day_number(today))
    roots = tree.filter(pl.col("parent").is_null())["unit"].to_list()
    administrations = sorted(tree.filter(pl.col("parent").is_in(roots))["unit"].to_list())
    start, end = last_full_year(today)
    request = TableRequest(
        periods=[(start, end)],
        units=[*roots, *administrations],
        structure=Structure.CURRENT,
        as_of=today,
    )
    table = figures_table(data, request)
    rows = {row["unit_id"]: row for row in table.iter_rows(named=True)}
    return [
        (unit, UnitFigures.from_row(rows[unit], Structure.CURRENT, request.causes))
        for unit in [*administrations, *roots]
    ]
