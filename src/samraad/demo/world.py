"""The demo: generate the synthetic municipality, import it through the real import,
and summarise each administration for the last full year."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
from django.apps import apps
from django.db import connection, transaction

from samraad.demo.committees import DemoCommittees, create_demo_committees
from samraad.demo.measures import DemoMeasures, create_demo_measures
from samraad.demo.models import DemoRun
from samraad.followup.models import Alert
from samraad.followup.store import store_alerts
from samraad.frames.loading import load_dataset
from samraad.interchange.store import ImportSummary, import_folder
from samraad.people.models import Employee
from samraad.rules.engine import replay
from samraad.rules.ruleset import RuleHistory
from samraad.stats import (
    Dataset,
    Structure,
    TableRequest,
    UnitFigures,
    day_number,
    figures_table,
    parents_as_of,
)
from samraad.synth import generate_frames, write_folder

# The apps whose rows the demo may replace (the audit log stays: it is append-only).
DEMO_APPS = (
    "measures",
    "meetings",
    "committees",
    "followup",
    "accounts",
    "absence",
    "people",
    "org",
    "demo",
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
    tables = [
        model._meta.db_table for app in DEMO_APPS for model in apps.get_app_config(app).get_models()
    ]
    # Foreign keys are deferred to the end of the transaction, so the order is free.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


def already_loaded(settings: DemoSettings) -> bool:
    """Does the database hold exactly this demo already (same size, seed and day)?"""
    last = DemoRun.objects.first()
    return last is not None and (last.today, last.employees, last.years, last.seed) == (
        settings.today,
        settings.employees,
        settings.years,
        settings.seed,
    )


def load_demo(settings: DemoSettings, folder: Path | None = None) -> ImportSummary:
    """Generate the files into `folder` (a temporary one by default) and import them,
    with the conversations the demo's managers held, and store the alerts."""
    clear_previous_demo()
    frames = generate_frames(
        employees=settings.employees, years=settings.years, seed=settings.seed, today=settings.today
    )
    data = Dataset(frames["units"], frames["employments"], frames["absences"])
    alerts = replay(data, RuleHistory.default(), settings.today)
    frames["conversations"] = demo_conversations(alerts, settings.today, settings.seed)
    with tempfile.TemporaryDirectory(prefix="samraad-demo-") as scratch:
        target = folder or Path(scratch)
        target.mkdir(parents=True, exist_ok=True)
        write_folder(frames, target)
        summary = import_folder(target)
    # The demo's managers are made up: store the alerts without queueing mail.
    store_alerts(alerts, settings.today, mail=False)
    create_demo_committees(settings.today, settings.seed)
    create_demo_measures(settings.today)
    DemoRun.objects.create(
        today=settings.today,
        employees=settings.employees,
        years=settings.years,
        seed=settings.seed,
    )
    return summary


# How the demo's managers answer alerts: most on time, some late, some not at all.
ON_TIME, LATE = 0.74, 0.12


def demo_conversations(alerts: pl.DataFrame, today: dt.date, seed: int) -> pl.DataFrame:
    """conversations.csv for the demo: one conversation of a fitting kind per answered
    alert, on a day between raised_on and due_by (on time) or up to a month after."""
    rng = np.random.default_rng(seed)
    n = alerts.height
    outcome = rng.random(n)
    raised = alerts["raised_on"].cast(pl.Int64).to_numpy()
    due = alerts["due_by"].cast(pl.Int64).to_numpy()
    on_time = raised + np.floor(rng.random(n) * (due - raised + 1)).astype(np.int64)
    late = due + 1 + rng.integers(0, 30, n)
    held = np.where(outcome < ON_TIME, on_time, late)
    kind = np.where(alerts["rule_id"] == "retention-plan", "retention_plan", "absence_conversation")
    answered = (outcome < ON_TIME + LATE) & (held <= day_number(today))
    return (
        pl.DataFrame(
            {
                "employee_id": alerts["employee_id"],
                "held_on": pl.Series(held, dtype=pl.Int64).cast(pl.Date),
                "kind": kind,
            }
        )
        .filter(pl.Series(answered))
        .unique(maintain_order=True)
        .with_row_index("n", offset=1)
        .select(
            pl.format("DEMO-C{}", pl.col("n").cast(pl.String).str.zfill(7)).alias(
                "conversation_id"
            ),
            "employee_id",
            "held_on",
            "kind",
        )
    )


def load_and_report(settings: DemoSettings, say: Callable[[str], None]) -> None:
    """Generate and import the demo, then replay the rules, telling `say` how it went."""
    say(
        f"Generating a synthetic municipality: {settings.employees:,} employees, "
        f"{settings.years} years up to {settings.today}, seed {settings.seed} …"
    )
    started = time.perf_counter()
    say(str(load_demo(settings)))
    say(str(DemoCommittees.stored()))
    say(str(DemoMeasures.stored()))
    alerts = Alert.objects.count()
    elapsed = time.perf_counter() - started
    say(f"Generated, imported and replayed the rules ({alerts:,} alerts) in {elapsed:.1f} s.\n")


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
